"""Interactive HTML views of the graph that work offline (``malgraf view``).

A view is a ``networkx.MultiDiGraph`` read from the dataset by the ``queries/view_*.rq`` files: the
neighbourhood of a goal, an insats or a region, or an overview of the goals in use with their
insatser folded in. It is laid out here, deterministically, and written as one self-contained HTML
page: vis-network's script and style (the files pyvis ships) inlined, the data as JSON in a
``<script type="application/json">`` block, nothing fetched from the network, physics off.

>>> from pathlib import Path
>>> from malgraf.graph import as_dataset, build_store
>>> from malgraf.importers.tables import load_year
>>> dataset = as_dataset(build_store([Path("tests/data/mini")], data_loader=load_year))
>>> graph = view_graph(dataset, URIRef("http://metadata.un.org/sdg/8.3"), depth=1)
>>> sorted(graph.nodes[n]["kind"] for n in graph)
['insats', 'sdg-goal', 'sdg-target']
>>> "<!DOCTYPE html>" in render_page(graph)
True
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from rdflib import Dataset, Literal, URIRef

from malgraf.files import write_text_atomically
from malgraf.namespaces import MG, SDGO
from malgraf.query import Row, select

DEFAULT_DEPTH = 2
DEFAULT_VIEW_PATH = Path("build") / "view.html"
SEED = 2023
"""Seed of the spring layout: the same graph gives the same page."""
SPACING = 42.0
"""Rough distance in pixels between neighbouring nodes of a laid-out view."""
SPRING_LIMIT = 480
"""Components up to this size get a spring layout; larger ones a core-and-rings layout."""


@dataclass(frozen=True)
class NodeKind:
    """How one kind of node looks in a view, and what the legend calls it."""

    label_sv: str
    label_en: str
    shape: str
    color: str


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of link looks in a view, and what the legend calls it."""

    label_sv: str
    label_en: str
    color: str
    width: float
    dashes: tuple[int, ...] = ()
    arrow: bool = True


NODE_KINDS: dict[str, NodeKind] = {
    "insats": NodeKind("Insats", "Intervention", "dot", "#5b6f82"),
    "region": NodeKind("Region", "Region", "diamond", "#2f3b45"),
    "rus": NodeKind("Mål i RUS", "RUS goal", "triangle", "#e07b00"),
    "other": NodeKind("Annat regionalt mål", "Other regional goal", "triangleDown", "#f2b45a"),
    "national": NodeKind("Nationella strategin", "National strategy", "hexagon", "#006aa7"),
    "theme": NodeKind("Redovisningstema", "Reporting theme", "hexagon", "#7fb3d5"),
    "eruf": NodeKind("Regionalfonden (ERUF)", "ERDF (ERUF)", "star", "#003399"),
    "sdg-goal": NodeKind("Globalt mål (Agenda 2030)", "SDG (Agenda 2030)", "square", "#19486a"),
    "sdg-target": NodeKind("Delmål (Agenda 2030)", "SDG target (Agenda 2030)", "dot", "#19486a"),
    "goal": NodeKind("Annat mål", "Other goal", "ellipse", "#8e8e8e"),
}
"""Node kinds in legend order. Agenda 2030 nodes take the colour of their goal (``SDG_COLOURS``)."""

SDG_COLOURS = (
    "#e5243b", "#dda63a", "#4c9f38", "#c5192d", "#ff3a21", "#26bde2", "#fcc30b", "#a21942", "#fd6925",
    "#dd1367", "#fd9d24", "#bf8b2e", "#3f7e44", "#0a97d9", "#56c02b", "#00689d", "#19486a",
)
"""The UN's colours of the 17 Sustainable Development Goals, goal 1 first."""

