"""Where each node of a view goes: a deterministic layout computed before the page is written."""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Mapping

import networkx as nx

from malgraf.views.kinds import REGIONAL_KINDS

SEED = 2023
"""Seed of the spring layout: the same graph gives the same page."""
SPACING = 42.0
"""Rough distance in pixels between neighbouring nodes of a laid-out view."""
SPRING_LIMIT = 480
"""Components up to this size get a spring layout; larger ones a core-and-rings layout."""
SEPARATE_LIMIT = 250
"""Components up to this size are spread until no two labels overlap (the pass is quadratic)."""
GAP = 6.0
"""Pixels kept free between two labels."""
WIDEN = 1.5
"""Two overlapping labels move apart sideways unless that is this many times farther than up and down."""
STRETCH = 1.4
"""How much wider than high a spread component is first made: pages are wider than high."""

Box = tuple[float, float, float]
"""What a node covers in pixels: width, height, and how far the centre lies below the node's position."""


def lay_out(
    graph: nx.MultiDiGraph, seed: int = SEED, boxes: Mapping[str, Box] | None = None
) -> dict[str, tuple[float, float]]:
    """Deterministic positions in pixels: each connected component laid out alone, then packed.

    Small components get networkx's spring layout with a fixed seed; large ones a spring layout of
    their most connected non-insats nodes with the rest placed on rings around their neighbours
    (networkx's own spring layout needs SciPy beyond 500 nodes and is quadratic). With ``boxes``
    (each node with its label), the nodes of a small component are then moved apart until no two
    boxes overlap.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    placed = [_component_layout(simple.subgraph(c), graph, seed) for c in components]
    if boxes is not None:
        placed = [_separate(p, boxes) if len(p) <= SEPARATE_LIMIT else p for p in placed]
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


def _separate(
    positions: dict[str, tuple[float, float]], boxes: Mapping[str, Box], rounds: int = 200
) -> dict[str, tuple[float, float]]:
    """Push apart every two nodes whose boxes overlap, along the axis where they overlap least.

    Each overlapping pair moves apart by half the overlap each, round after round, until none
    overlaps or ``rounds`` have passed; the layout's shape stays as the spring layout made it.
    """
    nodes = sorted(positions)
    width = [boxes[n][0] + GAP for n in nodes]
    height = [boxes[n][1] + GAP for n in nodes]
    x = [positions[n][0] * STRETCH for n in nodes]
    y = [positions[n][1] + boxes[n][2] for n in nodes]
    widest = max(width, default=0.0)
    for _ in range(rounds):
        moved = False
        start = list(x)  # pairs farther apart than this round began cannot overlap yet: a sweep along x
        order = sorted(range(len(nodes)), key=lambda i: (start[i], i))
        for rank, i in enumerate(order):
            for j in order[rank + 1:]:
                if start[j] - start[i] >= (width[i] + widest) / 2:
                    break
                dx, dy = x[j] - x[i], y[j] - y[i]
                overlap_x = (width[i] + width[j]) / 2 - abs(dx)
                overlap_y = (height[i] + height[j]) / 2 - abs(dy)
                if overlap_x <= 0 or overlap_y <= 0:
                    continue
                moved = True
                if overlap_x < overlap_y * WIDEN:
                    shift = overlap_x / 2 * (1 if dx > 0 or (dx == 0 and i < j) else -1)
                    x[i], x[j] = x[i] - shift, x[j] + shift
                else:
                    shift = overlap_y / 2 * (1 if dy > 0 or (dy == 0 and i < j) else -1)
                    y[i], y[j] = y[i] - shift, y[j] + shift
        if not moved:
            break
    return {n: (x[k], y[k] - boxes[n][2]) for k, n in enumerate(nodes)}


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


def lay_out_overview(
    graph: nx.MultiDiGraph, boxes: Mapping[str, Box] | None = None, seed: int = SEED
) -> dict[str, tuple[float, float]]:
    """The overview's positions: each region's own goals as one tree, the other goals apart.

    A region's strategies sit on a ring around the region, each goal on the next ring out from the
    goal it is part of (``broader``), its share of the circle as large as the goals under it. The
    trees (in länskod order) and the other goals (the nation's, the EU's, Agenda 2030, laid out as
    ``lay_out`` does) are packed in rows; insatser go on rings beside the goals they serve.
    """
    kinds = {node: graph.nodes[node]["kind"] for node in graph}
    regional = {node for node, kind in kinds.items() if kind in REGIONAL_KINDS}
    parent: dict[str, str] = {}
    for node in sorted(regional):
        broader = sorted(str(v) for _, v, key in graph.out_edges(node, keys=True)
                         if key == "broader" and v in regional)
        region = sorted(str(v) for _, v, key in graph.out_edges(node, keys=True) if key == "region")
        if broader or region:
            parent[node] = (broader or region)[0]
    children: dict[str, list[str]] = defaultdict(list)
    for node, above in sorted(parent.items()):
        children[above].append(node)
    roots = sorted(node for node, kind in kinds.items() if kind == "region" and children.get(node))
    trees = [_radial_tree(root, children) for root in roots]
    if boxes is not None:
        trees = [_separate(tree, boxes) if len(tree) <= SEPARATE_LIMIT else tree for tree in trees]
    in_trees = {node for tree in trees for node in tree}
    rest = graph.subgraph(sorted(n for n in graph if kinds[n] != "insats" and n not in in_trees))
    parts = [lay_out(nx.MultiDiGraph(rest), seed, boxes)] if len(rest) else []
    positions = _pack(parts + trees)
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}))
    for node in sorted(simple):
        if node not in positions and not any(n in positions for n in simple[node]):
            positions[node] = (0.0, 0.0)  # an insats linked to nothing shown: it stays in the middle
    _place_on_rings(simple, positions)
    return positions


RING = SPACING * 3.2
"""Distance between the rings of a region's goal tree."""
LEAF_ARC = SPACING * 2.4
"""Room along its ring that each outermost goal of a tree gets at least."""


def _radial_tree(root: str, children: Mapping[str, list[str]]) -> dict[str, tuple[float, float]]:
    """A tree drawn on rings around ``root``: each node in the middle of the arc its leaves share."""
    leaves: dict[str, int] = {}

    def count(node: str) -> int:
        leaves[node] = sum(count(child) for child in children.get(node, [])) or 1
        return leaves[node]

    count(root)
    depth: dict[str, int] = {root: 0}
    order = [root]
    for node in order:
        for child in children.get(node, []):
            depth[child] = depth[node] + 1
            order.append(child)
    deepest = max(depth.values())
    ring = max(RING, leaves[root] * LEAF_ARC / (2 * math.pi * deepest))
    positions = {root: (0.0, 0.0)}
    spans = {root: (0.0, 2 * math.pi)}
    for node in order:
        start, end = spans[node]
        cursor = start
        for child in children.get(node, []):
            share = (end - start) * leaves[child] / leaves[node]
            spans[child] = (cursor, cursor + share)
            angle = cursor + share / 2
            radius = ring * depth[child]
            positions[child] = (radius * math.cos(angle), radius * math.sin(angle))
            cursor += share
    return positions


__all__ = ["GAP", "SEED", "SEPARATE_LIMIT", "SPACING", "SPRING_LIMIT", "Box", "lay_out", "lay_out_overview"]
