"""`malgraf sparql`: time and result limits, Ctrl-C, no SERVICE, deep nesting, bad files, updates, formats."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

import malgraf
from malgraf import sparql as library
from malgraf import worker
from malgraf.build import build
from malgraf.cli import main
from malgraf.errors import InputError, QueryTimeoutError
from malgraf.graph import open_graph_store, open_store
from malgraf.output import FORMATS, render_rows
from plain_rdflib import rdflib_dataset

MINI = Path(__file__).parent / "data" / "mini"
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
"""Runs for hours on any graph of thousands of triples, and prints nothing until it ends."""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sparql") / "graph.nq"
    build(path, [MINI])
    return path


def sparql(graph: Path, query: str | bytes, *args: str) -> Result:
    return CliRunner().invoke(main, ["sparql", "-", "--graph", str(graph), *args], input=query)


def children() -> list[int]:
    """The processes this test process has started and not reaped."""
    pid = os.getpid()
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A localhost port that accepts connections and never answers; ``accept`` says whether one came."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        yield server


def nobody_called(server: socket.socket) -> bool:
    try:
        server.accept()[0].close()
    except BlockingIOError:
        return True
    return False


# --- the time limit -------------------------------------------------------------------------------

def test_a_query_past_the_time_limit_is_stopped(graph: Path) -> None:
    result = sparql(graph, CROSS_JOIN, "--timeout", "0.5")
    assert result.exit_code == 1
    assert result.stderr == "Error: <stdin>: the query ran longer than 0.5 s and was stopped\n"
    assert result.stdout == ""


def test_a_stopped_query_leaves_no_process_behind(graph: Path) -> None:
    with pytest.raises(QueryTimeoutError):
        library.run_query(open_graph_store(graph), CROSS_JOIN, limits=library.Limits(timeout=0.2))
    assert children() == []


def test_the_default_time_limit_is_30_seconds() -> None:
    assert library.Limits().timeout == library.DEFAULT_TIMEOUT == 30
    option = next(p for p in main.commands["sparql"].params if p.name == "timeout")
    assert option.default == library.DEFAULT_TIMEOUT


@pytest.mark.parametrize(("option", "value"), [("--timeout", "nan"), ("--timeout", "inf"), ("--timeout", "-1"),
                                               ("--timeout", "1e400"), ("--timeout", "2e6"), ("--limit", "-1"),
                                               ("--limit", str(2**64))])
def test_a_limit_out_of_range_is_a_usage_error(graph: Path, option: str, value: str) -> None:
    result = sparql(graph, "ASK { }", option, value)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("limits", [{"timeout": 0}, {"timeout": float("nan")}, {"timeout": float("inf")},
                                    {"limit": 0}, {"limit": -1}])
def test_limits_refuse_what_they_cannot_enforce(limits: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        library.Limits(**limits)  # type: ignore[arg-type]


# --- the result limit -----------------------------------------------------------------------------

@pytest.mark.parametrize(("limit", "shown", "cut"), [("2", 2, True), ("3", 3, False), ("0", 3, False)])
def test_the_result_limit_cuts_and_says_so(graph: Path, limit: str, shown: int, cut: bool) -> None:
    result = sparql(graph, "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }", "--limit", limit, "--format", "csv",
                    "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["x", "1", "2", "3"][: shown + 1]
    assert result.stderr == (f"Showing the first {limit} rows; the query gives more (--limit)\n" if cut else "")


def test_the_default_limit_is_10_000_rows(graph: Path) -> None:
    assert 2 * len(open_store(graph)) > library.DEFAULT_LIMIT == 10_000  # the query below gives each quad twice
    result = sparql(graph, "SELECT * WHERE { ?s ?p ?o VALUES ?n { 1 2 } }", "--format", "csv", "--lang", "en")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 10_000
    assert result.stderr == "Showing the first 10000 rows; the query gives more (--limit)\n"


def test_the_result_limit_counts_triples_of_a_construct(graph: Path) -> None:
    result = sparql(graph, "CONSTRUCT WHERE { ?s a ?c }", "--limit", "3", "--format", "ntriples", "--lang", "en")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr == "Showing the first 3 triples; the query gives more (--limit)\n"


# --- Ctrl-C ---------------------------------------------------------------------------------------

def command_environment() -> dict[str, str]:
    """The environment of a ``python -m malgraf`` that runs the malgraf these tests import."""
    source = str(Path(malgraf.__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}


def as_from_a_terminal() -> None:
    """In a child before exec: Ctrl-C as a terminal's foreground job has it, whatever the test runner's
    parent did (a background job ignores SIGINT; a harness may start us with it blocked, and both
    are kept across exec)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@pytest.mark.parametrize("to", ["the command", "the terminal's process group"])
