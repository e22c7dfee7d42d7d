"""The crosswalk: suggestions ranked with why, the review sheet, accept, and what the graph then says."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from rdflib import Literal, URIRef

from malgraf.build import build
from malgraf.cli import main
from malgraf.crosswalk.decisions import read_decisions
from malgraf.crosswalk.methods import shared_words, stems
from malgraf.crosswalk.sheet import REVIEW_COLUMNS, read_review_sheet, write_review_sheet
from malgraf.crosswalk.suggest import suggest
from malgraf.graph import open_graph_store
from malgraf.namespaces import MG, NS, PROV, RDFS, REGION, RUS, XSD
from malgraf.query import gaps, supports
from malgraf.store import GraphStore

TEST_DATA = Path(__file__).parent / "data"
MINI = TEST_DATA / "mini"
GOAL = "rus:10-attraktivitet"


@pytest.fixture(scope="module")
def mini_store(mini_path: Path) -> GraphStore:
    return open_graph_store(mini_path)


def test_stems_and_shared_words_explain_a_match() -> None:
    assert stems("företagens innovationer") == stems("företag innovation")
    assert shared_words("Fler företag med innovationer", "Små och medelstora företags innovation och tillväxt") == [
        "företags", "innovation"]


@pytest.mark.parametrize("method", ["tfidf", "e5"])
def test_every_regional_goal_gets_ranked_candidates_of_every_scheme_with_why(mini_store: GraphStore,
                                                                             method: str) -> None:
    found = suggest(mini_store, region=REGION["10"], sources="goals", method_name=method, again=True)
    goals = {s.source.iri for s in found}
    assert goals and all(str(goal).startswith(str(RUS) + "10-") for goal in goals)
    for goal in goals:
        mine = [s for s in found if s.source.iri == goal]
        for scheme in ("national", "sdg-goal", "sdg-target", "eruf"):
            ranked = [s for s in mine if s.scheme == scheme]
            assert [s.rank for s in ranked] == [1, 2, 3]
            assert [s.score for s in ranked] == sorted((s.score for s in ranked), reverse=True)
            assert all(s.why for s in ranked)
    skills = [s for s in found if "kompetensförsörjning" in s.source.text.casefold() and s.scheme == "national"]
    assert skills  # Blekinge's "Stärka arbetsgivarnas arbete med kompetensförsörjning …"
    assert skills[0].target.notation.startswith("2.") and "kompetensförsörjning" in skills[0].why


def test_a_decided_pair_is_never_suggested_and_a_reviewed_scheme_only_again(mini_store: GraphStore) -> None:
    """rus:10-attraktivitet → ns:priority-1.3 is accepted in the mini data's own crosswalk."""
    found = suggest(mini_store, region=REGION["10"], sources="goals")
    assert not [s for s in found if s.source.iri == RUS["10-attraktivitet"] and s.scheme == "national"]
    again = suggest(mini_store, region=REGION["10"], sources="goals", again=True)
    national = [s for s in again if s.source.iri == RUS["10-attraktivitet"] and s.scheme == "national"]
    assert len(national) == 3 and NS["priority-1.3"] not in {s.target.iri for s in national}


def test_insatser_that_state_no_goal_get_suggestions_of_their_regions_goals_too(mini_store: GraphStore) -> None:
    found = suggest(mini_store, sources="insatser")
    sources = {str(s.source.iri).rsplit("/", 1)[-1] for s in found}
    assert sources == {"2023-7-09-01"}  # Energiön Gotland states no goal
    rus = [s for s in found if s.scheme == "rus"]
    assert rus and all(str(s.target.iri).startswith(str(RUS) + "09-") for s in rus)
    assert {s.scheme for s in found} == {"national", "sdg-goal", "sdg-target", "eruf", "rus"}


def decide(sheet: Path, decisions: dict[tuple[str, str], tuple[str, str]], out: Path) -> Path:
    """A copy of a CSV review sheet with ``decisions`` ((source, target) → (decision, role)) filled in."""
    with sheet.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        if (row["source"], row["target"]) in decisions:
            row["decision"], row["role"] = decisions[row["source"], row["target"]]
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return out