EDGE_STYLES: dict[str, EdgeStyle] = {
    "stated": EdgeStyle("Angiven i källan", "Stated in the source", "#3b4650", 1.6),
    "inferred": EdgeStyle("Härledd", "Inferred", "#3b4650", 1.4, (6, 4)),
    "accepted": EdgeStyle("Föreslagen och godtagen", "Suggested and accepted", "#2a9d5b", 1.6),
    "suggested": EdgeStyle("Föreslagen, ej granskad", "Suggested, not reviewed", "#2a9d5b", 1.4, (2, 4)),
    "crosswalk": EdgeStyle("Korsreferens mellan mål", "Crosswalk between goals", "#8a3ffc", 2.2),
    "crosswalk-suggested": EdgeStyle("Korsreferens, föreslagen", "Crosswalk, suggested", "#8a3ffc", 1.8,
                                     (3, 5)),
    "broader": EdgeStyle("Del av (målhierarki)", "Part of (goal hierarchy)", "#b8c0c8", 1.0),
    "reported": EdgeStyle("Redovisad under", "Reported under", "#9ec5e0", 1.0, (1, 3)),
    "region": EdgeStyle("I region", "In region", "#d0d4d8", 0.8, (), False),
}
"""Edge styles in legend order: how a link was found, then the structure of the graph."""

_METHODS = {MG.Stated: "stated", MG.Accepted: "accepted", MG.Inferred: "inferred", MG.Suggested: "suggested"}
_METHOD_STRENGTH = ("stated", "accepted", "inferred", "suggested")
"""When one pair is linked more than once, the view shows the strongest way it was found."""

_KIND_OF_CLASS: tuple[tuple[URIRef, str], ...] = (
    (SDGO.Goal, "sdg-goal"),
    (SDGO.Target, "sdg-target"),
    (MG.RusGoal, "rus"),
    (MG.OtherGoal, "other"),
    (MG.ErufObjective, "eruf"), (MG.ErufPolicyObjective, "eruf"), (MG.ErufSpecificObjective, "eruf"),
    (MG.ErufProgramme, "eruf"), (MG.InterregProgramme, "eruf"),
    (MG.NationalGoal, "national"), (MG.NationalArea, "national"), (MG.NationalPriority, "national"),
    (MG.BasicPrecondition, "national"), (MG.SocietalChallenge, "national"),
    (MG.ReportingTheme, "theme"),
)
GOAL_KINDS = frozenset(kind for _, kind in _KIND_OF_CLASS) | {"goal"}

TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "overview": "Översikt: mål och insatser", "view_of": "Grannskapet kring", "search": "Sök",
        "search_placeholder": "Sök mål, insats eller region …", "all_regions": "Alla regioner",
        "region": "Region", "year": "År", "insatser": "insatser", "direct": "direkt",
        "with_narrower": "med undermål", "lines": "Källa, rad", "outputs": "Prestationer",
        "effects": "Effekter", "statement": "Källan skriver", "note": "Anteckning",
        "legend": "Teckenförklaring", "nodes": "Noder", "links": "Länkar", "sdg_colours": "Agenda 2030",
        "expand_all": "Visa alla insatser", "collapse_all": "Fäll ihop insatser",
        "hint_overview": "Dubbelklicka på ett mål för att visa dess insatser. "
                         "Klicka för att markera grannar.",
        "hint": "Klicka på en nod för att markera dess grannar.", "neighbours": "Grannar",
        "no_matches": "Inga träffar", "nodes_count": "noder", "edges_count": "länkar",
        "folded": "insatser ihopfällda", "kind": "Slag", "notation": "Beteckning", "iri": "IRI",
        "reported_under": "Redovisad under", "details_empty": "Välj en nod för att se detaljer.",
        "show_insatser": "Visa insatser", "hide_insatser": "Dölj insatser", "level": "Nivå",
    },
    "en": {
        "overview": "Overview: goals and interventions", "view_of": "Neighbourhood of", "search": "Search",
        "search_placeholder": "Search goal, intervention or region …", "all_regions": "All regions",
        "region": "Region", "year": "Year", "insatser": "interventions", "direct": "direct",
        "with_narrower": "with narrower goals", "lines": "Source, lines", "outputs": "Outputs",
        "effects": "Effects", "statement": "The source says", "note": "Note",
        "legend": "Legend", "nodes": "Nodes", "links": "Links", "sdg_colours": "Agenda 2030",
        "expand_all": "Show all interventions", "collapse_all": "Fold interventions",
        "hint_overview": "Double-click a goal to show its interventions. Click to highlight neighbours.",
        "hint": "Click a node to highlight its neighbours.", "neighbours": "Neighbours",
        "no_matches": "No matches", "nodes_count": "nodes", "edges_count": "links",
        "folded": "interventions folded", "kind": "Kind", "notation": "Notation", "iri": "IRI",
        "reported_under": "Reported under", "details_empty": "Select a node to see its details.",
        "show_insatser": "Show interventions", "hide_insatser": "Hide interventions", "level": "Level",
    },
}
"""The page's own words; data stays in the language it has."""


