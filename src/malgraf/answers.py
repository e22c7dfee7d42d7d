"""Answers to the questions, ready to print: rows with their labels, a heading, and a note that says
why an answer is empty. A year or region without data is an error (``NoDataError``), not an empty
answer. The CLI parses what the user typed, calls one of these, and formats the ``Answer``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from malgraf.errors import NoDataError
from malgraf.i18n import VIA_LABELS, label, message, method_label
from malgraf.lookup import curie
from malgraf.namespaces import MG
from malgraf.output import Answer, Table
from malgraf.query import (
    SCHEMES,
    Row,
    counts_per_class,
    counts_per_scheme,
    gaps,
    goal_label,
    goals_of,
    insats_label,
    scheme_name,
    select_values,
    supports,
    unresolved_links,
)
from malgraf.store import GraphStore

DEFAULT_GAP_SCHEMES = ("sdg", "national", "eruf")


@dataclass(frozen=True)
class Scope:
    """What the graph holds insatser for: how many per (region, year), and the regions' names."""

    counts: dict[tuple[URIRef, str], int]
    names: dict[URIRef, str]

    def years(self, region: URIRef | None = None) -> list[str]:
        return sorted({y for (r, y), n in self.counts.items() if n and region in (None, r)})

    def regions(self, year: str | None = None) -> list[URIRef]:
        return [r for r in self.names if any(n for (rr, y), n in self.counts.items() if rr == r and year in (None, y))]


def data_scope(store: GraphStore) -> Scope:
    """How many insatser the graph holds per region and year."""
    counts: dict[tuple[URIRef, str], int] = {}
    names: dict[URIRef, str] = {}
    for row in select_values(store, "insatser_per_region"):
        region = row["region"]
        assert isinstance(region, URIRef)
        names[region] = str(row["regionName"])
        if row["year"] is not None:
            counts[(region, str(row["year"]))] = int(row["count"])  # type: ignore[call-overload]
    return Scope(counts, names)


def check_scope(store: GraphStore, region: URIRef | None = None, year: int | None = None, lang: str = "sv") -> Scope:
    """The graph's ``Scope``; ``NoDataError`` when it holds no insatser at all, or none of ``region``/``year``."""
    scope = data_scope(store)
    years = scope.years()
    if not years:
        raise NoDataError(message("nodata.graph", lang))
    if year is not None and str(year) not in years:
        raise NoDataError(message("nodata.year", lang, year=year, years=", ".join(years)))
    if region is not None:
        name = scope.names.get(region, curie(region))
        own = scope.years(region)
        if not own:
            regions = ", ".join(scope.names[r] for r in scope.regions())
            raise NoDataError(message("nodata.region", lang, region=name, regions=regions))
        if year is not None and str(year) not in own:
            raise NoDataError(message("nodata.region_year", lang, region=name, year=year, years=", ".join(own)))
    return scope


def lines(row: Row) -> str:
    """The source lines of a row: ``399`` or ``10632–10636``."""
    first, last = row.get("firstLine"), row.get("lastLine")
    if first is None:
        return ""
    return str(first) if last in (None, first) else f"{first}–{last}"


def describe_links(rows: Iterable[Row], lang: str) -> None:
    """Add to each row how it reaches the goal (``how``), its ``lines`` and its ``methodLabel``."""
    for row in rows:
        row["how"] = label(VIA_LABELS, str(row["via"]), lang)
        row["lines"] = lines(row)
        row["methodLabel"] = method_label(row.get("method"), lang)


SUPPORTS_COLUMNS = ["regionName", "name", "year", "section", "how", "pathLabel", "statement", "methodLabel", "lines"]
SUPPORTS_DATA_COLUMNS = ["goal", "insats", "name", "region", "regionName", "year", "section", "direct", "via",
                         "hops", "pathLabel", "path", "statement", "method", "firstLine", "lastLine"]


def _insatser(rows: Sequence[Row]) -> int:
    return len({row["insats"] for row in rows})


