"""Read the goal column of an appendix row: find where it starts, split it into goal statements,
and resolve each to a goal (SDG goal or target, ERUF objective or programme, or a RUS goal node).

Regions write the column their own way. A *marker* (``Mål i RUS:``, ``Mål i Agenda 2030``,
``ERUF:`` …) gives the kind and level of the statements after it. Where a region leaves the
column unlabelled, its goal sentences are recognised because the region repeats them across rows
(see ``RegionGoalMemory``); such links are ``inferred``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SKOS

from malgraf.importers.layout import Line
from malgraf.resources import REFERENCE_DIRECTORY


@dataclass(frozen=True)
class Marker:
    """A label that opens a block of the goal column."""

    kind: str
    level: str
    pattern: re.Pattern[str]


def _m(kind: str, level: str, regex: str) -> Marker:
    return Marker(kind, level, re.compile(regex, re.IGNORECASE))


_END = r"(?:\s*[:–-]\s*|\s*$|\s+(?=[A-ZÅÄÖ0-9\"”“•]))"
MARKERS: tuple[Marker, ...] = (
    _m("agenda2030", "", r"^(?:mål\s+(?:i\s+|enligt\s+)?)?(?:globala\s+mål(?:en)?\s*(?:i\s+)?)?agenda\s*20(?:30|23)"
                         r"(?:[\s-]*mål(?:en)?)?" + _END),
    _m("agenda2030", "", r"^globala\s+mål(?:en)?" + _END),
    _m("jtf", "", r"^(?:mål\s+i\s+)?(?:FRO|JTF)\b" + _END),
    _m("jtf", "", r"^(?:mål\s+i\s+)?fonden\s+för\s+en\s+rättvis\s+omställning\s*:"),
    _m("interreg", "", r"^(?:finansiering\s+via\s+|mål\s+i\s+)?interreg\b"),
    _m("eruf", "", r"^ej\s+ERUF\b"),
    _m("eruf", "", r"^(?:bidrar\s+till\s+)?(?:mål\s+(?:i|inom|enligt)\s+)?(?:ERUF|EU:s\s+regionalfond)(?=[\s:/]|$)"),
    _m("eruf", "", r"^(?:bidrar\s+till\s+)?mål\s+(?:i|inom|enligt)\s+(?:regionalfonden|regionalfondsprogram\w*)"),
    _m("eruf", "", r"^(?:regionalfonden|regionalfondsprogram\w*)\s*:"),
    _m("eruf", "program", r"^program\s*:"),
    _m("eruf", "tematiskt mål", r"^tematiskt\s+mål\s*:"),
    _m("eruf", "specifikt mål", r"^(?:specifikt|särskilt)\s+mål\s*(?=\d|:)"),
    _m("eruf", "", r"^bidrar\s+till\s+mål\s+inom\s+ERUF"),
    _m("eruf", "politiskt mål", r"^(?:politiskt\s+mål|PO\s?\d)"),
    _m("rus", "mål", r"^kalmar\s+mål\s+2030" + _END),
    _m("rus", "mål", r"^mål\s+2030\s*:"),
    _m("rus", "mål", r"^RUFS(?:\s*2050)?" + _END),
    _m("rus", "effektmål", r"^RUS[\s:-]*effektmål" + _END),
    _m("rus", "övergripande mål", r"^RUS[\s:-]*övergripande\s+mål" + _END),
    _m("rus", "prioritering", r"^(?:RUS[\s:-]*prioritering(?:ar)?|prioritering(?:ar)?\s+i\s+RUS(?::en)?)" + _END),
    _m("rus", "mål", r"^(?:RUS[\s:-]*mål(?:et)?|"
                     r"mål\s+(?:i\s+|enligt\s+)?RUS(?::en|en)?(?:\s+[A-ZÅÄÖ]\w+)?(?:\s+20\d\d)?)" + _END),
    _m("rus", "mål", r"^regional\s+utvecklingsstrategi(?:n)?,\s+(?:insatsområden\s+och\s+)?mål\s*:?"),
    _m("rus", "insatsområde", r"^regional\s+utvecklingsstrategi(?:n)?,\s+insatsområden?\s*:?"),
    _m("rus", "mål", r"^(?:RUS(?::en|en)?|regional\s+utvecklingsstrategi(?:n)?)(?:\s*[,:–-]\s*|\s*$)"),
    _m("rus", "prioritering", r"^prioritering\s*/\s*mål\b"),
    _m("rus", "mål", r"^mål\s+i\s+genomförandeprogram\w*" + _END),
    _m("other", "mål", r"^mål\s+i\s+\w*(?:program|plan|strategi)\w*\b[^:]{0,40}:"),
    _m("other", "prioritering", r"^regionfullmäktiges\s+prioriteringar[^:]{0,20}:"),
    _m("rus", "långsiktigt mål", r"^långsiktig[at]?\s+mål" + _END),
    _m("rus", "prioritering", r"^långsiktiga\s+prioriteringar" + _END),
    _m("rus", "delmål", r"^delmål" + _END),
    _m("rus", "prioritering", r"^(?:regional\s+)?prioritering(?:ar)?\s*(?::|$)"),
    _m("rus", "strategiskt område", r"^strategiskt\s+område\s*:"),
    _m("rus", "insatsområde", r"^insatsområde\s*:"),
    _m("rus", "mål", r"^mål\s*:"),
    _m("rus", "mål", r"^bidrar\s+till\s+(?:målbilden|region\s+\w+\s+strategi|målet)"),
    _m("rus", "mål", r"^bidrar\s+till\s+RUS(?::ens|ens|:en|en)?\s+mål(?:\s+om)?"),
    _m("rus", "mål", r"^mål(?:et|en)?\s+i\s+(?:den\s+)?regionala\s+utvecklingsstrategin\w*(?:\s+om)?"),
    _m("rus", "mål", r"^målet\s+i\s+RUS\b"),
    _m("rus", "mål", r"^i\s+linje\s+med\s+(?:den\s+)?regionala\s+utvecklingsstrategin\w*"),
    _m("rus", "mål", r"^RUS\s+(?=samtliga\b|\d{1,2}(?:\.\d)+\s)"),
    _m("rus", "mål", r"^mål\s+enligt\s+RUS"),
    _m("rus", "mål", r"^RUS\b[^:]{0,45}:"),
)
"""Markers, most specific first. Each matches at the start of a (stripped) line."""


def match_marker(text: str) -> tuple[Marker, str] | None:
    """The marker that opens ``text`` and the rest of the line after it, if any."""
    stripped = text.strip().lstrip("•").strip()
    for marker in MARKERS:
        found = marker.pattern.match(stripped)
        if found:
            return marker, stripped[found.end():].strip(" :–-")
    return None


# Agenda 2030 ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Vocabulary:
    """Labels from the shipped reference files that the parser resolves statements against."""

    sdg_labels: dict[int, tuple[str, ...]]
    sdg_targets: frozenset[str]
    eruf_labels: dict[str, tuple[str, ...]]
    eruf_notations: dict[str, str]


@cache
def vocabulary() -> Vocabulary:
    """Read SDG and ERUF labels from ``data/reference`` (once)."""
    sdg = Graph().parse(REFERENCE_DIRECTORY / "sdg-sv.ttl")
    targets = ox.parse(path=str(REFERENCE_DIRECTORY / "sdg-kos.ttl"), format=ox.RdfFormat.TURTLE)
    labels: dict[int, list[str]] = defaultdict(list)
    for subject, _, label in sdg.triples((None, SKOS.prefLabel, None)):
        number = str(subject).rsplit("/", 1)[-1]
        if number.isdigit():
            labels[int(number)].append(_fold(str(label)))
    for subject, _, label in sdg.triples((None, SKOS.altLabel, None)):
        labels[int(str(subject).rsplit("/", 1)[-1])].append(_fold(str(label)))
    target_numbers = frozenset(
        triple.subject.value.rsplit("/", 1)[-1] for triple in targets
        if triple.predicate.value == str(SKOS.broader)
        and re.fullmatch(r"\d+\.\w+", triple.subject.value.rsplit("/", 1)[-1])
    )
    eruf = Graph().parse(REFERENCE_DIRECTORY / "eruf.ttl")
    eruf_labels: dict[str, list[str]] = defaultdict(list)
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for subject, _, label in eruf.triples((None, predicate, None)):
            eruf_labels["eruf:" + str(subject).rsplit("/", 1)[-1]].append(_fold(str(label)))
    notations = {str(o).upper(): "eruf:" + str(s).rsplit("/", 1)[-1]
                 for s, _, o in eruf.triples((None, SKOS.notation, None))}
    return Vocabulary(
        {n: tuple(v) for n, v in labels.items()}, target_numbers,
        {k: tuple(v) for k, v in eruf_labels.items()}, notations,
    )


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("–", "-").split()).strip(" .,;:")


_SDG_LINE = re.compile(r"^(?:(?:mål|nr|sdg|agenda\s*2030-?mål)\s*)?(\d{1,2})\s*[.:)]?\s*([^\d\s].*)?$", re.I)
_SDG_TARGET = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2}|[a-c])(?![\d.])")
_SDG_INLINE = re.compile(r"(?:agenda\s*20(?:30|23)[\s-]*(?:mål)?|globala\s+mål(?:en)?|sdg)\s*(?:nr\s*)?"
                         r"((?:\d{1,2})(?:\s*(?:,|och|&|samt)\s*\d{1,2})*)", re.I)


def sdg_for_label(text: str) -> int | None:
    """The SDG whose Swedish name ``text`` starts like (``God hälsa och …`` → 3)."""
    folded = _fold(text)
    if len(folded) < 4:
        return None
    for number, labels in vocabulary().sdg_labels.items():
        for label in labels:
            if folded.startswith(label) or (len(folded) >= 10 and label.startswith(folded)):
                return number
    return None


def sdg_line(text: str, in_agenda_block: bool) -> tuple[str, int] | None:
    """Read one line as an SDG reference: ``3 God hälsa …``, ``Mål 8``, ``Nr 3: …``, ``8.3``.

    Returns (goal CURIE, number of characters used). Outside an Agenda 2030 block a number only
    counts when the words after it are that SDG's name, so page numbers and ERUF codes are not SDGs.
    """
    stripped = text.strip().lstrip("•-").strip()
    target = _SDG_TARGET.match(stripped)
    if target and in_agenda_block:
        code = f"{int(target.group(1))}.{target.group(2)}"
        if code in vocabulary().sdg_targets:
            return f"sdg:{code}", len(stripped)
    line = _SDG_LINE.match(stripped)
    if not line:
        return None
    number = int(line.group(1))
    if not 1 <= number <= 17:
        return None
    words = (line.group(2) or "").strip()
    named = sdg_for_label(words) if words else None
    if named == number:
        return f"sdg:{number}", len(stripped)
    prefixed = bool(re.match(r"^(mål|nr|sdg|agenda)", stripped, re.I))
    if in_agenda_block and (prefixed or not words):
        return f"sdg:{number}", len(stripped)
    return None


def inline_sdgs(text: str) -> list[str]:
    """SDGs named inline: ``Agenda 2030-mål 5``, ``globala målen 8 och 9``."""
    found: list[str] = []
    for match in _SDG_INLINE.finditer(text):
        for number in re.findall(r"\d{1,2}", match.group(1)):
            if 1 <= int(number) <= 17 and f"sdg:{int(number)}" not in found:
                found.append(f"sdg:{int(number)}")
    return found


# ERUF ------------------------------------------------------------------------------------------

_ERUF_CODE = re.compile(
    r"\b(?:RSO\s?(\d)\.(\d)|PO\s?(\d)(?:\.(\d))?|(?:specifikt|särskilt)\s+mål\s*(\d)\.(\d)|"
    r"(?:politiskt\s+mål|mål)\s+(\d)\s*:)",
    re.I,
)


def eruf_goals(text: str, in_eruf_block: bool) -> list[str]:
    """ERUF objectives and programmes named in ``text`` (codes, names of objectives, programmes)."""
    vocab = vocabulary()
    found: list[str] = []

    def add(curie: str | None) -> None:
        if curie and curie not in found:
            found.append(curie)

    for match in _ERUF_CODE.finditer(text):
        rso_a, rso_b, po, po_sub, so_a, so_b, po_named = match.groups()
        if rso_a:
            add(vocab.eruf_notations.get(f"RSO{rso_a}.{rso_b}"))
        elif po:
            add(vocab.eruf_notations.get(f"RSO{po}.{po_sub}") if po_sub else vocab.eruf_notations.get(f"PO{po}"))
        elif so_a:
            add(vocab.eruf_notations.get(f"RSO{so_a}.{so_b}"))
        elif po_named and in_eruf_block:
            add(vocab.eruf_notations.get(f"PO{po_named}"))
    if in_eruf_block and not found:
        for a, b in re.findall(r"(?<![\d.])([1-5])\.(\d)(?![\d.])", text):
            add(vocab.eruf_notations.get(f"RSO{a}.{b}"))
    folded = _fold(text)
    for curie, labels in vocab.eruf_labels.items():
        if any(len(label) >= 8 and label in folded for label in labels):
            add(curie)
    return found


# Statements ------------------------------------------------------------------------------------

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


@dataclass
class _Block:
    kind: str
    level: str
    method: str
    lines: list[Line] = field(default_factory=list)
    opening: str = ""


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


_SENTENCE_END = re.compile(r"[.!?;]\s*$")
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
        if current and not inside_brackets and (starts_new or _SENTENCE_END.search(previous) or (
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


class RegionGoalMemory:
    """What a region's rows teach about its goal column: sentences it repeats and labels it uses."""

    def __init__(self) -> None:
        self.tail_counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.labelled: dict[str, dict[str, str]] = defaultdict(dict)

    def learn_tail(self, region: str, lines: list[Line]) -> None:
        for text in {normalise_statement(line.stripped) for line in lines if len(line.stripped) > 8}:
            self.tail_counts[region][text] += 1

    def learn_labelled(self, region: str, statement: str, kind: str) -> None:
        self.labelled[region].setdefault(normalise_statement(statement), kind)

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
        folded = normalise_statement(text)
        return len(folded) > 8 and self.tail_counts[region][folded] >= 2

    def kind_of(self, region: str, statement: str) -> str | None:
        return self.labelled[region].get(normalise_statement(statement))


