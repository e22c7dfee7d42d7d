"""How long ``malgraf view`` takes to write a page, and how long a page takes to be drawn in Chromium.

1. Generation: the overview of the shipped graph (``data/2023``; the mini fixture if there is none),
   from the open dataset to the written file, best of three; then its drawing, insatser folded.
2. Drawing: overview pages of synthetic data (``benchmarks/synthetic.py``) cut to 500, 2 000 and
   10 000 nodes with every insats unfolded (the worst case: all nodes visible), opened from ``file://``
   in headless Chromium with the network off. "Drawn" is the page's first ``afterDrawing`` event,
   measured from navigation start by the page itself (``performance.now()``); the layout is
   precomputed and physics is off, so the drawing is still from then on (checked: positions do not
   move in the next 500 ms).

    python benchmarks/view.py            # all sizes
    python benchmarks/view.py 500 2000   # some sizes
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

from headless import Browser  # noqa: E402
from malgraf.graph import add_triples, build_store, default_data_directories  # noqa: E402
from malgraf.importers.tables import load_year  # noqa: E402
from malgraf.namespaces import GRAPH  # noqa: E402
from malgraf.resources import GOALS_DIRECTORY  # noqa: E402
from malgraf.store import EmbeddedStore  # noqa: E402
from malgraf.views import read_graph, render_page, select_view, view_graph, write_view  # noqa: E402
from synthetic import generate  # noqa: E402

SIZES = (500, 2000, 10_000)


def generation(out: Path) -> tuple[str, int, float]:
    """Seconds to query, lay out and write the overview of the shipped data (best of three)."""
    shipped = [d for d in default_data_directories() if (d / "insatser.csv").exists()]
    directories = shipped or [ROOT / "tests" / "data" / "mini"]
    dataset = EmbeddedStore(build_store(directories, data_loader=load_year, goals_directory=GOALS_DIRECTORY))
    best = float("inf")
    nodes = 0
    for _ in range(3):
        start = time.perf_counter()
        graph = view_graph(dataset)
        write_view(graph, out)
        best = min(best, time.perf_counter() - start)
        nodes = graph.number_of_nodes()
    return ", ".join(d.name for d in directories), nodes, best


def synthetic_page(size: int, out: Path) -> tuple[float, int]:
    """Write an unfolded overview of exactly ``size`` nodes; return (seconds to render, edges)."""
    insatser = max(size, 200)
    store = build_store()
    add_triples(store, generate(insatser, seed=1), GRAPH["data/synthetic"])
    whole = read_graph(EmbeddedStore(store))
    view = select_view(whole, None)
    extra = sorted((n for n in view if view.nodes[n]["kind"] == "insats"), reverse=True)
    view.remove_nodes_from(extra[: max(0, view.number_of_nodes() - size)])
    if view.number_of_nodes() != size:
        raise SystemExit(f"could not make a view of {size} nodes (got {view.number_of_nodes()})")
    for node in view:
        view.nodes[node].pop("folded", None)
    start = time.perf_counter()
    out.write_text(render_page(view), encoding="utf-8")
    return time.perf_counter() - start, view.number_of_edges()


def draw(browser: Browser, page: Path) -> tuple[float, float, bool]:
    """(ms until drawn, by the page's clock; wall seconds from navigation; still 500 ms later)."""
    start = time.monotonic()
    browser.open(page.as_uri(), timeout=300)
    browser.wait_until("document.body.dataset.drawn === 'true'", timeout=300, interval=0.01)
    wall = time.monotonic() - start
    drawn_ms = float(browser.evaluate("Number(document.body.dataset.drawnMs)"))
    before = browser.evaluate("JSON.stringify(malgrafView.network.getPositions())")
    time.sleep(0.5)
    still = before == browser.evaluate("JSON.stringify(malgrafView.network.getPositions())")
    if browser.log.errors:
        raise SystemExit(f"console errors in {page}: {browser.log.errors}")
    return drawn_ms, wall, still


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="malgraf-view-bench-") as temp:
        folder = Path(temp)
        data, nodes, seconds = generation(folder / "shipped.html")
        size_kb = (folder / "shipped.html").stat().st_size / 1024
        with Browser() as browser:
            drawn_ms, _, _ = draw(browser, folder / "shipped.html")
        print(f"generate overview of shipped data ({data}): {nodes} nodes, {seconds:.2f} s, "
              f"{size_kb:.0f} KiB; drawn in {drawn_ms:.0f} ms (folded)")
        print()
        print("nodes   edges  render s  page KiB  drawn ms (page clock)  wall s  still")
        for size in args.sizes:
            page = folder / f"view-{size}.html"
            render_seconds, edges = synthetic_page(size, page)
            with Browser() as browser:
                drawn_ms, wall, still = draw(browser, page)
            print(f"{size:>5}  {edges:>6}  {render_seconds:>8.2f}  {page.stat().st_size / 1024:>8.0f}  "
                  f"{drawn_ms:>21.0f}  {wall:>6.2f}  {json.dumps(still)}")


if __name__ == "__main__":
    main()
