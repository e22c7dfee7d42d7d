"""Find the files malgraf ships (ontology, reference data, queries) in a checkout or a wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIRECTORY = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    """The directory ``name`` in the wheel (``malgraf/_shipped/name``) or at the checkout root."""
    in_wheel = PACKAGE_DIRECTORY / "_shipped" / name
    if in_wheel.is_dir():
        return in_wheel
    return PACKAGE_DIRECTORY.parent.parent / name


ONTOLOGY_DIRECTORY = _shipped("ontology")
DATA_DIRECTORY = _shipped("data")
REFERENCE_DIRECTORY = DATA_DIRECTORY / "reference"
SOURCE_DIRECTORY = DATA_DIRECTORY / "sources"
CROSSWALK_DIRECTORY = DATA_DIRECTORY / "crosswalk"
"""The reviewed crosswalk: ``decisions.csv`` (accepted and rejected links, who and when), and any
``*.csv`` of the same columns beside it (``suggestions.csv``: suggested, not yet decided)."""
GOALS_DIRECTORY = DATA_DIRECTORY / "goals"
"""Each region's reviewed goal vocabulary: ``data/goals/<länskod>-<name>.csv``."""
APPENDIX_2023 = SOURCE_DIRECTORY / "tillvaxtverket-tabellbilaga-2023.txt"
"""The 2023 table appendix as text: the default input of ``malgraf import appendix``."""
QUERY_DIRECTORY = PACKAGE_DIRECTORY / "queries"
ONTOLOGY_FILE = ONTOLOGY_DIRECTORY / "malgraf.ttl"
SHAPES_FILE = ONTOLOGY_DIRECTORY / "shapes.ttl"


@cache
def load_query(name: str) -> str:
    """The text of the SPARQL query ``queries/<name>.rq``.

    >>> load_query("class_counts").startswith("#")
    True
    """
    return (QUERY_DIRECTORY / f"{name}.rq").read_text(encoding="utf-8")


@cache
def sdg_colours() -> tuple[str, ...]:
    """The colours of the 17 Sustainable Development Goals in the UN's guidelines, goal 1 first
    (``data/reference/sdg-colours.csv``, where they are cited)."""
    import csv

    with (REFERENCE_DIRECTORY / "sdg-colours.csv").open(encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: int(row["goal"]))
    return tuple(row["colour"].lower() for row in rows)
