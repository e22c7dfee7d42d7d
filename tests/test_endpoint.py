"""A real SPARQL server: malgraf writes named graphs to Virtuoso and reads the same rows back as from
the embedded store; what goes wrong on the wire is one line naming the URL and the status."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from malgraf.cli import main
from malgraf.graph import build_store, open_store, quads_per_graph
from malgraf.namespaces import GRAPH
from malgraf.resources import REFERENCE_DIRECTORY
from malgraf.store import CATALOG_GRAPH, EmbeddedStore
from malgraf.store.endpoint import EndpointError, Login, SparqlEndpoint
from malgraf.terms import from_oxigraph
from virtuoso import Virtuoso

MINI = Path(__file__).parent / "data" / "mini"

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


def graphs_on(server: SparqlEndpoint) -> dict[str, int]:
    rows = server.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                         "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/malgraf/graph/\")) } GROUP BY ?g")
    return {str(row["g"]): int(row["n"]) for row in rows}  # type: ignore[call-overload]


def push_command(server: Virtuoso, graph: Path, *more: str, password: str | None = None) -> Result:
    env = {"MALGRAF_ENDPOINT_USER": server.user, "MALGRAF_ENDPOINT_PASSWORD": password or server.password}
    return CliRunner().invoke(main, ["push", "--endpoint", server.sparql, "--update-endpoint",
                                     server.sparql.replace("/sparql", "/sparql-auth"), "--store-endpoint",
                                     server.graph_store, "--graph", str(graph), *more], env=env)


def test_push_replaces_each_named_graph_whole_and_twice_changes_nothing(virtuoso: Virtuoso, mini_path: Path) -> None:
    first = push_command(virtuoso, mini_path)
    assert first.exit_code == 0, first.output
    built = quads_per_graph(open_store(mini_path))
    expected = {**built, str(CATALOG_GRAPH): 2 * len(built)}  # the catalogue: each graph's type and size
    server = endpoint(virtuoso)
    assert graphs_on(server) == expected
    assert first.output.startswith(f"Skickade {sum(built.values())} tripplar i {len(built)} namngivna grafer")
    again = push_command(virtuoso, mini_path, "--lang", "en")
    assert again.exit_code == 0 and graphs_on(server) == expected  # no temporary graph is left either
    embedded = [{k: from_oxigraph(v) for k, v in zip(("region", "lanskod", "name"), row, strict=True)}
                for row in open_store(mini_path).query(REGIONS)]
    assert server.select(REGIONS) == embedded


def test_a_push_that_fails_leaves_the_servers_graphs_as_they_were(virtuoso: Virtuoso, mini_path: Path) -> None:
    assert push_command(virtuoso, mini_path).exit_code == 0
    before = graphs_on(endpoint(virtuoso))
    refused = push_command(virtuoso, mini_path, password="wrong")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert refused.stderr.startswith(f"Error: {virtuoso.graph_store}: HTTP 401")
    assert graphs_on(endpoint(virtuoso)) == before


def test_push_to_no_server_or_no_url_is_one_line(mini_path: Path) -> None:
    nowhere = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:9/sparql", "--graph", str(mini_path)])
    assert nowhere.exit_code == 1 and nowhere.stderr == ("Error: http://127.0.0.1:9/sparql: cannot reach the server "
                                                         "(Connection refused)\n")
    bad = CliRunner().invoke(main, ["push", "--endpoint", "ftp://example.org/x", "--graph", str(mini_path)])
    assert bad.exit_code == 1 and bad.stderr == "Error: ftp://example.org/x: not an http(s) URL of a SPARQL endpoint\n"


@pytest.mark.parametrize("url", ["", "http://exa mple.org/sparql", "http://[::1", "http://127.0.0.1:99999/sparql",
                                 "file:///etc/passwd", "http://127.0.0.1/spa\x1b[2J"])
def test_a_url_no_request_can_go_to_is_one_line(url: str, mini_path: Path) -> None:
    result = CliRunner().invoke(main, ["push", "--endpoint", url, "--graph", str(mini_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.endswith(": not an http(s) URL of a SPARQL endpoint\n")


def test_a_large_graph_goes_up_in_parts_and_reads_back_whole(virtuoso: Virtuoso) -> None:
    from malgraf.store.push import upload

    regions = Graph().parse(REFERENCE_DIRECTORY / "regions.ttl")
    server = endpoint(virtuoso)
    graph = URIRef("https://example.org/in-parts")
    server.put_graph(graph, list(regions)[:3])
    triples = list(regions)
    pieces = ["".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples[start:start + 7]).encode()
              for start in range(0, len(triples), 7)]
    upload(server, graph, pieces)  # a PUT of 7, then a POST of each next 7
    back = server.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://example.org/in-parts> { ?s ?p ?o } }")
    assert len(back) == len(regions) > 7 * 3 and set(back) == set(regions)


class _Anytime(http.server.BaseHTTPRequestHandler):
    """Answers as Virtuoso 7.2 did a query stopped at its time limit (headers seen here): 200, no rows."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'{ "head": { "vars": ["n"] }, "results": { "bindings": [ ] } }'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("X-SQL-State", "S1TAT")
        self.send_header("X-SQL-Message", "RC...: Returning incomplete results, query interrupted by result timeout.")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_an_answer_the_server_cut_at_its_time_limit_is_an_error_not_rows() -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Anytime)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        with pytest.raises(EndpointError, match=rf"^{url}: the server stopped the query at its time limit .*"
                                                r"MaxQueryExecutionTime"):
            SparqlEndpoint(url).select("SELECT ?n WHERE { ?a ?b ?n }")
    finally:
        server.shutdown()
        server.server_close()


