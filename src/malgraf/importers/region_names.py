"""Which region a text starts with, as the sources spell it or written another way.

Sources name a region by its short name (``Dalarna``), but a hand-edited file may write its official
name (``Region Dalarna``, ``Västra Götalandsregionen``), its county (``Dalarnas län``), other letter
case, or carry characters that do not show: a zero-width space, a no-break space, decomposed letters
(NFD). Those are the region too, and the caller should say so: ``RegionName.variations`` names
what differs from the short name.

>>> region_at_start("Dalarna Regional prioritering").variations
()
>>> found = region_at_start("REGION DALARNA Regional prioritering")
>>> found.region, found.written, found.variations
('Dalarna', 'REGION DALARNA', ('official name', 'letter case'))
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from malgraf.regions import REGIONS

_SHORT_NAME = re.compile(
    "^(" + "|".join(sorted((re.escape(r.short_name) for r in REGIONS), key=len, reverse=True)) + r")(?=\s|$)"
)


def _is_invisible(character: str) -> bool:
    """A format character (Unicode Cf): zero-width space, word joiner, soft hyphen, byte-order mark …"""
    return unicodedata.category(character) == "Cf"


_INVISIBLE = re.compile("[" + "".join(
    re.escape(chr(code)) for code in (*range(0x20000), *range(0xE0000, 0xE0080))
    if unicodedata.category(chr(code)) == "Cf"
) + "]")
"""Every format character (planes 0 and 1, and the tags of plane 14)."""


def comparable(text: str) -> str:
    """Text as compared with region names: NFC, invisible characters dropped, spaces collapsed, case folded.

    >>> comparable("  Dal\u200barna\u00a0län")
    'dalarna län'
    """
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)).casefold().split())


def _forms() -> dict[str, tuple[str, str]]:
    """Comparable form → (how it names the region, short name), for every way of naming a region."""
    forms: dict[str, tuple[str, str]] = {}
    for region in REGIONS:
        for form, kind in ((region.short_name, ""), (f"Region {region.short_name}", "official name"),
                           (region.official_name, "official name"), (region.county_name, "county name")):
            forms.setdefault(comparable(form), (kind, region.short_name))
    return forms


_FORMS = _forms()
_FORM_START = re.compile("(?:" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)) + ")(?= |$)")
_LONGEST = max(map(len, _FORMS))
_PREFIXES = frozenset(form[:3] for form in _FORMS)


@dataclass(frozen=True)
class RegionName:
    """A region named at the start of a text: its short name, and the text up to ``end`` that names it."""

    region: str
    written: str
    variations: tuple[str, ...] = ()
    """What differs from the short name: ``letter case``, ``official name``, ``U+200B ZERO WIDTH SPACE`` …"""

    @property
    def end(self) -> int:
        return len(self.written)


def region_at_start(text: str) -> RegionName | None:
    """The region that ``text`` starts with, followed by a space or the end; a short name wins over a variant."""
    exact = _SHORT_NAME.match(text)
    if exact:
        return RegionName(exact.group(1), exact.group(1))
    start = unicodedata.normalize("NFC", text.lstrip()[:6])[:3]
    if len(start) == 3 and start.isalpha() and start.casefold() not in _PREFIXES:
        return None  # plain letters that begin no name: most lines, quickly
    found = _FORM_START.match(comparable(text[:_LONGEST + 16]))
    end = _end_of(text, found.group(0)) if found else None
    if found is None or end is None:
        return None
    kind, region = _FORMS[found.group(0)]
    return RegionName(region, text[:end], _variations(text[:end], region, kind))


def _end_of(text: str, key: str) -> int | None:
    """Where the words of ``key`` end in ``text``: at a space or the end, after any invisible character."""
    for end in range(1, min(len(text), 4 * len(key) + 8) + 1):
        if (end == len(text) or text[end].isspace()) and comparable(text[:end]) == key:
            return end
    return None


def _variations(written: str, region: str, kind: str) -> tuple[str, ...]:
    found = [kind] if kind else []
    composed = unicodedata.normalize("NFC", written)
    visible = "".join(c for c in composed if not _is_invisible(c))
    words = " ".join(visible.split())
    if words not in _SPELLINGS[region]:
        found.append("letter case")
    odd = sorted({c for c in written if _is_invisible(c) or (c.isspace() and c != " ")})
    found.extend(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}" for c in odd)
    if "".join(" " if c.isspace() else c for c in visible) != words:
        found.append("spacing")
    if composed != written:
        found.append("not in Unicode NFC")
    return tuple(found)


_SPELLINGS: dict[str, set[str]] = {
    r.short_name: {r.short_name, f"Region {r.short_name}", r.official_name, r.county_name} for r in REGIONS
}
