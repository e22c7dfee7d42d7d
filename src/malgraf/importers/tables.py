"""Turn the tidy CSV files of one year (``data/2023/*.csv``) into RDF.

The CSV files are the contract between importers and the graph: the appendix importer writes
them from seed 004, a region's own spreadsheet can be mapped to them, and ``load_year`` reads
them. Every malformed value is reported with file, row and field.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from malgraf.errors import InputError
from malgraf.namespaces import ID, INSATS, MG, NS, PREFIXES, REGION, RUS, SOURCE, THEME
from malgraf.regions import REGIONS_BY_LANSKOD

INSATS_COLUMNS = (
    "id", "year", "section", "region", "lanskod", "name", "description", "outputs", "effects",
    "nyps_id", "source_first_line", "source_last_line",
)
GOAL_LINK_COLUMNS = (
    "insats_id", "kind", "statement", "goal", "level", "method", "source_first_line", "source_last_line",
)
ALLOCATION_COLUMNS = ("region", "lanskod", "item", "amount_sek", "statement", "source_line")
CROSSWALK_COLUMNS = ("goal", "contributes_to", "method", "note")
ANSWER_COLUMNS = ("region", "lanskod", "question", "answer", "source_first_line", "source_last_line")

GOAL_KINDS = ("rus", "eruf", "interreg", "jtf", "agenda2030", "other")
LINK_METHODS = {"marker": MG.Stated, "inferred": MG.Inferred, "suggested": MG.Suggested,
                "accepted": MG.Accepted}
SECTION_TARGETS: dict[int, URIRef] = {
    1: NS["area-1"], 2: NS["area-2"], 3: NS["area-3"], 4: NS["area-4"],
    5: THEME.jamstalldhet, 6: THEME.integration, 7: THEME["miljo-och-klimat"],
}
"""§1–4 are the national strategy's areas; §5–7 are reporting themes."""

APPENDIX_SOURCE = SOURCE["tillvaxtverket-tabellbilaga-2023"]
_LANSKOD = re.compile(r"^\d\d$")


@dataclass(frozen=True)
class CsvRow:
    """One data row of a CSV file with its 1-based row number (the header is row 1)."""

    path: Path
    number: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def required(self, column: str) -> str:
        value = self.get(column)
        if not value:
            raise InputError(self.path, "is empty", line=self.number, field=column)
        return value

    def integer(self, column: str, *, required: bool = True) -> int | None:
        value = self.required(column) if required else self.get(column)
        if not value:
            return None
        try:
            return int(value)
        except ValueError:
            raise InputError(self.path, f"{value!r} is not a whole number", line=self.number,
                             field=column) from None


def read_csv(path: Path, columns: tuple[str, ...]) -> Iterator[CsvRow]:
    """Rows of a UTF-8 CSV file whose header holds at least ``columns``."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise InputError(path, f"missing column(s) {', '.join(missing)}", line=1)
            for number, values in enumerate(reader, start=2):
                if None in values:
                    raise InputError(path, "more fields than the header has", line=number)
                yield CsvRow(path, number, values)
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 ({error.reason})") from None


def expand_goal(curie: str) -> URIRef:
    """The IRI of a goal written as a CURIE (``sdg:3.4``, ``eruf:RSO1.3``, ``rus:10-ab12``) or IRI.

    >>> expand_goal("sdg:3.4")
    rdflib.term.URIRef('http://metadata.un.org/sdg/3.4')
    """
    if curie.startswith(("http://", "https://")):
        return URIRef(curie)
    prefix, _, local = curie.partition(":")
    if prefix not in ("sdg", "eruf", "ns", "rus") or not local or " " in local:
        raise ValueError(f"{curie!r} is not a goal CURIE (sdg:, eruf:, ns:, rus:) or IRI")
    return URIRef(str(PREFIXES[prefix]) + local)


def region_iri(lanskod: str) -> URIRef:
    return REGION[lanskod]


def rus_scheme(lanskod: str) -> URIRef:
    """The concept scheme of one region's RUS goals."""
    return RUS[lanskod]