# --- reading the graph ------------------------------------------------------------------------


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    if isinstance(value, Literal):
        python = value.toPython()
        return python if isinstance(python, int) else None
    return None


def _kind(classes: str) -> str:
    present = set(classes.split())
    for cls, kind in _KIND_OF_CLASS:
        if str(cls) in present:
            return kind
    return "goal"


def _sdg_number(kind: str, notation: str | None) -> int | None:
    """The goal number (1–17) an Agenda 2030 node takes its colour from."""
    if not kind.startswith("sdg") or not notation:
        return None
    head = notation.split(".")[0]
    return int(head) if head.isdigit() and 1 <= int(head) <= 17 else None


def _lines(first: object, last: object) -> str | None:
    first_line, last_line = _int(first), _int(last)
    if first_line is None:
        return None
    return str(first_line) if last_line in (None, first_line) else f"{first_line}–{last_line}"


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def _clean(attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attributes.items() if v is not None and v != ""}


def read_graph(dataset: Dataset, lang: str = "sv") -> nx.MultiDiGraph:
    """Everything a view can show: insatser, goals, regions and every link between them.

    Edges are keyed by their style (``EDGE_STYLES``); node attributes hold what tooltips show.
    Goal nodes get ``count`` (insatser linked directly) and ``total`` (also through narrower goals).
    """
    language = Literal(lang)
    graph = nx.MultiDiGraph(lang=lang)
    regions: dict[str, dict[str, Any]] = {}
    for row in select(dataset, "view_regions", {"lang": language}):
        iri = str(row["region"])
        regions[iri] = {"code": _text(row["lanskod"]), "name": _text(row["shortName"])}
        graph.add_node(iri, **_clean({
            "kind": "region", "name": _text(row["label"]) or _text(row["shortName"]),
            "short": _text(row["shortName"]), "region": _text(row["lanskod"]),
            "regionName": _text(row["shortName"]),
        }))
    for row in select(dataset, "view_goals", {"lang": language}):
        _add_goal(graph, row, regions)
    for row in select(dataset, "view_insatser", {"lang": language}):
        iri = str(row["insats"])
        region = regions.get(str(row["region"]), {}) if row["region"] is not None else {}
        graph.add_node(iri, **_clean({
            "kind": "insats", "name": _text(row["label"]) or _local_name(iri),
            "region": region.get("code"), "regionName": region.get("name"),
            "year": _text(row["year"]), "section": _int(row["section"]),
            "description": _text(row["description"]), "outputs": _text(row["outputs"]),
            "effects": _text(row["effects"]), "lines": _lines(row["firstLine"], row["lastLine"]),
            "source": _text(row["sourceTitle"]),
        }))
        if row["region"] is not None and str(row["region"]) in graph:
            graph.add_edge(iri, str(row["region"]), key="region")
        if row["reportedUnder"] is not None:
            _ensure_node(graph, str(row["reportedUnder"]))
            graph.add_edge(iri, str(row["reportedUnder"]), key="reported")
    _add_links(graph, select(dataset, "view_links"))
    for row in select(dataset, "view_broader"):
        narrower, broader = str(row["narrower"]), str(row["broader"])
        if _is_goal(graph, narrower) and _is_goal(graph, broader):
            graph.add_edge(narrower, broader, key="broader")
    _count_insatser(graph)
    return graph


