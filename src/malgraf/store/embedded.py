"""The embedded store: an Oxigraph store in this process, behind ``GraphStore``.

It holds malgraf's named graphs and nothing else, so the union of its named graphs is the default
graph a query reads. Naming every graph instead (``FROM`` … or ``default_graph=``) gives the same
answers and is 4–6× slower in Oxigraph for ``supports.rq`` at 10 000 synthetic insatser
(``benchmarks/national_scale.py``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import cast

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from malgraf.resources import load_query
from malgraf.store.base import NUMERIC, GraphStore, Row, Triple
from malgraf.store.bind import Bindings, with_values
from malgraf.terms import OxigraphTerm, from_oxigraph, to_oxigraph


class EmbeddedStore(GraphStore):
    """``GraphStore`` over a pyoxigraph store (``native``), read and written in place."""

    def __init__(self, native: ox.Store, location: str = "<memory>") -> None:
        self.native = native
        self.location = location

    def _query(self, query: str, bindings: Bindings | None) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        return self.native.query(with_values(query, bindings), use_default_graph_as_union=True)

    def solutions(self, query: str, bindings: Bindings | None = None) -> ox.QuerySolutions:
        """The Oxigraph solutions of a SELECT query, for a caller that reads many rows fast."""
        result = self._query(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise ValueError("not a SELECT query")
        return result

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        solutions = self.solutions(query, bindings)
        names = [variable.value for variable in solutions.variables]
        return [{name: _rdflib(value) for name, value in zip(names, solution, strict=True)}
                for solution in solutions]

    def select_values(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        solutions = self.solutions(query, bindings)
        names = [variable.value for variable in solutions.variables]
        iris: dict[str, URIRef] = {}  # the same IRIs recur on many rows: each URIRef made once

        def plain(term: OxigraphTerm | ox.Triple | None) -> object:
            if isinstance(term, ox.NamedNode):
                found = iris.get(term.value)
                if found is None:
                    found = iris[term.value] = URIRef(term.value)
                return found
            return _plain(term)

        return [{name: plain(value) for name, value in zip(names, solution, strict=True)} for solution in solutions]

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise ValueError("not an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        result = self._query(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise ValueError("not a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in result:
            graph.add((from_oxigraph(triple.subject), from_oxigraph(triple.predicate),  # type: ignore[arg-type]
                       from_oxigraph(triple.object)))  # type: ignore[arg-type]
        return graph

    def add_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        context = ox.NamedNode(graph)
        iris: dict[Node, ox.NamedNode] = {}

        def term(node: Node) -> OxigraphTerm:
            if isinstance(node, URIRef):  # the same IRIs recur on every row: each made once
                found = iris.get(node)
                if found is None:
                    found = iris[node] = ox.NamedNode(node)
                return found
            return to_oxigraph(node)

        self.native.extend(ox.Quad(term(s), term(p), term(o), context)  # type: ignore[arg-type]
                           for s, p, o in triples)

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        self.native.clear_graph(ox.NamedNode(graph))
        self.add_graph(graph, triples)

    def quads_per_graph(self) -> dict[str, int]:
        return {str(row["g"]): int(row["n"]) for row in self.select_values(load_query("quads_per_graph"))}  # type: ignore[call-overload]

    def ntriples_of(self, graph: URIRef, chunk: int) -> Iterator[bytes]:
        """The triples of one named graph as N-Triples documents of up to ``chunk`` triples each,
        written by Oxigraph, with no rdflib term made (``benchmarks/push.py``)."""
        quads = self.native.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        while part := [quad.triple for quad in itertools.islice(quads, chunk)]:
            yield cast(bytes, ox.serialize(part, format=ox.RdfFormat.N_TRIPLES))

    def triples_of(self, graph: URIRef) -> Iterable[Triple]:
        """The triples of one named graph, as rdflib terms."""
        for quad in self.native.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            yield (from_oxigraph(quad.subject), from_oxigraph(quad.predicate),  # type: ignore[arg-type]
                   from_oxigraph(quad.object))  # type: ignore[arg-type]


def _rdflib(term: OxigraphTerm | ox.Triple | None) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        raise ValueError("a triple term is not an answer malgraf reads")
    return from_oxigraph(term)


def _plain(term: OxigraphTerm | ox.Triple | None) -> object:
    """As ``base.plain``, straight from Oxigraph's term: no rdflib literal is made (most of a large answer's time)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        convert = NUMERIC.get(term.datatype.value)
        return convert(term.value) if convert else term.value
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise ValueError("a triple term is not an answer malgraf reads")


__all__ = ["EmbeddedStore"]
