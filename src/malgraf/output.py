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

from rdflib import Literal, URIRef

from malgraf.query import Row

FORMATS = ("table", "csv", "json", "md")

_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
"""Bidirectional embeddings, overrides and isolates: they reorder the text that follows them."""

_ESCAPED = {*range(0x7F, 0xA0), *_BIDI, 0x2028, 0x2029}
"""Characters shown as ``\\uXXXX``: DEL, the C1 controls, bidi controls, line and paragraph separators."""


def _visible_char(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟ (ESC → ␛)
    return f"\\u{code:04x}"


_VISIBLE = {code: _visible_char(code) for code in [*range(0x20), *_ESCAPED]}


def visible(text: str, keep: str = "") -> str:
    """``text`` with control characters replaced by visible stand-ins, except those in ``keep``.

    C0 controls become their Control Pictures symbol (ESC → ␛, NUL → ␀); DEL, C1 controls, bidi
    controls (U+202A–U+202E, U+2066–U+2069) and U+2028/U+2029 become ``\\uXXXX``. With a newline
    kept, CR LF counts as a newline.

    >>> visible("red \\x1b[31m, ab\\u202ecd")
    'red ␛[31m, ab\\\\u202ecd'
    >>> visible("two\\nlines\\ttab", keep="\\n")
    'two\\nlines␉tab'
    """
    if "\n" in keep:
        text = text.replace("\r\n", "\n")
    table = {code: value for code, value in _VISIBLE.items() if chr(code) not in keep}
    return text.translate(table)


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
    return text.translate({code: f"\\u{code:04x}" for code in _ESCAPED})


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


Section = tuple[str, Sequence[Row], Sequence[str]]
"""A titled table: (title, rows, columns)."""


def render_sections(sections: Sequence[Section], fmt: str = "table") -> str:
    """Several titled tables: headed blocks (table, md), one JSON object by title, or CSV blocks."""
    if fmt == "json":
        return to_json({title: json_rows(rows, columns) for title, rows, columns in sections})
    blocks = []
    for title, rows, columns in sections:
        if fmt in ("table", "md"):
            blocks.append((f"## {visible(title)}\n" if fmt == "md" else f"{visible(title)}\n") + "\n"
                          + render_rows(rows, columns, fmt))
        else:
            blocks.append(render_rows(rows, columns, fmt))
    return "\n\n".join(blocks) if fmt in ("table", "md") else "\n".join(blocks)