@pytest.fixture(scope="module")
def reviewed(mini_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict[str, str]]]:
    """A review sheet of Blekinge's goals, one goal's three national candidates decided, accepted."""
    folder = tmp_path_factory.mktemp("review")
    sheet = folder / "review.csv"
    result = CliRunner().invoke(main, ["crosswalk", "suggest", "--region", "10", "--sources", "goals", "--again",
                                       "--graph", str(mini_path), "--out", str(sheet)])
    assert result.exit_code == 0, result.output
    with sheet.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    national = [r for r in rows if r["source"] == GOAL and r["scheme"] == "national"]
    decisions = {(national[0]["source"], national[0]["target"]): ("accept", "main"),
                 (national[1]["source"], national[1]["target"]): ("accept", "contributing"),
                 (national[2]["source"], national[2]["target"]): ("reject", "")}
    decided = decide(sheet, decisions, folder / "decided.csv")
    into = folder / "decisions.csv"
    result = CliRunner().invoke(main, ["crosswalk", "accept", str(decided), "--by", "Anna Andersson",
                                       "--into", str(into), "--graph", str(mini_path)])
    assert result.exit_code == 0, result.output
    assert "Recorded 2 accepted and 1 rejected" in result.output
    return decided, into, national


def test_the_review_sheet_names_source_region_candidate_rank_score_why_and_a_decision(
        reviewed: tuple[Path, Path, list[dict[str, str]]]) -> None:
    _, _, national = reviewed
    first = national[0]
    assert first["region"] == "Blekinge" and first["rank"] == "1" and float(first["score"]) > 0
    assert first["why"] and first["target"].startswith("ns:") and first["decision"] == ""  # for the officer
    assert first["role"] == "main" and national[1]["role"] == "contributing"  # proposed, editable


def test_accepting_twice_changes_nothing(reviewed: tuple[Path, Path, list[dict[str, str]]], mini_path: Path) -> None:
    decided, into, _ = reviewed
    before = into.read_bytes()
    result = CliRunner().invoke(main, ["crosswalk", "accept", str(decided), "--by", "Someone Else",
                                       "--into", str(into), "--graph", str(mini_path)])
    assert result.exit_code == 0 and "Nothing changed" in result.output
    assert into.read_bytes() == before


def test_decisions_record_who_when_role_and_method(reviewed: tuple[Path, Path, list[dict[str, str]]]) -> None:
    _, into, national = reviewed
    rows = {d.target: d for d in read_decisions(into)}
    main_link = rows[national[0]["target"]]
    assert (main_link.decision, main_link.role, main_link.by, main_link.method) == ("accepted", "main",
                                                                                   "Anna Andersson", "tfidf")
    assert main_link.at.startswith("20") and main_link.score == national[0]["score"]
    assert rows[national[2]["target"]].decision == "rejected"


@pytest.fixture(scope="module")
def rebuilt(reviewed: tuple[Path, Path, list[dict[str, str]]], tmp_path_factory: pytest.TempPathFactory
            ) -> GraphStore:
    _, into, _ = reviewed
    path = tmp_path_factory.mktemp("rebuilt") / "malgraf.nq"
    build(path, [MINI], crosswalk_files=[into])
    return open_graph_store(path)


def test_an_accepted_link_is_a_contributes_to_with_prov_and_role(
        rebuilt: GraphStore, reviewed: tuple[Path, Path, list[dict[str, str]]]) -> None:
    _, _, national = reviewed
    goal = RUS["10-attraktivitet"]
    target = URIRef(str(NS) + national[0]["target"].removeprefix("ns:"))
    assert rebuilt.has_triple(goal, MG.contributesTo, target)
    (link,) = [link for link in rebuilt.objects(goal, MG.goalLink) if rebuilt.value(link, MG.goal) == target]
    assert rebuilt.value(link, MG.linkMethod) == MG.Accepted
    assert rebuilt.value(link, MG.linkRole) == MG.MainLink
    assert rebuilt.value(link, MG.suggestedBy) == MG.TfidfMethod
    agent = rebuilt.value(link, PROV.wasAttributedTo)
    assert str(rebuilt.value(agent, RDFS.label)) == "Anna Andersson"
    when = rebuilt.value(link, PROV.generatedAtTime)
    assert isinstance(when, Literal) and when.datatype == XSD.dateTime
    rejected = URIRef(str(NS) + national[2]["target"].removeprefix("ns:"))
    assert not rebuilt.has_triple(goal, MG.contributesTo, rejected)
    assert any(rebuilt.value(link, MG.goal) == rejected for link in rebuilt.objects(goal, MG.rejectedLink))


def test_the_insatser_of_an_accepted_goal_support_its_target(rebuilt: GraphStore,
                                                            reviewed: tuple[Path, Path, list[dict[str, str]]]) -> None:
    _, _, national = reviewed
    target = URIRef(str(NS) + national[0]["target"].removeprefix("ns:"))
    found = {str(row["insats"]).rsplit("/", 1)[-1]: row["via"] for row in supports(rebuilt, target)}
    assert found.get("2023-1-10-01") in ("crosswalk", "direct")
    assert str(target) not in {str(row["goal"]) for row in gaps(rebuilt, NS.strategy, region=REGION["10"])}


