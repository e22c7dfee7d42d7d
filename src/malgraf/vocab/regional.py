"""Each region's goals as a reviewed vocabulary: ``data/goals/<länskod>-<name>.csv`` → SKOS.

One file per region, written by a reader from the region's own reports and correctable by its
officers. A row is one of three shapes (see ``data/goals/README.md``):

- a **strategy** (``level`` = ``strategi``): the RUS or another strategy or programme the region cites;
- a **goal** (``label`` filled): one real goal, with its level, the region's numbering and the goal
  or strategy it sits under (``broader``);
- a **wording** (``wording`` filled): another way the sources write a goal, or, with ``goal`` = ``-``,
  text in a goal column that is not a goal (a report remark).

``read_region_vocabulary`` checks a file (every flaw names file, row and field);
``vocabulary_triples`` turns it into a ``skos:ConceptScheme`` of ``mg:RusGoal``/``mg:OtherGoal``
concepts with ``skos:broader``, ``skos:notation``, ``skos:prefLabel``/``skos:altLabel`` and, per
wording, the source lines it occurs at.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from malgraf.errors import InputError
from malgraf.importers.csvfile import CsvRow, read_csv
from malgraf.importers.data_folder import Triples
from malgraf.importers.goal_iris import rus_scheme, scheme_labels
from malgraf.namespaces import MG, REGION, RUS
from malgraf.regions import REGIONS_BY_LANSKOD

VOCABULARY_COLUMNS = ("goal", "level", "notation", "label", "broader", "kind", "wording", "lines", "note")
STRATEGY_LEVEL = "strategi"
NOT_A_GOAL = "-"
STRATEGY_KINDS = ("rus", "other")
_GOAL_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_FILE_NAME = re.compile(r"(?P<lanskod>[0-9]{2})-[a-z0-9-]+\.csv")


@dataclass(frozen=True)
class Wording:
    """One way the sources write a goal (or, for ``goal`` = ``-``, text that is not a goal)."""

    goal: str
    text: str
    lines: tuple[int, ...]
    row: int


@dataclass
class RegionGoal:
    """A strategy or a goal of the region's vocabulary."""

    id: str
    level: str
    notation: str
    label: str
    broader: str
    kind: str
    lines: tuple[int, ...]
    note: str
    row: int
    wordings: list[Wording] = field(default_factory=list)

    @property
    def is_strategy(self) -> bool:
        return self.level == STRATEGY_LEVEL


@dataclass
class RegionVocabulary:
    """One region's reviewed goal vocabulary, read from its file."""

    lanskod: str
    path: Path
    goals: dict[str, RegionGoal]
    not_goals: list[Wording]

    @property
    def region(self) -> str:
        return REGIONS_BY_LANSKOD[self.lanskod].short_name

    def iri(self, goal_id: str) -> URIRef:
        """The IRI of a goal or strategy: ``rus:<länskod>-<id>``."""
        return RUS[f"{self.lanskod}-{goal_id}"]

    def curie(self, goal_id: str) -> str:
        return f"rus:{self.lanskod}-{goal_id}"

    def strategy_of(self, goal_id: str) -> RegionGoal:
        """The strategy a goal belongs to: where its chain of ``broader`` ends."""
        goal = self.goals[goal_id]
        while not goal.is_strategy:
            goal = self.goals[goal.broader]
        return goal

    def kind_of(self, goal_id: str) -> str:
        """``rus`` or ``other``: the kind of the goal's strategy."""
        return self.strategy_of(goal_id).kind

    def real_goals(self) -> list[RegionGoal]:
        """The goals, without the strategies, in file order."""
        return [goal for goal in self.goals.values() if not goal.is_strategy]

    def strategies(self) -> list[RegionGoal]:
        return [goal for goal in self.goals.values() if goal.is_strategy]


def _lines(row: CsvRow) -> tuple[int, ...]:
    numbers = []
    for part in row.get("lines").replace(",", " ").replace(";", " ").split():
        if not (part.isascii() and part.isdigit() and len(part) <= 9 and int(part) > 0):
            raise row.error("lines", f"{part!r} is not a line number (line numbers are separated by spaces)")
        numbers.append(int(part))
    return tuple(numbers)


