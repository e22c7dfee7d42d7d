"""Row and goal-link precision and recall of the appendix importer against the hand-checked sample.

The sample (tests/data/gold/: every row of seven regions in §1–7, read by hand, each goal link
named by the goal it states; see its NOTES.md) is compared with what ``parse_appendix`` reads
from seed 004 with the shipped goal vocabularies:

- a row is *right* when a parsed row starts on the same line of the same section with the right
  region; its *name* is right when it matches the hand-read name (case and spacing aside, or one
  containing the other, or ≥ 90 % similar);
- a row *states no goal* when it has no goal link; the parsed and the hand-read such rows are
  compared (the figure behind ``malgraf validate``'s insatser without a goal);
- a goal link is right when the same row links the goal the sample names (``rus:10-fler-i-arbete``,
  ``sdg:3``, ``eruf:RSO1.3``), one-to-one, whatever the wording; a sample link that names no goal
  is matched by an unresolved statement of similar text. Figures are given overall and per kind.

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
from malgraf.importers.goals.statements import GoalStatement, normalise_statement
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


KIND_GROUPS = {"rus": "regional (RUS, other)", "other": "regional (RUS, other)", "eruf": "ERUF, Interreg, JTF",
               "interreg": "ERUF, Interreg, JTF", "jtf": "ERUF, Interreg, JTF", "agenda2030": "Agenda 2030"}
"""The kinds a goal link is reported under."""


def _same_goal(ours: GoalStatement, gold: dict[str, str]) -> bool:
    """A link is right when it names the goal the sample names (whatever the wording); a sample link
    that names no goal (a statement that resolves to nothing) is matched by an unresolved statement
    of the same kind group and similar text."""
    if gold["goal"] and not gold["goal"].startswith("programme:"):
        return ours.goal == gold["goal"]
    return (not ours.goal and KIND_GROUPS[ours.kind] == KIND_GROUPS[gold["kind"]]
            and similar(ours.statement, gold["statement"], 0.8))


def score(records: list[InsatsRecord]) -> dict[str, float]:
    """Precision and recall of rows, names and goal links (overall and per kind) on the sample's regions."""
    gold_rows = read("rows.csv")
    regions = {row["region"] for row in gold_rows}
    ours = {(r.section, r.first_line): r for r in records if r.region in regions}
    right_rows = right_names = 0
    for row in gold_rows:
        mine = ours.get((int(row["section"]), int(row["first_line"])))
        if mine and mine.region == row["region"]:
            right_rows += 1
            right_names += similar(mine.name, row["name"], 0.9)
    gold_links: dict[tuple[int, int], list[dict[str, str]]] = defaultdict(list)
    for link in read("goal_links.csv"):
        gold_links[(int(link["section"]), int(link["first_line"]))].append(link)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    """Kind group → [right, ours, gold]."""
    for key, record in ours.items():
        unmatched = list(record.goals)
        for goal in record.goals:
            counts[KIND_GROUPS[goal.kind]][1] += 1
        for link in gold_links.get(key, []):
            counts[KIND_GROUPS[link["kind"]]][2] += 1
            hit = next((goal for goal in unmatched if _same_goal(goal, link)), None)
            if hit is not None:
                unmatched.remove(hit)
                counts[KIND_GROUPS[link["kind"]]][0] += 1
    for key, links in gold_links.items():
        if key not in ours:
            for link in links:
                counts[KIND_GROUPS[link["kind"]]][2] += 1
    right, our_links, total_gold_links = (sum(c[i] for c in counts.values()) for i in range(3))
    no_goal_ours = {key for key, record in ours.items() if not record.goals}
    no_goal_gold = {(int(row["section"]), int(row["first_line"])) for row in gold_rows} - set(gold_links)
    result: dict[str, float] = {
        "no_goal_parsed": len(no_goal_ours), "no_goal_gold": len(no_goal_gold),
        "no_goal_both": len(no_goal_ours & no_goal_gold),
        "rows_precision": right_rows / len(ours) if ours else 0.0,
        "rows_recall": right_rows / len(gold_rows),
        "names_right": right_names / right_rows if right_rows else 0.0,
        "links_precision": right / our_links if our_links else 0.0,
        "links_recall": right / total_gold_links,
        "gold_rows": len(gold_rows), "parsed_rows": len(ours),
        "gold_links": total_gold_links, "parsed_links": our_links, "regions": len(regions),
    }
    for group, (hits, mine, gold) in counts.items():
        result[f"{group} precision"] = hits / mine if mine else 0.0
        result[f"{group} recall"] = hits / gold if gold else 0.0
        result[f"{group} links"] = gold
    return result


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
    print(f"rows:       precision {result['rows_precision']:.1%}  recall {result['rows_recall']:.1%}  "
          f"names right {result['names_right']:.1%}")
    print(f"goal links: precision {result['links_precision']:.1%}  recall {result['links_recall']:.1%}  "
          "(the right goal linked, whatever the wording)")
    for group in sorted(set(KIND_GROUPS.values())):
        print(f"  {group + ':':<23} precision {result[f'{group} precision']:.1%}  "
              f"recall {result[f'{group} recall']:.1%}  ({result[f'{group} links']:.0f} links in the sample)")
    print(f"rows stating no goal: {result['no_goal_parsed']} parsed, {result['no_goal_gold']} by hand, "
          f"{result['no_goal_both']} in both")


if __name__ == "__main__":
    main()
