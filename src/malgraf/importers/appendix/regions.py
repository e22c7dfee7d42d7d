"""The regions of a section's rows: a misspelt region stops the import, one written another way is a warning.

A region the rows write by its official or county name, in other letter case or with characters that do
not show (``malgraf.importers.region_names``) still starts its row; the user is told which line.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import get_close_matches
from pathlib import Path

from malgraf.errors import InputError, InputWarning
from malgraf.importers.appendix.layout import NO_ROWS, RawRow
from malgraf.importers.lines import Line
from malgraf.regions import REGION_NAMES

_REGION_WORDS = frozenset(word for name in REGION_NAMES for word in name.split())


def check_regions(path: Path, lines: Sequence[Line], rows: Sequence[RawRow]) -> None:
    """Text before a section's first row, or a row start misspelling a region, is an unknown region."""
    first_row = rows[0].first_line if rows else None
    starts = {row.first_line for row in rows}
    for line in lines:
        if first_row is not None and line.number >= first_row:
            break
        if line.stripped and line.stripped != NO_ROWS:
            word = line.stripped.split()[0]
            raise InputError(path, f"unknown region {word!r} (a row must start with one of the 21 region "
                             "names)", line=line.number, field="Region")
    for line in lines:
        words = line.text.strip().split()
        if line.number in starts or len(words) < 2 or not words[1][:1].isupper() or line.text.startswith("  "):
            continue
        for size in (2, 1):
            candidate = " ".join(words[:size])
            if candidate in REGION_NAMES:
                break
            if (not all(_word_like(word) for word in candidate.split()) or _extends_a_name(candidate)
                    or not all(word[:1].isupper() for word in candidate.split())
                    or any(word in _REGION_WORDS for word in candidate.split())):
                continue
            close = get_close_matches(candidate, REGION_NAMES, n=1, cutoff=0.8)
            if close and len(candidate) >= 5:
                raise InputError(path, f"unknown region {candidate!r} (did you mean {close[0]!r}?)",
                                 line=line.number, field="Region")


def _word_like(word: str) -> bool:
    """A word that begins and ends with a letter; what lies between may be a typo (``Dala#rna``, a NUL).

    >>> _word_like("Dala#rna"), _word_like("Gotland,"), _word_like("•")
    (True, False, False)
    """
    return word[:1].isalpha() and word[-1:].isalpha()


def _extends_a_name(candidate: str) -> bool:
    """A region name going on into a genitive (``Gotlands``) or a compound (``Uppsalahem``), not a misspelling.

    >>> _extends_a_name("Gotlands Museum"), _extends_a_name("Uppsalahem"), _extends_a_name("Dalarnaa")
    (True, True, False)
    """
    for name in REGION_NAMES:
        if candidate.startswith(name) and candidate != name:
            ending = candidate[len(name):].split()[0] if candidate[len(name)] != " " else ""
            return ending == "s" or len(ending) >= 3
    return False


def region_warnings(path: Path, rows: Sequence[RawRow]) -> list[InputWarning]:
    """A warning for each row whose region line names its region another way than by its short name."""
    return [
        InputWarning(str(path), f"{row.written.written!r} read as {row.region!r} ({', '.join(row.written.variations)})",
                     line=row.first_line, field="Region")
        for row in rows if row.written is not None
    ]
