"""Layout of the 2023 table appendix (seed 004): sections, page breaks and table rows.

The text was extracted from a PDF: the five table columns follow each other with no separators,
and a row starts where a region name starts a line. This module finds the rows; ``goal_column``
reads a row's goal column and ``parse`` turns rows into records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from malgraf.importers.lines import Line
from malgraf.importers.region_names import RegionName
from malgraf.importers.region_names import region_at_start as region_named_at_start
from malgraf.regions import REGION_NAMES

SECTION_TITLES: dict[int, str] = {
    1: "Likvärdiga möjligheter till boende, arbete och välfärd i hela landet",
    2: "Kompetensförsörjning och kompetensutveckling i hela landet",
    3: "Innovation och förnyelse samt entreprenörskap och företagande i",
    4: "Tillgänglighet i hela landet genom digital kommunikation",
    5: "Jämställdhet",
    6: "Integration",
    7: "Miljö och klimat",
    8: "Fördelning av anslag 1:1",
}
"""Each section's heading as it begins on its line (§3 and §4 wrap onto a second line)."""

NO_ROWS = "Regionen redovisar inga insatser i tabellform."
HEADER_END = "insatsen ska bidra till"
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_CONTINUES = re.compile(
    r"(\b(av|i|på|vid|hos|mot|om|för|och|med|mellan|bland|via|till|från|inom|genom|under|en|ett|Region|regionen|samt))\s*$"
)


@dataclass
class RawRow:
    """The lines of one table row, before its columns are told apart."""

    section: int
    region: str
    lines: list[Line] = field(default_factory=list)
    written: RegionName | None = None
    """How the first line names the region when not by its short name (that line then reads as if it did)."""

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number

    @property
    def head(self) -> str:
        """The first line's text after the region name."""
        return self.lines[0].stripped[len(self.region):].strip()

    def text(self) -> str:
        return " ".join(line.stripped for line in self.lines if line.stripped)


@dataclass(frozen=True)
class Section:
    """A section: its number and the (1-based, inclusive) range of lines it spans."""

    number: int
    first_line: int
    last_line: int


def find_sections(lines: list[str]) -> list[Section]:
    """Locate the headings `` 1 Likvärdiga …`` … `` 8 Fördelning …`` and return the sections."""
    found: list[tuple[int, int]] = []
    for index, text in enumerate(lines, start=1):
        expected = len(found) + 1
        match = re.match(r"^ ([1-8]) (\S.*)$", text)
        if (
            match
            and expected in SECTION_TITLES
            and int(match.group(1)) == expected
            and match.group(2).startswith(SECTION_TITLES[expected])
        ):
            found.append((expected, index))
    sections = []
    for position, (number, first) in enumerate(found):
        last = found[position + 1][1] - 1 if position + 1 < len(found) else len(lines)
        sections.append(Section(number, first, last))
    return sections


def clean_lines(lines: list[str], section: Section) -> list[Line]:
    """The section's lines after its table header, without bare page numbers."""
    body = [Line(n, lines[n - 1].rstrip("\n")) for n in range(section.first_line, section.last_line + 1)]
    for position, line in enumerate(body):
        if line.stripped.startswith(HEADER_END):
            body = body[position + 1:]
            break
    return [line for line in body if not _PAGE_NUMBER.match(line.text)]


def region_at_start(text: str) -> RegionName | None:
    """The region that starts ``text`` (after at most one space), by its short name or written another way."""
    if text.startswith("  "):
        return None
    return region_named_at_start(text[1:] if text.startswith(" ") else text)


def _as_short_name(line: Line, found: RegionName) -> Line:
    """``line`` with the region written by its short name: `` REGION DALARNA Regional …`` → `` Dalarna Regional …``."""
    indent = " " if line.text.startswith(" ") else ""
    return Line(line.number, indent + found.region + line.text[len(indent) + found.end:])


_LIST_GOES_ON = re.compile(r"\S,?\s+(?:och|samt)$")
"""A line that ends in ``och`` or ``samt`` goes on into the next, whichever region that one names."""


def _starts_row(text: str, region: str, previous: str, same_region: bool) -> bool:
    """Whether a line that starts with ``region`` starts a table row rather than a sentence.

    A sentence about the region goes on in lower case (``Skåne ska …``); a line that continues the
    previous one (``… drivs av`` / ``Region``) only counts against a row of the same region.
    """
    rest = text.strip()[len(region):].strip()
    if not rest or rest[0].islower() or rest[0] in "–-,.;:)”’" or rest.startswith(("län", "Region ")):
        return False
    if same_region and previous.endswith(",") and _CONTINUES.search(rest):
        return False  # an enumeration running over the line: "… Energimyndigheten," / "Stockholm Exergi, … och"
    if _LIST_GOES_ON.search(previous):
        return False  # the last item of a list: "… Fastighetsnätverk Västmanland och" / "Östergötland Bygger …"
    return not (same_region and _CONTINUES.search(previous))


def split_rows(lines: list[Line], section: int) -> list[RawRow]:
    """Group a section's lines into rows; lines before the first row are dropped.

    A candidate line starts a row when its region is not earlier in the alphabetical order than
    the current row's region and the text reads as a title, not as a sentence about the region.
    A region written another way (``RegionName.variations``) starts a row by the same rules.
    """
    rows: list[RawRow] = []
    order = {name: index for index, name in enumerate(REGION_NAMES)}
    current: RawRow | None = None
    previous = ""
    for line in lines:
        found = region_at_start(line.text)
        named = _as_short_name(line, found) if found is not None and found.variations else line
        if (
            found is not None
            and (current is None or order[found.region] >= order[current.region])
            and _starts_row(named.text, found.region, previous,
                            current is not None and current.region == found.region)
        ):
            current = RawRow(section, found.region, [named], found if found.variations else None)
            rows.append(current)
        elif current is not None:
            current.lines.append(line)
        if line.stripped:
            previous = line.stripped
    return rows


def is_empty_row(row: RawRow) -> bool:
    """A region line that only says the region reports no insatser in tables."""
    return row.text()[len(row.region):].strip() == NO_ROWS


def deduplicate(rows: list[RawRow]) -> list[RawRow]:
    """Drop rows printed twice across a page break: same region and section, nearly the same words.

    Two rows are copies when the word sets of their texts overlap by 85 % (Jaccard), or when they
    start alike and one's words are 90 % within the other's (a copy cut short by the page break).
    """
    kept: list[RawRow] = []
    words: list[frozenset[str]] = []
    for row in rows:
        these = frozenset(row.text().casefold().split())
        if any(
            other.region == row.region and other.section == row.section
            and (
                len(these & seen) >= 0.85 * len(these | seen)
                or (other.head == row.head and len(these & seen) >= 0.9 * min(len(these), len(seen)))
            )
            for other, seen in zip(kept[-3:], words[-3:], strict=True)
        ):
            continue
        kept.append(row)
        words.append(these)
    return kept
