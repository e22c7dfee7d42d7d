"""A report's table: its rows as a DataFrame, what it counts, and how its columns are headed."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Column:
    """One column: its name in the data (CSV header), its heading for a reader, and its kind."""

    name: str
    heading: str
    kind: str = "text"
    """text, count, share (a fraction, shown as per cent), money (kronor), iri (hidden from readers)."""
    link: str | None = None
    """The column holding the IRI this column's text names (a goal or an insats), for links."""


@dataclass(frozen=True)
class ReportTable:
    """One table of a report, with what it counts and from which data (the XLSX's "about" sheet)."""

    key: str
    title: str
    counts: str
    frame: pd.DataFrame
    columns: list[Column]
    chart: str | None = None
    """The key of the chart drawn from this table, if any."""
    notes: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    """Words its chart writes that are no column's heading, in the report's language."""
    empty: str = ""
    """What it means when the table has no rows (every goal is reached), in place of the table."""

    def visible_columns(self) -> list[Column]:
        return [column for column in self.columns if column.kind != "iri"]

    def records(self) -> list[dict[str, object]]:
        """The rows as dicts of plain Python values (None for a missing value)."""
        names = [column.name for column in self.columns]
        frame = self.frame.reindex(columns=names)
        return [{name: _plain(value) for name, value in zip(names, row, strict=True)}
                for row in frame.itertuples(index=False, name=None)]


def _plain(value: object) -> object:
    if value is None:
        return None
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()  # type: ignore[attr-defined]
    return value
