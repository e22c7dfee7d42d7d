"""A report as one self-contained HTML page: charts as inline SVG, tables, nothing from the network.

Every text from the data is escaped by Jinja's autoescape; the charts' SVG comes from matplotlib,
which escapes the text it draws. Names of goals, regions and insatser link to the graph view written
beside the page (``<page>-graf.html#<IRI>`` selects that node there), when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from malgraf.report.charts import figure_of, svg
from malgraf.report.reports import Report
from malgraf.report.table import ReportTable
from malgraf.report.text import cell_text
from malgraf.text import visible

TEMPLATES = Path(__file__).resolve().parent / "templates"
TEXT = {
    "sv": {"made": "Gjord av malgraf", "view_hint": "Namnen leder till grafvyn", "contents": "Innehåll",
           "none": "Inga rader."},
    "en": {"made": "Made by malgraf", "view_hint": "The names lead to the graph view", "contents": "Contents",
           "none": "No rows."},
}


@dataclass(frozen=True)
class Cell:
    text: str
    kind: str
    href: str | None = None


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def _rows(table: ReportTable, view: str | None, in_view: set[str]) -> list[dict[str, object]]:
    columns = table.visible_columns()
    rows = []
    for record in table.records():
        cells = []
        for column in columns:
            target = record.get(column.link) if column.link else None
            href = (f"{view}#{quote(str(target), safe='')}" if view and isinstance(target, str) and target in in_view
                    else None)
            cells.append(Cell(visible(cell_text(record[column.name], column)), column.kind, href))
        total = column_is_total(table, record)
        rows.append({"cells": cells, "total": total})
    return rows


def column_is_total(table: ReportTable, record: dict[str, object]) -> bool:
    """Whether ``record`` is a table's last row of all regions together (it has no region)."""
    return any(column.name == "region" for column in table.columns) and record.get("region") is None


def render_report_page(report: Report, view: str | None = None, in_view: frozenset[str] = frozenset()) -> str:
    """The page of ``report``; names link to ``view#IRI`` for the IRIs ``in_view``."""
    tables = []
    for table in report.tables:
        figure = figure_of(table)
        tables.append({
            "key": table.key, "title": visible(table.title), "counts": visible(table.counts),
            "notes": [visible(note) for note in table.notes],
            "svg": Markup(svg(figure)) if figure is not None else None,
            "columns": [{"heading": visible(c.heading), "kind": c.kind} for c in table.visible_columns()],
            "rows": _rows(table, view, set(in_view)),
            "empty": visible(table.empty) if table.empty else TEXT[report.lang]["none"],
        })
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    return _environment().get_template("report.html.j2").render(
        lang=report.lang, title=visible(report.title), scope=visible(report.scope), made=report.made,
        text=TEXT[report.lang], tables=tables, css=Markup(css), view=view)
