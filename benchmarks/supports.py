"""`supports` latency on synthetic graphs: Oxigraph with the materialised closure vs plain rdflib.

For 1 000, 10 000 and 100 000 synthetic insatser (benchmarks/synthetic.py) the graph is built as
`malgraf build` builds it (reference vocabularies + data + closure). Then the same question,
"which insatser support this goal?", is asked three ways:

- malgraf: ``malgraf.query.supports`` (the lookup in ``supports.rq``) on Oxigraph through oxrdflib;
- rdflib, same lookup: the same query and bindings on rdflib's memory store;
- rdflib, property path: the naive query without the closure,
  ``?insats mg:contributesTo/(skos:broader|mg:contributesTo)* ?goal``, on rdflib's memory store.

The goal is the SDG target with the most supporters ≤ 1 000. Also printed: cold-process wall time
of ``malgraf supports sdg:8`` on the shipped data.

Run: ``python benchmarks/supports.py [SIZES…]`` (default 1000 10000 100000).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from malgraf.closure import materialise_closure
from malgraf.graph import build_store
from malgraf.importers.tables import load_year
from malgraf.namespaces import RUS, SDG
from malgraf.query import supports
from malgraf.resources import load_query
from malgraf.store import EmbeddedStore

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import SDG_TARGETS, Rates, rus_goal, write_tables

NAIVE = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?insats WHERE {
  ?insats a mg:Insats ; mg:contributesTo/(skos:broader|mg:contributesTo)* ?goal .
}
"""


SAME_LOOKUP_UP_TO = 10_000
"""rdflib's engine takes seconds for the lookup query already at 1 000 insatser; beyond this it is skipped."""


def timed(call: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    """Median wall time in ms of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def rdflib_copy(store: ox.Store) -> Dataset:
    """The same quads in rdflib's memory store."""
    dataset = Dataset(default_union=True)
    with tempfile.NamedTemporaryFile(suffix=".nq") as handle:
        store.dump(output=handle.name, format=ox.RdfFormat.N_QUADS)
        dataset.parse(handle.name, format="nquads")
    return dataset


def pick_goal(dataset: Dataset) -> tuple[URIRef, int]:
    """The SDG target or RUS goal with the most supporting insatser, at most 1 000."""
    candidates = [SDG[target] for target in SDG_TARGETS]
    candidates += [URIRef(str(RUS) + rus_goal("10", number)[4:])
                   for number in range(1, Rates().rus_goals_per_region + 1)]
    best: tuple[URIRef, int] = (candidates[0], -1)
    for goal in candidates:
        count = len({row["insats"] for row in supports(dataset, goal)})
        if best[1] < count <= 1000:
            best = (goal, count)
    return best


def run(size: int) -> None:
    with tempfile.TemporaryDirectory() as temp:
        start = time.perf_counter()
        directory = write_tables(Path(temp) / "2023", size)
        store = build_store([directory], data_loader=load_year, materialise=materialise_closure)
        built = time.perf_counter() - start
    oxigraph = EmbeddedStore(store)
    goal, count = pick_goal(oxigraph)
    fast, rows = timed(lambda: supports(oxigraph, goal), repeat=9)
    memory = rdflib_copy(store)
    query = load_query("supports")
    assert isinstance(rows, list)
    print(f"{size:>7} insatser, {len(store):>8} quads (built in {built:.1f} s); goal {goal} with {count} insatser")
    print(f"        malgraf (Oxigraph, closure)  {fast:9.1f} ms")
    if size <= SAME_LOOKUP_UP_TO:
        same, _ = timed(lambda: list(memory.query(query, initBindings={"goal": goal})), repeat=3)
        print(f"        rdflib, same lookup          {same:9.1f} ms   ratio {same / fast:6.1f}×")
    naive, _ = timed(lambda: list(memory.query(NAIVE, initBindings={"goal": goal})), repeat=1)
    print(f"        rdflib, property path        {naive:9.1f} ms   ratio {naive / fast:6.1f}×")


def cold_cli() -> None:
    with tempfile.TemporaryDirectory() as temp:
        graph = Path(temp) / "malgraf.nq"
        subprocess.run([sys.executable, "-m", "malgraf", "build", "--out", str(graph)], check=True,
                       capture_output=True)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "malgraf", "supports", "sdg:8", "--graph", str(graph)],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    print(f"CLI `malgraf supports sdg:8` on the shipped data, cold process: {statistics.median(times):.2f} s")


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1_000, 10_000, 100_000]
    for size in sizes:
        run(size)
    cold_cli()


if __name__ == "__main__":
    main()
