"""A report as text: readable tables, Markdown, CSV or JSON (``malgraf.output`` makes each safe)."""

from __future__ import annotations

import csv
import io

from malgraf.output import json_rows, render_rows, spreadsheet_safe, to_json
from malgraf.report.reports import Report
from malgraf.report.table import Column, ReportTable
from malgraf.text import visible


def cell_text(value: object, column: Column) -> str:
    """A cell as a reader sees it: counts as digits, shares in per cent, kronor with thin spaces.

    >>> cell_text(0.4762, Column("x", "x", "share")), cell_text(29700000, Column("x", "x", "money"))
    ('48 %', '29 700 000')
    """
    if value is None:
        return ""
    if column.kind == "share":
        return f"{float(value) * 100:.0f} %"  # type: ignore[arg-type]
    if column.kind == "money":
        return f"{int(value):,}".replace(",", " ")  # type: ignore[call-overload]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def readable_rows(table: ReportTable) -> tuple[list[dict[str, object]], list[str]]:
    """The table's rows keyed by heading, as a reader sees them, and the headings."""
    columns = table.visible_columns()
    headings = _unique([column.heading for column in columns])
    rows: list[dict[str, object]] = [
        {heading: cell_text(record[column.name], column) for heading, column in zip(headings, columns, strict=True)}
        for record in table.records()]
    return rows, headings


def _unique(headings: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    unique = []
    for heading in headings:
        seen[heading] = seen.get(heading, 0) + 1
        unique.append(heading if seen[heading] == 1 else f"{heading} ({seen[heading]})")
    return unique


def render_report(report: Report, fmt: str) -> str:
    """The whole report as ``table`` (headed blocks), ``md`` or ``json`` (an object by table key)."""
    if fmt == "json":
        return to_json({"title": report.title, "scope": report.scope, "tables": {
            table.key: {"title": table.title, "counts": table.counts,
                        "rows": json_rows(table.records(), [c.name for c in table.columns])}
            for table in report.tables}})
    blocks = [f"# {visible(report.title)}\n\n{visible(report.scope)}" if fmt == "md"
              else f"{visible(report.title)}\n{visible(report.scope)}"]
    for table in report.tables:
        rows, headings = readable_rows(table)
        heading = f"## {visible(table.title)}" if fmt == "md" else f"{visible(table.title)} [{table.key}]"
        body = render_rows(rows, headings, fmt, max_width=60) if rows else visible(table.empty or "–")
        notes = "".join(f"\n{visible(note)}" for note in table.notes)
        blocks.append(f"{heading}\n\n{body}{notes}")
    return "\n\n".join(blocks) + "\n"


def csv_text(table: ReportTable) -> str:
    """One table as CSV: the data columns by name, numbers as numbers, text cells defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = [column.name for column in table.columns]
    writer.writerow(names)
    for record in table.records():
        writer.writerow([spreadsheet_safe(visible(value, keep="\n\t")) if isinstance(value, str)
                         else "" if value is None else round(value, 4) if isinstance(value, float) else value
                         for value in (record[name] for name in names)])
    return buffer.getvalue()
