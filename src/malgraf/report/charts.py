"""Charts of a report's tables (matplotlib, no screen): bars per goal, region × goal heatmaps, SDG
bars in the goals' own colours, money beside counts; as SVG text for the HTML page, PNG files
beside XLSX and CSV output.

Every text drawn comes from the data, so mathtext is off: a ``$`` in a goal's name stays a ``$``.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from malgraf.report.table import ReportTable
from malgraf.resources import sdg_colours
from malgraf.text import visible

STYLE: Any = {
    "text.parse_math": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "malgraf",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
"""Data text stays text (``parse_math`` off, SVG text as text), the same SVG for the same data."""
BLUE, LIGHT_BLUE, GREY = "#1f5f8b", "#9cc3dd", "#888888"


def _short(text: object, width: int = 48) -> str:
    flat = visible(" ".join(str(text or "").split()))
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _wrap(text: object, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(visible(str(text or "")), width)[:3])


def _goal_names(table: ReportTable) -> list[str]:
    frame = table.frame
    return [f"{n} {_short(label, 44)}" if n else _short(label, 50)
            for n, label in zip(frame["notation"].fillna(""), frame["label"], strict=True)]


def _bars(table: ReportTable, *, skip: tuple[str, ...] = ()) -> Figure:
    """Horizontal bars per goal: all links, and main links only when the table has them."""
    frame = table.frame[~table.frame["notation"].fillna("").isin(skip)].reset_index(drop=True)
    shown = ReportTable(table.key, table.title, table.counts, frame, table.columns)
    names = _goal_names(shown)
    heights = 0.28 * len(names) + 1.2
    figure = Figure(figsize=(8, max(2.5, heights)), layout="constrained")
    axes = figure.add_subplot()
    y = np.arange(len(names))
    headings = {c.name: c.heading for c in table.columns}
    if "main_only" in frame:
        axes.barh(y - 0.2, frame["rolled_up"], 0.4, color=BLUE, label=headings["rolled_up"])
        axes.barh(y + 0.2, frame["main_only"], 0.4, color=LIGHT_BLUE, label=headings["main_only"])
        axes.legend(loc="lower right", frameon=False)
    else:
        axes.barh(y, frame["rolled_up"], 0.6, color=BLUE, label=headings["rolled_up"])
    for position, value in zip(y, frame["rolled_up"], strict=True):
        axes.annotate(str(int(value)), (value, position - (0.2 if "main_only" in frame else 0)),
                      xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    axes.set_yticks(y, names)
    axes.invert_yaxis()
    axes.set_xlabel(headings.get("insatser", "insatser"))
    axes.set_title(visible(table.title), loc="left", fontsize=10)
    return figure


def _sdg_bars(table: ReportTable) -> Figure:
    """Horizontal bars per SDG, each in the goal's own colour."""
    frame = table.frame
    colours = dict(enumerate(sdg_colours(), start=1))
    names = _goal_names(table)
    figure = Figure(figsize=(8, 0.3 * len(names) + 1.2), layout="constrained")
    axes = figure.add_subplot()
    y = np.arange(len(frame))
    axes.barh(y, frame["rolled_up"], 0.7, color=[colours.get(int(n), GREY) if str(n).isdigit() else GREY
                                                   for n in frame["notation"]])
    for position, value in zip(y, frame["rolled_up"], strict=True):
        axes.annotate(str(int(value)), (value, position), xytext=(3, 0), textcoords="offset points", va="center",
                      fontsize=7)
    axes.set_yticks(y, names)
    axes.invert_yaxis()
    axes.set_xlabel(next(c.heading for c in table.columns if c.name == "rolled_up"))
    axes.set_title(visible(table.title), loc="left", fontsize=10)
    return figure


def _heatmap(table: ReportTable) -> Figure:
    frame = table.frame
    goals = [c.name for c in table.columns if c.kind == "share" and c.name not in ("any", "none")]
    regions = [_short(name, 24) for name in frame["regionName"]]
    values = frame[goals].to_numpy(dtype=float)
    figure = Figure(figsize=(1.2 + 0.55 * len(goals) + 2, 0.3 * len(regions) + 1.6), layout="constrained")
    axes = figure.add_subplot()
    image = axes.imshow(np.nan_to_num(values) * 100, cmap="Blues", vmin=0, vmax=100, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        if not np.isnan(value):
            axes.text(column, row, f"{value * 100:.0f}", ha="center", va="center", fontsize=7,
                      color="white" if value > 0.6 else "black")
    axes.set_xticks(range(len(goals)), goals)
    axes.set_yticks(range(len(regions)), regions)
    axes.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False)
    axes.spines[:].set_visible(False)
    figure.colorbar(image, ax=axes, shrink=0.6, label="%")
    axes.set_title(visible(table.title), loc="left", fontsize=10)
    return figure


