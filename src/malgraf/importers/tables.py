"""Turn the tidy CSV files of one data folder (``data/2023/*.csv``) into RDF.

The CSV files are the contract between importers and the graph: the appendix importer writes
them from seed 004, a region's own spreadsheet can be mapped to them, and ``load_year`` reads
them. Every malformed value is reported with file, row and field (``csvfile`` reads the files).
The folder itself (its files, year and source) is ``data_folder``'s. Node IRIs are minted from what a row says, not from
where it stands, so a re-import that reorders or inserts rows renames nothing else.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from malgraf.errors import InputWarning
from malgraf.importers.allocation_rows import (
    ALLOCATION_ITEMS,
    ALLOCATION_MEASURES,
    ALLOCATION_WRITTEN_COLUMNS,
    allocation_item,
    allocation_triples,
)
from malgraf.importers.csvfile import CsvRow, read_csv
from malgraf.importers.data_folder import (
    DATA_FILES,
    ID_PATTERN,
    SOURCE_COLUMNS,
    DataFolder,
    Triples,
    data_folder,
    folder_name,
    is_year,
    source_csv,
    warn_load,
)
from malgraf.importers.goal_iris import expand_goal, region_iri, rus_scheme, scheme_labels
from malgraf.namespaces import ID, INSATS, MG, NS, RUS, SOURCE, THEME
from malgraf.regions import REGIONS, REGIONS_BY_LANSKOD

INSATS_COLUMNS = (
    "id", "year", "section", "region", "lanskod", "name", "description", "outputs", "effects",
    "nyps_id", "source_first_line", "source_last_line",
)
GOAL_LINK_COLUMNS = (
    "insats_id", "kind", "statement", "goal", "level", "method", "source_first_line", "source_last_line",
)
GOAL_LINK_WRITTEN_COLUMNS = (*GOAL_LINK_COLUMNS, "match")
"""What ``import appendix`` writes: the required columns and how each statement was resolved."""
ALLOCATION_COLUMNS = ("region", "lanskod", "item", "amount_sek", "statement", "source_line")
"""``allocation.csv``'s required columns; ``measure``, ``share_percent``, ``period`` and ``note`` are
optional (``ALLOCATION_WRITTEN_COLUMNS``)."""
CROSSWALK_COLUMNS = ("goal", "contributes_to", "method", "note")
ANSWER_COLUMNS = ("region", "lanskod", "question", "answer", "source_first_line", "source_last_line")
"""``source.csv``: one row naming the document a data folder was read from."""

GOAL_MATCHES = ("exact", "alias", "inferred", "unresolved")
"""``match``: how a statement was resolved to a goal of the region's vocabulary (optional column)."""
GOAL_KINDS = ("rus", "eruf", "interreg", "jtf", "agenda2030", "other")
LINK_METHODS = {"marker": MG.Stated, "inferred": MG.Inferred, "suggested": MG.Suggested,
                "accepted": MG.Accepted}
SECTION_TARGETS: dict[int, URIRef] = {
    1: NS["area-1"], 2: NS["area-2"], 3: NS["area-3"], 4: NS["area-4"],
    5: THEME.jamstalldhet, 6: THEME.integration, 7: THEME["miljo-och-klimat"],
}
"""§1–4 are the national strategy's areas; §5–7 are reporting themes."""

_LANSKOD = re.compile(r"[0-9]{2}")
_DIGEST_LENGTH = 16
"""Hex digits of a minted id: 64 bits, so that the 2.3 million goal links of a national year at
1 000 000 insatser a year mint distinct ids but with a chance of 1 in 7 million."""
_REGION_NAMES: dict[str, str] = {
    name.casefold(): region.lanskod
    for region in REGIONS for name in (region.short_name, region.official_name, region.county_name)
}
"""Every accepted spelling of a region (short, official and county name, any case) → länskod."""


