"""Format rows of results as a readable table, CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from rdflib import Literal, URIRef

from malgraf.query import Row

FORMATS = ("table", "csv", "json", "md")


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


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_rows(rows: Sequence[Row], columns: Sequence[str], fmt: str = "table", max_width: int = 70) -> str:
    """Render ``rows`` (dicts) restricted to ``columns`` in format ``fmt`` (see ``FORMATS``).

    The readable table cuts cells longer than ``max_width`` with an ellipsis; other formats keep all.

    >>> print(render_rows([{"a": 1, "b": "x"}], ["a", "b"]))
    a  b
    -  -
    1  x
    """
    if fmt == "json":
        data = [{c: json_value(row.get(c)) for c in columns} for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2)
    cells = [[plain(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
        return buffer.getvalue().rstrip("\n")
    if fmt == "md":
        def md(line: Sequence[str]) -> str:
            return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in line) + " |"
        return "\n".join([md(columns), md(["---"] * len(columns)), *(md(r) for r in cells)])
    flat = [[_shorten(c.replace("\n", " "), max_width) for c in r] for r in cells]
    widths = [max([len(h), *(len(r[i]) for r in flat)]) for i, h in enumerate(columns)]
    lines = [list(columns), ["-" * w for w in widths], *flat]
    padded = ("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines)
    return "\n".join(text.rstrip() for text in padded)
