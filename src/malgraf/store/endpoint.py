"""A SPARQL 1.1 server as malgraf talks to it: queries by the SPARQL protocol, writes by the Graph
Store Protocol (HTTP ``PUT`` of a whole named graph), with HTTP basic or digest login.

Answers come back as rdflib terms, a literal without a language typed as Oxigraph gives it
(``xsd:string``), so that a row reads the same from either engine. Whatever goes wrong on the wire —
no server, a refused login, an HTTP error, a timeout — is an ``EndpointError`` naming the URL and the
status.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from malgraf.errors import MalgrafError

RESULTS_JSON = "application/sparql-results+json"
DEFAULT_TIMEOUT = 60.0
"""Seconds a request may take before it is an error."""


class EndpointError(MalgrafError):
    """A SPARQL server could not be reached or refused a request: the URL and what it said."""


@dataclass(frozen=True)
class Login:
    """A user and password for a server's writes (HTTP basic or digest, whichever it asks for)."""

    user: str
    password: str


Row = dict[str, Node | None]


class SparqlEndpoint:
    """One SPARQL 1.1 server: ``query_url`` answers queries, ``store_url`` takes whole named graphs."""

    def __init__(self, query_url: str, store_url: str | None = None, login: Login | None = None,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        self.query_url = query_url
        self.store_url = store_url or query_url
        self.timeout = timeout
        handlers: list[urllib.request.BaseHandler] = []
        if login is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {self.query_url, self.store_url}:
                passwords.add_password(None, url, login.user, login.password)
            handlers += [urllib.request.HTTPDigestAuthHandler(passwords),
                         urllib.request.HTTPBasicAuthHandler(passwords)]
        self._opener = urllib.request.build_opener(*handlers)

    def select(self, query: str) -> list[Row]:
        """The rows of a SELECT query, each variable bound to an rdflib term or None."""
        answer = self._query(query)
        names = answer.get("head", {}).get("vars", [])
        return [{name: _term(binding.get(name)) for name in names}
                for binding in answer.get("results", {}).get("bindings", [])]

    def ask(self, query: str) -> bool:
        """The answer of an ASK query."""
        return bool(self._query(query).get("boolean"))

    def put_graph(self, graph: URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Replace the named graph ``graph`` with ``triples``, whole (Graph Store Protocol ``PUT``)."""
        body = "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples).encode("utf-8")
        url = self.store_url + "?" + urllib.parse.urlencode({"graph-uri": str(graph), "graph": str(graph)})
        request = urllib.request.Request(url, data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        self._send(request, self.store_url).close()

    def _query(self, query: str) -> dict[str, Any]:
        request = urllib.request.Request(
            self.query_url, data=urllib.parse.urlencode({"query": query}).encode("utf-8"), method="POST",
            headers={"Accept": RESULTS_JSON, "Content-Type": "application/x-www-form-urlencoded"})
        with self._send(request, self.query_url) as answer:
            try:
                found = json.loads(answer.read().decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise EndpointError(f"{self.query_url}: the answer is not SPARQL results in JSON ({error})") from None
        if not isinstance(found, dict):
            raise EndpointError(f"{self.query_url}: the answer is not SPARQL results in JSON")
        return found

    def _send(self, request: urllib.request.Request, url: str) -> urllib.response.addinfourl:
        try:
            return self._opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            said = error.read(400).decode("utf-8", errors="replace").strip().splitlines()
            detail = f": {said[0]}" if said else ""
            raise EndpointError(f"{url}: HTTP {error.code} {error.reason}{detail}") from None
        except urllib.error.URLError as error:
            reason = error.reason.strerror if isinstance(error.reason, OSError) and error.reason.strerror \
                else str(error.reason)
            raise EndpointError(f"{url}: cannot reach the server ({reason})") from None
        except TimeoutError:
            raise EndpointError(f"{url}: no answer within {self.timeout:g} s") from None
        except ConnectionError as error:
            raise EndpointError(f"{url}: the connection failed ({error.strerror or error})") from None


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


__all__ = ["DEFAULT_TIMEOUT", "EndpointError", "Login", "SparqlEndpoint"]
