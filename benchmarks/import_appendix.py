"""Time of reading the 2023 appendix with each region's goal vocabulary and without it.

Without the vocabularies (``goals_directory=None``) each distinct goal sentence becomes a goal, as
before ``data/goals/`` existed; with them every regional statement is resolved to a reviewed goal.
Both are timed the same way: ``parse_appendix`` in this process, after one warm-up run.

Run: ``python benchmarks/import_appendix.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from malgraf.importers.appendix import parse_appendix
from malgraf.resources import APPENDIX_2023, GOALS_DIRECTORY


def timed(goals: Path | None, runs: int) -> tuple[float, int, int]:
    """Median seconds, goal links and distinct regional goals of ``runs`` reads."""
    parse_appendix(APPENDIX_2023, goals_directory=goals)
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        appendix = parse_appendix(APPENDIX_2023, goals_directory=goals)
        seconds.append(time.perf_counter() - start)
    links = sum(len(record.goals) for record in appendix.insatser)
    regional = {g.goal for record in appendix.insatser for g in record.goals
                if g.kind in ("rus", "other") and g.goal}
    return statistics.median(seconds), links, len(regional)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    without, links_without, goals_without = timed(None, runs)
    with_, links_with, goals_with = timed(GOALS_DIRECTORY, runs)
    print(f"parse_appendix, median of {runs}:")
    print(f"  one goal per sentence (no vocabulary): {without:.2f} s, {links_without} links, "
          f"{goals_without} regional goal nodes")
    print(f"  reviewed vocabularies (data/goals):    {with_:.2f} s, {links_with} links, "
          f"{goals_with} regional goals linked ({with_ / without:.2f}× the time)")


if __name__ == "__main__":
    main()
