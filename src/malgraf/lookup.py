"""Resolve what a user typed (IRI, CURIE, notation, id or words) to one goal, insats or region.

The text is matched in Python against labels fetched by fixed queries: it never enters SPARQL.
No match, or more than one, raises ``LookupFailedError`` with the closest candidates (exit 2).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Dataset, URIRef

from malgraf.errors import LookupFailedError
from malgraf.namespaces import INSATS, PREFIXES
from malgraf.query import select, select_values

GOAL_PREFIXES = ("sdg", "eruf", "ns", "rus")
"""CURIE prefixes a goal may be written with."""

_NOTATION_PREFERENCE = ("http://metadata.un.org/sdg/", str(PREFIXES["eruf"]))
"""A bare notation such as ``3.4`` means an SDG target before a national priority."""


def normalise(text: str) -> str:
    """Case-folded, whitespace-collapsed text for matching.

    >>> normalise("  Hälsa   OCH välbefinnande ")
    'hälsa och välbefinnande'
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class _Index:
    """Labels of one kind of thing: IRI → display label, and normalised text → IRIs."""

    def __init__(self) -> None:
        self.display: dict[URIRef, str] = {}
        self.texts: dict[str, set[URIRef]] = defaultdict(set)
        self.notations: dict[str, set[URIRef]] = defaultdict(set)

    def add(self, iri: URIRef, display: str, text: str, notation: bool = False) -> None:
        self.display.setdefault(iri, display)
        (self.notations if notation else self.texts)[normalise(text)].add(iri)

    def candidates(self, iris: Iterable[URIRef], limit: int = 10) -> list[tuple[str, str]]:
        return sorted((str(i), self.display.get(i, str(i))) for i in iris)[:limit]

    def closest(self, text: str, limit: int = 5) -> list[tuple[str, str]]:
        """Goals whose label, or a word of it, is closest to ``text`` (for "did you mean")."""
        wanted = normalise(text)
        found: list[URIRef] = []
        for match in difflib.get_close_matches(wanted, list(self.texts), n=limit, cutoff=0.6):
            found.extend(i for i in sorted(self.texts[match]) if i not in found)
        by_word: dict[str, set[URIRef]] = defaultdict(set)
        for label, iris in self.texts.items():
            for word in label.split():
                by_word[word.strip(".,:;()")] |= iris
        for word in wanted.split():
            for match in difflib.get_close_matches(word, list(by_word), n=limit, cutoff=0.75):
                found.extend(i for i in sorted(by_word[match]) if i not in found)
        return [(str(i), self.display.get(i, str(i))) for i in found[:limit]]

    def find(self, text: str, what: str) -> URIRef:
        """The one IRI whose label equals or contains ``text``; otherwise LookupFailedError."""
        wanted = normalise(text)
        if not wanted:
            raise LookupFailedError(f"no {what} given")
        for table in (self.notations, self.texts):
            exact = table.get(wanted, set())
            if len(exact) == 1:
                return next(iter(exact))
            if exact:
                preferred = {i for i in exact if str(i).startswith(_NOTATION_PREFERENCE[0])}
                if table is self.notations and len(preferred) == 1:
                    return next(iter(preferred))
                raise LookupFailedError(f"{text!r} matches more than one {what}:",
                                        self.candidates(exact))
        containing = {i for label, iris in self.texts.items() if wanted in label for i in iris}
        if len(containing) == 1:
            return next(iter(containing))
        if containing:
            shown = self.candidates(containing)
            first = f" (the first {len(shown)})" if len(shown) < len(containing) else ""
            raise LookupFailedError(
                f"{text!r} matches {len(containing)} {what}s; be more specific or use an IRI{first}:", shown)
        closest = self.closest(text)
        hint = "; closest matches:" if closest else ""
        raise LookupFailedError(f"no {what} matches {text!r}{hint}", closest)


def _expand_curie(text: str, prefixes: Iterable[str]) -> URIRef | None:
    stripped = text.strip()
    if stripped.startswith(("http://", "https://")):
        return URIRef(stripped.strip("<>"))
    prefix, colon, local = stripped.partition(":")
    if colon and prefix in prefixes and local and " " not in local:
        return URIRef(str(PREFIXES[prefix]) + local)
    return None


def _by_iri(index: _Index, text: str, prefixes: Iterable[str], what: str) -> URIRef | None:
    """The IRI ``text`` names (as an IRI or CURIE) if it is in ``index``; None if ``text`` is no IRI."""
    iri = _expand_curie(text, prefixes)
    if iri is None:
        return None
    if iri in index.display:
        return iri
    raise LookupFailedError(f"no {what} {text!r} in the graph; closest matches:",
                            index.closest(str(iri).rsplit("/", 1)[-1]))


def goal_index(dataset: Dataset) -> _Index:
    """All goals with their labels and notations."""
    index = _Index()
    for row in select_values(dataset, "goal_labels"):
        goal = row["goal"]
        assert isinstance(goal, URIRef)
        display = str(row["prefLabel"] or goal)
        index.add(goal, display, str(row["text"]), notation=str(row["kind"]) == "notation")
    return index


def resolve_goal(dataset: Dataset, text: str, index: _Index | None = None) -> URIRef:
    """The goal meant by ``text``: an IRI, a CURIE (``sdg:3.4``), a notation (``RSO1.3``) or words.

    A bare notation shared by an SDG target and another scheme resolves to the SDG target.
    """
    index = index or goal_index(dataset)
    return _by_iri(index, text, GOAL_PREFIXES, "goal") or index.find(text, "goal")


def resolve_insats(dataset: Dataset, text: str) -> URIRef:
    """The insats meant by ``text``: its IRI, ``insats:<id>``, its id, or words of its name."""
    index = _Index()
    for row in select(dataset, "insats_labels"):
        insats = row["insats"]
        assert isinstance(insats, URIRef)
        name = str(row["name"] or "")
        display = f"{name} ({row['regionName']} {row['year']}, avsnitt {row['section']})"
        index.add(insats, display, name)
        index.add(insats, display, str(insats)[len(str(INSATS)):], notation=True)
    return _by_iri(index, text, ("insats",), "insats") or index.find(text, "insats")


def resolve_region(dataset: Dataset, text: str) -> URIRef:
    """The region meant by ``text``: länskod (``10``), NUTS code, short or official name, or IRI."""
    index = _Index()
    for row in select(dataset, "region_labels"):
        region = row["region"]
        assert isinstance(region, URIRef)
        index.add(region, str(row["shortName"]), str(row["text"]), notation=True)
    found = _by_iri(index, text, ("region",), "region")
    if found is not None:
        return found
    wanted = normalise(text)
    exact = index.notations.get(wanted, set())
    if len(exact) == 1:
        return next(iter(exact))
    index.texts.update(index.notations)
    return index.find(text, "region")
