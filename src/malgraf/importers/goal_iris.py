"""The IRIs of goals and regions as the tidy CSV files and the goal vocabularies name them.

>>> str(expand_goal("rus:10-fler-i-arbete"))
'https://w3id.org/malgraf/id/rus/10-fler-i-arbete'
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Literal, URIRef

from malgraf.namespaces import PREFIXES, REGION, RUS


def expand_goal(curie: str) -> URIRef:
    """The IRI of a goal written as a CURIE (``sdg:3.4``, ``eruf:RSO1.3``, ``rus:10-ab12``) or http(s) IRI.

    >>> expand_goal("sdg:3.4")
    rdflib.term.URIRef('http://metadata.un.org/sdg/3.4')
    """
    if curie.startswith(("http://", "https://")):
        iri = curie
        if not urlsplit(iri).netloc:
            raise ValueError(f"{curie!r} is not an IRI: it names no host")
    else:
        prefix, _, local = curie.partition(":")
        if prefix not in ("sdg", "eruf", "ns", "rus") or not local or " " in local:
            raise ValueError(f"{curie!r} is not a goal CURIE (sdg:, eruf:, ns:, rus:) or http(s) IRI")
        iri = str(PREFIXES[prefix]) + local
    try:
        ox.NamedNode(iri)
    except ValueError as error:
        raise ValueError(f"{curie!r} is not a valid IRI ({error})") from None
    return URIRef(iri)


def region_iri(lanskod: str) -> URIRef:
    return REGION[lanskod]


def scheme_labels(region: str) -> tuple[Literal, Literal]:
    """The labels of a region's goal scheme, in Swedish and English."""
    return (Literal(f"Regionala mål, {region} (RUS m.fl.)", lang="sv"),
            Literal(f"Regional goals, {region} (RUS etc.)", lang="en"))


def rus_scheme(lanskod: str) -> URIRef:
    """The concept scheme of one region's RUS goals."""
    return RUS[lanskod]
