"""The region that starts a table row, as the appendix writes it, and region names it must not miss."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import get_close_matches
from pathlib import Path

from malgraf.errors import InputError
from malgraf.importers.appendix.layout import NO_ROWS, RawRow
from malgraf.importers.lines import Line
from malgraf.regions import REGION_NAMES

_REGION_WORDS = frozenset(word for name in REGION_NAMES for word in name.split())


def check_regions(path: Path, lines: Sequence[Line], rows: Sequence[RawRow]) -> None:
    """Text before a section's first row, or a row start misspelling a region, is an unknown region."""
    first_row = rows[0].first_line if rows else None
    for line in lines:
        if first_row is not None and line.number >= first_row:
            break
        if line.stripped and line.stripped != NO_ROWS:
            word = line.stripped.split()[0]
            raise InputError(path, f"unknown region {word!r} (a row must start with one of the 21 region "
                             "names)", line=line.number, field="Region")
    for line in lines:
        words = line.text.strip().split()
        if len(words) < 2 or not words[1][:1].isupper() or line.text.startswith("  "):
            continue
        for size in (2, 1):
            candidate = " ".join(words[:size])
            if candidate in REGION_NAMES:
                break
            if (not candidate.replace(" ", "").isalpha() or candidate.startswith(REGION_NAMES)
                    or not all(word[:1].isupper() for word in candidate.split())
                    or any(word in _REGION_WORDS for word in candidate.split())):
                continue
            close = get_close_matches(candidate, REGION_NAMES, n=1, cutoff=0.8)
            if close and len(candidate) >= 5:
                raise InputError(path, f"unknown region {candidate!r} (did you mean {close[0]!r}?)",
                                 line=line.number, field="Region")
