"""A real SPARQL server: malgraf writes named graphs to Virtuoso and reads the same rows back as from
the embedded store; what goes wrong on the wire is one line naming the URL and the status."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from malgraf.graph import build_store
from malgraf.namespaces import GRAPH
from malgraf.resources import REFERENCE_DIRECTORY
from malgraf.store.endpoint import EndpointError, Login, SparqlEndpoint
from malgraf.terms import from_oxigraph
from virtuoso import Virtuoso

REGIONS = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?region ?lanskod ?name WHERE {
  GRAPH <https://w3id.org/malgraf/graph/reference/regions> {
    ?region a mg:Region ; mg:lanskod ?lanskod ; skos:prefLabel ?name . FILTER(LANG(?name) = "sv")
  }
} ORDER BY ?lanskod
"""


def endpoint(server: Virtuoso, password: str | None = None) -> SparqlEndpoint:
    return SparqlEndpoint(server.sparql, server.graph_store, Login(server.user, password or server.password))


def test_a_named_graph_put_to_virtuoso_reads_back_as_from_the_embedded_store(virtuoso: Virtuoso) -> None:
    regions = Graph().parse(REFERENCE_DIRECTORY / "regions.ttl")
    server = endpoint(virtuoso)
    server.put_graph(GRAPH["reference/regions"], regions)
    embedded = build_store()
    expected = [{name: from_oxigraph(row[name]) for name in ("region", "lanskod", "name")}
                for row in embedded.query(REGIONS)]
    assert server.select(REGIONS) == expected and len(expected) == 21
    assert server.ask("ASK { GRAPH <https://w3id.org/malgraf/graph/reference/regions> { ?s ?p ?o } }")
    server.put_graph(GRAPH["reference/regions"], list(regions)[:5])  # PUT replaces the graph whole
    count = server.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/malgraf/graph/reference/"
                          "regions> { ?s ?p ?o } }")
    assert count == [{"n": Literal("5", datatype=XSD.integer)}]


def test_a_plain_literal_reads_as_the_embedded_store_gives_it(virtuoso: Virtuoso) -> None:
    rows = endpoint(virtuoso).select('SELECT ?plain ?tagged WHERE { BIND("x" AS ?plain) BIND("y"@sv AS ?tagged) }')
    assert rows == [{"plain": Literal("x", datatype=XSD.string), "tagged": Literal("y", lang="sv")}]


def test_a_refused_login_names_the_url_and_the_status(virtuoso: Virtuoso) -> None:
    with pytest.raises(EndpointError, match=r"sparql-graph-crud-auth: HTTP 401"):
        endpoint(virtuoso, password="wrong").put_graph(URIRef("https://example.org/g"), [])


def test_a_bad_query_names_the_url_and_the_status(virtuoso: Virtuoso) -> None:
    with pytest.raises(EndpointError, match=rf"^{virtuoso.sparql}: HTTP 400"):
        endpoint(virtuoso).select("SELECT WHERE {")


def test_no_server_is_one_line_naming_the_url() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/sparql"
    with pytest.raises(EndpointError, match=rf"^{url}: cannot reach the server \(Connection refused\)$"):
        SparqlEndpoint(url, timeout=5).ask("ASK {}")
