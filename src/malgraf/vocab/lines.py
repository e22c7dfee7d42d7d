"""Where each wording of a region's goal vocabulary stands in a source: its ``lines`` column.

A wording is looked for in the region's own rows of the source (whitespace collapsed, case folded,
across line breaks and line-break hyphens, quotes aside), and each occurrence is named by the line
it starts on. ``refresh_lines`` rewrites the column of a vocabulary file from the source, so the
file's ``lines`` stay true as wordings are added.
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from pathlib import Path

from malgraf.files import write_files_atomically
from malgraf.importers.appendix.parse import Appendix
from malgraf.importers.csvfile import read_text
from malgraf.importers.goals.resolve import display_text
from malgraf.importers.lines import Line
from malgraf.vocab.regional import VOCABULARY_COLUMNS, fold_wording

_QUOTE_OR_SPACE = "[\\s\"”“’‘]+"


class SourceText:
    """The rows of one region in a source, as one searchable text with the line each part starts on."""

    def __init__(self, lines: Sequence[str], spans: Iterable[tuple[int, int]]) -> None:
        numbered = [Line(number, lines[number - 1]) for first, last in sorted(spans)
                    for number in range(first, min(last, len(lines)) + 1)]
        self.text, self.starts, self.numbers = display_text(numbered)
        self.lowered = self.text.lower()

    def lines_of(self, wording: str) -> list[int]:
        """The lines on which ``wording`` starts, in order."""
        words = fold_wording(wording).split()
        if not words:
            return []
        pattern = re.compile(r"(?<!\w)[\"”“’‘]?" + _QUOTE_OR_SPACE.join(map(re.escape, words)) + r"(?!\w)")
        found = {self.numbers[max(bisect_right(self.starts, match.start()) - 1, 0)]
                 for match in pattern.finditer(self.lowered)}
        return sorted(found)


def refreshed(path: Path, source: SourceText) -> str:
    """The text of the vocabulary file at ``path`` with every label's and wording's ``lines`` from ``source``.

    A strategy's label is a name, not a statement of the source: its lines are left as they are.
    """
    rows = list(csv.DictReader(io.StringIO(read_text(path))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(VOCABULARY_COLUMNS), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        text = row.get("wording") or (row.get("label") if row.get("level") != "strategi" else "")
        if text:
            row["lines"] = " ".join(map(str, source.lines_of(text)))
        writer.writerow({column: row.get(column) or "" for column in VOCABULARY_COLUMNS})
    return out.getvalue()


def refresh_lines(paths: Iterable[Path], source_lines: Sequence[str],
                  spans_by_lanskod: dict[str, list[tuple[int, int]]]) -> list[Path]:
    """Rewrite the ``lines`` column of each vocabulary file (all or nothing); the files that changed."""
    changed: dict[Path, str] = {}
    for path in paths:
        source = SourceText(source_lines, spans_by_lanskod.get(path.name[:2], []))
        text = refreshed(path, source)
        if text != path.read_text(encoding="utf-8"):
            changed[path] = text
    for directory in {path.parent for path in changed}:
        write_files_atomically(directory, {p.name: t for p, t in changed.items() if p.parent == directory})
    return sorted(changed)


def update_vocabulary_lines(directory: Path, source: Path, appendix: Appendix) -> list[Path]:
    """Rewrite the ``lines`` of every vocabulary file in ``directory`` from ``source``, looking in the
    rows ``appendix`` read from it; the files that changed."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for record in appendix.insatser:
        spans.setdefault(record.lanskod, []).append((record.first_line, record.last_line))
    lines = read_text(source).split("\n")
    return refresh_lines(sorted(directory.glob("*.csv")), lines, spans)
