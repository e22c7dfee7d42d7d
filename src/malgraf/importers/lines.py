"""A numbered line of a source text: what every importer's provenance points back to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One line of the source: its 1-based number and text (page-break space removed)."""

    number: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()
