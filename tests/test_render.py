"""Interactive HTML views: what a view holds, the page's safety, offline-ness and determinism."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from malgraf.cli import main
from malgraf.closure import materialise_closure
from malgraf.graph import build_store
from malgraf.i18n import METHOD_LABELS, TERM_LABELS, VIA_LABELS, capitalised, label
from malgraf.importers.tables import load_year
from malgraf.namespaces import INSATS, NS, REGION, RUS, SDG
from malgraf.output import visible as output_visible
from malgraf.regions import REGIONS_BY_LANSKOD
from malgraf.store import EmbeddedStore, GraphStore
from malgraf.views import (
    EDGE_STYLES,
    NODE_KINDS,
    SDG_COLOURS,
    focus_of,
    json_for_script,
    lay_out,
    read_graph,
    render_page,
    select_view,
    view_graph,
    visible,
    write_view,
)
from malgraf.views.page import label_box

MINI = Path(__file__).parent / "data" / "mini"
HOSTILE = str(INSATS["2023-3-10-01"])
"""The mini fixture's insats named ``Innovationsstöd <script>alert(1)</script>``."""


@pytest.fixture(scope="module")
def mini() -> Dataset:
    return EmbeddedStore(build_store([MINI], data_loader=load_year, materialise=materialise_closure))