def _add_goal(graph: nx.MultiDiGraph, row: Row, regions: Mapping[str, Mapping[str, Any]]) -> None:
    iri = str(row["goal"])
    kind = _kind(str(row["classes"] or ""))
    notation = _text(row["notation"])
    label = _text(row["label"]) or _text(row["otherLabel"]) or _local_name(iri)
    other = _text(row["otherLabel"])
    description = _text(row["definition"]) or (other if other and other != label else None)
    region = regions.get(str(row["region"]), {}) if row["region"] is not None else {}
    graph.add_node(iri, **_clean({
        "kind": kind, "name": label, "notation": notation, "sdg": _sdg_number(kind, notation),
        "description": description, "region": region.get("code"), "regionName": region.get("name"),
        "level": _text(row["level"]),
    }))
    if row["region"] is not None and str(row["region"]) in graph:
        graph.add_edge(iri, str(row["region"]), key="region")


def _ensure_node(graph: nx.MultiDiGraph, iri: str) -> None:
    """A node for an IRI the links name but no query describes (a goal outside the vocabularies)."""
    if iri not in graph:
        graph.add_node(iri, kind="goal", name=_local_name(iri))


def _is_goal(graph: nx.MultiDiGraph, iri: str) -> bool:
    return iri in graph and graph.nodes[iri]["kind"] in GOAL_KINDS


def _add_links(graph: nx.MultiDiGraph, rows: Iterable[Row]) -> None:
    """Contributes-to links; one edge per pair, with the strongest method and every source line."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        pair = (str(row["source"]), str(row["target"]))
        link = found.setdefault(pair, {"insats": str(row["isInsats"]) == "true", "methods": set(),
                                       "lines": [], "statements": [], "notes": []})
        method = _METHODS.get(row["method"]) if isinstance(row["method"], URIRef) else None
        link["methods"].add(method or "stated")
        for key, value in (("lines", _lines(row["firstLine"], row["lastLine"])),
                           ("statements", _text(row["statement"])), ("notes", _text(row["note"]))):
            if value and value not in link[key]:
                link[key].append(value)
        if row["sourceRow"] is not None and f"CSV {row['sourceRow']}" not in link["lines"]:
            link["lines"].append(f"CSV {row['sourceRow']}")
    for (source, target), link in sorted(found.items()):
        method = next(m for m in _METHOD_STRENGTH if m in link["methods"])
        crosswalk = "crosswalk" if method in ("stated", "accepted") else "crosswalk-suggested"
        style = method if link["insats"] else crosswalk
        _ensure_node(graph, source)
        _ensure_node(graph, target)
        graph.add_edge(source, target, key=style, **_clean({
            "lines": ", ".join(link["lines"]), "statement": " | ".join(link["statements"]),
            "note": " | ".join(link["notes"]),
        }))


def _count_insatser(graph: nx.MultiDiGraph) -> None:
    hierarchy = nx.DiGraph()
    hierarchy.add_edges_from((u, v) for u, v, key in graph.edges(keys=True) if key == "broader")
    direct: dict[str, set[str]] = defaultdict(set)
    for source, target, key in graph.edges(keys=True):
        if graph.nodes[source]["kind"] == "insats" and key != "region":
            direct[target].add(source)
    total: dict[str, set[str]] = defaultdict(set)
    for goal, insatser in direct.items():
        total[goal] |= insatser
        if goal in hierarchy:
            for broader in nx.descendants(hierarchy, goal):
                total[broader] |= insatser
    for node in graph:
        if graph.nodes[node]["kind"] != "insats" and (direct.get(node) or total.get(node)):
            graph.nodes[node]["count"] = len(direct.get(node, ()))
            graph.nodes[node]["total"] = len(total.get(node, ()))


# --- choosing what a view shows ---------------------------------------------------------------


def view_graph(
    dataset: Dataset, focus: URIRef | None = None, *, depth: int = DEFAULT_DEPTH, lang: str = "sv"
) -> nx.MultiDiGraph:
    """The graph of one view: the neighbourhood of ``focus`` up to ``depth`` links, or the overview.

    The overview holds the goals in use (with their broader goals) and every insats folded into
    the goals it links to; the page unfolds them on demand.
    """
    whole = read_graph(dataset, lang)
    return select_view(whole, None if focus is None else str(focus), depth=depth)


def select_view(whole: nx.MultiDiGraph, focus: str | None, *, depth: int = DEFAULT_DEPTH) -> nx.MultiDiGraph:
    """Cut a view out of ``read_graph``'s graph (see ``view_graph``)."""
    if focus is None:
        nodes = _overview_nodes(whole)
    else:
        if focus not in whole:
            whole.add_node(focus, kind="goal", name=_local_name(focus))
        nodes = _neighbourhood(whole, focus, depth)
    view = nx.MultiDiGraph(whole.subgraph(sorted(nodes)))
    view.graph.update(lang=whole.graph.get("lang", "sv"), focus=focus, depth=depth)
    if focus is None:
        for node in view:
            if view.nodes[node]["kind"] == "insats":
                view.nodes[node]["folded"] = True
    return _sorted_copy(view)


