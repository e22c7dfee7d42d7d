"""``malgraf crosswalk suggest`` and ``malgraf crosswalk accept``: the review of the crosswalk."""

from __future__ import annotations

import getpass
from pathlib import Path

import click

from malgraf.cli import main
from malgraf.cli.errors import reports_errors
from malgraf.cli.options import FilePath, lang_option
from malgraf.cli.source import open_graph, read_graph_option
from malgraf.crosswalk.methods import METHOD_NAMES
from malgraf.crosswalk.suggest import SOURCE_KINDS


@main.group(name="crosswalk")
def crosswalk_group() -> None:
    """Link each region's goals to the national strategy, Agenda 2030 and ERUF: suggest, review, accept."""


@crosswalk_group.command(name="suggest")
@click.option("--region", help="Only this region's goals and insatser (länskod, name or IRI).")
@click.option("--year", type=int, help="Only insatser of this year (goals have no year).")
@click.option("--sources", type=click.Choice(SOURCE_KINDS), default="all", show_default=True,
              help="Suggest for regional goals, for insatser that state no goal, or both.")
@click.option("--method", "method_name", type=click.Choice(METHOD_NAMES), default="tfidf", show_default=True,
              help="tfidf (core install) or e5 (pip install 'malgraf[e5]').")
@click.option("--top", type=click.IntRange(1, 20), default=3, show_default=True,
              help="Candidates per source and scheme.")
@click.option("--again", is_flag=True, help="Suggest in a scheme a person has reviewed already (never a pair "
                                            "decided before).")
@click.option("--out", type=FilePath(dir_okay=False, path_type=Path), default=Path("review.xlsx"),
              show_default=True, help="The review sheet: .xlsx (drop-down lists) or .csv.")
@click.option("--record", type=FilePath(dir_okay=False, path_type=Path), default=None,
              help="Also keep the suggestions in this decisions file (e.g. data/crosswalk/suggestions.csv), so that "
                   "the built graph holds them as suggested links, which --with-suggested follows.")
@read_graph_option
@lang_option
@reports_errors
def suggest(region: str | None, year: int | None, sources: str, method_name: str, top: int, again: bool,
            out: Path, record: Path | None, graph_path: Path | None, lang: str) -> None:
    """Write a review sheet: for each source, the best candidates of each scheme with score and why."""
    from malgraf.crosswalk.sheet import write_review_sheet
    from malgraf.crosswalk.suggest import suggest as run_suggest
    from malgraf.errors import NoDataError
    from malgraf.lookup import resolve_region

    store = open_graph(graph_path, lang)
    region_iri = resolve_region(store, region, lang) if region is not None else None
    found = run_suggest(store, region=region_iri, year=year, sources=sources, method_name=method_name, top=top,
                        again=again)
    if not found:
        raise NoDataError("nothing to suggest: every source of the selection is reviewed in every scheme "
                          "(--again suggests more), or the selection has no goals or goalless insatser")
    rows = write_review_sheet(out, found)
    if record is not None:
        from malgraf.crosswalk.review import record_suggestions

        record_suggestions(found, record)
    sources_n = len({s.source.iri for s in found})
    click.echo(f"Wrote {rows} suggestions for {sources_n} sources to {out}; fill in 'decision' (accept/reject), "
               f"then run: malgraf crosswalk accept {out} --by NAME")


@crosswalk_group.command(name="accept")
@click.argument("sheet", type=FilePath(dir_okay=False, exists=True, path_type=Path))
@click.option("--by", "by", default=None, help="Who decided (default: your user name).")
@click.option("--into", type=FilePath(dir_okay=False, path_type=Path), default=None,
              help="The decisions file to record into (default: data/crosswalk/decisions.csv).")
@read_graph_option
@lang_option
@reports_errors
def accept(sheet: Path, by: str | None, into: Path | None, graph_path: Path | None, lang: str) -> None:
    """Record the decisions of a review SHEET: accepted links join the crosswalk, rejected are remembered."""
    from malgraf.crosswalk.review import accept as record
    from malgraf.resources import CROSSWALK_DIRECTORY

    store = open_graph(graph_path, lang)
    result = record(store, sheet, into or CROSSWALK_DIRECTORY / "decisions.csv", by=by or getpass.getuser())
    if result.changed:
        click.echo(f"Recorded {result.accepted} accepted and {result.rejected} rejected, {result.changed} of them "
                   f"new or changed, in {result.path}; run `malgraf build` to use them")
    else:
        click.echo(f"Nothing changed: {result.path} already records these {result.accepted + result.rejected} "
                   "decisions")
