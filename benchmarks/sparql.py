"""What the limits of `malgraf sparql` cost: the forked worker against running the query in-process.

Two measurements on the shipped data:

- in-process, warm: ``malgraf.sparql.run_query`` (checks, fork, pickled answer, rdflib terms) against
  the old way, ``Dataset.query`` through oxrdflib with the rows turned into rdflib terms, for the
  README's example (3 rows) and for 10 000 rows; median of repeated calls;
- cold CLI: ``malgraf sparql`` on the README's example, this checkout against an earlier revision
  (``--before REV``, default ``65d26bc``, the last one that ran the query in-process; its ``src/`` is
  taken with ``git archive``), run alternately, median wall time of each.

The graph is built by a ``malgraf build`` process, so that this one is as small as a CLI's.

Run: ``python benchmarks/sparql.py [--before REV] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from malgraf.graph import open_graph_store
from malgraf.sparql import Limits, run_query

ROOT = Path(__file__).resolve().parent.parent
README_QUERY = """SELECT ?region (COUNT(*) AS ?n) WHERE { ?a a mg:Allocation ; mg:region/mg:shortName ?region }
        GROUP BY ?region ORDER BY DESC(?n) LIMIT 3"""
MANY_ROWS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10000"


def cpu_seconds() -> float:
    """User and system CPU time of this process and of its reaped children (and theirs)."""
    mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


def median_ms(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (this process and its children) of ``call``, in ms."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((cpu_seconds() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def in_process(graph: Path) -> None:
    dataset = open_graph_store(graph)
    for label, query, repeat in (("README example (3 rows)", README_QUERY, 51), ("10 000 rows", MANY_ROWS, 11)):
        def old(text: str = query) -> object:
            result = dataset.query(text)
            return [{str(v): row.get(v) for v in result.vars or []} for row in result.bindings]

        def new(text: str = query) -> object:
            return run_query(dataset, text, limits=Limits(limit=None)).rows

        assert len(old()) == len(new())  # type: ignore[arg-type]
        (before, before_cpu), (after, after_cpu) = median_ms(old, repeat), median_ms(new, repeat)
        print(f"in-process, {label:<24} Dataset.query {before:6.1f} ms (CPU {before_cpu:6.1f})   "
              f"run_query {after:6.1f} ms (CPU {after_cpu:6.1f})   wall +{after - before:5.1f} ms, "
              f"{after / before:4.2f}×")


def earlier_source(revision: str, into: Path) -> Path | None:
    """``src/`` of ``revision`` of this repository, unpacked under ``into``; None without git."""
    archive = into / "before.tar"
    try:
        subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), revision, "src"],
                       check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"(no cold-CLI comparison: cannot take {revision} from git: {error})")
        return None
    with tarfile.open(archive) as tar:
        tar.extractall(into / "before", filter="data")
    return into / "before" / "src"


def cold_cli(graph: Path, revision: str, runs: int) -> None:
    with tempfile.TemporaryDirectory() as temp:
        query = Path(temp) / "readme.rq"
        query.write_text(README_QUERY, encoding="utf-8")
        before = earlier_source(revision, Path(temp))
        sources = {"this checkout": ROOT / "src", **({revision: before} if before else {})}
        times: dict[str, list[float]] = {name: [] for name in sources}
        cpu: dict[str, list[float]] = {name: [] for name in sources}
        outputs: dict[str, bytes] = {}
        for _ in range(runs):
            for name, source in sources.items():
                environment = {**os.environ, "PYTHONPATH": str(source)}
                start, start_cpu = time.perf_counter(), cpu_seconds()
                done = subprocess.run([sys.executable, "-m", "malgraf", "sparql", str(query), "--graph", str(graph)],
                                      check=True, capture_output=True, env=environment)
                times[name].append(time.perf_counter() - start)
                cpu[name].append(cpu_seconds() - start_cpu)
                outputs[name] = done.stdout
    assert len(set(outputs.values())) == 1, outputs
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    for name, value in medians.items():
        print(f"cold CLI `malgraf sparql` README example, {name:<14} {value:5.0f} ms, CPU {cpu_medians[name]:5.0f} ms "
              f"(medians of {runs})")
    if before:
        now, then = medians["this checkout"], medians[revision]
        now_cpu, then_cpu = cpu_medians["this checkout"], cpu_medians[revision]
        print(f"cold CLI against {revision}: wall {now - then:+.0f} ms ({now / then:.2f}×), "
              f"CPU {now_cpu - then_cpu:+.0f} ms ({now_cpu / then_cpu:.2f}×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--before", default="65d26bc", help="git revision to compare the cold CLI with")
    parser.add_argument("--runs", type=int, default=15, help="cold CLI runs of each side")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        graph = Path(temp) / "malgraf.nq"
        subprocess.run([sys.executable, "-m", "malgraf", "build", "--out", str(graph)], check=True,
                       capture_output=True)
        in_process(graph)
        cold_cli(graph, arguments.before, arguments.runs)


if __name__ == "__main__":
    main()
