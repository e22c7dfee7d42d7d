"""A SPARQL 1.1 server as malgraf talks to it: queries by the SPARQL protocol, writes by the Graph
Store Protocol (HTTP ``PUT`` of a whole named graph), with HTTP basic or digest login.

Answers come back as rdflib terms, a literal without a language typed as Oxigraph gives it
(``xsd:string``), so that a row reads the same from either engine. Whatever goes wrong on the wire —
no server, a refused login, an HTTP error, a timeout — is an ``EndpointError`` naming the URL and the
status.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from malgraf.errors import MalgrafError

RESULTS_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples, text/plain;q=0.5"
DEFAULT_TIMEOUT = 60.0
"""Seconds a request may take before it is an error."""


class EndpointError(MalgrafError):
    """A SPARQL server could not be reached or refused a request: the URL and what it said."""


@dataclass(frozen=True)
class Login:
    """A user and password for a server's writes (HTTP basic or digest, whichever it asks for)."""

    user: str
    password: str


Row = dict[str, object]
"""One solution: variable name → an rdflib term, or None when unbound."""
Dataset = tuple[Sequence[URIRef], Sequence[URIRef]]
"""The graphs a query reads: its default graphs (merged) and its named graphs."""
NO_DATASET: Dataset = ((), ())


class SparqlEndpoint:
    """One SPARQL 1.1 server: ``query_url`` answers queries, ``store_url`` takes whole named graphs,
    ``update_url`` SPARQL Update (both default to ``query_url``)."""

    def __init__(self, query_url: str, store_url: str | None = None, login: Login | None = None,
                 timeout: float = DEFAULT_TIMEOUT, update_url: str | None = None) -> None:
        self.query_url = query_url
        self.store_url = store_url or query_url
        self.update_url = update_url or query_url
        for url in (self.query_url, self.store_url, self.update_url):
            check_url(url)
        self.timeout = timeout
        self._login = login
        self._digest: urllib.request.HTTPDigestAuthHandler | None = None
        handlers: list[urllib.request.BaseHandler] = []
        if login is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {self.query_url, self.store_url, self.update_url}:
                passwords.add_password(None, url, login.user, login.password)
            self._digest = urllib.request.HTTPDigestAuthHandler(passwords)
            handlers += [self._digest, urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)
        self._plain = urllib.request.build_opener()

    def select(self, query: str, dataset: Dataset = NO_DATASET) -> list[Row]:
        """The rows of a SELECT query, each variable bound to an rdflib term or None.

        ``dataset`` (default graphs, named graphs) is sent as the protocol's ``default-graph-uri``
        and ``named-graph-uri``; empty, the query's own ``FROM`` or the server's default applies.
        """
        return self.select_with_variables(query, dataset)[1]

    def select_with_variables(self, query: str, dataset: Dataset = NO_DATASET) -> tuple[list[str], list[Row]]:
        """The variables of a SELECT query and its rows."""
        answer = self._results(query, dataset)
        names = [str(name) for name in answer.get("head", {}).get("vars", [])]
        return names, [{name: _term(binding.get(name)) for name in names}
                       for binding in answer.get("results", {}).get("bindings", [])]

    def with_timeout(self, timeout: float | None) -> SparqlEndpoint:
        """The same server with another time limit per request (None: this one's)."""
        if timeout is None:
            return self
        copy = SparqlEndpoint.__new__(SparqlEndpoint)
        copy.__dict__.update(self.__dict__)
        copy.timeout = timeout
        return copy

    def ask(self, query: str, dataset: Dataset = NO_DATASET) -> bool:
        """The answer of an ASK query."""
        answer = self._results(query, dataset)
        if not isinstance(answer.get("boolean"), bool):
            raise EndpointError(f"{self.query_url}: the answer to an ASK query holds no boolean")
        return answer["boolean"]

    def construct(self, query: str, dataset: Dataset = NO_DATASET) -> Graph:
        """The triples of a CONSTRUCT or DESCRIBE query, read from N-Triples."""
        with self._send(self._query_request(query, dataset, NTRIPLES), self.query_url) as answer:
            body = answer.read()
        graph = Graph()
        try:
            graph.parse(data=body.decode("utf-8"), format="nt")
        except (UnicodeDecodeError, SyntaxError, ValueError) as error:
            raise EndpointError(f"{self.query_url}: the answer is not N-Triples ({error})") from None
        return graph

    def put_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace the named graph ``graph`` with ``triples``, whole (Graph Store Protocol ``PUT``)."""
        self._write_graph(graph, triples, "PUT")

    def post_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add ``triples`` to the named graph ``graph`` (Graph Store Protocol ``POST``)."""
        self._write_graph(graph, triples, "POST")

    def put_ntriples(self, graph: URIRef, body: bytes) -> None:
        """Replace the named graph ``graph`` with the triples of an N-Triples document, whole (``PUT``)."""
        self._send_graph(graph, body, "PUT")

    def post_ntriples(self, graph: URIRef, body: bytes) -> None:
        """Add the triples of an N-Triples document to the named graph ``graph`` (``POST``)."""
        self._send_graph(graph, body, "POST")

    def _write_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]], method: str) -> None:
        self._send_graph(graph, "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples).encode("utf-8"),
                         method)

    def _send_graph(self, graph: URIRef, body: bytes, method: str) -> None:
        url = self.store_url + "?" + urllib.parse.urlencode({"graph-uri": str(graph), "graph": str(graph)})
        request = urllib.request.Request(url, data=body, method=method,
                                         headers={"Content-Type": "application/n-triples"})
        self._send(request, self.store_url).close()

    def update(self, update: str) -> None:
        """Run a SPARQL Update request (``MOVE``, ``DROP`` …) at ``update_url``."""
        request = urllib.request.Request(
            self.update_url, data=urllib.parse.urlencode({"update": update}).encode("utf-8"), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"})
        self._send(request, self.update_url).close()

    def _signed(self, request: urllib.request.Request) -> urllib.request.Request:
        """``request`` with the login the server asks for, learnt from a ``HEAD`` of the same URL."""
        assert self._login is not None and self._digest is not None
        try:
            self._plain.open(urllib.request.Request(request.full_url, method="HEAD"), timeout=self.timeout).close()
            return request  # the server asked for no login
        except urllib.error.HTTPError as error:
            challenge = error.headers.get("WWW-Authenticate", "") if error.code == 401 else ""
        scheme, _, parameters = challenge.partition(" ")
        if scheme.lower() == "digest":
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(parameters))
            signed = self._digest.get_authorization(request, fields)
            if signed:
                request.add_unredirected_header("Authorization", "Digest " + signed)
        elif scheme.lower() == "basic":
            token = base64.b64encode(f"{self._login.user}:{self._login.password}".encode()).decode("ascii")
            request.add_unredirected_header("Authorization", "Basic " + token)
        return request

    def _query_request(self, query: str, dataset: Dataset, accept: str) -> urllib.request.Request:
        defaults, named = dataset
        fields = [("query", query), *(("default-graph-uri", str(g)) for g in defaults),
                  *(("named-graph-uri", str(g)) for g in named)]
        return urllib.request.Request(
            self.query_url, data=urllib.parse.urlencode(fields).encode("utf-8"), method="POST",
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})

    def _results(self, query: str, dataset: Dataset) -> dict[str, Any]:
        with self._send(self._query_request(query, dataset, RESULTS_JSON), self.query_url) as answer:
            cut_at = answer.headers.get("X-SPARQL-MaxRows")
            partial = answer.headers.get("X-SQL-State") in ANYTIME_STATES
            try:
                found = json.loads(answer.read().decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise EndpointError(f"{self.query_url}: the answer is not SPARQL results in JSON ({error})") from None
        if not isinstance(found, dict):
            raise EndpointError(f"{self.query_url}: the answer is not SPARQL results in JSON")
        if partial:
            raise EndpointError(f"{self.query_url}: the server stopped the query at its time limit and sent the rows "
                                "found so far (Virtuoso: MaxQueryExecutionTime in the [SPARQL] section of "
                                "virtuoso.ini); raise its limit, or malgraf's answers would be incomplete")
        rows = found.get("results", {}).get("bindings", [])
        if cut_at is not None and str(len(rows)) == cut_at.strip():
            raise EndpointError(f"{self.query_url}: the server cut the answer at {cut_at.strip()} rows "
                                "(Virtuoso: ResultSetMaxRows in the [SPARQL] section of virtuoso.ini); "
                                "raise its limit, or malgraf's answers would be incomplete")
        return found

    def _send(self, request: urllib.request.Request, url: str) -> urllib.response.addinfourl:
        try:
            body = request.data if isinstance(request.data, bytes) else b""
            if self._login is not None and len(body) > PREEMPTIVE_BYTES:
                return self._plain.open(self._signed(request), timeout=self.timeout)
            return self._opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            said = error.read(400).decode("utf-8", errors="replace").strip().splitlines()
            detail = f": {said[0]}" if said else ""
            raise EndpointError(f"{url}: HTTP {error.code} {error.reason}{detail}") from None
        except urllib.error.URLError as error:
            if body and isinstance(error.reason, (BrokenPipeError, ConnectionResetError)):
                self._why_closed(request, url)
            reason = error.reason.strerror if isinstance(error.reason, OSError) and error.reason.strerror \
                else str(error.reason)
            raise EndpointError(f"{url}: cannot reach the server ({reason})") from None
        except TimeoutError:
            raise EndpointError(f"{url}: no answer within {self.timeout:g} s") from None
        except ConnectionError as error:
            if body:
                self._why_closed(request, url)
            raise EndpointError(f"{url}: the connection failed ({error.strerror or error})") from None
        except ValueError as error:  # http.client.InvalidURL and the like
            raise EndpointError(f"{url}: not a URL a request can be sent to ({error})") from None


    def _why_closed(self, request: urllib.request.Request, url: str) -> None:
        """The server closed the connection while a body went up: a server that refuses a request
        (a wrong login, HTTP 401) may answer and close before reading it. Ask the same URL with a
        ``HEAD``, which changes nothing, and report the HTTP error it answers, if any."""
        try:
            self._opener.open(urllib.request.Request(request.full_url, method="HEAD"), timeout=self.timeout).close()
        except urllib.error.HTTPError as error:
            raise EndpointError(f"{url}: HTTP {error.code} {error.reason}") from None
        except (OSError, ValueError):
            return


def check_url(url: str) -> None:
    """An ``EndpointError`` unless ``url`` is an http(s) URL with a host and no space or control character."""
    try:
        parts = urllib.parse.urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:
        valid = False
    if not valid or any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        raise EndpointError(f"{url or repr(url)}: not an http(s) URL of a SPARQL endpoint")


ANYTIME_STATES = ("S1TAT",)
"""The SQL state Virtuoso sends (header ``X-SQL-State``) with an "anytime" answer: the rows a query
found before the server's time limit, as if they were all."""

PREEMPTIVE_BYTES = 16 * 1024
"""A request body larger than this is sent with the login at once: a server that answers the first try
with 401 and closes the connection (Virtuoso does) would otherwise break it midway."""


def _term(value: object) -> Node | None:
    """An rdflib term from one binding of SPARQL JSON results."""
    if not isinstance(value, dict):
        return None
    kind, text = value.get("type"), str(value.get("value", ""))
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if value.get("xml:lang"):
        return Literal(text, lang=str(value["xml:lang"]))
    return Literal(text, datatype=URIRef(str(value.get("datatype") or XSD.string)))


__all__ = ["DEFAULT_TIMEOUT", "EndpointError", "Login", "SparqlEndpoint", "check_url"]
