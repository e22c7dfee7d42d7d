"""Counting insatser per goal and per region from a report's facts, each insats once per goal."""

from __future__ import annotations

import re
from functools import cached_property

import pandas as pd

from malgraf.regions import swedish_sort_key
from malgraf.report.facts import Facts
from malgraf.report.reach import Mode, reached


def natural_key(text: object) -> tuple[object, ...]:
    """``3.4`` before ``3.10``, ``F1`` after ``4.2``: numbers compared as numbers.

    >>> sorted(["3.10", "F1", "3.4", "1"], key=natural_key)
    ['1', '3.4', '3.10', 'F1']
    """
    parts = re.split(r"(\d+)", str(text or ""))
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


class Counts:
    """The facts of a selection with the goals each insats reaches, counted per goal and region."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.all_mode: Mode = "suggested" if facts.selection.with_suggested else "all"
        self._reached: dict[str, pd.DataFrame] = {}

    @property
    def total(self) -> int:
        """How many insatser the selection holds."""
        return len(self.facts.insatser)

    def reached(self, mode: Mode | None = None) -> pd.DataFrame:
        """(insats, goal, direct, region): the goals each insats reaches in ``mode`` (default: all links)."""
        mode = mode or self.all_mode
        if mode not in self._reached:
            found = reached(self.facts, mode)
            self._reached[mode] = found.merge(self.facts.insatser[["insats", "region"]], on="insats")
        return self._reached[mode]

    @cached_property
    def region_names(self) -> dict[str, str]:
        return dict(zip(self.facts.regions["region"], self.facts.regions["regionName"], strict=True))

    @cached_property
    def regions(self) -> list[str]:
        """The regions with insatser in the selection, in Swedish alphabetical order of their names."""
        present = set(self.facts.insatser["region"])
        return sorted(present, key=lambda region: swedish_sort_key(self.region_names.get(region) or region))

    @cached_property
    def insatser_per_region(self) -> pd.Series:
        return self.facts.insatser.groupby("region").size()

    def goals_of(self, scheme: str, classes: tuple[str, ...] = ()) -> pd.DataFrame:
        """The goals of ``scheme`` (of ``classes`` when given), in natural order of their notation."""
        goals = self.facts.goals
        goals = goals[goals["scheme"] == scheme]
        if classes:
            goals = goals[goals["class"].isin(classes)]
        order = sorted(goals.index, key=lambda i: (natural_key(goals.at[i, "notation"]), goals.at[i, "label"]))
        return goals.loc[order].reset_index(drop=True)

    def per_goal(self, goals: pd.DataFrame, *, main: bool = False) -> pd.DataFrame:
        """``goals`` with how many insatser name each (direct), reach it (rolled_up), in how many
        regions (regions), and, with ``main``, reach it through main crosswalk links (main_only)."""
        found = self.reached()
        found = found[found["goal"].isin(goals["goal"])]
        counted = goals.copy()
        counted["direct"] = counted["goal"].map(found[found["direct"]].groupby("goal").size())
        counted["rolled_up"] = counted["goal"].map(found.groupby("goal").size())
        if main:
            through = self.reached("main")
            counted["main_only"] = counted["goal"].map(through[through["goal"].isin(goals["goal"])]
                                                       .groupby("goal").size())
        counted["regions"] = counted["goal"].map(found.groupby("goal")["region"].nunique())
        for column in ("direct", "rolled_up", "main_only", "regions"):
            if column in counted:
                counted[column] = counted[column].fillna(0).astype(int)
        return counted

    def with_any(self, goals: pd.DataFrame, mode: Mode | None = None) -> set[str]:
        """The insatser that reach at least one of ``goals``."""
        found = self.reached(mode)
        return set(found.loc[found["goal"].isin(goals["goal"]), "insats"])

    def matrix(self, goals: pd.DataFrame, mode: Mode | None = None) -> pd.DataFrame:
        """Region × goal: how many insatser of each region reach each goal, with the region's
        insatser, those reaching any of ``goals`` and those reaching none; a last row for all regions."""
        found = self.reached(mode)
        found = found[found["goal"].isin(goals["goal"])]
        cells = found.groupby(["region", "goal"]).size().unstack(fill_value=0)
        cells = cells.reindex(index=self.regions, columns=list(goals["goal"]), fill_value=0)
        any_goal = found.groupby("region")["insats"].nunique().reindex(self.regions, fill_value=0)
        insatser = self.insatser_per_region.reindex(self.regions, fill_value=0)
        frame = cells.copy()
        frame.insert(0, "insatser", insatser)
        frame["any"] = any_goal
        frame["none"] = insatser - any_goal
        total = frame.sum(axis=0)
        total["any"] = found["insats"].nunique()
        total["none"] = self.total - total["any"]
        for goal in goals["goal"]:
            total[goal] = found.loc[found["goal"] == goal, "insats"].nunique()
        frame.loc["__all__"] = total
        return frame.astype(int)