def page_json(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="malgraf-data">(.*?)</script>', page, re.S)
    assert block is not None
    return json.loads(block.group(1))


# --- what a view holds ------------------------------------------------------------------------


def test_goal_neighbourhood_at_depth_1(mini: Dataset) -> None:
    graph = view_graph(mini, SDG["8.3"], depth=1)
    assert set(graph) == {str(SDG["8.3"]), str(SDG["8"]), str(INSATS["2023-3-09-01"])}
    assert graph.has_edge(str(INSATS["2023-3-09-01"]), str(SDG["8.3"]), key="stated")
    assert graph.has_edge(str(SDG["8.3"]), str(SDG["8"]), key="broader")


def test_goal_without_links_shows_its_narrower_goals_but_not_their_unused_siblings(mini: Dataset) -> None:
    whole = view_graph(mini, SDG["3"], depth=1)
    assert {n for n in whole if n.startswith(str(SDG["3."]))} and len(whole) == 14  # SDG 3 and 13 targets
    siblings = view_graph(mini, SDG["8.3"], depth=2)
    assert str(SDG["8.1"]) not in siblings  # unused target of SDG 8


def test_region_neighbourhood_does_not_spill_through_areas(mini: Dataset) -> None:
    graph = view_graph(mini, REGION["10"], depth=2)
    kinds = {n: graph.nodes[n]["kind"] for n in graph}
    assert {n for n, k in kinds.items() if k == "insats"} == {str(INSATS["2023-1-10-01"]), HOSTILE}
    assert str(NS["area-3"]) in graph and str(INSATS["2023-3-09-01"]) not in graph
    nearest = view_graph(mini, REGION["10"], depth=1)  # the region's own RUS goals, not another region's
    assert (str(RUS["10-attraktivitet"]), str(REGION["10"]), "region") in nearest.edges(keys=True)
    assert str(RUS["09-tillvaxtregion"]) not in nearest


def test_overview_has_goals_with_counts_and_folded_insatser(mini: Dataset) -> None:
    graph = view_graph(mini)
    insatser = [n for n in graph if graph.nodes[n]["kind"] == "insats"]
    assert len(insatser) == 4 and all(graph.nodes[n]["folded"] for n in insatser)
    regions = sorted(n for n in graph if graph.nodes[n]["kind"] == "region")
    assert regions == [str(REGION["09"]), str(REGION["10"])]  # the regions of its RUS goals, which gather round them
    assert (str(RUS["10-attraktivitet"]), str(REGION["10"]), "region") in graph.edges(keys=True)
    attraktivitet = graph.nodes[str(RUS["10-attraktivitet"])]
    assert (attraktivitet["count"], attraktivitet["total"]) == (2, 2)
    assert graph.nodes[str(SDG["8"])]["count"] == 0 and graph.nodes[str(SDG["8"])]["total"] == 1
    assert str(SDG["1"]) not in graph  # goals nobody links to stay out of the overview


def test_edge_style_says_how_a_link_was_found(mini: Dataset) -> None:
    graph = view_graph(mini)
    keys = {(u, v): k for u, v, k in graph.edges(keys=True)}
    assert keys[(str(INSATS["2023-3-09-01"]), str(RUS["09-tillvaxtregion"]))] == "inferred"
    assert keys[(str(INSATS["2023-3-09-01"]), str(SDG["8.3"]))] == "stated"
    assert keys[(str(RUS["10-attraktivitet"]), str(NS["priority-1.3"]))] == "crosswalk"
    assert (str(RUS["09-tillvaxtregion"]), str(SDG["9.2"])) not in keys  # a suggestion: only when asked
    suggested = {(u, v): k for u, v, k in view_graph(mini, with_suggested=True).edges(keys=True)}
    assert suggested[(str(RUS["09-tillvaxtregion"]), str(SDG["9.2"]))] == "crosswalk-suggested"
    assert {pair: key for pair, key in suggested.items() if pair in keys} == keys
    link = graph.edges[str(INSATS["2023-3-09-01"]), str(SDG["8.3"]), "stated"]
    assert link["lines"] == "10200–10201" and link["statement"] == "Delmål 8.3"


def test_insats_node_has_what_the_tooltip_shows(mini: Dataset) -> None:
    node = view_graph(mini, INSATS["2023-1-10-01"], depth=1).nodes[str(INSATS["2023-1-10-01"])]
    assert node["name"] == "Regionalt serviceprogram"
    assert (node["regionName"], node["year"], node["lines"]) == ("Blekinge", "2023", "22–130")
    assert node["description"] == "Stöd till servicegivare på landsbygden."


# --- layout -----------------------------------------------------------------------------------


def test_layout_is_deterministic_and_spreads_nodes(mini: Dataset) -> None:
    graph = view_graph(mini)
    first, second = lay_out(graph), lay_out(view_graph(mini))
    assert first == second
    assert len(set(first.values())) == len(first)


def test_large_components_are_laid_out_without_scipy() -> None:
    graph = nx.MultiDiGraph()
    for goal in range(30):
        graph.add_node(f"g{goal:02}", kind="sdg-target", name=f"goal {goal}")
    for index in range(1500):
        graph.add_node(f"i{index:04}", kind="insats", name=f"insats {index}")
        for goal in {index % 30, (index * 7) % 30}:
            graph.add_edge(f"i{index:04}", f"g{goal:02}", key="stated")
    positions = lay_out(graph)
    assert len(positions) == 1530 and positions == lay_out(graph)
    assert len(set(positions.values())) == 1530


def overlapping(positions: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float, float]]) -> int:
    """How many pairs of nodes' boxes (node and label) overlap at ``positions``."""
    nodes = sorted(positions)
    found = 0
    for index, first in enumerate(nodes):
        (x1, y1), (w1, h1, o1) = positions[first], boxes[first]
        for second in nodes[index + 1:]:
            (x2, y2), (w2, h2, o2) = positions[second], boxes[second]
            found += abs(x1 - x2) < (w1 + w2) / 2 and abs(y1 + o1 - y2 - o2) < (h1 + h2) / 2
    return found


@pytest.mark.parametrize(("option", "text"), [("region", "Kalmar"), ("region", "Blekinge"),
                                            ("insats", "Kraftkommission Blekinge")])
