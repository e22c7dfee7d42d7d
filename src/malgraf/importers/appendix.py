"""Import Tillväxtverket's table appendix of the regions' reports (seed 004) into tidy CSV files.

``parse_appendix`` reads the text into records; ``write_tables`` writes ``insatser.csv``,
``goal_links.csv``, ``allocation.csv`` and ``answers.csv`` atomically. Column boundaries between
description, outputs and effects were lost in the PDF extraction: they are split at paragraph
ends and are approximate; names, regions, sections, goal links and source lines are what the
importer is measured on (``benchmarks/appendix_accuracy.py``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

from malgraf.errors import InputError
from malgraf.files import write_files_atomically
from malgraf.importers.allocation import Allocation, Answer, parse_section_8
from malgraf.importers.goals import GoalStatement, RegionGoalMemory, join_hyphenated, read_goal_column
from malgraf.importers.layout import (
    NO_ROWS,
    Line,
    RawRow,
    clean_lines,
    deduplicate,
    find_sections,
    is_empty_row,
    split_rows,
)
from malgraf.importers.tables import (
    ALLOCATION_COLUMNS,
    ANSWER_COLUMNS,
    GOAL_LINK_COLUMNS,
    INSATS_COLUMNS,
    source_csv,
)
from malgraf.regions import LANSKOD, REGION_NAMES
from malgraf.resources import DATA_DIRECTORY

COLUMN_WIDTH = 47
"""About the widest a line of one table column gets; a longer line holds two merged columns."""

_NYPS = re.compile(r"\(\s*(?:NYPS[\s:-]*)?(\d{8})\s*\)")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


@dataclass
class InsatsRecord:
    """One row of §1–7: an insats reported under one section, with its goal statements."""

    id: str
    year: int
    section: int
    region: str
    name: str
    description: str
    outputs: str
    effects: str
    nyps_id: str
    first_line: int
    last_line: int
    goals: list[GoalStatement] = field(default_factory=list)

    @property
    def lanskod(self) -> str:
        return LANSKOD[self.region]


@dataclass
class Appendix:
    """Everything read from the appendix."""

    insatser: list[InsatsRecord]
    allocations: list[Allocation]
    answers: list[Answer]


def read_lines(path: Path) -> list[str]:
    """The file's lines; a file that is not UTF-8 text is an input error."""
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None


def parse_appendix(path: Path, year: int = 2023) -> Appendix:
    """Parse the appendix text at ``path``; raise ``InputError`` naming the line if it is not one."""
    lines = read_lines(path)
    sections = find_sections(lines)
    numbers = [s.number for s in sections]
    if numbers[:1] != [1]:
        raise InputError(path, "not the regions' table appendix: no heading ' 1 Likvärdiga möjligheter "
                         "till boende, arbete och välfärd i hela landet'", line=1)
    if numbers != list(range(1, 9)):
        missing = next(n for n in range(1, 9) if n not in numbers)
        last = sections[-1]
        raise InputError(path, f"truncated: section {missing} is missing (the file ends in section "
                         f"{last.number})", line=len(lines))
    rows: list[RawRow] = []
    for section in sections[:7]:
        section_lines = clean_lines(lines, section)
        all_rows = split_rows(section_lines, section.number)
        _check_regions(path, section_lines, all_rows)
        found = [row for row in all_rows if not is_empty_row(row)]
        rows.extend(deduplicate(found))
    memory = RegionGoalMemory()
    for row in rows:
        memory.learn_tail(row.region, [line for line in row.lines if line.stripped][-12:])
    first_pass = [read_goal_column(row.lines, LANSKOD[row.region], row.region) for row in rows]
    for row, (statements, _) in zip(rows, first_pass, strict=True):
        for statement in statements:
            if statement.method == "marker":
                memory.learn_labelled(row.region, statement.statement, statement.kind)
    insatser = _records(rows, memory, year)
    allocations, answers = parse_section_8(path, lines, sections[7])
    return Appendix(insatser, allocations, answers)


_REGION_WORDS = frozenset(word for name in REGION_NAMES for word in name.split())


def _check_regions(path: Path, lines: Sequence[Line], rows: Sequence[RawRow]) -> None:
    """Text before a section's first row, or a row start misspelling a region, is an unknown region."""
    first_row = rows[0].first_line if rows else None
    for line in lines:
        if first_row is not None and line.number >= first_row:
            break
        if line.stripped and line.stripped != NO_ROWS:
            word = line.stripped.split()[0]
            raise InputError(path, f"unknown region {word!r} (a row must start with one of the 21 region "
                             "names)", line=line.number, field="Region")
    for line in lines:
        words = line.text.strip().split()
        if len(words) < 2 or not words[1][:1].isupper() or line.text.startswith("  "):
            continue
        for size in (2, 1):
            candidate = " ".join(words[:size])
            if candidate in REGION_NAMES:
                break
            if (not candidate.replace(" ", "").isalpha() or candidate.startswith(REGION_NAMES)
                    or not all(word[:1].isupper() for word in candidate.split())
                    or any(word in _REGION_WORDS for word in candidate.split())):
                continue
            close = get_close_matches(candidate, REGION_NAMES, n=1, cutoff=0.8)
            if close and len(candidate) >= 5:
                raise InputError(path, f"unknown region {candidate!r} (did you mean {close[0]!r}?)",
                                 line=line.number, field="Region")


