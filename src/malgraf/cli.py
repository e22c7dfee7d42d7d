"""The ``malgraf`` command line: thin click commands over library functions."""

from __future__ import annotations

import functools
import json
import math
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rdflib import Dataset

from malgraf import __version__
from malgraf.errors import LoadWarning, LookupFailedError, MalgrafError
from malgraf.i18n import VIA_LABELS, method_label
from malgraf.i18n import label as i18n_label
from malgraf.output import FORMATS, render_rows
from malgraf.query import SCHEME_NAMES, Row, goal_label, insats_label
from malgraf.sparql import DEFAULT_LIMIT as DEFAULT_SPARQL_LIMIT
from malgraf.sparql import DEFAULT_TIMEOUT as DEFAULT_SPARQL_TIMEOUT
from malgraf.sparql import MAX_TIMEOUT as MAX_SPARQL_TIMEOUT

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn a ``MalgrafError`` into ``Error: …`` on stderr with the error's exit code.

    A ``LoadWarning`` is shown as ``Warning: …`` on stderr, each time it is raised.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", LoadWarning)
                shown = warnings.showwarning

                def show(message: Warning | str, category: type[Warning], *rest: Any, **named: Any) -> None:
                    if issubclass(category, LoadWarning):
                        click.echo(f"Warning: {message}", err=True)
                    else:
                        shown(message, category, *rest, **named)

                warnings.showwarning = show
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
    "--out", type=click.Path(path_type=Path), default=None,
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
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--year", type=int, default=2023, show_default=True, help="Year the reports cover.")
@click.option(
    "--out", type=click.Path(path_type=Path), default=None,
    help="Directory for the CSV files (default: data/<year> of the checkout).",
)
@reports_errors
def import_appendix(path: Path | None, year: int, out: Path | None) -> None:
    """Import Tillväxtverket's table appendix of the regions' reports (PATH; default: the shipped 2023 text)."""
    from malgraf.importers.appendix import import_appendix as run_import
    from malgraf.resources import APPENDIX_2023, DATA_DIRECTORY

    path = path or APPENDIX_2023
    directory = out or DATA_DIRECTORY / str(year)
    appendix = run_import(path, directory, year)
    for warning in appendix.warnings:
        click.echo(f"Warning: {warning}", err=True)
    links = sum(len(r.goals) for r in appendix.insatser)
    click.echo(f"Read {len(appendix.insatser)} insatser, {links} goal links, "
               f"{len(appendix.allocations)} allocation amounts and {len(appendix.answers)} answers "
               f"from {path}")
    click.echo(f"Wrote insatser.csv, goal_links.csv, allocation.csv, answers.csv, source.csv to {directory}")


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


def open_graph(graph_path: Path | None) -> Dataset:
    """The built graph; the default one is built first if it is missing or older than its inputs."""
    from malgraf.build import ensure_built
    from malgraf.graph import open_dataset

    if graph_path is None:
        path, built = ensure_built()
        if built:
            click.echo(f"Built the graph first: {path}", err=True)
        return open_dataset(path)
    return open_dataset(graph_path)


def _lines(row: Row) -> str:
    first, last = row.get("firstLine"), row.get("lastLine")
    if first is None:
        return ""
    return str(first) if last in (None, first) else f"{first}–{last}"


@main.command()
@click.argument("goal")
@click.option("--direct", is_flag=True, help="Only insatser that name GOAL itself, not goals under or beyond it.")
@click.option("--region", help="Only insatser of this region (länskod, name or IRI).")
@click.option("--year", type=int, help="Only insatser of this year.")
@click.option("--section", type=click.IntRange(1, 7), help="Only insatser reported in this section (1–7).")
@graph_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Output format.")
@reports_errors
def supports(goal: str, direct: bool, region: str | None, year: int | None, section: int | None,
             graph_path: Path | None, lang: str, fmt: str) -> None:
    """Which insatser support GOAL, and how (IRI, CURIE like sdg:3.4, notation like RSO1.3, or words)."""
    from malgraf.lookup import resolve_goal, resolve_region
    from malgraf.query import supports as find_supporters

    dataset = open_graph(graph_path)
    goal_iri = resolve_goal(dataset, goal)
    region_iri = resolve_region(dataset, region) if region else None
    rows = find_supporters(dataset, goal_iri, direct=direct, region=region_iri, year=year, section=section)
    for row in rows:
        row["how"] = i18n_label(VIA_LABELS, str(row["via"]), lang)
        row["lines"] = _lines(row)
        row["methodLabel"] = method_label(row.get("method"), lang)
    if fmt in ("table", "md"):
        insatser = len({row["insats"] for row in rows})
        label = goal_label(dataset, goal_iri, lang)
        heading = (f"{insatser} insatser stödjer {label} <{goal_iri}>" if lang == "sv"
                   else f"{insatser} insatser support {label} <{goal_iri}>")
        click.echo(heading + "\n")
        columns = ["regionName", "name", "year", "section", "how", "pathLabel", "methodLabel", "lines"]
    else:
        columns = ["goal", "insats", "name", "region", "regionName", "year", "section", "direct", "via", "hops",
                   "pathLabel", "path", "statement", "method", "firstLine", "lastLine"]
    click.echo(render_rows(rows, columns, fmt))