def test_labels_of_a_neighbourhood_do_not_overlap(shipped: Dataset, option: str, text: str) -> None:
    graph = view_graph(shipped, focus_of(shipped, **{option: text}))
    assert graph.number_of_nodes() > 30
    boxes = {n: (len(a["name"][:38]) * 4.0 + 20, 30.0, 10.0) for n, a in graph.nodes(data=True)}
    assert overlapping(lay_out(graph), boxes) > 0  # a spring layout alone does not keep labels apart
    spread = lay_out(graph, boxes=boxes)
    assert overlapping(spread, boxes) == 0 and spread == lay_out(graph, boxes=boxes)


def test_the_page_lays_out_nodes_with_their_labels(shipped: Dataset) -> None:
    graph = view_graph(shipped, REGION["08"])
    nodes = page_json(render_page(graph))["nodes"]
    boxes = {n["id"]: label_box(n["label"], n["kind"], n["size"], n["id"] == str(REGION["08"])) for n in nodes}
    assert overlapping({n["id"]: (n["x"], n["y"]) for n in nodes}, boxes) == 0
    assert boxes[str(REGION["08"])][0] == pytest.approx(len("Kalmar") * 7.6 * 17 / 14)  # the focus has a larger font


# --- the page ---------------------------------------------------------------------------------


def test_same_view_gives_the_same_page_byte_for_byte(mini: Dataset) -> None:
    assert render_page(view_graph(mini)) == render_page(view_graph(mini))
    focused = view_graph(mini, SDG["8.3"])
    assert render_page(focused) == render_page(view_graph(mini, SDG["8.3"]))


def test_markup_in_a_name_stays_text(mini: Dataset) -> None:
    page = render_page(view_graph(mini, URIRef(HOSTILE), depth=1))
    assert "alert(1)" in page and "<script>alert" not in page
    assert len(re.findall(r"^<script", page, re.M)) == 3  # the data block, vis-network, the page's script
    assert "Innovationsstöd \\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    names = {n["id"]: n["name"] for n in page_json(page)["nodes"]}
    assert names[HOSTILE] == "Innovationsstöd <script>alert(1)</script>"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title, escaped by Jinja


