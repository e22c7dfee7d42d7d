"""Parse Tillväxtverket's table appendix of the regions' reports (seed 004) into records.

``parse_appendix`` finds the sections and rows (``layout``), checks their regions (``regions``), reads
each row's goal column twice — first to teach each region's goal vocabulary, then with it
(``goal_column``) — and splits the rest of the row into name, description, outputs and effects
(``columns``); §8's answers are read by ``section8``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from malgraf.errors import InputError, InputWarning
from malgraf.files import check_input_file
from malgraf.importers.appendix.columns import split_body, split_name
from malgraf.importers.appendix.goal_column import goals_beside_the_name, read_goal_column
from malgraf.importers.appendix.layout import (
    RawRow,
    clean_lines,
    deduplicate,
    find_sections,
    is_empty_row,
    split_rows,
)
from malgraf.importers.appendix.regions import check_regions, region_warnings
from malgraf.importers.appendix.section8 import Answer, parse_section_8
from malgraf.importers.goals.resolve import UNRESOLVED, GoalMatcher
from malgraf.importers.goals.statements import GoalStatement
from malgraf.importers.goals.vocabulary import RegionGoalVocabulary
from malgraf.importers.insats_ids import insats_id, unique_ids
from malgraf.regions import LANSKOD
from malgraf.resources import GOALS_DIRECTORY
from malgraf.vocab.regional import load_region_vocabularies

MAX_APPENDIX_BYTES = 64 * 1024 * 1024
"""An appendix text larger than this is refused (the 2023 one is 0.75 MB)."""


@dataclass
class InsatsRecord:
    """One row of §1–7: an insats reported under one section, with its goal statements."""

    id: str
    year: int
    section: int
    region: str
    name: str
    description: str
    outputs: str
    effects: str
    nyps_id: str
    first_line: int
    last_line: int
    goals: list[GoalStatement] = field(default_factory=list)

    @property
    def lanskod(self) -> str:
        return LANSKOD[self.region]


@dataclass
class Appendix:
    """Everything read from the appendix."""

    insatser: list[InsatsRecord]
    answers: list[Answer]
    warnings: list[InputWarning] = field(default_factory=list)
    """What was read by a guess the user should check, in the order of the text."""
    vocabulary_regions: frozenset[str] = frozenset()
    """The regions (länskod) whose statements were resolved against a reviewed goal vocabulary."""

    def regional_statements(self) -> list[tuple[InsatsRecord, GoalStatement]]:
        """The RUS and other regional statements of the regions with a vocabulary, in source order."""
        return [(record, goal) for record in self.insatser for goal in record.goals if goal.match]

    def unresolved(self) -> list[tuple[InsatsRecord, GoalStatement]]:
        """The regional statements that match no goal of the region's vocabulary, in source order."""
        found = [(record, goal) for record, goal in self.regional_statements() if goal.match == UNRESOLVED]
        return sorted(found, key=lambda pair: pair[1].first_line)

    def regions_without_vocabulary(self) -> list[str]:
        """The regions with rows but no reviewed goal vocabulary (länskod, in order)."""
        return sorted({record.lanskod for record in self.insatser} - self.vocabulary_regions)


def read_lines(path: Path) -> list[str]:
    """The lines of a regular file of UTF-8 text; one too large, not UTF-8 or holding NUL is an input error."""
    check_input_file(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_APPENDIX_BYTES + 1)
        if len(data) > MAX_APPENDIX_BYTES:
            size = path.stat().st_size
            raise InputError(path, f"{size} bytes, more than the {MAX_APPENDIX_BYTES} an appendix may have")
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(path, "holds a NUL byte (is this a binary file rather than the appendix as text?)", line=line)
    return text.split("\n")


def composed(path: Path, lines: list[str]) -> tuple[list[str], list[InputWarning]]:
    """The lines in Unicode NFC, as every pattern expects them, and a warning naming the first that was not."""
    normal = [unicodedata.normalize("NFC", line) for line in lines]
    changed = [number for number, (old, new) in enumerate(zip(lines, normal, strict=True), start=1) if old != new]
    if not changed:
        return lines, []
    more = f" (and {len(changed) - 1} more lines)" if len(changed) > 1 else ""
    return normal, [InputWarning(str(path), f"not in Unicode NFC (letters decomposed as base letter and combining "
                                 f"mark); read as NFC{more}", line=changed[0])]


