"""Read goal text into goal statements: split it into blocks at markers, then read each block.

A block's kind says how its lines are read: numbered or named SDGs under Agenda 2030, codes and
names of objectives and programmes under ERUF, Interreg and JTF, and the region's goals under RUS
and other strategies — resolved against its reviewed vocabulary (``resolve.GoalMatcher``: every
statement one of its goals, or kept unresolved), or without one a node per sentence. Lines before
any marker are read as RUS goals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from malgraf.importers.goals.markers import match_marker
from malgraf.importers.goals.references import eruf_goals, inline_sdgs, sdg_for_label, sdg_line
from malgraf.importers.goals.resolve import UNRESOLVED, Found, GoalMatcher, display_text, line_at
from malgraf.importers.goals.statements import (
    NOT_A_GOAL_TEXT,
    GoalStatement,
    clean_statement,
    normalise_statement,
    not_a_statement,
    only_frame,
    rus_goal_id,
    split_list,
    split_parenthetical,
    split_statements,
    strip_lead,
)
from malgraf.importers.goals.vocabulary import RegionGoalVocabulary
from malgraf.importers.lines import Line
from malgraf.vocab.regional import NOT_A_GOAL


@dataclass
class _Block:
    kind: str
    level: str
    method: str
    lines: list[Line] = field(default_factory=list)
    opening: str = ""


def read_goal_text(
    lines: list[Line], lanskod: str, region: str, vocabulary: RegionGoalVocabulary | None = None,
    *, marked: bool = False, matcher: GoalMatcher | None = None,
) -> list[GoalStatement]:
    """The goal statements of a goal column's lines, each goal once.

    Lines before the first marker are RUS goals, stated (``marker``) when ``marked`` says that
    something outside the text labels them, else ``inferred``. With the region's reviewed
    vocabulary (``matcher``) every RUS and other regional statement resolves to one of its goals
    or is kept unresolved (``goal`` empty); without it each distinct sentence is a goal of its own.
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
        statements.extend(_read_block(block, lanskod, region, vocabulary, matcher))
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
    block: _Block, lanskod: str, region: str, vocabulary: RegionGoalVocabulary | None,
    matcher: GoalMatcher | None = None,
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
        return results + _regional_goals_within(block, remaining, matcher)
    if block.kind in ("eruf", "interreg", "jtf"):
        statement = clean_statement(joined or block.opening)
        first = text_lines[0].number if text_lines else 0
        last = text_lines[-1].number if text_lines else 0
        # under Interreg a bare "1.2" or "Mål 1:" numbers the programme's own priorities, not the ERDF's
        curies = eruf_goals(block.opening + " " + joined, in_eruf_block=block.kind == "eruf")
        if block.kind == "jtf" and not curies:
            curies = ["eruf:programme-jtf"]
        if curies or _names_something(statement):
            for curie in curies or [""]:
                results.append(GoalStatement(block.kind, statement, curie, block.level, block.method, first, last))
        return results + _regional_goals_within(block, remaining, matcher)
    if not remaining and block.opening and block.kind in ("rus", "other"):
        found = match_marker(block.opening)
        if found and found[1]:
            remaining = [Line(text_lines[0].number if text_lines else 0, found[1])]
    prose = bool(re.match(r"^(i\s+linje|bidrar|målet|projektet|insatsen)", block.opening, re.IGNORECASE))
    if matcher is not None:
        return results + _resolve_block(block, remaining, matcher, prose)
    quoted = _quoted(" ".join(line.stripped for line in remaining)) if prose else []
    pieces = ([(q, remaining[0].number, remaining[-1].number) for q in quoted] if quoted
              else split_statements(remaining))
    for text, first, last in pieces:
        for statement in split_list(split_parenthetical(strip_lead(clean_statement(text)))):
            if (len(statement) < 3 or statement.endswith(":") or NOT_A_GOAL_TEXT.match(statement)
                    or (" " not in statement and statement.islower())):
                continue
            kind = block.kind
            method = block.method
            if vocabulary is not None and method == "inferred":
                kind = vocabulary.kind_of(region, statement) or "rus"
            results.append(GoalStatement(kind, statement, rus_goal_id(lanskod, statement), block.level, method,
                                         first, last))
    return results


def _resolve_block(block: _Block, lines: list[Line], matcher: GoalMatcher, prose: bool) -> list[GoalStatement]:
    """A RUS or other regional block read against the region's vocabulary.

    The vocabulary's wordings are found in the block's text first; what is left between them is
    split into statements as without a vocabulary and each resolved, or kept unresolved. In prose
    (``Insatsen ska bidra till RUS:ens mål om …``) the words around a goal found are not goals.
    """
    text, starts, numbers = display_text(lines)
    found = matcher.find(text)
    results = _found_goals(block, matcher, text, starts, numbers, found)
    prose_around_goals = prose and any(hit.goal != NOT_A_GOAL for hit in found)
    edges = [0, *(x for hit in found for x in (hit.start, hit.end)), len(text)]
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        left = [Line(line_at(starts, numbers, start + offset), part)
                for offset, part in _pieces_with_offsets(text[start:end])]
        in_eu = False
        for piece, first, last in split_statements(left):
            in_eu = in_eu or bool(_EU_PROGRAMME.search(piece))
            if in_eu:  # the Regional Fund named, its priority and objective may follow, until a regional goal
                statement = clean_statement(piece)
                results.extend(GoalStatement("eruf", statement, curie, "", "inferred", first, last)
                               for curie in eruf_goals(statement, True) or [""])
                continue
            if prose_around_goals:
                continue
            after_goals = bool(found) and start >= found[-1].end
            for statement in split_list(split_parenthetical(strip_lead(clean_statement(piece)))):
                results.extend(_read_left_over(block, matcher, statement, first, last, bool(found), after_goals))
    return sorted(results, key=lambda statement: statement.first_line)


