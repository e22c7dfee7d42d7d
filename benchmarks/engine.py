"""Choose the embedded engine by measurement: rdflib's memory store vs Oxigraph on the same data.

Loads the same N-Quads (the shipped graph, and a synthetic one of N insatser) into each engine and
runs the same two queries: an aggregation (insatser per region, GROUP BY) and a transitive
property path (insatser reaching a national strategic area through contributesTo/broader*).

Run: ``python benchmarks/engine.py [N]`` (default N = 10000).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from malgraf.build import build
from malgraf.closure import materialise_closure
from malgraf.graph import build_store, write_store
from malgraf.importers.tables import year_triples

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_tables

AGGREGATE = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
SELECT ?region (COUNT(DISTINCT ?insats) AS ?n) WHERE { ?insats a mg:Insats ; mg:region ?region }
GROUP BY ?region ORDER BY ?region
"""
PATH = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT (COUNT(DISTINCT ?insats) AS ?n) WHERE {
  ?insats a mg:Insats ; mg:contributesTo/(skos:broader|mg:contributesTo)* <https://w3id.org/malgraf/id/ns/area-3> .
}
"""


def timed(call: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare(label: str, path: Path) -> None:
    def load_rdflib() -> Dataset:
        dataset = Dataset(default_union=True)
        dataset.parse(path, format="nquads")
        return dataset

    def load_oxigraph() -> ox.Store:
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        return store

    rdflib_load = timed(load_rdflib, repeat=1)
    oxigraph_load = timed(load_oxigraph)
    memory, store = load_rdflib(), load_oxigraph()
    results = {
        "load": (rdflib_load, oxigraph_load),
        "GROUP BY": (timed(lambda: list(memory.query(AGGREGATE))),
                     timed(lambda: list(store.query(AGGREGATE, use_default_graph_as_union=True)))),
        "property path": (timed(lambda: list(memory.query(PATH)), repeat=1),
                          timed(lambda: list(store.query(PATH, use_default_graph_as_union=True)))),
    }
    print(f"{label}: {len(store)} quads")
    for name, (slow, fast) in results.items():
        print(f"  {name:<14} rdflib {slow * 1000:9.1f} ms   Oxigraph {fast * 1000:8.1f} ms   ratio {slow / fast:6.1f}×")


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as temp:
        shipped = Path(temp) / "shipped.nq"
        build(shipped)
        compare("shipped 2023 graph", shipped)
        directory = write_tables(Path(temp) / "2023", size)
        synthetic = Path(temp) / "synthetic.nq"
        write_store(build_store([directory], data_loader=year_triples, materialise=materialise_closure), synthetic)
        compare(f"synthetic, {size} insatser", synthetic)


if __name__ == "__main__":
    main()
