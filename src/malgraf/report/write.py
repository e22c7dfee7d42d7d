"""Write a report's files, all or nothing: text to a file, CSV files and their charts into a folder,
a workbook and its charts beside it, or a page and its graph view beside it."""

from __future__ import annotations

import io
from pathlib import Path

from malgraf.files import write_files_atomically
from malgraf.report.reports import Report
from malgraf.report.text import csv_text, render_report
from malgraf.store import GraphStore

FILE_FORMATS = ("csv", "xlsx", "html")
VIEW_LIMIT = 5_000
"""The most insatser a report's graph view is drawn for: a view of more is too big to read or load
(a report of more links no names; ``--region`` narrows it)."""
"""Formats written to files; ``table``, ``md`` and ``json`` print, or go to one file with ``--out``."""


def default_name(report: Report, fmt: str) -> Path:
    """``report-national.html``, ``report-rus-10-2023.xlsx``, ``report-sdg`` (a folder of CSV files)."""
    parts = ["report", report.by]
    if report.selection.region is not None:
        parts.append(str(report.selection.region).rsplit("/", 1)[-1])
    if report.selection.year is not None:
        parts.append(str(report.selection.year))
    name = "-".join(parts)
    return Path(name if fmt == "csv" else f"{name}.{ 'md' if fmt == 'md' else fmt}")


def _png_bytes(report: Report) -> dict[str, bytes]:
    from malgraf.report.charts import figure_of, png

    charts = {}
    for table in report.tables:
        figure = figure_of(table)
        if figure is not None:
            buffer = io.BytesIO()
            png(figure, buffer)
            charts[table.key] = buffer.getvalue()
    return charts


def write_report(report: Report, fmt: str, out: Path, *, store: GraphStore | None = None,
                 view: bool = True) -> list[Path]:
    """Write ``report`` as ``fmt`` to ``out``; return the files written.

    ``csv``: ``out`` is a folder of one CSV file per table and one PNG per chart, or, for a report
    of one table, a ``.csv`` file with its chart as ``<stem>.png`` beside it. ``xlsx``: the
    workbook, and ``<stem>-<table>.png`` beside it. ``html``: the page, and with ``view`` (and a
    ``store``) the graph view ``<stem>-graf.html`` its names link to. Others: the text.
    """
    files: dict[str, str | bytes]
    if fmt == "csv" and out.suffix.lower() == ".csv":
        (table,) = report.tables
        files = {out.name: csv_text(table)}
        files |= {f"{out.stem}.png": data for data in _png_bytes(report).values()}
        directory = out.parent
    elif fmt == "csv":
        files = {f"{table.key}.csv": csv_text(table) for table in report.tables}
        files |= {f"{key}.png": data for key, data in _png_bytes(report).items()}
        directory = out
    elif fmt == "xlsx":
        from malgraf.report.workbook import workbook_bytes

        files = {out.name: workbook_bytes(report)}
        files |= {f"{out.stem}-{key}.png": data for key, data in _png_bytes(report).items()}
        directory = out.parent
    elif fmt == "html":
        from malgraf.report.page import render_report_page

        files = {}
        link, in_view = None, frozenset[str]()
        if view and store is not None and report.insatser <= VIEW_LIMIT:
            page, in_view = _view_page(store, report)
            link = f"{out.stem}-graf.html"
            files[link] = page
        files[out.name] = render_report_page(report, link, in_view)
        directory = out.parent
    else:
        files = {out.name: render_report(report, fmt)}
        directory = out.parent
    write_files_atomically(directory, files)
    return [directory / name for name in files]


def _view_page(store: GraphStore, report: Report) -> tuple[str, frozenset[str]]:
    """The overview graph view (of the report's region when it has one) and the nodes it holds."""
    from malgraf.views import view_graph
    from malgraf.views.page import render_page

    graph = view_graph(store, report.selection.region, lang=report.lang,
                       with_suggested=report.selection.with_suggested)
    return render_page(graph), frozenset(graph.nodes)
