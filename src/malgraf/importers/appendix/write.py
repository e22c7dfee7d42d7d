"""Write the records read from the appendix as the tidy CSV files that ``build`` reads, all or nothing.

``allocation.csv`` is not written: the §8 amounts are read by hand, and a re-import keeps them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from malgraf.files import write_files_atomically
from malgraf.importers.appendix.parse import Appendix, parse_appendix
from malgraf.importers.tables import (
    ANSWER_COLUMNS,
    GOAL_LINK_WRITTEN_COLUMNS,
    INSATS_COLUMNS,
    source_csv,
)
from malgraf.resources import DATA_DIRECTORY, GOALS_DIRECTORY


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
        (r.id, g.kind, g.statement, g.goal, g.level, g.method, g.first_line, g.last_line, g.match)
        for r in appendix.insatser for g in r.goals
    ]
    answers = [(a.region, a.lanskod, a.question, a.answer, a.first_line, a.last_line)
               for a in appendix.answers]
    return {
        "insatser.csv": _csv_text(INSATS_COLUMNS, insatser),
        "goal_links.csv": _csv_text(GOAL_LINK_WRITTEN_COLUMNS, links),
        "answers.csv": _csv_text(ANSWER_COLUMNS, answers),
    }


def import_appendix(
    path: Path, out: Path, year: int = 2023, goals_directory: Path | None = GOALS_DIRECTORY
) -> Appendix:
    """Parse the appendix at ``path`` and write its tidy CSV files into ``out`` (all or nothing).

    Regional goal statements resolve against the vocabularies in ``goals_directory`` (``data/goals``).
    """
    appendix = parse_appendix(path, year, goals_directory)
    write_files_atomically(out, {**tables(appendix), "source.csv": source_csv(path, year, DATA_DIRECTORY.parent)})
    return appendix
