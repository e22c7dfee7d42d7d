"""Each region's reviewed goal vocabulary (data/goals) and the import that resolves statements to it."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from malgraf.cli import main
from malgraf.errors import InputError
from malgraf.importers.appendix import Appendix, parse_appendix
from malgraf.importers.goals.reader import read_goal_text
from malgraf.importers.goals.resolve import ALIAS, EXACT, INFERRED, UNRESOLVED, GoalMatcher, display_text
from malgraf.importers.lines import Line
from malgraf.namespaces import MG, RUS
from malgraf.regions import REGIONS
from malgraf.resources import APPENDIX_2023, DATA_DIRECTORY, GOALS_DIRECTORY
from malgraf.vocab.lines import SourceText, refreshed
from malgraf.vocab.regional import (
    VOCABULARY_COLUMNS,
    load_region_vocabularies,
    read_region_vocabulary,
    vocabulary_triples,
)

HEADER = ",".join(VOCABULARY_COLUMNS)
SMALL = f"""{HEADER}
rus,strategi,,Regional utvecklingsstrategi,,rus,,,
s3,strategi,,Smart specialiseringsstrategi,,other,,,
rus,,,,,,samtliga mål,,a statement that names the whole strategy
mal-1,mål,Mål 1,Fler i arbete,rus,,,,
mal-1,,,,,,För tidigt att rapportera Fler i arbete,,remark glued to the goal
delmal-1-1,delmål,1.1,Ökad kompetens hos länets arbetsgivare,mal-1,,,,
miljo,mål,Mål 2,Minskad miljö- och klimatpåverkan,rus,,,,
miljo,,,,,,minskad miljö och klimatpåverkan,,
konkurrenskraft,mål,,Stärkt konkurrenskraft,rus,,,,
kompetens,mål,,Kompetensförsörjning,rus,,,,
digital,styrkeområde,,Digitala tjänster och processer,s3,,,,
-,,,,,,Resultat baseras på egen bedömning,,a remark
"""


def small_vocabulary(tmp_path: Path, text: str = SMALL, name: str = "10-blekinge.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines(*texts: str, start: int = 100) -> list[Line]:
    return [Line(start + index, text) for index, text in enumerate(texts)]


@pytest.fixture(scope="module")
def appendix() -> Appendix:
    return parse_appendix(APPENDIX_2023)


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> GoalMatcher:
    return GoalMatcher(read_region_vocabulary(small_vocabulary(tmp_path_factory.mktemp("goals"))))


# The files --------------------------------------------------------------------------------------

def test_every_region_has_a_reviewed_vocabulary_with_the_rus_first() -> None:
    vocabularies = load_region_vocabularies(GOALS_DIRECTORY)
    assert sorted(vocabularies) == sorted(region.lanskod for region in REGIONS)
    for vocabulary in vocabularies.values():
        first = next(iter(vocabulary.goals.values()))
        assert first.is_strategy and first.kind == "rus", vocabulary.path.name
        assert vocabulary.real_goals(), vocabulary.path.name
        assert all(goal.label == goal.label.strip() and not goal.label.endswith(".")
                   for goal in vocabulary.real_goals()), vocabulary.path.name


def test_the_shipped_lines_are_where_each_wording_stands_in_the_regions_rows() -> None:
    spans: dict[str, list[tuple[int, int]]] = {}
    with (DATA_DIRECTORY / "2023" / "insatser.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            spans.setdefault(row["lanskod"], []).append((int(row["source_first_line"]), int(row["source_last_line"])))
    source = APPENDIX_2023.read_text(encoding="utf-8").split("\n")
    for path in sorted(GOALS_DIRECTORY.glob("*.csv")):
        text = refreshed(path, SourceText(source, spans[path.name[:2]]))
        assert text == path.read_text(encoding="utf-8"), f"{path.name}: malgraf import appendix --update-goal-lines"


def test_import_updates_the_lines_a_new_wording_stands_on(tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    goals.mkdir()
    path = goals / "10-blekinge.csv"
    path.write_text((GOALS_DIRECTORY / "10-blekinge.csv").read_text(encoding="utf-8")
                    + "fler-i-arbete,,,,,,Fler Blekingebor i arbete. (ökad tillgång,,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "appendix", "--goals", str(goals), "--out", str(tmp_path / "out"),
                                       "--update-goal-lines"])
    assert result.exit_code == 0 and "Uppdaterade kolumnen lines i 1 fil(er)" in result.output
    last = path.read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith("fler-i-arbete,,,,,,Fler Blekingebor i arbete. (ökad tillgång,4527 4543 ")


def test_a_wording_is_found_across_line_breaks_and_hyphens() -> None:
    source = SourceText(["x", "Mål: Minskad miljö- och klimat-", "påverkan.", "Minskad miljö och", "klimatpåverkan"],
                        [(1, 5)])
    assert source.lines_of("Minskad miljö- och klimatpåverkan") == [2]
    assert source.lines_of("minskad miljö och klimatpåverkan") == [4]
    assert source.lines_of("Mer bostäder") == []


@pytest.mark.parametrize(
    ("row", "field", "says"),
    [
        ("mal-1,mål,,Något annat,rus,,,,", "goal", "already the id of row 5"),
        ("Mål-9,mål,,Något,rus,,,,", "goal", "lowercase"),
        ("mal-9,mål,,Något,okand,,,,", "broader", "'okand' is not the id"),
        ("mal-9,mål,,Något,,,,,", "broader", "names no broader"),
        ("mal-9,mål,,Något,rus,rus,,,", "kind", "only a strategy row"),
        ("ny,strategi,,Ny strategi,,,,,", "kind", "a strategy's kind"),
        ("okand,,,,,,En formulering,,", "goal", "'okand' is not the id of a goal"),
        ("mal-1,,,,,,Minskad miljö och klimatpåverkan,,", "wording", "already a wording of 'miljo'"),
        ("mal-1,,,,,,En formulering,12 tolv,", "lines", "'tolv' is not a line number"),
        ("mal-1,,,Fler,,,Fler i jobb,,", "wording", "either a goal's label or another wording"),
        ("mal-1,mål,,,rus,,,,", "label", "is empty"),
    ],
)
def test_a_flawed_vocabulary_names_file_row_and_field(tmp_path: Path, row: str, field: str, says: str) -> None:
    path = small_vocabulary(tmp_path, SMALL + row + "\n")
    with pytest.raises(InputError) as raised:
        read_region_vocabulary(path)
    error = raised.value
    assert (error.path, error.line, error.field) == (str(path), SMALL.count("\n") + 1, field)
    assert says in str(error)


def test_a_goal_under_itself_and_a_misnamed_file_are_refused(tmp_path: Path) -> None:
    cycle = SMALL + "a,mål,,A,b,,,,\nb,mål,,B,a,,,,\n"
    with pytest.raises(InputError, match="lies under itself"):
        read_region_vocabulary(small_vocabulary(tmp_path, cycle))
    with pytest.raises(InputError, match=r"named <länskod>-<name>\.csv"):
        read_region_vocabulary(small_vocabulary(tmp_path, SMALL, "blekinge.csv"))
    with pytest.raises(InputError, match=r"named <länskod>-<name>\.csv"):
        read_region_vocabulary(small_vocabulary(tmp_path, SMALL, "99-ingenstans.csv"))


def test_a_goals_directory_that_is_not_there_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", "appendix", "--goals", str(tmp_path / "nowhere"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {tmp_path / 'nowhere'}: no such directory")
    assert not (tmp_path / "out").exists()


def test_two_files_for_one_region_are_refused(tmp_path: Path) -> None:
    small_vocabulary(tmp_path)
    small_vocabulary(tmp_path, name="10-blekinge-kopia.csv")
    with pytest.raises(InputError, match="a second goal file for region 10"):
        load_region_vocabularies(tmp_path)


# SKOS -------------------------------------------------------------------------------------------

def test_the_vocabulary_is_a_skos_scheme_with_hierarchy_notation_labels_and_lines(tmp_path: Path) -> None:
    text = SMALL.replace("För tidigt att rapportera Fler i arbete,,", "För tidigt att rapportera Fler i arbete,12 40,")
    graph = Graph()
    for triple in vocabulary_triples(read_region_vocabulary(small_vocabulary(tmp_path, text))):
        graph.add(triple)
    scheme, goal, sub, rus = RUS["10"], RUS["10-mal-1"], RUS["10-delmal-1-1"], RUS["10-rus"]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert (rus, SKOS.topConceptOf, scheme) in graph and (rus, RDF.type, MG.RegionalStrategy) in graph
    assert (goal, SKOS.broader, rus) in graph and (sub, SKOS.broader, goal) in graph
    assert (goal, RDF.type, MG.RusGoal) in graph and (RUS["10-digital"], RDF.type, MG.OtherGoal) in graph
    assert (sub, MG.strategy, rus) in graph and (RUS["10-digital"], MG.strategy, RUS["10-s3"]) in graph
    assert (goal, SKOS.notation, Literal("Mål 1")) in graph
    assert (goal, SKOS.prefLabel, Literal("Fler i arbete", lang="sv")) in graph
    assert (goal, SKOS.altLabel, Literal("För tidigt att rapportera Fler i arbete", lang="sv")) in graph
    wording = next(w for w in graph.objects(goal, MG.wording) if (w, MG.preferredWording, None) not in graph)
    assert {int(line) for line in graph.objects(wording, MG.sourceLine)} == {12, 40}


# Resolving --------------------------------------------------------------------------------------

def test_wordings_are_found_across_lines_longest_first(matcher: GoalMatcher) -> None:
    text, starts, numbers = display_text(lines("Mål i RUS: minskad miljö- och kli-", "matpåverkan samt Stärkt",
                                               "konkurrenskraft, Kompetensförsörjning"))
    found = matcher.find(text)
    assert [(hit.goal, hit.how) for hit in found] == [("miljo", EXACT), ("konkurrenskraft", EXACT),
                                                       ("kompetens", EXACT)]
    assert [numbers[0] if hit.start < starts[1] else 0 for hit in found][:1] == [100]


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("minskad miljö och klimatpåverkan.", [("miljo", ALIAS)]),
        ("Mål 2", [("miljo", INFERRED)]),
        ("mål 1 och 2", [("mal-1", INFERRED), ("miljo", INFERRED)]),
        ("1.1 Ökad kompetens hos länets arbetsgivare", [("delmal-1-1", INFERRED)]),
        ("Ökad kompetens hos länets", [("delmal-1-1", INFERRED)]),
        ("Minskad miljö- och klimatpåverkn", [("miljo", INFERRED)]),
        ("samtliga mål", [("rus", ALIAS)]),
        ("Resultat baseras på egen bedömning", [("-", ALIAS)]),
        ("Fler företag startas", []),
    ],
)
def test_a_statement_resolves_by_wording_notation_fragment_or_spelling(
    matcher: GoalMatcher, statement: str, expected: list[tuple[str, str]]
) -> None:
    assert matcher.resolve(statement) == expected


def test_a_bare_number_after_a_marker_is_the_goal_of_that_level(matcher: GoalMatcher) -> None:
    assert matcher.resolve("2", level="mål") == [("miljo", INFERRED)]
    assert matcher.resolve("3", level="mål") == []


def test_a_goal_column_reads_into_goals_not_sentences(matcher: GoalMatcher) -> None:
    column = lines("Mål i RUS: För tidigt att rapportera Fler i arbete.", "Stärkt konkurrenskraft, Kompetens-",
                   "försörjning. Fler företag startas.", "Resultat baseras på egen bedömning.")
    statements = read_goal_text(column, "10", "Blekinge", matcher=matcher)
    found = [(s.goal, s.match, s.first_line) for s in statements]
    assert found == [("rus:10-mal-1", ALIAS, 100), ("rus:10-konkurrenskraft", EXACT, 101),
                     ("rus:10-kompetens", EXACT, 101), ("", UNRESOLVED, 102)]
    unresolved = statements[-1]
    assert unresolved.statement == "Fler företag startas" and unresolved.kind == "rus"
    kinds = {s.goal: s.kind for s in read_goal_text(lines("RUS: Digitala tjänster och processer"), "10", "Blekinge",
                                                      matcher=matcher)}
    assert kinds == {"rus:10-digital": "other"}  # the kind is the goal's strategy's, whatever the marker


def test_prose_around_a_goal_is_not_a_goal(matcher: GoalMatcher) -> None:
    column = lines("Bidrar till RUS:ens mål om minskad miljö och klimatpåverkan genom att",
                   "jämställdhet integreras i programmet.")
    assert [(s.goal, s.match) for s in read_goal_text(column, "10", "Blekinge", matcher=matcher)] == [
        ("rus:10-miljo", ALIAS)]


def test_a_regional_goal_after_an_agenda_2030_list_is_still_read(matcher: GoalMatcher) -> None:
    column = lines("Agenda 2030-mål 5 och 10 samt Ökad kompetens hos länets arbetsgivare")
    goals = {s.goal for s in read_goal_text(column, "10", "Blekinge", matcher=matcher)}
    assert goals == {"sdg:5", "sdg:10", "rus:10-delmal-1-1"}


def test_the_regional_fund_named_in_a_rus_block_makes_eu_statements(matcher: GoalMatcher) -> None:
    column = lines("RUS mål Fler i arbete. EU-finansierat projekt inom ERUF Östra Mellansverige. Prioriterat",
                   "området: Ett grönare och koldioxidsnålare Östra Mellansverige. Främja energieffektivitet och",
                   "minska utsläppen av växthusgaser.")
    found = {(s.kind, s.goal) for s in read_goal_text(column, "10", "Blekinge", matcher=matcher)}
    assert found == {("rus", "rus:10-mal-1"), ("eruf", "eruf:programme-ostra-mellansverige"),
                     ("eruf", "eruf:RSO2.1")}
    alone = read_goal_text(lines("Mål: Främja energieffektivitet och minska utsläppen av växthusgaser"), "10",
                           "Blekinge", matcher=matcher)
    assert [(s.kind, s.goal) for s in alone] == [("eruf", "eruf:RSO2.1")]  # an ERDF objective by its name


# The shipped import -----------------------------------------------------------------------------

def regional(appendix: Appendix, first_line: int) -> set[str]:
    record = next(r for r in appendix.insatser if r.first_line == first_line)
    return {g.goal for g in record.goals if g.kind in ("rus", "other")}


def test_each_real_goal_is_one_node_whatever_the_wording(appendix: Appendix) -> None:
    nodes = {g.goal for r in appendix.insatser if r.lanskod == "01" for g in r.goals
             if "resurseffektiv och resilient region utan klimatpåverkande utsläpp" in g.statement}
    assert nodes == {"rus:01-mal-4"}  # "Mål 4: En resurseffektiv …" and "En resurseffektiv …"
    blekinge = {g.goal for r in appendix.insatser if r.lanskod == "10" for g in r.goals
                if "miljö" in g.statement.casefold() and "klimatpåverkan" in g.statement}
    assert len(blekinge) == 1
    kalmar = {g.goal for r in appendix.insatser if r.lanskod == "08" for g in r.goals}
    assert {"rus:08-starkt-konkurrenskraft", "rus:08-kompetensforsorjning"} <= kalmar
    statements = [g.statement for r in appendix.insatser for g in r.goals]
    assert not any(s.startswith(("för Jämtlands län 2050", "cykel och kollektivtrafik", "och NTS3"))
                   for s in statements)
    # "För tidigt att rapportera Fler Blekingebor i arbete"
    assert regional(appendix, 22772) == {"rus:10-fler-i-arbete"}


def test_unlabelled_goal_sentences_and_goals_in_prose_are_recognised(appendix: Appendix) -> None:
    # Gotland 511: its genomförandeprogram goals stand as bare sentences, no label before them
    assert regional(appendix, 511) == {"rus:09-innovationskapacitet", "rus:09-naringslivsklimat",
                                       "rus:09-hallbar-platsutveckling", "rus:09-attraktionskraft",
                                       "rus:09-bostader"}
    # Blekinge §5: "Insatsen ska bidra till RUS:ens mål om en god, jämlik och jämställd hälsa genom …"
    assert regional(appendix, 20220) == {"rus:10-god-jamlik-halsa", "rus:10-jamstalld-arbetsmarknad"}


def test_a_list_that_runs_onto_a_line_starting_with_a_region_is_not_a_row(appendix: Appendix) -> None:
    # "… Fastighetsnätverk Västmanland och" / "Östergötland Bygger Klimatneutralt …" (29266–29268): one
    # of Örebro's rows; taking it for Östergötland's row swallowed Örebro's next three
    firsts = {r.first_line: r.region for r in appendix.insatser if 29250 <= r.first_line < 29562}
    assert firsts == {29250: "Örebro", 29323: "Örebro", 29395: "Örebro", 29484: "Örebro"}
    assert "rus:18-god-resurseffektivitet" in regional(appendix, 29250)


def test_a_goal_beside_the_name_on_a_rows_first_line_is_read(matcher: GoalMatcher, appendix: Appendix) -> None:
    from malgraf.importers.appendix.goal_column import goals_beside_the_name

    row = lines(" Blekinge Stärkt konkurrenskraft  Minskad miljö- och", "klimatpåverkan", "Fler i arbete.")
    # beside the name (the first column is the name, whatever it says), wrapping onto the next line;
    # a goal that only starts on a later line is the goal column's, not one beside the name
    assert [(g.goal, g.first_line, g.last_line) for g in goals_beside_the_name(row, matcher)] == [
        ("rus:10-miljo", 100, 101)]
    assert goals_beside_the_name(lines(" Blekinge Stärkt konkurrenskraft"), matcher) == []
    # Uppsala §2 writes its RUS goal in the second column; Jönköping 23135 begins one there
    assert regional(appendix, 7528) == {"rus:03-3-1-3"}
    assert regional(appendix, 7534) == {"rus:03-kompetens-till-foretag"}
    jonkoping = next(r for r in appendix.insatser if r.first_line == 23135)
    assert [(g.goal, g.statement) for g in jonkoping.goals] == [
        ("rus:06-hallbar-jamstalld-arbetsmarknad", "En hållbar och jämställd arbetsmarknad i Jönköpings län")]


def test_ostergotlands_goals_are_read(appendix: Appendix) -> None:
    # 16494–16498 and 22538 of the seed: its goals stand in prose, the old import found none
    assert regional(appendix, 16396) and regional(appendix, 22466) >= {"rus:05-inkluderande-ostergotland"}


def test_every_regional_link_names_a_goal_of_its_own_regions_vocabulary_or_is_unresolved(
    appendix: Appendix,
) -> None:
    vocabularies = load_region_vocabularies(GOALS_DIRECTORY)
    for record in appendix.insatser:
        for goal in record.goals:
            if goal.kind in ("rus", "other"):
                assert goal.match in (EXACT, ALIAS, INFERRED, UNRESOLVED)
                assert (goal.match == UNRESOLVED) == (goal.goal == ""), (record.first_line, goal)
                if goal.goal:
                    vocabulary = vocabularies[record.lanskod]
                    assert goal.goal.removeprefix(f"rus:{record.lanskod}-") in vocabulary.goals


def test_editing_a_regions_file_moves_its_links(tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    shutil.copytree(GOALS_DIRECTORY, goals)
    runner = CliRunner()
    before = runner.invoke(main, ["import", "appendix", "--goals", str(goals), "--out", str(tmp_path / "before")])
    assert before.exit_code == 0 and "Uppsala, rad 24007: ”AMIF:s Programindikatorer" in before.stderr
    path = goals / "10-blekinge.csv"
    text = path.read_text(encoding="utf-8")
    # a new alias resolves the statement it names; a goal split in two takes the links of its wording
    text += ("gransregionalt-larande,mål,,Lärande och gemensam förståelse för energiförsörjning ur ett "
             "gränsregionalt perspektiv,rus,,,,\n"
             "vaxande-naringsliv-nytt,mål,,Fler arbetstillfällen,rus,,,,\n")
    path.write_text(text.replace(",Ett växande näringsliv med fler arbetstillfällen,",
                                 ",Ett växande näringsliv,", 1), encoding="utf-8")
    after = runner.invoke(main, ["import", "appendix", "--goals", str(goals), "--out", str(tmp_path / "after")])
    assert after.exit_code == 0, after.output
    assert "Blekinge, rad 446" in before.stderr and "Blekinge, rad 446" not in after.stderr

    def links(folder: str) -> set[tuple[str, str]]:
        with (tmp_path / folder / "goal_links.csv").open(encoding="utf-8") as handle:
            return {(row["source_first_line"], row["goal"]) for row in csv.DictReader(handle)
                    if row["goal"].startswith("rus:10-")}

    moved = links("after") - links("before")
    assert ("446", "rus:10-gransregionalt-larande") in moved
    assert {goal for _, goal in moved} >= {"rus:10-vaxande-naringsliv-nytt"}
    assert {goal for line, goal in links("after") if goal.startswith("rus:10-vaxande-naringsliv")} == {
        "rus:10-vaxande-naringsliv", "rus:10-vaxande-naringsliv-nytt"}


def test_a_flawed_vocabulary_stops_the_import_and_writes_nothing(tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    goals.mkdir()
    shutil.copy(GOALS_DIRECTORY / "10-blekinge.csv", goals)
    with (goals / "10-blekinge.csv").open("a", encoding="utf-8") as handle:
        handle.write("okand,,,,,,Någon formulering,,\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", "appendix", "--goals", str(goals), "--out", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith(f"Error: {goals / '10-blekinge.csv'}:") and "goal" in result.stderr
    assert not out.exists()


def test_a_region_without_a_vocabulary_is_said(tmp_path: Path) -> None:
    goals = tmp_path / "goals"
    goals.mkdir()
    shutil.copy(GOALS_DIRECTORY / "10-blekinge.csv", goals)
    result = CliRunner().invoke(main, ["import", "appendix", "--goals", str(goals), "--out", str(tmp_path / "out"),
                                       "--lang", "en"])
    assert result.exit_code == 0
    assert "Warning: no goal vocabulary for Stockholm, Uppsala" in result.stderr


# The built graph --------------------------------------------------------------------------------

def test_the_built_graph_has_one_node_per_reviewed_goal_and_no_sentence_nodes(shipped_rdflib: Dataset) -> None:
    vocabularies = load_region_vocabularies(GOALS_DIRECTORY)
    expected = {URIRef(vocabulary.iri(goal.id)) for vocabulary in vocabularies.values()
                for goal in vocabulary.real_goals() if vocabulary.kind_of(goal.id) == "rus"}
    found = {row[0] for row in shipped_rdflib.query("SELECT ?g WHERE { ?g a mg:RusGoal }")}
    assert found == expected
    targets = {row[0] for row in shipped_rdflib.query(
        "SELECT DISTINCT ?g WHERE { ?i a mg:Insats ; mg:contributesTo ?g . FILTER(STRSTARTS(STR(?g), STR(rus:))) }")}
    known = {URIRef(v.iri(g)) for v in vocabularies.values() for g in v.goals}
    assert targets and targets <= known


# What users see ---------------------------------------------------------------------------------

def test_supports_shows_the_goal_and_the_words_the_source_used(shipped_graph_path: Path) -> None:
    result = CliRunner().invoke(main, ["supports", "rus:10-fler-i-arbete", "--graph", str(shipped_graph_path),
                                       "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    stated = {row["statement"] for row in rows if row["via"] == "direct"}
    assert {"Fler Blekingebor i arbete", "För tidigt att rapportera Fler Blekingebor i arbete"} <= stated
    assert {row["pathLabel"] for row in rows if row["via"] == "direct"} == {"Fler Blekingebor i arbete"}


def test_info_counts_each_regions_goals(shipped_graph_path: Path) -> None:
    result = CliRunner().invoke(main, ["info", "--graph", str(shipped_graph_path), "--format", "json"])
    rows = json.loads(result.output)["Goals per region"]
    vocabularies = load_region_vocabularies(GOALS_DIRECTORY)
    assert len(rows) == 21
    for row in rows:
        vocabulary = vocabularies[row["lanskod"]]
        assert int(row["goals"]) == len(vocabulary.real_goals())
        assert int(row["strategies"]) == len(vocabulary.strategies())
        assert 0 < int(row["servedGoals"]) <= int(row["goals"])


def test_gaps_lists_a_regions_own_goals_nobody_serves(shipped_graph_path: Path, shipped_rdflib: Dataset) -> None:
    runner = CliRunner()
    gaps = runner.invoke(main, ["gaps", "--scheme", "rus", "--graph", str(shipped_graph_path), "--format", "json"])
    listed = {row["goal"] for row in json.loads(gaps.output)}
    served = {row[0] for row in shipped_rdflib.query(
        "SELECT DISTINCT ?g WHERE { ?i mg:goalLink/mg:goal ?d . ?d mg:reaches ?g . ?g mg:region ?r }")}
    assert listed and not listed & {str(g) for g in served}
    own = runner.invoke(main, ["gaps", "--region", "Västmanland", "--year", "2023", "--graph",
                               str(shipped_graph_path), "--format", "json"])
    regional = [row for row in json.loads(own.output) if row["schemeName"] == "rus"]
    assert all(row["goal"].startswith(str(RUS) + "19-") for row in regional)


def test_the_overview_draws_each_regions_goals_as_one_tree(shipped: Dataset) -> None:
    from malgraf.views import view_graph
    from malgraf.views.kinds import REGIONAL_KINDS

    view = view_graph(shipped)
    regional = [n for n, a in view.nodes(data=True) if a["kind"] in REGIONAL_KINDS]
    assert any(view.nodes[n]["kind"] == "strategy" for n in regional)
    for node in regional:
        ups = [(v, k) for _, v, k in view.out_edges(node, keys=True) if k in ("broader", "region")]
        assert len(ups) == 1, (node, ups)  # one way up: to the goal it is part of, or (a strategy) to its region
        seen = {node}
        while view.nodes[node]["kind"] != "region":
            node = next(v for _, v, k in view.out_edges(node, keys=True) if k in ("broader", "region"))
            assert node not in seen
            seen.add(node)
    wordings = view.nodes[str(RUS["10-miljo-och-klimatpaverkan"])]["wordings"]
    assert "minskad miljö och klimatpåverkan" in wordings
