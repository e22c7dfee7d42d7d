"""Insats ids that stay the same across re-imports: section, region and a hash of the insats name.

``<year>-<section>-<länskod>-<6 hex digits>`` (``2023-1-10-4e5f0a``). An ordinal (the third row of
Blekinge in §1) would move to another insats whenever a row earlier in the region is added or
dropped, and with it the insats's IRI; a hash of the name changes only when that name does.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable


def _normalised(name: str) -> str:
    """The name as compared: NFC, case-folded, spaces collapsed, no punctuation at either end."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split()).strip(" .,;:")


def insats_id(year: int, section: int, lanskod: str, name: str) -> str:
    """The id of the insats ``name`` reported by region ``lanskod`` under ``section`` of ``year``."""
    digest = hashlib.sha1(_normalised(name).encode("utf-8")).hexdigest()[:6]
    return f"{year}-{section}-{lanskod}-{digest}"


def unique_ids(ids: Iterable[str]) -> list[str]:
    """``ids`` with a repeated one (two insatser of the same name) made unique as ``-2``, ``-3`` … in order."""
    seen: dict[str, int] = {}
    result = []
    for key in ids:
        seen[key] = seen.get(key, 0) + 1
        result.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return result