def read_region_vocabulary(path: Path) -> RegionVocabulary:
    """Read and check one region's goal file; any flaw is an ``InputError`` naming the row and field."""
    found = _FILE_NAME.fullmatch(path.name)
    if not found or found.group("lanskod") not in REGIONS_BY_LANSKOD:
        raise InputError(path, "a region's goal file is named <länskod>-<name>.csv after a region's two-digit "
                         "county code (01-stockholm.csv … 25-norrbotten.csv)")
    lanskod = found.group("lanskod")
    goals: dict[str, RegionGoal] = {}
    wordings: list[tuple[CsvRow, Wording]] = []
    for row in read_csv(path, VOCABULARY_COLUMNS):
        goal_id, label, text = row.required("goal"), row.get("label"), row.get("wording")
        if label and text:
            raise row.error("wording", "a row gives either a goal's label or another wording of it, not both")
        if text:
            wordings.append((row, Wording(goal_id, text, _lines(row), row.number)))
            continue
        if not label:
            raise row.error("label", "is empty: a goal row needs its label, a wording row its wording")
        if not _GOAL_ID.fullmatch(goal_id):
            raise row.error("goal", f"{goal_id!r} is not an id: lowercase a–z, digits and hyphens")
        if goal_id in goals:
            raise row.error("goal", f"{goal_id!r} is already the id of row {goals[goal_id].row}")
        level = row.required("level")
        kind = row.get("kind")
        if level == STRATEGY_LEVEL and kind not in STRATEGY_KINDS:
            raise row.error("kind", f"a strategy's kind is one of {', '.join(STRATEGY_KINDS)}, not {kind!r}")
        if level != STRATEGY_LEVEL and kind:
            raise row.error("kind", "only a strategy row (level strategi) gives a kind; its goals inherit it")
        goals[goal_id] = RegionGoal(goal_id, level, row.get("notation"), label, row.get("broader"), kind,
                                    _lines(row), row.get("note"), row.number)
    _check_hierarchy(path, goals)
    owners: dict[str, tuple[str, int]] = {}
    for goal in goals.values():
        if not goal.is_strategy:
            _claim(path, owners, goal.label, goal.id, goal.row, "label")
    not_goals: list[Wording] = []
    for row, wording in wordings:
        _claim(path, owners, wording.text, wording.goal, row.number, "wording")
        if wording.goal == NOT_A_GOAL:
            not_goals.append(wording)
        elif wording.goal not in goals:
            raise row.error("goal", f"{wording.goal!r} is not the id of a goal or strategy in this file")
        else:
            goals[wording.goal].wordings.append(wording)
    return RegionVocabulary(lanskod, path, goals, not_goals)


def _claim(path: Path, owners: dict[str, tuple[str, int]], text: str, goal_id: str, row: int, column: str) -> None:
    """Each wording (as compared, so case aside) belongs to one goal: the same text for two is ambiguous."""
    folded = fold_wording(text)
    owner, first = owners.setdefault(folded, (goal_id, row))
    if owner != goal_id:
        raise InputError(path, f"{text!r} is already a wording of {owner!r} (row {first}); a wording names one goal",
                         line=row, field=column)


def _check_hierarchy(path: Path, goals: dict[str, RegionGoal]) -> None:
    """Every goal's chain of ``broader`` ids exists, has no cycle and ends at a strategy."""
    if not any(goal.is_strategy for goal in goals.values()):
        raise InputError(path, "no strategy row (level strategi): name the RUS first", line=2)
    for goal in goals.values():
        if goal.is_strategy:
            if goal.broader:
                raise InputError(path, "a strategy sits under nothing: leave broader empty", line=goal.row,
                                 field="broader")
            continue
        seen = {goal.id}
        current = goal
        while not current.is_strategy:
            if not current.broader:
                raise InputError(path, f"goal {current.id!r} names no broader goal or strategy", line=current.row,
                                 field="broader")
            if current.broader not in goals:
                raise InputError(path, f"{current.broader!r} is not the id of a goal or strategy in this file",
                                 line=current.row, field="broader")
            if current.broader in seen:
                raise InputError(path, f"goal {goal.id!r} lies under itself (through {current.broader!r})",
                                 line=goal.row, field="broader")
            seen.add(current.broader)
            current = goals[current.broader]