def _records(rows: list[RawRow], memory: RegionGoalMemory, year: int) -> list[InsatsRecord]:
    records: list[InsatsRecord] = []
    counters: dict[tuple[int, str], int] = {}
    for row in rows:
        statements, goal_start = read_goal_column(row.lines, LANSKOD[row.region],
                                                  row.region, memory)
        body = row.lines[:goal_start]
        name, name_end, nyps = split_name(row)
        description, outputs, effects = split_body(body[name_end:], row)
        key = (row.section, row.region)
        counters[key] = counters.get(key, 0) + 1
        records.append(InsatsRecord(
            id=f"{year}-{row.section}-{LANSKOD[row.region]}-{counters[key]:02d}",
            year=year, section=row.section, region=row.region, name=name, description=description,
            outputs=outputs, effects=effects, nyps_id=nyps, first_line=row.first_line,
            last_line=max(line.number for line in row.lines if line.stripped), goals=statements,
        ))
    return records


def _clean(text: str) -> str:
    return " ".join(text.split())


def split_name(row: RawRow) -> tuple[str, int, str]:
    """The insats name, the index of the first line after it, and the NYPS id if given.

    The name is the head of column 2: it ends at a double space (two columns merged on one line),
    at a sentence end, or where the next line starts a new sentence. A head line longer than one
    column holds the start of the next column too, and is cut before its last capitalised word run.
    """
    head_text = row.lines[0].text.strip()[len(row.region):]
    parts: list[str] = []
    index = 0
    first = head_text.strip()
    if re.search(r"\S\s{2,}\S", first):
        parts.append(re.split(r"\s{2,}", first)[0])
        index = 1
    elif len(first) > COLUMN_WIDTH:
        parts.append(_cut_merged(first))
        index = 1
    else:
        parts.append(first)
        index = 1
        while index < len(row.lines) and len(parts) < 4:
            previous = parts[-1]
            if _SENTENCE_END.search(previous) or previous.endswith(")"):
                break
            following = [line for line in row.lines[index:] if line.stripped]
            if not following:
                break
            text = following[0].text.strip()
            if text.startswith("•") or (text[:1].isupper() and not _dangling(previous)):
                break
            if re.search(r"\S\s{2,}\S", text):
                parts.append(re.split(r"\s{2,}", text)[0])
                index = row.lines.index(following[0]) + 1
                break
            if len(text) > COLUMN_WIDTH:
                break
            parts.append(text)
            index = row.lines.index(following[0]) + 1
    name = _clean(" ".join(parts))
    nyps = ""
    found = _NYPS.search(name) or _NYPS.search(" ".join(line.stripped for line in row.lines[:index + 2]))
    if found:
        nyps = found.group(1)
        name = _clean(_NYPS.sub("", name)).rstrip(" ,")
    sentence_end = re.search(r"(?<=[a-zåäö0-9)])\.\s+(?=[A-ZÅÄÖ])", name)
    if sentence_end and sentence_end.start() >= 10:
        name = name[:sentence_end.start()]
    name = join_hyphenated(name).strip().rstrip(".").strip()
    return name or head_text.strip(), index, nyps


def _dangling(text: str) -> bool:
    """A name line that cannot end there: it ends in a connective, a comma or a dash."""
    return bool(re.search(r"(\b(och|samt|för|i|av|med|till|om|på|inom|mellan|kring|–|-|&)|[,–-])$",
                          text.strip()))


def _cut_merged(text: str) -> str:
    """The name part of a line that holds the name and the start of the next column."""
    candidates = [m.start() for m in re.finditer(r" (?=[A-ZÅÄÖ0-9])", text)]
    for position in candidates:
        if len(text) - position - 1 <= COLUMN_WIDTH and position >= 3:
            return text[:position]
    return text


def split_body(lines: list[Line], row: RawRow) -> tuple[str, str, str]:
    """Description, outputs and effects, split at paragraph ends (approximate)."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line.stripped:
            continue
        paragraphs[-1].append(line.stripped)
        if _SENTENCE_END.search(line.text.rstrip(" ")) and re.search(r"\s{2,}$", line.text):
            paragraphs.append([])
    texts = [_clean(" ".join(p)) for p in paragraphs if p]
    if not texts:
        return "", "", ""
    if len(texts) == 1:
        return texts[0], "", ""
    if len(texts) == 2:
        return texts[0], texts[1], ""
    return texts[0], " ".join(texts[1:-1]), texts[-1]


# Writing ---------------------------------------------------------------------------------------

def _csv_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def tables(appendix: Appendix) -> dict[str, str]:
    """The CSV files' names and texts."""
    insatser = [
        (r.id, r.year, r.section, r.region, r.lanskod, r.name, r.description, r.outputs, r.effects,
         r.nyps_id, r.first_line, r.last_line)
        for r in appendix.insatser
    ]
    links = [
        (r.id, g.kind, g.statement, g.goal, g.level, g.method, g.first_line, g.last_line)
        for r in appendix.insatser for g in r.goals
    ]
    allocations = [(a.region, a.lanskod, a.item, a.amount_sek, a.statement, a.source_line)
                   for a in appendix.allocations]
    answers = [(a.region, a.lanskod, a.question, a.answer, a.first_line, a.last_line)
               for a in appendix.answers]
    return {
        "insatser.csv": _csv_text(INSATS_COLUMNS, insatser),
        "goal_links.csv": _csv_text(GOAL_LINK_COLUMNS, links),
        "allocation.csv": _csv_text(ALLOCATION_COLUMNS, allocations),
        "answers.csv": _csv_text(ANSWER_COLUMNS, answers),
    }


def import_appendix(path: Path, out: Path, year: int = 2023) -> Appendix:
    """Parse the appendix at ``path`` and write its tidy CSV files into ``out`` (all or nothing)."""
    appendix = parse_appendix(path, year)
    write_files_atomically(out, {**tables(appendix), "source.csv": source_csv(path, year, DATA_DIRECTORY.parent)})
    return appendix
