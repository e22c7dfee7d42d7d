"""Resolve what a user typed (IRI, CURIE, notation, id or words) to one goal, insats or region.

The text is matched in Python against labels fetched by fixed queries: it never enters SPARQL.
No match, or more than one, raises ``LookupFailedError`` with the closest candidates (exit 2).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from rdflib import URIRef

from malgraf.errors import LookupFailedError
from malgraf.i18n import NOUNS, message
from malgraf.namespaces import INSATS, MG, PREFIXES, SKOS
from malgraf.query import GOAL_SCHEMES, Row, _natural, scheme_name, select, select_values
from malgraf.regions import swedish_sort_key
from malgraf.store import GraphStore

GOAL_PREFIXES = ("sdg", "eruf", "ns", "rus")
"""CURIE prefixes a goal may be written with."""

_NOTATION_PREFERENCE = ("http://metadata.un.org/sdg/", str(PREFIXES["eruf"]))
"""A bare notation such as ``3.4`` means an SDG target before a national priority."""

_NOT_IN_AN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')
_SHOWN = 80
"""A candidate's label is cut to this many characters."""
_LONGEST_MATCHED = 200
"""Text longer than this is not compared word by word for "did you mean" (no label is that long)."""


def normalise(text: str) -> str:
    """Case-folded, whitespace-collapsed text for matching.

    >>> normalise("  Hälsa   OCH välbefinnande ")
    'hälsa och välbefinnande'
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def quoted(text: str, width: int = 60) -> str:
    """``text`` as a message shows it: quoted, escaped, and cut when long.

    >>> quoted("a" * 100, 10)
    "'aaaaaaaaa…'"
    """
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def curie(iri: object) -> str:
    """``iri`` as a CURIE when a goal or insats prefix covers it (``sdg:3``), else the IRI.

    >>> curie(URIRef("http://metadata.un.org/sdg/3"))
    'sdg:3'
    """
    text = str(iri)
    for prefix in (*GOAL_PREFIXES, "insats", "region"):
        namespace = str(PREFIXES[prefix])
        if text.startswith(namespace) and "/" not in text[len(namespace):]:
            return f"{prefix}:{text[len(namespace):]}"
    return text


Allowed = Callable[[URIRef], bool]


class _Index:
    """Labels of one kind of thing: IRI → display label, and normalised text → IRIs."""

    def __init__(self, what: str, lang: str = "en") -> None:
        self.what = what
        self.lang = lang
        self.display: dict[URIRef, str] = {}
        self.texts: dict[str, set[URIRef]] = defaultdict(set)
        self.notations: dict[str, set[URIRef]] = defaultdict(set)

    def add(self, iri: URIRef, display: str, text: str, notation: bool = False) -> None:
        self.display.setdefault(iri, display)
        (self.notations if notation else self.texts)[normalise(text)].add(iri)

    def order(self, iri: URIRef) -> tuple[object, ...]:
        """The sort key of candidates."""
        return (str(iri),)

    def describe(self, iri: URIRef) -> str:
        """How a candidate of an ambiguous match is shown."""
        return self.display.get(iri, str(iri))

    def breakdown(self, iris: Iterable[URIRef]) -> str:
        """What the matches are, for an ambiguity message (nothing here; goals say their schemes)."""
        return ""

    def message(self, key: str, **values: object) -> str:
        """The message ``lookup.<key>`` about this kind of thing, in this index's language."""
        return message(f"lookup.{key}", self.lang, **NOUNS[self.what][self.lang], **values)

    def exact_wins(self, exact: URIRef, containing: set[URIRef]) -> bool:
        """Whether a label equal to the text beats labels that contain it."""
        return True

    def candidates(self, iris: Iterable[URIRef], limit: int = 10,
                   first: Iterable[URIRef] = ()) -> list[tuple[str, str]]:
        """(IRI, description) of ``iris`` in order, those in ``first`` before the others."""
        before = set(first)
        ranked = sorted(iris, key=lambda i: (i not in before, self.order(i)))
        return [(str(i), self.describe(i)) for i in ranked[:limit]]

    def closest(self, text: str, allowed: Allowed | None = None, limit: int = 5) -> list[tuple[str, str]]:
        """Things whose label, or a word of it, is closest to ``text`` (for "did you mean")."""
        wanted = normalise(text)[:_LONGEST_MATCHED]
        keep = allowed or (lambda iri: True)
        texts = {label: {i for i in iris if keep(i)} for label, iris in self.texts.items()}
        found: list[URIRef] = []
        for match in difflib.get_close_matches(wanted, [t for t, iris in texts.items() if iris], n=limit, cutoff=0.6):
            found.extend(i for i in sorted(texts[match]) if i not in found)
        by_word: dict[str, set[URIRef]] = defaultdict(set)
        for label, iris in texts.items():
            for word in label.split():
                by_word[word.strip(".,:;()")] |= iris
        for word in wanted.split()[:20]:
            for match in difflib.get_close_matches(word, list(by_word), n=limit, cutoff=0.75):
                found.extend(i for i in sorted(by_word[match]) if i not in found)
        return [(str(i), self.display.get(i, str(i))) for i in found[:limit]]

    def find(self, text: str, allowed: Allowed | None = None) -> URIRef:
        """The one IRI whose label equals or contains ``text``; otherwise LookupFailedError.

        ``allowed`` narrows the things considered.
        """
        wanted = normalise(text)
        if not wanted:
            raise LookupFailedError(self.message("none_given"))
        keep = allowed or (lambda iri: True)
        notations = {i for i in self.notations.get(wanted, set()) if keep(i)}
        if len(notations) == 1:
            return next(iter(notations))
        if notations:
            preferred = {i for i in notations if str(i).startswith(_NOTATION_PREFERENCE[0])}
            if len(preferred) == 1:
                return next(iter(preferred))
            raise LookupFailedError(self.message("several", text=quoted(text), breakdown=self.breakdown(notations)),
                                    self.candidates(notations))
        exact = {i for i in self.texts.get(wanted, set()) if keep(i)}
        containing = {i for label, iris in self.texts.items() if wanted in label for i in iris if keep(i)}
        if len(exact) == 1 and self.exact_wins(next(iter(exact)), containing):
            return next(iter(exact))
        if len(exact) > 1:
            raise LookupFailedError(self.message("several", text=quoted(text), breakdown=self.breakdown(exact)),
                                    self.candidates(exact))
        if len(containing) == 1:
            return next(iter(containing))
        if containing:
            shown = self.candidates(containing, first=exact)
            first = self.message("first", n=len(shown)) if len(shown) < len(containing) else ""
            raise LookupFailedError(self.message("many", text=quoted(text), n=len(containing),
                                                 breakdown=self.breakdown(containing), first=first), shown)
        closest = self.closest(text, allowed)
        hint = self.message("closest") if closest else ""
        raise LookupFailedError(self.message("unknown", text=quoted(text)) + hint, closest)


