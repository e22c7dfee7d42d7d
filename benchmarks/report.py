"""How long ``malgraf report`` takes in a new process, on the shipped data and on synthetic insatser.

Each command runs in a fresh process (``python -m malgraf …``, as a user runs it) on a built graph
(its on-disk store, as every command opens it); the figure is the median wall time of ``--repeat``
runs after one warm-up. Beside the report, "the previous way": the hand-written query that gives
only the region × national goal counts (``docs/queries/national-spread.rq`` through ``malgraf
sparql``), timed the same way.

    python benchmarks/report.py                 # shipped data, and 100 000 synthetic insatser
    python benchmarks/report.py --sizes 10000   # other synthetic sizes (0: the shipped data only)
    python benchmarks/report.py --built G.nq    # a synthetic graph built before (100 000 unless --sizes)
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks")]

from synthetic import write_years  # noqa: E402

YEARS = range(2014, 2024)


def seconds(args: list[str], repeat: int) -> float:
    """The median wall time of ``malgraf ARGS`` in a new process (one warm-up run first)."""
    command = [sys.executable, "-m", "malgraf", *args]
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(graph: Path, data: list[Path] | None = None) -> float:
    start = time.perf_counter()
    args = [sys.executable, "-m", "malgraf", "build", "--out", str(graph)]
    for folder in data or []:
        args += ["--data", str(folder)]
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(label: str, graph: Path, out: Path, repeat: int, region: str) -> None:
    g = ["--graph", str(graph)]
    rows = [
        ("report (national, table)", ["report", *g]),
        ("report --by priority", ["report", "--by", "priority", *g]),
        ("report --by sdg", ["report", "--by", "sdg", *g]),
        ("report --by rus (every region)", ["report", "--by", "rus", *g]),
        (f"report --by rus --region {region}", ["report", "--by", "rus", "--region", region, *g]),
        ("report --by region", ["report", "--by", "region", *g]),
        ("report --format xlsx (and PNG charts)", ["report", "--format", "xlsx", "--out", str(out / "r.xlsx"), *g]),
        ("report --format html --no-view", ["report", "--format", "html", "--no-view", "--out", str(out / "r.html"),
                                            *g]),
        ("report --format html (and its graph view)", ["report", "--format", "html", "--out", str(out / "v.html"),
                                                       *g]),
        ("previous way: sparql national-spread.rq", ["sparql", str(ROOT / "docs/queries/national-spread.rq"),
                                                     "--format", "csv", *g]),
    ]
    print(f"\n{label}: median of {repeat} runs in a new process each")
    for name, args in rows:
        print(f"  {name:<46} {seconds(args, repeat):6.2f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--built", type=Path, help="a built synthetic graph of --sizes[0] insatser, not built again")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="malgraf-report-bench-") as temp:
        folder = Path(temp)
        shipped = folder / "shipped.nq"
        print(f"built the shipped graph in {build(shipped):.1f} s")
        measure("shipped data (525 insatser, 2023)", shipped, folder, args.repeat, "Blekinge")
        if args.built:
            measure(f"{args.sizes[0]} synthetic insatser (built before)", args.built, folder, args.repeat, "10")
            return
        for size in [s for s in args.sizes if s]:
            directories = write_years(folder / f"data-{size}", size, YEARS)
            graph = folder / f"synthetic-{size}.nq"
            print(f"\nbuilt {size} synthetic insatser (2014–2023, 21 regions) in {build(graph, directories):.0f} s")
            measure(f"{size} synthetic insatser", graph, folder, args.repeat, "10")


if __name__ == "__main__":
    main()
