"""What sharing the built graph safely costs, and whether readers of a stale graph survive its rebuild.

``open``: a cold ``malgraf info`` (a new process each run) on the shipped graph, opened the current
way (N-Quads' first line → versioned store, shared flock, stamp of every store file, quad count)
and the old way (one stamp of the N-Quads' size and time, then the store at ``<graph>.oxigraph/``).
Both sides run the same process, ``malgraf info``; only ``open_built`` differs. Runs alternate
old, new, old, new …; the figures are medians.

``readers``: N ``malgraf supports sdg:7`` processes started at once on a stale default graph
($MALGRAF_GRAPH, its time set to 1970 so every input is newer), for several rounds; prints how
many failed and how many different outputs they printed. ``--source DIR`` runs another checkout's
``src`` (e.g. an older commit, from ``git worktree add``) to compare.

Run: ``python benchmarks/store.py open [RUNS]`` and ``python benchmarks/store.py readers [--source DIR]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import malgraf

SOURCE = Path(malgraf.__file__).resolve().parents[1]

OLD_WAY = """
import sys
from pathlib import Path
import pyoxigraph as ox
from malgraf import graph
from malgraf.cli import main

def open_the_old_way(path):
    index = path.with_name(path.name + ".oxigraph")
    stamp, status = index / "built-from", path.stat()
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == f"{status.st_size} {status.st_mtime_ns}":
        return ox.Store.read_only(str(index / "store"))
    raise SystemExit("the old-way store is not current")

graph.open_built = open_the_old_way
main(sys.argv[1:])
"""


def environment(source: Path, **variables: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(source), **variables}


def old_layout(graph: Path, directory: Path) -> Path:
    """The same graph laid out as before versioned stores: no first line, ``<graph>.oxigraph/built-from``."""
    import pyoxigraph as ox

    old = directory / "old.nq"
    old.write_bytes(graph.read_bytes().split(b"\n", 1)[1])
    index = old.with_name(old.name + ".oxigraph")
    index.mkdir()
    disk = ox.Store(str(index / "store"))
    disk.bulk_load(path=str(old), format=ox.RdfFormat.N_QUADS)
    disk.flush()
    del disk
    status = old.stat()
    (index / "built-from").write_text(f"{status.st_size} {status.st_mtime_ns}", encoding="utf-8")
    return old


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system) and the output of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, done.stdout


def bench_open(runs: int) -> None:
    from malgraf.build import build

    with tempfile.TemporaryDirectory() as temp:
        graph = Path(temp) / "malgraf.nq"
        build(graph)
        old = old_layout(graph, Path(temp))
        env = environment(SOURCE)
        new_command = [sys.executable, "-m", "malgraf", "info", "--graph", str(graph)]
        old_command = [sys.executable, "-c", OLD_WAY, "info", "--graph", str(old)]
        assert timed(new_command, env)[2] == timed(old_command, env)[2], "the two ways print different counts"
        old_runs, new_runs = [], []
        for _ in range(runs):
            old_runs.append(timed(old_command, env)[:2])
            new_runs.append(timed(new_command, env)[:2])
    print(f"cold `malgraf info`, shipped graph, {runs} runs each, medians:   wall ms   CPU ms")
    for label, times in (("old way (stamp of the N-Quads, one store)", old_runs),
                         ("new way (first line, flock, file stamps, count)", new_runs)):
        print(f"  {label:<48} {statistics.median(t[0] for t in times) * 1000:7.1f}  "
              f"{statistics.median(t[1] for t in times) * 1000:7.1f}")
    wall_ratio = statistics.median(n[0] / o[0] for n, o in zip(new_runs, old_runs, strict=True))
    cpu_ratio = statistics.median(n[1] / o[1] for n, o in zip(new_runs, old_runs, strict=True))
    print(f"  new / old, pair by pair                          {wall_ratio:7.3f}  {cpu_ratio:7.3f}")


def bench_readers(source: Path, readers: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as temp:
        graph = Path(temp) / "build" / "malgraf.nq"
        env = environment(source, MALGRAF_GRAPH=str(graph))
        subprocess.run([sys.executable, "-m", "malgraf", "build"], env=env, capture_output=True, check=True)
        command = [sys.executable, "-m", "malgraf", "supports", "sdg:7", "--format", "csv", "--lang", "en"]
        print(f"{readers} readers at once of a stale default graph, {rounds} rounds, code from {source}:")
        for number in range(1, rounds + 1):
            os.utime(graph, ns=(0, 0))
            started = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                       for _ in range(readers)]
            results = [(process.wait(), process.communicate()) for process in started]
            failed = sum(1 for code, _ in results if code != 0)
            outputs = len({out for code, (out, _) in results if code == 0})
            rebuilt = sum(1 for _, (_, err) in results if b"Built the graph first" in err)
            print(f"  round {number}: {failed} of {readers} failed; {outputs} distinct output(s); "
                  f"{rebuilt} rebuilt the graph")
        shutil.rmtree(graph.parent, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    opening = commands.add_parser("open")
    opening.add_argument("runs", type=int, nargs="?", default=21)
    reading = commands.add_parser("readers")
    reading.add_argument("--source", type=Path, default=SOURCE, help="the src folder of the malgraf to run")
    reading.add_argument("-n", "--readers", type=int, default=20)
    reading.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    if arguments.command == "open":
        bench_open(arguments.runs)
    else:
        bench_readers(arguments.source.resolve(), arguments.readers, arguments.rounds)


if __name__ == "__main__":
    main()