def year_triples(directory: Path, known_goals: frozenset[URIRef] = frozenset()) -> Triples:
    """The triples of the insatser, goal links, crosswalk, allocations and answers in ``directory``.

    A region's goal in ``known_goals`` is declared by its reviewed vocabulary; any other ``rus:``
    goal a link names is declared here, labelled from its first mention.

    A plain list is several times faster to fill than an rdflib graph; ``malgraf build`` streams it
    into the store, ``load_year`` wraps it in a graph.
    """
    graph = Triples()
    folder = data_folder(graph, directory)
    insatser, year = _load_insatser(graph, directory / "insatser.csv", folder)
    if folder.year is None and year is not None:
        warn_load(InputWarning(str(directory), f"the folder's name {folder.name!r} is not a year and no source.csv "
                               f"gives one: {year} is taken from insatser.csv (rename the folder {year} or add "
                               "source.csv)"))
        graph.append((folder.source, MG.year, Literal(year, datatype=XSD.gYear)))
        folder = replace(folder, year=year)
    if "goal_links.csv" in folder.files:
        _load_goal_links(graph, directory / "goal_links.csv", insatser, folder.source, known_goals)
    if "allocation.csv" in folder.files:
        _load_allocations(graph, directory / "allocation.csv", folder)
    if "crosswalk.csv" in folder.files:
        _load_crosswalk(graph, directory / "crosswalk.csv", folder)
    if "answers.csv" in folder.files:
        _load_answers(graph, directory / "answers.csv", folder)
    return graph


def load_year(directory: Path, known_goals: frozenset[URIRef] = frozenset()) -> Graph:
    """The RDF graph of the insatser, goal links, crosswalk, allocations and answers in ``directory``."""
    graph = Graph()
    for triple in year_triples(directory, known_goals):
        graph.add(triple)
    return graph


# Rows -------------------------------------------------------------------------------------------

def _lines(row: CsvRow, first: str, last: str) -> tuple[int, int]:
    """The source lines a row cites, the last not before the first."""
    first_line, last_line = row.integer(first), row.integer(last)
    assert first_line is not None and last_line is not None
    if last_line < first_line:
        raise row.error(last, f"{last_line} is before {first} {first_line}")
    return first_line, last_line


def _provenance(graph: Triples, node: URIRef, source: URIRef, row: CsvRow, first: str, last: str) -> None:
    first_line, last_line = _lines(row, first, last)
    graph.append((node, PROV.wasDerivedFrom, source))
    graph.append((node, MG.sourceFirstLine, Literal(first_line)))
    graph.append((node, MG.sourceLastLine, Literal(last_line)))


def _lanskod(row: CsvRow) -> str:
    """The row's länskod; a region name beside it must name the same region."""
    code = row.required("lanskod")
    if not _LANSKOD.fullmatch(code) or code not in REGIONS_BY_LANSKOD:
        raise row.error("lanskod", f"unknown region {code!r}")
    name = row.get("region")
    if name and _REGION_NAMES.get(name.casefold()) != code:
        region = REGIONS_BY_LANSKOD[code].short_name
        named = _REGION_NAMES.get(name.casefold())
        if named:
            raise row.error("region", f"{name!r} is region {named}, but lanskod {code} is {region}")
        guess = get_close_matches(name, [r.short_name for r in REGIONS], n=1)
        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
        raise row.error("region", f"unknown region {name!r}{hint}; lanskod {code} is {region}")
    return code


def _digest(parts: tuple[str, ...]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:_DIGEST_LENGTH]


def _words(text: str) -> str:
    return " ".join(text.split())


