"""Every query malgraf ships answers the same on the embedded store and on Virtuoso, row for row.

The shipped graph is pushed to a throwaway Virtuoso; each ``.rq`` file then runs on both stores
through ``GraphStore`` with the same bound values, and the answers are compared as sorted rows of
plain values (a count is a number whatever integer type the engine gives it). The commands read both
stores the same way, so their output is compared too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD

from malgraf.cli import main
from malgraf.namespaces import INSATS, MG, NS, REGION, RUS, SDG
from malgraf.resources import QUERY_DIRECTORY, load_query
from malgraf.store import EmbeddedStore, RemoteStore
from malgraf.store import remote as remote_module
from malgraf.store.bind import Bindings
from malgraf.store.endpoint import Login, SparqlEndpoint
from malgraf.store.push import push
from virtuoso import Virtuoso

INSATS_WITH_GOALS = INSATS["2023-2-23-869948"]
"""An insats of the shipped data with six goals and a statement that names none."""
BINDINGS: dict[str, Bindings | None] = {
    "all_triples": None, "any_insats": None, "catalog_graphs": None, "class_edges": None,
    "class_counts": {"lang": Literal("sv")},
    "focus_places": [{"focus": INSATS_WITH_GOALS}, {"focus": REGION["10"]}, {"focus": RUS["10-1"]}],
    "focus_unresolved": {"focus": INSATS_WITH_GOALS},
    "served_goals": {"scheme": URIRef("http://metadata.un.org/sdg"), "region": REGION["10"],
                     "year": Literal("2023", datatype=XSD.gYear)},
    "scheme_goals": {"scheme": URIRef("http://metadata.un.org/sdg")},
    "goal_edges": None, "goal_labels": None, "goal_level_links": {"scheme": URIRef("http://metadata.un.org/sdg"),
                                                                   "lang": Literal("en")},
    "goal_names": None, "goal_schemes": None, "goals_per_region": None,
    "has_triple": {"p": MG.reaches}, "insats_goals": {"insats": INSATS_WITH_GOALS}, "insats_labels": None,
    "insats_paths": {"insats": INSATS_WITH_GOALS}, "insatser_per_region": None,
    "objects": {"s": SDG["8"], "p": SKOS.prefLabel}, "quads_per_graph": None, "reach_edges": {"goal": SDG["8"]},
    "insats_years": None, "region_labels": None, "rollup_cells": {"year": Literal("2023", datatype=XSD.gYear)},
    "rollup_national": {"region": REGION["10"]},
    "report_allocations": {"region": REGION["10"]},
    "report_cells": [{"scheme": URIRef("https://w3id.org/malgraf/id/ns/strategy"), "region": REGION["10"]},
                     {"scheme": URIRef("http://metadata.un.org/sdg"), "region": REGION["10"]}],
    "report_goals": [{"scheme": URIRef("https://w3id.org/malgraf/id/ns/strategy")}, {"scheme": RUS["10"]}],
    "report_groups": {"year": Literal("2023", datatype=XSD.gYear)},
    "report_insatser": {"region": REGION["10"], "year": Literal("2023", datatype=XSD.gYear)},
    "report_insats_goals": {"region": REGION["10"]},
    "report_reach_pairs": [{"scheme": URIRef("https://w3id.org/malgraf/id/ns/strategy")}, {"scheme": RUS["10"]}],
    "report_parents": [{"scheme": URIRef("http://metadata.un.org/sdg")}],
    "report_regions": None,
    **{name: {"year": Literal("2023", datatype=XSD.gYear)} for name in (
        "rollup_cells_direct", "rollup_cells_main", "rollup_cells_suggested", "rollup_groups", "rollup_groups_main",
        "rollup_groups_suggested", "rollup_sections")},
    "scheme_counts": {"lang": Literal("en")},
    "scope_region": {"region": REGION["09"]},
    "scope_year": {"yearText": Literal("2023")}, "subjects": {"p": SKOS.broader, "o": SDG["8"]},
    "supports": {"goal": SDG["8"]}, "unresolved_links": {"insats": INSATS_WITH_GOALS},
    "view_broader": None, "view_goals": {"lang": Literal("sv")}, "view_insatser": {"lang": Literal("sv")},
    "view_links": None,
    "crosswalk_sources": {"region": REGION["10"]}, "crosswalk_targets": None, "crosswalk_decided": None,
    "crosswalk_insatser": None,
    "supports_suggested": {"goal": NS["priority-3.4"]}, "reach_edges_suggested": {"goal": NS["priority-3.4"]},
    "insats_goals_suggested": {"insats": INSATS_WITH_GOALS}, "insats_paths_suggested": {"insats": INSATS_WITH_GOALS},
    "view_links_suggested": None, "view_link_details": None,
    "served_suggested": {"scheme": URIRef("http://metadata.un.org/sdg"), "region": REGION["10"]},
    **{path.stem: None for path in QUERY_DIRECTORY.glob("validate_*.rq")},
}
"""Each shipped query with the values a caller binds (None: it takes none)."""
ONLY_EMBEDDED = {"catalog_graphs"}
"""Queries of the server's catalogue, which the embedded store has no need of."""
QUERIES = sorted(path.stem for path in QUERY_DIRECTORY.glob("*.rq"))


@pytest.fixture(scope="module")
def stores(virtuoso: Virtuoso, shipped_graph_path: Path, shipped: EmbeddedStore) -> Iterator[tuple[EmbeddedStore,
                                                                                                    RemoteStore]]:
    login = Login(virtuoso.user, virtuoso.password)
    push(SparqlEndpoint(virtuoso.sparql, virtuoso.graph_store, login,
                        update_url=virtuoso.sparql.replace("/sparql", "/sparql-auth")), shipped_graph_path)
    yield shipped, RemoteStore(SparqlEndpoint(virtuoso.sparql))


