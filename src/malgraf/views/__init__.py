"""Interactive HTML views of the graph that work offline (``malgraf view``).

A view is a ``networkx.MultiDiGraph`` read from the store by the ``queries/view_*.rq`` files
(``model``): the neighbourhood of a goal, an insats or a region, or an overview of the goals in use
with their insatser folded in (``selection``). It is laid out deterministically (``layout``) and
written as one self-contained HTML page (``page``): vis-network's script and style (the files pyvis
ships) inlined, the data as JSON in a ``<script type="application/json">`` block, nothing fetched
from the network, physics off. ``kinds`` says how each kind of node and link looks.

>>> from pathlib import Path
>>> from rdflib import URIRef
>>> from malgraf.graph import build_store
>>> from malgraf.store import EmbeddedStore
>>> from malgraf.importers.tables import load_year
>>> from malgraf.closure import materialise_closure
>>> mini = build_store([Path("tests/data/mini")], data_loader=load_year, materialise=materialise_closure)
>>> store = EmbeddedStore(mini)
>>> graph = view_graph(store, URIRef("http://metadata.un.org/sdg/8.3"), depth=1)
>>> sorted(graph.nodes[n]["kind"] for n in graph)
['insats', 'sdg-goal', 'sdg-target']
>>> "<!DOCTYPE html>" in render_page(graph)
True
"""

from __future__ import annotations

from malgraf.views.kinds import EDGE_STYLES, NODE_KINDS, SDG_COLOURS, EdgeStyle, NodeKind
from malgraf.views.layout import SEED, lay_out
from malgraf.views.model import read_graph
from malgraf.views.page import DEFAULT_VIEW_PATH, json_for_script, page_data, render_page, visible, write_view
from malgraf.views.selection import DEFAULT_DEPTH, focus_of, select_view, view_graph

__all__ = [
    "DEFAULT_DEPTH", "DEFAULT_VIEW_PATH", "EDGE_STYLES", "NODE_KINDS", "SDG_COLOURS", "SEED", "EdgeStyle",
    "NodeKind", "focus_of", "json_for_script", "lay_out", "page_data", "read_graph", "render_page",
    "select_view", "view_graph", "visible", "write_view",
]