def test_json_for_script_cannot_end_the_block() -> None:
    text = str(json_for_script({"a": "</script><!-- & \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_page_loads_nothing_from_the_network(mini: Dataset) -> None:
    page = render_page(view_graph(mini))
    html_outside_data = re.sub(r'<script type="application/json".*?</script>', "", page, flags=re.S)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html_outside_data, re.I)
    assert not re.search(r"""url\(\s*["']?(?:https?:)?//|@import""", html_outside_data, re.I)
    assert "<link" not in html_outside_data and "<script src" not in html_outside_data
    assert re.search(r"default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+';", html.unescape(page))


def test_page_data_counts_equal_the_graph(mini: Dataset) -> None:
    graph = view_graph(mini)
    page = render_page(graph)
    data = page_json(page)
    assert len(data["nodes"]) == graph.number_of_nodes() == 18
    assert len(data["edges"]) == graph.number_of_edges()
    assert f'data-node-count="{graph.number_of_nodes()}"' in page
    assert f"18 noder · {graph.number_of_edges()} länkar · 4 insatser ihopfällda" in page
    assert view_graph(mini, with_suggested=True).number_of_nodes() == 20  # sdg:9.2 and sdg:9, suggested
    assert [r["name"] for r in data["regions"]] == ["Gotland", "Blekinge"]


def test_colours_shapes_and_legend(mini: Dataset) -> None:
    graph = view_graph(mini)
    page = render_page(graph)
    data = page_json(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[str(SDG["8.3"])]["sdg"] == 8 and nodes[str(SDG["11"])]["sdg"] == 11
    assert data["sdgColours"] == list(SDG_COLOURS) and len(SDG_COLOURS) == 17
    assert data["kinds"]["eruf"]["shape"] == NODE_KINDS["eruf"].shape
    legend = page[page.index('class="legend"'):]
    for kind in ("insats", "region", "rus", "national", "theme", "eruf", "sdg-goal", "sdg-target"):
        assert f'data-kind="{kind}"' in legend
    assert 'data-kind="other"' not in legend  # only kinds the view has
    for number in (8, 11):
        assert f'data-sdg="{number}" style="background: {SDG_COLOURS[number - 1]}"' in legend
    suggested = render_page(view_graph(mini, with_suggested=True))
    suggested_legend = suggested[suggested.index('class="legend"'):]
    assert f'data-sdg="9" style="background: {SDG_COLOURS[8]}"' in suggested_legend
    assert 'data-style="crosswalk-suggested"' in suggested_legend and 'data-style="crosswalk-suggested"' not in legend
    for style in ("stated", "inferred", "crosswalk", "broader", "reported"):
        assert f'data-style="{style}"' in legend and EDGE_STYLES[style].label("sv") in legend


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_legend_names_methods_and_terms_in_the_words_of_i18n(mini: Dataset, lang: str) -> None:
    data = page_json(render_page(view_graph(mini, lang=lang)))
    styles = {key: style["label"] for key, style in data["edgeStyles"].items()}
    for style, method in (("stated", "Stated"), ("inferred", "Inferred"), ("accepted", "Accepted"),
                          ("suggested", "Suggested"), ("crosswalk-suggested", "Suggested")):
        assert label(METHOD_LABELS, method, lang).casefold() in styles[style].casefold(), style
    assert styles["reported"] == capitalised(label(TERM_LABELS, "mg:reportedUnder", lang))
    kinds = {key: kind["label"] for key, kind in data["kinds"].items()}
    for kind, term in (("insats", "mg:Insats"), ("rus", "mg:RusGoal"), ("sdg-target", "sdgo:Target")):
        assert kinds[kind] == capitalised(label(TERM_LABELS, term, lang))
    assert data["text"]["direct"] == label(VIA_LABELS, "direct", lang)
    assert data["text"]["year"] == capitalised(label(TERM_LABELS, "mg:year", lang))


def test_english_page(mini: Dataset) -> None:
    page = render_page(view_graph(mini, lang="en"))
    assert '<html lang="en">' in page and "Overview: goals and interventions" in page


def test_write_view_replaces_the_file_atomically(mini: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "out" / "view.html"
    write_view(view_graph(mini), path)
    write_view(view_graph(mini, SDG["8.3"]), path)
    assert [p.name for p in path.parent.iterdir()] == ["view.html"]
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_select_view_of_an_iri_outside_the_graph(mini: Dataset) -> None:
    graph = select_view(read_graph(mini), "https://example.org/elsewhere", depth=2)
    assert list(graph) == ["https://example.org/elsewhere"]
    assert "<!DOCTYPE html>" in render_page(graph)


# --- hostile text -----------------------------------------------------------------------------

HOSTILE_TEXTS = {
    "closing script": "</script><script>alert(1)</script>",
    "img onerror": "<img src=x onerror=alert(1)>",
    "double quote": '" onmouseover="alert(1)" x="',
    "single quote": "' onfocus='alert(1)' x='",
    "comment": "<!-- <script> -->",
    "entities": "&lt;b&gt; &amp; &#60;",
    "template": "{{ 7*7 }} {% raw %} ${alert(1)} ]]>",
    "escape": "\x1b[31mröd\x1b[0m text",
    "bidi override": "Insats \u202egnirts\u202c och \u2067isolat\u2069",
    "nul": "före\x00efter",
    "c1 control": "före\x85\x9befter",
    "line separators": "rad\u2028ett\u2029två",
}
"""Names and statements a report could hold that must reach the page as text and nothing else."""

HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters that must not stand raw in a page's HTML or data block (the page shows U+FFFD or escapes them)."""


class Structure(HTMLParser):
    """The elements and attribute names of a page outside its script and style blocks, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.text: dict[str, str] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(name for name, _ in attrs)))
        self._open.append(tag)
        if tag == "div" and dict(attrs).get("id") == "network":
            self.text["aria-label"] = dict(attrs)["aria-label"] or ""

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] in ("title", "h1"):
            self.text[self._open[-1]] = self.text.get(self._open[-1], "") + data


def structure(page: str) -> Structure:
    parser = Structure()
    parser.feed(page)
    return parser


def with_text(whole: nx.MultiDiGraph, text: str) -> nx.MultiDiGraph:
    """The view of the hostile insats with ``text`` as its name, description and every statement."""
    view = select_view(whole.copy(), HOSTILE, depth=1)
    view.nodes[HOSTILE].update(name=text, description=text, outputs=text)
    for _, _, attributes in view.out_edges(HOSTILE, data=True):
        attributes["statement"] = text
    return view


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_text_reaches_the_page_as_text_only(mini: Dataset, text: str) -> None:
    whole = read_graph(mini)
    page = render_page(with_text(whole, text))
    benign = structure(render_page(with_text(whole, "Ett vanligt namn")))
    found = structure(page)
    assert found.tags == benign.tags  # no element or attribute more or less
    shown = visible(text)
    assert found.text["h1"] == found.text["aria-label"] == f"Grannskapet kring {shown}"
    assert found.text["title"] == f"Grannskapet kring {shown} – malgraf"
    data = page_json(page)
    node = next(n for n in data["nodes"] if n["id"] == HOSTILE)
    assert node["name"] == node["description"] == node["outputs"] == shown
    assert node["label"] == shown if len(shown) <= 38 else node["label"].startswith(shown[:30])
    statements = {e["statement"] for e in data["edges"] if e["from"] == HOSTILE and "statement" in e}
    assert statements == {shown}
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, re.S)
    assert len(scripts) == 3 and len(re.findall(r"^<script", page, re.M)) == 3
    data_block, html_only = scripts[0], re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    assert not HIDDEN.search(data_block) and not HIDDEN.search(html_only)
    assert not re.search(r"[<>&]", data_block)


def test_visible_marks_what_it_replaced() -> None:
    assert visible("a\x00b\x1bc\u202ed\u2066e\x9bf\tg\nh") == "a␀b␛c\\u202ed\\u2066e\\u009bf\tg\nh"
    assert visible("a\x1bb") == output_visible("a\x1bb")  # one convention for pages and terminals
    assert visible("rad\u2028två\u2029tre") == "rad\ntvå\ntre"
    assert visible("Hälsa och välbefinnande – 3.4") == "Hälsa och välbefinnande – 3.4"


def test_hostile_text_from_the_csv_files_survives_the_import_and_is_escaped(tmp_path: Path) -> None:
    text = "".join(HOSTILE_TEXTS.values()).replace("\x00", "")  # a NUL in CSV is refused (tests/test_tables.py)
    copy = tmp_path / "hostile"
    shutil.copytree(MINI, copy)
    for name, column, key in (("insatser.csv", "name", "id"), ("insatser.csv", "description", "id"),
                              ("goal_links.csv", "statement", "insats_id")):
        with (copy / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            if row[key] == "2023-3-10-01":
                row[column] = text
        with (copy / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    graph = view_graph(EmbeddedStore(build_store([copy], data_loader=load_year)), URIRef(HOSTILE), depth=1)
    assert graph.nodes[HOSTILE]["name"] == graph.nodes[HOSTILE]["description"] == text  # the data keeps it all
    page = render_page(graph)
    node = next(n for n in page_json(page)["nodes"] if n["id"] == HOSTILE)
    assert node["name"] == visible(text) and "␛" in node["name"]
    assert {e["statement"] for e in page_json(page)["edges"] if e["from"] == HOSTILE and "statement" in e} \
        == {visible(text)}
    html_only = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    assert not HIDDEN.search(html_only) and "<img" not in html_only and len(re.findall(r"^<script", page, re.M)) == 3


# --- the command ------------------------------------------------------------------------------


def test_cli_view_writes_the_page(mini_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "goal.html"
    result = CliRunner().invoke(main, ["view", "--graph", str(mini_path), "--goal", "sdg:8.3",
                                       "--depth", "1", "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [f"Wrote 3 nodes and 2 links to {out}", out.resolve().as_uri()]
    assert "8.3 Promote development-oriented" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("option", "text"), [("--region", "Blekinge"), ("--insats", "2023-1-10-01")])
def test_cli_view_of_a_region_or_insats(
    mini_path: Path, tmp_path: Path, option: str, text: str
) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["view", "--graph", str(mini_path), option, text,
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_cli_unknown_goal_gets_candidates_and_exit_2(mini_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(main, ["view", "--graph", str(mini_path),
                                       "--goal", "Hälsa och välbefinande", "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert f"Hälsa och välbefinnande  <{SDG['3']}>" in result.output
    assert not out.exists()


def test_cli_view_takes_one_focus(mini_path: Path) -> None:
    result = CliRunner().invoke(main, ["view", "--graph", str(mini_path),
                                       "--goal", "sdg:8", "--region", "10"])
    assert result.exit_code == 2
    assert "at most one of --goal, --insats and --region" in result.output


def test_cli_view_without_a_built_graph(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["view", "--graph", str(tmp_path / "missing.nq")])
    assert result.exit_code == 1 and "run `malgraf build` first" in result.output


def test_view_of_the_shipped_graph(shipped: Dataset, tmp_path: Path) -> None:
    graph = view_graph(shipped)
    assert graph.number_of_nodes() > 100
    page = write_view(graph, tmp_path / "all.html").read_text(encoding="utf-8")
    assert len(page_json(page)["nodes"]) == graph.number_of_nodes()


REGIONAL_COUNTS = """
PREFIX mg: <https://w3id.org/malgraf/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?region ?goal (COUNT(DISTINCT ?direct) AS ?count) (COUNT(DISTINCT ?insats) AS ?total) WHERE {
  ?insats a mg:Insats ; mg:region ?region ; mg:contributesTo|mg:reportedUnder ?linked .
  ?linked skos:broader* ?goal .
  OPTIONAL { ?direct a mg:Insats ; mg:region ?region ; mg:contributesTo|mg:reportedUnder ?goal }
}
GROUP BY ?region ?goal
"""
"""Per goal, the insatser of ``?region`` linked to it (count) and to it or a goal under it (total)."""


@pytest.mark.parametrize(("region", "kinds"), [("08", {"national", "eruf", "rus"}),
                                               ("10", {"national", "sdg-goal", "rus"})])
def test_a_regional_view_counts_the_regions_insatser(shipped: GraphStore, shipped_rdflib: Dataset, region: str,
                                                    kinds: set[str]) -> None:
    whole = read_graph(shipped)
    graph = select_view(whole, str(REGION[region]))
    expected = {str(row["goal"]): (int(row["count"]), int(row["total"]))
                for row in shipped_rdflib.query(REGIONAL_COUNTS, initBindings={"region": REGION[region]})}
    shown = {n: (a["count"], a["total"]) for n, a in graph.nodes(data=True) if "total" in a}
    assert kinds <= {graph.nodes[n]["kind"] for n in shown}
    assert shown == {n: expected[n] for n in graph if n in expected}
    national = select_view(whole, None)  # the regional view left the whole graph's counts alone
    assert shown[str(NS["area-1"])][1] < national.nodes[str(NS["area-1"])]["total"] == 81
    page = render_page(graph)
    data = page_json(page)
    area = next(n for n in data["nodes"] if n["id"] == str(NS["area-1"]))
    assert area["label"].endswith(f"({shown[str(NS['area-1'])][1]})")
    name = REGIONS_BY_LANSKOD[region].short_name
    assert data["countRegion"] == name and f"insatser räknade i {name}</p>" in page
    assert page_json(render_page(national))["countRegion"] is None