def test_every_query_has_its_bindings_here() -> None:
    assert set(QUERIES) == set(BINDINGS)


CONCATENATED = {"classes": " ", "wordings": "\x1f"}
"""Variables that are a GROUP_CONCAT, whose parts come in no set order, and their separators."""


def comparable(rows: list[dict[str, object]]) -> list[tuple[tuple[str, str], ...]]:
    """Rows as sorted tuples of (variable, value as text), numbers as numbers, in a set order."""
    def text(name: str, value: object) -> str:
        if name in CONCATENATED and isinstance(value, str):
            return CONCATENATED[name].join(sorted(value.split(CONCATENATED[name])))
        if isinstance(value, float):
            return repr(round(value, 9))
        return repr(value) if not isinstance(value, str) else value
    return sorted(tuple(sorted((name, text(name, value)) for name, value in row.items() if value is not None))
                  for row in rows)


@pytest.mark.parametrize("name", [name for name in QUERIES if name not in ONLY_EMBEDDED])
def test_a_query_answers_the_same_on_both_engines(stores: tuple[EmbeddedStore, RemoteStore], name: str) -> None:
    embedded, remote = stores
    query, bindings = load_query(name), BINDINGS[name]
    form = next(word for word in ("SELECT", "ASK", "CONSTRUCT") if word in query.upper())
    if form == "ASK":
        assert embedded.ask(query, bindings) == remote.ask(query, bindings)
    elif form == "CONSTRUCT":
        assert len(embedded.construct(query, bindings)) == len(remote.construct(query, bindings)) > 40_000
    else:
        here, there = embedded.select_values(query, bindings), remote.select_values(query, bindings)
        assert here or name.startswith("validate_"), f"{name} found nothing to compare"
        assert comparable(here) == comparable(there)


def test_the_catalogue_lists_every_graph_pushed(stores: tuple[EmbeddedStore, RemoteStore]) -> None:
    embedded, remote = stores
    assert {str(graph) for graph in remote.graphs()} == set(embedded.quads_per_graph())
    assert remote.quads_per_graph() == embedded.quads_per_graph()


@pytest.mark.parametrize("arguments", [
    ["supports", "sdg:8", "--format", "json"],
    ["supports", "Ökad tillgång till gymnasial", "--region", "10", "--format", "json"],
    ["goals", "2023-2-23-869948", "--format", "json"],
    ["gaps", "--region", "Gotland", "--format", "json"],
    ["info", "--format", "json"],
    ["validate", "--format", "json"],
    ["sparql", "-", "--format", "json"],
])
def test_a_command_gives_the_same_output_from_the_server(stores: tuple[EmbeddedStore, RemoteStore],
                                                         virtuoso: Virtuoso, shipped_graph_path: Path,
                                                         arguments: list[str]) -> None:
    query = ("SELECT ?region (COUNT(?i) AS ?n) WHERE { ?i a mg:Insats ; mg:region ?region } GROUP BY ?region "
             "ORDER BY ?region")
    runner = CliRunner()
    here = runner.invoke(main, [*arguments, "--graph", str(shipped_graph_path)], input=query)
    there = runner.invoke(main, arguments, input=query, env={"MALGRAF_ENDPOINT": virtuoso.sparql})
    assert here.exit_code == there.exit_code and here.exit_code in (0, 1), (here.output, there.output)
    assert here.stdout and json.loads(here.stdout) == json.loads(there.stdout)


def test_graph_and_endpoint_together_is_a_usage_error(shipped_graph_path: Path) -> None:
    result = CliRunner().invoke(main, ["info", "--graph", str(shipped_graph_path), "--endpoint",
                                       "http://127.0.0.1:9/sparql"])
    assert result.exit_code == 2 and "give --graph or --endpoint, not both" in result.output


def test_an_unreachable_server_is_one_line_naming_it() -> None:
    result = CliRunner().invoke(main, ["supports", "sdg:8", "--endpoint", "http://127.0.0.1:9/sparql"])
    assert result.exit_code == 1 and result.stderr == ("Error: http://127.0.0.1:9/sparql: cannot reach the server "
                                                       "(Connection refused)\n")


def test_a_server_with_no_malgraf_graph_says_so(stores: tuple[EmbeddedStore, RemoteStore], virtuoso: Virtuoso,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(remote_module, "CATALOG_GRAPH", URIRef("https://example.org/no-catalogue"))
    result = CliRunner().invoke(main, ["info", "--endpoint", virtuoso.sparql])
    assert result.exit_code == 1 and result.stderr == (
        f"Error: {virtuoso.sparql}: holds no malgraf graph (no https://example.org/no-catalogue); put one there "
        "with `malgraf push --endpoint URL`\n")


@pytest.mark.parametrize("url", ["ftp://example.org/sparql", "http://exa mple.org/sparql", "http://[::1", ""])
def test_a_read_command_refuses_an_endpoint_no_request_can_go_to(url: str) -> None:
    result = CliRunner().invoke(main, ["gaps", "--endpoint", url], env={"MALGRAF_ENDPOINT": None})
    assert "Traceback" not in result.output
    if url:
        assert result.exit_code == 1 and result.stderr.endswith(": not an http(s) URL of a SPARQL endpoint\n")
    else:
        assert result.exit_code == 2 and "an empty URL" in result.stderr
