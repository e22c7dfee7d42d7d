"""The closure: one mg:reaches triple per pair, and shortest ways found on demand from the edges."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from malgraf.build import build
from malgraf.cli import main
from malgraf.closure import CLOSURE_GRAPH, materialise_closure, reach, ways_into
from malgraf.graph import build_store, quads_per_graph
from malgraf.namespaces import MG, OWL

MINI = Path(__file__).parent / "data" / "mini"
GOALS = [f"https://example.org/goal/{name}" for name in "abcdefgh"]

edge_lists = st.lists(
    st.tuples(st.sampled_from(GOALS), st.sampled_from(GOALS), st.sampled_from(["broader", "crosswalk"])),
    max_size=20,
)


def goal_graph_of(edges: list[tuple[str, str, str]]) -> nx.DiGraph:
    """As closure.goal_graph makes it: no loops, one kind per edge (broader wins, as in ways_into)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(GOALS)
    for source, target, kind in edges:
        if source != target and graph.get_edge_data(source, target, {}).get("edge") != "broader":
            graph.add_edge(source, target, edge=kind)
    return graph


@settings(max_examples=200, deadline=None)
@given(edge_lists)
def test_reach_is_every_pair_with_a_path(edges: list[tuple[str, str, str]]) -> None:
    graph = goal_graph_of(edges)
    expected = {(source, target) for source in graph for target in nx.descendants(graph, source) | {source}}
    found = list(reach(graph))
    assert len(found) == len(set(found)) and set(found) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GOALS), st.sampled_from(GOALS),
                          st.sampled_from(["broader", "crosswalk", "main", "suggested"])), max_size=20))
def test_main_reach_follows_broader_and_main_links_only(edges: list[tuple[str, str, str]]) -> None:
    graph = nx.DiGraph()
    graph.add_nodes_from(GOALS)
    for source, target, kind in edges:  # as closure.goal_graph stores them: a main link is a crosswalk edge
        if source != target and not graph.has_edge(source, target):
            graph.add_edge(source, target, edge="crosswalk" if kind == "main" else kind, main=kind == "main")
    followed = nx.DiGraph([(a, b) for a, b, data in graph.edges(data=True)
                           if data["edge"] == "broader" or data["main"]])
    followed.add_nodes_from(GOALS)
    expected = {(source, target) for source in followed for target in nx.descendants(followed, source) | {source}}
    assert set(reach(graph, main_only=True)) == expected
    assert set(reach(graph, main_only=True)) <= set(reach(graph)) <= set(reach(graph, with_suggested=True))


@settings(max_examples=200, deadline=None)
@given(edge_lists)
def test_ways_are_shortest_paths_over_the_edges_with_the_right_via(edges: list[tuple[str, str, str]]) -> None:
    graph = goal_graph_of(edges)
    for target in GOALS:
        ways = ways_into(target, edges)
        assert set(ways.steps) == set(nx.ancestors(graph, target)) | {target}
        for source, step in ways.steps.items():
            path = ways.path(source)
            assert path[0] == source and path[-1] == target
            assert step.hops == len(path) - 1 == nx.shortest_path_length(graph, source, target)
            kinds = [graph.edges[a, b]["edge"] for a, b in itertools.pairwise(path)]
            assert step.via == ("direct" if source == target else "crosswalk" if "crosswalk" in kinds else "hierarchy")


@settings(max_examples=200, deadline=None)
@given(edge_lists)
def test_the_way_is_the_same_from_any_set_of_edges_that_holds_it(edges: list[tuple[str, str, str]]) -> None:
    """supports finds ways from the edges between goals reaching the target, goals from those the insats reaches."""
    graph = goal_graph_of(edges)
    for source, target in reach(graph):
        near_target = [e for e in edges if e[0] in nx.ancestors(graph, target) | {target}]
        from_source = [e for e in edges if e[0] in nx.descendants(graph, source) | {source}]
        everything = ways_into(target, edges).path(source)
        assert ways_into(target, near_target).path(source) == everything
        assert ways_into(target, from_source).path(source) == everything


def test_ties_go_to_the_smallest_iri() -> None:
    a, b, c, d = GOALS[:4]
    ways = ways_into(d, [(a, c, "crosswalk"), (a, b, "broader"), (c, d, "broader"), (b, d, "broader")])
    assert ways.path(a) == [a, b, d] and ways.steps[a].via == "hierarchy"


def chain_turtle(path: Path, size: int) -> Path:
    lines = ["@prefix mg: <https://w3id.org/malgraf/ontology#> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."]
    for number in range(size):
        broader = f" ; skos:broader <https://example.org/goal/{number - 1}>" if number else ""
        lines.append(f'<https://example.org/goal/{number}> a mg:OtherGoal ; skos:prefLabel "Mål {number}"{broader} .')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_closure_holds_three_quads_per_pair_and_one_per_goal(tmp_path: Path) -> None:
    """Linear in the pairs: a chain of 60 goals adds 60·61/2 pairs (each as mg:reaches, mg:mayReach
    and, the chain being skos:broader, mg:mainReach) and 60 names, and no path literals."""
    base = build_store(materialise=materialise_closure)
    store = build_store(extra_turtle=[chain_turtle(tmp_path / "chain.ttl", 60)], materialise=materialise_closure)
    added = quads_per_graph(store)[str(CLOSURE_GRAPH)] - quads_per_graph(base)[str(CLOSURE_GRAPH)]
    assert added == 3 * (60 * 61 // 2) + 60
    assert longest_literal(store) == longest_literal(base)


def longest_literal(store: ox.Store) -> int:
    quads = store.quads_for_pattern(None, None, None, ox.NamedNode(CLOSURE_GRAPH))
    return max(len(quad.object.value) for quad in quads if isinstance(quad.object, ox.Literal))


@pytest.fixture(scope="module")
def without_closure(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini graph as an older malgraf built it: no mg:reaches."""
    built = tmp_path_factory.mktemp("old") / "built.nq"
    build(built, [MINI])
    old = built.with_name("old.nq")
    lines = built.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if f"<{CLOSURE_GRAPH}>" not in line and not line.startswith("#")]
    old.write_text("".join(kept), encoding="utf-8")  # without the first line's quad count, as other tools write
    return old


@pytest.fixture(scope="module")
def older_closure(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini graph as the malgraf before closure version 2 built it: reaches, but no version and no
    cells for goals outside the national strategy (gaps would call every SDG goal unserved)."""
    built = tmp_path_factory.mktemp("older") / "built.nq"
    build(built, [MINI])
    older = built.with_name("older.nq")
    lines = built.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("#") and str(OWL.versionInfo) not in line
            and str(MG.countedScheme) not in line]
    assert len(kept) < len(lines) - 1
    older.write_text("".join(kept), encoding="utf-8")
    return older


@pytest.mark.parametrize("graph", ["without_closure", "older_closure"])
@pytest.mark.parametrize("command", [["supports", "sdg:8"], ["goals", "accelerator"], ["gaps"]])
def test_a_graph_without_the_closure_is_an_error_not_an_empty_answer(graph: str, command: list[str],
                                                                      request: pytest.FixtureRequest) -> None:
    result = CliRunner().invoke(main, [*command, "--graph", str(request.getfixturevalue(graph))])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: the graph has no closure of this version")
    assert "malgraf build" in result.output