class GoalIndex(_Index):
    """Goals, with the scheme of each and, for a region's own goals, the region."""

    def __init__(self, lang: str = "en") -> None:
        super().__init__("goal", lang)
        self.scheme: dict[URIRef, str] = {}
        self.region: dict[URIRef, URIRef] = {}
        self.region_name: dict[URIRef, str] = {}

    def group(self, iri: URIRef) -> tuple[str, str]:
        return self.scheme.get(iri, "other"), self.region_name.get(iri, "")

    def order(self, iri: URIRef) -> tuple[object, ...]:
        scheme, region = self.group(iri)
        rank = GOAL_SCHEMES.index(scheme) if scheme in GOAL_SCHEMES else len(GOAL_SCHEMES)
        return rank, swedish_sort_key(region), _natural(str(iri))

    def describe(self, iri: URIRef) -> str:
        scheme, region = self.group(iri)
        label = self.display.get(iri, str(iri))
        label = label if len(label) <= _SHOWN else label[: _SHOWN - 1].rstrip() + "…"
        return f"{label} ({scheme}{', ' + region if region else ''})"

    def breakdown(self, iris: Iterable[URIRef]) -> str:
        """`` (eruf 1, national 1, rus 10 in 6 regions)``: how many matches per scheme."""
        found = sorted(set(iris), key=self.order)
        schemes = Counter(self.scheme.get(i, "other") for i in found)
        regions = len({self.region_name.get(i) for i in found if self.scheme.get(i) == "rus"})
        parts = [message("lookup.in_regions", self.lang, scheme=scheme, n=n, regions=regions)
                 if scheme == "rus" and regions > 1 else f"{scheme} {n}" for scheme, n in schemes.items()]
        return f" ({', '.join(parts)})"

    def exact_wins(self, exact: URIRef, containing: set[URIRef]) -> bool:
        """The exact name of a reference goal (SDG, national strategy, ERUF) means that goal; a
        region's goal wins only when no goal of another scheme or region contains the words."""
        if self.scheme.get(exact) != "rus":
            return True
        return all(self.group(i) == self.group(exact) for i in containing)

    def allowed(self, scheme: str | None = None, region: URIRef | None = None) -> Allowed | None:
        """Goals of ``scheme``, and of ``region`` when they are a region's own; None when both are None."""
        if scheme is None and region is None:
            return None

        def keep(iri: URIRef) -> bool:
            in_scheme = scheme is None or self.scheme.get(iri) == scheme
            in_region = region is None or self.region.get(iri, region) == region
            return in_scheme and in_region

        return keep


def _expand_curie(text: str, prefixes: Iterable[str], lang: str = "en") -> URIRef | None:
    stripped = text.strip()
    if stripped.startswith("<") and stripped.endswith(">"):
        stripped = stripped[1:-1]
    if stripped.startswith(("http://", "https://")):
        iri = stripped
    else:
        prefix, colon, local = stripped.partition(":")
        if not (colon and prefix in prefixes and local and " " not in local):
            return None
        iri = str(PREFIXES[prefix]) + local
    if _NOT_IN_AN_IRI.search(iri):
        raise LookupFailedError(message("lookup.not_an_iri", lang, text=quoted(text)))
    return URIRef(iri)


