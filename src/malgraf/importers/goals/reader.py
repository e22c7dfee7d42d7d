"""Read goal text into goal statements: split it into blocks at markers, then read each block.

A block's kind says how its lines are read: numbered or named SDGs under Agenda 2030, codes and
names of objectives and programmes under ERUF, Interreg and JTF, and goal sentences (one RUS node
per sentence of a region) under RUS and other strategies. Lines before any marker are read as RUS
goals; with a region's vocabulary, a sentence the region labelled elsewhere keeps that label's kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from malgraf.importers.goals.markers import match_marker
from malgraf.importers.goals.references import eruf_goals, inline_sdgs, sdg_for_label, sdg_line
from malgraf.importers.goals.statements import (
    GoalStatement,
    clean_statement,
    normalise_statement,
    rus_goal_id,
    split_parenthetical,
    split_statements,
)
from malgraf.importers.goals.vocabulary import RegionGoalVocabulary
from malgraf.importers.lines import Line


@dataclass
class _Block:
    kind: str
    level: str
    method: str
    lines: list[Line] = field(default_factory=list)
    opening: str = ""


def read_goal_text(
    lines: list[Line], lanskod: str, region: str, vocabulary: RegionGoalVocabulary | None = None,
    *, marked: bool = False,
) -> list[GoalStatement]:
    """The goal statements of a goal column's lines, each goal once.

    Lines before the first marker are RUS goals, stated (``marker``) when ``marked`` says that
    something outside the text labels them, else ``inferred``.
    """
    blocks: list[_Block] = []
    current = _Block("rus", "", "marker" if marked else "inferred")
    for line in lines:
        text = line.stripped
        if not text:
            continue
        found = match_marker(text)
        if found:
            marker, rest = found
            current = _Block(marker.kind, marker.level, "marker", opening=text)
            blocks.append(current)
            if rest:
                current.lines.append(Line(line.number, rest))
            continue
        if not blocks:
            blocks.append(current)
        current.lines.append(line)
    statements: list[GoalStatement] = []
    for block in blocks:
        statements.extend(_read_block(block, lanskod, region, vocabulary))
    return _unique(statements)


def _unique(statements: list[GoalStatement]) -> list[GoalStatement]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for statement in statements:
        key = (statement.kind, statement.goal or normalise_statement(statement.statement))
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def _read_block(
    block: _Block, lanskod: str, region: str, vocabulary: RegionGoalVocabulary | None
) -> list[GoalStatement]:
    results: list[GoalStatement] = []
    in_agenda = block.kind == "agenda2030"
    text_lines = [line for line in block.lines if line.stripped]
    if block.kind == "eruf" and block.opening.casefold().startswith("ej eruf"):
        return []
    remaining: list[Line] = []
    for line in text_lines:
        sdg = sdg_line(line.stripped, in_agenda)
        if sdg:
            results.append(GoalStatement("agenda2030", clean_statement(line.stripped), sdg[0], "",
                                         block.method if in_agenda else "inferred", line.number, line.number))
        else:
            remaining.append(line)
    joined = " ".join(line.stripped for line in remaining)
    for curie in inline_sdgs(block.opening + " " + joined):
        if not any(r.goal == curie for r in results):
            first = remaining[0].number if remaining else (text_lines[0].number if text_lines else 0)
            results.append(GoalStatement("agenda2030", clean_statement(joined or block.opening), curie, "",
                                         block.method, first, first))
    if in_agenda:
        for text, first, last in split_statements(remaining):
            number = sdg_for_label(text)
            if number and not any(r.goal == f"sdg:{number}" for r in results):
                results.append(GoalStatement("agenda2030", clean_statement(text), f"sdg:{number}", "",
                                             block.method, first, last))
        return results
    if block.kind in ("eruf", "interreg", "jtf"):
        statement = clean_statement(joined or block.opening)
        first = text_lines[0].number if text_lines else 0
        last = text_lines[-1].number if text_lines else 0
        # under Interreg a bare "1.2" or "Mål 1:" numbers the programme's own priorities, not the ERDF's
        curies = eruf_goals(block.opening + " " + joined, in_eruf_block=block.kind == "eruf")
        if block.kind == "jtf" and not curies:
            curies = ["eruf:programme-jtf"]
        for curie in curies or [""]:
            results.append(GoalStatement(block.kind, statement, curie, block.level, block.method, first, last))
        return results
    if not remaining and block.opening and block.kind in ("rus", "other"):
        found = match_marker(block.opening)
        if found and found[1]:
            remaining = [Line(text_lines[0].number if text_lines else 0, found[1])]
    prose = bool(re.match(r"^(i\s+linje|bidrar|målet|projektet|insatsen)", block.opening, re.IGNORECASE))
    quoted = _quoted(" ".join(line.stripped for line in remaining)) if prose else []
    pieces = ([(q, remaining[0].number, remaining[-1].number) for q in quoted] if quoted
              else split_statements(remaining))
    for text, first, last in pieces:
        for statement in _split_list(split_parenthetical(_strip_lead(clean_statement(text)))):
            if (len(statement) < 3 or statement.endswith(":") or _NOT_A_GOAL.match(statement)
                    or (" " not in statement and statement.islower())):
                continue
            kind = block.kind
            method = block.method
            if vocabulary is not None and method == "inferred":
                kind = vocabulary.kind_of(region, statement) or "rus"
            results.append(GoalStatement(kind, statement, rus_goal_id(lanskod, statement), block.level, method,
                                         first, last))
    return results


_LEAD = re.compile(
    r"^(?:(?:insatsen\s+)?bidrar\s+(?:även\s+)?till\s+|om\s+|som\b.*?\b(?:är|mot)\s+|att\s+(?=[A-ZÅÄÖ]))",
    re.IGNORECASE,
)


def _strip_lead(statement: str) -> str:
    """Drop a connective that leads into the goal: ``som insatsen kopplar an mot är X`` → ``X``."""
    stripped = _LEAD.sub("", statement, count=1).strip()
    return stripped[:1].upper() + stripped[1:] if stripped and stripped != statement else statement


_QUOTED = re.compile(r"[”“\"]([^”“\"]{10,}?)[”“\"]")


def _quoted(text: str) -> list[str]:
    """Goal names quoted in prose: ``… övergripande mål ”Tillsammans gör vi …” samt …``."""
    return [" ".join(found.split()) for found in _QUOTED.findall(text)]


_NOT_A_GOAL = re.compile(r"^(se\s+tabell\s+\d|egen\s+bedömning|baserat\s+på)", re.IGNORECASE)
"""Text in a goal column that points elsewhere or qualifies, not a goal."""


def _split_list(statements: list[str]) -> list[str]:
    """Split ``X och Y`` where Y starts a new capitalised goal and both halves are goal-sized."""
    result: list[str] = []
    for statement in statements:
        parts = re.split(r"\s+och\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+\w+\s+\w+)", statement)
        if len(parts) > 1 and all(len(part.split()) >= 3 for part in parts):
            result.extend(parts)
        else:
            result.append(statement)
    return result