def load_region_vocabularies(directory: Path) -> dict[str, RegionVocabulary]:
    """Every region's goal file in ``directory``, by länskod; two files for one region is an error."""
    vocabularies: dict[str, RegionVocabulary] = {}
    if not directory.is_dir():
        raise InputError(directory, "no such directory of goal vocabularies (<länskod>-<name>.csv)")
    for path in sorted(directory.glob("*.csv")):
        vocabulary = read_region_vocabulary(path)
        if vocabulary.lanskod in vocabularies:
            raise InputError(path, f"a second goal file for region {vocabulary.lanskod} "
                             f"(the first is {vocabularies[vocabulary.lanskod].path.name})")
        vocabularies[vocabulary.lanskod] = vocabulary
    return vocabularies


def fold_wording(text: str) -> str:
    """A wording as compared: case-folded, quotes dropped, whitespace collapsed, no end punctuation.

    >>> fold_wording("  Minskad Miljö- och  ”klimatpåverkan”. ")
    'minskad miljö- och klimatpåverkan'
    """
    text = re.sub(r"[\"”“’‘]", "", text)
    return " ".join(text.casefold().split()).strip(" .,;:•")


def _wording_node(graph: Triples, goal: URIRef, text: str, lines: tuple[int, ...], preferred: bool) -> None:
    digest = hashlib.sha1(fold_wording(text).encode("utf-8")).hexdigest()[:8]
    node = URIRef(f"{goal}/wording/{digest}")
    graph.append((goal, MG.wording, node))
    graph.append((node, RDF.type, MG.Wording))
    graph.append((node, RDF.value, Literal(text, lang="sv")))
    if preferred:
        graph.append((node, MG.preferredWording, Literal(True)))
    for line in lines:
        graph.append((node, MG.sourceLine, Literal(line, datatype=XSD.integer)))


def vocabulary_triples(vocabulary: RegionVocabulary, graph: Triples | None = None) -> Triples:
    """The region's goal vocabulary as SKOS: one scheme, its strategies and one concept per goal."""
    graph = Triples() if graph is None else graph
    lanskod = vocabulary.lanskod
    scheme = rus_scheme(lanskod)
    region = REGION[lanskod]
    graph.append((scheme, RDF.type, SKOS.ConceptScheme))
    graph.append((scheme, MG.region, region))
    for label in scheme_labels(vocabulary.region):
        graph.append((scheme, SKOS.prefLabel, label))
    for goal in vocabulary.goals.values():
        node = vocabulary.iri(goal.id)
        graph.append((node, SKOS.inScheme, scheme))
        graph.append((node, MG.region, region))
        graph.append((node, SKOS.prefLabel, Literal(goal.label, lang="sv")))
        graph.append((node, MG.goalLevel, Literal(goal.level, lang="sv")))
        if goal.notation:
            graph.append((node, SKOS.notation, Literal(goal.notation)))
        if goal.note:
            graph.append((node, SKOS.editorialNote, Literal(goal.note, lang="sv")))
        graph.append((node, RDF.type, SKOS.Concept))
        if goal.is_strategy:
            graph.append((node, RDF.type, MG.RegionalStrategy))
            graph.append((node, MG.goalKind, Literal(goal.kind)))
            graph.append((node, SKOS.topConceptOf, scheme))
            graph.append((scheme, SKOS.hasTopConcept, node))
        else:
            strategy = vocabulary.strategy_of(goal.id)
            graph.append((node, RDF.type, MG.RusGoal if strategy.kind == "rus" else MG.OtherGoal))
            graph.append((node, MG.strategy, vocabulary.iri(strategy.id)))
            graph.append((node, SKOS.broader, vocabulary.iri(goal.broader)))
            graph.append((vocabulary.iri(goal.broader), SKOS.narrower, node))
        _wording_node(graph, node, goal.label, goal.lines, True)
        for wording in goal.wordings:
            graph.append((node, SKOS.altLabel, Literal(wording.text, lang="sv")))
            _wording_node(graph, node, wording.text, wording.lines, False)
    return graph
