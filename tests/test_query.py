"""Asking the graph: supports, goals, gaps and free SPARQL, on the mini fixture and the shipped data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from malgraf.cli import main
from malgraf.errors import LookupFailedError
from malgraf.graph import open_graph_store
from malgraf.lookup import goal_index, resolve_goal
from malgraf.namespaces import INSATS, MG, NS, REGION, RUS, SDG
from malgraf.query import SCHEMES, counts_per_class, gaps, goals_of, scheme_name, supports
from malgraf.store import GraphStore

MINI = Path(__file__).parent / "data" / "mini"



@pytest.fixture(scope="module")
def mini(mini_path: Path) -> Dataset:
    return open_graph_store(mini_path)


def supporters(rows: list[dict[str, object]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(str(row["insats"]).rsplit("/", 1)[-1], set()).add(str(row["via"]))
    return found


def test_direct_link(mini: Dataset) -> None:
    assert supporters(supports(mini, SDG["11"])) == {"2023-1-10-01": {"direct"}}


def test_through_the_hierarchy_with_path_and_lines(mini: Dataset) -> None:
    rows = supports(mini, SDG["8"])
    assert supporters(rows) == {"2023-3-09-01": {"hierarchy"}}
    (row,) = rows
    assert str(row["pathLabel"]).startswith("8.3 ") and " → 8 Anständiga" in str(row["pathLabel"])
    assert row["firstLine"] == 10200 and row["lastLine"] == 10201
    assert supports(mini, SDG["8"], direct=True) == []


def test_through_the_crosswalk(mini: Dataset) -> None:
    assert supporters(supports(mini, NS["priority-1.3"])) == {
        "2023-1-10-01": {"crosswalk"}, "2023-3-10-01": {"crosswalk"}}


def test_a_suggested_crosswalk_link_counts_only_when_asked_and_says_so(mini: Dataset) -> None:
    """rus:09-tillvaxtregion → sdg:9.2 is suggested (tests/data/mini/crosswalk.csv), not reviewed."""
    assert supporters(supports(mini, SDG["9"])) == {}
    rows = supports(mini, SDG["9"], with_suggested=True)
    assert supporters(rows) == {"2023-3-09-01": {"suggested"}}
    assert "9.2" in str(rows[0]["pathLabel"])


def test_area_counts_insatser_reported_under_it(mini: Dataset) -> None:
    found = supporters(supports(mini, NS["area-1"]))
    assert found == {"2023-1-10-01": {"direct", "crosswalk"}, "2023-3-10-01": {"crosswalk"}}


def test_filters(mini: Dataset) -> None:
    assert set(supporters(supports(mini, NS["priority-1.3"], section=3))) == {"2023-3-10-01"}
    assert supporters(supports(mini, NS["priority-1.3"], region=REGION["09"])) == {}
    assert set(supporters(supports(mini, NS["priority-1.3"], year=2023))) == {"2023-1-10-01", "2023-3-10-01"}
    assert supporters(supports(mini, NS["priority-1.3"], year=2022)) == {}


def test_goals_of_an_insats(mini: Dataset) -> None:
    rows = goals_of(mini, INSATS["2023-3-09-01"])
    reached = {str(r["goal"]).rsplit("/", 1)[-1]: str(r["via"]) for r in rows}
    assert reached["8.3"] == "direct" and reached["8"] == "hierarchy"
    assert "9.2" not in reached and reached["09-tillvaxtregion"] == "direct"
    assert reached["area-3"] == "direct"
    suggested = {str(r["goal"]).rsplit("/", 1)[-1]: str(r["via"])
                 for r in goals_of(mini, INSATS["2023-3-09-01"], with_suggested=True)}
    assert suggested["9.2"] == "suggested" and suggested["9"] == "suggested"
    assert {goal: via for goal, via in suggested.items() if goal not in ("9.2", "9")} == reached


def test_goals_come_nearest_first_then_in_natural_order(shipped: Dataset) -> None:
    rows = goals_of(shipped, INSATS["2023-1-10-6205cf"])  # Kraftkommission Blekinge: SDG 3, 7, 11 and 13
    assert [r["hops"] for r in rows] == sorted(r["hops"] for r in rows)
    direct_sdgs = [str(r["goal"]) for r in rows if r["hops"] == 0 and str(r["goal"]).startswith(str(SDG))]
    assert direct_sdgs == [str(SDG[n]) for n in ("3", "7", "11", "13")]


def test_gaps(mini: Dataset) -> None:
    national = {str(r["goal"]).rsplit("/", 1)[-1] for r in gaps(mini, URIRef(NS.strategy))}
    assert "priority-2.1" in national and "area-2" in national
    assert not {"priority-1.3", "area-1", "area-3", "goal"} & national
    blekinge = {str(r["goal"]).rsplit("/", 1)[-1] for r in gaps(mini, URIRef(NS.strategy), region=REGION["10"])}
    assert "area-1" not in blekinge
    sdg = {str(r["goal"]).rsplit("/", 1)[-1] for r in gaps(mini, URIRef("http://metadata.un.org/sdg"))}
    assert "3" in sdg and "8" not in sdg and "8.3" not in sdg and "8.1" in sdg
    assert not any(name.startswith("C") for name in sdg)  # indicators are not goals
    assert {"9", "9.2"} <= sdg  # only a suggested link reaches them
    with_suggested = {str(r["goal"]).rsplit("/", 1)[-1]
                      for r in gaps(mini, URIRef("http://metadata.un.org/sdg"), with_suggested=True)}
    assert with_suggested == sdg - {"9", "9.2"}
    blekinge = {str(r["goal"]) for r in gaps(mini, URIRef("http://metadata.un.org/sdg"), region=REGION["10"],
                                                with_suggested=True)}
    assert str(SDG["9.2"]) in blekinge  # the suggestion is Gotland's


HOSTILE = ['x" } UNION { ?s ?p ?o } #', "}\n DELETE WHERE { ?s ?p ?o } #", "'; <script>", "{ ?goal }"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_goal_text_is_only_matched_never_run(mini: Dataset, text: str) -> None:
    with pytest.raises(LookupFailedError):
        resolve_goal(mini, text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_bound_values_are_inert(mini: Dataset, text: str) -> None:
    before = mini.count()
    assert supports(mini, URIRef("http://example.org/" + quote(text))) == []
    assert supports(mini, SDG["11"], region=URIRef("http://example.org/" + quote(text))) == []
    honest = {str(r["class"]): r["count"] for r in counts_per_class(mini, "sv")}
    hostile = {str(r["class"]): r["count"] for r in counts_per_class(mini, text)}
    assert hostile == honest
    assert mini.count() == before


def test_cli_supports_table_json_csv_md(mini_path: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(main, ["supports", "sdg:8", "--graph", str(mini_path)])
    assert table.exit_code == 0, table.output
    assert table.output.startswith("1 insats stödjer Anständiga arbetsvillkor och ekonomisk tillväxt")
    assert "Internationell accelerator" in table.output and "via hierarkin" in table.output
    data = json.loads(runner.invoke(main, ["supports", "8", "--graph", str(mini_path), "--format", "json"]).output)
    assert data[0]["insats"] == str(INSATS["2023-3-09-01"]) and data[0]["goal"] == str(SDG["8"])
    assert data[0]["name"] == "Internationell accelerator"
    csv_out = runner.invoke(main, ["supports", "hälsa och välbefinnande", "--graph", str(mini_path),
                                   "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("goal,insats,name,region")
    md = runner.invoke(main, ["supports", "sdg:11", "--graph", str(mini_path), "--format", "md"]).output
    assert "| Blekinge | Regionalt serviceprogram |" in md


def test_cli_ambiguous_and_unknown_goal_exit_2(mini_path: Path) -> None:
    runner = CliRunner()
    ambiguous = runner.invoke(main, ["supports", "kompetensförsörjning", "--graph", str(mini_path)])
    assert ambiguous.exit_code == 2
    assert re.search(r"matchar \d+ mål \(national 3, rus \d+ i \d+ regioner\)", ambiguous.output)
    assert "priority-2.1" in ambiguous.output
    english = runner.invoke(main, ["supports", "kompetensförsörjning", "--graph", str(mini_path), "--lang", "en"])
    assert english.exit_code == 2 and re.search(r"matches \d+ goals \(national 3, rus \d+ in \d+ regions\); "
                                                r"be more specific", english.output)
    unknown = runner.invoke(main, ["supports", "jämstäldhet", "--graph", str(mini_path)])
    assert unknown.exit_code == 2 and "Jämställdhet" in unknown.output


def test_many_candidates_say_how_many_are_shown(shipped_graph_path: Path) -> None:
    result = CliRunner().invoke(main, ["supports", "kompetensförsörjning", "--graph", str(shipped_graph_path),
                                       "--lang", "en"])
    head, *candidates = result.output.rstrip("\n").split("\n")
    total = int(head.split(" matches ")[1].split()[0])
    assert result.exit_code == 2 and total > 10
    assert head.endswith("(the first 10):") and len(candidates) == 10


def test_cli_goals_and_gaps(mini_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["goals", "accelerator", "--graph", str(mini_path)])
    assert result.exit_code == 0, result.output
    assert "Internationell accelerator" in result.output and "via korsreferens" not in result.output
    result = runner.invoke(main, ["goals", "accelerator", "--with-suggested", "--graph", str(mini_path)])
    assert result.exit_code == 0, result.output
    assert "ej granskade" in result.output.split("\n")[0] and "via föreslagen korsreferens" in result.output
    result = runner.invoke(main, ["supports", "sdg:9.2", "--with-suggested", "--graph", str(mini_path)])
    assert result.exit_code == 0 and "Internationell accelerator" in result.output, result.output
    result = runner.invoke(main, ["gaps", "--scheme", "national", "--graph", str(mini_path), "--format", "csv"])
    assert result.exit_code == 0 and "priority-2.1" in result.output and "priority-1.3" not in result.output


def test_cli_sparql_select_ask_construct_and_errors(mini_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    select = "PREFIX mg: <https://w3id.org/malgraf/ontology#>\nSELECT (COUNT(?i) AS ?n) WHERE { ?i a mg:Insats }"
    assert "4" in runner.invoke(main, ["sparql", "-", "--graph", str(mini_path)], input=select).output
    ask = "ASK { ?s ?p ?o }"
    assert runner.invoke(main, ["sparql", "-", "--graph", str(mini_path)], input=ask).output.strip() == "true"
    construct = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 1"
    assert " a " in runner.invoke(main, ["sparql", "-", "--graph", str(mini_path)], input=construct).output
    bad = tmp_path / "bad.rq"
    bad.write_text("SELEC nothing", encoding="utf-8")
    result = runner.invoke(main, ["sparql", str(bad), "--graph", str(mini_path)])
    assert result.exit_code == 1 and result.output.startswith(f"Error: {bad}: ")


def test_shipped_data_supports(shipped: Dataset) -> None:
    rows = supports(shipped, SDG["8"])
    assert len({r["insats"] for r in rows}) >= 15
    assert {"direct", "crosswalk"} <= {str(r["via"]) for r in rows} <= {"direct", "hierarchy", "crosswalk"}
    direct = supports(shipped, SDG["8"], direct=True)
    assert {str(r["via"]) for r in direct} == {"direct"} and len({r["insats"] for r in direct}) >= 15
    area = supports(shipped, NS["area-3"])
    assert len({r["insats"] for r in area}) >= 90


def test_the_shipped_crosswalk_makes_smart_specialisation_served_with_the_path(shipped: Dataset) -> None:
    rows = supports(shipped, NS["priority-3.4"])
    assert len({r["insats"] for r in rows}) >= 50 and {str(r["via"]) for r in rows} == {"crosswalk"}
    assert all(str(r["direct"]).startswith(str(RUS)) and " → 3.4 " in str(r["pathLabel"]) for r in rows)
    national = {str(r["goal"]) for r in gaps(shipped, URIRef(NS.strategy))}
    assert not {str(NS[f"priority-{n}"]) for n in ("1.1", "1.3", "2.1", "3.1", "3.2", "3.4", "4.2")} & national


def test_one_goal_index_agrees_with_the_whole_index(mini: Dataset) -> None:
    whole = goal_index(mini)
    assert len(whole.display) > 200 and {"sdg", "national", "eruf", "programmes", "rus"} <= set(whole.scheme.values())
    for goal in whole.display:
        one = goal_index(mini, goal=goal)
        assert (one.display, one.scheme.get(goal), one.region.get(goal), one.region_name.get(goal)) == (
            {goal: whole.display[goal]}, whole.scheme.get(goal), whole.region.get(goal), whole.region_name.get(goal))
        assert resolve_goal(mini, str(goal)) == goal


def goals_of_scheme(dataset: Dataset, scheme: URIRef) -> set[URIRef]:
    """Concepts of ``scheme`` typed with a kind of goal (not mg:Goal itself), found without SPARQL."""
    def is_goal(kind: object) -> bool:
        return kind != MG.Goal and MG.Goal in set(dataset.transitive_objects(kind, RDFS.subClassOf))
    return {goal for goal in dataset.subjects(SKOS.inScheme, scheme)
            if isinstance(goal, URIRef) and any(is_goal(kind) for kind in dataset.objects(goal, RDF.type))}


@pytest.mark.parametrize(("options", "region", "year"), [
    ([], None, None),
    (["--region", "Gotland"], REGION["09"], None),
    (["--region", "10", "--year", "2023"], REGION["10"], 2023),
])
def test_shipped_gaps_are_the_goals_no_supports_row_reaches(shipped_graph_path: Path, shipped: GraphStore,
                                                             shipped_rdflib: Dataset, options: list[str],
                                                             region: URIRef | None, year: int | None) -> None:
    schemes = ["sdg", "national", "eruf", "programmes"]
    arguments = ["gaps", "--graph", str(shipped_graph_path), "--format", "json", *options]
    result = CliRunner().invoke(main, arguments + [part for name in schemes for part in ("--scheme", name)])
    assert result.exit_code == 0, result.output
    found = {(row["schemeName"], row["goal"]) for row in json.loads(result.output)}
    expected = {(name, str(goal)) for name in schemes for goal in goals_of_scheme(shipped_rdflib, SCHEMES[name])
                if not supports(shipped, goal, region=region, year=year)}
    assert found == expected
    assert len(expected) > 100 and any(name == "national" for name, _ in expected)


CELLS = """PREFIX mg: <https://w3id.org/malgraf/ontology#>
SELECT ?goal (SUM(?n) AS ?insatser) WHERE { ?cell mg:countedGoal ?goal ; mg:insatser ?n }
GROUP BY ?goal"""


def test_the_cells_of_every_scheme_count_each_insats_once_per_goal_as_supports_finds_them(shipped: GraphStore) -> None:
    counted = {str(row["goal"]): row["insatser"] for row in shipped.select_values(CELLS)}
    for name in ("sdg", "eruf", "rus", "national"):
        goals = sorted(goal for goal in counted
                       if name in {scheme_name(scheme) for scheme in shipped.objects(URIRef(goal), SKOS.inScheme)})
        assert len(goals) >= 5, name
        for goal in goals[:40]:
            assert counted[goal] == len({row["insats"] for row in supports(shipped, URIRef(goal))}), goal


def test_the_national_rollup_counts_each_insats_once_per_goal_as_supports_finds_them(shipped: GraphStore) -> None:
    from malgraf.query import national_rollup

    counted = {str(row["goal"]): row["insatser"] for row in national_rollup(shipped)}
    assert len(counted) >= 12 + 4 and counted[str(NS["area-1"])] > 0
    assert counted == {goal: len({row["insats"] for row in supports(shipped, URIRef(goal))}) for goal in counted}
    blekinge = {str(row["goal"]): row["insatser"] for row in national_rollup(shipped, region=REGION["10"], year=2023)}
    assert blekinge.keys() == counted.keys() and 0 < sum(blekinge.values()) < sum(counted.values())
    assert blekinge == {goal: len({row["insats"] for row in supports(shipped, URIRef(goal), region=REGION["10"])})
                        for goal in counted}


def test_each_regions_rus_gaps_are_its_goals_no_supports_row_reaches(shipped: GraphStore) -> None:
    from malgraf.answers import gaps_in, regional_schemes
    from malgraf.query import select_values

    gaps_found = 0
    for scheme in regional_schemes(shipped):
        region = shipped.value(scheme, MG.region)
        assert isinstance(region, URIRef)
        goals = {row["goal"] for row in select_values(shipped, "scheme_goals", {"scheme": scheme})}
        found = {row["goal"] for row in gaps_in(shipped, ["rus"], region=region)}
        assert found == {goal for goal in goals if not supports(shipped, URIRef(str(goal)), region=region)}, scheme
        gaps_found += len(found)
    assert gaps_found > 0
