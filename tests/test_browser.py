"""Generated pages in headless Chromium with the network cut off: drawn, quiet, complete, inert.

Chromium is required (CI installs Debian's ``chromium``): without it these tests fail, not skip.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from headless import Browser, find_chromium
from malgraf.closure import materialise_closure
from malgraf.graph import build_store
from malgraf.importers.tables import load_year
from malgraf.namespaces import INSATS, NS, REGION, SDG
from malgraf.store import EmbeddedStore
from malgraf.views import view_graph, visible, write_view

MINI = Path(__file__).parent / "data" / "mini"
HOSTILE = str(INSATS["2023-3-10-01"])

CHECK = """JSON.stringify((() => {
  const canvas = document.querySelector("#network canvas");
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted += 1; } }
  return {
    dataNodes: malgrafView.data.nodes.length, dataEdges: malgrafView.data.edges.length,
    networkNodes: malgrafView.nodes.length, bodyCount: Number(document.body.dataset.nodeCount),
    painted: painted, width: canvas.width, height: canvas.height,
    regions: document.querySelectorAll("#region-filter option").length
  };
})())"""


@pytest.fixture(scope="module")
def mini() -> Dataset:
    return EmbeddedStore(build_store([MINI], data_loader=load_year, materialise=materialise_closure))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert find_chromium(), "chromium is not installed: apt-get install chromium (CI does)"
    with Browser() as running:
        yield running


def open_page(browser: Browser, path: Path) -> dict:
    browser.log.console.clear()
    browser.log.requests.clear()
    browser.open(path.resolve().as_uri(), timeout=30)
    browser.wait_until("document.body.dataset.drawn === 'true'", timeout=15)
    result: dict = json.loads(browser.evaluate(CHECK))
    return result


@pytest.mark.parametrize("focus", [None, SDG["8.3"], INSATS["2023-3-10-01"]])
def test_page_draws_offline_without_errors(
    browser: Browser, mini: Dataset, tmp_path: Path, focus: URIRef | None
) -> None:
    graph = view_graph(mini, focus)
    path = write_view(graph, tmp_path / "view.html")
    result = open_page(browser, path)
    assert browser.log.errors == []
    assert [url for url in browser.log.requests if not url.startswith(("file:", "data:"))] == []
    assert result["dataNodes"] == result["networkNodes"] == result["bodyCount"] == graph.number_of_nodes()
    assert result["dataEdges"] == graph.number_of_edges()
    assert result["painted"] > 2000, result  # the canvas holds a drawing, not a blank


def test_hostile_name_is_shown_as_text_and_never_runs(
    browser: Browser, mini: Dataset, tmp_path: Path
) -> None:
    path = write_view(view_graph(mini, INSATS["2023-3-10-01"], depth=1), tmp_path / "hostile.html")
    open_page(browser, path)
    browser.evaluate(f"malgrafView.select({json.dumps(HOSTILE)})")
    heading = browser.evaluate("document.querySelector('#details h2').textContent")
    assert heading == "Innovationsstöd <script>alert(1)</script>"
    assert browser.evaluate("document.querySelectorAll('script').length") == 3
    assert not [e for e in browser._events if e["method"] == "Page.javascriptDialogOpening"]
    assert browser.log.errors == []


def test_search_region_filter_and_unfolding(browser: Browser, mini: Dataset, tmp_path: Path) -> None:
    path = write_view(view_graph(mini), tmp_path / "overview.html")
    result = open_page(browser, path)
    assert result["regions"] == 3  # "all regions", Gotland, Blekinge
    hidden = "malgrafView.nodes.get({filter: n => n.hidden}).length"
    assert browser.evaluate(hidden) == 4  # the four insatser are folded
    browser.evaluate("document.getElementById('toggle-all').click()")
    assert browser.evaluate(hidden) == 0
    browser.evaluate("malgrafView.setRegion('09')")
    shown = browser.evaluate("JSON.stringify(malgrafView.nodes.get({filter: n => !n.hidden}).map(n => n.id))")
    assert str(INSATS["2023-3-09-01"]) in shown and HOSTILE not in shown
    browser.evaluate("const s = document.getElementById('search'); s.value = 'accelerator';"
                     " s.dispatchEvent(new Event('input'))")
    results = browser.evaluate("document.getElementById('search-results').textContent")
    assert "Internationell accelerator" in results
    assert browser.log.errors == []


EVERY_HAZARD = ("</script><img src=x onerror=alert(1)> \" onmouseover=\"alert(2)\" ' <!-- {{ 7*7 }} "
                "\x1b[31m \u202egnirts\u202c \u2067isolat\u2069 före\x00efter \x85 rad\u2028två")


@pytest.mark.parametrize("field", ["name", "statement"])
def test_every_hazard_at_once_is_shown_as_text_and_loads_nothing(
    browser: Browser, mini: Dataset, tmp_path: Path, field: str
) -> None:
    graph = view_graph(mini, INSATS["2023-3-10-01"], depth=1)
    if field == "name":
        graph.nodes[HOSTILE]["name"] = EVERY_HAZARD
    else:
        for _, _, attributes in graph.out_edges(HOSTILE, data=True):
            attributes["statement"] = EVERY_HAZARD
    path = write_view(graph, tmp_path / "hazards.html")
    open_page(browser, path)
    browser.evaluate(f"malgrafView.select({json.dumps(HOSTILE)})")
    shown = visible(EVERY_HAZARD)
    if field == "name":
        assert browser.evaluate("document.querySelector('#details h2').textContent") == shown
        heading = browser.evaluate("document.querySelector('h1').textContent")
        assert heading.startswith(f"Grannskapet kring {shown[:40]}")
        assert browser.evaluate(f"malgrafView.nodes.get({json.dumps(HOSTILE)}).title").startswith(shown)
    else:
        titles = json.loads(browser.evaluate("JSON.stringify(malgrafView.edges.get().map(e => e.title))"))
        assert any(f"Källan skriver: {shown}" in title for title in titles)
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == 3
    assert not [e for e in browser._events if e["method"] == "Page.javascriptDialogOpening"]
    assert [url for url in browser.log.requests if url != path.resolve().as_uri()] == []
    assert browser.log.errors == []


def test_a_regional_view_says_whose_insatser_it_counts(browser: Browser, mini: Dataset, tmp_path: Path) -> None:
    path = write_view(view_graph(mini, REGION["10"]), tmp_path / "blekinge.html")
    open_page(browser, path)
    title = browser.evaluate(f"malgrafView.nodes.get({json.dumps(str(NS['area-3']))}).title")
    assert "1 insatser i Blekinge direkt" in title
    assert "insatser räknade i Blekinge" in browser.evaluate("document.querySelector('.summary').textContent")
    assert browser.log.errors == []


def test_a_link_to_a_node_of_the_view_selects_it_and_a_report_page_draws_offline(
        browser: Browser, mini: Dataset, tmp_path: Path) -> None:
    from urllib.parse import quote

    from malgraf.report.reports import make_report
    from malgraf.report.write import write_report

    page = tmp_path / "r.html"
    assert set(write_report(make_report(mini, "rus", region=REGION["10"]), "html", page, store=mini)) == {
        page, tmp_path / "r-graf.html"}
    browser.log.requests.clear()
    browser.open(page.resolve().as_uri(), timeout=30)
    links = json.loads(browser.evaluate("JSON.stringify([...document.querySelectorAll('a[href*=\"-graf.html#\"]')]"
                                        ".map(a => a.getAttribute('href')))"))
    assert f"r-graf.html#{quote(HOSTILE, safe='')}" in links
    assert browser.evaluate("document.querySelectorAll('svg').length") >= 1
    assert [url for url in browser.log.requests if not url.startswith(("file:", "data:"))] == []
    browser.open((tmp_path / "r-graf.html").resolve().as_uri() + "#" + quote(HOSTILE, safe=""), timeout=30)
    browser.wait_until("document.body.dataset.drawn === 'true'", timeout=15)
    assert browser.evaluate("JSON.stringify(malgrafView.network.getSelectedNodes())") == json.dumps([HOSTILE])
    assert browser.log.errors == []
