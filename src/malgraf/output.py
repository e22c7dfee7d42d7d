"""Format rows of results as a readable table, CSV, JSON or Markdown, safe to print and to open.

Text from the data may hold control characters (ESC, NUL, bidi overrides …) that would act on a
terminal, and CSV cells that a spreadsheet would run as formulas. ``visible`` shows the former as
symbols, ``spreadsheet_safe`` defuses the latter; ``render_rows`` applies both.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Literal, URIRef

from malgraf.query import Row
from malgraf.text import escape_in_json, visible

FORMATS = ("table", "csv", "json", "md")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(text: str) -> str:
    """``text`` as a spreadsheet cell that cannot run: a leading ``= + - @``, tab or CR gets a ``'``.

    The OWASP rule against CSV injection; numbers such as ``-3`` or ``+4,5`` stay numbers. Every
    writer of spreadsheet cells (CSV here, XLSX later) passes its text cells through this.

    >>> spreadsheet_safe("=HYPERLINK(\\"http://x\\")"), spreadsheet_safe("-3"), spreadsheet_safe("-3+A1")
    ('\\'=HYPERLINK("http://x")', '-3', "'-3+A1")
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def to_json(data: object) -> str:
    """``data`` as indented JSON, non-ASCII text readable, the characters ``visible`` escapes escaped.

    ``json.dumps`` escapes the C0 controls but not DEL, the C1 controls, bidi controls or U+2028/9;
    they can only occur inside strings, where ``\\uXXXX`` means the same character.

    >>> to_json(["a\\u202eb", "\\x1b"])
    '[\\n  "a\\\\u202eb",\\n  "\\\\u001b"\\n]'
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return escape_in_json(text)


def plain(value: object) -> str:
    """A cell's text: IRIs as they are, literals as their lexical form, None as empty."""
    return "" if value is None else str(value)


def json_value(value: object) -> object:
    """A JSON-friendly cell: numbers stay numbers, IRIs and literals become strings."""
    if isinstance(value, Literal):
        python = value.toPython()
        return python if isinstance(python, (int, float, bool)) else str(value)
    if isinstance(value, URIRef):
        return str(value)
    return value


def json_rows(rows: Sequence[Row], columns: Sequence[str]) -> list[dict[str, object]]:
    """``rows`` restricted to ``columns`` as JSON-friendly dicts."""
    return [{c: json_value(row.get(c)) for c in columns} for row in rows]


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


_MARKDOWN_SPECIAL = re.compile(r"([\\|<>\[\]`])")


def _one_line(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")


def _markdown_cell(text: str) -> str:
    """A table cell for Markdown: one line, no raw HTML, links or code spans from the data."""
    return visible(_MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text)))


def render_rows(rows: Sequence[Row], columns: Sequence[str], fmt: str = "table", max_width: int = 70) -> str:
    """Render ``rows`` (dicts) restricted to ``columns`` in format ``fmt`` (see ``FORMATS``).

    The readable table cuts cells longer than ``max_width`` with an ellipsis; other formats keep all.
    Control characters are shown (``visible``), CSV cells defused (``spreadsheet_safe``).

    >>> print(render_rows([{"a": 1, "b": "x"}], ["a", "b"]))
    a  b
    -  -
    1  x
    """
    if fmt == "json":
        return to_json(json_rows(rows, columns))
    cells = [[plain(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for line in [list(columns), *cells]:
            writer.writerow([spreadsheet_safe(visible(c, keep="\n\t")) for c in line])
        return buffer.getvalue().rstrip("\n")
    if fmt == "md":
        def md(line: Sequence[str]) -> str:
            return "| " + " | ".join(_markdown_cell(c) for c in line) + " |"
        return "\n".join([md(columns), md(["---"] * len(columns)), *(md(r) for r in cells)])
    flat = [[_shorten(visible(_one_line(c)), max_width) for c in r] for r in cells]
    widths = [max([len(h), *(len(r[i]) for r in flat)]) for i, h in enumerate(columns)]
    lines = [list(columns), ["-" * w for w in widths], *flat]
    padded = ("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines)
    return "\n".join(text.rstrip() for text in padded)


@dataclass(frozen=True)
class Table:
    """Rows to print: the columns a reader sees (table, md), and those a program gets (csv, json)."""

    rows: Sequence[Row]
    columns: Sequence[str]
    data_columns: Sequence[str] | None = None
    title: str = ""
    """A heading above the readable table."""
    key: str = ""
    """Its name in JSON, when an answer has several tables."""
    data: bool = True
    """Whether it is part of the CSV and JSON output too, or only a note for a reader."""


def render_tables(tables: Sequence[Table], fmt: str = "table") -> str:
    """Tables one after another: headed blocks (table, md), CSV blocks, or JSON.

    JSON is the list of rows of the one data table, or an object by ``key`` when there are several.
    """
    if fmt == "json":
        data = [t for t in tables if t.data]
        if len(data) == 1:
            return to_json(json_rows(data[0].rows, data[0].data_columns or data[0].columns))
        return to_json({t.key or t.title: json_rows(t.rows, t.data_columns or t.columns) for t in data})
    if fmt == "csv":
        return "\n".join(render_rows(t.rows, t.data_columns or t.columns, fmt) for t in tables if t.data)
    blocks = []
    for table in tables:
        title = f"## {visible(table.title)}\n\n" if fmt == "md" else f"{visible(table.title)}\n\n"
        blocks.append((title if table.title else "") + render_rows(table.rows, table.columns, fmt))
    return "\n\n".join(blocks)


@dataclass(frozen=True)
class Answer:
    """An answer to print: a heading, its tables, and a note saying why the first table is empty."""

    heading: str
    tables: Sequence[Table]
    note: str = ""


def render_answer(answer: Answer, fmt: str = "table") -> tuple[str, str]:
    """``answer`` as (standard output, standard error) in format ``fmt``.

    A reader (table, md) gets the heading, then the note in place of an empty first table; a
    program (csv, json) gets only the data on standard output, and the note on standard error.
    """
    note = visible(answer.note, keep="\n")
    if fmt in ("csv", "json"):
        return render_tables(answer.tables, fmt), note
    tables = list(answer.tables)
    blocks = [visible(answer.heading)] if answer.heading else []
    if tables and not tables[0].rows and answer.note:
        blocks.append(note)
        tables = [t for t in tables[1:] if t.rows]
    if tables:
        blocks.append(render_tables(tables, fmt))
    return "\n\n".join(blocks), ""