def test_ctrl_c_stops_a_running_query(graph: Path, to: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "malgraf", "sparql", "-", "--graph", str(graph), "--timeout", "0"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=command_environment(),
        start_new_session=True, preexec_fn=as_from_a_terminal)
    running: list[int] = []
    try:
        assert process.stdin is not None
        process.stdin.write(CROSS_JOIN.encode())
        process.stdin.close()
        process.stdin = None
        listing = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        while not running and process.poll() is None:  # until the query runs in its worker
            running = [int(pid) for pid in listing.read_text().split()]
            time.sleep(0.05)
        assert running, process.communicate()
        if to == "the command":
            os.kill(process.pid, signal.SIGINT)
        else:
            os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)
        assert (process.returncode, out, err) == (130, b"", b"Interrupted\n")
        with pytest.raises(ProcessLookupError):
            os.kill(running[0], 0)
    finally:
        for pid in [process.pid, *running]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        process.wait()


# --- SERVICE --------------------------------------------------------------------------------------

SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <{endpoint}> { ?s ?p ?o } }",
    "select * where { service silent <{endpoint}> { ?s ?p ?o } }",
    "ASK { FILTER EXISTS { SERVICE <{endpoint}> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE <{endpoint}> { ?s ?p ?o } } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { OPTIONAL { SERVICE <{endpoint}> { ?s ?p ?o } } }",
    "DESCRIBE ?s WHERE { ?s ?p ?o MINUS { SERVICE <{endpoint}> { ?s ?p ?o } } }",
    "SELECT * WHERE { \\u0053ERVICE <{endpoint}> { ?s ?p ?o } }",
    "SELECT * WHERE {\n# a comment\nSERVICE # between\n<{endpoint}> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", SERVICE_QUERIES)
def test_service_is_refused_before_the_query_runs(graph: Path, listener: socket.socket, query: str) -> None:
    endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    result = sparql(graph, query.replace("{endpoint}", endpoint), "--timeout", "5")
    assert result.exit_code == 1
    assert result.stderr == (f"Error: <stdin>: the query calls SERVICE <{endpoint}>; malgraf sparql queries "
                             "no other endpoint unless --allow-service is given\n")
    assert nobody_called(listener)


def test_service_by_a_variable_or_a_prefixed_name_is_refused(graph: Path, listener: socket.socket) -> None:
    endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}/"
    query = (f"PREFIX remote: <{endpoint}>\nSELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} "
             f"BIND(<{endpoint}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}")
    result = sparql(graph, query, "--timeout", "5")
    assert result.exit_code == 1
    assert f"SERVICE <{endpoint}sparql>, ?e; " in result.stderr, result.stderr
    assert nobody_called(listener)


@pytest.mark.parametrize("query", [
    "# SERVICE <http://127.0.0.1:9/> { }\nASK { }",
    'SELECT ("SERVICE <http://127.0.0.1:9/> { }" AS ?text) WHERE { }',
    "SELECT ?service WHERE { VALUES ?service { <http://example.org/SERVICE> } }",
    "PREFIX service: <http://example.org/>\nSELECT * WHERE { ?s service:SERVICE ?o }",
])
def test_the_word_service_elsewhere_is_no_service(graph: Path, query: str) -> None:
    result = sparql(graph, query)
    assert result.exit_code == 0, result.output


def test_a_query_nested_as_deep_as_allowed_is_checked_for_service(graph: Path) -> None:
    depth = library.MAX_DEPTH
    query = "# no SERVICE here\nASK " + "{" * depth + " ?s ?p ?o " + "}" * depth
    assert library.nesting_depth(query) == depth
    result = sparql(graph, query)
    assert (result.exit_code, result.stdout) == (0, "true\n"), result.output


def test_a_malformed_query_that_mentions_service(graph: Path) -> None:
    query = "# SERVICE\nSELECT ?x WHERE { ?x ?p }"
    refused = sparql(graph, query)
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: <stdin>: cannot check the query for SERVICE: Expected ")
    with pytest.raises(SyntaxError) as parsed:
        ox.Store().query(query)
    allowed = sparql(graph, query, "--allow-service")
    assert (allowed.exit_code, allowed.stderr) == (1, f"Error: <stdin>: {parsed.value}\n")


