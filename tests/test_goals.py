"""Reading goal text outside the appendix layout: what a region's own spreadsheet importer will use."""

from __future__ import annotations

from malgraf.importers.goals.markers import match_marker
from malgraf.importers.goals.reader import read_goal_text
from malgraf.importers.goals.vocabulary import RegionGoalVocabulary
from malgraf.importers.lines import Line


def cell(first_row: int, text: str) -> list[Line]:
    """A spreadsheet cell's lines, numbered by the row they came from."""
    return [Line(first_row, part) for part in text.split("\n")]


LABELLED = cell(2, "Mål i RUS: Stärkt attraktivitet särskilt för unga\n"
                   "Regionfullmäktiges prioriteringar 2024–27: Öka antalet invånare på Gotland\n"
                   "Mål i Agenda 2030\n3 God hälsa och välbefinnande")
UNLABELLED = cell(3, "Stärkt attraktivitet särskilt för unga\nÖka antalet invånare på Gotland")


def test_a_labelled_cell_reads_as_stated_goals_of_each_kind() -> None:
    goals = [(g.kind, g.goal[:7], g.method) for g in read_goal_text(LABELLED, "09", "Gotland")]
    assert goals == [("rus", "rus:09-", "marker"), ("other", "rus:09-", "marker"),
                     ("agenda2030", "sdg:3", "marker")]


def test_a_regions_vocabulary_gives_an_unlabelled_cell_the_kinds_and_goals_it_labelled_elsewhere() -> None:
    vocabulary = RegionGoalVocabulary()
    labelled = read_goal_text(LABELLED, "09", "Gotland")
    vocabulary.learn_stated("Gotland", labelled)
    without = read_goal_text(UNLABELLED, "09", "Gotland")
    read = read_goal_text(UNLABELLED, "09", "Gotland", vocabulary)
    assert [g.kind for g in without] == ["rus", "rus"]
    assert [(g.kind, g.method) for g in read] == [("rus", "inferred"), ("other", "inferred")]
    assert [g.goal for g in read] == [g.goal for g in labelled[:2]]
    assert read_goal_text(UNLABELLED, "09", "Gotland", vocabulary, marked=True)[0].method == "marker"
    assert [g.kind for g in read_goal_text(UNLABELLED, "10", "Blekinge", vocabulary)] == ["rus", "rus"]


def eruf_links(text: str, lanskod: str = "13", region: str = "Halland") -> list[tuple[str, str, str]]:
    return [(g.kind, g.goal, g.statement) for g in read_goal_text(cell(2, text), lanskod, region)]


def test_an_eruf_statement_that_names_no_goal_is_kept_unresolved() -> None:
    links = eruf_links("Långsiktiga prioriteringar:\n• Smart specialisering\n"
                       "Bidrar även till: flera av målen inom ERUF.", "23", "Jämtland Härjedalen")
    assert links[-1] == ("eruf", "", "flera av målen inom ERUF")
    assert [kind for kind, _, _ in links] == ["rus", "eruf"]


def test_a_programmes_react_eu_priority_is_the_programmes_not_a_rus_priority() -> None:
    links = eruf_links("Program: Nationella\nregionalfondsprogrammet\nInsatsområde: REACT-EU\n"
                       "Tematiskt mål: Tematiskt mål 13\nBidrar till Region Hallands strategi för\nhållbar tillväxt:\n"
                       "Delmål: Fler innovativa företag i regionen")
    assert [(kind, goal) for kind, goal, _ in links] == [
        ("eruf", "eruf:programme-nationellt-react-eu"), ("eruf", ""), ("rus", links[2][1])]
    assert links[2][1].startswith("rus:13-")


def test_the_national_programme_opens_an_eruf_statement_after_rus_goals() -> None:
    links = eruf_links("Mål i RUS:\nEtt konkurrenskraftigt Dalarna\nNationella regionalfondsprogrammet,\n"
                       "insatsområde 5 – React-EU.\nInvesteringsprioritering: Stödja en grön, digital och\n"
                       "motståndskraftig återhämtning i spåren av COVID-19 pandemin.", "20", "Dalarna")
    assert [(kind, goal) for kind, goal, _ in links] == [
        ("rus", links[0][1]), ("eruf", "eruf:programme-nationellt-react-eu")]


def test_interreg_opens_a_block_only_where_a_programme_is_named_as_a_label() -> None:
    assert match_marker("Interreg Europe-projekt Plastix.") is None
    assert match_marker("Interreg Baltic Sea Region och Interreg") is None
    for label in ("Interreg Baltic Sea Region", "Interreg Aurora: 3 Education", "Interreg Sverige-Norge:",
                  "Interreg Aurora, Smart specialization", "Finansiering via Interreg, 2.1 Sustainable"):
        found = match_marker(label)
        assert found is not None and found[0].kind == "interreg", label


def test_an_interreg_programmes_own_numbers_are_not_erdf_specific_objectives() -> None:
    links = eruf_links("Interreg Sverige-Norge:\n1. En smartare gränsregion,\n1.2 Små och medelstora företagens\n"
                       "hållbara tillväxt.", "20", "Dalarna")
    assert [(kind, goal) for kind, goal, _ in links] == [("interreg", "eruf:programme-interreg-sverige-norge")]
