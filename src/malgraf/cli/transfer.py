"""The commands that move data in and out of malgraf: ``import appendix`` and ``push``."""

from __future__ import annotations

from pathlib import Path

import click

from malgraf.cli import main
from malgraf.cli.errors import reports_errors
from malgraf.cli.options import FilePath, graph_option, lang_option
from malgraf.cli.source import endpoint_login
from malgraf.i18n import message


@main.group(name="import")
def import_group() -> None:
    """Import source documents into tidy CSV files under data/<year>/."""


@import_group.command(name="appendix")
@click.argument("path", type=FilePath(dir_okay=False, path_type=Path), required=False)
@click.option("--year", type=click.IntRange(1000, 9999), default=2023, show_default=True,
              help="Year the reports cover (four digits, as build reads it).")
@click.option(
    "--out", type=FilePath(path_type=Path), default=None,
    help="Directory for the CSV files (default: data/<year> of the checkout).",
)
@click.option(
    "--goals", "goals_directory", type=FilePath(file_okay=False, path_type=Path), default=None,
    help="Directory of the regions' goal vocabularies, <länskod>-<name>.csv (default: data/goals).",
)
@click.option("--update-goal-lines", is_flag=True,
              help="Rewrite the lines column of each goal vocabulary file: where each wording stands in the "
                   "region's rows of PATH.")
@lang_option
@reports_errors
def import_appendix(path: Path | None, year: int, out: Path | None, goals_directory: Path | None,
                    update_goal_lines: bool, lang: str) -> None:
    """Import Tillväxtverket's table appendix of the regions' reports (PATH; default: the shipped 2023 text).

    Each region's goal statements are resolved to the goals of its vocabulary in data/goals; the
    statements that match none are listed, with region, line and text.
    """
    from malgraf.importers.appendix import import_appendix as run_import
    from malgraf.importers.appendix.report import resolution_summary, resolution_warnings
    from malgraf.resources import APPENDIX_2023, DATA_DIRECTORY, GOALS_DIRECTORY

    path = path or APPENDIX_2023
    directory = out or DATA_DIRECTORY / str(year)
    goals_directory = goals_directory or GOALS_DIRECTORY
    appendix = run_import(path, directory, year, goals_directory)
    for warning in appendix.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for line in resolution_warnings(appendix, goals_directory, lang):
        click.echo(line, err=True)
    if update_goal_lines:
        from malgraf.vocab.lines import update_vocabulary_lines

        changed = update_vocabulary_lines(goals_directory, path, appendix)
        click.echo(message("import.goal_lines", lang, n=len(changed), directory=goals_directory))
    links = sum(len(r.goals) for r in appendix.insatser)
    click.echo(message("import.read", lang, insatser=len(appendix.insatser), links=links,
                       answers=len(appendix.answers), path=path))
    summary = resolution_summary(appendix, goals_directory, lang)
    if summary:
        click.echo(summary)
    files = "insatser.csv, goal_links.csv, answers.csv, source.csv"
    click.echo(message("import.wrote", lang, files=files, directory=directory))
    click.echo(message("import.allocation", lang, path=directory / "allocation.csv"))


@main.command()
@click.option("--endpoint", envvar="MALGRAF_ENDPOINT", required=True,
              help="The server's SPARQL query endpoint (or $MALGRAF_ENDPOINT).")
@click.option("--update-endpoint", help="Where SPARQL Update goes (default: --endpoint).")
@click.option("--store-endpoint", help="Its Graph Store Protocol endpoint (default: --endpoint).")
@graph_option
@lang_option
@reports_errors
def push(endpoint: str, update_endpoint: str | None, store_endpoint: str | None, graph_path: Path | None,
         lang: str) -> None:
    """Upload the built graph to a SPARQL server, each named graph replaced whole.

    The login comes from $MALGRAF_ENDPOINT_USER and $MALGRAF_ENDPOINT_PASSWORD (asked for when only
    the user is set and this is a terminal), never from the command line.
    """
    from malgraf.build import ensure_built
    from malgraf.store.endpoint import SparqlEndpoint
    from malgraf.store.push import push as run_push

    server = SparqlEndpoint(endpoint, store_endpoint, endpoint_login(lang, ask=True), update_url=update_endpoint)
    path = graph_path or ensure_built()[0]
    counts = run_push(server, path)
    click.echo(message("push.wrote", lang, n=sum(counts.values()), graphs=len(counts), url=endpoint))
