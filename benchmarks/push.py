"""`push`: N-Triples written by Oxigraph against the previous way, an rdflib term and its text of each triple.

``malgraf push`` sends each named graph of the built graph to a SPARQL server in requests of
``CHUNK_TRIPLES`` triples. Before, each triple was read from the store as rdflib terms and written
with ``n3()``; now ``EmbeddedStore.ntriples_of`` has Oxigraph write each request's N-Triples. Both
ways push the same built graph into a fresh throwaway Virtuoso (``tests/virtuoso.py``), timed the
same way (wall time of the whole push, then a count of what the server holds).

Run: ``python benchmarks/push.py [SIZE]`` (default 10 000 synthetic insatser over 2014–2023, built as
``malgraf build`` builds them; needs Debian's ``virtuoso-opensource``).
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

from rdflib import URIRef

from malgraf.closure import materialise_closure
from malgraf.graph import build_store, open_graph_store, write_store
from malgraf.importers.tables import year_triples
from malgraf.store import EmbeddedStore, RemoteStore
from malgraf.store.endpoint import Login, SparqlEndpoint
from malgraf.store.push import CHUNK_TRIPLES, push

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from synthetic import write_years  # noqa: E402
from virtuoso import find_virtuoso, start_virtuoso  # noqa: E402


def ntriples_by_terms(store: EmbeddedStore, graph: URIRef, chunk: int):  # type: ignore[no-untyped-def]
    """The previous way: each triple as rdflib terms (``triples_of``), written with ``n3()``."""
    triples = iter(store.triples_of(graph))
    while part := list(itertools.islice(triples, chunk)):
        yield "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in part).encode("utf-8")


def timed_push(graph: Path, way: contextlib.AbstractContextManager[object]) -> float:
    """Seconds to push ``graph`` into a fresh server, the way ``way`` sets; checks what the server then holds."""
    server = start_virtuoso(find_virtuoso() or "virtuoso-t")
    try:
        endpoint = SparqlEndpoint(server.sparql, server.graph_store, Login(server.user, server.password),
                                  timeout=600, update_url=server.sparql.replace("/sparql", "/sparql-auth"))
        with way:
            start = time.perf_counter()
            counts = push(endpoint, graph)
            seconds = time.perf_counter() - start
        held = sum(RemoteStore(SparqlEndpoint(server.sparql)).quads_per_graph().values())
        assert held == sum(counts.values()), (held, counts)
        return seconds
    finally:
        server.stop()


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    if find_virtuoso() is None:
        raise SystemExit("virtuoso-t is not installed (Debian: virtuoso-opensource)")
    with tempfile.TemporaryDirectory(prefix="malgraf-push-") as temp:
        folders = write_years(Path(temp) / "data", size, range(2014, 2024))
        graph = Path(temp) / "malgraf.nq"
        write_store(build_store(folders, data_loader=year_triples, materialise=materialise_closure), graph)
        quads = sum(open_graph_store(graph).quads_per_graph().values())
        before = timed_push(graph, mock.patch.object(EmbeddedStore, "ntriples_of", ntriples_by_terms))
        now = timed_push(graph, contextlib.nullcontext())
    print(f"push of {size:,} synthetic insatser ({quads:,} triples) into a fresh Virtuoso "
          f"({CHUNK_TRIPLES:,} a request):".replace(",", " "))
    print(f"  rdflib terms and n3()   {before:7.1f} s   {quads / before:9,.0f} triples/s".replace(",", " "))
    print(f"  Oxigraph's N-Triples    {now:7.1f} s   {quads / now:9,.0f} triples/s   {before / now:.1f}× faster"
          .replace(",", " "))


if __name__ == "__main__":
    main()