def supports_answer(store: GraphStore, goal: URIRef, *, direct: bool = False, region: URIRef | None = None,
                    year: int | None = None, section: int | None = None, lang: str = "sv",
                    with_suggested: bool = False) -> Answer:
    """Which insatser support ``goal`` (see ``query.supports``), with a note when none do."""
    scope = check_scope(store, region, year, lang)
    rows = supports(store, goal, direct=direct, region=region, year=year, section=section,
                    with_suggested=with_suggested)
    describe_links(rows, lang)
    heading = message("supports.heading", lang, n=_insatser(rows), goal=f"{goal_label(store, goal, lang)} <{goal}>")
    if with_suggested:
        heading += " " + message("with_suggested", lang)
    note = "" if rows else why_no_supporters(store, goal, scope, direct=direct, region=region, year=year,
                                             section=section, lang=lang)
    return Answer(heading, [Table(rows, SUPPORTS_COLUMNS, SUPPORTS_DATA_COLUMNS)], note)


def why_no_supporters(store: GraphStore, goal: URIRef, scope: Scope, *, direct: bool = False,
                      region: URIRef | None = None, year: int | None = None, section: int | None = None,
                      lang: str = "sv") -> str:
    """Why no insats supports ``goal``: the conditions, a level of goals no report names, or no report
    names it; and the nearest goal above it that insatser support."""
    conditions = [
        *([message("condition.region", lang, region=scope.names.get(region, curie(region)))] if region else []),
        *([message("condition.year", lang, year=year)] if year is not None else []),
        *([message("condition.section", lang, section=section)] if section is not None else []),
        *([message("condition.direct", lang)] if direct else []),
    ]
    if conditions:
        without = _insatser(supports(store, goal))
        if without:
            return message("supports.filtered", lang, conditions=", ".join(conditions), n=without)
    years = ", ".join(scope.years())
    reasons = [_unused_level(store, goal, years, lang) or message("supports.unnamed", lang, years=years)]
    above = _nearest_supported_above(store, goal)
    if above is not None:
        broader, n = above
        reasons.append(message("supports.above", lang, curie=curie(broader), label=goal_label(store, broader, lang),
                               n=n))
    return " ".join(reasons)


def _unused_level(store: GraphStore, goal: URIRef, years: str, lang: str) -> str:
    """"The reports name SDG goals, not targets …" when no link names a goal of ``goal``'s level."""
    scheme = store.value(goal, SKOS.inScheme)
    if not isinstance(scheme, URIRef):
        return ""
    levels = select_values(store, "goal_level_links", {"scheme": scheme, "lang": Literal(lang)})
    total = sum(int(row["links"]) for row in levels)  # type: ignore[call-overload]
    if not total:
        return message("supports.scheme_unused", lang, years=years)
    classes = set(store.objects(goal, RDF.type))
    own = [row for row in levels if row["class"] in classes]
    if not own or any(row["links"] for row in own):
        return ""
    used = [row for row in levels if row["links"]]
    name = {str(row["class"]): message("quoted", lang, text=row["classLabel"] or curie(row["class"]))
            for row in levels}
    counts = [message("count.next" if i else "count.first", lang, n=row["links"], level=name[str(row["class"])])
              for i, row in enumerate([*used, *own])]
    both = f" {message('and', lang)} "
    return message("supports.level_unused", lang, years=years, used=both.join(name[str(r["class"])] for r in used),
                   level=both.join(name[str(row["class"])] for row in own), counts=", ".join(counts))


def _nearest_supported_above(store: GraphStore, goal: URIRef) -> tuple[URIRef, int] | None:
    """The nearest goal above ``goal`` (``skos:broader``) that insatser support, with how many."""
    seen = {goal}
    level = [goal]
    while level:
        above = sorted({b for g in level for b in store.objects(g, SKOS.broader)
                        if isinstance(b, URIRef) and b not in seen}, key=str)
        for broader in above:
            n = _insatser(supports(store, broader))
            if n:
                return broader, n
        seen.update(above)
        level = above
    return None


GOALS_COLUMNS = ["goalLabel", "how", "pathLabel", "statement", "methodLabel", "lines"]
GOALS_DATA_COLUMNS = ["insats", "goal", "goalLabel", "scheme", "direct", "via", "hops", "pathLabel", "statement",
                      "method", "firstLine", "lastLine"]


