"""Goal statements: one goal a row says its insats contributes to, and the text rules that find them.

A statement's text is compared across rows after ``normalise_statement``; a region's RUS goal is one
node per distinct normalised sentence (``rus_goal_id``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from malgraf.importers.lines import Line


@dataclass
class GoalStatement:
    """One goal the row says the insats contributes to."""

    kind: str
    statement: str
    goal: str
    level: str
    method: str
    first_line: int
    last_line: int
    match: str = ""
    """How the statement was resolved to a goal of the region's vocabulary (``resolve.MATCHES``), if it has one."""


def rus_goal_id(lanskod: str, statement: str) -> str:
    """A stable node id for a region's goal sentence: ``rus:10-<hash of the normalised text>``."""
    digest = hashlib.sha1(normalise_statement(statement).encode("utf-8")).hexdigest()[:10]
    return f"rus:{lanskod}-{digest}"


def normalise_statement(text: str) -> str:
    """Text of a goal sentence as compared across rows: case-folded, no quotes or end punctuation."""
    text = re.sub(r"[\"”“’‘]", "", text)
    return " ".join(text.casefold().split()).strip(" .,;:-–•")


_LINE_BREAK_HYPHEN = re.compile(r"(\w)- (?!(?:och|eller|samt|respektive|som|till)\b)([a-zåäö])")
"""``utveck- lingsstrategin`` was hyphenated at a line break; ``Miljö- och klimat`` was not."""


def join_hyphenated(text: str) -> str:
    """Join words hyphenated at a line break; keep suspended compounds.

    >>> join_hyphenated("regionala utveck- lingsstrategin om miljö- och klimat")
    'regionala utvecklingsstrategin om miljö- och klimat'
    """
    return _LINE_BREAK_HYPHEN.sub(r"\1\2", text)


def clean_statement(text: str) -> str:
    """A goal sentence as shown: whitespace collapsed, hyphenated line breaks joined."""
    text = join_hyphenated(text)
    return " ".join(text.split()).strip(" ,;•").rstrip(".").strip()


SENTENCE_END = re.compile(r"[.!?;]\s*$")
_CONTINUED = re.compile(r"(\b(och|samt|för|i|att|av|med|till|är|om|mot)|,|\S\s+[A-ZÅÄÖ][\w-]*)$")
"""A line that goes on into the next: a connective, a comma, or a capitalised name that wraps."""


def split_statements(lines: list[Line]) -> list[tuple[str, int, int]]:
    """Split a block's lines into statements at bullets, sentence ends and new capitalised lines."""
    statements: list[tuple[str, int, int]] = []
    current: list[str] = []
    first = last = 0
    for line in lines:
        text = line.stripped
        if not text:
            continue
        starts_new = bool(re.match(r"^(?:[•\-–]\s|\d{1,2}[.)]?\s)", text))
        previous = current[-1].strip() if current else ""
        joined = " ".join(current)
        inside_brackets = joined.count("(") > joined.count(")")
        if current and not inside_brackets and (starts_new or SENTENCE_END.search(previous) or (
                text[:1].isupper() and not _CONTINUED.search(previous))):
            statements.append((" ".join(current), first, last))
            current = []
        if not current:
            first = line.number
        current.append(text.lstrip("•-– ").strip())
        last = line.number
    if current:
        statements.append((" ".join(current), first, last))
    return statements


_PARENTHETICAL = re.compile(r"^(?P<main>[^()]{3,}?)[.\s]*\((?P<items>[^()]+)\)\.?$")


def split_parenthetical(statement: str) -> list[str]:
    """A goal followed by a bracketed list of sub-goals: the goal and each sub-goal.

    >>> split_parenthetical("Fler i arbete. (ökad kompetens och Få in fler i arbete)")
    ['Fler i arbete', 'ökad kompetens', 'Få in fler i arbete']
    """
    found = _PARENTHETICAL.match(statement)
    if not found:
        return [statement]
    items = re.split(r"\s*[,;]\s*|\s+och\s+(?=[A-ZÅÄÖ])|(?<=[a-zåäö])\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+\w+\s)",
                     found.group("items"))
    return [clean_statement(found.group("main")), *(clean_statement(i) for i in items if i.strip())]
