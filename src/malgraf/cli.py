"""The ``malgraf`` command line: thin click commands over library functions."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from malgraf import __version__
from malgraf.errors import LookupFailedError, MalgrafError
from malgraf.output import FORMATS, render_rows

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn a ``MalgrafError`` into ``Error: …`` on stderr with the error's exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LookupFailedError as error:
            click.echo(f"Error: {error}", err=True)
            for iri, label in error.candidates:
                click.echo(f"  {label}  <{iri}>", err=True)
            raise SystemExit(error.exit_code) from None
        except MalgrafError as error:
            click.echo(f"Error: {error}", err=True)
            raise SystemExit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


graph_option = click.option(
    "--graph",
    "graph_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Built graph to read (default: $MALGRAF_GRAPH or build/malgraf.nq).",
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="Output format.",
)
lang_option = click.option(
    "--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
    help="Language of labels.",
)


@click.group()
@click.version_option(__version__, prog_name="malgraf")
def main() -> None:
    """malgraf: a knowledge graph of goals and results for Swedish regional development."""


@main.command()
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Where to write the built graph (N-Quads; default: $MALGRAF_GRAPH or build/malgraf.nq).",
)
@click.option(
    "--data", "data_directories", multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A data directory of tidy CSV files (default: every shipped year under data/).",
)
@click.option(
    "--turtle", "extra_turtle", multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Extra Turtle files to load, each into a named graph of its own.",
)
@reports_errors
def build(out: Path | None, data_directories: tuple[Path, ...], extra_turtle: tuple[Path, ...]) -> None:
    """Build the graph from ontology, reference vocabularies and data."""
    from malgraf.build import build as build_graph

    result = build_graph(out, list(data_directories) or None, extra_turtle)
    rows = [{"graph": g, "quads": n} for g, n in result.quads_per_graph.items()]
    click.echo(render_rows(rows, ["graph", "quads"]))
    click.echo(f"Wrote {result.total} quads to {result.path}")


@main.group(name="import")
def import_group() -> None:
    """Import source documents into tidy CSV files under data/<year>/."""


@import_group.command(name="appendix")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--year", type=int, default=2023, show_default=True, help="Year the reports cover.")
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Directory for the CSV files (default: data/<year> of the checkout).",
)
@reports_errors
def import_appendix(path: Path, year: int, out: Path | None) -> None:
    """Import Tillväxtverket's table appendix of the regions' reports (seed 004)."""
    from malgraf.importers.appendix import import_appendix as run_import
    from malgraf.resources import DATA_DIRECTORY

    directory = out or DATA_DIRECTORY / str(year)
    appendix = run_import(path, directory, year)
    links = sum(len(r.goals) for r in appendix.insatser)
    click.echo(f"Read {len(appendix.insatser)} insatser, {links} goal links, "
               f"{len(appendix.allocations)} allocation amounts and {len(appendix.answers)} answers "
               f"from {path}")
    click.echo(f"Wrote insatser.csv, goal_links.csv, allocation.csv, answers.csv to {directory}")


@main.command()
@graph_option
@lang_option
@format_option
@reports_errors
def info(graph_path: Path | None, lang: str, fmt: str) -> None:
    """Counts per class, per concept scheme and insatser per region."""
    from malgraf.graph import open_dataset
    from malgraf.query import counts_per_class, counts_per_scheme, insatser_per_region

    dataset = open_dataset(graph_path)
    sections = [
        ("Classes", counts_per_class(dataset, lang), ["classLabel", "count", "class"]),
        ("Concept schemes", counts_per_scheme(dataset, lang), ["schemeLabel", "count", "scheme"]),
        ("Insatser per region", insatser_per_region(dataset),
         ["lanskod", "regionName", "year", "count"]),
    ]
    if fmt == "json":
        click.echo(json.dumps({title: json.loads(render_rows(rows, columns, "json"))
                               for title, rows, columns in sections}, ensure_ascii=False, indent=2))
        return
    for number, (title, rows, columns) in enumerate(sections):
        if fmt in ("table", "md"):
            click.echo(("\n" if number else "") + (f"## {title}\n" if fmt == "md" else f"{title}\n"))
        click.echo(render_rows(rows, columns, fmt))


@main.command()
@graph_option
@click.option("--goal", help="Show the neighbourhood of this goal (IRI, CURIE such as sdg:8.3, notation or words).")
@click.option("--insats", help="Show the neighbourhood of this insats (IRI, id or words of its name).")
@click.option("--region", help="Show the neighbourhood of this region (länskod, name or IRI).")
@click.option("--depth", type=click.IntRange(0, 6), default=2, show_default=True,
              help="How many links away from the focus to show.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the page (default: build/view.html).")
@lang_option
@reports_errors
def view(graph_path: Path | None, goal: str | None, insats: str | None, region: str | None, depth: int,
         out: Path | None, lang: str) -> None:
    """Write an interactive HTML view that works offline: a neighbourhood, or an overview of all goals.

    Without --goal, --insats or --region the page shows the goals in use with their insatser folded
    in; double-click a goal to unfold them. Open the page in any browser; it loads nothing.
    """
    from malgraf.graph import open_dataset
    from malgraf.render import DEFAULT_VIEW_PATH, focus_of, view_graph, write_view

    if sum(1 for given in (goal, insats, region) if given) > 1:
        raise click.UsageError("give at most one of --goal, --insats and --region")
    dataset = open_dataset(graph_path)
    focus = focus_of(dataset, goal=goal, insats=insats, region=region)
    graph = view_graph(dataset, focus, depth=depth, lang=lang)
    path = write_view(graph, out or DEFAULT_VIEW_PATH)
    click.echo(f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} links to {path}")
    click.echo(path.resolve().as_uri())
