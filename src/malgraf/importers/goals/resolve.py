"""Resolve goal text to the goals of a region's reviewed vocabulary (``malgraf.vocab.regional``).

``GoalMatcher.find`` finds the vocabulary's wordings inside a goal column's text (longest first,
across line breaks), so a goal split over lines, glued to a remark or listed with another goal in
one sentence still resolves to its concept. ``GoalMatcher.resolve`` reads what is left over: a
number prefix, a notation (``Mål 4``), a fragment of one goal's wording, or a near-identical spelling.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

from malgraf.importers.lines import Line
from malgraf.vocab.regional import NOT_A_GOAL, RegionVocabulary, fold_wording

EXACT, ALIAS, INFERRED, UNRESOLVED = "exact", "alias", "inferred", "unresolved"
MATCHES = (EXACT, ALIAS, INFERRED, UNRESOLVED)
"""How a statement was resolved: its goal's label, another listed wording, a rule below, or not at all."""

SIMILAR = 0.88
"""How alike (difflib's ratio) a statement and a wording must be to count as one spelling of the other."""
_NUMBERING = re.compile(
    r"^(?:(?:mål|delmål|effektmål|prioritering|insatsområde|område|strategi|nr)\s*)?"
    r"\d{1,2}(?:\.\d{1,2})*\s*[.:)–-]?\s*", re.IGNORECASE)
_NOTATION_LIST = re.compile(
    r"(?:och\s+|samt\s+|&\s*)?(?:(?P<word>mål|delmål|prioritering|insatsområde|målområde)(?:en|et|na)?\s*)?"
    r"\d{1,2}(?:\.\d{1,2})*(?:\s*(?:,|och|&|samt)\s*\d{1,2}(?:\.\d{1,2})*)*")
_LEADING_CONNECTIVES = re.compile(r"^(?:(?:med|och|samt|i|inom|till|bidrar|bidra|fokus|på|även|främst)\s+)+")
_CONTINUED_WORD = re.compile(r"(?!(?:och|eller|samt|respektive|som|till)\b)[a-zåäö]")
"""A line that goes on with the rest of a word hyphenated at the break (``utveck-`` / ``lingen``)."""
_QUOTES = "\"”“’‘"


@dataclass(frozen=True)
class Found:
    """A wording of the vocabulary found in a text: which goal (``-``: not a goal), how, and where."""

    goal: str
    how: str
    start: int
    end: int


def display_text(lines: list[Line]) -> tuple[str, list[int], list[int]]:
    """The lines as one text (line-break hyphens joined) with each line's start offset and number."""
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    offset = 0
    for line in lines:
        text = " ".join(line.stripped.split())
        if not text:
            continue
        if parts and re.search(r"\w-$", parts[-1]) and _CONTINUED_WORD.match(text):
            parts[-1] = parts[-1][:-1]
            offset -= 2
        elif parts:
            parts[-1] += " "
        starts.append(offset)
        numbers.append(line.number)
        parts.append(text)
        offset += len(text) + 1
    return "".join(parts), starts, numbers


def searchable(text: str) -> tuple[str, list[int]]:
    """``text`` as wordings are looked for in it — lower case, quotes as spaces, one space between
    words — and, for each of its characters, where it stands in ``text``.

    >>> searchable(" Mål:  ”Fler i”  arbete")
    ('mål: fler i arbete', [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 22])
    """
    form: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace() or char in _QUOTES:
            if form and form[-1] != " ":
                form.append(" ")
                origin.append(index)
            continue
        for lowered in char.lower():
            form.append(lowered)
            origin.append(index)
    if form and form[-1] == " ":
        form.pop()
        origin.pop()
    return "".join(form), origin


def line_at(starts: list[int], numbers: list[int], offset: int) -> int:
    """The line number of the character at ``offset`` of a ``display_text``."""
    return numbers[max(bisect_right(starts, offset) - 1, 0)] if numbers else 0


