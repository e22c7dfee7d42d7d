"""Where the graph lives, behind one interface (``GraphStore``): the embedded Oxigraph store
(``EmbeddedStore``) or a SPARQL 1.1 server (``RemoteStore``), read by the SPARQL protocol and written
by the Graph Store Protocol."""

from malgraf.store.base import GraphStore, Row, plain
from malgraf.store.bind import Bindings, sparql_term, with_values
from malgraf.store.embedded import EmbeddedStore
from malgraf.store.remote import CATALOG_GRAPH, EmptyServerError, RemoteStore

__all__ = ["CATALOG_GRAPH", "Bindings", "EmbeddedStore", "EmptyServerError", "GraphStore", "RemoteStore", "Row",
           "plain", "sparql_term", "with_values"]
