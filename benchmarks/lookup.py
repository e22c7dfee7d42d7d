"""Resolving what a user typed to a goal, on the shipped data: an IRI or CURIE vs words.

An IRI or CURIE (``sdg:8``) is looked up by binding it into ``goal_labels.rq`` and
``goal_schemes.rq``: only that goal's labels are read. Before, every goal's labels were read and
indexed first, as words still need (``hållbar energi``); the "whole index" column times that.
Library calls on the built graph's on-disk store, median of 21.

Run: ``python benchmarks/lookup.py`` (builds the shipped graph into a temporary folder).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from malgraf.build import build
from malgraf.graph import open_graph_store
from malgraf.lookup import goal_index, resolve_goal


def median_ms(call: Callable[[], object], runs: int = 21) -> float:
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "malgraf.nq"
        build(path)
        dataset = open_graph_store(path)
        print(f"{'text':<32} {'resolve_goal':>12} {'whole index first':>18}")
        for text in ("sdg:8", "http://metadata.un.org/sdg/3.4", "hållbar energi"):
            ms = median_ms(lambda text=text: resolve_goal(dataset, text))
            whole = median_ms(lambda text=text: resolve_goal(dataset, text, goal_index(dataset)))
            print(f"{text:<32} {ms:>9.1f} ms {whole:>15.1f} ms  ({whole / ms:.1f}×)")


if __name__ == "__main__":
    main()
