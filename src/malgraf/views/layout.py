"""Where each node of a view goes: a deterministic layout computed before the page is written."""

from __future__ import annotations

import math
import zlib
from collections import defaultdict

import networkx as nx

SEED = 2023
"""Seed of the spring layout: the same graph gives the same page."""
SPACING = 42.0
"""Rough distance in pixels between neighbouring nodes of a laid-out view."""
SPRING_LIMIT = 480
"""Components up to this size get a spring layout; larger ones a core-and-rings layout."""


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


__all__ = ["SEED", "SPACING", "SPRING_LIMIT", "lay_out"]
