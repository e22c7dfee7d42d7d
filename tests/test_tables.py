"""The tidy CSV files become RDF; malformed rows are named by file, row and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from malgraf.cli import main
from malgraf.errors import InputError
from malgraf.importers.tables import load_year
from malgraf.namespaces import INSATS, MG, NS, REGION, RUS, SDG

MINI = Path(__file__).parent / "data" / "mini"


def test_mini_fixture_becomes_insatser_goals_links_and_crosswalk() -> None:
    graph = load_year(MINI)
    insatser = set(graph.subjects(RDF.type, MG.Insats))
    assert len(insatser) == 4
    first = INSATS["2023-1-10-01"]
    assert (first, MG.region, REGION["10"]) in graph
    assert (first, MG.reportedUnder, NS["area-1"]) in graph
    assert set(graph.objects(first, MG.contributesTo)) == {RUS["10-attraktivitet"], SDG["11"]}
    links = list(graph.objects(first, MG.goalLink))
    assert len(links) == 2
    link = next(lk for lk in links if (lk, MG.goal, SDG["11"]) in graph)
    assert graph.value(link, MG.sourceFirstLine) == Literal(118)
    assert graph.value(link, MG.linkMethod) == MG.Stated
    assert (RUS["10-attraktivitet"], RDF.type, MG.RusGoal) in graph
    assert (RUS["10-attraktivitet"], SKOS.inScheme, RUS["10"]) in graph
    assert (RUS["10-attraktivitet"], MG.contributesTo, NS["priority-1.3"]) in graph
    inferred = next(lk for lk in graph.objects(INSATS["2023-3-09-01"], MG.goalLink)
                    if (lk, MG.goal, RUS["09-tillvaxtregion"]) in graph)
    assert graph.value(inferred, MG.linkMethod) == MG.Inferred


def test_reporting_theme_for_sections_5_to_7() -> None:
    graph = load_year(MINI)
    assert graph.value(INSATS["2023-7-09-01"], MG.reportedUnder) == URIRef(
        "https://w3id.org/malgraf/id/theme/miljo-och-klimat")


@pytest.mark.parametrize(
    ("file", "find", "replace", "message"),
    [
        ("insatser.csv", ",Blekinge,10,Regionalt", ",Blekinge,99,Regionalt",
         "insatser.csv:2: lanskod: unknown region '99'"),
        ("insatser.csv", ",22,130", ",tjugotvå,130",
         "insatser.csv:2: source_first_line: 'tjugotvå' is not a whole number"),
        ("insatser.csv", "2023-3-10-01,2023,3", "2023-1-10-01,2023,3", "insatser.csv:3: id: duplicate id"),
        ("insatser.csv", "2023-3-09-01,2023,3", "2023-3-09-01,2023,9", "insatser.csv:4: section: section 9 is not 1–7"),
        ("goal_links.csv", "sdg:11", "sdg 11", "goal_links.csv:3: goal: 'sdg 11' is not a goal CURIE"),
        ("goal_links.csv", "2023-3-10-01,eruf", "2023-3-10-99,eruf",
         "goal_links.csv:4: insats_id: no insats with id '2023-3-10-99'"),
        ("goal_links.csv", ",agenda2030,Delmål", ",sdgs,Delmål", "goal_links.csv:6: kind: 'sdgs' is not one of"),
        ("crosswalk.csv", "ns:priority-1.3", "", "crosswalk.csv:2: contributes_to: is empty"),
        ("insatser.csv", "id,year,", "ident,year,", "insatser.csv:1: missing column(s) id"),
    ],
)
def test_malformed_rows_are_named(tmp_path: Path, file: str, find: str, replace: str, message: str) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    text = (data / file).read_text(encoding="utf-8")
    assert find in text
    (data / file).write_text(text.replace(find, replace, 1), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_year(data)
    assert message in str(error.value)
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output
    assert not out.exists()


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    text = (data / "insatser.csv").read_text(encoding="utf-8")
    (data / "insatser.csv").write_bytes(text.encode("latin-1"))
    with pytest.raises(InputError, match=r"insatser\.csv: not UTF-8"):
        load_year(data)


def test_a_rus_goal_belongs_to_the_region_its_iri_names(tmp_path: Path) -> None:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    header, rest = (data / "goal_links.csv").read_text(encoding="utf-8").split("\n", 1)
    cited = "2023-3-09-01,rus,Stärkt attraktivitet,rus:10-attraktivitet,mål,marker,10207,10207"
    (data / "goal_links.csv").write_text(f"{header}\n{cited}\n{rest}", encoding="utf-8")
    graph = load_year(data)
    assert set(graph.objects(RUS["10-attraktivitet"], MG.region)) == {REGION["10"]}
    result = CliRunner().invoke(main, ["validate", str(data), "--format", "csv"])
    assert result.exit_code == 1
    assert "insats-goal-other-region" in result.output and "2023-3-09-01" in result.output


def test_section_8_records_become_allocation_and_answer_nodes() -> None:
    from decimal import Decimal

    from malgraf.namespaces import ID
    from malgraf.resources import DATA_DIRECTORY

    graph = load_year(DATA_DIRECTORY / "2023")
    allocations = set(graph.subjects(RDF.type, MG.Allocation))
    assert allocations and all(str(node).startswith(str(ID["allocation/2023-"])) for node in allocations)
    blekinge = {(str(graph.value(a, MG.allocationItem)), graph.value(a, MG.amountSek).toPython())
                for a in allocations if (a, MG.region, REGION["10"]) in graph}
    assert ("projekt", Decimal(29_700_000)) in blekinge
    answers = [a for a in graph.subjects(RDF.type, MG.ReportAnswer) if (a, MG.region, REGION["10"]) in graph]
    assert len(answers) == 6 and all(graph.value(a, MG.sourceFirstLine) is not None for a in answers)