def _read_left_over(block: _Block, matcher: GoalMatcher, statement: str, first: int, last: int,
                    goals_found: bool, after_goals: bool) -> list[GoalStatement]:
    """One statement left between the wordings found: a goal by number or near wording, an ERDF
    objective by its name, nothing (a frame word, a pointer, the effects column), or unresolved."""
    listed = matcher.resolve_listed(statement, block.level)
    if listed:
        return [_resolved(block, matcher, goal, how, statement, first, last) for goal, how in listed
                if goal != NOT_A_GOAL]
    if (not_a_statement(statement) or only_frame(statement, matcher.frame_words)
            or (goals_found and block.method == "inferred" and _effects_prose(statement, after_goals))):
        return []
    resolved = matcher.resolve_near(statement)
    if resolved:
        return [_resolved(block, matcher, goal, how, statement, first, last) for goal, how in resolved
                if goal != NOT_A_GOAL]
    named = [curie for curie in eruf_goals(statement, False) if not curie.startswith("eruf:programme-")]
    if named:  # an objective of the Regional Fund by its name: ``Mål: Främja energieffektivitet …``
        return [GoalStatement("eruf", statement, curie, "", "inferred", first, last) for curie in named]
    return [GoalStatement(block.kind, statement, "", block.level, block.method, first, last, UNRESOLVED)]


_EU_PROGRAMME = re.compile(r"\bERUF\b|strukturfondsprogram|regionalfondsprogram|\bregionalfonden|EU:s\s+regionalfond",
                          re.IGNORECASE)
"""A sentence of a RUS block that names the Regional Fund is an ERUF statement (``… målet Stärka
forskning och innovation i det regionala strukturfondsprogrammet``), and so are the sentences after
it up to the next regional goal (``EU-finansierat projekt inom ERUF … Prioriterat området: …``)."""

PROSE_WORDS = 20
TRAILING_PROSE_WORDS = 8
"""In a goal column no label opened, a sentence of ``PROSE_WORDS`` words, or one of
``TRAILING_PROSE_WORDS`` after the last goal found, is the effects column that the text
extraction placed beside the goals, not a goal."""


def _names_something(statement: str) -> bool:
    """Whether an EU block's text says anything: not a bare heading (``ERUF:``), period (``2021–2027``)
    or aside (``(båda projekten)``)."""
    words = re.sub(r"\([^)]*\)", " ", statement)
    return bool(re.search(r"[^\W\d_]{3,}", words))


LONG_WORDING_WORDS = 3
"""A regional goal's wording this long is recognised inside an Agenda 2030 or EU block too."""


def _regional_goals_within(block: _Block, lines: list[Line], matcher: GoalMatcher | None) -> list[GoalStatement]:
    """The region's goals that an Agenda 2030 or EU block runs on into (``… samt inriktning (i RUS) X``).

    Only wordings of ``LONG_WORDING_WORDS`` words or more count, so that a programme's own words are
    not taken for a regional goal; nothing else in the block is read as a regional goal.
    """
    if matcher is None:
        return []
    text, starts, numbers = display_text(lines)
    long = [hit for hit in matcher.find(text) if len(text[hit.start:hit.end].split()) >= LONG_WORDING_WORDS]
    return _found_goals(block, matcher, text, starts, numbers, long)


def _found_goals(block: _Block, matcher: GoalMatcher, text: str, starts: list[int], numbers: list[int],
                 found: list[Found]) -> list[GoalStatement]:
    """The statements of the wordings ``matcher.find`` found in a ``display_text``, with their lines."""
    return [_resolved(block, matcher, hit.goal, hit.how, clean_statement(text[hit.start:hit.end]),
                      line_at(starts, numbers, hit.start), line_at(starts, numbers, hit.end - 1))
            for hit in found if hit.goal != NOT_A_GOAL]


def _effects_prose(statement: str, after_goals: bool) -> bool:
    """Whether a sentence left in an unlabelled goal column is the effects column beside it."""
    words = len(statement.split())
    return words > PROSE_WORDS or (after_goals and words >= TRAILING_PROSE_WORDS)


def _pieces_with_offsets(text: str) -> list[tuple[int, str]]:
    """``text`` cut at sentence ends, each piece with its offset (so that its line can be told)."""
    pieces = []
    for match in re.finditer(r"[^.;!?]+[.;!?]*", text):
        if match.group().strip():
            pieces.append((match.start() + len(match.group()) - len(match.group().lstrip()), match.group().strip()))
    return pieces


def _resolved(block: _Block, matcher: GoalMatcher, goal_id: str, how: str, statement: str,
              first: int, last: int) -> GoalStatement:
    vocabulary = matcher.vocabulary
    return GoalStatement(vocabulary.kind_of(goal_id), statement, vocabulary.curie(goal_id), block.level,
                         block.method, first, last, how)


_QUOTED = re.compile(r"[”“\"]([^”“\"]{10,}?)[”“\"]")


def _quoted(text: str) -> list[str]:
    """Goal names quoted in prose: ``… övergripande mål ”Tillsammans gör vi …” samt …``."""
    return [" ".join(found.split()) for found in _QUOTED.findall(text)]
