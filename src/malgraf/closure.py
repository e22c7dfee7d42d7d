"""The closure ``supports`` looks up: which goal reaches which, and the shortest way there on demand.

A goal reaches itself, every goal above it (``skos:broader``) and every goal it contributes to
across schemes (the crosswalk, stated or accepted), transitively. ``malgraf build`` writes one
``mg:reaches`` triple per such pair, one ``mg:mayReach`` per pair that suggested links
(``mg:mayContributeTo``) join too (every ``mg:reaches`` pair included, so that a question with
suggestions reads one property), and each goal's name on a path (``mg:pathName``), into the named
graph ``graph/closure``: one quad per pair and one per goal, so build time and size grow with the number
of pairs (``benchmarks/closure.py``; storing each whole path, as before, grew with the cube of a
chain's length). "Which insatser support G?" stays an index lookup instead of a property-path
query (``benchmarks/supports.py``).

The way from a goal to G (path, hops, via) is not stored: ``ways_into`` finds it, for the few rows
an answer shows, from the edges between the goals that reach G. The next goal on a way is the
nearest-to-G successor with the smallest IRI, a choice that depends only on the goals and edges
on shortest paths, so ``supports`` and ``goals`` show the same way for the same pair.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rdflib import Literal, URIRef

from malgraf.namespaces import GRAPH, ID, MG, OWL, RDF, XSD
from malgraf.resources import load_query

if TYPE_CHECKING:
    import networkx as nx

    from malgraf.store.base import GraphStore, Triple

CLOSURE_GRAPH = GRAPH.closure
ROLLUP_GRAPH = GRAPH.rollup
"""Insatser per goal (of every scheme), region and year (``mg:GoalCount``): what roll-ups sum and gaps list."""
CLOSURE_VERSION = Literal(4)
"""What ``graph/closure`` says of itself (``owl:versionInfo``): raised when the closure gains what
queries read, so that a graph built before is rebuilt rather than answered from (2: cells of every
scheme, for gaps; 3: ``mg:mayReach``, suggestions included; 4: ``mg:mainReach``, the cells' direct,
main and suggested counts and the group cells ``mg:GroupCount``, for reports)."""
BROADER, CROSSWALK, SUGGESTED, MAIN = "broader", "crosswalk", "suggested", "main"
"""Kinds of edge between goals, as ``goal_edges.rq`` names them: inside a scheme, across schemes
(stated or accepted; ``main`` where it is the goal's main link), and across schemes suggested but
not reviewed. A main edge is a crosswalk edge with ``main`` set."""


def goal_graph(store: GraphStore) -> nx.DiGraph:
    """Goals as nodes (with a display name), broader and crosswalk edges between them."""
    import networkx as nx  # here, not at the top: ``query`` imports this module, and networkx takes 0.3 s

    graph = nx.DiGraph()
    for row in store.select_values(load_query("goal_names")):
        goal = str(row["goal"])
        label = str(row["svLabel"] or row["enLabel"] or goal)
        notation = row["notation"]
        if notation is not None and not label.startswith(str(notation)):
            label = f"{notation} {label}"
        graph.add_node(goal, label=label)
    for row in store.select_values(load_query("goal_edges")):
        source, target, kind = str(row["from"]), str(row["to"]), str(row["edge"])
        if source in graph and target in graph and source != target:
            known = graph.get_edge_data(source, target)
            if known is None or known["edge"] == SUGGESTED:  # a reviewed or inner edge beats a suggestion
                graph.add_edge(source, target, edge=CROSSWALK if kind == MAIN else kind, main=kind == MAIN)
            elif kind == MAIN:
                known["main"] = True
    return graph


def _follows(edge: dict[str, object], with_suggested: bool, main_only: bool) -> bool:
    if main_only:
        return edge["edge"] == BROADER or bool(edge.get("main"))
    return with_suggested or edge["edge"] != SUGGESTED


def reach(graph: nx.DiGraph, *, with_suggested: bool = False, main_only: bool = False) -> Iterator[tuple[str, str]]:
    """Every pair (from, to) with ``to`` reachable from ``from``, itself included; over suggested
    edges too when ``with_suggested``; with ``main_only`` over broader edges and main crosswalk
    links only."""
    successors = {node: [step for step in graph.successors(node)
                         if _follows(graph.edges[node, step], with_suggested, main_only)] for node in graph}
    for source in sorted(graph):
        seen = {source}
        queue = deque([source])
        while queue:
            goal = queue.popleft()
            yield source, goal
            for step in successors[goal]:
                if step not in seen:
                    seen.add(step)
                    queue.append(step)


def class_hierarchy(store: GraphStore) -> list[Triple]:
    """``mg:specialises`` from each class used or declared to itself and every class above it."""
    above: dict[str, set[str]] = {}
    for row in store.select_values(load_query("class_edges")):
        above.setdefault(str(row["class"]), set())
        if row["super"] is not None:
            above[str(row["class"])].add(str(row["super"]))
    triples: list[Triple] = []
    for start in sorted(above):
        seen, queue = {start}, deque([start])
        while queue:
            for step in above.get(queue.popleft(), ()):
                if step not in seen:
                    seen.add(step)
                    queue.append(step)
        triples += [(URIRef(start), MG.specialises, URIRef(super_)) for super_ in sorted(seen)]
    return triples


def materialise_closure(store: GraphStore) -> int:
    """Make ``graph/closure`` hold the reach closure, the goals' path names and the class hierarchy
    (``mg:specialises``); return the number of goal pairs."""
    store.replace_graph(CLOSURE_GRAPH, class_hierarchy(store))  # goal_graph's queries read it
    graph = goal_graph(store)
    iris = {goal: URIRef(goal) for goal in graph}
    triples: list[Triple] = [(iris[goal], MG.pathName, Literal(data["label"])) for goal, data in graph.nodes(data=True)]
    pairs = list(reach(graph))
    triples += [(iris[source], MG.reaches, iris[target]) for source, target in pairs]
    triples += [(iris[source], MG.mayReach, iris[target]) for source, target in reach(graph, with_suggested=True)]
    triples += [(iris[source], MG.mainReach, iris[target]) for source, target in reach(graph, main_only=True)]
    triples.append((CLOSURE_GRAPH, OWL.versionInfo, CLOSURE_VERSION))
    store.add_graph(CLOSURE_GRAPH, triples)
    store.replace_graph(ROLLUP_GRAPH, rollup_cells(store))
    return len(pairs)


CELL_COUNTS = {"rollup_cells": MG.insatser, "rollup_cells_direct": MG.insatserDirect,
               "rollup_cells_main": MG.insatserMain, "rollup_cells_suggested": MG.insatserSuggested}
"""The query of each count a goal's cell holds: in all, direct, through main links, with suggestions."""
GROUP_COUNTS = {"rollup_groups": MG.insatser, "rollup_groups_main": MG.insatserMain,
                "rollup_groups_suggested": MG.insatserSuggested, "rollup_sections": MG.insatser}
"""The queries of the group cells: any goal of a group (in all, main links, suggestions), and the
insatser per report section (groups ``section-1`` … ``section-7``)."""


def rollup_cells(store: GraphStore) -> list[Triple]:
    """One ``mg:GoalCount`` per goal, region and year that insatser serve, with how many (in all,
    direct, through main links, with suggestions) and the goal's schemes; one ``mg:GroupCount`` per
    group of goals a report counts (``rollup_groups.rq``), region and year. A year at a time, over
    the closure just written; a count that is 0 is left out, ``mg:insatser`` excepted."""
    schemes: dict[str, set[URIRef]] = {}  # a goal's rows recur, once per graph that holds it
    for row in store.select_values(load_query("goal_schemes")):
        schemes.setdefault(str(row["goalIri"]), set()).add(URIRef(str(row["schemeIri"])))
    triples: list[Triple] = []
    for found in store.select(load_query("insats_years")):  # as they are written, a malformed year too
        year = cast(Literal, found["year"])
        for kind, queries, counted in (("goal-count", CELL_COUNTS, MG.countedGoal),
                                       ("group-count", GROUP_COUNTS, MG.countedGroup)):
            cells: dict[tuple[str, str, str], dict[URIRef, int]] = {}
            for name, count in queries.items():
                for row in store.select_values(load_query(name), {"year": year}):
                    key = (str(row.get("goal") or row.get("group")), str(row["region"]), str(row["year"]))
                    cells.setdefault(key, {})[count] = int(row["n"])  # type: ignore[call-overload]
            for (what, region, cell_year), numbers in cells.items():
                triples += _cell(kind, counted, what, region, cell_year, numbers, schemes)
    return triples


def _cell(kind: str, counted: URIRef, what: str, region: str, year: str, numbers: dict[URIRef, int],
          schemes: dict[str, set[URIRef]]) -> list[Triple]:
    key = hashlib.sha1(f"{what} {region} {year}".encode()).hexdigest()[:16]
    cell = ID[f"{kind}/{key}"]
    triples: list[Triple] = [
        (cell, RDF.type, MG.GoalCount if kind == "goal-count" else MG.GroupCount),
        (cell, counted, URIRef(what) if kind == "goal-count" else Literal(what)),
        (cell, MG.countedRegion, URIRef(region)), (cell, MG.countedYear, Literal(year, datatype=XSD.gYear)),
        (cell, MG.insatser, Literal(numbers.get(MG.insatser, 0), datatype=XSD.integer)),
    ]
    triples += [(cell, count, Literal(n, datatype=XSD.integer)) for count, n in numbers.items()
                if count != MG.insatser and n]
    if kind == "goal-count":
        triples += [(cell, MG.countedScheme, scheme) for scheme in sorted(schemes.get(what, ()))]
    return triples


@dataclass(frozen=True)
class Step:
    """Where the shortest way from one goal to a target goes first, how far it is, and how."""

    next: str | None
    hops: int
    via: str
    """``direct`` (the target itself), ``suggested`` (the way takes a suggested link), ``crosswalk``
    (it has an edge across schemes) or ``hierarchy``."""


@dataclass(frozen=True)
class Ways:
    """The shortest ways from every goal that reaches ``target``; see ``ways_into``."""

    target: str
    steps: dict[str, Step]

    def path(self, source: str) -> list[str]:
        """The goals from ``source`` to the target, both included."""
        goals = [source]
        while (step := self.steps[goals[-1]].next) is not None:
            goals.append(step)
        return goals


def ways_into(target: str, edges: Iterable[tuple[str, str, str]]) -> Ways:
    """The shortest way to ``target`` from each goal that reaches it over ``edges`` (from, to, kind).

    ``edges`` must hold every edge between the goals on those ways (others are ignored). Hops come
    from a breadth-first search back from the target; the next goal is the successor one hop
    nearer with the smallest IRI. An edge that is both broader and crosswalk counts as broader.

    >>> ways = ways_into("c", [("a", "b", "broader"), ("b", "c", "crosswalk"), ("a", "c2", "broader")])
    >>> ways.path("a"), ways.steps["a"].hops, ways.steps["a"].via
    (['a', 'b', 'c'], 2, 'crosswalk')
    """
    kinds: dict[tuple[str, str], str] = {}
    predecessors: dict[str, list[str]] = {}
    for source, goal, kind in edges:
        if source == goal:
            continue
        if (source, goal) not in kinds:
            predecessors.setdefault(goal, []).append(source)
        if kinds.get((source, goal)) != BROADER:
            kinds[source, goal] = kind
    hops = {target: 0}
    order = [target]
    for goal in order:  # grows while it is walked: a breadth-first search
        for source in predecessors.get(goal, ()):
            if source not in hops:
                hops[source] = hops[goal] + 1
                order.append(source)
    nearer: dict[str, str] = {}
    for (source, goal) in kinds:
        if source in hops and hops.get(goal) == hops[source] - 1 and (source not in nearer or goal < nearer[source]):
            nearer[source] = goal
    steps = {target: Step(None, 0, "direct")}
    for source in order[1:]:
        step = nearer[source]
        kind, after = kinds[source, step], steps[step].via
        if SUGGESTED in (kind, after):
            via = SUGGESTED
        elif CROSSWALK in (kind, after):
            via = CROSSWALK
        else:
            via = "hierarchy"
        steps[source] = Step(step, hops[source], via)
    return Ways(target, steps)