class Triples(list[tuple[URIRef, URIRef, Node]]):
    """The triples of one data set, in the order they were read (duplicates allowed)."""

    def __init__(self) -> None:
        super().__init__()
        self.labelled: set[URIRef] = set()
        self.declared: set[URIRef] = set()


def year_triples(directory: Path) -> Triples:
    """The triples of the insatser, goal links, crosswalk, allocations and answers in ``directory``.

    A plain list is several times faster to fill than an rdflib graph; ``malgraf build`` streams it
    into the store, ``load_year`` wraps it in a graph.
    """
    graph = Triples()
    source = APPENDIX_SOURCE
    graph.append((source, RDF.type, MG.SourceDocument))
    graph.append((source, DCTERMS.title, Literal(
        f"Tillväxtverket: Regionernas återrapportering {directory.name}, tabellbilaga", lang="sv")))
    insatser = _load_insatser(graph, directory / "insatser.csv", source)
    links = directory / "goal_links.csv"
    if links.exists():
        _load_goal_links(graph, links, insatser, source)
    if (directory / "allocation.csv").exists():
        _load_allocations(graph, directory / "allocation.csv", directory.name, source)
    if (directory / "crosswalk.csv").exists():
        _load_crosswalk(graph, directory / "crosswalk.csv", source)
    if (directory / "answers.csv").exists():
        _load_answers(graph, directory / "answers.csv", directory.name, source)
    return graph


def load_year(directory: Path) -> Graph:
    """The RDF graph of the insatser, goal links, crosswalk, allocations and answers in ``directory``."""
    graph = Graph()
    for triple in year_triples(directory):
        graph.add(triple)
    return graph


def _provenance(graph: Triples, node: URIRef, source: URIRef, row: CsvRow, first: str, last: str) -> None:
    graph.append((node, PROV.wasDerivedFrom, source))
    first_line = row.integer(first)
    last_line = row.integer(last)
    graph.append((node, MG.sourceFirstLine, Literal(first_line)))
    graph.append((node, MG.sourceLastLine, Literal(last_line)))


def _lanskod(row: CsvRow) -> str:
    code = row.required("lanskod")
    if not _LANSKOD.match(code) or code not in REGIONS_BY_LANSKOD:
        raise InputError(row.path, f"unknown region {code!r}", line=row.number, field="lanskod")
    return code




def _load_insatser(graph: Triples, path: Path, source: URIRef) -> dict[str, tuple[URIRef, str, str]]:
    """Add every insats; return id → (IRI, länskod, region name)."""
    seen: dict[str, tuple[URIRef, str, str]] = {}
    for row in read_csv(path, INSATS_COLUMNS):
        identifier = row.required("id")
        if identifier in seen:
            raise InputError(path, f"duplicate id {identifier!r}", line=row.number, field="id")
        if not re.fullmatch(r"[A-Za-z0-9._-]+", identifier):
            raise InputError(path, f"{identifier!r} has characters an id cannot have", line=row.number,
                             field="id")
        node = INSATS[identifier]
        lanskod = _lanskod(row)
        section = row.integer("section")
        year = row.required("year")
        if not re.fullmatch(r"\d{4}", year):
            raise InputError(path, f"{year!r} is not a year", line=row.number, field="year")
        graph.append((node, RDF.type, MG.Insats))
        graph.append((node, MG.region, region_iri(lanskod)))
        graph.append((node, MG.year, Literal(year, datatype=XSD.gYear)))
        if section is not None:
            if section not in SECTION_TARGETS:
                raise InputError(path, f"section {section} is not 1–7", line=row.number, field="section")
            graph.append((node, MG.section, Literal(section)))
            graph.append((node, MG.reportedUnder, SECTION_TARGETS[section]))
        name = row.get("name")
        if name:
            graph.append((node, DCTERMS.title, Literal(name, lang="sv")))
            graph.append((node, RDFS.label, Literal(name, lang="sv")))
        for column, predicate in (("description", DCTERMS.description), ("outputs", MG.outputs),
                                  ("effects", MG.effects)):
            if row.get(column):
                graph.append((node, predicate, Literal(row.get(column), lang="sv")))
        if row.get("nyps_id"):
            graph.append((node, MG.nypsId, Literal(row.get("nyps_id"))))
        _provenance(graph, node, source, row, "source_first_line", "source_last_line")
        seen[identifier] = (node, lanskod, row.get("region") or lanskod)
    return seen


