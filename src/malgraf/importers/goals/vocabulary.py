"""What a region's own rows teach about its goal column: where it starts, and of what kind it is.

Regions that label some of their goal statements (``Mål i RUS: …``) and leave others unlabelled
repeat the same sentences: what a region labelled once (or its reviewed vocabulary lists) tells
where an unlabelled goal column starts and what kind it is, and a sentence it repeats across rows
is a goal rather than an effect. Nothing here depends on the appendix layout: any importer that
reads goal text by region can teach and ask it. Which goal a statement names is ``resolve``'s.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from malgraf.importers.goals.statements import GoalStatement, normalise_statement
from malgraf.importers.lines import Line
from malgraf.vocab.regional import RegionVocabulary


class RegionGoalVocabulary:
    """What a region's rows teach about its goal column: sentences it repeats and labels it uses.

    Teach it all rows first (``learn_tail``, ``learn_stated``), then ask it while reading them again.
    """

    def __init__(self) -> None:
        self.tail_counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.labelled: dict[str, dict[str, str]] = defaultdict(dict)

    def learn_tail(self, region: str, lines: list[Line]) -> None:
        """Count the lines that end one row (its goal column, if it has one)."""
        for text in {normalise_statement(line.stripped) for line in lines if len(line.stripped) > 8}:
            self.tail_counts[region][text] += 1

    def learn_labelled(self, region: str, statement: str, kind: str) -> None:
        """Remember that ``region`` labels ``statement`` as a goal of ``kind`` (the first label wins)."""
        self.labelled[region].setdefault(normalise_statement(statement), kind)

    def learn_reviewed(self, reviewed: RegionVocabulary) -> None:
        """Remember every label and wording of a region's reviewed vocabulary, with its strategy's kind."""
        for goal in reviewed.goals.values():
            kind = reviewed.kind_of(goal.id)
            texts = [wording.text for wording in goal.wordings] if goal.is_strategy else \
                [goal.label, *(wording.text for wording in goal.wordings)]
            for text in texts:
                self.labelled[reviewed.region][normalise_statement(text)] = kind

    def learn_stated(self, region: str, statements: Iterable[GoalStatement]) -> None:
        """Remember the statements a marker labels (``method == "marker"``)."""
        for statement in statements:
            if statement.method == "marker":
                self.learn_labelled(region, statement.statement, statement.kind)

    def first_known_statement(self, region: str, lines: list[Line], indices: list[int]) -> int | None:
        """Index of the first of ``lines[indices]`` where a statement the region labelled elsewhere begins."""
        known = [s for s in self.labelled[region] if len(s) >= 15]
        if not known:
            return None
        starts: list[tuple[int, int]] = []
        parts: list[str] = []
        offset = 0
        for index in indices:
            text = normalise_statement(lines[index].stripped)
            starts.append((offset, index))
            parts.append(text)
            offset += len(text) + 1
        joined = " ".join(parts)
        positions = [joined.find(statement) for statement in known]
        found = [p for p in positions if p >= 0]
        if not found:
            return None
        first = min(found)
        return max(index for start, index in starts if start <= first)

    def is_goal_line(self, region: str, text: str) -> bool:
        """Whether ``text`` ends two or more of the region's rows, as a goal sentence does."""
        folded = normalise_statement(text)
        return len(folded) > 8 and self.tail_counts[region][folded] >= 2

    def kind_of(self, region: str, statement: str) -> str | None:
        """The kind the region labelled ``statement`` with elsewhere, if it did."""
        return self.labelled[region].get(normalise_statement(statement))
