"""The two engines, each giving keys ``(rule, focus, value)``: the SPARQL fast path and pySHACL.

``sparql`` runs one query per rule (``queries/validate_<rule>.rq``) on the Oxigraph store: the fast
path (see ``benchmarks/validate.py``). ``shacl`` runs pySHACL on an rdflib memory graph: the reference.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier

from malgraf.errors import MalgrafError
from malgraf.graph import native_store
from malgraf.namespaces import RDF, SH
from malgraf.resources import load_query
from malgraf.terms import from_oxigraph
from malgraf.validate.rules import Key, Rule

ENGINES = ("sparql", "shacl")


def memory_graph(dataset: Dataset) -> Graph:
    """All triples of ``dataset`` (every named graph) in one rdflib memory graph, for pySHACL."""
    everything = dataset.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert everything is not None
    return PreparedQueries(everything)


class PreparedQueries(Graph):
    """A view of an rdflib graph that parses each SPARQL text once.

    pySHACL sends a SPARQL constraint's query as text for every focus node; parsing it again each
    time is most of the reference path's time (25 ms per insats), evaluating it is not.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(store=graph.store, identifier=graph.identifier)
        self._prepared: dict[str, Query] = {}

    def query(  # type: ignore[override]
        self,
        query_object: str | Query,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,
        initBindings: Mapping[str, Identifier] | None = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and processor == "sparql" and initNs is None:
            if query_object not in self._prepared:
                self._prepared[query_object] = prepareQuery(query_object, initNs=dict(self.namespaces()))
            query_object = self._prepared[query_object]
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def check_sparql(dataset: Dataset, rules: Iterable[Rule], workers: int | None = None) -> set[Key]:
    """The fast path: each rule's ``validate_<rule>.rq`` query, run where the dataset lives.

    The queries run ``workers`` at a time (default: one per CPU); Oxigraph lets go of Python while it
    evaluates.
    """
    store = native_store(dataset)

    def run(rule: Rule) -> set[Key]:
        solutions = store.query(load_query(rule.query), use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        return {(rule.id, cast(Identifier, _identifier(solution["focus"])), _identifier(solution["value"]))
                for solution in solutions}

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        return set().union(*pool.map(run, rules))


def _identifier(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Identifier | None:
    """An Oxigraph term as the rdflib term pySHACL would name."""
    return None if term is None else cast(Identifier, from_oxigraph(term))


def check_shacl(graph: Graph, shapes: Graph, rules: Iterable[Rule]) -> set[Key]:
    """The reference: pySHACL's validation results, as keys.

    ``graph`` must hold the ontology and reference vocabularies as well as the data; it is used in
    place (not copied). A node shape's result names the focus node as its value: that becomes None.
    """
    from pyshacl import validate as shacl_validate

    by_shape = {rule.shape: rule for rule in rules}
    _, results, _ = shacl_validate(graph, shacl_graph=shapes, inference="none", inplace=True,
                                   allow_warnings=True, allow_infos=True)
    assert isinstance(results, Graph)
    keys: set[Key] = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        shape = results.value(result, SH.sourceShape)
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        if not isinstance(shape, URIRef) or shape not in by_shape:
            raise MalgrafError(f"a validation result from {shape}, a shape with no dcterms:identifier")
        assert isinstance(focus, Identifier)
        if value == focus and (shape, RDF.type, SH.NodeShape) in shapes:
            value = None
        keys.add((by_shape[shape].id, focus, value if isinstance(value, Identifier) else None))
    return keys
