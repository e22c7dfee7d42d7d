"""Reading goal text outside the appendix layout: what a region's own spreadsheet importer will use."""

from __future__ import annotations

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
