"""Questions to the graph. Each runs a named ``.rq`` file with user values bound, never formatted."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Dataset, Literal
from rdflib.term import Identifier, Variable

from malgraf.resources import load_query

Row = dict[str, object]


def select(dataset: Dataset, name: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
    """Run the SELECT query ``queries/<name>.rq`` with ``bindings`` and return rows as dicts.

    Values are rdflib terms (``URIRef``, ``Literal``) or ``None`` for unbound variables.
    """
    result = dataset.query(load_query(name), initBindings=dict(bindings or {}))
    variables: list[Variable] = list(result.vars or [])
    return [{str(v): row.get(v) for v in variables} for row in result.bindings]


def counts_per_class(dataset: Dataset, lang: str = "sv") -> list[Row]:
    """Resources per class (malgraf's classes and the UN's SDG classes)."""
    return select(dataset, "class_counts", {"lang": Literal(lang)})


def counts_per_scheme(dataset: Dataset, lang: str = "sv") -> list[Row]:
    """Concepts per SKOS concept scheme."""
    return select(dataset, "scheme_counts", {"lang": Literal(lang)})


def insatser_per_region(dataset: Dataset) -> list[Row]:
    """Insatser per region and year; regions without insatser appear with 0."""
    return select(dataset, "insatser_per_region")