def test_an_unreachable_service_names_the_endpoint(graph: Path) -> None:
    endpoint = f"http://127.0.0.1:{closed_port()}/sparql"
    result = sparql(graph, f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}", "--allow-service")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: <stdin>: SERVICE <{endpoint}>: ")
    assert "refused" in result.stderr and result.stderr.count("\n") == 1


class Endpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers every query with one solution, ?x = "hej"."""

    def answer(self) -> None:
        body = json.dumps({"head": {"vars": ["x"]},
                           "results": {"bindings": [{"x": {"type": "literal", "value": "hej"}}]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.answer()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.answer()

    def log_message(self, *args: object) -> None:
        pass


def test_allow_service_queries_the_endpoint(graph: Path) -> None:
    server = HTTPServer(("127.0.0.1", 0), Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_port}/sparql"
        query = f"SELECT ?x WHERE {{ SERVICE <{endpoint}> {{ ?x ?p ?o }} }}"
        result = sparql(graph, query, "--allow-service", "--format", "csv", "--timeout", "20")
        assert (result.exit_code, result.stdout) == (0, "x\nhej\n"), result.output
    finally:
        server.shutdown()
        server.server_close()


# --- deep nesting ---------------------------------------------------------------------------------

DEEP = {
    "5000 nested groups": "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
    "5000 parentheses in a FILTER": "ASK { ?s ?p ?o FILTER(" + "(" * 5000 + "?o" + ")" * 5000 + ") }",
    "5000 nested blank nodes": "ASK { ?s ?p " + "[ ?p " * 5000 + "?o" + " ]" * 5000 + " }",
    "5000 nested groups behind SERVICE": ("# SERVICE\nSELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000),
}


def run_command(graph: Path, query: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "malgraf", "sparql", "-", "--graph", str(graph), *args],
                          input=query, capture_output=True, text=True, env=command_environment(), timeout=300)


@pytest.mark.parametrize("query", DEEP.values(), ids=DEEP.keys())
def test_a_deeply_nested_query_is_an_error(graph: Path, query: str) -> None:
    done = run_command(graph, query)
    assert done.returncode == 1, done.stderr  # negative on a segmentation fault
    assert re.fullmatch(f"Error: <stdin>: brackets nested 500[0-2] deep; malgraf sparql allows at most "
                        f"{library.MAX_DEPTH}\n", done.stderr), done.stderr


LONG = {
    "100 000 terms in a sum": "ASK { FILTER(" + " + ".join(["1"] * 100_000) + " > 0) }",
    "20 000 alternatives in a UNION": "ASK { " + " UNION ".join(["{ ?s ?p ?o }"] * 20_000) + " }",
}


@pytest.mark.parametrize("query", LONG.values(), ids=LONG.keys())
def test_a_query_too_long_for_the_engine_is_an_error(graph: Path, query: str) -> None:
    done = run_command(graph, query, "--timeout", "120")
    assert done.returncode in (0, 1), done.stderr  # negative on a segmentation fault
    assert "Traceback" not in done.stderr
    if done.returncode == 1:
        assert done.stderr.startswith("Error: <stdin>: ") and done.stderr.count("\n") == 1


def test_an_engine_crash_is_an_error(graph: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object) -> None:
        os.kill(os.getpid(), signal.SIGSEGV)

    monkeypatch.setattr(library, "_evaluate", crash)
    with pytest.raises(InputError) as raised:
        library.run_query(open_graph_store(graph), "ASK { }", source="q.rq")
    assert str(raised.value) == ("q.rq: the query engine crashed (SIGSEGV); the query is perhaps nested too "
                                 "deeply or too long")


def test_the_worker_reports_crashes_timeouts_and_errors() -> None:
    with pytest.raises(worker.Crashed, match="SIGABRT"):
        worker.run_in_worker(os.abort, timeout=10)
    with pytest.raises(worker.TimedOut):
        worker.run_in_worker(lambda: time.sleep(60), timeout=0.1)
    with pytest.raises(ZeroDivisionError):
        worker.run_in_worker(lambda: 1 / 0, timeout=10)
    assert worker.run_in_worker(lambda: [1, "two"], timeout=None) == [1, "two"]
    assert children() == []


def test_ctrl_c_while_the_worker_runs_stops_it() -> None:
    def interrupt_the_caller() -> None:
        os.kill(os.getppid(), signal.SIGINT)
        time.sleep(60)

    blocked = signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # as a terminal's process has it
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            worker.run_in_worker(interrupt_the_caller, timeout=None)
    finally:
        signal.signal(signal.SIGINT, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    assert children() == []


@pytest.mark.parametrize(("text", "depth"), [
    ("ASK { }", 1),
    ("SELECT * WHERE { { ?s ?p ?o } UNION { ?s ?p ?o } }", 2),
    ('ASK { FILTER("((((({{{{[[[" = """)))}}}""") }', 2),
    ("ASK { # ((((((((\n }", 1),
    ("ASK { ?s <http://example.org/((((> ?o }", 1),
    ("ASK { FILTER(?a < (((?b))) ) }", 5),
    (r"ASK { FILTER('\'((((' = '') }", 2),
])
def test_nesting_depth_counts_brackets_outside_strings_comments_and_iris(text: str, depth: int) -> None:
    assert library.nesting_depth(text) == depth


@given(st.text())
def test_nesting_depth_ignores_what_a_string_holds(content: str) -> None:
    literal = '"' + content.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
    assert library.nesting_depth("ASK { FILTER(" + literal + ") }") == 2


# --- files ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_bytes(b"SELECT * WHERE { ?s ?p \xff\xfe }"), "not UTF-8 text (byte 0xff at offset 23)"),
    (lambda p: p.mkdir(), "Is a directory"),
    (lambda p: None, "No such file or directory"),
    (lambda p: p.write_bytes(b"#" * (library.MAX_QUERY_BYTES + 1)),
     f"longer than {library.MAX_QUERY_BYTES} bytes; malgraf sparql reads queries up to that size"),
])
def test_an_unreadable_query_file_is_one_error_line(graph: Path, tmp_path: Path, make: object,
                                                    message: str) -> None:
    path = tmp_path / "query.rq"
    make(path)  # type: ignore[operator]
    result = CliRunner().invoke(main, ["sparql", str(path), "--graph", str(graph)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: {message}\n"


def test_binary_standard_input_is_one_error_line(graph: Path) -> None:
    result = sparql(graph, b"\x00\x9fSELECT")
    assert result.exit_code == 1
    assert result.stderr == "Error: <stdin>: not UTF-8 text (byte 0x9f at offset 1)\n"


def test_a_byte_order_mark_is_no_error(graph: Path) -> None:
    assert sparql(graph, "\ufeffASK { }".encode()).stdout == "true\n"


def test_a_malformed_query_shows_the_parsers_message(graph: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ?p }", encoding="utf-8")
    with pytest.raises(SyntaxError) as parsed:
        ox.Store().query(bad.read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["sparql", str(bad), "--graph", str(graph)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: {parsed.value}\n"


# --- updates --------------------------------------------------------------------------------------

UPDATES = [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
    "insert data { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
    "DELETE DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/>\n# a comment\nDELETE { ?s ?p ?o } INSERT { ?s ex:p ?o } WHERE { ?s ?p ?o }",
    "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <{endpoint}>",
    "CLEAR ALL",
    "DROP ALL",
    "CREATE GRAPH <http://example.org/g>",
    "COPY DEFAULT TO <http://example.org/g>",
    "MOVE DEFAULT TO <http://example.org/g>",
    "ADD DEFAULT TO <http://example.org/g>",
    "ASK { } ; CLEAR ALL",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused(graph: Path, listener: socket.socket, update: str) -> None:
    before = len(open_store(graph))
    update = update.replace("{endpoint}", f"http://127.0.0.1:{listener.getsockname()[1]}/data.ttl")
    result = sparql(graph, update, "--timeout", "5")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: <stdin>: ")
    if not update.startswith("ASK"):
        assert result.stderr.endswith(": an update; malgraf sparql only reads the graph "
                                      "(SELECT, ASK, CONSTRUCT or DESCRIBE)\n")
    assert len(open_store(graph)) == before
    assert nobody_called(listener)


# --- formats --------------------------------------------------------------------------------------

CONSTRUCT = "CONSTRUCT { ?g skos:prefLabel ?label } WHERE { ?g a mg:RusGoal ; skos:prefLabel ?label } LIMIT 5"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's JSON-LD parser
@pytest.mark.parametrize("query", [CONSTRUCT, "DESCRIBE <http://metadata.un.org/sdg/3>"])
def test_json_of_a_construct_or_describe_is_json_ld(graph: Path, query: str) -> None:
    result = sparql(graph, query, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "@context" in data
    ntriples = sparql(graph, query, "--format", "ntriples").stdout
    assert len(ntriples.splitlines()) > 1
    expected = Graph().parse(data=ntriples, format="nt")
    assert isomorphic(Graph().parse(data=result.stdout, format="json-ld"), expected)


def test_a_construct_as_a_table_lists_its_triples(graph: Path) -> None:
    result = sparql(graph, CONSTRUCT, "--format", "csv")
    assert result.exit_code == 0
    header, *rows = csv.reader(io.StringIO(result.stdout))
    assert header == ["subject", "predicate", "object"]
    assert len(rows) == len(sparql(graph, CONSTRUCT, "--format", "ntriples").stdout.splitlines()) > 1
    assert {row[1] for row in rows} == {"http://www.w3.org/2004/02/skos/core#prefLabel"}
    assert rows == sorted(rows)


@pytest.mark.parametrize(("query", "fmt", "form"), [
    ("SELECT * WHERE { ?s ?p ?o }", "turtle", "SELECT"),
    ("PREFIX ex: <http://example.org/>\nSELECT * WHERE { ?s ?p ?o }", "ntriples", "SELECT"),
    ("ASK { }", "turtle", "ASK"),
])
def test_a_format_that_does_not_apply_says_which_do(graph: Path, query: str, fmt: str, form: str) -> None:
    result = sparql(graph, query, "--format", fmt)
    assert result.exit_code == 2
    assert result.stderr == (f"Error: <stdin>: --format {fmt} is for CONSTRUCT and DESCRIBE; "
                             f"a {form} query takes table, csv, json or md\n")


def test_ask_prints_true_or_false_and_json(graph: Path) -> None:
    assert sparql(graph, "ASK { ?s a mg:Insats }").stdout == "true\n"
    assert sparql(graph, "ASK { ?s a mg:Nothing }", "--format", "csv").stdout == "false\n"
    assert json.loads(sparql(graph, "ASK { }", "--format", "json").stdout) == {"boolean": True}


@pytest.mark.parametrize("fmt", FORMATS)
def test_select_output_is_render_rows(graph: Path, fmt: str) -> None:
    query = ('SELECT ?x ?y WHERE { VALUES (?x ?y) { ("a\\tb" <http://example.org/x>) '
             '("=1+1" "two\\nlines") (3 UNDEF) } }')
    rows = [{"x": Literal("a\tb"), "y": URIRef("http://example.org/x")},
            {"x": Literal("=1+1"), "y": Literal("two\nlines")},
            {"x": Literal(3), "y": None}]
    result = sparql(graph, query, "--format", fmt)
    assert result.exit_code == 0
    assert result.stdout == render_rows(rows, ["x", "y"], fmt) + "\n"


# --- the library ----------------------------------------------------------------------------------

def test_run_query_returns_rows_of_rdflib_terms(graph: Path) -> None:
    result = library.run_query(open_graph_store(graph), "SELECT ?i WHERE { ?i a mg:Insats } ORDER BY ?i",
                               limits=library.Limits(limit=2))
    assert (result.form, result.variables, result.truncated) == ("SELECT", ["i"], True)
    assert [row["i"] for row in result.rows] == [
        URIRef("https://w3id.org/malgraf/id/insats/2023-1-10-01"),
        URIRef("https://w3id.org/malgraf/id/insats/2023-3-09-01")]


def test_rows_hold_the_terms_rdflib_gives(graph: Path) -> None:
    dataset = open_graph_store(graph)
    query = ('SELECT * WHERE { VALUES (?a ?b) { ("text" "ord"@sv) (1.5 "2023"^^xsd:gYear) (<http://example.org/x> '
             'UNDEF) } OPTIONAL { ?c a mg:Insats } } ORDER BY ?a ?c')
    old = rdflib_dataset(dataset).query(query)

    def typed(term: object) -> object:  # in RDF 1.1 a simple literal is an xsd:string, as Oxigraph gives it
        plain = isinstance(term, Literal) and term.datatype is None and not term.language
        return Literal(str(term), datatype=XSD.string) if plain else term
    expected = [{str(v): typed(row.get(v)) for v in old.vars or []} for row in old.bindings]
    rows = library.run_query(dataset, query).rows
    assert rows == expected and len(rows) > 3
    assert [{name: type(value) for name, value in row.items()} for row in rows] == [
        {name: type(value) for name, value in row.items()} for row in expected]


@pytest.mark.parametrize(("text", "form"), [
    ("ASK { }", "ASK"),
    ("PREFIX a: <http://example.org/>\nBASE <http://example.org/>\n# select\n  construct WHERE { }", "CONSTRUCT"),
    ("prefix : <http://example.org/> DESCRIBE :x", "DESCRIBE"),
    ("\\u0053ELECT * { }", "SELECT"),
    ("INSERT DATA { }", "INSERT"),
    ("SELEC", None),
])
def test_query_form_is_the_first_keyword_after_the_prologue(text: str, form: str | None) -> None:
    assert library.query_form(text) == form
