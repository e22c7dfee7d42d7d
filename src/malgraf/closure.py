"""Materialise the closure ``supports`` needs: which goal reaches which, and by what path.

A goal reaches itself, every goal above it (``skos:broader``) and every goal it contributes to
across schemes (the crosswalk), transitively. Each (from, to) pair becomes one ``mg:Reach`` node in
the named graph ``graph/closure`` with the shortest path, so that "which insatser support G?" is
an index lookup instead of a property-path query (see ``benchmarks/supports.py``).
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator

import networkx as nx
import pyoxigraph as ox

from malgraf.namespaces import GRAPH, ID, MG, RDF

CLOSURE_GRAPH = GRAPH.closure
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _solutions(store: ox.Store, query: str) -> ox.QuerySolutions:
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return result


def goal_graph(store: ox.Store) -> nx.DiGraph:
    """Goals as nodes (with a display name), broader and crosswalk edges between them."""
    from malgraf.resources import load_query

    graph = nx.DiGraph()
    for row in _solutions(store, load_query("goal_names")):
        name = row["svLabel"] or row["enLabel"]
        label = name.value if name is not None else row["goal"].value
        notation = row["notation"]
        if notation is not None and not label.startswith(notation.value):
            label = f"{notation.value} {label}"
        graph.add_node(row["goal"].value, label=label)
    for row in _solutions(store, load_query("goal_edges")):
        source, target = row["from"].value, row["to"].value
        if source in graph and target in graph and source != target:
            graph.add_edge(source, target, edge=row["edge"].value)
    return graph


def reach(graph: nx.DiGraph) -> Iterator[tuple[str, str, list[str], str]]:
    """Every (from, to, shortest path, via) with via ``direct``, ``hierarchy`` or ``crosswalk``."""
    for source in sorted(graph):
        for target, path in sorted(nx.single_source_shortest_path(graph, source).items()):
            if len(path) == 1:
                via = "direct"
            elif any(graph.edges[a, b]["edge"] == "crosswalk" for a, b in itertools.pairwise(path)):
                via = "crosswalk"
            else:
                via = "hierarchy"
            yield source, target, path, via


def materialise_closure(store: ox.Store) -> int:
    """Write the reach closure into ``graph/closure`` of ``store``; return the number of pairs."""
    graph = goal_graph(store)
    context = ox.NamedNode(CLOSURE_GRAPH)
    quads: list[ox.Quad] = []
    count = 0
    for source, target, path, via in reach(graph):
        node = ox.NamedNode(ID["reach/" + hashlib.sha1(f"{source} {target}".encode()).hexdigest()[:20]])
        label = " → ".join(graph.nodes[goal]["label"] for goal in path)
        quads += [
            ox.Quad(node, ox.NamedNode(RDF.type), ox.NamedNode(MG.Reach), context),
            ox.Quad(node, ox.NamedNode(MG.reachFrom), ox.NamedNode(source), context),
            ox.Quad(node, ox.NamedNode(MG.reachTo), ox.NamedNode(target), context),
            ox.Quad(node, ox.NamedNode(MG.reachVia), ox.Literal(via), context),
            ox.Quad(node, ox.NamedNode(MG.reachHops), ox.Literal(str(len(path) - 1), datatype=_XSD_INTEGER),
                    context),
            ox.Quad(node, ox.NamedNode(MG.reachPath), ox.Literal(" ".join(path)), context),
            ox.Quad(node, ox.NamedNode(MG.reachPathLabel), ox.Literal(label), context),
        ]
        count += 1
    store.extend(quads)
    return count
