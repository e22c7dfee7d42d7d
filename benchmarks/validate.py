"""How long validation takes: pySHACL (the reference) against the SPARQL fast path.

For each size the synthetic data (``benchmarks/synthetic.py``; cached as N-Quads under
``build/bench/``) is loaded with the ontology and the reference vocabularies into an Oxigraph
store, and timed four ways:

* pySHACL on an rdflib memory graph (``--engine shacl``): copying the store into it, then validating;
* pySHACL on an Oxigraph-backed rdflib graph, given a minute (in a child process);
* the fast path's checks: one SPARQL query per rule on the store, one per CPU at a time (``check_sparql``);
* the fast path's whole report (``--engine sparql``): the checks, then names, regions and lines.

Both engines must give the same findings; the script stops if they do not.

    python benchmarks/validate.py                       # 1 000, 10 000 and 100 000 insatser
    python benchmarks/validate.py --sizes 1000 10000    # fewer
    python benchmarks/validate.py --fast-only           # only the fast path
    python benchmarks/validate.py --on-disk --rules     # a built graph's on-disk store; each rule alone
    python benchmarks/validate.py --fast-only --region 10   # also one region's report (--region)

Measured (2-core shared machine; seconds; see docs/validate.md):

     insatser      quads findings    copy  pySHACL pySHACL/ox  checks  report pySHACL/checks
         1000      55125      177    2.32     2.72    skipped   0.022   0.040           122×
        10000     442765     1183   20.31    28.01    skipped   0.225   0.282           125×
       100000    4314991    11159  292.21   284.76    skipped   2.479   3.694           115×

On disk (``--on-disk``) the checks took 0.30 s at 10 000 and 3.7 s at 100 000. pySHACL on Oxigraph did
not finish 1 000 insatser within 60 s. The target, the fast path under 1 s at 100 000 insatser, is not
met: reading once the data the rules look at takes 0.55 s in memory and 1.1 s on disk (``--rules``).
"""

from __future__ import annotations

import argparse
import multiprocessing
import queue
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from malgraf.closure import materialise_closure
from malgraf.graph import build_store, index_path, open_store, write_store
from malgraf.namespaces import REGION
from malgraf.resources import load_query
from malgraf.store import EmbeddedStore
from malgraf.validate import Key, Report, Rule, check_shacl, check_sparql, load_shapes, memory_graph, rules, validate

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate, write_graph

CACHE = Path("build") / "bench"
OXIGRAPH_BUDGET = 60.0
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = work()
    return value, time.perf_counter() - start


def synthetic_store(n: int, seed: int, cache: Path = CACHE) -> ox.Store:
    """Ontology + reference vocabularies + ``n`` synthetic insatser (generated once, then cached)."""
    path = cache / f"synthetic-{n}-{seed}.nq"
    if not path.is_file() or path.stat().st_size < 100:
        print(f"  generating {n} insatser into {path} (once; slow at 100 000: rdflib builds the graph)",
              flush=True)
        write_graph(generate(n, seed), path)
    store = build_store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    materialise_closure(EmbeddedStore(store))  # the class hierarchy the rule queries read
    return store


def built_store(n: int, seed: int, cache: Path = CACHE) -> ox.Store:
    """The same data as a built graph opened the way ``malgraf validate`` opens one: its on-disk store."""
    built = cache / f"built-{n}-{seed}.nq"
    if (index := index_path(built)) is None or not index.is_dir():
        print(f"  writing {built} and its on-disk store (once)", flush=True)
        write_store(synthetic_store(n, seed, cache), built)
    return open_store(built)


def oxigraph_graph(store: ox.Store) -> Graph:
    """Every triple of ``store`` in the default graph of a new store, seen as an rdflib graph."""
    merged = ox.Store()
    merged.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store)
    return Graph(store=OxigraphStore(store=merged), identifier=DATASET_DEFAULT_GRAPH_ID)


def reference_path(dataset: Dataset, shapes: Graph, known: list[Rule]) -> tuple[set[Key], float, float]:
    """pySHACL's findings, the seconds to copy the data into a memory graph, and to validate it."""
    graph, copy_time = timed(lambda: memory_graph(dataset))
    reference, shacl_time = timed(lambda: check_shacl(graph, shapes, known))
    return reference, copy_time, shacl_time


def shacl_on_oxigraph(store: ox.Store, shapes: Graph, known: list[Rule]) -> tuple[set[Key], float] | None:
    """pySHACL's findings and seconds on an Oxigraph-backed graph, or None past ``OXIGRAPH_BUDGET``."""
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[tuple[set[Key], float]] = context.Queue()

    def work() -> None:
        graph = oxigraph_graph(store)
        results.put(timed(lambda: check_shacl(graph, shapes, known)))

    process = context.Process(target=work)
    process.start()
    try:
        return results.get(timeout=OXIGRAPH_BUDGET)
    except queue.Empty:
        return None
    finally:
        process.terminate()
        process.join()


