"""RDF terms between rdflib and Oxigraph, in one place, with the public APIs of both.

A literal without a language keeps its datatype both ways (``xsd:string`` included), as Oxigraph
gives it and pySHACL's results name it, so that the two validation engines find the same values.

>>> to_oxigraph(Literal("3", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))).datatype.value
'http://www.w3.org/2001/XMLSchema#integer'
>>> from_oxigraph(ox.Literal("Stärkt attraktivitet", language="sv"))
rdflib.term.Literal('Stärkt attraktivitet', lang='sv')
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

OxigraphTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def to_oxigraph(node: Node) -> OxigraphTerm:
    """The Oxigraph term of an rdflib IRI, blank node or literal."""
    if isinstance(node, URIRef):
        return ox.NamedNode(node)
    if isinstance(node, BNode):
        return ox.BlankNode(node)
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(node, language=node.language)
        return ox.Literal(node, datatype=ox.NamedNode(node.datatype)) if node.datatype else ox.Literal(node)
    raise TypeError(f"not an RDF term: {node!r}")


def from_oxigraph(term: OxigraphTerm) -> URIRef | BNode | Literal:
    """The rdflib term of an Oxigraph IRI, blank node or literal."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


__all__ = ["OxigraphTerm", "from_oxigraph", "to_oxigraph"]