def _sorted_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in sorted order (layouts depend on order)."""
    copy = nx.MultiDiGraph(**graph.graph)
    copy.add_nodes_from(sorted((n, dict(a)) for n, a in graph.nodes(data=True)))
    copy.add_edges_from(sorted(((u, v, k, dict(a)) for u, v, k, a in graph.edges(keys=True, data=True)),
                               key=lambda e: (e[0], e[1], e[2])))
    return copy


def _overview_nodes(whole: nx.MultiDiGraph) -> set[str]:
    used = {n for n, a in whole.nodes(data=True) if a["kind"] != "insats" and a["kind"] != "region"
            and (a.get("total") or any(k.startswith("crosswalk") for *_, k in whole.in_edges(n, keys=True))
                 or any(k.startswith("crosswalk") for *_, k in whole.out_edges(n, keys=True)))}
    if not used:
        used = {n for n, a in whole.nodes(data=True) if a["kind"] in GOAL_KINDS and a["kind"] != "sdg-target"}
    nodes = set(used)
    for goal in used:
        nodes |= _broader_closure(whole, goal)
    nodes |= {region for goal in used for _, region, key in whole.out_edges(goal, keys=True) if key == "region"}
    nodes |= {n for n, a in whole.nodes(data=True) if a["kind"] == "insats"}
    return nodes


def _broader_closure(whole: nx.MultiDiGraph, goal: str) -> set[str]:
    found: set[str] = set()
    stack = [goal]
    while stack:
        for _, broader, key in whole.out_edges(stack.pop(), keys=True):
            if key == "broader" and broader not in found:
                found.add(broader)
                stack.append(broader)
    return found


def _neighbourhood(whole: nx.MultiDiGraph, focus: str, depth: int) -> set[str]:
    """Nodes within ``depth`` links of ``focus``, walking links in either direction, except:

    a region or a reporting area does not lead on to all its insatser (nor a region to its RUS
    goals) unless it is the focus, and walking down the goal hierarchy reaches only goals in use,
    unless it starts at the focus.
    """
    seen = {focus}
    frontier = [focus]
    for _ in range(depth):
        step: set[str] = set()
        for node in frontier:
            for neighbour, key, outward in _links(whole, node):
                if neighbour in seen:
                    continue
                if key in ("region", "reported") and not outward and node != focus:
                    continue
                unused = not whole.nodes[neighbour].get("total")
                if key == "broader" and not outward and node != focus and unused:
                    continue
                step.add(neighbour)
        seen |= step
        frontier = sorted(step)
    return seen


def _links(whole: nx.MultiDiGraph, node: str) -> list[tuple[str, str, bool]]:
    """(neighbour, edge key, whether the edge leaves ``node``) for every edge at ``node``, sorted."""
    out = [(v, k, True) for _, v, k in whole.out_edges(node, keys=True)]
    into = [(u, k, False) for u, _, k in whole.in_edges(node, keys=True)]
    return sorted(out + into)


# --- laying it out ----------------------------------------------------------------------------


def lay_out(graph: nx.MultiDiGraph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Deterministic positions in pixels: each connected component laid out alone, then packed.

    Small components get networkx's spring layout with a fixed seed; large ones a spring layout of
    their most connected non-insats nodes with the rest placed on rings around their neighbours
    (networkx's own spring layout needs SciPy beyond 500 nodes and is quadratic).
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    placed = [_component_layout(simple.subgraph(c), graph, seed) for c in components]
    return _pack(placed)


def _component_layout(
    component: nx.Graph, graph: nx.MultiDiGraph, seed: int
) -> dict[str, tuple[float, float]]:
    nodes = sorted(component)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in component.edges()))
    if len(nodes) <= SPRING_LIMIT:
        scale = SPACING * math.sqrt(len(nodes)) * 2.0
        spring = nx.spring_layout(ordered, seed=seed, iterations=150)
        return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in spring.items()}
    core = _core_graph(ordered, graph)
    scale = SPACING * math.sqrt(len(nodes)) * 1.1
    spring = nx.spring_layout(core, seed=seed, iterations=100, weight="weight") if len(core) > 1 \
        else {n: (0.0, 0.0) for n in core}
    positions = {n: (float(x) * scale, float(y) * scale) for n, (x, y) in spring.items()}
    _place_on_rings(ordered, positions)
    return positions


def _core_graph(component: nx.Graph, graph: nx.MultiDiGraph) -> nx.Graph:
    """The most linked non-insats nodes, joined also where insatser link both (weighted by how many)."""
    chosen = set(sorted((n for n in component if graph.nodes[n]["kind"] != "insats"),
                        key=lambda n: (-component.degree(n), n))[:SPRING_LIMIT])
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for node in component:
        if node in chosen:
            continue
        anchors = sorted(n for n in component[node] if n in chosen)
        for i, first in enumerate(anchors):
            for second in anchors[i + 1:]:
                shared[(first, second)] += 1
    core = nx.Graph()
    core.add_nodes_from(sorted(chosen))
    for first, second in sorted(component.edges()):
        if first in chosen and second in chosen:
            core.add_edge(*sorted((first, second)), weight=1.0)
    for (first, second), count in sorted(shared.items()):
        weight = core.edges[first, second]["weight"] if core.has_edge(first, second) else 0.0
        core.add_edge(first, second, weight=round(weight + 0.5 + math.log1p(count), 3))
    return core


_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _place_on_rings(graph: nx.Graph, positions: dict[str, tuple[float, float]]) -> None:
    """Place every unplaced node on a sunflower spiral around its placed neighbours, round by round."""
    remaining = sorted(n for n in graph if n not in positions)
    while remaining:
        groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for node in remaining:
            anchors = tuple(sorted(n for n in graph[node] if n in positions))
            if anchors:
                groups[anchors].append(node)
        if not groups:
            raise ValueError("_place_on_rings needs a connected graph")
        for anchors, members in sorted(groups.items()):
            cx = sum(positions[a][0] for a in anchors) / len(anchors)
            cy = sum(positions[a][1] for a in anchors) / len(anchors)
            phase = (zlib.crc32("|".join(anchors).encode()) % 3600) / 3600 * 2 * math.pi
            for index, node in enumerate(members):
                radius = SPACING * (0.9 + 0.55 * math.sqrt(index + 1))
                angle = phase + index * _GOLDEN_ANGLE
                positions[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        remaining = [n for n in remaining if n not in positions]


def _pack(components: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Shelf-pack laid-out components into rows, largest first, centred on the origin."""
    boxes = []
    for positions in components:
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + 2 * SPACING, max(ys) - min(ys) + 2 * SPACING))
    area = sum(w * h for *_, w, h in boxes)
    row_width = max([math.sqrt(area) * 1.4, *(w for *_, w, _ in boxes)])
    result: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for positions, (left, top, width, height) in zip(components, boxes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in positions.items():
            result[node] = (px - left + x + SPACING, py - top + y + SPACING)
        x += width
        row_height = max(row_height, height)
    if result:
        mid_x = (min(p[0] for p in result.values()) + max(p[0] for p in result.values())) / 2
        mid_y = (min(p[1] for p in result.values()) + max(p[1] for p in result.values())) / 2
        result = {n: (round(px - mid_x, 1), round(py - mid_y, 1)) for n, (px, py) in result.items()}
    return result


# --- writing the page -------------------------------------------------------------------------


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _node_label(attributes: Mapping[str, Any]) -> str:
    kind = attributes["kind"]
    name = attributes.get("short") or attributes.get("name", "")
    if kind == "insats":
        return _short(name, 38)
    label = _short(name, 34 if kind == "sdg-target" else 42)
    if attributes.get("notation") and kind not in ("region", "rus", "other"):
        label = f"{attributes['notation']} {label}"
    if attributes.get("total"):
        label += f" ({attributes['total']})"
    return label


def _node_size(attributes: Mapping[str, Any]) -> float:
    kind = attributes["kind"]
    if kind == "insats":
        return 7.0
    if kind == "region":
        return 16.0
    base = 18.0 if kind == "sdg-goal" else 11.0
    return round(min(base + 3.0 * math.sqrt(attributes.get("total", 0)), 42.0), 1)


def page_data(
    graph: nx.MultiDiGraph, positions: Mapping[str, tuple[float, float]] | None = None
) -> dict[str, Any]:
    """What the page's script reads: nodes with positions, edges, styles and the page's words."""
    positions = lay_out(graph) if positions is None else positions
    lang = graph.graph.get("lang", "sv")
    nodes = []
    for node, attributes in sorted(graph.nodes(data=True)):
        x, y = positions[node]
        nodes.append({"id": node, "label": _node_label(attributes), "size": _node_size(attributes),
                      "x": x, "y": y, **{k: v for k, v in attributes.items() if k != "short"}})
    edges = [{"from": u, "to": v, "style": key, **attributes}
             for u, v, key, attributes in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])]
    regions = sorted({(a["region"], a.get("regionName") or a["region"]) for _, a in graph.nodes(data=True)
                      if a.get("region")})
    return {
        "lang": lang,
        "focus": graph.graph.get("focus"),
        "nodes": nodes,
        "edges": edges,
        "regions": [{"code": code, "name": name} for code, name in regions],
        "kinds": {k: {"shape": v.shape, "color": v.color, "label": _in(lang, v.label_sv, v.label_en)}
                  for k, v in NODE_KINDS.items()},
        "edgeStyles": {k: {"color": v.color, "width": v.width, "dashes": list(v.dashes) or False,
                           "arrow": v.arrow, "label": _in(lang, v.label_sv, v.label_en)}
                       for k, v in EDGE_STYLES.items()},
        "sdgColours": list(SDG_COLOURS),
        "text": TEXT[lang],
    }


