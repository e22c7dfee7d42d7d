"""Which insats reaches which goal, counted the way a report counts: through the goal hierarchy and
the crosswalk, each insats once per goal however many ways lead there.

Three ways of counting: ``all`` follows stated and accepted links (as ``mg:reaches`` does), ``main``
only the crosswalk links marked as a goal's main link, ``suggested`` suggested links as well (as
``mg:mayReach``). The pairs come from ``closure.reach`` over the report's goal edges.
"""

from __future__ import annotations

from typing import Literal

import networkx as nx
import pandas as pd

from malgraf.closure import BROADER, CROSSWALK, SUGGESTED, reach
from malgraf.report.facts import Facts

Mode = Literal["all", "main", "suggested"]
MAIN = "main"

_KINDS: dict[str, set[str]] = {
    "main": {BROADER, MAIN},
    "all": {BROADER, MAIN, CROSSWALK},
    "suggested": {BROADER, MAIN, CROSSWALK, SUGGESTED},
}


def goal_pairs(edges: list[tuple[str, str, str]], mode: Mode) -> pd.DataFrame:
    """(direct, goal): every goal ``goal`` that ``direct`` reaches in ``mode``, itself included."""
    graph = nx.DiGraph()
    for source, target, kind in edges:
        if kind in _KINDS[mode] and source != target:
            graph.add_edge(source, target, edge=BROADER if kind == MAIN else kind)
    pairs = list(reach(graph, with_suggested=mode == "suggested"))
    return pd.DataFrame.from_records(pairs, columns=["direct", "goal"])


def reached(facts: Facts, mode: Mode = "all") -> pd.DataFrame:
    """(insats, goal, direct): each goal each insats of the selection reaches, once; ``direct`` when
    the insats names the goal itself (goal column or report section)."""
    links = facts.links
    if mode != "suggested":
        links = links[links["how"] != "suggested"]
    named = links[["insats", "goal"]].drop_duplicates()
    pairs = goal_pairs(facts.edges, mode)
    through = named.merge(pairs, left_on="goal", right_on="direct", suffixes=("_named", ""))
    through = through[["insats", "goal"]]
    # a goal no edge touches reaches only itself, and is in no pair
    alone = named[~named["goal"].isin(pairs["direct"])]
    found = pd.concat([through, alone], ignore_index=True).drop_duplicates()
    found = found.merge(named.assign(direct=True), on=["insats", "goal"], how="left")
    found["direct"] = found["direct"].fillna(False).astype(bool)
    return found.reset_index(drop=True)