READ_ONCE = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT (COUNT(*) AS ?n) WHERE {
  { ?s rdf:type mg:Insats } UNION { ?s mg:contributesTo ?o } UNION { ?s mg:goalLink ?o }
  UNION { ?s mg:region ?o } UNION { ?s mg:year ?o } UNION { ?s mg:reportedUnder ?o }
  UNION { ?s dcterms:title ?o FILTER(STRLEN(?o) >= 0) }
}
"""
"""Reads once every triple the rules look at (a name's text too, for its pattern), joining nothing."""

MIN_COUNT = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
SELECT ?focus WHERE { ?focus a mg:Insats MINUS { ?focus mg:contributesTo ?goal } }
"""
"""SHACL's min-count check on mg:contributesTo alone, the query the issue timed."""


def solutions(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def breakdown(store: ox.Store, known: list[Rule]) -> None:
    """Seconds per rule query, one at a time, and for reading the data the rules need once."""
    for rule in known:
        rows, seconds = timed(lambda rule=rule: solutions(store, load_query(rule.query)))  # type: ignore[misc]
        print(f"  {rule.id:<26} {len(rows):>7} findings {seconds:>7.3f} s", flush=True)
    rows, seconds = timed(lambda: solutions(store, MIN_COUNT))
    print(f"  {'(min-count check alone)':<26} {len(rows):>7} findings {seconds:>7.3f} s", flush=True)
    _, seconds = timed(lambda: solutions(store, READ_ONCE))
    print(f"  {'(reading that data once)':<26} {'':>16} {seconds:>7.3f} s", flush=True)


def scoped(dataset: Dataset, report: Report, lanskod: str) -> None:
    """Time one region's report (``--region``) and check it holds the findings the whole report places there."""
    region, seconds = timed(lambda: validate(dataset, "sparql", region=REGION[lanskod]))
    expected = {f.key for f in report.findings if f.place.lanskod == lanskod}
    if {f.key for f in region.findings} != expected:
        raise SystemExit(f"the report for region {lanskod} is not the whole report's findings there")
    print(f"  --region {lanskod}: {len(expected)} findings, report {seconds:.3f} s", flush=True)


def measure(n: int, seed: int, cache: Path, shapes: Graph, known: list[Rule], shacl: bool = True,
            on_disk: bool = False, rules_too: bool = False, region: str | None = None) -> None:
    """Time one size and print a row (after the time of each rule, with ``rules_too``)."""
    store = built_store(n, seed, cache) if on_disk else synthetic_store(n, seed, cache)
    dataset = EmbeddedStore(store)
    if rules_too:
        breakdown(store, known)
    found, check_time = timed(lambda: check_sparql(dataset, known))
    fast = set(found)
    report, report_time = timed(lambda: validate(dataset, "sparql"))
    if region:
        scoped(dataset, report, region)
    if not shacl:
        print(f"{n:>9} {len(store):>10} {len(fast):>8} {'-':>7} {'-':>8} {'-':>10} {check_time:>7.3f} "
              f"{report_time:>7.3f}", flush=True)
        return
    on_oxigraph = "skipped"
    measured = shacl_on_oxigraph(store, shapes, known)
    if measured is None:
        print(f"  pySHACL on Oxigraph skipped at {n}: not done within {OXIGRAPH_BUDGET:.0f} s", flush=True)
    elif measured[0] != fast:
        raise SystemExit(f"pySHACL on Oxigraph disagrees at {n}: {len(measured[0] ^ fast)} findings differ")
    else:
        on_oxigraph = f"{measured[1]:.2f}"
    reference, copy_time, shacl_time = reference_path(dataset, shapes, known)
    if reference != fast or {f.key for f in report.findings} != fast:
        raise SystemExit(f"the engines disagree at {n}: {len(reference ^ fast)} findings differ")
    print(f"{n:>9} {len(store):>10} {len(fast):>8} {copy_time:>7.2f} {shacl_time:>8.2f} {on_oxigraph:>10} "
          f"{check_time:>7.3f} {report_time:>7.3f} {shacl_time / check_time:>13.0f}×", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fast-only", action="store_true", help="time only the fast path")
    parser.add_argument("--on-disk", action="store_true",
                        help="validate a built graph's on-disk store, as `malgraf validate` does (implies --fast-only)")
    parser.add_argument("--rules", action="store_true", help="also time each rule's query alone")
    parser.add_argument("--region", metavar="LANSKOD", help="also time the report for this region alone")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"where generated data is kept ({CACHE})")
    args = parser.parse_args()
    shapes = load_shapes()
    known = rules(shapes)
    print(f"{'insatser':>9} {'quads':>10} {'findings':>8} {'copy':>7} {'pySHACL':>8} {'pySHACL/ox':>10} "
          f"{'checks':>7} {'report':>7} {'pySHACL/checks':>14}", flush=True)
    for n in args.sizes:
        measure(n, args.seed, args.cache, shapes, known, shacl=not (args.fast_only or args.on_disk),
                on_disk=args.on_disk, rules_too=args.rules, region=args.region)
    print("Seconds. copy: the store into an rdflib memory graph for pySHACL; pySHACL/ox: pySHACL on an "
          "Oxigraph-backed graph; checks: the fast path's queries; report: checks + names, regions, lines.")


if __name__ == "__main__":
    main()
