"""Synthetic data shaped like the 2023 table appendix, for benchmarks of queries, views and validation.

The generator writes the tidy CSV files the importer reads (``insatser.csv``, ``goal_links.csv``,
``crosswalk.csv``) and loads them with :func:`malgraf.importers.tables.load_year`, so the graph has
exactly the shape of the real one: 21 regions, sections 1–7, RUS goals per region with a partial
crosswalk to national priorities and SDG targets, SDG and ERUF links, and a few flaws on purpose
(insatser with no goal, goals that could not be resolved, dangling goal IRIs, another region's RUS
goal). The same ``seed`` gives the same data.

Library use::

    from synthetic import generate
    graph = generate(10_000)              # an rdflib Graph of the data (no reference vocabularies)

Script use::

    python benchmarks/synthetic.py 100000 --out build/synthetic-100000.nq   # or .ttl
    python benchmarks/synthetic.py 1000 --csv build/synthetic-1000/          # the tidy CSV files
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from malgraf.graph import add_triples
from malgraf.importers.tables import (
    CROSSWALK_COLUMNS,
    GOAL_LINK_COLUMNS,
    INSATS_COLUMNS,
    load_year,
)
from malgraf.namespaces import GRAPH
from malgraf.regions import LANSKOD, REGION_NAMES

SDG_TARGETS = ("4.4", "5.5", "7.2", "8.2", "8.3", "8.5", "9.1", "9.2", "9.5", "11.2", "11.3", "12.5",
               "13.2", "17.17")
SDG_GOALS = ("4", "5", "7", "8", "9", "10", "11", "12", "13", "17")
ERUF_OBJECTIVES = ("RSO1.1", "RSO1.2", "RSO1.3", "RSO1.4", "RSO2.1", "RSO2.4", "RSO2.6", "RSO3.2")
NATIONAL_PRIORITIES = ("1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2")
DANGLING = ("sdg:18.1", "sdg:9.99", "eruf:RSO9.9", "ns:priority-5.1")
"""Goal IRIs that look right but exist in no reference vocabulary."""

WORDS = ("regional", "innovation", "kompetens", "näringsliv", "landsbygd", "digital", "hållbar",
         "samverkan", "företag", "energi", "omställning", "besöksnäring", "service", "bredband",
         "utbildning", "klimat", "attraktivitet", "tillväxt", "export", "jämställdhet")
SECTION_WEIGHTS = (25, 15, 30, 10, 6, 6, 8)
"""Rough share of rows in §1–7 of the 2023 appendix."""


@dataclass(frozen=True)
class Rates:
    """How often each kind of flaw occurs, as a share of insatser."""

    no_goal: float = 0.06
    unresolved: float = 0.04
    dangling: float = 0.005
    other_region: float = 0.005
    rus_goals_per_region: int = 24
    """About the median of the shipped goal vocabularies (9–43 goals a region, 23 the median)."""
    goal_skew: float = 1.0
    """Goal ``k`` of a region is drawn with weight ``1 / k ** goal_skew``: a few goals serve many insatser
    and most serve few, as in the 2023 appendix (one RUS goal has 26 links, a third of them one)."""
    uncrosswalked: float = 0.25
    """Share of RUS goals with no crosswalk to a national priority or SDG target."""


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def rus_goal(lanskod: str, number: int) -> str:
    """The CURIE of synthetic RUS goal ``number`` of a region."""
    return f"rus:{lanskod}-g{number:02d}"


def tables(n: int, seed: int = 0, rates: Rates = Rates(), year: int = 2023) -> dict[str, list[dict[str, str]]]:
    """The rows of ``insatser.csv``, ``goal_links.csv`` and ``crosswalk.csv`` for ``n`` insatser of ``year``."""
    rng = random.Random(seed)
    insatser: list[dict[str, str]] = []
    links: list[dict[str, str]] = []
    line = 20
    counters: dict[tuple[int, str], int] = {}
    for _ in range(n):
        region = rng.choice(REGION_NAMES)
        lanskod = LANSKOD[region]
        section = rng.choices(range(1, 8), weights=SECTION_WEIGHTS)[0]
        counters[section, lanskod] = counters.get((section, lanskod), 0) + 1
        identifier = f"{year}-{section}-{lanskod}-{counters[section, lanskod]:05d}"
        first = line
        line += rng.randint(8, 120)
        insatser.append({
            "id": identifier, "year": str(year), "section": str(section), "region": region, "lanskod": lanskod,
            "name": _text(rng, rng.randint(2, 6)), "description": _text(rng, rng.randint(10, 40)),
            "outputs": _text(rng, rng.randint(5, 25)), "effects": _text(rng, rng.randint(0, 15)),
            "nyps_id": str(rng.randint(20_000_000, 20_399_999)) if rng.random() < 0.3 else "",
            "source_first_line": str(first), "source_last_line": str(line - 1),
        })
        for kind, goal in _goals(rng, lanskod, rates):
            at = rng.randint(first, line - 1)
            links.append({
                "insats_id": identifier, "kind": kind, "statement": _text(rng, rng.randint(3, 12)),
                "goal": goal, "level": "mål" if kind == "rus" else "", "method": "marker",
                "source_first_line": str(at), "source_last_line": str(at + rng.randint(0, 2)),
            })
    return {"insatser": insatser, "goal_links": links, "crosswalk": _crosswalk(rng, rates)}


def _goals(rng: random.Random, lanskod: str, rates: Rates) -> Iterator[tuple[str, str]]:
    """(kind, goal CURIE or "" when unresolved) of the goal links of one insats."""
    draw = rng.random()
    if draw < rates.no_goal:
        return
    if draw < rates.no_goal + rates.unresolved:
        for _ in range(rng.randint(1, 2)):
            yield "rus", ""
        return
    own = range(1, rates.rus_goals_per_region + 1)
    weights = [1 / number ** rates.goal_skew for number in own]
    for number in rng.choices(own, weights, k=rng.randint(1, 3)):
        yield "rus", rus_goal(lanskod, number)
    for _ in range(rng.choice((0, 0, 1, 2))):
        yield "agenda2030", "sdg:" + rng.choice(SDG_GOALS + SDG_TARGETS)
    if rng.random() < 0.3:
        yield "eruf", "eruf:" + rng.choice(ERUF_OBJECTIVES)
    draw -= rates.no_goal + rates.unresolved
    if draw < rates.dangling:
        yield "agenda2030", rng.choice(DANGLING)
    elif draw < rates.dangling + rates.other_region:
        other = rng.choice([code for code in LANSKOD.values() if code != lanskod])
        yield "rus", rus_goal(other, rng.choice(own))


def _crosswalk(rng: random.Random, rates: Rates) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for lanskod in sorted(LANSKOD.values()):
        for number in range(1, rates.rus_goals_per_region + 1):
            if rng.random() < rates.uncrosswalked:
                continue
            goal = rus_goal(lanskod, number)
            rows.append({"goal": goal, "contributes_to": "ns:priority-" + rng.choice(NATIONAL_PRIORITIES),
                         "method": "accepted", "note": ""})
            if rng.random() < 0.5:
                rows.append({"goal": goal, "contributes_to": "sdg:" + rng.choice(SDG_TARGETS),
                             "method": "suggested", "note": ""})
    return rows


COLUMNS = {"insatser": INSATS_COLUMNS, "goal_links": GOAL_LINK_COLUMNS, "crosswalk": CROSSWALK_COLUMNS}


def write_tables(directory: Path, n: int, seed: int = 0, rates: Rates = Rates(), year: int = 2023,
                 crosswalk: list[dict[str, str]] | None = None) -> Path:
    """Write the tidy CSV files for ``n`` insatser of ``year`` into ``directory`` (created) and return it.

    ``crosswalk`` replaces the crosswalk rows drawn for this folder (``write_years`` gives every year the same).
    """
    directory.mkdir(parents=True, exist_ok=True)
    drawn = tables(n, seed, rates, year)
    if crosswalk is not None:
        drawn["crosswalk"] = crosswalk
    for name, rows in drawn.items():
        with (directory / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[name], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    source = "malgraf-synthetic" if year == 2023 else f"malgraf-synthetic-{year}"
    (directory / "source.csv").write_text(f"id,title,publisher,year,path\n{source},Syntetiska insatser,"
                                          f"malgraf,{year},benchmarks/synthetic.py\n", encoding="utf-8")
    return directory


def write_years(directory: Path, n: int, years: range, seed: int = 0, rates: Rates = Rates()) -> list[Path]:
    """Write ``n`` insatser spread evenly over ``years``, one data folder per year (``directory/<year>``).

    Each year draws its own insatser (seed ``seed + i``); all share the first year's crosswalk, as a
    region's goals and their crosswalk outlast a year's report. The folders, in order of year, are
    returned.
    """
    shares = [n // len(years) + (1 if i < n % len(years) else 0) for i in range(len(years))]
    crosswalk = _crosswalk(random.Random(seed), rates)
    folders = []
    for i, (year, share) in enumerate(zip(years, shares, strict=True)):
        folders.append(write_tables(directory / str(year), share, seed + i, rates, year, crosswalk))
    return folders


def generate(n: int, seed: int = 0, rates: Rates = Rates()) -> Graph:
    """An rdflib graph of ``n`` synthetic insatser, as ``load_year`` makes it from the CSV files."""
    with tempfile.TemporaryDirectory(prefix="malgraf-synthetic-") as temp:
        return load_year(write_tables(Path(temp) / "2023", n, seed, rates))


def write_graph(graph: Graph, path: Path) -> Path:
    """Write ``graph`` as N-Quads (into the named graph ``data/2023``, as ``malgraf build`` does) or Turtle."""
    store = ox.Store()
    add_triples(store, graph, GRAPH["data/2023"])
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".nq":
        store.dump(output=str(path), format=ox.RdfFormat.N_QUADS)
    else:
        store.dump(output=str(path), format=ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(GRAPH["data/2023"]))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of insatser")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="write the graph: .nq (named graph data/2023) or .ttl")
    parser.add_argument("--csv", type=Path, help="write the tidy CSV files into this directory")
    args = parser.parse_args()
    if args.csv:
        write_tables(args.csv, args.n, args.seed)
        print(f"Wrote {args.n} synthetic insatser as CSV to {args.csv}")
    if args.out:
        graph = generate(args.n, args.seed)
        write_graph(graph, args.out)
        print(f"Wrote {len(graph)} triples of {args.n} synthetic insatser to {args.out}")
    if not (args.csv or args.out):
        parser.error("give --out FILE and/or --csv DIRECTORY")


if __name__ == "__main__":
    main()
