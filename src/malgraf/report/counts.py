"""Counting insatser per goal, per region and per group of goals from a report's facts (the cells),
each insats once per goal or group."""

from __future__ import annotations

import re
from functools import cached_property

import pandas as pd

from malgraf.regions import swedish_sort_key
from malgraf.report.facts import Facts

ALL_ROW = "__all__"
"""The index of a matrix's last row, all regions together."""


def natural_key(text: object) -> tuple[object, ...]:
    """``3.4`` before ``3.10``, ``F1`` after ``4.2``: numbers compared as numbers.

    >>> sorted(["3.10", "F1", "3.4", "1"], key=natural_key)
    ['1', '3.4', '3.10', 'F1']
    """
    parts = re.split(r"(\d+)", str(text or ""))
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


class Counts:
    """The facts of a selection, counted per goal, region and group."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.column = facts.count_column

    @property
    def total(self) -> int:
        """How many insatser the selection holds."""
        return int(self.facts.insatser.sum())

    @cached_property
    def region_names(self) -> dict[str, str]:
        return dict(zip(self.facts.regions["region"], self.facts.regions["regionName"], strict=True))

    @cached_property
    def regions(self) -> list[str]:
        """The regions with insatser in the selection, in Swedish alphabetical order of their names."""
        return sorted(self.facts.insatser.index,
                      key=lambda region: swedish_sort_key(self.region_names.get(region) or region))

    def goals_of(self, scheme: str, classes: tuple[str, ...] = ()) -> pd.DataFrame:
        """The goals of ``scheme`` (of ``classes`` when given), in natural order of their notation;
        a region's own goals only for the regions of the selection."""
        goals = self.facts.goals
        goals = goals[goals["scheme"] == scheme]
        if classes:
            goals = goals[goals["class"].isin(classes)]
        if scheme == "rus":
            goals = goals[goals["region"].isin(self.regions)]
        keys = [(natural_key(notation), str(label)) for notation, label in zip(goals["notation"], goals["label"],
                                                                                strict=True)]
        order = sorted(range(len(goals)), key=keys.__getitem__)
        return goals.iloc[order].reset_index(drop=True)

    def _cells(self, goals: pd.DataFrame) -> pd.DataFrame:
        cells = self.facts.cells
        return cells[cells["goal"].isin(goals["goal"])]

    def per_goal(self, goals: pd.DataFrame, *, main: bool = False) -> pd.DataFrame:
        """``goals`` with how many insatser name each (direct), reach it (rolled_up), in how many
        regions (regions), and, with ``main``, reach it through main crosswalk links (main_only)."""
        cells = self._cells(goals)
        counted = goals.copy()
        counted["direct"] = counted["goal"].map(cells.groupby("goal")["direct"].sum())
        counted["rolled_up"] = counted["goal"].map(cells.groupby("goal")[self.column].sum())
        if main:
            counted["main_only"] = counted["goal"].map(cells.groupby("goal")["main"].sum())
        reached = cells[cells[self.column] > 0]
        counted["regions"] = counted["goal"].map(reached.groupby("goal")["region"].nunique())
        for column in ("direct", "rolled_up", "main_only", "regions"):
            if column in counted:
                counted[column] = counted[column].fillna(0).astype(int)
        return counted

    def reached_goals(self, goals: pd.DataFrame) -> set[str]:
        """The goals of ``goals`` that some insats of the selection reaches."""
        cells = self._cells(goals)
        return set(cells.loc[cells[self.column] > 0, "goal"])

    def group(self, group: str, *, main: bool = False) -> pd.Series:
        """Per region, how many insatser reach at least one goal of ``group`` (``rollup_groups.rq``)."""
        groups = self.facts.groups
        found = groups[groups["group"] == group].set_index("region")["main" if main else self.column]
        return found.reindex(self.regions, fill_value=0).astype(int)

    def matrix(self, goals: pd.DataFrame, group: str, *, main: bool = False) -> pd.DataFrame:
        """Region × goal: how many insatser of each region reach each goal, with the region's
        insatser, those reaching any of ``goals`` (the cells of ``group``) and those reaching none; a
        last row ``ALL_ROW`` for all regions together."""
        cells = self._cells(goals)
        values = cells.pivot_table(index="region", columns="goal", values="main" if main else self.column,
                                   aggfunc="sum", fill_value=0) if len(cells) else pd.DataFrame()
        frame = values.reindex(index=self.regions, columns=list(goals["goal"]), fill_value=0)
        insatser = self.facts.insatser.reindex(self.regions, fill_value=0)
        any_goal = self.group(group, main=main)
        frame.insert(0, "insatser", insatser)
        frame["any"] = any_goal
        frame["none"] = insatser - any_goal
        frame.loc[ALL_ROW] = frame.sum(axis=0)
        return frame.fillna(0).astype(int)
