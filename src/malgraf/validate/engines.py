"""The two engines, each giving keys ``(rule, focus, value)``: the SPARQL fast path and pySHACL.

``sparql`` runs one query per rule (``queries/validate_<rule>.rq``) where the graph lives: the fast
path (see ``benchmarks/validate.py``). ``shacl`` runs pySHACL on an rdflib memory graph: the reference.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, cast

from rdflib import Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier

from malgraf.errors import MalgrafError
from malgraf.namespaces import RDF, SH
from malgraf.resources import load_query
from malgraf.store import GraphStore
from malgraf.validate.rules import Key, Rule

ENGINES = ("sparql", "shacl")


def memory_graph(store: GraphStore) -> Graph:
    """All triples of ``store`` (every named graph) in one rdflib memory graph, for pySHACL."""
    return PreparedQueries(store.construct(load_query("all_triples")))


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


def check_sparql(store: GraphStore, rules: Iterable[Rule], workers: int | None = None) -> set[Key]:
    """The fast path: each rule's ``validate_<rule>.rq`` query, run where the graph lives.

    The queries run ``workers`` at a time (default: one per CPU): Oxigraph lets go of Python while it
    evaluates, and a server answers several requests at once.
    """
    def run(rule: Rule) -> set[Key]:
        return {(rule.id, cast(Identifier, row["focus"]), cast(Identifier | None, row["value"]))
                for row in store.select(load_query(rule.query))}

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        return set().union(*pool.map(run, rules))


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
