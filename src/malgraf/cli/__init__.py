"""The ``malgraf`` command line: thin click commands over library functions."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import click

from malgraf import __version__
from malgraf.cli.errors import MalgrafGroup, reports_errors
from malgraf.cli.options import FilePath, format_option, lang_option, with_suggested_option
from malgraf.cli.source import open_graph, read_graph_option
from malgraf.i18n import message
from malgraf.output import FORMATS, Answer, render_answer, render_rows
from malgraf.query import GOAL_SCHEMES, SCHEME_NAMES
from malgraf.sparql import DEFAULT_LIMIT as DEFAULT_SPARQL_LIMIT
from malgraf.sparql import DEFAULT_TIMEOUT as DEFAULT_SPARQL_TIMEOUT
from malgraf.sparql import MAX_TIMEOUT as MAX_SPARQL_TIMEOUT


def print_answer(answer: Answer, fmt: str) -> None:
    """Print an answer: the data on standard output, a note for a program on standard error."""
    out, err = render_answer(answer, fmt)
    click.echo(out)
    if err:
        click.echo(err, err=True)


@click.group(cls=MalgrafGroup)
@click.version_option(__version__, prog_name="malgraf")
def main() -> None:
    """malgraf: a knowledge graph of goals and results for Swedish regional development."""


@main.command()
@click.option(
    "--out", type=FilePath(path_type=Path), default=None,
    help="Where to write the built graph (N-Quads; default: $MALGRAF_GRAPH or build/malgraf.nq).",
)
@click.option(
    "--data", "data_directories", multiple=True,
    type=FilePath(file_okay=False, exists=True, path_type=Path),
    help="A data directory of tidy CSV files (default: every shipped year under data/).",
)
@click.option(
    "--turtle", "extra_turtle", multiple=True,
    type=FilePath(dir_okay=False, exists=True, path_type=Path),
    help="Extra Turtle files to load, each into a named graph of its own.",
)
@lang_option
@reports_errors
def build(out: Path | None, data_directories: tuple[Path, ...], extra_turtle: tuple[Path, ...], lang: str) -> None:
    """Build the graph from ontology, reference vocabularies and data."""
    from malgraf.build import build as build_graph

    result = build_graph(out, list(data_directories) or None, extra_turtle)
    rows = [{"graph": g, "quads": n} for g, n in result.quads_per_graph.items()]
    click.echo(render_rows(rows, ["graph", "quads"]))
    click.echo(message("build.wrote", lang, n=result.total, path=result.path))


@main.command()
@read_graph_option
@lang_option
@format_option
@click.option("--region", help="Only this region in 'Insatser per region' (länskod, name or IRI).")
@click.option("--year", type=int, help="Only this year in 'Insatser per region'.")
@reports_errors
def info(graph_path: Path | None, lang: str, fmt: str, region: str | None, year: int | None) -> None:
    """Counts per class, per concept scheme, insatser per region and each region's own goals."""
    from malgraf.answers import info_answer
    from malgraf.lookup import resolve_region

    store = open_graph(graph_path, lang)
    region_iri = resolve_region(store, region, lang) if region is not None else None
    print_answer(info_answer(store, lang, region=region_iri, year=year), fmt)


@main.command()
@click.argument("goal")
@click.option("--direct", is_flag=True, help="Only insatser that name GOAL itself, not goals under or beyond it.")
@click.option("--scheme", type=click.Choice(GOAL_SCHEMES),
              help="Look GOAL up among the goals of this scheme only (sdg, national, eruf, programmes, rus).")
@click.option("--region", help="Only insatser of this region (länskod, name or IRI); GOAL is looked up among "
                               "this region's own goals and the shared ones.")
@click.option("--year", type=int, help="Only insatser of this year.")
@click.option("--section", type=click.IntRange(1, 7), help="Only insatser reported in this section (1–7).")
@with_suggested_option
@read_graph_option
@lang_option
@format_option
@reports_errors
def supports(goal: str, direct: bool, scheme: str | None, region: str | None, year: int | None,
             section: int | None, with_suggested: bool, graph_path: Path | None, lang: str, fmt: str) -> None:
    """Which insatser support GOAL, and how (IRI, CURIE like sdg:3.4, notation like RSO1.3, or words)."""
    from malgraf.answers import supports_answer
    from malgraf.lookup import resolve_goal, resolve_region

    store = open_graph(graph_path, lang)
    region_iri = resolve_region(store, region, lang) if region is not None else None
    goal_iri = resolve_goal(store, goal, scheme=scheme, region=region_iri, lang=lang)
    answer = supports_answer(store, goal_iri, direct=direct, region=region_iri, year=year, section=section,
                             lang=lang, with_suggested=with_suggested)
    print_answer(answer, fmt)


@main.command()
@click.argument("insats")
@with_suggested_option
@read_graph_option
@lang_option
@format_option
@reports_errors
def goals(insats: str, with_suggested: bool, graph_path: Path | None, lang: str, fmt: str) -> None:
    """Every goal INSATS serves, directly and transitively (id, IRI or words of its name)."""
    from malgraf.answers import goals_answer
    from malgraf.lookup import resolve_insats

    store = open_graph(graph_path, lang)
    print_answer(goals_answer(store, resolve_insats(store, insats, lang), lang, with_suggested=with_suggested), fmt)


@main.command()
@click.option("--scheme", "schemes", multiple=True, type=click.Choice(sorted(SCHEME_NAMES)),
              help="Goal system to check (repeatable; default: sdg, national, eruf, and with --region its own "
                   "goals, rus).")