class GoalMatcher:
    """Finds and resolves one region's goals in text."""

    def __init__(self, vocabulary: RegionVocabulary) -> None:
        self.vocabulary = vocabulary
        self.wordings: dict[str, tuple[str, str]] = {}
        for goal in vocabulary.goals.values():
            if not goal.is_strategy:
                self.wordings[fold_wording(goal.label)] = (goal.id, EXACT)
            for wording in goal.wordings:
                self.wordings[fold_wording(wording.text)] = (goal.id, ALIAS)
        for wording in vocabulary.not_goals:
            self.wordings[fold_wording(wording.text)] = (NOT_A_GOAL, ALIAS)
        ordered = sorted((w for w in self.wordings if w and not _NOTATION_LIST.fullmatch(w)), key=len, reverse=True)
        self._searched = [(searchable(w)[0], w) for w in ordered]
        names = [vocabulary.region, *(goal.label for goal in vocabulary.strategies()),
                 *(w.text for goal in vocabulary.strategies() for w in goal.wordings)]
        self.frame_words = frozenset(word.strip(".,;:()”“\"'–-").casefold() for name in names for word in name.split())
        """Words of the region's name and its strategies' names: the frame around a goal, not a goal."""
        self._notations = {fold_wording(goal.notation): goal.id
                           for goal in vocabulary.goals.values() if goal.notation}

    def find(self, text: str) -> list[Found]:
        """The wordings inside ``text``, longest first where they overlap, in the order they stand."""
        form, origin = searchable(text)
        taken: list[Found] = []
        for wording_form, wording in self._searched:
            at = form.find(wording_form)
            while at >= 0:
                end = at + len(wording_form)
                whole_words = (at == 0 or not form[at - 1].isalnum()) and (end == len(form) or not form[end].isalnum())
                start, stop = origin[at], origin[end - 1] + 1
                if whole_words and not any(start < f.end and f.start < stop for f in taken):
                    goal, how = self.wordings[wording]
                    taken.append(Found(goal, how, start, stop))
                at = form.find(wording_form, at + 1)
        return sorted(taken, key=lambda found: found.start)

    def resolve(self, statement: str, level: str = "") -> list[tuple[str, str]]:
        """The goals a left-over statement names and how (``inferred`` unless listed); ``[]`` if none."""
        return self.resolve_listed(statement, level) or self.resolve_near(statement)

    def resolve_listed(self, statement: str, level: str = "") -> list[tuple[str, str]]:
        """Goals a statement names by a listed wording, by notation (``Mål 4``, ``2 och 3`` after the
        marker ``RUS mål``: ``level``) or by a wording behind a number prefix (``1.2 X``)."""
        folded = fold_wording(statement)
        if folded in self.wordings:
            return [self.wordings[folded]]
        numbered = self._numbered(folded, level)
        if numbered:
            return [(goal, INFERRED) for goal in numbered]
        stripped = fold_wording(_NUMBERING.sub("", folded, count=1))
        if stripped != folded and stripped in self.wordings:
            return [(self.wordings[stripped][0], INFERRED)]
        return []

    def resolve_near(self, statement: str) -> list[tuple[str, str]]:
        """The one goal a statement is a fragment of, or nearly spells (``SIMILAR``); ``[]`` if none."""
        stripped = fold_wording(_NUMBERING.sub("", fold_wording(statement), count=1))
        candidates = {goal for wording, (goal, _) in self.wordings.items()
                      if goal != NOT_A_GOAL and len(stripped) >= 12 and " " in stripped and stripped in wording}
        if len(candidates) == 1:
            return [(candidates.pop(), INFERRED)]
        best: tuple[float, str] | None = None
        for wording, (goal, _) in self.wordings.items():
            if goal == NOT_A_GOAL or abs(len(wording) - len(stripped)) > 0.3 * max(len(wording), 1):
                continue
            ratio = SequenceMatcher(None, stripped, wording).ratio()
            if ratio >= SIMILAR and (best is None or ratio > best[0]):
                best = (ratio, goal)
        return [(best[1], INFERRED)] if best else []

    def _numbered(self, folded: str, level: str = "") -> list[str]:
        """Goals named by their notation alone: ``Mål 4``, ``mål 2 och 3``, ``och 2``, or ``3`` after ``RUS mål``."""
        if folded in self._notations and not folded[:1].isdigit():
            return [self._notations[folded]]
        listed = _NOTATION_LIST.fullmatch(_LEADING_CONNECTIVES.sub("", folded))
        if not listed:
            return []
        word = listed.group("word") or fold_wording(level) or "mål"  # ``4`` after ``Delmål``: Delmål 4
        goals = [self._notations.get(f"{word} {number}") or self._notations.get(number)
                 or self._only_number(number) for number in re.findall(r"\d{1,2}(?:\.\d{1,2})*", folded)]
        return [goal for goal in goals if goal] if all(goals) else []

    def _only_number(self, number: str) -> str | None:
        """The goal whose notation is ``number`` with whatever word (``mål 7`` → ``Delmål 7``), if just one."""
        goals = {goal for notation, goal in self._notations.items()
                 if re.fullmatch(r"\D*" + re.escape(number), notation)}
        return goals.pop() if len(goals) == 1 else None
