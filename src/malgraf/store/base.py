"""The one interface every command, the closure, validation and the views read and write the graph by.

Two stores implement it: ``EmbeddedStore`` (Oxigraph in this process) and ``RemoteStore`` (any
SPARQL 1.1 server). Queries are the ``.rq`` files, the same text on both; values are bound as a
``VALUES`` block (``malgraf.store.bind``). Which graphs a query reads is the store's part: the
embedded store holds malgraf's named graphs only, and their union is its default graph; a server
may hold other data too, so the remote store names malgraf's graphs in every request.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from malgraf.resources import load_query
from malgraf.store.bind import Bindings

Row = dict[str, object]
"""One solution: variable name → its value (an rdflib term, a plain Python value, or None)."""
Triple = tuple[Node, Node, Node]

NUMERIC: dict[str, type] = {str(XSD.integer): int, str(XSD.int): int, str(XSD.long): int,
                            str(XSD.decimal): Decimal, str(XSD.double): float}
"""Datatypes whose literals ``select_values`` gives as Python numbers; every other literal is its text."""


def plain(term: object) -> object:
    """An rdflib term as ``select_values`` gives it: an IRI or blank node as itself, a number as a
    number, any other literal as its text."""
    if isinstance(term, Literal):
        convert = NUMERIC.get(str(term.datatype)) if term.datatype is not None else None
        return convert(str(term)) if convert else str(term)
    return term


class GraphStore(ABC):
    """A set of named graphs that answers SPARQL 1.1 queries and takes whole named graphs."""

    location: str
    """Where the graph lives (a file or a URL), for messages."""

    @abstractmethod
    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        """The rows of a SELECT query, values as rdflib terms (None when unbound)."""

    def select_values(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        """Like ``select``, values plain (``plain``): what most answers need, and faster to make."""
        return [{name: plain(value) for name, value in row.items()} for row in self.select(query, bindings)]

    @abstractmethod
    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        """The answer of an ASK query."""

    @abstractmethod
    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        """The triples of a CONSTRUCT (or DESCRIBE) query, as an rdflib graph."""

    @abstractmethod
    def add_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Add ``triples`` to the named graph ``graph``."""

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make the named graph ``graph`` hold exactly ``triples``."""

    @abstractmethod
    def quads_per_graph(self) -> dict[str, int]:
        """How many triples each of malgraf's named graphs holds, by graph IRI."""

    def count(self) -> int:
        """How many quads malgraf's named graphs hold together."""
        return sum(self.quads_per_graph().values())

    def has_triple(self, subject: Node | None, predicate: Node, value: Node | None = None) -> bool:
        """Whether any graph holds a triple of this pattern (None: any term)."""
        bound = {name: term for name, term in (("s", subject), ("o", value)) if term is not None}
        return self.ask(load_query("has_triple"), {"p": predicate, **bound})

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        """The distinct values of ``predicate`` on ``subject``, in no set order."""
        return [row["o"] for row in self.select(load_query("objects"), {"s": subject, "p": predicate})]  # type: ignore[misc]

    def subjects(self, predicate: Node, value: Node) -> list[Node]:
        """The distinct subjects that have ``value`` for ``predicate``, in no set order."""
        return [row["s"] for row in self.select(load_query("subjects"), {"p": predicate, "o": value})]  # type: ignore[misc]

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One value of ``predicate`` on ``subject`` (the least, as N-Triples text, of several), or None."""
        return min(self.objects(subject, predicate), key=lambda term: term.n3(), default=None)


__all__ = ["NUMERIC", "GraphStore", "Row", "Triple", "plain"]
