"""Row and goal-link precision and recall of the appendix importer against the hand-checked sample.

The sample (tests/data/gold/, every row of Blekinge and Gotland in §1–7, read by hand; see its
NOTES.md) is compared with what ``parse_appendix`` reads from seed 004:

- a row is *found* when a parsed row starts on the same line of the same section; it is *right*
  when its region is right and its name matches the hand-read name (case and spacing aside, or
  one containing the other, or ≥ 90 % similar);
- a row *states no goal* when it has no goal link; the parsed and the hand-read such rows are
  compared (the figure behind ``malgraf validate``'s insatser without a goal);
- a goal link with a resolved goal (``sdg:3``, ``eruf:RSO1.3``) is right when the same row links
  the same goal; a link without one (RUS goals and other statements) is right when the same row
  has a statement of the same kind ≥ 80 % similar (one-to-one).

Run: ``python benchmarks/appendix_accuracy.py [SEED]``; also prints the import time.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from malgraf.importers.appendix import InsatsRecord, parse_appendix
from malgraf.importers.goals.statements import normalise_statement
from malgraf.resources import APPENDIX_2023

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
SEED = APPENDIX_2023


def similar(a: str, b: str, threshold: float) -> bool:
    a, b = normalise_statement(a), normalise_statement(b)
    return a == b or (min(len(a), len(b)) > 10 and (a in b or b in a)) or \
        SequenceMatcher(None, a, b).ratio() >= threshold


def read(name: str) -> list[dict[str, str]]:
    with (GOLD / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def score(records: list[InsatsRecord]) -> dict[str, float]:
    """Precision and recall of rows and goal links on the regions of the gold sample."""
    gold_rows = read("rows.csv")
    regions = {row["region"] for row in gold_rows}
    ours = {(r.section, r.first_line): r for r in records if r.region in regions}
    right_rows = 0
    for row in gold_rows:
        mine = ours.get((int(row["section"]), int(row["first_line"])))
        if mine and mine.region == row["region"] and similar(mine.name, row["name"], 0.9):
            right_rows += 1
    gold_links: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
    for link in read("goal_links.csv"):
        gold_links[(int(link["section"]), int(link["first_line"]))].append(link)
    right_links = our_links = 0
    for key, record in ours.items():
        our_links += len(record.goals)
        unmatched = list(record.goals)
        for link in gold_links.get(key, []):
            for goal in unmatched:
                if link["goal"] and not link["goal"].startswith("programme:"):
                    hit = goal.goal == link["goal"]
                else:
                    hit = goal.kind == link["kind"] and similar(goal.statement, link["statement"], 0.8)
                if hit:
                    unmatched.remove(goal)
                    right_links += 1
                    break
    total_gold_links = sum(len(v) for v in gold_links.values())
    no_goal_ours = {key for key, record in ours.items() if not record.goals}
    no_goal_gold = {(int(row["section"]), int(row["first_line"])) for row in gold_rows} - set(gold_links)
    return {
        "no_goal_parsed": len(no_goal_ours), "no_goal_gold": len(no_goal_gold),
        "no_goal_both": len(no_goal_ours & no_goal_gold),
        "rows_precision": right_rows / len(ours) if ours else 0.0,
        "rows_recall": right_rows / len(gold_rows),
        "links_precision": right_links / our_links if our_links else 0.0,
        "links_recall": right_links / total_gold_links,
        "gold_rows": len(gold_rows), "parsed_rows": len(ours),
        "gold_links": total_gold_links, "parsed_links": our_links,
    }


def main() -> None:
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    start = time.perf_counter()
    appendix = parse_appendix(seed)
    elapsed = time.perf_counter() - start
    result = score(appendix.insatser)
    print(f"import of {seed.name}: {len(appendix.insatser)} rows, "
          f"{sum(len(r.goals) for r in appendix.insatser)} goal links in {elapsed:.2f} s")
    print(f"sample: {result['gold_rows']} rows, {result['gold_links']} goal links "
          f"(parsed: {result['parsed_rows']} rows, {result['parsed_links']} links)")
    print(f"rows:       precision {result['rows_precision']:.1%}  recall {result['rows_recall']:.1%}")
    print(f"goal links: precision {result['links_precision']:.1%}  recall {result['links_recall']:.1%}")
    print(f"rows stating no goal: {result['no_goal_parsed']} parsed, {result['no_goal_gold']} by hand, "
          f"{result['no_goal_both']} in both")


if __name__ == "__main__":
    main()
