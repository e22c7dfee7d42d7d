"""`malgraf gaps` on the shipped data: the supported goals taken away once (MINUS) vs looked for per goal.

The old query (``OLD_GAPS`` below, as ``queries/gaps.rq`` was) kept every goal of the scheme for
which FILTER NOT EXISTS found no insats reaching it; Oxigraph ran that pattern again for each goal.
The new one (``queries/gaps.rq``) computes the supported goals of the scheme once, in a MINUS. The
shipped data is built with both closures, the old (``mg:Reach`` nodes, ``materialise_old`` in
``benchmarks/closure.py``) for the old query and today's (``mg:reaches``) for the new one, and
both queries must give the same rows. Timed:

- the library call, ``malgraf.query.gaps`` for sdg, national and eruf (what ``malgraf gaps``
  asks), without and with ``--region`` / ``--year``: median of 5 calls (the old way: 1);
- the cold CLI, ``malgraf gaps`` in a new process, started the same way on both sides (a launcher
  that gives ``query.gaps`` the old or the new query): median of 5 runs (the old way: 1); and
  ``python -m malgraf gaps`` itself and ``python -m malgraf --help``, the floor of any command.

Run: ``python benchmarks/gaps.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, URIRef

from malgraf import query
from malgraf.closure import materialise_closure
from malgraf.graph import build_store, default_data_directories, open_graph_store, write_store
from malgraf.importers.tables import year_triples
from malgraf.namespaces import REGION
from malgraf.resources import GOALS_DIRECTORY, load_query

sys.path.insert(0, str(Path(__file__).parent))
from closure import materialise_old

OLD_GAPS = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?scheme ?region ?year ?goal ?notation ?label ?class WHERE {
  ?goal skos:inScheme ?scheme ; a ?class .
  ?class rdfs:subClassOf* mg:Goal .
  FILTER(?class != mg:Goal)
  OPTIONAL { ?goal skos:notation ?notation
             FILTER(DATATYPE(?notation) != <http://metadata.un.org/sdg/ontology#SDGCode>) }
  OPTIONAL { ?goal skos:prefLabel ?svLabel FILTER(LANGMATCHES(LANG(?svLabel), "sv")) }
  OPTIONAL { ?goal skos:prefLabel ?enLabel FILTER(LANGMATCHES(LANG(?enLabel), "en")) }
  BIND(COALESCE(?svLabel, ?enLabel) AS ?label)
  FILTER NOT EXISTS {
    ?reach mg:reachTo ?goal ; mg:reachFrom ?direct .
    { ?link mg:goal ?direct . ?insats mg:goalLink ?link . } UNION { ?insats mg:reportedUnder ?direct . }
    ?insats mg:region ?region ; mg:year ?year .
  }
}
ORDER BY ?goal
"""

LAUNCHER = """
import sys
from malgraf import query, resources
if sys.argv[1] == "old":
    query.load_query = lambda name: OLD if name == "gaps" else resources.load_query(name)
from malgraf.cli import main
main(sys.argv[2:], prog_name="malgraf")
""".replace("OLD", repr(OLD_GAPS))

SCHEMES = ("sdg", "national", "eruf")
OPTIONS: list[tuple[str, list[str], URIRef | None, int | None]] = [
    ("all insatser", [], None, None),
    ("--region Gotland", ["--region", "Gotland"], REGION["09"], None),
    ("--year 2023", ["--year", "2023"], None, 2023),
]


def timed(call: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time in seconds of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def ask(dataset: Dataset, region: URIRef | None, year: int | None, text: str) -> list[query.Row]:
    """``query.gaps`` for the default schemes, with ``text`` as its query."""
    query.load_query = lambda name: text if name == "gaps" else load_query(name)
    try:
        return [row for name in SCHEMES for row in query.gaps(dataset, query.SCHEMES[name], region=region, year=year)]
    finally:
        query.load_query = load_query


def library(graph: Path) -> None:
    dataset = open_graph_store(graph)
    new_query = load_query("gaps")
    print("library call, query.gaps for sdg, national and eruf:")
    for title, _, region, year in OPTIONS:
        new, new_rows = timed(lambda r=region, y=year: ask(dataset, r, y, new_query), repeat=5)
        old, old_rows = timed(lambda r=region, y=year: ask(dataset, r, y, OLD_GAPS), repeat=1)
        assert new_rows == old_rows, f"{title}: the new query answers differently"
        assert isinstance(new_rows, list)
        print(f"  {title:18} {len(new_rows):4} gaps   old {old * 1000:9.0f} ms   new {new * 1000:7.1f} ms"
              f"   ratio {old / new:7.0f}×")


def cold(arguments: list[str], repeat: int) -> tuple[float, str]:
    """Median wall time of a new Python process running ``arguments``, and its output."""
    def run() -> str:
        return subprocess.run([sys.executable, *arguments], check=True, capture_output=True, text=True).stdout
    seconds, output = timed(run, repeat)
    assert isinstance(output, str)
    return seconds, output


def cli(graph: Path) -> None:
    print("cold CLI, a new process per run:")
    for title, options, _, _ in OPTIONS:
        command = ["gaps", "--graph", str(graph), *options]
        new, new_output = cold(["-c", LAUNCHER, "new", *command], repeat=5)
        old, old_output = cold(["-c", LAUNCHER, "old", *command], repeat=1)
        assert new_output == old_output, f"{title}: the CLI prints differently"
        plain, _ = cold(["-m", "malgraf", *command], repeat=5)
        print(f"  malgraf gaps {title:18} old {old:7.2f} s   new {new:5.2f} s   ratio {old / new:5.0f}×"
              f"   (python -m malgraf gaps: {plain:.2f} s)")
    floor, _ = cold(["-m", "malgraf", "--help"], repeat=5)
    print(f"  python -m malgraf --help: {floor:.2f} s")


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        graph = Path(temp) / "malgraf.nq"
        both = build_store(default_data_directories(), data_loader=year_triples, goals_directory=GOALS_DIRECTORY,
                           materialise=lambda store: (materialise_closure(store), materialise_old(store)))
        write_store(both, graph)
        library(graph)
        cli(graph)


if __name__ == "__main__":
    main()
