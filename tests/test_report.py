"""``malgraf report``: counts by hand on the mini fixture, every table reconciled against direct SPARQL
counts on the shipped graph, the formats (text, CSV, XLSX, HTML) and their safety, and bad selections."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import deque
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from malgraf.cli import main
from malgraf.graph import open_graph_store
from malgraf.namespaces import NS, REGION
from malgraf.report import BY
from malgraf.report.charts import figure_of, svg
from malgraf.report.reports import Report, make_report
from malgraf.report.table import Column, ReportTable
from malgraf.store import EmbeddedStore

SDG = "http://metadata.un.org/sdg/"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def mini(mini_path: Path) -> EmbeddedStore:
    return open_graph_store(mini_path)


def table(report: Report, key: str) -> ReportTable:
    return next(t for t in report.tables if t.key == key)


def by_goal(found: ReportTable, column: str) -> dict[str, int]:
    return {record["goal"]: record[column] for record in found.records()}  # type: ignore[misc]


# --- counted by hand on tests/data/mini --------------------------------------------------------------

def test_national_counts_of_the_mini_fixture_are_those_counted_by_hand(mini: EmbeddedStore) -> None:
    # 2023-1-10-01 is reported under §1 (area 1) and names rus:10-attraktivitet, which the crosswalk
    # (accepted, no role: not a main link) links to priority 1.3; 2023-3-10-01 (§3) names it too.
    report = make_report(mini, "national")
    goals = table(report, "national_goals")
    rolled, direct, main = by_goal(goals, "rolled_up"), by_goal(goals, "direct"), by_goal(goals, "main_only")
    assert rolled[str(NS["priority-1.3"])] == 2 and direct[str(NS["priority-1.3"])] == 0
    assert main[str(NS["priority-1.3"])] == 0
    assert (rolled[str(NS["area-1"])], direct[str(NS["area-1"])], main[str(NS["area-1"])]) == (2, 1, 1)
    assert (rolled[str(NS["area-3"])], direct[str(NS["area-3"])]) == (2, 2)
    assert rolled[str(NS["area-2"])] == 0
    coverage = table(report, "coverage").records()[0]
    assert (coverage["insatser"], coverage["with_goal"], coverage["without_goal"]) == (4, 3, 1)  # §7 is a theme


def test_a_region_area_matrix_counts_each_insats_once_and_its_rows_add_up(mini: EmbeddedStore) -> None:
    report = make_report(mini, "national")
    rows = {record["regionName"]: record for record in table(report, "region_area").records()}
    assert (rows["Blekinge"]["insatser"], rows["Blekinge"]["1"], rows["Blekinge"]["3"]) == (2, 2, 1)
    assert (rows["Gotland"]["insatser"], rows["Gotland"]["3"], rows["Gotland"]["none"]) == (2, 1, 1)
    main = {record["regionName"]: record for record in table(report, "region_area_main").records()}
    assert main["Blekinge"]["1"] == 1  # only through the section: the crosswalk link is no main link
    everyone = next(record for record in table(report, "region_area").records() if record["region"] is None)
    assert everyone["insatser"] == 4 and everyone["any"] + everyone["none"] == 4
    shares = {record["regionName"]: record for record in table(report, "region_area_share").records()}
    assert shares["Blekinge"]["1"] == 1.0 and shares["Gotland"]["3"] == 0.5


def test_sdg_counts_roll_targets_up_to_goals_and_suggestions_count_only_when_asked(mini: EmbeddedStore) -> None:
    goals = table(make_report(mini, "sdg"), "sdg_goals")
    assert by_goal(goals, "rolled_up")[SDG + "8"] == 1 and by_goal(goals, "direct")[SDG + "8"] == 0
    assert by_goal(goals, "rolled_up")[SDG + "9"] == 0
    suggested = make_report(mini, "sdg", with_suggested=True)
    assert by_goal(table(suggested, "sdg_goals"), "rolled_up")[SDG + "9"] == 1  # rus:09 → sdg:9.2, suggested
    assert "föreslagna" in suggested.scope and table(suggested, "sdg_goals").notes


def test_a_regions_report_lists_its_goals_gaps_and_insatser(mini: EmbeddedStore) -> None:
    report = make_report(mini, "rus", region=REGION["10"])
    goals = {record["goal"]: record for record in table(report, "rus_goals").records()}
    assert all(record["regionName"] == "Blekinge" for record in goals.values())
    attraktivitet = goals["https://w3id.org/malgraf/id/rus/10-attraktivitet"]  # declared by the fixture's links
    assert (attraktivitet["direct"], attraktivitet["rolled_up"]) == (2, 2)
    assert sum(record["rolled_up"] for record in goals.values()) == 2
    national_gaps = {record["notation"] for record in table(report, "gaps_national").records()}
    assert "1.3" not in national_gaps and "2.1" in national_gaps
    names = [record["name"] for record in table(report, "insatser").records()]
    assert len(names) == 2 and "Innovationsstöd <script>alert(1)</script>" in names


def test_sections_count_every_insats_under_its_section(mini: EmbeddedStore) -> None:
    rows = {record["regionName"]: record for record in table(make_report(mini, "section"), "sections").records()}
    assert (rows["Gotland"]["3"], rows["Gotland"]["7"], rows["Gotland"]["insatser"]) == (1, 1, 2)


def test_an_empty_selection_is_an_error_not_an_empty_report(mini_path: Path) -> None:
    for args in (["--year", "1999"], ["--region", "Dalarna"], ["--region", "Blekinge", "--year", "2021"]):
        result = run("report", "--graph", str(mini_path), *args)
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: ") and "Inga insatser" in result.output and "Traceback" not in \
            result.output


def test_an_unknown_table_or_one_csv_file_for_many_tables_is_a_usage_error(mini_path: Path, tmp_path: Path) -> None:
    result = run("report", "--graph", str(mini_path), "--table", "nosuch")
    assert result.exit_code == 2 and "coverage" in result.output and "region_area" in result.output
    result = run("report", "--graph", str(mini_path), "--format", "csv", "--out", str(tmp_path / "one.csv"))
    assert result.exit_code == 2 and "--table" in result.output and not (tmp_path / "one.csv").exists()


# --- reconciled against direct SPARQL counts on the shipped graph --------------------------------------

DIRECT = """PREFIX mg: <https://w3id.org/malgraf/ontology#>
SELECT ?goal ?region (COUNT(DISTINCT ?insats) AS ?n) WHERE {
  ?insats a mg:Insats ; mg:region ?region .
  { ?insats mg:goalLink/mg:goal ?goal } UNION { ?insats mg:reportedUnder ?goal }
} GROUP BY ?goal ?region"""
ROLLED_UP = """PREFIX mg: <https://w3id.org/malgraf/ontology#>
SELECT ?goal ?region (COUNT(DISTINCT ?insats) AS ?n) WHERE {
  ?insats a mg:Insats ; mg:region ?region .
  { ?insats mg:goalLink/mg:goal ?named } UNION { ?insats mg:reportedUnder ?named }
  ?named mg:reaches ?goal .
} GROUP BY ?goal ?region"""
"""Independent of the report: SPARQL over the closure ``build`` materialised (``mg:reaches``)."""


@pytest.fixture(scope="module")
def sparql_counts(shipped: EmbeddedStore) -> dict[str, dict[tuple[str, str], int]]:
    counts: dict[str, dict[tuple[str, str], int]] = {}
    for name, query in (("direct", DIRECT), ("rolled_up", ROLLED_UP)):
        counts[name] = {(str(row["goal"]), str(row["region"])): int(row["n"])  # type: ignore[call-overload]
                        for row in shipped.select_values(query)}
    return counts


def _total(counts: dict[tuple[str, str], int], goal: str, region: str | None = None) -> int:
    return sum(n for (g, r), n in counts.items() if g == goal and region in (None, r))


@pytest.mark.parametrize("by", ["national", "priority", "sdg", "eruf"])
def test_every_per_goal_count_equals_a_direct_sparql_count(shipped: EmbeddedStore, sparql_counts: dict,
                                                           by: str) -> None:
    report = make_report(shipped, by)
    checked = 0
    for found in report.tables:
        if "rolled_up" not in {c.name for c in found.columns}:
            continue
        for record in found.records():
            goal = str(record["goal"])
            assert record["rolled_up"] == _total(sparql_counts["rolled_up"], goal), (found.key, goal)
            assert record["direct"] == _total(sparql_counts["direct"], goal), (found.key, goal)
            regions = {r for (g, r), n in sparql_counts["rolled_up"].items() if g == goal and n}
            assert record["regions"] == len(regions)
            checked += 1
    assert checked >= 15


@pytest.mark.parametrize(("by", "key"), [("national", "region_area"), ("priority", "region_priority")])
def test_every_region_matrix_cell_equals_a_direct_sparql_count(shipped: EmbeddedStore, sparql_counts: dict,
                                                               by: str, key: str) -> None:
    report = make_report(shipped, by)
    matrix = table(report, key)
    goals = {c.name: c for c in matrix.columns if c.kind == "count" and c.name not in ("insatser", "any", "none")}
    notation = {str(row["notation"]): str(row["goal"]) for row in shipped.select_values(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?goal ?notation WHERE { "
        "?goal skos:inScheme <https://w3id.org/malgraf/id/ns/strategy> ; skos:notation ?notation }")}
    per_region = {str(row["region"]): int(row["n"]) for row in shipped.select_values(  # type: ignore[call-overload]
        "PREFIX mg: <https://w3id.org/malgraf/ontology#> SELECT ?region (COUNT(?i) AS ?n) WHERE "
        "{ ?i a mg:Insats ; mg:region ?region } GROUP BY ?region")}
    for record in matrix.records():
        region = record["region"]
        expected = sum(per_region.values()) if region is None else per_region[str(region)]
        assert record["insatser"] == expected and record["any"] + record["none"] == expected
        for name in goals:
            want = _total(sparql_counts["rolled_up"], notation[name], None if region is None else str(region))
            assert record[name] == want, (key, record["regionName"], name)


def _main_reach(shipped: EmbeddedStore) -> dict[str, set[str]]:
    """Each goal → the goals it reaches over skos:broader and main crosswalk links, walked here by hand."""
    edges: dict[str, set[str]] = {}
    for row in shipped.select_values("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                                     "SELECT ?a ?b WHERE { ?a skos:broader ?b }"):
        edges.setdefault(str(row["a"]), set()).add(str(row["b"]))
    for row in shipped.select_values("PREFIX mg: <https://w3id.org/malgraf/ontology#> SELECT ?a ?b WHERE "
                                     "{ ?a mg:goalLink ?l . ?l mg:goal ?b ; mg:linkRole mg:MainLink }"):
        edges.setdefault(str(row["a"]), set()).add(str(row["b"]))
    reach: dict[str, set[str]] = {}
    for start in edges:
        seen, queue = {start}, deque([start])
        while queue:
            for step in edges.get(queue.popleft(), ()):
                if step not in seen:
                    seen.add(step)
                    queue.append(step)
        reach[start] = seen
    return reach


def test_main_link_counts_equal_a_walk_over_main_links_only(shipped: EmbeddedStore) -> None:
    reach = _main_reach(shipped)
    named: dict[str, set[str]] = {}
    for row in shipped.select_values(DIRECT.replace("(COUNT(DISTINCT ?insats) AS ?n)", "?insats").replace(
            "} GROUP BY ?goal ?region", "}")):
        named.setdefault(str(row["insats"]), set()).add(str(row["goal"]))
    report = make_report(shipped, "priority")
    for record in table(report, "priorities").records():
        goal = str(record["goal"])
        want = sum(1 for goals in named.values() if any(goal in reach.get(g, {g}) for g in goals))
        assert record["main_only"] == want, record["notation"]
    assert any(record["main_only"] < record["rolled_up"] for record in table(report, "priorities").records())


def test_totals_equal_the_insatser_of_the_selection(shipped: EmbeddedStore) -> None:
    blekinge = make_report(shipped, "region", region=REGION["10"])
    assert blekinge.insatser == 25
    for by in BY:
        report = make_report(shipped, by)
        assert report.insatser == 525
        for found in report.tables:
            if found.key == "coverage":
                assert all(r["with_goal"] + r["without_goal"] == 525 for r in found.records())
            if found.key in ("regions", "sections"):
                assert sum(r["insatser"] for r in found.records() if r["region"] is not None) == 525


def test_the_shipped_crosswalk_answers_smart_specialisation_as_the_readme_does(shipped: EmbeddedStore) -> None:
    goals = table(make_report(shipped, "priority"), "priorities")
    assert by_goal(goals, "rolled_up")[str(NS["priority-3.4"])] == len(
        {row["insats"] for row in shipped.select_values(
            "PREFIX mg: <https://w3id.org/malgraf/ontology#> SELECT DISTINCT ?insats WHERE { ?insats a mg:Insats . "
            "{ ?insats mg:goalLink/mg:goal ?g } UNION { ?insats mg:reportedUnder ?g } "
            "?g mg:reaches <https://w3id.org/malgraf/id/ns/priority-3.4> }")})


# --- the §8 money beside the counts ---------------------------------------------------------------------

def test_the_regions_table_shows_the_grant_with_its_kind_and_no_amount_as_no_amount(shipped: EmbeddedStore) -> None:
    rows = {r["regionName"]: r for r in table(make_report(shipped, "region"), "regions").records()}
    assert (rows["Blekinge"]["totalt"], rows["Blekinge"]["totalt measure"]) == (41_000_000, "ram")
    assert (rows["Blekinge"]["projektmedel"], rows["Blekinge"]["projektmedel measure"]) == (29_700_000, "planerat")
    assert rows["Dalarna"]["totalt"] is None and rows["Dalarna"]["note"] == "inget belopp"
    assert rows["Västmanland"]["totalt"] == 43_800_000 and rows["Västmanland"]["totalt measure"] == "beviljat"
    amounts = table(make_report(shipped, "region"), "allocation").records()
    assert any(r["regionName"] == "Kalmar" and r["item"] == "inget belopp" and r["amount"] is None for r in amounts)


# --- formats ----------------------------------------------------------------------------------------------

def test_the_text_report_names_every_table_with_its_key(mini_path: Path) -> None:
    result = run("report", "--graph", str(mini_path), "--by", "priority")
    assert result.exit_code == 0, result.output
    for key in ("coverage", "priorities", "region_priority", "region_priority_main_share"):
        assert f"[{key}]" in result.output
    english = run("report", "--graph", str(mini_path), "--lang", "en")
    assert "Insatser per area and priority of the national strategy" in english.output


def test_json_and_csv_carry_the_data_columns_with_numbers_as_numbers(mini_path: Path, tmp_path: Path) -> None:
    data = json.loads(run("report", "--graph", str(mini_path), "--format", "json").output)
    rows = data["tables"]["national_goals"]["rows"]
    assert all(isinstance(r["rolled_up"], int) for r in rows) and rows[0]["goal"].startswith("https://")
    result = run("report", "--graph", str(mini_path), "--by", "sdg", "--format", "csv", "--out", str(tmp_path / "s"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "coverage.csv", "sdg_goals.csv", "sdg_goals.png", "sdg_targets.csv"]
    with (tmp_path / "s" / "sdg_targets.csv").open(encoding="utf-8") as handle:
        targets = list(csv.DictReader(handle))
    assert len(targets) == 169 and {t["rolled_up"] for t in targets} <= {"0", "1", "2"}
    assert (tmp_path / "s" / "sdg_goals.png").read_bytes().startswith(b"\x89PNG")


def test_a_csv_cell_that_a_spreadsheet_would_run_is_defused() -> None:
    from malgraf.report.text import csv_text

    hostile = ReportTable("t", "t", "t", __import__("pandas").DataFrame([{"name": "=HYPERLINK(\"x\")", "n": 3}]),
                          [Column("name", "name"), Column("n", "n", "count")])
    assert list(csv.reader(io.StringIO(csv_text(hostile))))[1] == ["'=HYPERLINK(\"x\")", "3"]


def test_the_workbook_has_an_about_sheet_and_one_frozen_filtered_sheet_per_table(mini_path: Path,
                                                                                 tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    result = run("report", "--graph", str(mini_path), "--by", "rus", "--region", "10", "--format", "xlsx",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    about = book["om"]
    assert book.sheetnames[0] == "om"
    listed = {row[0].value for row in about.iter_rows(min_row=6) if row[0].value}
    assert listed == set(book.sheetnames[1:]) and "rus_goals" in listed and "insatser" in listed
    for name in book.sheetnames[1:]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    goals = book["rus_goals"]
    headings = [cell.value for cell in goals[1]]
    counts = [row[headings.index("direkt")].value for row in goals.iter_rows(min_row=2)]
    assert counts and all(isinstance(value, int) for value in counts)
    insatser = book["insatser"]
    names = [row[[c.value for c in insatser[1]].index("insatser")].value for row in insatser.iter_rows(min_row=2)]
    assert "Innovationsstöd <script>alert(1)</script>" in names
    assert (tmp_path / "r-rus_goals.png").exists()


def test_the_html_page_is_self_contained_escaped_and_links_names_to_the_graph_view(mini_path: Path,
                                                                                  tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = run("report", "--graph", str(mini_path), "--by", "rus", "--region", "Blekinge", "--format", "html",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<svg" in page and "default-src 'none'" in page
    assert 'href="r-graf.html#https%3A%2F%2Fw3id.org%2Fmalgraf%2Fid%2Finsats%2F2023-3-10-01"' in page
    view = (tmp_path / "r-graf.html").read_text(encoding="utf-8")
    assert "https://w3id.org/malgraf/id/insats/2023-3-10-01" in view and "selectFromHash" in view
    plain = run("report", "--graph", str(mini_path), "--format", "html", "--no-view", "--out", str(tmp_path / "p.html"))
    assert plain.exit_code == 0 and not (tmp_path / "p-graf.html").exists()
    assert "-graf.html" not in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_a_chart_draws_data_text_as_text_not_as_markup_or_math() -> None:
    import pandas as pd

    frame = pd.DataFrame([{"goal": "g", "notation": "1", "label": "Kostar $5$ & <b>mer</b>", "direct": 1,
                           "rolled_up": 2, "regions": 1}])
    chart = ReportTable("t", "Titel <i>", "räknar", frame,
                        [Column("goal", "goal", "iri"), Column("notation", "nr"), Column("label", "mål"),
                         Column("direct", "direkt", "count"), Column("rolled_up", "totalt", "count"),
                         Column("regions", "regioner", "count")], chart="priority")
    figure = figure_of(chart)
    assert figure is not None
    drawn = svg(figure)
    assert "Kostar $5$ &amp; &lt;b&gt;mer&lt;/b&gt;" in drawn and "<b>" not in drawn and "<i>" not in drawn
    assert svg(figure_of(chart)) == drawn  # the same data, the same SVG (no date, fixed ids)


def test_sdg_bars_take_each_goals_colour(shipped: EmbeddedStore) -> None:
    from malgraf.resources import sdg_colours

    figure = figure_of(table(make_report(shipped, "sdg"), "sdg_goals"))
    assert figure is not None
    bars = figure.axes[0].patches
    assert len(bars) == 17
    from matplotlib.colors import to_hex

    assert [to_hex(bar.get_facecolor()) for bar in bars] == list(sdg_colours())


def test_every_report_of_the_shipped_data_renders_in_every_format(shipped_graph_path: Path, tmp_path: Path) -> None:
    for by in BY:
        for fmt in ("table", "md", "json"):
            result = run("report", "--graph", str(shipped_graph_path), "--by", by, "--format", fmt)
            assert result.exit_code == 0, (by, fmt, result.output)
        result = run("report", "--graph", str(shipped_graph_path), "--by", by, "--format", "html", "--no-view",
                     "--out", str(tmp_path / f"{by}.html"))
        assert result.exit_code == 0, (by, result.output)


def test_goal_labels_come_in_the_language_asked(shipped: EmbeddedStore) -> None:
    def label(lang: str) -> object:
        found = table(make_report(shipped, "national", lang=lang), "national_goals")
        return next(r["label"] for r in found.records() if r["goal"] == str(NS["priority-3.4"]))

    labels = {str(row["label"]): str(row["lang"]) for row in shipped.select_values(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?label (LANG(?label) AS ?lang) WHERE { "
        "<https://w3id.org/malgraf/id/ns/priority-3.4> skos:prefLabel ?label }")}
    assert labels[str(label("sv"))] == "sv" and labels[str(label("en"))] == "en"


def test_a_gap_table_without_rows_says_every_goal_is_reached(shipped_graph_path: Path) -> None:
    result = run("report", "--graph", str(shipped_graph_path), "--by", "rus", "--region", "Blekinge",
                 "--table", "gaps_rus")
    assert result.exit_code == 0 and "Varje mål i Regionens mål (RUS) nås av någon insats i urvalet." in result.output


ANY_OF = """PREFIX mg: <https://w3id.org/malgraf/ontology#>
SELECT ?region (COUNT(DISTINCT ?insats) AS ?n) WHERE {
  ?insats a mg:Insats ; mg:region ?region .
  { ?insats mg:goalLink/mg:goal ?named } UNION { ?insats mg:reportedUnder ?named }
  ?named mg:reaches ?goal . ?goal a ?class .
} GROUP BY ?region"""
"""How many insatser of each region reach any goal of the bound ?class (one or several), over the links."""


@pytest.mark.parametrize(("by", "key", "classes"), [
    ("national", "region_area", ["NationalArea"]),
    ("priority", "region_priority", ["NationalPriority", "BasicPrecondition"]),
])
def test_any_of_them_equals_a_direct_sparql_count(shipped: EmbeddedStore, by: str, key: str,
                                                  classes: list[str]) -> None:
    from malgraf.namespaces import MG

    found = {str(row["region"]): int(row["n"])  # type: ignore[call-overload]
             for row in shipped.select_values(ANY_OF, [{"class": MG[c]} for c in classes])}
    records = table(make_report(shipped, by), key).records()
    for record in records:
        expected = sum(found.values()) if record["region"] is None else found.get(str(record["region"]), 0)
        assert record["any"] == expected, record["regionName"]


def test_coverage_equals_a_direct_sparql_count(shipped: EmbeddedStore) -> None:
    from rdflib import URIRef

    target = URIRef("http://metadata.un.org/sdg/ontology#Target")
    goal = URIRef("http://metadata.un.org/sdg/ontology#Goal")
    rows = {r["scheme"]: r for r in table(make_report(shipped, "sdg"), "coverage").records()}
    for scheme, classes in (("Agenda 2030, mål", [goal, target]), ("Agenda 2030, delmål", [target])):
        want = sum(int(row["n"]) for row in shipped.select_values(ANY_OF, [{"class": c} for c in classes]))
        assert rows[scheme]["with_goal"] == want