def _money(table: ReportTable) -> Figure:
    frame = table.frame[table.frame["region"].notna()].reset_index(drop=True)
    headings = {c.name: c.heading for c in table.columns}
    regions = [_short(name, 24) for name in frame["regionName"]]
    y = np.arange(len(regions))
    figure = Figure(figsize=(9, 0.3 * len(regions) + 1.6), layout="constrained")
    counts, money = figure.subplots(1, 2, sharey=True)
    counts.barh(y, frame["insatser"], color=BLUE)
    counts.set_yticks(y, regions)
    counts.invert_yaxis()
    counts.set_xlabel(headings["insatser"])
    millions = pd.to_numeric(frame["totalt"], errors="coerce") / 1e6
    money.barh(y, millions.fillna(0), color="#c98a1b")
    for position, value, measure, note in zip(y, millions, frame["totalt measure"], frame["note"], strict=True):
        text = (f"{value:.1f} ({measure})" if not pd.isna(value)
                else str(note) if isinstance(note, str) else table.labels["no_total"])
        money.annotate(text, (0 if pd.isna(value) else value, position), xytext=(3, 0), textcoords="offset points",
                       va="center", fontsize=7, color=GREY if pd.isna(value) else "black")
    money.set_xlabel(table.labels["millions"])
    figure.suptitle(visible(table.title), x=0.01, ha="left", fontsize=10)
    return figure


def _sections(table: ReportTable) -> Figure:
    frame = table.frame[table.frame["region"].notna()].reset_index(drop=True)
    sections = [c.name for c in table.columns if c.kind == "count" and c.name != "insatser"]
    headings = {c.name: c.heading for c in table.columns}
    regions = [_short(name, 24) for name in frame["regionName"]]
    y = np.arange(len(regions))
    figure = Figure(figsize=(8, 0.3 * len(regions) + 1.6), layout="constrained")
    axes = figure.add_subplot()
    left = np.zeros(len(regions))
    palette = mpl.colormaps["tab10"]
    for index, section in enumerate(sections):
        axes.barh(y, frame[section], left=left, color=palette(index), label=headings[section])
        left += frame[section].to_numpy(dtype=float)
    axes.set_yticks(y, regions)
    axes.invert_yaxis()
    axes.legend(ncols=len(sections), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=7)
    axes.set_xlabel(headings["insatser"])
    figure.suptitle(visible(table.title), x=0.01, ha="left", fontsize=10)
    return figure


CHARTS: dict[str, Callable[[ReportTable], Figure]] = {
    "national": lambda table: _bars(table, skip=("U1", "U2", "U3")),
    "priority": _bars,
    "eruf": _bars,
    "rus": _bars,
    "sdg": _sdg_bars,
    "region_area": _heatmap,
    "region_priority": _heatmap,
    "money": _money,
    "sections": _sections,
}
MAX_BARS = 60
"""A table with more rows is not drawn as bars (the regional goals of every region together)."""


def figure_of(table: ReportTable) -> Figure | None:
    """The chart of ``table``, or None when it has none (or too many rows to read as bars)."""
    if table.chart is None or table.chart not in CHARTS:
        return None
    if CHARTS[table.chart] is _bars and len(table.frame) > MAX_BARS:
        return None
    with mpl.rc_context(STYLE):
        return CHARTS[table.chart](table)


def svg(figure: Figure) -> str:
    """``figure`` as an SVG element (no XML declaration, no date: the same data gives the same text)."""
    buffer = io.StringIO()
    with mpl.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def png(figure: Figure, path: Path | IO[bytes]) -> None:
    """Write ``figure`` as a PNG file (150 dpi)."""
    with mpl.rc_context(STYLE):
        figure.savefig(path, format="png", dpi=150, metadata={"Software": None})
