"""Questions to the graph. Each runs a named ``.rq`` file with user values bound, never formatted."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD
from rdflib.term import Identifier

from malgraf.closure import CLOSURE_GRAPH, CLOSURE_VERSION, Ways, ways_into
from malgraf.errors import GraphOutdatedError
from malgraf.namespaces import ERUF, NS, OWL, RUS
from malgraf.resources import load_query
from malgraf.store import Bindings, GraphStore, Row


def select(store: GraphStore, name: str, bindings: Bindings | None = None) -> list[Row]:
    """Run the SELECT query ``queries/<name>.rq`` with ``bindings``; values are rdflib terms or None."""
    return store.select(load_query(name), bindings)


def select_values(store: GraphStore, name: str, bindings: Bindings | None = None) -> list[Row]:
    """Like ``select``, but values are plain Python: ``URIRef`` for IRIs, ``int``/``str`` for literals."""
    return store.select_values(load_query(name), bindings)


def counts_per_class(store: GraphStore, lang: str = "sv") -> list[Row]:
    """Resources per class (malgraf's classes and the UN's SDG classes)."""
    return select(store, "class_counts", {"lang": Literal(lang)})


def counts_per_scheme(store: GraphStore, lang: str = "sv") -> list[Row]:
    """Concepts per SKOS concept scheme."""
    return select(store, "scheme_counts", {"lang": Literal(lang)})


def insatser_per_region(store: GraphStore) -> list[Row]:
    """Insatser per region and year; regions without insatser appear with 0."""
    return select(store, "insatser_per_region")


SCHEMES: dict[str, URIRef] = {
    "sdg": URIRef("http://metadata.un.org/sdg"),
    "national": NS.strategy,
    "eruf": ERUF.objectives,
    "programmes": ERUF.programmes,
}
"""Schemes `gaps` can list, by a short name."""

GOAL_SCHEMES = ("sdg", "national", "eruf", "programmes", "rus")
"""Short names of the goal systems: Agenda 2030, the national strategy, ERUF's objectives, the
programmes, and the regions' own goals (RUS)."""


def scheme_name(scheme: object) -> str:
    """The short name (``GOAL_SCHEMES``) of a goal's concept scheme; ``other`` for any other scheme.

    >>> scheme_name(URIRef("https://w3id.org/malgraf/id/rus/10")), scheme_name(ERUF["jtf-objectives"])
    ('rus', 'eruf')
    """
    text = str(scheme or "")
    if text.startswith(str(RUS)):
        return "rus"
    if text == str(ERUF["jtf-objectives"]):
        return "eruf"
    return next((name for name, iri in SCHEMES.items() if str(iri) == text), "other")


def _optional(**values: Identifier | None) -> dict[str, Identifier]:
    return {name: value for name, value in values.items() if value is not None}


def _variant(name: str, with_suggested: bool) -> str:
    """The query ``name``, or its twin that follows suggested links too (``<name>_suggested.rq``)."""
    return f"{name}_suggested" if with_suggested else name


def supports(
    store: GraphStore,
    goal: URIRef,
    *,
    direct: bool = False,
    region: URIRef | None = None,
    year: int | None = None,
    section: int | None = None,
    with_suggested: bool = False,
) -> list[Row]:
    """Insatser that support ``goal``, one row per (insats, goal link), with the path and lines.

    Transitive by default (through skos:broader and the crosswalk's stated and accepted links);
    ``direct=True`` keeps links to ``goal`` itself; ``with_suggested`` follows suggested links too
    (``via`` says ``suggested`` where a way takes one, ``method`` ``Suggested`` for an insats' own).
    Filters are bound into the query, never formatted into it.
    """
    bindings = _optional(
        goal=goal, region=region,
        year=Literal(str(year), datatype=XSD.gYear) if year is not None else None,
        section=Literal(section) if section is not None else None,
        direct=goal if direct else None,
    )
    found = select_values(store, _variant("reach_edges", with_suggested), {"goal": goal})
    if not found:
        require_closure(store)
    ways = ways_into(str(goal), _edges(found))
    names = _names(found)
    rows = select_values(store, _variant("supports", with_suggested), bindings)
    found_ways: dict[str, Row] = {}
    for row in rows:
        source = str(row["direct"])
        if source not in found_ways:
            found_ways[source] = _way(ways, names, source)
        row.update(found_ways[source])
    return sorted(rows, key=lambda r: (str(r["regionName"]), str(r["name"] or ""), str(r["insats"]),
                                       int(r["hops"]), str(r["direct"])))  # type: ignore[call-overload]


def _edges(rows: list[Row]) -> list[tuple[str, str, str]]:
    return [(str(row["from"]), str(row["to"]), str(row["edge"])) for row in rows if row["edge"] is not None]


def _names(rows: list[Row]) -> dict[str, str]:
    return {str(row["from"]): str(row["name"]) for row in rows if row["name"] is not None}