def test_a_rejected_candidate_is_not_suggested_again(rebuilt: GraphStore,
                                                     reviewed: tuple[Path, Path, list[dict[str, str]]]) -> None:
    _, _, national = reviewed
    again = suggest(rebuilt, region=REGION["10"], sources="goals", again=True, top=10)
    offered = {s.target.iri for s in again if s.source.iri == RUS["10-attraktivitet"] and s.scheme == "national"}
    for row in national:
        assert URIRef(str(NS) + row["target"].removeprefix("ns:")) not in offered


BAD_SHEETS = [
    ({"decision": "maybe"}, 'row 2: column "decision": \'maybe\' is not accept or reject'),
    ({"decision": "accept", "method": "guess"}, 'row 2: column "method": \'guess\' is not one of tfidf, e5, hand'),
    ({"decision": "accept", "role": ""}, 'row 2: column "role": an accepted link needs a role'),
    ({"decision": "accept", "target": "sdg:99"}, 'row 2: column "target": sdg:99 is no goal'),
    ({"decision": "accept", "source": "rus:10-nothing"}, 'row 2: column "source": rus:10-nothing is no regional'),
    ({"decision": "reject", "target": "ns:a b"}, 'row 2: column "target":'),
]


@pytest.mark.parametrize(("change", "expected"), BAD_SHEETS)
def test_a_malformed_sheet_names_file_row_and_column_and_records_nothing(
        mini_path: Path, tmp_path: Path, change: dict[str, str], expected: str) -> None:
    sheet = tmp_path / "bad.csv"
    row = dict.fromkeys(REVIEW_COLUMNS, "")
    row.update({"source": GOAL, "target": "ns:priority-1.1", "scheme": "national", "rank": "1", "role": "main"})
    row.update(change)
    good = {**row, "target": "ns:priority-1.2", "decision": "accept", "role": "contributing"}
    rows = [row, good]  # the good row after the bad: nothing of it may be recorded either
    with sheet.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    into = tmp_path / "decisions.csv"
    result = CliRunner().invoke(main, ["crosswalk", "accept", str(sheet), "--by", "X", "--into", str(into),
                                       "--graph", str(mini_path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {sheet}:") and expected in result.output, result.output
    assert "Traceback" not in result.output and not into.exists()


def test_two_main_links_in_one_scheme_are_refused(mini_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "two.csv"
    row = dict.fromkeys(REVIEW_COLUMNS, "")
    row.update(source=GOAL, scheme="national", decision="accept", role="main")
    with sheet.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerows([{**row, "target": "ns:priority-1.1"}, {**row, "target": "ns:priority-1.2"}])
    result = CliRunner().invoke(main, ["crosswalk", "accept", str(sheet), "--by", "X", "--into",
                                       str(tmp_path / "d.csv"), "--graph", str(mini_path)])
    assert result.exit_code == 1 and "two main links in national" in result.output


def test_the_xlsx_sheet_has_drop_downs_a_frozen_header_filters_and_safe_cells(mini_store: GraphStore,
                                                                              tmp_path: Path) -> None:
    found = suggest(mini_store, region=REGION["10"], sources="goals")
    path = tmp_path / "review.xlsx"
    assert write_review_sheet(path, found) == len(found)
    book = load_workbook(path)
    sheet = book["Granska"]
    assert [c.value for c in sheet[1]] == list(REVIEW_COLUMNS)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:M")
    lists = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"accept,reject"' in lists and '"main,contributing"' in lists
    assert isinstance(sheet["E2"].value, int) and isinstance(sheet["H2"].value, float)
    sheet["K2"] = "accept"
    sheet["M2"] = "=HYPERLINK(\"http://x\")"
    book.save(path)
    (decision,) = read_review_sheet(path)
    assert decision.decision == "accepted" and decision.role == "main"


def test_a_formula_in_a_label_is_written_as_text(mini_store: GraphStore, tmp_path: Path) -> None:
    found = suggest(mini_store, region=REGION["10"], sources="goals")[:1]
    found[0].source.label = "=1+1"
    path = tmp_path / "review.csv"
    write_review_sheet(path, found)
    assert "'=1+1" in path.read_text(encoding="utf-8-sig")
    book_path = tmp_path / "review.xlsx"
    write_review_sheet(book_path, found)
    cell = load_workbook(book_path)["Granska"]["C2"]
    assert cell.data_type == "s" and cell.value == "'=1+1"
