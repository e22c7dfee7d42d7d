"""Where a table row's goal column starts, and what it states.

The PDF extraction lost the column boundaries, so the goal column is found from its end: at a marker
(``Mål i RUS:`` …) among the row's last lines, or, unlabelled, where the region's own goal
sentences (``RegionGoalVocabulary``) or SDG names begin.
"""

from __future__ import annotations

import re

from malgraf.importers.goals.markers import match_marker
from malgraf.importers.goals.reader import read_goal_text
from malgraf.importers.goals.references import sdg_line
from malgraf.importers.goals.resolve import GoalMatcher
from malgraf.importers.goals.statements import SENTENCE_END, GoalStatement
from malgraf.importers.goals.vocabulary import RegionGoalVocabulary
from malgraf.importers.lines import Line
from malgraf.vocab.regional import NOT_A_GOAL

NEAR_MARKER = 4
"""A goal the region's vocabulary knows, this few text lines before the first marker, starts the column."""
TAIL = 40
"""How many non-empty lines at the end of a row may belong to the goal column."""


def goal_column_start(lines: list[Line], region: str, vocabulary: RegionGoalVocabulary | None) -> tuple[int, bool]:
    """Index in ``lines`` where the goal column starts, and whether a marker says so."""
    body = [i for i, line in enumerate(lines) if line.stripped]
    window = body[1:][-TAIL:] if len(body) > 1 else []
    marker = next((index for index in window if match_marker(lines[index].stripped)), None)
    if marker is not None:
        known = vocabulary.first_known_statement(region, lines, window) if vocabulary is not None else None
        near = known is not None and known < marker and \
            sum(1 for i in window if known <= i < marker) <= NEAR_MARKER
        return (known, True) if near and known is not None else (marker, True)
    if vocabulary is not None:
        known = vocabulary.first_known_statement(region, lines, window)
        if known is not None:
            return known, False
        start = None
        for index in reversed(window):
            text = lines[index].stripped
            if vocabulary.is_goal_line(region, text) or sdg_line(text, False):
                start = index
            elif start is not None and not _continues_goal(lines, index, start):
                break
        if start is not None:
            return start, False
    return len(lines), False


_INLINE_MARKER = re.compile(
    r"(?<=[.;])\s+(?=(?:Regional\s+prioritering|Prioritering|Delmål|Mål|Insatsområde|Strategiskt\s+område)\s*:"
    r"|(?:Mål\s+(?:i|enligt)\s+RUS|RUS[\s:-]*(?:mål|effektmål|prioritering(?:ar)?)|RUS\s*:)(?=[\s:]))"
)


def _split_inline_markers(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """Split a line where columns merged (a double space) or a sentence ends and a marker starts.

    ``Genomförd diplomering  Agenda 2030 mål 10 …`` and ``… region. Regional prioritering: …``.
    Returns the new lines and, for each, the index of the line it came from.
    """
    result: list[Line] = []
    origin: list[int] = []
    for position, line in enumerate(lines):
        columns = re.split(r"(?<=\S)\s{2,}(?=\S)", line.text.strip()) if position and line.stripped else [line.text]
        for column in columns:
            for part in _INLINE_MARKER.split(column):
                result.append(Line(line.number, part))
                origin.append(position)
    return result, origin


def _continues_goal(lines: list[Line], index: int, start: int) -> bool:
    """A line just before a recognised goal line that wraps into it (no sentence end)."""
    text = lines[index].stripped
    return not SENTENCE_END.search(text) and index == max(
        i for i in range(start) if lines[i].stripped
    ) and not text[:1].isupper()


def read_goal_column(
    lines: list[Line], lanskod: str, region: str, vocabulary: RegionGoalVocabulary | None = None,
    matcher: GoalMatcher | None = None,
) -> tuple[list[GoalStatement], int]:
    """The goal statements of a row's goal column and the index where the column starts.

    ``matcher`` resolves the statements to the region's reviewed goals (``goals.resolve``).
    """
    original = len(lines)
    lines, origin = _split_inline_markers(lines)
    start, marked = goal_column_start(lines, region, vocabulary)
    statements = read_goal_text(lines[start:], lanskod, region, vocabulary, marked=marked, matcher=matcher)
    return statements, (origin[start] if start < len(lines) else original)


def goals_beside_the_name(lines: list[Line], matcher: GoalMatcher) -> list[GoalStatement]:
    """A region's goals written in a later column of a row's first line, beside its name.

    ``Uppsala APL kartläggning  Utbildning och sysselsättning för alla  Dialogmaterial …``: the text
    extraction ran the row's columns into one line, and the goal column is not at the row's end. A
    wording that starts there may wrap onto the next lines (``… företag och`` / ``organisationer``).
    Only wordings of the region's vocabulary count; the rest of the line is not read as goals.
    """
    text = [line for line in lines if line.stripped]
    if not text:
        return []
    columns = re.split(r"(?<=\S)\s{2,}(?=\S)", text[0].text.strip())[1:]
    beside = "  ".join(columns)
    if not beside:
        return []
    joined, starts = beside, [0]
    for line in text[1:1 + BESIDE_WRAPS]:
        starts.append(len(joined) + 1)
        joined += " " + line.stripped
    vocabulary = matcher.vocabulary
    found: list[GoalStatement] = []
    for hit in matcher.find(joined):
        if hit.goal != NOT_A_GOAL and hit.start < len(beside) and hit.goal not in {g.goal for g in found}:
            last = text[max(i for i, start in enumerate(starts) if start < hit.end)].number
            found.append(GoalStatement(vocabulary.kind_of(hit.goal), " ".join(joined[hit.start:hit.end].split()),
                                       vocabulary.curie(hit.goal), "", "inferred", text[0].number, last, hit.how))
    return found


BESIDE_WRAPS = 2
"""How many lines a goal beside a row's name may wrap onto."""