@main.command()
@click.argument("insats")
@graph_option
@lang_option
@format_option
@reports_errors
def goals(insats: str, graph_path: Path | None, lang: str, fmt: str) -> None:
    """Every goal INSATS serves, directly and transitively (id, IRI or words of its name)."""
    from malgraf.lookup import resolve_insats
    from malgraf.query import goals_of, unresolved_links

    dataset = open_graph(graph_path)
    insats_iri = resolve_insats(dataset, insats)
    rows = goals_of(dataset, insats_iri)
    for row in rows:
        row["how"] = i18n_label(VIA_LABELS, str(row["via"]), lang)
        row["lines"] = _lines(row)
        row["methodLabel"] = method_label(row.get("method"), lang)
    unresolved = unresolved_links(dataset, insats_iri)
    if fmt in ("table", "md"):
        click.echo(f"{insats_label(dataset, insats_iri)} <{insats_iri}>\n")
        click.echo(render_rows(rows, ["goalLabel", "how", "pathLabel", "methodLabel", "lines"], fmt))
        if unresolved:
            title = "Målformuleringar utan känt mål" if lang == "sv" else "Goal statements naming no known goal"
            click.echo(f"\n{title}:\n")
            for row in unresolved:
                row["lines"] = _lines(row)
            click.echo(render_rows(unresolved, ["kind", "statement", "lines"], fmt))
        return
    columns = ["insats", "goal", "goalLabel", "scheme", "direct", "via", "hops", "pathLabel", "statement",
               "method", "firstLine", "lastLine"]
    click.echo(render_rows(rows, columns, fmt))


@main.command()
@click.option("--scheme", "schemes", multiple=True, type=click.Choice(sorted(SCHEME_NAMES)),
              help="Goal system to check (repeatable; default: sdg, national, eruf).")
@click.option("--region", help="Count only this region's insatser (länskod, name or IRI).")
@click.option("--year", type=int, help="Count only insatser of this year.")
@graph_option
@format_option
@reports_errors
def gaps(schemes: tuple[str, ...], region: str | None, year: int | None, graph_path: Path | None,
         fmt: str) -> None:
    """Goals that no insats supports, directly or through the hierarchy and crosswalk."""
    from malgraf.lookup import resolve_region
    from malgraf.query import SCHEMES
    from malgraf.query import gaps as find_gaps

    dataset = open_graph(graph_path)
    region_iri = resolve_region(dataset, region) if region else None
    rows = []
    for name in schemes or ("sdg", "national", "eruf"):
        for row in find_gaps(dataset, SCHEMES[name], region=region_iri, year=year):
            row["schemeName"] = name
            rows.append(row)
    if fmt in ("table", "md"):
        click.echo(f"{len(rows)} mål utan stödjande insats\n")
        click.echo(render_rows(rows, ["schemeName", "notation", "label", "goal"], fmt))
        return
    click.echo(render_rows(rows, ["schemeName", "scheme", "goal", "notation", "label", "class"], fmt))


def _a_number(context: click.Context, parameter: click.Parameter, value: float) -> float:
    if math.isnan(value):
        raise click.BadParameter("not a number", context, parameter)
    return value


@main.command()
@click.argument("query_file", metavar="QUERY-FILE|-")
@graph_option
@click.option("--format", "fmt", type=click.Choice([*FORMATS, "turtle", "ntriples"]), default=None,
              help="Output format (default: table for SELECT, turtle for CONSTRUCT/DESCRIBE; json of triples "
                   "is JSON-LD, a table of triples lists subject, predicate, object).")
@click.option("--timeout", type=click.FloatRange(min=0, max=MAX_SPARQL_TIMEOUT), default=DEFAULT_SPARQL_TIMEOUT,
              show_default=True, callback=_a_number,
              help="Stop the query after this many seconds (0: no limit).")
@click.option("--limit", type=click.IntRange(min=0, max=1_000_000_000), default=DEFAULT_SPARQL_LIMIT,
              show_default=True,
              help="Print at most this many rows or triples, and say so on stderr when there are more (0: no limit).")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE clauses query other SPARQL endpoints (refused by default).")