def _by_iri(index: _Index, text: str, prefixes: Iterable[str]) -> URIRef | None:
    """The IRI ``text`` names (as an IRI or CURIE) if it is in ``index``; None if ``text`` is no IRI."""
    iri = _expand_curie(text, prefixes, index.lang)
    if iri is None:
        return None
    if iri in index.display:
        return iri
    closest = index.closest(str(iri).rsplit("/", 1)[-1])
    hint = index.message("closest") if closest else ""
    raise LookupFailedError(index.message("not_in_graph", text=quoted(text)) + hint, closest)


def _schemes(store: GraphStore, goal: URIRef | None) -> list[Row]:
    """Rows of ``goal_schemes.rq``: of every goal, or of ``goal`` alone (read by triple pattern)."""
    if goal is None:
        return select_values(store, "goal_schemes")
    region = store.value(goal, MG.region)
    name = store.value(region, MG.shortName) if region is not None else None
    return [{"goalIri": str(goal), "schemeIri": str(scheme), "regionIri": region, "regionName": name}
            for scheme in store.objects(goal, SKOS.inScheme)]


def goal_index(store: GraphStore, lang: str = "en", goal: URIRef | None = None) -> GoalIndex:
    """All goals (or only ``goal``) with their labels, notations, schemes and regions; messages in ``lang``."""
    index = GoalIndex(lang)
    for row in select_values(store, "goal_labels", {"goal": goal} if goal is not None else None):
        iri = row["goal"]
        assert isinstance(iri, URIRef)
        index.add(iri, str(row["prefLabel"] or iri), str(row["text"]), notation=str(row["kind"]) == "notation")
    goals = {str(iri): iri for iri in index.display}
    names: dict[str, str] = {}
    for row in _schemes(store, goal):
        iri = goals.get(str(row["goalIri"]))
        if iri is None:
            continue
        scheme = str(row["schemeIri"])
        if scheme not in names:
            names[scheme] = scheme_name(scheme)
        index.scheme.setdefault(iri, names[scheme])
        if row["regionIri"] is not None:
            index.region[iri] = URIRef(str(row["regionIri"]))
            index.region_name[iri] = str(row["regionName"] or row["regionIri"])
    return index


def resolve_goal(store: GraphStore, text: str, index: GoalIndex | None = None, *, scheme: str | None = None,
                 region: URIRef | None = None, lang: str = "en") -> URIRef:
    """The goal meant by ``text``: an IRI, a CURIE (``sdg:3.4``), a notation (``RSO1.3``) or words.

    A bare notation shared by an SDG target and another scheme resolves to the SDG target. Words
    that are the name of a reference goal (SDG, national strategy, ERUF) mean it; words that match
    goals of several schemes or regions list them. ``scheme`` (one of ``GOAL_SCHEMES``) keeps only
    that scheme's goals, ``region`` drops other regions' own goals. Messages are in ``lang``.
    """
    if scheme is not None and scheme not in GOAL_SCHEMES:
        raise LookupFailedError(message("lookup.no_scheme", lang, text=quoted(scheme), schemes=", ".join(GOAL_SCHEMES)))
    iri = _expand_curie(text, GOAL_PREFIXES, lang)
    if iri is not None and index is None:  # an IRI needs only its own labels, unless it is not a goal
        one = goal_index(store, lang, iri)
        index = one if iri in one.display else None
    index = index or goal_index(store, lang)
    found = _by_iri(index, text, GOAL_PREFIXES)
    if found is not None:
        if scheme is not None and index.scheme.get(found) != scheme:
            raise LookupFailedError(message("lookup.wrong_scheme", lang, goal=curie(found), wanted=scheme,
                                            scheme=index.scheme.get(found, "?")))
        return found
    return index.find(text, index.allowed(scheme, region))


def resolve_insats(store: GraphStore, text: str, lang: str = "en") -> URIRef:
    """The insats meant by ``text``: its IRI, ``insats:<id>``, its id, or words of its name.

    Messages are in ``lang``.
    """
    index = _Index("insats", lang)
    for row in select(store, "insats_labels"):
        insats = row["insats"]
        assert isinstance(insats, URIRef)
        name = str(row["name"] or "")
        display = message("lookup.insats", lang, name=name, region=row["regionName"], year=row["year"],
                          section=row["section"])
        index.add(insats, display, name)
        index.add(insats, display, str(insats)[len(str(INSATS)):], notation=True)
    return _by_iri(index, text, ("insats",)) or index.find(text)


def resolve_region(store: GraphStore, text: str, lang: str = "en") -> URIRef:
    """The region meant by ``text``: länskod (``10``), NUTS code, short or official name, or IRI.

    Messages are in ``lang``.
    """
    index = _Index("region", lang)
    for row in select(store, "region_labels"):
        region = row["region"]
        assert isinstance(region, URIRef)
        index.add(region, str(row["shortName"]), str(row["text"]), notation=True)
    found = _by_iri(index, text, ("region",))
    if found is not None:
        return found
    wanted = normalise(text)
    exact = index.notations.get(wanted, set())
    if len(exact) == 1:
        return next(iter(exact))
    index.texts.update(index.notations)
    index.notations = defaultdict(set)
    return index.find(text)