def _way(ways: Ways, names: dict[str, str], source: str) -> Row:
    """How ``source`` reaches the target of ``ways``: via, hops, path (IRIs) and pathLabel (names)."""
    step = ways.steps[source]
    goals = ways.path(source)
    return {"via": step.via, "hops": step.hops, "path": " ".join(goals),
            "pathLabel": " → ".join(names[goal] for goal in goals)}


def require_closure(store: GraphStore) -> None:
    """Stop with a clear error, not an empty or wrong answer, on a graph whose closure is missing or
    older than what the queries read (``closure.CLOSURE_VERSION``)."""
    if not store.has_triple(CLOSURE_GRAPH, OWL.versionInfo, CLOSURE_VERSION):
        raise GraphOutdatedError("the graph has no closure of this version (mg:reaches, mg:GoalCount): it was "
                                 "built by an older malgraf; rebuild it with `malgraf build`")


def goals_of(store: GraphStore, insats: URIRef, *, with_suggested: bool = False) -> list[Row]:
    """Every goal ``insats`` serves, directly (hops 0) and transitively, with paths; through
    suggested links too when ``with_suggested``.

    Nearest first, then by scheme and by goal in natural order (``sdg:3`` before ``sdg:11``).
    """
    rows = select_values(store, _variant("insats_goals", with_suggested), {"insats": insats})
    if not rows:
        require_closure(store)
    found = select_values(store, _variant("insats_paths", with_suggested), {"insats": insats})
    edges, names = _edges(found), _names(found)
    ways: dict[str, Ways] = {}
    for row in rows:
        target = str(row["goal"])
        if target not in ways:
            ways[target] = ways_into(target, edges)
        way = _way(ways[target], names, str(row["direct"]))
        row.update(via=way["via"], hops=way["hops"], pathLabel=way["pathLabel"])
    return sorted(rows, key=lambda row: (row["hops"], str(row["scheme"]), _natural(str(row["goal"]))))


def unresolved_links(store: GraphStore, insats: URIRef) -> list[Row]:
    """Goal statements of ``insats`` that name no goal node in the graph."""
    return select_values(store, "unresolved_links", {"insats": insats})


def gaps(
    store: GraphStore, scheme: URIRef, *, region: URIRef | None = None, year: int | None = None,
    with_suggested: bool = False,
) -> list[Row]:
    """Goals of ``scheme`` that no insats supports (of ``region`` / ``year`` when given); with
    ``with_suggested``, a goal only suggested links reach is served too."""
    bindings = _optional(
        scheme=scheme, region=region,
        year=Literal(str(year), datatype=XSD.gYear) if year is not None else None,
    )
    require_closure(store)
    served = {row["goal"] for row in select_values(store, "served_goals", bindings)}
    if with_suggested:
        served |= {row["goal"] for row in select_values(store, "served_suggested", bindings)}
    rows = [row for row in select_values(store, "scheme_goals", {"scheme": scheme}) if row["goal"] not in served]
    return sorted(rows, key=lambda row: (_natural(str(row["notation"] or row["goal"])), str(row["goal"]),
                                         str(row["label"] or "")))


def national_rollup(store: GraphStore, *, region: URIRef | None = None, year: int | None = None) -> list[Row]:
    """Insatser per goal of the national strategy (areas, priorities, goal, preconditions), of
    ``region`` and ``year`` when given, each insats once per goal however many ways lead there; 0
    for a goal none reaches. Sums the cells ``malgraf build`` materialised (``closure.rollup_cells``)."""
    require_closure(store)
    bindings = _optional(region=region, year=Literal(str(year), datatype=XSD.gYear) if year is not None else None)
    counts = {row["goal"]: row["insatser"] for row in select_values(store, "rollup_national", bindings or None)}
    goals = select_values(store, "scheme_goals", {"scheme": SCHEMES["national"]})
    return [{"goal": row["goal"], "notation": row["notation"], "label": row["label"], "insatser": counts[row["goal"]]}
            for row in goals if row["goal"] in counts]


def _natural(text: str) -> list[object]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


SCHEME_NAMES = (*SCHEMES, "rus")
"""What ``gaps --scheme`` takes: the schemes above, and ``rus`` for the regions' own goals."""

def goal_label(store: GraphStore, goal: URIRef, lang: str = "sv") -> str:
    """A goal's preferred label in ``lang``, else in any language, else its IRI."""
    labels = {label.language: str(label) for label in store.objects(goal, SKOS.prefLabel)
              if isinstance(label, Literal)}
    return labels.get(lang) or labels.get("sv") or labels.get("en") or next(iter(labels.values()), str(goal))


def insats_label(store: GraphStore, insats: URIRef) -> str:
    """An insats' name."""
    return str(store.value(insats, DCTERMS.title) or insats)
