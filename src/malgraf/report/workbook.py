"""A report as an XLSX workbook: one sheet per table (header frozen, filters on, numbers as numbers),
and a first sheet saying what each table counts and from which data."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from malgraf.output import spreadsheet_safe
from malgraf.report.reports import Report
from malgraf.report.table import ReportTable
from malgraf.text import visible

_FORMATS = {"count": "0", "share": "0%", "money": "# ##0", "number": "General"}
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _text(value: str) -> str:
    return spreadsheet_safe(visible(value, keep="\n"))


def sheet_name(key: str, used: set[str]) -> str:
    """An Excel sheet name for ``key``: at most 31 characters, none of ``[]:*?/\\``, unique.

    >>> sheet_name("region_priority_main_share_and_more", set())
    'region_priority_main_share_and_'
    """
    name = _SHEET_NAME.sub("_", key)[:31]
    base, number = name, 2
    while name.casefold() in used:
        suffix = f"_{number}"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.casefold())
    return name


def workbook_bytes(report: Report) -> bytes:
    """The workbook of ``report``."""
    book = Workbook()
    about = book.active
    about.title = "om" if report.lang == "sv" else "about"
    used = {about.title}
    names = [sheet_name(table.key, used) for table in report.tables]
    _about(about, report, names)
    for table, name in zip(report.tables, names, strict=True):
        _table_sheet(book.create_sheet(name), table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _about(sheet: Worksheet, report: Report, names: list[str]) -> None:
    sv = report.lang == "sv"
    sheet.append([_text(report.title)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([_text(report.scope)])
    sheet.append([("Gjord av malgraf " if sv else "Made by malgraf ") + report.made + (
        ", ur den byggda grafen (malgraf build): Tillväxtverkets tabellbilaga, regionernas målvokabulärer i "
        "data/goals och den granskade korsreferensen i data/crosswalk." if sv else
        ", from the built graph (malgraf build): Tillväxtverket's table appendix, the regions' goal vocabularies "
        "in data/goals and the reviewed crosswalk in data/crosswalk.")])
    sheet.append([])
    sheet.append(["blad" if sv else "sheet", "tabell" if sv else "table", "vad den räknar" if sv else "what it counts"])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for table, name in zip(report.tables, names, strict=True):
        sheet.append([name, _text(table.title), _text(" ".join([table.counts, *table.notes]))])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 50
    sheet.column_dimensions["C"].width = 110
    for row in sheet.iter_rows(min_row=6):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")


def _table_sheet(sheet: Worksheet, table: ReportTable) -> None:
    columns = table.columns
    sheet.append([_text(column.heading if column.kind != "iri" else column.name) for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in table.records():
        sheet.append([_text(value) if isinstance(value, str) else value
                      for value in (record[column.name] for column in columns)])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        number_format = _FORMATS.get(column.kind)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
        width = 12 if column.kind != "text" else 40 if column.name not in ("notation", "regionName") else 16
        sheet.column_dimensions[letter].width = 60 if column.kind == "iri" else width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(sheet.max_row, 2)}"
