"""Sweden's 21 regions, read once from the one place they are written: ``data/reference/regions.ttl``.

Importers, validation and the views take länskoder, names and their spellings from here.

>>> REGIONS_BY_LANSKOD["20"].short_name
'Dalarna'
>>> LANSKOD["Västra Götaland"]
'14'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from malgraf.namespaces import MG, SKOS
from malgraf.resources import REFERENCE_DIRECTORY

REGIONS_FILE = REFERENCE_DIRECTORY / "regions.ttl"

_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "Å": "[", "Ä": "\\", "Ö": "]"})


def swedish_sort_key(text: str) -> str:
    """A key that sorts Swedish text as the alphabet does: … x y z å ä ö.

    >>> sorted(["Örebro", "Gävleborg", "Gotland", "Östergötland"], key=swedish_sort_key)
    ['Gotland', 'Gävleborg', 'Örebro', 'Östergötland']
    """
    return text.casefold().translate(_SWEDISH_ORDER)


@dataclass(frozen=True)
class Region:
    """One region: SCB länskod, the short name the sources use, official and English names, NUTS code."""

    lanskod: str
    short_name: str
    official_name: str
    county_name: str
    english_name: str
    nuts_code: str


@cache
def _regions() -> tuple[Region, ...]:
    values: dict[str, dict[str, str]] = {}
    for quad in ox.parse(path=str(REGIONS_FILE), format=ox.RdfFormat.TURTLE):
        subject, predicate, obj = quad.subject, quad.predicate.value, quad.object
        if not isinstance(obj, ox.Literal):
            continue
        key = {
            str(MG.lanskod): "lanskod", str(MG.shortName): "short_name", str(MG.nutsCode): "nuts_code",
            str(SKOS.prefLabel) + "@sv": "official_name", str(SKOS.prefLabel) + "@en": "english_name",
            str(SKOS.altLabel) + "@sv": "county_name",
        }.get(predicate + (f"@{obj.language}" if obj.language else ""))
        if key:
            values.setdefault(str(subject), {})[key] = obj.value
    regions = [Region(**fields) for fields in values.values() if "lanskod" in fields]
    return tuple(sorted(regions, key=lambda region: region.lanskod))


REGIONS: tuple[Region, ...] = _regions()
"""The 21 regions in länskod order (01 Stockholm … 25 Norrbotten)."""

REGIONS_BY_LANSKOD: dict[str, Region] = {region.lanskod: region for region in REGIONS}

REGION_NAMES: tuple[str, ...] = tuple(sorted((r.short_name for r in REGIONS), key=swedish_sort_key))
"""The short names as the sources spell them, in Swedish alphabetical order (the appendix's order)."""

LANSKOD: dict[str, str] = {region.short_name: region.lanskod for region in REGIONS}
"""Short name → länskod."""

__all__ = ["LANSKOD", "REGIONS", "REGIONS_BY_LANSKOD", "REGION_NAMES", "Region", "swedish_sort_key"]
