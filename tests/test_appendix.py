"""Importing the 2023 appendix (seed 004): rows, goal links, §8, the shipped CSVs, bad input."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from malgraf.cli import main
from malgraf.importers.appendix import Appendix, InsatsRecord, parse_appendix, tables
from malgraf.importers.goals.references import eruf_goals, sdg_line
from malgraf.importers.goals.statements import normalise_statement, split_parenthetical
from malgraf.importers.insats_ids import insats_id, unique_ids
from malgraf.resources import APPENDIX_2023, DATA_DIRECTORY

ROOT = Path(__file__).resolve().parent.parent
SEED = APPENDIX_2023
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def appendix() -> Appendix:
    return parse_appendix(SEED)


def by_line(appendix: Appendix, section: int, line: int) -> InsatsRecord:
    return next(r for r in appendix.insatser if r.section == section and r.first_line == line)


def test_shipped_csvs_are_regenerated_byte_identical(appendix: Appendix) -> None:
    for name, text in tables(appendix).items():
        shipped = (DATA_DIRECTORY / "2023" / name).read_text(encoding="utf-8")
        assert shipped == text, f"data/2023/{name} differs from a fresh import of seed 004"


def test_rows_per_section_match_the_structure_of_the_seed(appendix: Appendix) -> None:
    expected = {1: 81, 2: 89, 3: 94, 4: 85, 5: 47, 6: 43, 7: 87}
    for section, about in expected.items():
        found = sum(1 for r in appendix.insatser if r.section == section)
        assert abs(found - about) <= 2, (section, found)
    assert {r.region for r in appendix.insatser} == set(
        ["Blekinge", "Dalarna", "Gotland", "Gävleborg", "Halland", "Jämtland Härjedalen", "Jönköping",
         "Kalmar", "Kronoberg", "Norrbotten", "Skåne", "Stockholm", "Sörmland", "Uppsala", "Värmland",
         "Västerbotten", "Västernorrland", "Västmanland", "Västra Götaland", "Örebro", "Östergötland"])


def test_row_printed_twice_across_a_page_break_counts_once(appendix: Appendix) -> None:
    starts = {(r.section, r.first_line) for r in appendix.insatser}
    assert (1, 131) in starts and (1, 194) not in starts


def test_lines_starting_with_a_region_name_that_are_sentences_are_not_rows(appendix: Appendix) -> None:
    starts = {r.first_line for r in appendix.insatser}
    for sentence_line in (614, 652, 2119, 2955, 15472, 28030):  # "Gotland kan …", "Skåne ska …", …
        assert sentence_line not in starts


def test_an_enumeration_running_onto_a_line_that_starts_with_a_region_is_not_a_row(appendix: Appendix) -> None:
    # "… I REST ingår Ellevio, E.ON Energidistribution AB, Energimyndigheten," / "Stockholm Exergi, … och"
    rest = by_line(appendix, 7, 27515)
    assert 27529 not in {r.first_line for r in appendix.insatser}
    assert "Stockholm Exergi, Svenska kraftnät" in rest.description
    assert {"sdg:7", "sdg:13"} <= {g.goal for g in rest.goals}
    # a row of the next region after a list that ends in a comma still starts one
    assert by_line(appendix, 5, 20536).region == "Gotland"


def test_accuracy_against_the_hand_checked_sample(appendix: Appendix) -> None:
    from appendix_accuracy import score

    result = score(appendix.insatser)
    assert result["rows_recall"] >= 0.9 and result["rows_precision"] >= 0.9
    assert result["links_precision"] >= 0.85
    assert result["links_recall"] >= 0.75


def test_goal_links_resolve_sdgs_eruf_and_rus(appendix: Appendix) -> None:
    row = by_line(appendix, 1, 257)  # Blekinge, Kraftkommission: Mål i RUS + Mål i Agenda 2030
    goals = {g.goal for g in row.goals}
    assert {"sdg:3", "sdg:7", "sdg:11", "sdg:13"} <= goals
    rus = [g for g in row.goals if g.kind == "rus"]
    assert rus and all(g.goal.startswith("rus:10-") and g.method == "marker" for g in rus)
    assert all(g.first_line >= row.first_line and g.last_line <= row.last_line for g in row.goals)


def test_same_goal_sentence_is_one_node_per_region(appendix: Appendix) -> None:
    nodes = {g.goal for r in appendix.insatser if r.region == "Blekinge" for g in r.goals
             if g.statement == "Stärkt attraktivitet särskilt för unga"}
    assert len(nodes) == 1


def test_page_numbers_and_eruf_codes_are_not_sdgs() -> None:
    assert sdg_line("9", in_agenda_block=False) is None
    assert sdg_line("1.3", in_agenda_block=False) is None
    assert sdg_line("Mål 1: Ett smartare Europa", in_agenda_block=False) is None
    assert sdg_line("3 God hälsa och välbefinnande", in_agenda_block=False) == ("sdg:3", 29)
    assert sdg_line("Mål 8", in_agenda_block=True) == ("sdg:8", 5)
    assert sdg_line("8.3", in_agenda_block=True) == ("sdg:8.3", 3)


def test_bracketed_sub_goals_are_separate_statements() -> None:
    assert split_parenthetical("Fler i arbete. (ökad kompetens, Få in fler i arbete)") == [
        "Fler i arbete", "ökad kompetens", "Få in fler i arbete"]
    assert split_parenthetical("Stärkt attraktivitet (för unga)") == ["Stärkt attraktivitet", "för unga"]
    assert split_parenthetical("Inga parenteser här") == ["Inga parenteser här"]


def test_section_8_answers(appendix: Appendix) -> None:
    regions = {a.region for a in appendix.answers}
    assert len(regions) == 21
    assert all(a.first_line > 29881 for a in appendix.answers if a.answer)
    assert sum(1 for a in appendix.answers if a.region == "Blekinge") == 6


def test_cli_import_writes_the_four_files_and_their_source_and_leaves_the_amounts_read_by_hand(
        tmp_path: Path) -> None:
    (tmp_path / "allocation.csv").write_text("read by hand\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "appendix", str(SEED), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "allocation.csv").read_text(encoding="utf-8") == "read by hand\n"
    assert "read by hand and not rewritten" in result.output or "läses för hand" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "allocation.csv", "answers.csv", "goal_links.csv", "insatser.csv", "source.csv"]
    shipped_source = (DATA_DIRECTORY / "2023" / "source.csv").read_text(encoding="utf-8")
    assert (tmp_path / "source.csv").read_text(encoding="utf-8") == shipped_source
    with (tmp_path / "insatser.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:12] == ["id", "year", "section", "region", "lanskod", "name", "description", "outputs",
                           "effects", "nyps_id", "source_first_line", "source_last_line"]


def _import_fails(tmp_path: Path, text: str) -> tuple[int, str, list[Path]]:
    source = tmp_path / "appendix.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", "appendix", str(source), "--out", str(out)])
    return result.exit_code, result.output, list(out.glob("*")) if out.exists() else []


def test_a_file_that_is_not_the_appendix_is_refused(tmp_path: Path) -> None:
    code, output, written = _import_fails(tmp_path, "Hej\nDetta är ingen tabellbilaga.\n")
    assert code == 1
    assert output.startswith(f"Error: {tmp_path / 'appendix.txt'}:1: not the regions' table appendix")
    assert written == []


def test_a_truncated_appendix_is_refused(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")[:20000]
    code, output, written = _import_fails(tmp_path, "\n".join(lines))
    assert code == 1
    assert "truncated: section 5 is missing" in output and ":20000:" in output
    assert written == []


def test_an_unknown_region_is_refused_with_its_line(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("Dalarna Regional prioritering", "Dalarnia Regional prioritering")
    code, output, written = _import_fails(tmp_path, text)
    assert code == 1
    assert ":452: Region: unknown region 'Dalarnia'" in output
    assert written == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the objective is the goal; the regional programme it is pursued in is not a second one
        ("ERUF Övre Norrland • PO2.6 Främja övergången till en cirkulär ekonomi", ["eruf:RSO2.6"]),
        ("ERUF Övre Norrland", ["eruf:programme-ovre-norrland"]),
        # in RUS prose (seed 16157): the Regional Fund's objective by its name
        ("Insatsen bidrar även till målet Stärka forskning och innovation i det regionala strukturfondsprogrammet",
         ["eruf:RSO1.1"]),
        ("Specifikt mål 1.3", ["eruf:RSO1.3"]),
        ("RSO1.3", ["eruf:RSO1.3"]),
        ("Mål 1: Ett smartare Europa", ["eruf:PO1"]),
        ("1.4 - Utveckla färdigheter för smart specialisering", ["eruf:RSO1.4"]),
        ("Regionalfondsprogram för Skåne-Blekinge 2021–2027", ["eruf:programme-skane-blekinge"]),
        ("Interreg Aurora", ["eruf:programme-interreg-aurora"]),
        # the 2014–2020 national programme's React-EU priority, however it is written (seed 12347, 10138, 26892)
        ("Nationella ERUF programmet, React-\nEU", ["eruf:programme-nationellt-react-eu"]),
        ("Nationella regionalfondsprogrammet, insatsområde 5 – React-EU.", ["eruf:programme-nationellt-react-eu"]),
        ("ERUF Nationella REACT-programmet", ["eruf:programme-nationellt-react-eu"]),
        ("Stödja en grön, digital och motståndskraftig återhämtning i spåren av COVID-19- pandemin i det "
         "nationella ERUF- programmet.", ["eruf:programme-nationellt-react-eu"]),
        # the national programme without a part or period named: the 2021–2027 one (seed 1744)
        ("ERUF nationella programmet, Territoriell strategi för hållbar urban utveckling.",
         ["eruf:programme-nationellt"]),
        # a programme of 2014–2020, not its 2021–2027 successor of the same area (seed 20363, 16831)
        ("ERUF Norra Mellansverige 2014–2020, insatsområde:", ["eruf:programme-norra-mellansverige-2014-2020"]),
        ("”öka tillgången till IKT” (ERUF Norra Mellansverige 2014–2020)",
         ["eruf:programme-norra-mellansverige-2014-2020"]),
        # specific objectives numbered with a colon (seed 21765)
        ("Ett smartare Europa 1:1 Stärka forskning och innovation samt 1:3 stärka små och medelstora "
         "företagstillväxt", ["eruf:RSO1.1", "eruf:RSO1.3", "eruf:PO1"]),
        # a statement that names no objective or programme resolves to nothing (seed 11495, 3410)
        ("Bidrar även till: flera av målen inom ERUF.", []),
        ("Kompetensförsörjning och konkurrenskraft för SME.", []),
    ],
)
def test_eruf_objectives_and_programmes_resolve_from_codes_and_names(text: str, expected: list[str]) -> None:
    assert eruf_goals(text, in_eruf_block=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Interreg programme numbers its own priorities: "1.2" there is not the ERDF's RSO1.2 (seed 25029, 26422)
        ("Interreg Sverige-Norge: 1. En smartare gränsregion, 1.2 Små och medelstora företagens hållbara tillväxt.",
         ["eruf:programme-interreg-sverige-norge"]),
        ("Finansiering via Interreg, 2.1 Sustainable Waters.", []),
        ("Interreg Baltic Sea Region • Klimatneutrala samhällen", ["eruf:programme-interreg-baltic-sea-region"]),
    ],
)
def test_interreg_statements_resolve_to_the_programme_not_to_erdf_numbers(text: str, expected: list[str]) -> None:
    assert eruf_goals(text, in_eruf_block=False) == expected


def test_each_goal_link_has_what_a_stable_key_needs(appendix: Appendix) -> None:
    # a goal link is one (insats, kind, goal or, when unresolved, its statement): none of it hangs on line numbers
    keys = [(r.id, g.kind, g.goal or normalise_statement(g.statement)) for r in appendix.insatser for g in r.goals]
    shipped = (DATA_DIRECTORY / "2023" / "goal_links.csv").read_text(encoding="utf-8").count("\n") - 1
    assert len(keys) == len(set(keys)) == shipped
    assert all(insats and kind and goal for insats, kind, goal in keys)


def test_insats_ids_do_not_change_when_another_row_of_the_region_comes_or_goes(
        appendix: Appendix, tmp_path: Path) -> None:
    rows = [r for r in appendix.insatser if r.section == 1 and r.region == "Blekinge"]
    dropped, following = rows[1], rows[2]
    lines = SEED.read_text(encoding="utf-8").split("\n")
    del lines[dropped.first_line - 1:following.first_line - 1]  # a row the importer had missed, fixed later
    source = tmp_path / "appendix.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    before = {(r.section, r.region, r.name): r.id for r in appendix.insatser}
    after = {(r.section, r.region, r.name): r.id for r in parse_appendix(source).insatser}
    assert len(after) == len(before) - 1
    assert all(before[key] == insats for key, insats in after.items())


def test_an_insats_id_is_its_section_region_and_a_hash_of_its_name() -> None:
    first = insats_id(2023, 1, "10", "Kraftkommission Blekinge – ett samarbetsinitiativ för att:")
    assert re.fullmatch(r"2023-1-10-[0-9a-f]{6}", first)
    assert insats_id(2023, 1, "10", "  kraftkommission BLEKINGE – ett samarbetsinitiativ för att ") == first
    assert insats_id(2023, 2, "10", "Kraftkommission Blekinge – ett samarbetsinitiativ för att:") != first
    assert unique_ids(["a", "b", "a", "a"]) == ["a", "b", "a-2", "a-3"]
