"""``malgraf push``: the built graph onto a SPARQL server, one named graph per source, each replaced whole.

Every named graph is first uploaded under a temporary name (Graph Store Protocol ``PUT``, then
``POST`` of the rest when it is large); only when
all are there is each moved over the graph of its name (SPARQL Update ``MOVE``), so that a failure
midway leaves the server's graphs as they were and removes what it had uploaded. Then the catalogue
(``graph/catalog``, what ``RemoteStore`` reads) lists the graphs pushed, and a graph an earlier push
left that this build no longer has (a data year removed) is dropped. Pushing the same build twice
changes nothing.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterable
from pathlib import Path

from rdflib import URIRef

from malgraf.graph import open_graph_store
from malgraf.store.bind import sparql_term
from malgraf.store.endpoint import EndpointError, SparqlEndpoint
from malgraf.store.remote import CATALOG_GRAPH, EmptyServerError, RemoteStore, catalog_triples

CHUNK_TRIPLES = 50_000
"""Triples per request: a graph is sent as a ``PUT`` of its first so many, then a ``POST`` of each
next so many. One ``PUT`` of 434 000 triples left Virtuoso 7.2 waiting on its own locks."""


def upload(endpoint: SparqlEndpoint, graph: URIRef, pieces: Iterable[bytes]) -> None:
    """Make ``graph`` on the server hold the triples of ``pieces``, N-Triples documents: a ``PUT`` of
    the first (of none, an empty graph), a ``POST`` of each next."""
    rest = iter(pieces)
    endpoint.put_ntriples(graph, next(rest, b""))
    for piece in rest:
        endpoint.post_ntriples(graph, piece)


def push(endpoint: SparqlEndpoint, path: Path | None = None) -> dict[str, int]:
    """Replace on ``endpoint`` every named graph of the built graph at ``path``; triples per graph."""
    store = open_graph_store(path)
    counts = store.quads_per_graph()
    try:
        before = set(RemoteStore(endpoint).graphs())
    except EmptyServerError:
        before = set()
    token = secrets.token_hex(6)
    uploaded: list[tuple[URIRef, URIRef]] = []
    try:
        for graph in sorted(counts):
            temporary = URIRef(f"{graph}.push-{token}")
            uploaded.append((URIRef(graph), temporary))
            upload(endpoint, temporary, store.ntriples_of(URIRef(graph), CHUNK_TRIPLES))
        temporary = URIRef(f"{CATALOG_GRAPH}.push-{token}")
        endpoint.put_graph(temporary, catalog_triples(counts))
        uploaded.append((CATALOG_GRAPH, temporary))
    except EndpointError:
        for _, temporary in uploaded:
            with contextlib.suppress(EndpointError):
                endpoint.update(f"DROP SILENT GRAPH {sparql_term(temporary)}")
        raise
    for graph, temporary in uploaded:
        endpoint.update(f"MOVE SILENT GRAPH {sparql_term(temporary)} TO {sparql_term(graph)}")
    for stale in sorted(before - {URIRef(graph) for graph in counts}):
        endpoint.update(f"DROP SILENT GRAPH {sparql_term(stale)}")
    return counts


__all__ = ["CHUNK_TRIPLES", "push", "upload"]
