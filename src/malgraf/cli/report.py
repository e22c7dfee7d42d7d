"""``malgraf report``: insatser and the §8 money per goal, national area and priority, and region."""

from __future__ import annotations

from pathlib import Path

import click

from malgraf.cli import main
from malgraf.cli.errors import reports_errors
from malgraf.cli.options import FilePath, lang_option, with_suggested_option
from malgraf.cli.source import open_graph, read_graph_option
from malgraf.report import BY

REPORT_FORMATS = ("table", "md", "json", "csv", "xlsx", "html")


@main.command()
@click.option("--by", "by", type=click.Choice(BY), default="national", show_default=True,
              help="national: areas and priorities of the national strategy; priority: region × priority; rus: "
                   "the region's own goals and the goals no insats reaches; sdg: Agenda 2030 goals and targets; "
                   "eruf: the Regional Fund's objectives and the programmes; region: insatser and the 1:1 grant of "
                   "§8; section: the appendix's sections.")
@click.option("--region", help="Only this region's insatser (länskod, name or IRI).")
@click.option("--year", type=int, help="Only insatser of this year.")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="table", show_default=True,
              help="table, md or json print (or go to --out); csv writes a folder of CSV files and PNG charts, "
                   "xlsx a workbook and PNG charts beside it, html one self-contained page and its graph view.")
@click.option("--out", type=FilePath(path_type=Path), default=None,
              help="Where to write (default for csv, xlsx and html: report-<by>[-<länskod>][-<year>] here).")
@click.option("--table", "table_key", help="Only the table of this key (the key in brackets after each title).")
@click.option("--no-view", is_flag=True, help="With --format html: write no graph view beside the page.")
@with_suggested_option
@read_graph_option
@lang_option
@reports_errors
def report(by: str, region: str | None, year: int | None, fmt: str, out: Path | None, table_key: str | None,
           no_view: bool, with_suggested: bool, graph_path: Path | None, lang: str) -> None:
    """Tables and charts: insatser per goal (direct and rolled up), per region and national area or
    priority, Agenda 2030 and ERUF coverage, a region's goals and gaps, the 1:1 grant of §8.

    Every insats counts once per goal, however many ways lead there. A year or region without
    insatser is an error (exit 1), never an empty table.
    """
    from dataclasses import replace

    from malgraf.files import check_output_path
    from malgraf.lookup import resolve_region
    from malgraf.report.reports import make_report
    from malgraf.report.text import render_report
    from malgraf.report.write import FILE_FORMATS, VIEW_LIMIT, default_name, write_report

    if out is not None:
        check_output_path(out)
    store = open_graph(graph_path, lang)
    region_iri = resolve_region(store, region, lang) if region is not None else None
    made = make_report(store, by, region=region_iri, year=year, with_suggested=with_suggested, lang=lang)
    if table_key is not None:
        chosen = [table for table in made.tables if table.key == table_key]
        if not chosen:
            keys = ", ".join(table.key for table in made.tables)
            raise click.BadParameter(f"{table_key!r} is not a table of this report; its tables: {keys}",
                                     param_hint="--table")
        made = replace(made, tables=chosen)
    if fmt == "csv" and out is not None and out.suffix.lower() == ".csv" and len(made.tables) > 1:
        keys = ", ".join(table.key for table in made.tables)
        raise click.BadParameter(f"{out} is one CSV file, and this report has {len(made.tables)} tables ({keys}): "
                                 "choose one with --table, or give a folder", param_hint="--out")
    if fmt not in FILE_FORMATS and out is None:
        click.echo(render_report(made, fmt), nl=False)
        return
    if fmt == "html" and not no_view and made.insatser > VIEW_LIMIT:
        click.echo(f"Note: no graph view beside the page: {made.insatser} insatser are more than a view shows "
                   f"({VIEW_LIMIT}); --region narrows the report", err=True)
    written = write_report(made, fmt, out or default_name(made, fmt), store=store, view=not no_view)
    for path in written:
        click.echo(path)
