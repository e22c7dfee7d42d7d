"""`gaps`: the goals with a roll-up cell, taken away in Python, vs following the links, vs one MINUS query.

First ``queries/gaps.rq`` kept the goals of a scheme that a MINUS did not take away; the region and
year were bound into the MINUS by Oxigraph's substitutions. Bound as a ``VALUES`` block (the one way
every engine honours) they no longer narrow the MINUS, which then computed every region's supported
goals. Then ``served_goals.rq`` followed the links from the insatser of the region and year
(``LINKS_SERVED``, 60 s for one region at 1 000 000 insatser on disk). Now it reads the roll-up cells
``malgraf build`` materialises (``mg:GoalCount`` of every goal, region and year), and ``query.gaps``
takes those goals away from ``scheme_goals.rq``. All three must give the same goals.

Timed, on the shipped data and on synthetic graphs (``benchmarks/synthetic.py``, built as
``malgraf build`` builds them): the SDG scheme, for all insatser, one region, and one region and
year; median of 5 calls after a warm-up, the same way on every side (the library call ``gaps`` now;
the served goals of the older queries taken away from the same ``scheme_goals`` rows).

Run: ``python benchmarks/gaps.py [SIZES…]`` (default 10000 100000).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from malgraf.build import build
from malgraf.closure import materialise_closure
from malgraf.graph import build_store, open_graph_store
from malgraf.importers.tables import load_year
from malgraf.namespaces import REGION
from malgraf.query import gaps
from malgraf.resources import load_query
from malgraf.store import EmbeddedStore, GraphStore

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_tables

SDG = URIRef("http://metadata.un.org/sdg")
MINUS_GAPS = """PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?goal WHERE {
  ?goal skos:inScheme ?scheme ; a ?class .
  ?class mg:specialises mg:Goal .
  FILTER(?class != mg:Goal)
  MINUS {
    ?goal skos:inScheme ?scheme .
    ?direct mg:reaches ?goal .
    { ?link mg:goal ?direct . ?insats mg:goalLink ?link ; mg:region ?region ; mg:year ?year . }
    UNION { ?insats mg:reportedUnder ?direct ; mg:region ?region ; mg:year ?year . }
  }
}"""
"""The MINUS of the first ``gaps.rq`` (its labels left out: the same on every side)."""
LINKS_SERVED = """PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?goal WHERE {
  { ?insats mg:region ?region ; mg:year ?year ; mg:goalLink ?link . ?link mg:goal ?direct .
    ?direct mg:reaches ?goal . ?goal skos:inScheme ?scheme . }
  UNION
  { ?insats mg:region ?region ; mg:year ?year ; mg:reportedUnder ?direct .
    ?direct mg:reaches ?goal . ?goal skos:inScheme ?scheme . }
}"""
"""The previous ``served_goals.rq``: the goals the insatser of the region and year reach, by their links."""
SCOPES: list[tuple[str, URIRef | None, int | None]] = [
    ("all insatser", None, None), ("Blekinge", REGION["10"], None), ("Blekinge 2023", REGION["10"], 2023)]


def median_ms(call: Callable[[], object], repeat: int = 5) -> tuple[float, object]:
    answer = call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, answer


def compare(title: str, store: GraphStore) -> None:
    print(title)
    for scope, region, year in SCOPES:
        bound = {"scheme": SDG, **({"region": region} if region else {}),
                 **({"year": Literal(str(year), datatype=XSD.gYear)} if year else {})}
        now, rows = median_ms(lambda r=region, y=year: gaps(store, SDG, region=r, year=y))
        links, by_links = median_ms(lambda b=bound: links_gaps(store, b))  # type: ignore[misc]
        before, old = median_ms(lambda b=bound: store.select_values(MINUS_GAPS, b))  # type: ignore[misc]
        found = {row["goal"] for row in rows}  # type: ignore[union-attr]
        assert found == {row["goal"] for row in old} == by_links, scope  # type: ignore[union-attr]
        print(f"  {scope:14} {len(rows):4} gaps   MINUS {before:8.1f} ms   links {links:8.1f} ms   "  # type: ignore[arg-type]
              f"cells {now:7.1f} ms   {before / now:6.1f}× and {links / now:5.1f}× faster", flush=True)


def links_gaps(store: GraphStore, bound: dict[str, object]) -> set[object]:
    """The gaps as the previous ``query.gaps`` found them: the scheme's goals less those ``LINKS_SERVED`` finds."""
    served = {row["goal"] for row in store.select_values(LINKS_SERVED, bound)}  # type: ignore[arg-type]
    return {row["goal"] for row in store.select_values(load_query("scheme_goals"), {"scheme": SDG})} - served


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000]
    with tempfile.TemporaryDirectory() as temp:
        shipped = Path(temp) / "malgraf.nq"
        build(shipped)
        compare("shipped data (525 insatser):", open_graph_store(shipped))
        for size in sizes:
            directory = write_tables(Path(temp) / f"synthetic-{size}" / "2023", size)
            store = build_store([directory], data_loader=load_year, materialise=materialise_closure)
            compare(f"synthetic, {size} insatser:", EmbeddedStore(store))


if __name__ == "__main__":
    main()