def _in(lang: str, swedish: str, english: str) -> str:
    return swedish if lang == "sv" else english


def json_for_script(data: object) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` escaped.

    >>> print(json_for_script({"name": "</script><b>&"}))
    {"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("malgraf", "templates"), autoescape=select_autoescape(
        enabled_extensions=("html", "j2"), default_for_string=True, default=True))


def _vis_file(name: str) -> str:
    """A file of vis-network as pyvis ships it (the newest version it has)."""
    library = resources.files("pyvis") / "lib"
    versions = sorted((p for p in library.iterdir() if p.name.startswith("vis-")),
                      key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)))
    return (versions[-1] / name).read_text(encoding="utf-8")


@cache
def _inline_assets() -> dict[str, str]:
    """vis-network's JS and CSS and the page's own, checked to be safe to inline."""
    templates = resources.files("malgraf") / "templates"
    assets = {
        "vis_js": _vis_file("vis-network.min.js"),
        "vis_css": _vis_file("vis-network.css"),
        "app_js": (templates / "view.js").read_text(encoding="utf-8"),
        "app_css": (templates / "view.css").read_text(encoding="utf-8"),
    }
    for name, text in assets.items():
        if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
            raise ValueError(f"{name} cannot be inlined: it contains a closing tag or <!--")
    return assets


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _focus_name(attributes: Mapping[str, Any]) -> str:
    name = _short(attributes.get("name", ""), 80)
    notation = attributes.get("notation")
    return f"{notation} {name}" if notation and attributes["kind"] not in ("region", "rus", "other") else name


def render_page(graph: nx.MultiDiGraph, title: str | None = None) -> str:
    """The HTML page of a view: self-contained, deterministic, all data escaped."""
    data = page_data(graph)
    lang = data["lang"]
    text = TEXT[lang]
    assets = _inline_assets()
    focus = graph.graph.get("focus")
    if title is None:
        title = text["overview"] if focus is None else f"{text['view_of']} {_focus_name(graph.nodes[focus])}"
    kinds_present = {a["kind"] for _, a in graph.nodes(data=True)}
    styles_present = {k for *_, k in graph.edges(keys=True)}
    legend_kinds = [(key, data["kinds"][key]) for key in NODE_KINDS if key in kinds_present]
    legend_edges = [(key, data["edgeStyles"][key]) for key in EDGE_STYLES if key in styles_present]
    sdgs = sorted({a["sdg"] for _, a in graph.nodes(data=True) if a.get("sdg")})
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(assets['vis_js'])} {_csp_hash(assets['app_js'])}",
        "style-src 'unsafe-inline'",
        "img-src data:", "base-uri 'none'", "form-action 'none'",
    ])
    return _environment().get_template("view.html.j2").render(
        title=title, lang=lang, text=text, csp=csp, data_json=json_for_script(data),
        vis_js=Markup(assets["vis_js"]), vis_css=Markup(assets["vis_css"]),
        app_js=Markup(assets["app_js"]), app_css=Markup(assets["app_css"]),
        legend_kinds=legend_kinds, legend_edges=legend_edges,
        sdg_colours=[(n, SDG_COLOURS[n - 1]) for n in sdgs],
        node_count=graph.number_of_nodes(), edge_count=graph.number_of_edges(),
        folded=sum(1 for _, a in graph.nodes(data=True) if a.get("folded")),
        overview=focus is None,
    )


def write_view(graph: nx.MultiDiGraph, path: Path, title: str | None = None) -> Path:
    """Write the page of ``graph`` to ``path`` atomically; return the path."""
    write_text_atomically(path, render_page(graph, title))
    return path


def focus_of(dataset: Dataset, *, goal: str | None = None, insats: str | None = None,
             region: str | None = None) -> URIRef | None:
    """The IRI a user's ``--goal``, ``--insats`` or ``--region`` names (at most one may be given).

    Unknown or ambiguous text raises ``LookupFailedError`` with candidates (exit 2).
    """
    from malgraf.lookup import resolve_goal, resolve_insats, resolve_region

    given = [(text, resolve) for text, resolve in ((goal, resolve_goal), (insats, resolve_insats),
                                                   (region, resolve_region)) if text]
    if len(given) > 1:
        raise ValueError("give at most one of goal, insats and region")
    if not given:
        return None
    text, resolve = given[0]
    return resolve(dataset, text)


__all__ = [
    "DEFAULT_DEPTH", "DEFAULT_VIEW_PATH", "EDGE_STYLES", "NODE_KINDS", "SDG_COLOURS", "SEED",
    "focus_of", "json_for_script", "lay_out", "page_data", "read_graph", "render_page", "select_view",
    "view_graph", "write_view",
]
