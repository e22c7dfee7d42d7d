"""Goal statements: one goal a row says its insats contributes to, and the text rules that find them.

Splitting text into statements (sentences, bullets, bracketed lists, ``X och Y``), and telling a
statement from the words around it (a connective, a bare number, a pointer elsewhere, the frame
of prose). Without a region's goal vocabulary a RUS goal is one node per distinct normalised
sentence (``rus_goal_id``); with one, ``resolve`` ties each statement to a reviewed goal.
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


FILLER = re.compile(r"^(?:och|samt|eller|även|se\s+ovan|rus|rufs|[\W\d_]*|"
                     r"(?:insatsen\s+)?(?:bidrar|bidra|och|samt|med|för|genom|inom|till|som|att|i)\b(?:\s+\S+){0,2})$",
                     re.IGNORECASE)
BARE_NUMBERING = re.compile(r"^(?:(?:mål|delmål|effektmål|prioritering|insatsområde|område|nr)\s*)?"
                             r"\d{1,2}(?:\.\d{1,2})*\s*[.:)–-]?$", re.IGNORECASE)


FRAME_WORDS = frozenset(re.findall(r"\S+", """
projektet projektets insatsen insatsens arbetet bidrar bidra bidrog också även främst särskilt framför allt till
att om och samt men eller den det de denna detta dessa en ett i inom på av för med mot genom som är har kan ska
främja stödja ligger linje kopplar kopplas an ramen faller under enligt utifrån hela alla samtliga flera
mål målet målen måls delmål delmålet delmålen prioritering prioriteringen prioriteringar prioriteringarna
prioriterat prioriterade område området områden områdena insatsområde insatsområdet insatsområden
långsiktig långsiktiga långsiktigt övergripande strategiska strategiskt strategin strategi program programmet
kraftsamling kraftsamlingen styrkeområde styrkeområdet styrkeområdena fokusområde fokusområdet
rus rusen rusens ruses rus:en rus:ens regional regionala regionens utvecklingsstrategi utvecklingsstrategin
utvecklingsstrategins nr nummer
"""))
"""Words that frame a goal in prose (``Projektet bidrar också till den långsiktiga prioriteringen …``)."""


def only_frame(statement: str, own: frozenset[str]) -> bool:
    """Whether a left-over piece is only the frame around goals: at most one word that is not a frame
    word, a number, or a word of the region's name or of one of its strategies' names."""
    words = [w.strip(".,;:()”“\"'–-").casefold() for w in statement.split()]
    content = [w for w in words if w and w not in FRAME_WORDS and w not in own and not w[:1].isdigit()]
    return len(content) <= 1


def not_a_statement(statement: str) -> bool:
    """Punctuation, a connective, a bare number or a pointer elsewhere: nothing to resolve."""
    return (len(statement) < 3 or statement.endswith(":") or bool(NOT_A_GOAL_TEXT.match(statement))
            or bool(FILLER.match(statement)) or bool(BARE_NUMBERING.match(statement))
            or (" " not in statement and statement.islower()))


LEAD = re.compile(
    r"^(?:(?:insatsen\s+)?bidrar\s+(?:även\s+)?till\s+|om\s+|med\s+fokus\s+på\s+|som\b.*?\b(?:är|mot)\s+|att\s+(?=[A-ZÅÄÖ]))",
    re.IGNORECASE,
)


def strip_lead(statement: str) -> str:
    """Drop a connective that leads into the goal: ``som insatsen kopplar an mot är X`` → ``X``."""
    stripped = LEAD.sub("", statement, count=1).strip()
    return stripped[:1].upper() + stripped[1:] if stripped and stripped != statement else statement


NOT_A_GOAL_TEXT = re.compile(r"^(se\s+tabell\s+\d|egen\s+bedömning|baserat\s+på)", re.IGNORECASE)
"""Text in a goal column that points elsewhere or qualifies, not a goal."""


def split_list(statements: list[str]) -> list[str]:
    """Split ``X och Y`` where Y starts a new capitalised goal and both halves are goal-sized."""
    result: list[str] = []
    for statement in statements:
        parts = re.split(r"\s+och\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+\w+\s+\w+)", statement)
        if len(parts) > 1 and all(len(part.split()) >= 3 for part in parts):
            result.extend(parts)
        else:
            result.append(statement)
    return result
