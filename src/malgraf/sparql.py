"""A user's own SPARQL query on the graph, within limits: time, result size, no SERVICE, no updates.

``run_query`` refuses updates and, unless allowed, SERVICE calls to other endpoints; it runs the
query in a forked worker (``malgraf.worker``) that is killed at the time limit or on Ctrl-C, and
whose crash (Oxigraph overflows its stack on a query nested thousands deep) is an error, not the
end of the caller. Brackets nested deeper than ``MAX_DEPTH`` are refused before anything runs.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urljoin

import pyoxigraph as ox
from pyparsing import ParseBaseException, ParseResults
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from malgraf import worker
from malgraf.errors import InputError, QueryFormatError, QueryTimeoutError
from malgraf.namespaces import PREFIXES
from malgraf.output import render_rows
from malgraf.query import Row
from malgraf.store import EmbeddedStore, GraphStore, RemoteStore
from malgraf.store.bind import TOKENS
from malgraf.store.endpoint import NO_DATASET, EndpointError

DEFAULT_TIMEOUT = 30.0
"""Seconds a query may run."""
MAX_TIMEOUT = 1_000_000.0
"""The longest time limit that can be set (11 days; beyond it, the operating system's timers overflow)."""
DEFAULT_LIMIT = 10_000
"""Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) a query may return."""
MAX_DEPTH = 100
"""Brackets ``{ ( [`` nested deeper than this are refused (Oxigraph's parser overflows at a few thousand)."""
MAX_QUERY_BYTES = 1_000_000
"""A query file longer than this is refused."""

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
TABLE_FORMATS = ("table", "csv", "json", "md")
TRIPLE_FORMATS = ("turtle", "ntriples", "json", "table", "csv", "md")
"""Formats of CONSTRUCT and DESCRIBE results: json is JSON-LD, the tables list subject, predicate, object."""

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Encoded = str | tuple[object, ...] | None
"""A term as the worker sends it (plain values pickle fast): an IRI as itself, ``("L", value, datatype,
language)``, ``("B", id)``, ``("T", subject, predicate, object)``, or None for unbound."""
Solution = tuple[Encoded, ...]
"""A row of a SELECT's answer, or a triple, encoded."""


@dataclass(frozen=True)
class Limits:
    """What a query may do. ``None``: no limit."""

    timeout: float | None = DEFAULT_TIMEOUT
    limit: int | None = DEFAULT_LIMIT
    allow_service: bool = False

    def __post_init__(self) -> None:
        if self.timeout is not None and not 0 < self.timeout <= MAX_TIMEOUT:
            raise ValueError(f"a time limit is over 0 and at most {MAX_TIMEOUT:g} s, not {self.timeout}")
        if self.limit is not None and not 0 < self.limit < sys.maxsize:
            raise ValueError(f"a result limit is a positive number, not {self.limit}")


@dataclass
class SparqlResult:
    """A query's answer. ``form`` is SELECT, ASK, CONSTRUCT or DESCRIBE; ``truncated``: cut at the limit."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False


@dataclass
class _Answer:
    """What the worker sends back: Oxigraph terms, converted to rdflib's by the caller."""

    kind: str
    variables: list[str] = field(default_factory=list)
    solutions: list[Solution] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False


class _Refused(Exception):
    """Raised in the worker: the query is not run, or failed; the message is for the user."""


def read_query(name: str, stdin: BinaryIO) -> str:
    """The text of the query file ``name`` (``-``: ``stdin``), UTF-8, at most ``MAX_QUERY_BYTES``."""
    source = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            data = stdin.read(MAX_QUERY_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                data = handle.read(MAX_QUERY_BYTES + 1)
    except OSError as error:
        raise InputError(source, error.strerror or str(error)) from None
    if len(data) > MAX_QUERY_BYTES:
        raise InputError(source, f"longer than {MAX_QUERY_BYTES} bytes; malgraf sparql reads queries up to that size")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(source, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})") from None


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(text: str) -> str:
    """Codepoint escapes (``\\u0053``) replaced, as SPARQL reads them before parsing."""
    def character(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= sys.maxunicode else match.group(0)
    return _ESCAPE.sub(character, text) if "\\u" in text or "\\U" in text else text


_PROLOGUE = re.compile(r"(?:\s|#[^\n\r]*|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


def query_form(text: str) -> str | None:
    """The first keyword after the prologue, upper-case (SELECT …, or INSERT … for an update), or None."""
    text = _unescape(text)
    word = _WORD.match(text, _PROLOGUE.match(text).end())  # type: ignore[union-attr]
    form = word.group(0).upper() if word else None
    return form if form in QUERY_FORMS or form in UPDATE_FORMS else None





def nesting_depth(text: str) -> int:
    """How deep the brackets ``{ ( [`` of a query nest, outside comments, strings and IRIs."""
    depth = deepest = 0
    for token in TOKENS.finditer(text):
        bracket = token.group(0)
        if bracket in ("{", "(", "["):
            depth += 1
            deepest = max(deepest, depth)
        elif bracket in ("}", ")", "]"):
            depth -= 1
    return deepest


def _service_endpoints(text: str) -> list[str]:
    """The endpoints the query's SERVICE clauses call (``<iri>``, or ``?var`` for a variable), by parsing it.

    A query that does not spell the word ``service`` has none, and is not parsed. Runs in the worker:
    it raises the recursion limit there, as rdflib's parser recurses some 20 frames per bracket.
    """
    if "service" not in _unescape(text).casefold():
        return []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 40 * MAX_DEPTH + 1000))
    try:
        parsed = parseQuery(text)
    except (ParseBaseException, ValueError) as error:
        raise _Refused(f"cannot check the query for SERVICE: {error}") from None
    except RecursionError:
        raise _Refused("nested too deeply to check for SERVICE") from None
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    base = ""
    for declaration in parsed[0]:
        if declaration.name == "PrefixDecl":
            prefixes[declaration.get("prefix") or ""] = str(declaration["iri"])
        elif declaration.name == "Base":
            base = str(declaration["iri"])

    def name(term: object) -> str:
        if isinstance(term, CompValue):  # a prefixed name
            namespace = prefixes.get(term.get("prefix") or "")
            local = term.get("localname") or ""
            return f"<{namespace}{local}>" if namespace is not None else f"{term.get('prefix') or ''}:{local}"
        if isinstance(term, URIRef):
            return f"<{urljoin(base, term) if base else term}>"
        return f"?{term}"

    endpoints: list[str] = []
    for node in _walk(parsed[1:]):
        if node.name == "ServiceGraphPattern":
            endpoint = name(dict.get(node, "term"))
            if endpoint not in endpoints:
                endpoints.append(endpoint)
    return endpoints


def _walk(nodes: Iterable[object]) -> Iterator[CompValue]:
    """Every ``CompValue`` of an rdflib parse tree in the order of the text, without recursion."""
    stack = list(nodes)[::-1]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(reversed(dict.values(node)))
        elif isinstance(node, list | tuple | ParseResults):
            stack.extend(reversed(node))


def run_query(store: GraphStore, text: str, *, source: str = "<query>", limits: Limits = Limits()) -> SparqlResult:
    """Run the SELECT, ASK, CONSTRUCT or DESCRIBE query ``text`` on ``store`` within ``limits``.

    All of malgraf's named graphs form the default graph, unless the query names its own (``FROM``);
    malgraf's prefixes are declared. Errors are ``InputError`` naming ``source``; ``QueryTimeoutError``
    at the time limit.
    """
    form = query_form(text)
    if form in UPDATE_FORMS:
        raise InputError(source, "an update; malgraf sparql only reads the graph (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    if isinstance(store, RemoteStore):
        return _run_remote(store, text, source, limits, form)
    if not isinstance(store, EmbeddedStore):
        raise TypeError(f"no way to run a query on {store!r}")
    native = store.native
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    try:
        answer = worker.run_in_worker(lambda: _evaluate(native, prefixes, text, limits), limits.timeout)
    except _Refused as refusal:
        raise InputError(source, str(refusal)) from None
    except worker.TimedOut:
        raise QueryTimeoutError(source, f"the query ran longer than {limits.timeout:g} s and was stopped") from None
    except worker.Crashed as error:
        raise InputError(source, f"the query engine crashed ({error}); the query is perhaps nested too deeply "
                                 "or too long") from None
    except worker.WorkerError as error:
        raise InputError(source, f"the query failed: {error}") from None
    return _result(answer, form)


def _check(text: str, limits: Limits) -> list[str]:
    """Refuse a query nested too deeply or calling SERVICE unless allowed; the endpoints it calls."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise _Refused(f"brackets nested {depth} deep; malgraf sparql allows at most {MAX_DEPTH}")
    try:
        endpoints = _service_endpoints(text)
    except _Refused:
        if not limits.allow_service:
            raise
        endpoints = []  # the engine's parser has its say
    if endpoints and not limits.allow_service:
        raise _Refused(f"the query calls SERVICE {', '.join(endpoints)}; malgraf sparql queries no other "
                       "endpoint unless --allow-service is given")
    return endpoints


def names_its_dataset(text: str) -> bool:
    """Whether the query has a ``FROM`` or ``FROM NAMED`` clause (outside comments, strings and IRIs)."""
    outside = TOKENS.sub(lambda token: " " if token.group(0)[0] in "#\"'<" else token.group(0), text)
    return re.search(r"(?<![\w:?$])FROM(?![\w:-])", outside, re.IGNORECASE) is not None


def _run_remote(store: RemoteStore, text: str, source: str, limits: Limits, form: str | None) -> SparqlResult:
    """The query sent to the server, with malgraf's prefixes and, unless it names its own, malgraf's graphs."""
    try:
        _check(text, limits)
    except _Refused as refusal:
        raise InputError(source, str(refusal)) from None
    prologue = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    dataset = NO_DATASET if names_its_dataset(text) else store.dataset()
    endpoint = store.endpoint.with_timeout(limits.timeout)
    try:
        if form == "ASK":
            return SparqlResult("ASK", boolean=endpoint.ask(prologue + text, dataset))
        if form in ("CONSTRUCT", "DESCRIBE"):
            graph = endpoint.construct(prologue + text, dataset)
            truncated = limits.limit is not None and len(graph) > limits.limit
            if truncated:
                graph = _first_triples(graph, limits.limit)  # type: ignore[arg-type]
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace)
            return SparqlResult(form, graph=graph, truncated=truncated)
        variables, rows = endpoint.select_with_variables(prologue + text, dataset)
    except EndpointError as error:
        if "no answer within" in str(error):
            raise QueryTimeoutError(source, str(error)) from None
        raise InputError(source, str(error)) from None
    truncated = limits.limit is not None and len(rows) > limits.limit
    return SparqlResult("SELECT", variables, list(rows[:limits.limit] if truncated else rows), truncated=truncated)


def _first_triples(graph: Graph, limit: int) -> Graph:
    kept = Graph()
    for triple in itertools.islice(sorted(graph), limit):
        kept.add(triple)
    return kept


def _evaluate(store: ox.Store, prefixes: dict[str, str], text: str, limits: Limits) -> _Answer:
    """In the worker: check the query, run it, take up to ``limits.limit`` results."""
    endpoints = _check(text, limits)
    try:
        result = store.query(text, prefixes=prefixes, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            return _Answer("ASK", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [variable.value for variable in result.variables]
            solutions, truncated = _take((tuple(map(_encode, solution)) for solution in result), limits.limit)
            return _Answer("SELECT", variables, solutions, truncated=truncated)
        triples, truncated = _take(_distinct((_encode(t.subject), _encode(t.predicate), _encode(t.object))
                                             for t in result), limits.limit)
        return _Answer("CONSTRUCT", solutions=triples, truncated=truncated)
    except SyntaxError as error:
        raise _Refused(str(error)) from None
    except (OSError, RuntimeError, ValueError) as error:
        if endpoints:
            raise _Refused(f"SERVICE {', '.join(endpoints)}: {error}") from None
        raise _Refused(str(error)) from None


def _encode(term: OxTerm | None) -> Encoded:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return ("L", term.value, term.datatype.value, term.language)
    if isinstance(term, ox.BlankNode):
        return ("B", term.value)
    if isinstance(term, ox.Triple):
        return ("T", _encode(term.subject), _encode(term.predicate), _encode(term.object))
    return None


def _simple(term: object) -> object:
    """An ``xsd:string`` literal as a simple one (the same in RDF 1.1), so that triples print as ``"…"``."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _decode(term: Encoded) -> object:
    """The rdflib term (a plain literal is an ``xsd:string``, as in RDF 1.1); a triple term as a tuple."""
    if isinstance(term, str):
        return URIRef(term)
    if term is None:
        return None
    if term[0] == "L":
        _, value, datatype, language = term
        return Literal(value, lang=language) if language else Literal(value, datatype=URIRef(datatype))  # type: ignore[arg-type]
    if term[0] == "B":
        return BNode(term[1])  # type: ignore[arg-type]
    return tuple(_decode(part) for part in term[1:])  # type: ignore[arg-type]


def _distinct(items: Iterator[Solution]) -> Iterator[Solution]:
    seen: set[Solution] = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def _take(items: Iterator[Solution], limit: int | None) -> tuple[list[Solution], bool]:
    taken = list(items if limit is None else itertools.islice(items, limit + 1))
    if limit is not None and len(taken) > limit:
        return taken[:limit], True
    return taken, False


def _result(answer: _Answer, form: str | None) -> SparqlResult:
    if answer.kind == "ASK":
        return SparqlResult("ASK", boolean=answer.boolean)
    if answer.kind == "SELECT":
        rows: list[Row] = [dict(zip(answer.variables, map(_decode, solution), strict=True))
                           for solution in answer.solutions]
        return SparqlResult("SELECT", answer.variables, rows, truncated=answer.truncated)
    graph = Graph()
    for triple in answer.solutions:
        graph.add(tuple(map(_simple, map(_decode, triple))))  # type: ignore[arg-type]
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return SparqlResult("DESCRIBE" if form == "DESCRIBE" else "CONSTRUCT", graph=graph, truncated=answer.truncated)


def check_format(source: str, form: str | None, fmt: str | None) -> None:
    """Refuse an output format that does not apply to the query's form (Turtle for a SELECT)."""
    if fmt is None or form not in QUERY_FORMS:
        return
    if form in ("SELECT", "ASK") and fmt not in TABLE_FORMATS:
        raise QueryFormatError(source, f"--format {fmt} is for CONSTRUCT and DESCRIBE; a {form} query takes "
                                       f"{', '.join(TABLE_FORMATS[:-1])} or {TABLE_FORMATS[-1]}")


def render_result(result: SparqlResult, fmt: str | None) -> str:
    """The result as text: SELECT rows through ``render_rows``; ASK as true/false or JSON; triples as
    Turtle (default), N-Triples, JSON-LD (``json``) or a subject/predicate/object table."""
    if result.form == "ASK":
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if result.form == "SELECT":
        return render_rows(result.rows, result.variables, fmt or "table")
    assert result.graph is not None
    if fmt in (None, "turtle", "ntriples"):
        return result.graph.serialize(format="nt" if fmt == "ntriples" else "turtle").rstrip()
    if fmt == "json":
        if not result.graph:
            return "[]"  # with no context of its own, rdflib would write every prefix it knows
        return result.graph.serialize(format="json-ld", context=_context(result.graph), auto_compact=True)
    rows: list[Row] = [{"subject": s, "predicate": p, "object": o} for s, p, o in sorted(result.graph)]
    return render_rows(rows, ["subject", "predicate", "object"], fmt)


def _context(graph: Graph) -> dict[str, str]:
    """The JSON-LD context: malgraf's prefixes that the graph's IRIs use."""
    iris = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
    iris |= {str(term.datatype) for _, _, term in graph if isinstance(term, Literal) and term.datatype}
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()
            if any(iri.startswith(str(namespace)) for iri in iris)}