def goals_answer(store: GraphStore, insats: URIRef, lang: str = "sv", *, with_suggested: bool = False) -> Answer:
    """Every goal ``insats`` serves (see ``query.goals_of``) and the statements that name no known goal."""
    rows = goals_of(store, insats, with_suggested=with_suggested)
    describe_links(rows, lang)
    tables = [Table(rows, GOALS_COLUMNS, GOALS_DATA_COLUMNS)]
    unresolved = unresolved_links(store, insats)
    for row in unresolved:
        row["lines"] = lines(row)
    if unresolved:
        tables.append(Table(unresolved, ["kind", "statement", "lines"], title=message("goals.unresolved", lang) + ":",
                            data=False))
    note = "" if rows else message("goals.none", lang)
    heading = f"{insats_label(store, insats)} <{insats}>"
    return Answer(heading + (" " + message("with_suggested", lang) if with_suggested else ""), tables, note)


GAPS_COLUMNS = ["schemeName", "notation", "label", "goal"]
GAPS_DATA_COLUMNS = ["schemeName", "scheme", "goal", "notation", "label", "class"]


def gaps_in(store: GraphStore, schemes: Iterable[str] = DEFAULT_GAP_SCHEMES, *, region: URIRef | None = None,
            year: int | None = None, with_suggested: bool = False) -> list[Row]:
    """Goals of ``schemes`` (short names of ``query.SCHEMES``) that no insats supports, scheme by scheme."""
    rows = []
    for name in schemes:
        for scheme in regional_schemes(store, region) if name == "rus" else [SCHEMES[name]]:
            for row in gaps(store, scheme, region=region, year=year, with_suggested=with_suggested):
                row["schemeName"] = name
                rows.append(row)
    return rows


def regional_schemes(store: GraphStore, region: URIRef | None = None) -> list[URIRef]:
    """The regions' own goal schemes in the graph (``rus:10`` …), or ``region``'s alone."""
    schemes = sorted(scheme for scheme in store.subjects(RDF.type, SKOS.ConceptScheme)
                     if isinstance(scheme, URIRef) and scheme_name(scheme) == "rus")
    if region is None:
        return schemes
    return [scheme for scheme in schemes if store.value(scheme, MG.region) == region]


def gaps_answer(store: GraphStore, schemes: Sequence[str] = (), *, region: URIRef | None = None,
                year: int | None = None, lang: str = "sv", with_suggested: bool = False) -> Answer:
    """Goals nobody serves (``gaps_in``); ``NoDataError`` when there are no insatser to serve them."""
    check_scope(store, region, year, lang)
    schemes = tuple(schemes) or (DEFAULT_GAP_SCHEMES + (("rus",) if region is not None else ()))
    rows = gaps_in(store, schemes, region=region, year=year, with_suggested=with_suggested)
    note = "" if rows else message("gaps.none", lang, schemes=", ".join(schemes))
    heading = message("gaps.heading", lang, n=len(rows))
    if with_suggested:
        heading += " " + message("with_suggested", lang)
    return Answer(heading, [Table(rows, GAPS_COLUMNS, GAPS_DATA_COLUMNS)], note)


def info_answer(store: GraphStore, lang: str = "sv", *, region: URIRef | None = None,
                year: int | None = None) -> Answer:
    """Counts per class and per concept scheme, insatser per region and year (of ``region``/``year``), and
    each region's own goals: strategies, goals, other wordings, and the goals its insatser serve."""
    check_scope(store, region, year, lang)
    per_region = [row for row in select_values(store, "insatser_per_region")
                  if region in (None, row["region"]) and (year is None or str(row["year"]) == str(year))]
    return Answer("", [
        Table(counts_per_class(store, lang), ["classLabel", "count", "class"], title=message("info.classes", lang),
              key="Classes"),
        Table(counts_per_scheme(store, lang), ["schemeLabel", "count", "scheme"],
              title=message("info.schemes", lang), key="Concept schemes"),
        Table(per_region, ["lanskod", "regionName", "year", "count"], title=message("info.regions", lang),
              key="Insatser per region"),
        Table([row for row in select_values(store, "goals_per_region") if region in (None, row["region"])],
              ["lanskod", "regionName", "strategies", "goals", "wordings", "servedGoals"],
              title=message("info.goals", lang), key="Goals per region"),
    ])


__all__ = [
    "DEFAULT_GAP_SCHEMES", "Scope", "check_scope", "data_scope", "describe_links", "gaps_answer", "gaps_in",
    "goals_answer", "info_answer", "lines", "supports_answer", "why_no_supporters",
]
