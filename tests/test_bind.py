"""Values bound as a VALUES block: where it goes, how terms are written, and what is refused."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from malgraf.store.bind import sparql_term, where_group, with_values

G = URIRef("http://example.org/g")


@pytest.mark.parametrize("query", [
    "SELECT ?x WHERE { ?x ?p ?goal }",
    "SELECT * { ?x ?p ?goal }",
    "ASK { ?x ?p ?goal }",
    "# a comment with { and WHERE\nPREFIX ex: <http://example.org/WHERE#>\nSELECT ?x WHERE { ?x ex:p ?goal }",
    "CONSTRUCT { ?x ?p ?goal } WHERE { ?x ?p ?goal }",
    'SELECT ?x WHERE { ?x ?p "{ WHERE" . ?x ?q ?goal } ORDER BY ?x',
])
def test_the_block_opens_the_outermost_where_group(query: str) -> None:
    bound = with_values(query, {"goal": G})
    at = where_group(query)
    assert bound[:at] == query[:at] and bound[at:].startswith(" VALUES (?goal) { (<http://example.org/g>) }")
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"), ox.NamedNode(G)))
    store.query(bound)  # Oxigraph parses it


def test_a_bound_value_takes_effect_inside_optional_filters_and_minus() -> None:
    store = ox.Store()
    a, p = ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p")
    for value in (ox.Literal("sv text", language="sv"), ox.Literal("en text", language="en")):
        store.add(ox.Quad(a, p, value))
    query = "SELECT ?x ?l WHERE { ?x ?q ?any OPTIONAL { ?x ?q ?l FILTER(LANG(?l) = ?lang) } }"
    rows = {row["l"].value for row in store.query(with_values(query, {"lang": Literal("en")}))}  # type: ignore[union-attr]
    assert rows == {"en text"}


def test_terms_are_written_safely() -> None:
    assert sparql_term(Literal('a "b" \\ c\nd', lang="sv")) == '"a \\"b\\" \\\\ c\\nd"@sv'
    assert sparql_term(Literal("2023", datatype=XSD.gYear)) == '"2023"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    assert sparql_term(None) == "UNDEF"
    for bad in (URIRef("http://example.org/a> } UNION { ?s ?p ?o"), BNode("b")):
        with pytest.raises(ValueError):
            sparql_term(bad)


def test_a_table_binds_each_row_and_an_empty_one_is_refused() -> None:
    bound = with_values("SELECT * WHERE { ?x ?p ?y }", [{"x": G}, {"x": G, "y": Literal(1)}])
    assert "VALUES (?x ?y) { (<http://example.org/g> UNDEF) (<http://example.org/g> " in bound
    with pytest.raises(ValueError, match="empty table"):
        with_values("SELECT * WHERE { ?x ?p ?y }", [])
    with pytest.raises(ValueError, match="not a variable"):
        with_values("SELECT * WHERE { ?x ?p ?y }", {"x }": G})
    with pytest.raises(ValueError, match="no WHERE group"):
        with_values("SELECT ?x", {"x": G})


@pytest.mark.parametrize(("query", "names"), [
    ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", True),
    ("SELECT * from named <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }", True),
    ("# FROM a comment\nSELECT * WHERE { ?s ?p 'FROM' . ?s <http://example.org/FROM> ?from }", False),
])
def test_a_query_that_names_its_own_graphs_is_told_apart(query: str, names: bool) -> None:
    from malgraf.sparql import names_its_dataset

    assert names_its_dataset(query) is names
