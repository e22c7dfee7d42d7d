"""§8 of the appendix: per region, the answers to six questions, and the amounts a sentence states.

The allocation of the 1:1 grant (``data/2023/allocation.csv``) is read by hand: which item an amount
is for, of which kind and whether it is the grant's at all are not told apart by the words next to
it (a machine reading labelled project-plus-support totals as company support and React-EU money as
a region's total). ``amounts_in`` finds the amounts a sentence states, to check that reading.
"""

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
_AMOUNT = re.compile(
    r"(?<![\d,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:,\s?\d+)?)\s*"
    r"(miljarder|miljard|miljoner|mnkr|mkr|msek|mln|kronor|kr|tkr)\b",
    re.I,
)
_UNITS = {"miljard": 10**9, "miljarder": 10**9, "miljoner": 10**6, "mnkr": 10**6, "mkr": 10**6,
          "msek": 10**6, "mln": 10**6, "tkr": 10**3, "kronor": 1, "kr": 1}


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


def amounts_in(sentence: str) -> list[Decimal]:
    """The amounts in kronor that ``sentence`` states, in order.

    >>> amounts_in("Det vill säga 29,7 miljoner kronor till projekt och 453 420 kronor till service.")
    [Decimal('29700000'), Decimal('453420')]
    """
    return [amount_in_sek(match.group(1), match.group(2)) for match in _AMOUNT.finditer(sentence)]


def parse_section_8(path: Path, lines: list[str], section: Section) -> list[Answer]:
    """The answers per region from §8."""
    blocks = _region_blocks(lines, section)
    if len(blocks) != len(REGION_NAMES):
        found = {region for region, _, _ in blocks}
        missing = [r for r in REGION_NAMES if r not in found]
        raise InputError(path, f"section 8 has {len(blocks)} region blocks, expected 21 "
                         f"(missing: {', '.join(missing)})", line=section.first_line)
    answers: list[Answer] = []
    for region, first, last in blocks:
        answers.extend(_answers(lines, region, first, last))
    return answers


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