def parse_appendix(path: Path, year: int = 2023, goals_directory: Path | None = GOALS_DIRECTORY) -> Appendix:
    """Parse the appendix text at ``path``; raise ``InputError`` naming the line if it is not one.

    Each region's goal statements resolve to the goals of its reviewed vocabulary in
    ``goals_directory`` (``data/goals``); a region without one (or ``None``) gets a goal per sentence.
    What it read by a guess (a region written another way, text not in NFC) is in ``Appendix.warnings``.
    """
    lines, warnings = composed(path, read_lines(path))
    sections = find_sections(lines)
    numbers = [s.number for s in sections]
    if numbers[:1] != [1]:
        raise InputError(path, "not the regions' table appendix: no heading ' 1 Likvärdiga möjligheter "
                         "till boende, arbete och välfärd i hela landet'", line=1)
    if numbers != list(range(1, 9)):
        missing = next(n for n in range(1, 9) if n not in numbers)
        last = sections[-1]
        raise InputError(path, f"truncated: section {missing} is missing (the file ends in section "
                         f"{last.number})", line=len(lines))
    rows: list[RawRow] = []
    for section in sections[:7]:
        section_lines = clean_lines(lines, section)
        all_rows = split_rows(section_lines, section.number)
        check_regions(path, section_lines, all_rows)
        found = deduplicate([row for row in all_rows if not is_empty_row(row)])
        warnings.extend(region_warnings(path, found))
        rows.extend(found)
    reviewed = load_region_vocabularies(goals_directory) if goals_directory is not None else {}
    matchers = {lanskod: GoalMatcher(vocabulary) for lanskod, vocabulary in reviewed.items()}
    vocabulary = RegionGoalVocabulary()
    for row in rows:
        vocabulary.learn_tail(row.region, [line for line in row.lines if line.stripped][-12:])
    for row in rows:
        vocabulary.learn_stated(row.region, read_goal_column(row.lines, LANSKOD[row.region], row.region)[0])
    for region_vocabulary in reviewed.values():
        vocabulary.learn_reviewed(region_vocabulary)
    insatser = _records(rows, vocabulary, matchers, year)
    answers = parse_section_8(path, lines, sections[7])
    return Appendix(insatser, answers, sorted(warnings, key=lambda warning: warning.line or 0),
                    frozenset(reviewed))


def _records(rows: list[RawRow], vocabulary: RegionGoalVocabulary, matchers: dict[str, GoalMatcher],
             year: int) -> list[InsatsRecord]:
    records: list[InsatsRecord] = []
    for row in rows:
        lanskod = LANSKOD[row.region]
        matcher = matchers.get(lanskod)
        statements, goal_start = read_goal_column(row.lines, lanskod, row.region, vocabulary, matcher)
        if matcher is not None and not any(goal.match and goal.goal for goal in statements):
            beside = goals_beside_the_name(row.lines, matcher)
            # the end of a goal that begins beside the name is no statement of its own: "… i" / "Jönköpings län"
            statements = beside + [goal for goal in statements if not (
                goal.match == UNRESOLVED and any(goal.statement in found.statement for found in beside))]
        body = row.lines[:goal_start]
        name, name_end, nyps = split_name(row)
        description, outputs, effects = split_body(body[name_end:], row)
        records.append(InsatsRecord(
            id=insats_id(year, row.section, LANSKOD[row.region], name),
            year=year, section=row.section, region=row.region, name=name, description=description,
            outputs=outputs, effects=effects, nyps_id=nyps, first_line=row.first_line,
            last_line=max(line.number for line in row.lines if line.stripped), goals=statements,
        ))
    for record, unique in zip(records, unique_ids(r.id for r in records), strict=True):
        record.id = unique
    return records
