"""What a report counts, read from the graph once: the roll-up cells ``malgraf build`` materialised
(insatser per goal, region and year, in all, directly, through main links, with suggestions), the
group cells ("any of them"), the insatser per region and section, the goals of the report's schemes
and the §8 amounts.

Every count is summed from cells the build made over the closure, so that a report reads a few
thousand cells instead of following hundreds of thousands of links (``benchmarks/report.py``), and
every table of a report counts the same insatser the same way; a test checks each table against a
direct SPARQL count over the links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from malgraf.answers import Scope
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

    def bindings(self) -> dict[str, Identifier]:
        values: dict[str, Identifier] = {}
        if self.region is not None:
            values["region"] = self.region
        if self.year is not None:
            values["year"] = Literal(str(self.year), datatype=XSD.gYear)
        return values

    def with_schemes(self, schemes: Sequence[URIRef]) -> list[dict[str, Identifier | None]]:
        """The selection's bindings once per scheme: a ``VALUES`` table with a row per scheme."""
        return [{**self.bindings(), "scheme": scheme} for scheme in schemes]


@dataclass(frozen=True)
class Facts:
    """The graph as a report reads it, IRIs as strings."""

    selection: Selection
    store: GraphStore
    insatser: pd.Series
    """How many insatser of the selection each region (IRI) has."""
    cells: pd.DataFrame
    """goal, region, all, direct, main, suggested: insatser per goal and region, years summed."""
    groups: pd.DataFrame
    """group, region, all, main, suggested: insatser that reach any goal of a group."""
    goals: pd.DataFrame
    """goal, scheme (sdg, national, eruf, programmes, rus, other), class, notation, label, region."""
    parents: dict[str, str]
    """A goal → the goal above it."""
    sections: pd.DataFrame
    """region, section, n."""
    regions: pd.DataFrame
    """region, regionName, lanskod: every region, with or without insatser."""
    allocations: pd.DataFrame
    """region, year, item, measure, amount, share, period, statement, line, note."""
    lang: str

    @property
    def count_column(self) -> str:
        """Which count a report shows "in all": the reviewed links', or with suggestions too."""
        return "suggested" if self.selection.with_suggested else "all"


def _frame(rows: list[dict[str, object]], columns: list[str]) -> pd.DataFrame:
    """``rows`` as a frame, IRIs as plain strings (an rdflib IRI neither hashes nor compares as one)."""
    return pd.DataFrame.from_records(
        [tuple(str(value) if isinstance(value, Identifier) else value for value in (row[c] for c in columns))
         for row in rows], columns=columns)


def _number(value: object) -> int | float | None:
    """A number from the graph as a plain number (whole kronor as ``int``); None stays None."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else number


def read_facts(store: GraphStore, selection: Selection, scope: Scope, schemes: Sequence[URIRef],
               lang: str = "sv") -> Facts:
    """The facts of ``selection`` for a report on the goals of ``schemes``."""
    counts = {region: sum(n for (r, year), n in scope.counts.items() if r == region
                          and (selection.year is None or year == str(selection.year)))
              for region in scope.names if selection.region in (None, region)}
    insatser = pd.Series({str(region): n for region, n in counts.items() if n}, dtype=int)
    bindings = selection.bindings() or None
    cells = _counts(select_values(store, "report_cells", selection.with_schemes(schemes)) if schemes else [],
                    ["goal", "region"], ["all", "direct", "main", "suggested"])
    groups = _counts(select_values(store, "report_groups", bindings), ["group", "region"],
                     ["all", "main", "suggested"])
    in_section = groups[groups["group"].str.startswith("section-")]
    sections = pd.DataFrame({"region": in_section["region"], "n": in_section["all"],
                             "section": in_section["group"].str.removeprefix("section-").astype(int)})
    goals = _goals(store, schemes, lang)
    parents = {str(row["goal"]): str(row["parent"])
               for row in select_values(store, "report_parents", [{"scheme": s} for s in schemes])} if schemes else {}
    regions = _frame(select_values(store, "report_regions"), ["region", "regionName", "lanskod"])
    allocations = _frame(select_values(store, "report_allocations", bindings),
                         ["record", "region", "year", "item", "measure", "amount", "share", "period",
                          "statement", "line", "note"])
    for column in ("amount", "share", "line"):
        allocations[column] = allocations[column].map(_number).astype(object)
    return Facts(selection, store, insatser, cells, groups, goals, parents, sections,
                 regions.drop_duplicates("region").sort_values("lanskod").reset_index(drop=True), allocations,
                 lang)


def _counts(rows: list[dict[str, object]], keys: list[str], numbers: list[str]) -> pd.DataFrame:
    """Cells summed over the years of the selection; a count a cell does not state is 0."""
    frame = _frame(rows, [*keys, *numbers])
    for column in numbers:
        frame[column] = pd.to_numeric(frame[column]).fillna(0).astype(int)
    if frame.empty:
        return frame
    return frame.groupby(keys, as_index=False)[numbers].sum()


def _goals(store: GraphStore, schemes: Sequence[URIRef], lang: str) -> pd.DataFrame:
    """One row per goal of ``schemes``: its scheme, class (the first of its goal classes by name),
    notation, label in ``lang`` (else the other language, else its IRI) and region."""
    columns = ["goal", "scheme", "schemeIri", "class", "notation", "label", "region"]
    found: dict[str, dict[str, object]] = {}
    rows = select_values(store, "report_goals", [{"scheme": scheme} for scheme in schemes]) if schemes else []
    for row in sorted(rows, key=lambda r: (str(r["goal"]), str(r["scheme"]), str(r["key"]), str(r["value"]))):
        goal = found.setdefault(str(row["goal"]), {"goal": str(row["goal"]), "schemeIri": str(row["scheme"])})
        goal.setdefault(str(row["key"]), str(row["value"]))
    first, second = ("sv", "en") if lang == "sv" else ("en", "sv")
    records = [{"goal": iri, "scheme": SCHEME_OF_CLASS.get(str(goal.get("class"))) or scheme_name(goal["schemeIri"]),
                "schemeIri": goal["schemeIri"], "class": goal.get("class"), "notation": goal.get("notation"),
                "label": goal.get(first) or goal.get(second) or iri, "region": goal.get("region")}
               for iri, goal in found.items() if "class" in goal]
    return pd.DataFrame.from_records(records, columns=columns)