def _stable_ids(rows: list[CsvRow], key: Callable[[CsvRow], tuple[str, ...]]) -> dict[int, str]:
    """Row number → a short hash of what the row is about (``key``), the same in any row order.

    Rows that share a key but differ in another cell are told apart by all their cells; rows equal in
    every cell get one id, so they become one node (with a warning).
    """
    def cells(row: CsvRow) -> tuple[str, ...]:
        return tuple(f"{column}={_words(row.get(column))}" for column in sorted(row.values))

    keys = {row.number: key(row) for row in rows}
    sharing: dict[tuple[str, ...], list[CsvRow]] = {}
    for row in rows:
        sharing.setdefault(keys[row.number], []).append(row)
    ambiguous = {parts for parts, group in sharing.items()
                 if len(group) > 1 and len({cells(row) for row in group}) > 1}
    ids: dict[int, str] = {}
    minted: dict[str, tuple[tuple[str, ...], int]] = {}
    for row in rows:
        parts = keys[row.number]
        if parts in ambiguous:
            parts = (*parts, *cells(row))
        digest = _digest(parts)
        first = minted.setdefault(digest, (parts, row.number))
        if first[1] != row.number:
            if first[0] != parts:
                raise row.error(None, f"mints the same id as row {first[1]} ({digest}); change a cell of either")
            warn_load(InputWarning(str(row.path), f"repeats row {first[1]} in every cell; read once", line=row.number))
        ids[row.number] = digest
    return ids


def _load_insatser(
    graph: Triples, path: Path, folder: DataFolder
) -> tuple[dict[str, tuple[URIRef, str]], str | None]:
    """Add every insats; return id → (IRI, länskod), and the year they are all of (``None`` if no row)."""
    seen: dict[str, tuple[URIRef, str]] = {}
    expected, first = folder.year, 0
    for row in read_csv(path, INSATS_COLUMNS):
        identifier = row.required("id")
        if identifier in seen:
            raise row.error("id", f"duplicate id {identifier!r}")
        if not ID_PATTERN.fullmatch(identifier):
            raise row.error("id", f"{identifier!r} has characters an id cannot have")
        node = INSATS[identifier]
        lanskod = _lanskod(row)
        section = row.integer("section")
        year = row.required("year")
        if not is_year(year):
            raise row.error("year", f"{year!r} is not a year")
        if expected is None:
            expected, first = year, row.number
        elif year != expected:
            holds = f"row {first} says {expected}" if first else f"the data folder {folder.path} holds {expected}"
            raise row.error("year", f"{year}, but {holds}; a data folder holds one year")
        graph.append((node, RDF.type, MG.Insats))
        graph.append((node, MG.region, region_iri(lanskod)))
        graph.append((node, MG.year, Literal(year, datatype=XSD.gYear)))
        if section is not None:
            if section not in SECTION_TARGETS:
                raise row.error("section", f"section {section} is not 1–7")
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
        _provenance(graph, node, folder.source, row, "source_first_line", "source_last_line")
        seen[identifier] = (node, lanskod)
    return seen, expected


@dataclass(frozen=True)
class _RusMention:
    """A goal link naming a region's own goal: the goal is labelled from its first mention in the source."""

    first_line: int
    last_line: int
    statement: str
    kind: str
    level: str
    lanskod: str


def _load_goal_links(
    graph: Triples, path: Path, insatser: dict[str, tuple[URIRef, str]], source: URIRef,
    known_goals: frozenset[URIRef] = frozenset(),
) -> None:
    rows = list(read_csv(path, GOAL_LINK_COLUMNS))
    ids = _stable_ids(rows, lambda row: (
        row.get("insats_id"), row.get("kind"), row.get("goal") or _words(row.get("statement")),
        row.get("source_first_line")))
    mentions: dict[URIRef, list[_RusMention]] = {}
    for row in rows:
        insats_id = row.required("insats_id")
        if insats_id not in insatser:
            raise row.error("insats_id", f"no insats with id {insats_id!r} in insatser.csv")
        insats, lanskod = insatser[insats_id]
        kind = row.required("kind")
        if kind not in GOAL_KINDS:
            raise row.error("kind", f"{kind!r} is not one of {', '.join(GOAL_KINDS)}")
        method = row.get("method") or "marker"
        if method not in LINK_METHODS:
            raise row.error("method", f"{method!r} is not one of {', '.join(LINK_METHODS)}")
        statement = row.get("statement")
        match = row.get("match")
        if match and match not in GOAL_MATCHES:
            raise row.error("match", f"{match!r} is not one of {', '.join(GOAL_MATCHES)}")
        if match == "unresolved" and row.get("goal"):
            raise row.error("goal", "an unresolved statement names no goal: leave goal empty or say how it matched")
        link = URIRef(f"{insats}/link/{ids[row.number]}")
        graph.append((insats, MG.goalLink, link))
        graph.append((link, RDF.type, MG.GoalLink))
        graph.append((link, MG.goalKind, Literal(kind)))
        graph.append((link, MG.linkMethod, LINK_METHODS[method]))
        if statement:
            graph.append((link, MG.statement, Literal(statement, lang="sv")))
        if row.get("level"):
            graph.append((link, MG.goalLevel, Literal(row.get("level"), lang="sv")))
        if match:
            graph.append((link, MG.goalMatch, Literal(match)))
        _provenance(graph, link, source, row, "source_first_line", "source_last_line")
        if not row.get("goal"):
            continue
        goal = _goal(row, "goal")
        graph.append((link, MG.goal, goal))
        graph.append((insats, MG.contributesTo, goal))
        if goal.startswith(str(RUS)) and goal not in known_goals:
            first_line, last_line = _lines(row, "source_first_line", "source_last_line")
            mentions.setdefault(goal, []).append(_RusMention(
                first_line, last_line, statement, kind, row.get("level"), _rus_owner(goal) or lanskod))
    for goal, found in mentions.items():
        first = min(found, key=lambda m: (m.first_line, m.last_line, m.statement, m.kind, m.level, m.lanskod))
        _add_rus_goal(graph, goal, first)