@click.option("--region", help="Count only this region's insatser (länskod, name or IRI).")
@click.option("--year", type=int, help="Count only insatser of this year.")
@with_suggested_option
@read_graph_option
@lang_option
@format_option
@reports_errors
def gaps(schemes: tuple[str, ...], region: str | None, year: int | None, with_suggested: bool,
         graph_path: Path | None, lang: str, fmt: str) -> None:
    """Goals that no insats supports, directly or through the hierarchy and crosswalk."""
    from malgraf.answers import gaps_answer
    from malgraf.lookup import resolve_region

    store = open_graph(graph_path, lang)
    region_iri = resolve_region(store, region, lang) if region is not None else None
    print_answer(gaps_answer(store, schemes, region=region_iri, year=year, lang=lang,
                             with_suggested=with_suggested), fmt)


def _a_number(context: click.Context, parameter: click.Parameter, value: float) -> float:
    if math.isnan(value):
        raise click.BadParameter("not a number", context, parameter)
    return value


@main.command()
@click.argument("query_file", metavar="QUERY-FILE|-", type=FilePath(allow_dash=True))
@read_graph_option
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
@lang_option
@reports_errors
def sparql(query_file: str, graph_path: Path | None, fmt: str | None, timeout: float, limit: int,
           allow_service: bool, lang: str) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) from QUERY-FILE, or - for stdin.

    Updates are refused; so is SERVICE unless --allow-service is given. Ctrl-C stops the query.
    """
    from malgraf.sparql import Limits, check_format, query_form, read_query, render_result, run_query

    source = "<stdin>" if query_file == "-" else query_file
    try:
        text = read_query(query_file, sys.stdin.buffer)
        check_format(source, query_form(text), fmt)
        limits = Limits(timeout=timeout or None, limit=limit or None, allow_service=allow_service)
        result = run_query(open_graph(graph_path, lang), text, source=source, limits=limits)
        check_format(source, result.form, fmt)
        click.echo(render_result(result, fmt))
        what = "rows" if result.form == "SELECT" else "triples"
        if result.truncated:
            click.echo(message(f"sparql.truncated.{what}", lang, limit=limit), err=True)
        elif result.form != "ASK" and not (result.rows if result.form == "SELECT" else result.graph):
            click.echo(message(f"sparql.empty.{what}", lang), err=True)
    except KeyboardInterrupt:
        click.echo("Interrupted", err=True)
        raise SystemExit(130) from None


@main.command()
@read_graph_option
@click.option("--goal", help="Show the neighbourhood of this goal (IRI, CURIE such as sdg:8.3, notation or words).")
@click.option("--insats", help="Show the neighbourhood of this insats (IRI, id or words of its name).")
@click.option("--region", help="Show the neighbourhood of this region (länskod, name or IRI).")
@click.option("--depth", type=click.IntRange(0, 6), default=2, show_default=True,
              help="How many links away from the focus to show.")
@click.option("--out", type=FilePath(path_type=Path), default=None,
              help="Where to write the page (default: build/view.html).")
@with_suggested_option
@lang_option
@reports_errors
def view(graph_path: Path | None, goal: str | None, insats: str | None, region: str | None, depth: int,
         out: Path | None, with_suggested: bool, lang: str) -> None:
    """Write an interactive HTML view that works offline: a neighbourhood, or an overview of all goals.

    Without --goal, --insats or --region the page shows the goals in use with their insatser folded
    in; double-click a goal to unfold them. Open the page in any browser; it loads nothing.
    """
    from malgraf.files import check_output_path
    from malgraf.views import DEFAULT_VIEW_PATH, focus_of, view_graph, write_view

    if sum(1 for given in (goal, insats, region) if given is not None) > 1:
        raise click.UsageError("give at most one of --goal, --insats and --region")
    check_output_path(out or DEFAULT_VIEW_PATH)
    store = open_graph(graph_path, lang)
    focus = focus_of(store, goal=goal, insats=insats, region=region, lang=lang)
    graph = view_graph(store, focus, depth=depth, lang=lang, with_suggested=with_suggested)
    path = write_view(graph, out or DEFAULT_VIEW_PATH)
    click.echo(message("view.wrote", lang, nodes=graph.number_of_nodes(), links=graph.number_of_edges(), path=path))
    click.echo(path.resolve().as_uri())


@main.command()
@click.argument("paths", nargs=-1, type=FilePath(path_type=Path))
@read_graph_option
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
    from malgraf.lookup import resolve_region
    from malgraf.store import EmbeddedStore
    from malgraf.validate import cannot_load, load_inputs, render
    from malgraf.validate import validate as run_validation

    if paths and graph_path:
        raise click.UsageError("give PATH… or --graph, not both")
    with cannot_load():
        store = EmbeddedStore(load_inputs(paths)) if paths else open_graph(graph_path, lang)
    region_iri = resolve_region(store, region, lang) if region is not None else None
    report = run_validation(store, engine, region=region_iri, year=year, lang=lang)
    click.echo(render(report, fmt, lang, summary_only=summary, warnings=warnings))
    click.get_current_context().exit(0 if report.conforms else 1)


from malgraf.cli import crosswalk as crosswalk  # noqa: E402  (registers crosswalk on main)
from malgraf.cli import report as report  # noqa: E402  (registers report on main)
from malgraf.cli import transfer as transfer  # noqa: E402  (registers import and push on main)
