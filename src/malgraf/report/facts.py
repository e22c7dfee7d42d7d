"""What a report counts, read from the graph once: the insatser of the selection, the goals they
name, the goals of every scheme, the edges between goals and the §8 amounts.

Everything a table counts is computed from these in ``tables``, so that every table of a report
counts the same insatser the same way, and a test can check each against a direct SPARQL count.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from malgraf.query import scheme_name, select_values
from malgraf.store import GraphStore

SCHEME_OF_CLASS = {
    "https://w3id.org/malgraf/ontology#RusGoal": "rus",
    "https://w3id.org/malgraf/ontology#OtherGoal": "rus",
}
"""A region's other goals (a smart specialisation strategy, a programme) count with its RUS goals."""


@dataclass(frozen=True)
class Selection:
    """Which insatser a report counts, and whether suggested links count too."""

    region: URIRef | None = None
    year: int | None = None
    with_suggested: bool = False

    def bindings(self) -> dict[str, URIRef | Literal]:
        values: dict[str, URIRef | Literal] = {}
        if self.region is not None:
            values["region"] = self.region
        if self.year is not None:
            values["year"] = Literal(str(self.year), datatype=XSD.gYear)
        return values


@dataclass(frozen=True)
class Facts:
    """The graph as a report reads it, IRIs as strings."""

    selection: Selection
    insatser: pd.DataFrame
    """insats, region, year, section, name: one row per insats of the selection."""
    links: pd.DataFrame
    """insats, goal, how (stated, section, suggested): the goals each insats names itself."""
    goals: pd.DataFrame
    """goal, scheme (sdg, national, eruf, programmes, rus, other), class, notation, label, region."""
    edges: list[tuple[str, str, str]]
    """(from, to, kind) between goals: broader, main, crosswalk, suggested."""
    regions: pd.DataFrame
    """region, regionName, lanskod: every region, with or without insatser."""
    allocations: pd.DataFrame
    """region, year, item, measure, amount, share, period, statement, line, note."""


def _frame(rows: list[dict[str, object]], columns: list[str]) -> pd.DataFrame:
    """``rows`` as a frame, IRIs as plain strings (an rdflib IRI neither hashes nor compares as one)."""
    return pd.DataFrame.from_records(
        [tuple(str(value) if isinstance(value, Identifier) else value for value in (row[c] for c in columns))
         for row in rows], columns=columns)


def read_facts(store: GraphStore, selection: Selection, lang: str = "sv") -> Facts:
    """The facts of ``selection``: its insatser and their links, and every goal, edge and region."""
    bindings = selection.bindings() or None
    insatser = _frame(select_values(store, "report_insatser", bindings),
                      ["insats", "region", "year", "section", "name"])
    insatser = insatser.drop_duplicates("insats")
    insatser["year"] = insatser["year"].astype(int)
    links = _frame(select_values(store, "report_links", bindings), ["insats", "goal", "how"])
    if not selection.with_suggested:
        links = links[links["how"] != "suggested"]
    goals = _goals(store, lang)
    edges = [(str(row["from"]), str(row["to"]), str(row["edge"]))
             for row in select_values(store, "report_goal_edges")]
    regions = _frame(select_values(store, "report_regions"), ["region", "regionName", "lanskod"])
    allocations = _frame(select_values(store, "report_allocations", bindings),
                         ["record", "region", "year", "item", "measure", "amount", "share", "period",
                          "statement", "line", "note"])
    for column in ("amount", "share", "line"):
        allocations[column] = allocations[column].map(_number).astype(object)
    return Facts(selection, insatser.reset_index(drop=True), links.drop_duplicates().reset_index(drop=True),
                 goals, edges, regions.drop_duplicates("region").sort_values("lanskod").reset_index(drop=True),
                 allocations)


def _number(value: object) -> int | float | None:
    """A decimal from the graph as a plain number (whole kronor as ``int``); None stays None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else number


def _goals(store: GraphStore, lang: str) -> pd.DataFrame:
    rows = []
    for row in select_values(store, "report_goals"):
        cls = str(row["class"])
        scheme = SCHEME_OF_CLASS.get(cls) or scheme_name(row["scheme"])
        first, second = (row["svLabel"], row["enLabel"]) if lang == "sv" else (row["enLabel"], row["svLabel"])
        rows.append({"goal": str(row["goal"]), "scheme": scheme, "schemeIri": str(row["scheme"]), "class": cls,
                     "notation": None if row["notation"] is None else str(row["notation"]),
                     "label": str(first or second or row["goal"]),
                     "region": None if row["region"] is None else str(row["region"])})
    frame = pd.DataFrame.from_records(rows, columns=["goal", "scheme", "schemeIri", "class", "notation", "label",
                                                     "region"])
    return frame.drop_duplicates("goal").reset_index(drop=True)