def _rus_owner(goal: URIRef) -> str | None:
    """The länskod a RUS goal IRI names (``rus:10-…`` → ``10``), if it names one."""
    code = str(goal)[len(str(RUS)):].split("-", 1)[0]
    return code if code in REGIONS_BY_LANSKOD else None


def _add_rus_goal(graph: Triples, goal: URIRef, mention: _RusMention) -> None:
    """Declare a region's own goal node (RUS, or another regional strategy for kind ``other``)."""
    lanskod = mention.lanskod
    scheme = rus_scheme(lanskod)
    graph.append((goal, RDF.type, MG.RusGoal if mention.kind == "rus" else MG.OtherGoal))
    graph.append((goal, RDF.type, SKOS.Concept))
    graph.append((goal, SKOS.inScheme, scheme))
    graph.append((goal, MG.region, region_iri(lanskod)))
    if mention.statement:
        graph.append((goal, SKOS.prefLabel, Literal(mention.statement, lang="sv")))
    if mention.level:
        graph.append((goal, MG.goalLevel, Literal(mention.level, lang="sv")))
    if scheme in graph.declared:
        return
    graph.declared.add(scheme)
    region = REGIONS_BY_LANSKOD[lanskod].short_name
    graph.append((scheme, RDF.type, SKOS.ConceptScheme))
    graph.append((scheme, MG.region, region_iri(lanskod)))
    for label in scheme_labels(region):
        graph.append((scheme, SKOS.prefLabel, label))


def _goal(row: CsvRow, column: str) -> URIRef:
    try:
        return expand_goal(row.required(column))
    except ValueError as error:
        raise row.error(column, str(error)) from None


def _load_crosswalk(graph: Triples, path: Path, folder: DataFolder) -> None:
    """Goal → goal links across schemes (RUS goal → national priority → SDG target)."""
    rows = list(read_csv(path, CROSSWALK_COLUMNS))
    ids = _stable_ids(rows, lambda row: (row.get("goal"), row.get("contributes_to")))
    source = SOURCE[f"{quote(folder.name, safe='')}/{path.name}"]
    for row in rows:
        goal, target = _goal(row, "goal"), _goal(row, "contributes_to")
        method = row.get("method") or "accepted"
        if method not in LINK_METHODS:
            raise row.error("method", f"{method!r} is not one of {', '.join(LINK_METHODS)}")
        suggested = method == "suggested"  # kept apart: the questions follow it only when asked to
        graph.append((goal, MG.mayContributeTo if suggested else MG.contributesTo, target))
        link = URIRef(f"{goal}/crosswalk/{ids[row.number]}")
        graph.append((goal, MG.suggestedLink if suggested else MG.goalLink, link))
        graph.append((link, RDF.type, MG.GoalLink))
        graph.append((link, MG.goal, target))
        graph.append((link, MG.linkMethod, LINK_METHODS[method]))
        graph.append((link, PROV.wasDerivedFrom, source))
        graph.append((link, MG.sourceRow, Literal(row.number)))
        if row.get("note"):
            graph.append((link, RDFS.comment, Literal(row.get("note"), lang="sv")))


