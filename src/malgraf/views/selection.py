"""Choosing what a view shows: the focus a user names, its neighbourhood, or the overview."""

from __future__ import annotations

import networkx as nx
from rdflib import URIRef

from malgraf.store import GraphStore
from malgraf.views.kinds import GOAL_KINDS, REGIONAL_KINDS
from malgraf.views.model import insats_counts, local_name, read_graph, set_counts

DEFAULT_DEPTH = 2


def view_graph(
    store: GraphStore, focus: URIRef | None = None, *, depth: int = DEFAULT_DEPTH, lang: str = "sv",
    with_suggested: bool = False,
) -> nx.MultiDiGraph:
    """The graph of one view: the neighbourhood of ``focus`` up to ``depth`` links, or the overview.

    The overview holds the goals in use (with their broader goals) and every insats folded into
    the goals it links to; the page unfolds them on demand. The numbers on goals count every
    insats, except in a region's view, where they count the region's own. Suggested links, drawn
    as such, only ``with_suggested``.
    """
    whole = read_graph(store, lang, with_suggested=with_suggested)
    return select_view(whole, None if focus is None else str(focus), depth=depth)


def select_view(whole: nx.MultiDiGraph, focus: str | None, *, depth: int = DEFAULT_DEPTH) -> nx.MultiDiGraph:
    """Cut a view out of ``read_graph``'s graph (see ``view_graph``)."""
    if focus is None:
        nodes = _overview_nodes(whole)
    else:
        if focus not in whole:
            whole.add_node(focus, kind="goal", name=local_name(focus))
        nodes = _neighbourhood(whole, focus, depth)
    view = nx.MultiDiGraph(whole.subgraph(sorted(nodes)))  # a copy: changing it leaves ``whole`` alone
    view.graph.update(lang=whole.graph.get("lang", "sv"), focus=focus, depth=depth, overview=focus is None)
    if focus is None:
        for node in view:
            if view.nodes[node]["kind"] == "insats":
                view.nodes[node]["folded"] = True
        _one_tree_per_region(view)
    elif whole.nodes[focus]["kind"] == "region":
        _count_the_regions_own(whole, view, focus)
    return _sorted_copy(view)


def _one_tree_per_region(view: nx.MultiDiGraph) -> None:
    """Keep of a region's own goals only the links of its tree: a goal to the goal or strategy it is
    part of, a strategy to its region (every goal's own link to the region would hide the tree)."""
    loose = [(goal, region) for goal, region, key in view.edges(keys=True)
             if key == "region" and view.nodes[goal]["kind"] in REGIONAL_KINDS
             and any(k == "broader" for *_, k in view.out_edges(goal, keys=True))]
    for goal, region in loose:
        view.remove_edge(goal, region, key="region")


def _count_the_regions_own(whole: nx.MultiDiGraph, view: nx.MultiDiGraph, region: str) -> None:
    """Make the counts on a region's view those of the region's insatser, not the nation's."""
    code = whole.nodes[region].get("region")
    own = {n for n, a in whole.nodes(data=True) if a["kind"] == "insats" and a.get("region") == code}
    set_counts(view, insats_counts(whole, own))
    view.graph["countRegion"] = whole.nodes[region].get("short") or whole.nodes[region].get("name")


def _sorted_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in sorted order (layouts depend on order)."""
    copy = nx.MultiDiGraph(**graph.graph)
    copy.add_nodes_from(sorted((n, dict(a)) for n, a in graph.nodes(data=True)))
    copy.add_edges_from(sorted(((u, v, k, dict(a)) for u, v, k, a in graph.edges(keys=True, data=True)),
                               key=lambda e: (e[0], e[1], e[2])))
    return copy


def _overview_nodes(whole: nx.MultiDiGraph) -> set[str]:
    used = {n for n, a in whole.nodes(data=True) if a["kind"] != "insats" and a["kind"] != "region"
            and (a.get("total") or any(k.startswith("crosswalk") for *_, k in whole.in_edges(n, keys=True))
                 or any(k.startswith("crosswalk") for *_, k in whole.out_edges(n, keys=True)))}
    if not used:
        used = {n for n, a in whole.nodes(data=True) if a["kind"] in GOAL_KINDS and a["kind"] != "sdg-target"}
    nodes = set(used)
    for goal in used:
        nodes |= _broader_closure(whole, goal)
    nodes |= {region for goal in used for _, region, key in whole.out_edges(goal, keys=True) if key == "region"}
    nodes |= {n for n, a in whole.nodes(data=True) if a["kind"] == "insats"}
    return nodes


def _broader_closure(whole: nx.MultiDiGraph, goal: str) -> set[str]:
    found: set[str] = set()
    stack = [goal]
    while stack:
        for _, broader, key in whole.out_edges(stack.pop(), keys=True):
            if key == "broader" and broader not in found:
                found.add(broader)
                stack.append(broader)
    return found


def _neighbourhood(whole: nx.MultiDiGraph, focus: str, depth: int) -> set[str]:
    """Nodes within ``depth`` links of ``focus``, walking links in either direction, except:

    a region or a reporting area does not lead on to all its insatser (nor a region to its RUS
    goals) unless it is the focus, and walking down the goal hierarchy reaches only goals in use,
    unless it starts at the focus.
    """
    seen = {focus}
    frontier = [focus]
    for _ in range(depth):
        step: set[str] = set()
        for node in frontier:
            for neighbour, key, outward in _links(whole, node):
                if neighbour in seen:
                    continue
                if key in ("region", "reported") and not outward and node != focus:
                    continue
                unused = not whole.nodes[neighbour].get("total")
                if key == "broader" and not outward and node != focus and unused:
                    continue
                step.add(neighbour)
        seen |= step
        frontier = sorted(step)
    return seen


def _links(whole: nx.MultiDiGraph, node: str) -> list[tuple[str, str, bool]]:
    """(neighbour, edge key, whether the edge leaves ``node``) for every edge at ``node``, sorted."""
    out = [(v, k, True) for _, v, k in whole.out_edges(node, keys=True)]
    into = [(u, k, False) for u, _, k in whole.in_edges(node, keys=True)]
    return sorted(out + into)


def focus_of(store: GraphStore, *, goal: str | None = None, insats: str | None = None,
             region: str | None = None, lang: str = "en") -> URIRef | None:
    """The IRI a user's ``--goal``, ``--insats`` or ``--region`` names (at most one may be given; None: none is).

    Unknown, ambiguous or empty text raises ``LookupFailedError`` with candidates (exit 2), in ``lang``.
    """
    from malgraf.lookup import resolve_goal, resolve_insats, resolve_region

    given = [(text, resolve) for text, resolve in ((goal, resolve_goal), (insats, resolve_insats),
                                                   (region, resolve_region)) if text is not None]
    if len(given) > 1:
        raise ValueError("give at most one of goal, insats and region")
    if not given:
        return None
    text, resolve = given[0]
    return resolve(store, text, lang=lang)


__all__ = ["DEFAULT_DEPTH", "focus_of", "select_view", "view_graph"]
