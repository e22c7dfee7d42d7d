"""§8 of the appendix: per region, the allocation of the 1:1 grant and the answers to six questions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from malgraf.errors import InputError
from malgraf.importers.appendix.layout import Section
from malgraf.regions import LANSKOD, REGION_NAMES, REGIONS

REGION_HEADINGS: dict[str, str] = {
    heading: region.short_name for region in REGIONS
    for heading in (f"Region {region.short_name}", region.official_name)
}
"""A §8 block's heading: ``Region Dalarna``, or the official name (``Västra Götalandsregionen``)."""
ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kommersiell service", re.compile(r"kommersiell\w* service|servicestöd|servicebidrag", re.I)),
    ("företagsstöd", re.compile(r"företagsstöd|stöd till företag|regionala företagsstöd", re.I)),
    ("utvärdering", re.compile(r"utvärdering|uppföljning och utvärdering", re.I)),
    ("projekt", re.compile(r"\bprojekt\w*|projektverksamhet|projektstöd", re.I)),
    ("totalt", re.compile(r"utbetalningsram|anslagsram|totalt|sammanlagt|anslag(?:et)?\b|ramen\b|"
                          r"tilldela\w*|beslutsram|tilldelning", re.I)),
)
"""What an amount is for, told by the words next to it; the first that matches wins."""

_AMOUNT = re.compile(
    r"(?<![\d,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:,\s?\d+)?)\s*"
    r"(miljarder|miljard|miljoner|mnkr|mkr|msek|mln|kronor|kr|tkr)\b",
    re.I,
)
_UNITS = {"miljard": 10**9, "miljarder": 10**9, "miljoner": 10**6, "mnkr": 10**6, "mkr": 10**6,
          "msek": 10**6, "mln": 10**6, "tkr": 10**3, "kronor": 1, "kr": 1}


@dataclass(frozen=True)
class Allocation:
    """One amount of a region's allocation of the grant, with the sentence it was read from."""

    region: str
    lanskod: str
    item: str
    amount_sek: Decimal
    statement: str
    source_line: int


@dataclass(frozen=True)
class Answer:
    """A region's answer to one of the six questions."""

    region: str
    lanskod: str
    question: str
    answer: str
    first_line: int
    last_line: int


def amount_in_sek(number: str, unit: str) -> Decimal:
    """``29,7`` ``miljoner`` → 29 700 000.

    >>> amount_in_sek("4 660 289", "kronor")
    Decimal('4660289')
    """
    digits = re.sub(r"[ \u00a0\u202f]", "", number).replace(",", ".")
    return (Decimal(digits) * _UNITS[unit.casefold()]).quantize(Decimal(1))


def parse_section_8(path: Path, lines: list[str], section: Section) -> tuple[list[Allocation], list[Answer]]:
    """Allocation amounts and answers per region from §8."""
    blocks = _region_blocks(lines, section)
    if len(blocks) != len(REGION_NAMES):
        found = {region for region, _, _ in blocks}
        missing = [r for r in REGION_NAMES if r not in found]
        raise InputError(path, f"section 8 has {len(blocks)} region blocks, expected 21 "
                         f"(missing: {', '.join(missing)})", line=section.first_line)
    allocations: list[Allocation] = []
    answers: list[Answer] = []
    for region, first, last in blocks:
        region_answers = _answers(lines, region, first, last)
        answers.extend(region_answers)
        if region_answers:
            allocations.extend(_allocations(lines, region, region_answers[0]))
    return allocations, answers


def _region_blocks(lines: list[str], section: Section) -> list[tuple[str, int, int]]:
    starts: list[tuple[str, int]] = []
    for number in range(section.first_line, section.last_line + 1):
        text = lines[number - 1].strip()
        if text in REGION_HEADINGS and _next_text(lines, number).startswith("Beskrivning"):
            starts.append((REGION_HEADINGS[text], number))
    return [(region, first, (starts[i + 1][1] - 1) if i + 1 < len(starts) else section.last_line)
            for i, (region, first) in enumerate(starts)]


def _next_text(lines: list[str], number: int) -> str:
    for text in lines[number:number + 5]:
        if text.strip():
            return text.strip()
    return ""


def _answers(lines: list[str], region: str, first: int, last: int) -> list[Answer]:
    answers: list[Answer] = []
    question: list[str] = []
    answer: list[tuple[int, str]] = []
    in_question = False

    def flush() -> None:
        if question:
            text = " ".join(t for _, t in answer)
            answers.append(Answer(region, LANSKOD[region], " ".join(" ".join(question).split()),
                                  " ".join(text.split()), answer[0][0] if answer else 0,
                                  answer[-1][0] if answer else 0))

    for number in range(first + 1, last + 1):
        text = lines[number - 1].strip()
        if not text or re.fullmatch(r"\d{1,3}", text):
            continue
        if text.startswith("Beskrivning"):
            flush()
            question, answer, in_question = [text], [], not text.endswith(".")
            continue
        if in_question:
            question.append(text)
            in_question = not text.rstrip().endswith(".")
            continue
        answer.append((number, text))
    flush()
    return answers


def _allocations(lines: list[str], region: str, answer: Answer) -> list[Allocation]:
    """Amounts in the first answer (why the grant was split as it was), each with its item.

    The answer is read as one text, so an amount and the words naming it may wrap across lines;
    each amount keeps the line it starts on.
    """
    found: list[Allocation] = []
    seen: set[tuple[str, Decimal]] = set()
    starts: list[tuple[int, int]] = []
    parts: list[str] = []
    offset = 0
    for number in range(answer.first_line, answer.last_line + 1):
        text = lines[number - 1].strip()
        if not text:
            continue
        starts.append((offset, number))
        parts.append(text)
        offset += len(text) + 1
    text = " ".join(parts)
    for match in _AMOUNT.finditer(text):
        after = text[match.end():match.end() + 60]
        before = text[max(0, match.start() - 60):match.start()]
        item = _item(after.split(".")[0][:45]) or _item(before.split(".")[-1][-45:])
        if item is None:
            continue
        amount = amount_in_sek(match.group(1), match.group(2))
        if (item, amount) in seen or amount == 0:
            continue
        seen.add((item, amount))
        line = max(number for start, number in starts if start <= match.start())
        found.append(Allocation(region, LANSKOD[region], item, amount, _sentence(text, match.start()), line))
    return found


def _item(context: str) -> str | None:
    for item, pattern in ITEMS:
        if pattern.search(context):
            return item
    return None


def _sentence(text: str, position: int) -> str:
    start = text.rfind(". ", 0, position) + 1
    end = text.find(". ", position)
    return text[start:end + 1 if end >= 0 else len(text)].strip()