def _regional_record(
    graph: Triples, row: CsvRow, kind: str, cls: URIRef, folder: DataFolder, digest: str
) -> URIRef:
    """The node of one §8 record (an allocation amount or an answer) with its region, year and source."""
    lanskod = _lanskod(row)
    if folder.year is None:
        raise row.error(None, f"the year is not known: the folder's name {folder.name!r} is not a year, no "
                        "source.csv gives one and insatser.csv has no rows")
    node = ID[f"{kind}/{folder.year}-{lanskod}-{digest}"]
    graph.append((node, RDF.type, cls))
    graph.append((node, MG.region, region_iri(lanskod)))
    graph.append((node, MG.year, Literal(folder.year, datatype=XSD.gYear)))
    graph.append((node, PROV.wasDerivedFrom, folder.source))
    return node


def _load_allocations(graph: Triples, path: Path, folder: DataFolder) -> None:
    """One node per §8 amount: item, measure, amount or share, period, the sentence and its line.

    A row with no item is a region whose text states no amount: its node has no amount, so that a
    report says "no amount" instead of 0. At most one amount per region, item and measure.
    """
    rows = list(read_csv(path, ALLOCATION_COLUMNS))
    ids = _stable_ids(rows, lambda row: (row.get("lanskod"), row.get("item"), row.get("measure"),
                                         row.get("source_line")))
    seen: dict[tuple[str, str, str], int] = {}
    for row in rows:
        item, measure = allocation_item(row)
        key = (_lanskod(row), item, measure)
        if key in seen:
            raise row.error("item", f"a second amount for {item or 'no amount'!r} "
                            f"{('(' + measure + ') ') if measure else ''}of this region (row {seen[key]} "
                            "has one): write one amount per region, item and measure")
        seen[key] = row.number
        node = _regional_record(graph, row, "allocation", MG.Allocation, folder, ids[row.number])
        graph.extend(allocation_triples(node, row, item, measure))


def _load_answers(graph: Triples, path: Path, folder: DataFolder) -> None:
    rows = list(read_csv(path, ANSWER_COLUMNS))
    ids = _stable_ids(rows, lambda row: (row.get("lanskod"), _words(row.get("question")),
                                         row.get("source_first_line")))
    for row in rows:
        node = _regional_record(graph, row, "answer", MG.ReportAnswer, folder, ids[row.number])
        graph.append((node, MG.question, Literal(row.required("question"), lang="sv")))
        graph.append((node, MG.statement, Literal(row.get("answer"), lang="sv")))
        first_line, last_line = _lines(row, "source_first_line", "source_last_line")
        graph.append((node, MG.sourceFirstLine, Literal(first_line)))
        graph.append((node, MG.sourceLastLine, Literal(last_line)))


__all__ = [
    "ALLOCATION_COLUMNS",
    "ALLOCATION_ITEMS",
    "ALLOCATION_MEASURES",
    "ALLOCATION_WRITTEN_COLUMNS",
    "ANSWER_COLUMNS",
    "CROSSWALK_COLUMNS",
    "DATA_FILES",
    "GOAL_KINDS",
    "GOAL_LINK_COLUMNS",
    "GOAL_LINK_WRITTEN_COLUMNS",
    "GOAL_MATCHES",
    "INSATS_COLUMNS",
    "SECTION_TARGETS",
    "SOURCE_COLUMNS",
    "CsvRow",
    "DataFolder",
    "Triples",
    "data_folder",
    "expand_goal",
    "folder_name",
    "is_year",
    "load_year",
    "read_csv",
    "region_iri",
    "rus_scheme",
    "source_csv",
    "year_triples",
]
