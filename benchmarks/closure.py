"""Build time and size of the materialised closure: next hops per pair (now) vs whole paths per pair (before).

Goals in a ``skos:broader`` chain (n goals, n(n+1)/2 pairs, paths up to n long) and in a binary
tree (about n·log2 n pairs) are written as Turtle and built as ``malgraf build --turtle FILE``
builds them (ontology, reference vocabularies, the extra file, the closure; no data set): the
store, the closure, the N-Quads file and its on-disk store. Printed per size: pairs (with the 912
of the reference vocabularies), the quads of ``graph/closure``, the size of the whole N-Quads file
(3 MB without the closure) and the wall time of the build, for both ways. The old way,
one ``mg:Reach`` node per pair with the whole path as IRIs and as labels (``materialise_old``
below, a copy of the algorithm before), grows with the cube of a chain's length: it runs only up
to ``--old-up-to`` goals (a chain of 1 000 took 284 s and 20 GB).

Run: ``python benchmarks/closure.py [--sizes 100 200 400 1000] [--old-up-to 400] [--shapes chain tree]``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from malgraf.closure import CLOSURE_GRAPH, class_hierarchy, goal_graph, materialise_closure
from malgraf.graph import build_store, quads_per_graph, write_store
from malgraf.namespaces import ID, MG, RDF
from malgraf.store import EmbeddedStore

_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def old_reach(graph: nx.DiGraph) -> Iterator[tuple[str, str, list[str], str]]:
    """Before: every (from, to, shortest path, via), one breadth-first search from each source."""
    for source in sorted(graph):
        for target, path in sorted(nx.single_source_shortest_path(graph, source).items()):
            if len(path) == 1:
                via = "direct"
            elif any(graph.edges[a, b]["edge"] == "crosswalk" for a, b in itertools.pairwise(path)):
                via = "crosswalk"
            else:
                via = "hierarchy"
            yield source, target, path, via


def materialise_old(store: EmbeddedStore) -> int:
    """Before: one mg:Reach node per pair with the whole path twice (mg:reachPath, mg:reachPathLabel).

    The class hierarchy (``mg:specialises``), which the queries of both read, is written first, as now.
    """
    store.add_graph(CLOSURE_GRAPH, class_hierarchy(store))
    graph = goal_graph(store)
    context = ox.NamedNode(CLOSURE_GRAPH)
    quads: list[ox.Quad] = []
    count = 0
    for source, target, path, via in old_reach(graph):
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
    store.native.extend(quads)
    return count


def goals_turtle(size: int, shape: str) -> str:
    """``size`` goals, each broader than the next (chain) or than its two children (binary tree)."""
    lines = ["@prefix mg: <https://w3id.org/malgraf/ontology#> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
             "@prefix g: <https://example.org/goal/> ."]
    for number in range(size):
        parent = number - 1 if shape == "chain" else (number - 1) // 2
        broader = f" ; skos:broader g:{parent}" if number else ""
        lines.append(f'g:{number} a mg:OtherGoal ; skos:prefLabel "Mål nummer {number}"@sv{broader} .')
    return "\n".join(lines) + "\n"


def measure(turtle: Path, materialise: Callable[[EmbeddedStore], int], out: Path) -> tuple[float, int, int, int]:
    """Wall time of building and writing; pairs and quads in the closure; bytes of the N-Quads file."""
    counted: list[int] = []
    start = time.perf_counter()
    store = build_store(extra_turtle=[turtle], materialise=lambda store: counted.append(materialise(store)))
    write_store(store, out)
    elapsed = time.perf_counter() - start
    closure = quads_per_graph(store).get(str(CLOSURE_GRAPH), 0)
    return elapsed, counted[0], closure, out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 1000])
    parser.add_argument("--old-up-to", type=int, default=400, help="largest size the old way runs at")
    parser.add_argument("--shapes", nargs="+", choices=["chain", "tree"], default=["chain", "tree"])
    arguments = parser.parse_args()
    header = (f"{'shape':5} {'goals':>6} {'pairs':>8}   {'new: quads':>10} {'MB':>7} {'s':>7}"
              f"   {'old: quads':>10} {'MB':>8} {'s':>7}   {'time old/new':>12}")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for shape, size in itertools.product(arguments.shapes, arguments.sizes):
            turtle = folder / f"{shape}-{size}.ttl"
            turtle.write_text(goals_turtle(size, shape), encoding="utf-8")
            new_time, pairs, new_quads, new_bytes = measure(turtle, materialise_closure, folder / "new.nq")
            line = f"{shape:5} {size:>6} {pairs:>8}   {new_quads:>10} {new_bytes / 1e6:>7.1f} {new_time:>7.2f}"
            if size <= arguments.old_up_to:
                old_time, old_pairs, old_quads, old_bytes = measure(turtle, materialise_old, folder / "old.nq")
                assert old_pairs == pairs, (old_pairs, pairs)
                line += (f"   {old_quads:>10} {old_bytes / 1e6:>8.1f} {old_time:>7.2f}"
                         f"   {old_time / new_time:>11.1f}×")
            else:
                line += f"   {'not run':>10}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