TAIL = 40
"""How many non-empty lines at the end of a row may belong to the goal column."""


def goal_column_start(lines: list[Line], region: str, memory: RegionGoalMemory | None) -> tuple[int, bool]:
    """Index in ``lines`` where the goal column starts, and whether a marker says so."""
    body = [i for i, line in enumerate(lines) if line.stripped]
    window = body[1:][-TAIL:] if len(body) > 1 else []
    for index in window:
        if match_marker(lines[index].stripped):
            return index, True
    if memory is not None:
        known = memory.first_known_statement(region, lines, window)
        if known is not None:
            return known, False
        start = None
        for index in reversed(window):
            text = lines[index].stripped
            if memory.is_goal_line(region, text) or sdg_line(text, False):
                start = index
            elif start is not None and not _continues_goal(lines, index, start):
                break
        if start is not None:
            return start, False
    return len(lines), False


_INLINE_MARKER = re.compile(
    r"(?<=[.;])\s+(?=(?:Regional\s+prioritering|Prioritering|Delmål|Mål|Insatsområde|Strategiskt\s+område)\s*:)"
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
    return not _SENTENCE_END.search(text) and index == max(
        i for i in range(start) if lines[i].stripped
    ) and not text[:1].isupper()


def read_goal_column(
    lines: list[Line], lanskod: str, region: str, memory: RegionGoalMemory | None = None
) -> tuple[list[GoalStatement], int]:
    """The goal statements of a row's goal column and the index where the column starts."""
    original = len(lines)
    lines, origin = _split_inline_markers(lines)
    start, marked = goal_column_start(lines, region, memory)
    blocks: list[_Block] = []
    current = _Block("rus", "", "marker" if marked else "inferred")
    for line in lines[start:]:
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
        statements.extend(_read_block(block, lanskod, region, memory))
    return _unique(statements), (origin[start] if start < len(lines) else original)


def _unique(statements: list[GoalStatement]) -> list[GoalStatement]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for statement in statements:
        key = (statement.kind, statement.goal or normalise_statement(statement.statement))
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def _read_block(block: _Block, lanskod: str, region: str, memory: RegionGoalMemory | None) -> list[GoalStatement]:
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
        curies = eruf_goals(block.opening + " " + joined, True)
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
            if memory is not None and method == "inferred":
                kind = memory.kind_of(region, statement) or "rus"
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