@reports_errors
def sparql(query_file: str, graph_path: Path | None, fmt: str | None, timeout: float, limit: int,
           allow_service: bool) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) from QUERY-FILE, or - for stdin.

    Updates are refused; so is SERVICE unless --allow-service is given. Ctrl-C stops the query.
    """
    from malgraf.sparql import Limits, check_format, query_form, read_query, render_result, run_query

    source = "<stdin>" if query_file == "-" else query_file
    try:
        text = read_query(query_file, sys.stdin.buffer)
        check_format(source, query_form(text), fmt)
        limits = Limits(timeout=timeout or None, limit=limit or None, allow_service=allow_service)
        result = run_query(open_graph(graph_path), text, source=source, limits=limits)
        check_format(source, result.form, fmt)
        click.echo(render_result(result, fmt))
        if result.truncated:
            what = "rows" if result.form == "SELECT" else "triples"
            click.echo(f"Showing the first {limit} {what}; the query gives more (--limit)", err=True)
    except KeyboardInterrupt:
        click.echo("Interrupted", err=True)
        raise SystemExit(130) from None


@main.command()
@graph_option
@click.option("--goal", help="Show the neighbourhood of this goal (IRI, CURIE such as sdg:8.3, notation or words).")
@click.option("--insats", help="Show the neighbourhood of this insats (IRI, id or words of its name).")
@click.option("--region", help="Show the neighbourhood of this region (länskod, name or IRI).")
@click.option("--depth", type=click.IntRange(0, 6), default=2, show_default=True,
              help="How many links away from the focus to show.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Where to write the page (default: build/view.html).")
@lang_option
@reports_errors
def view(graph_path: Path | None, goal: str | None, insats: str | None, region: str | None, depth: int,
         out: Path | None, lang: str) -> None:
    """Write an interactive HTML view that works offline: a neighbourhood, or an overview of all goals.

    Without --goal, --insats or --region the page shows the goals in use with their insatser folded
    in; double-click a goal to unfold them. Open the page in any browser; it loads nothing.
    """
    from malgraf.files import check_output_path
    from malgraf.graph import open_dataset
    from malgraf.views import DEFAULT_VIEW_PATH, focus_of, view_graph, write_view

    if sum(1 for given in (goal, insats, region) if given) > 1:
        raise click.UsageError("give at most one of --goal, --insats and --region")
    check_output_path(out or DEFAULT_VIEW_PATH)
    dataset = open_dataset(graph_path)
    focus = focus_of(dataset, goal=goal, insats=insats, region=region)
    graph = view_graph(dataset, focus, depth=depth, lang=lang)
    path = write_view(graph, out or DEFAULT_VIEW_PATH)
    click.echo(f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} links to {path}")
    click.echo(path.resolve().as_uri())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@graph_option
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="Report format: text grouped by region and rule, or one finding per JSON object / CSV row.")
@click.option("--engine", type=click.Choice(["sparql", "shacl"]), default="sparql", show_default=True,
              help="sparql: one query per rule on the store (fast); shacl: pySHACL, the reference.")
@click.option("--summary", is_flag=True,
              help="Print only how many insatser per region state no goal, or only goals not resolved.")
@click.option("--warnings/--no-warnings", default=True, show_default=True,
              help="List warnings too, or only violations (warnings are counted either way).")
@click.option("--region", help="Only this region's insatser and RUS goals (länskod, name or IRI).")
@click.option("--year", type=int, help="Only insatser of this year.")
@reports_errors
def validate(paths: tuple[Path, ...], graph_path: Path | None, lang: str, fmt: str, engine: str,
             summary: bool, warnings: bool, region: str | None, year: int | None) -> None:
    """Check insatser against the SHACL shapes (ontology/shapes.ttl) and say what to fix.

    Checks the built graph, or PATH…: Turtle files, and directories of tidy CSV files (a CSV file
    stands for its directory), loaded together with the reference vocabularies. Exit status: 0 when
    the data conforms (warnings allowed); 1 on violations, or when there is no insats to check (in
    the data, or in --region / --year); 2 when data or shapes cannot be loaded, or --region names no region.
    """
    from malgraf.graph import as_dataset
    from malgraf.lookup import resolve_region
    from malgraf.validate import cannot_load, load_inputs, render
    from malgraf.validate import validate as run_validation

    if paths and graph_path:
        raise click.UsageError("give PATH… or --graph, not both")
    with cannot_load():
        dataset = as_dataset(load_inputs(paths)) if paths else open_graph(graph_path)
    region_iri = resolve_region(dataset, region) if region else None
    report = run_validation(dataset, engine, region=region_iri, year=year)
    click.echo(render(report, fmt, lang, summary_only=summary, warnings=warnings))
    click.get_current_context().exit(0 if report.conforms else 1)
