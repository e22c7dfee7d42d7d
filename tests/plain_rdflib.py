"""An rdflib copy of a store, for tests that check malgraf's answers with another engine and API."""

from __future__ import annotations

from rdflib import Dataset

from malgraf.namespaces import PREFIXES
from malgraf.store import EmbeddedStore
from malgraf.terms import from_oxigraph


def rdflib_dataset(store: EmbeddedStore) -> Dataset:
    """Every quad of ``store`` in an rdflib memory dataset whose default graph is the union, with
    malgraf's prefixes bound."""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    for quad in store.native.quads_for_pattern(None, None, None):
        graph = quad.graph_name
        dataset.add((from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object),  # type: ignore[arg-type]
                     dataset.graph(from_oxigraph(graph))))  # type: ignore[arg-type]
    return dataset
