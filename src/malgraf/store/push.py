"""``malgraf push``: the built graph onto a SPARQL server, one named graph per source, each replaced whole.

Every named graph is first uploaded under a temporary name (Graph Store Protocol ``PUT``); only when
all are there is each moved over the graph of its name (SPARQL Update ``MOVE``), so that a failure
midway leaves the server's graphs as they were and removes what it had uploaded. Pushing the same
build twice changes nothing.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from malgraf.graph import open_store, quads_per_graph
from malgraf.store.endpoint import EndpointError, SparqlEndpoint
from malgraf.terms import from_oxigraph


def triples_of(store: ox.Store, graph: str) -> Iterator[tuple[Node, Node, Node]]:
    """The triples of one named graph of ``store``, as rdflib terms."""
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
        yield from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object)  # type: ignore[arg-type]


def push(endpoint: SparqlEndpoint, path: Path | None = None) -> dict[str, int]:
    """Replace on ``endpoint`` every named graph of the built graph at ``path``; triples per graph."""
    store = open_store(path)
    counts = quads_per_graph(store)
    token = secrets.token_hex(6)
    uploaded: list[tuple[URIRef, URIRef]] = []
    try:
        for graph in sorted(counts):
            temporary = URIRef(f"{graph}.push-{token}")
            endpoint.put_graph(temporary, triples_of(store, graph))
            uploaded.append((URIRef(graph), temporary))
    except EndpointError:
        for _, temporary in uploaded:
            with contextlib.suppress(EndpointError):
                endpoint.update(f"DROP SILENT GRAPH {temporary.n3()}")
        raise
    for graph, temporary in uploaded:
        endpoint.update(f"MOVE SILENT GRAPH {temporary.n3()} TO {graph.n3()}")
    return counts


__all__ = ["push", "triples_of"]