class _Refuses(http.server.BaseHTTPRequestHandler):
    """Refuses every login at once, as a server may: 401 and the connection closed, the body unread."""

    def _refuse(self) -> None:
        self.send_response(401, "Unauthorized")
        self.send_header("WWW-Authenticate", 'Basic realm="x"')
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    do_HEAD = do_PUT = do_POST = _refuse

    def log_message(self, *args: object) -> None:
        pass


def test_a_server_that_refuses_an_upload_before_reading_it_is_reported_by_its_status() -> None:
    from malgraf.store.endpoint import Login

    server = http.server.HTTPServer(("127.0.0.1", 0), _Refuses)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/graph"
    try:
        remote = SparqlEndpoint(url, url, Login("user", "wrong"))
        with pytest.raises(EndpointError, match=rf"^{url}: HTTP 401"):
            remote.put_ntriples(URIRef("https://example.org/g"), b"<a:b> <a:c> <a:d> .\n" * 2_000_000)
    finally:
        server.shutdown()
        server.server_close()


def test_a_graph_the_build_no_longer_has_is_dropped_by_the_next_push(virtuoso: Virtuoso, mini_path: Path,
                                                                     tmp_path: Path) -> None:
    from malgraf.build import build

    extra = tmp_path / "extra.ttl"
    extra.write_text("<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n", encoding="utf-8")
    with_extra = tmp_path / "with-extra.nq"
    build(with_extra, [MINI], extra_turtle=[extra])
    assert push_command(virtuoso, with_extra).exit_code == 0
    assert str(GRAPH["extra/extra"]) in graphs_on(endpoint(virtuoso))
    assert push_command(virtuoso, mini_path).exit_code == 0
    after = graphs_on(endpoint(virtuoso))
    assert str(GRAPH["extra/extra"]) not in after and after[str(CATALOG_GRAPH)] == 2 * (len(after) - 1)


def test_the_embedded_store_writes_a_graph_as_n_triples_in_parts(shipped: EmbeddedStore) -> None:
    import pyoxigraph as ox

    graph = GRAPH["reference/regions"]
    pieces = [[quad.triple for quad in ox.parse(piece, format=ox.RdfFormat.N_TRIPLES)]
              for piece in shipped.ntriples_of(graph, 25)]
    whole = {quad.triple for quad in shipped.native.quads_for_pattern(None, None, None, ox.NamedNode(graph))}
    assert len(pieces) > 2 and all(len(piece) <= 25 for piece in pieces)
    assert sum(len(piece) for piece in pieces) == len(whole) and {t for piece in pieces for t in piece} == whole