def _load_goal_links(
    graph: Triples, path: Path, insatser: dict[str, tuple[URIRef, str, str]], source: URIRef
) -> None:
    counters: dict[str, int] = {}
    for row in read_csv(path, GOAL_LINK_COLUMNS):
        insats_id = row.required("insats_id")
        if insats_id not in insatser:
            raise InputError(path, f"no insats with id {insats_id!r} in insatser.csv", line=row.number,
                             field="insats_id")
        insats, lanskod, _ = insatser[insats_id]
        kind = row.required("kind")
        if kind not in GOAL_KINDS:
            raise InputError(path, f"{kind!r} is not one of {', '.join(GOAL_KINDS)}", line=row.number,
                             field="kind")
        method = row.get("method") or "marker"
        if method not in LINK_METHODS:
            raise InputError(path, f"{method!r} is not one of {', '.join(LINK_METHODS)}",
                             line=row.number, field="method")
        statement = row.get("statement")
        counters[insats_id] = counters.get(insats_id, 0) + 1
        link = URIRef(f"{insats}/link/{counters[insats_id]}")
        graph.append((insats, MG.goalLink, link))
        graph.append((link, RDF.type, MG.GoalLink))
        graph.append((link, MG.goalKind, Literal(kind)))
        graph.append((link, MG.linkMethod, LINK_METHODS[method]))
        if statement:
            graph.append((link, MG.statement, Literal(statement, lang="sv")))
        if row.get("level"):
            graph.append((link, MG.goalLevel, Literal(row.get("level"), lang="sv")))
        _provenance(graph, link, source, row, "source_first_line", "source_last_line")
        if not row.get("goal"):
            continue
        goal = _goal(row, "goal")
        graph.append((link, MG.goal, goal))
        graph.append((insats, MG.contributesTo, goal))
        if goal.startswith(str(RUS)):
            owner = _rus_owner(goal) or lanskod
            _add_rus_goal(graph, goal, owner, REGIONS_BY_LANSKOD[owner].short_name, kind, statement, row.get("level"))




def _rus_owner(goal: URIRef) -> str | None:
    """The länskod a RUS goal IRI names (``rus:10-…`` → ``10``), if it names one."""
    code = str(goal)[len(str(RUS)):].split("-", 1)[0]
    return code if code in REGIONS_BY_LANSKOD else None


def _add_rus_goal(
    graph: Triples, goal: URIRef, lanskod: str, region: str, kind: str, label: str, level: str
) -> None:
    """Declare a region's own goal node (RUS, or another regional strategy for kind ``other``)."""
    scheme = rus_scheme(lanskod)
    if goal in graph.declared:
        return
    graph.declared.add(goal)
    graph.append((goal, RDF.type, MG.RusGoal if kind == "rus" else MG.OtherGoal))
    graph.append((goal, RDF.type, SKOS.Concept))
    graph.append((goal, SKOS.inScheme, scheme))
    graph.append((goal, MG.region, region_iri(lanskod)))
    if label and goal not in graph.labelled:
        graph.labelled.add(goal)
        graph.append((goal, SKOS.prefLabel, Literal(label, lang="sv")))
    if level:
        graph.append((goal, MG.goalLevel, Literal(level, lang="sv")))
    if scheme in graph.declared:
        return
    graph.declared.add(scheme)
    graph.append((scheme, RDF.type, SKOS.ConceptScheme))
    graph.append((scheme, MG.region, region_iri(lanskod)))
    graph.append((scheme, SKOS.prefLabel, Literal(f"Regionala mål, {region} (RUS m.fl.)", lang="sv")))
    graph.append((scheme, SKOS.prefLabel, Literal(f"Regional goals, {region} (RUS etc.)", lang="en")))


