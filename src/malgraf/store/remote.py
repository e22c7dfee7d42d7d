"""A SPARQL 1.1 server behind ``GraphStore``: queries by the protocol, writes by the Graph Store Protocol.

A server may hold other data beside malgraf's, and servers differ in what their default graph is
(Virtuoso's is every graph, Fuseki's and GraphDB's are not). So every request names its graphs:
those the catalogue graph (``graph/catalog``, written by ``malgraf push``) lists, as the default
graphs and the named graphs of the protocol's dataset.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from malgraf.errors import MalgrafError
from malgraf.namespaces import GRAPH, SD, VOID
from malgraf.resources import load_query
from malgraf.store.base import GraphStore, Row, Triple
from malgraf.store.bind import Bindings, with_values
from malgraf.store.endpoint import Dataset, EndpointError, SparqlEndpoint

CATALOG_GRAPH = GRAPH.catalog
"""The named graph that lists malgraf's graphs on a server: ``<g> a sd:NamedGraph ; void:triples n``."""


class EmptyServerError(MalgrafError):
    """The server holds no malgraf graph (nothing was pushed to it)."""


def catalog_triples(counts: dict[str, int]) -> list[Triple]:
    """The catalogue of the named graphs ``counts`` names, with their sizes."""
    triples: list[Triple] = []
    for graph, size in sorted(counts.items()):
        triples += [(URIRef(graph), RDF.type, SD.NamedGraph),
                    (URIRef(graph), VOID.triples, Literal(size, datatype=XSD.integer))]
    return triples


class RemoteStore(GraphStore):
    """``GraphStore`` over a SPARQL server (``endpoint``) that ``malgraf push`` filled."""

    def __init__(self, endpoint: SparqlEndpoint) -> None:
        self.endpoint = endpoint
        self.location = endpoint.query_url
        self._graphs: tuple[URIRef, ...] | None = None

    def graphs(self) -> tuple[URIRef, ...]:
        """malgraf's named graphs on the server, from its catalogue (read once)."""
        if self._graphs is None:
            rows = self.endpoint.select(load_query("catalog_graphs"), ((CATALOG_GRAPH,), ()))
            self._graphs = tuple(sorted(URIRef(str(row["g"])) for row in rows if isinstance(row["g"], URIRef)))
            if not self._graphs:
                raise EmptyServerError(f"{self.location}: holds no malgraf graph (no {CATALOG_GRAPH}); "
                                       "put one there with `malgraf push --endpoint URL`")
        return self._graphs

    def dataset(self) -> Dataset:
        """The protocol dataset of every query: malgraf's graphs, as default and as named graphs."""
        graphs = self.graphs()
        return graphs, graphs

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        return list(self.endpoint.select(with_values(query, bindings), self.dataset()))

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        return self.endpoint.ask(with_values(query, bindings), self.dataset())

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        return self.endpoint.construct(with_values(query, bindings), self.dataset())

    def add_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        self.endpoint.post_graph(graph, triples)
        self._graphs = None

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        self.endpoint.put_graph(graph, triples)
        self._graphs = None

    def quads_per_graph(self) -> dict[str, int]:
        rows = self.endpoint.select(load_query("quads_per_graph"), self.dataset())
        try:
            return {str(row["g"]): int(str(row["n"])) for row in rows}
        except ValueError:
            raise EndpointError(f"{self.location}: a count that is no number") from None


__all__ = ["CATALOG_GRAPH", "EmptyServerError", "RemoteStore", "catalog_triples"]