def _goal(row: CsvRow, column: str) -> URIRef:
    try:
        return expand_goal(row.required(column))
    except ValueError as error:
        raise InputError(row.path, str(error), line=row.number, field=column) from None


def _load_crosswalk(graph: Triples, path: Path, source: URIRef) -> None:
    """Goal → goal links across schemes (RUS goal → national priority → SDG target)."""
    for row in read_csv(path, CROSSWALK_COLUMNS):
        goal, target = _goal(row, "goal"), _goal(row, "contributes_to")
        method = row.get("method") or "accepted"
        if method not in LINK_METHODS:
            raise InputError(path, f"{method!r} is not one of {', '.join(LINK_METHODS)}",
                             line=row.number, field="method")
        graph.append((goal, MG.contributesTo, target))
        link = URIRef(f"{goal}/crosswalk/{row.number}")
        graph.append((goal, MG.goalLink, link))
        graph.append((link, RDF.type, MG.GoalLink))
        graph.append((link, MG.goal, target))
        graph.append((link, MG.linkMethod, LINK_METHODS[method]))
        graph.append((link, PROV.wasDerivedFrom, SOURCE[f"{path.parent.name}/{path.name}"]))
        graph.append((link, MG.sourceRow, Literal(row.number)))
        if row.get("note"):
            graph.append((link, RDFS.comment, Literal(row.get("note"), lang="sv")))


def _amount(row: CsvRow) -> Decimal:
    value = row.required("amount_sek")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise InputError(row.path, f"{value!r} is not an amount", line=row.number,
                         field="amount_sek") from None


def _regional_record(graph: Triples, row: CsvRow, kind: str, cls: URIRef, year: str, source: URIRef) -> URIRef:
    """The node of one §8 record (an allocation amount or an answer) with its region, year and source."""
    lanskod = _lanskod(row)
    node = ID[f"{kind}/{year}-{lanskod}-{row.number}"]
    graph.append((node, RDF.type, cls))
    graph.append((node, MG.region, region_iri(lanskod)))
    graph.append((node, MG.year, Literal(year, datatype=XSD.gYear)))
    graph.append((node, PROV.wasDerivedFrom, source))
    return node


def _load_allocations(graph: Triples, path: Path, year: str, source: URIRef) -> None:
    for row in read_csv(path, ALLOCATION_COLUMNS):
        node = _regional_record(graph, row, "allocation", MG.Allocation, year, source)
        graph.append((node, MG.allocationItem, Literal(row.required("item"))))
        graph.append((node, MG.amountSek, Literal(_amount(row), datatype=XSD.decimal)))
        graph.append((node, MG.statement, Literal(row.get("statement"), lang="sv")))
        line = row.integer("source_line")
        graph.append((node, MG.sourceFirstLine, Literal(line)))
        graph.append((node, MG.sourceLastLine, Literal(line)))


def _load_answers(graph: Triples, path: Path, year: str, source: URIRef) -> None:
    for row in read_csv(path, ANSWER_COLUMNS):
        node = _regional_record(graph, row, "answer", MG.ReportAnswer, year, source)
        graph.append((node, MG.question, Literal(row.required("question"), lang="sv")))
        graph.append((node, MG.statement, Literal(row.get("answer"), lang="sv")))
        graph.append((node, MG.sourceFirstLine, Literal(row.integer("source_first_line"))))
        graph.append((node, MG.sourceLastLine, Literal(row.integer("source_last_line"))))


__all__ = [
    "ALLOCATION_COLUMNS",
    "ANSWER_COLUMNS",
    "CROSSWALK_COLUMNS",
    "GOAL_KINDS",
    "GOAL_LINK_COLUMNS",
    "INSATS_COLUMNS",
    "SECTION_TARGETS",
    "Triples",
    "expand_goal",
    "load_year",
    "read_csv",
    "region_iri",
    "rus_scheme",
    "year_triples",
]
