"""Resolve a goal statement to the reference vocabularies: SDG goals and targets, ERUF objectives and programmes.

The labels come from the shipped ``data/reference`` files (``sdg-sv.ttl``, ``sdg-kos.ttl``, ``eruf.ttl``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from malgraf.resources import REFERENCE_DIRECTORY


@dataclass(frozen=True)
class ReferenceLabels:
    """Labels from the shipped reference files that the parser resolves statements against."""

    sdg_labels: dict[int, tuple[str, ...]]
    sdg_targets: frozenset[str]
    eruf_labels: dict[str, tuple[str, ...]]
    eruf_notations: dict[str, str]
    eruf_broader: dict[str, str] = field(default_factory=dict)
    """A programme part (``programme-nationellt-react-eu``) → the programme it belongs to."""
    eruf_periods: dict[str, str] = field(default_factory=dict)
    """A programme → its programme period (``2014–2020``), from its prefLabel or its programme's."""


@cache
def reference_labels() -> ReferenceLabels:
    """Read SDG and ERUF labels from ``data/reference`` (once)."""
    sdg = Graph().parse(REFERENCE_DIRECTORY / "sdg-sv.ttl")
    targets = ox.parse(path=str(REFERENCE_DIRECTORY / "sdg-kos.ttl"), format=ox.RdfFormat.TURTLE)
    labels: dict[int, list[str]] = defaultdict(list)
    for subject, _, label in sdg.triples((None, SKOS.prefLabel, None)):
        number = str(subject).rsplit("/", 1)[-1]
        if number.isdigit():
            labels[int(number)].append(_fold(str(label)))
    for subject, _, label in sdg.triples((None, SKOS.altLabel, None)):
        labels[int(str(subject).rsplit("/", 1)[-1])].append(_fold(str(label)))
    target_numbers = frozenset(
        triple.subject.value.rsplit("/", 1)[-1] for triple in targets
        if triple.predicate.value == str(SKOS.broader)
        and re.fullmatch(r"\d+\.\w+", triple.subject.value.rsplit("/", 1)[-1])
    )
    eruf = Graph().parse(REFERENCE_DIRECTORY / "eruf.ttl")
    eruf_labels: dict[str, list[str]] = defaultdict(list)
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
        for subject, _, label in eruf.triples((None, predicate, None)):
            eruf_labels["eruf:" + str(subject).rsplit("/", 1)[-1]].append(_fold(str(label)))
    notations = {str(o).upper(): "eruf:" + str(s).rsplit("/", 1)[-1]
                 for s, _, o in eruf.triples((None, SKOS.notation, None))}
    programmes = {_curie(s) for s in eruf.subjects(SKOS.inScheme, ERUF_PROGRAMMES)}
    broader = {_curie(s): _curie(o) for s, _, o in eruf.triples((None, SKOS.broader, None))
               if _curie(s) in programmes}
    periods: dict[str, str] = {}
    for subject, _, label in eruf.triples((None, SKOS.prefLabel, None)):
        period = re.search(r"(20\d\d)\s*[–-]\s*(20\d\d)\s*$", str(label))
        if _curie(subject) in programmes and period:
            periods[_curie(subject)] = f"{period.group(1)}–{period.group(2)}"
    for part, whole in broader.items():
        if part not in periods and whole in periods:
            periods[part] = periods[whole]
    return ReferenceLabels(
        {n: tuple(v) for n, v in labels.items()}, target_numbers,
        {k: tuple(v) for k, v in eruf_labels.items()}, notations, broader, periods,
    )


ERUF_PROGRAMMES = URIRef("https://w3id.org/malgraf/id/eruf/programmes")


def _curie(node: object) -> str:
    return "eruf:" + str(node).rsplit("/", 1)[-1]


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("–", "-").split()).strip(" .,;:")


_SDG_LINE = re.compile(r"^(?:(?:mål|nr|sdg|agenda\s*2030-?mål)\s*)?(\d{1,2})\s*[.:)]?\s*([^\d\s].*)?$", re.I)
_SDG_TARGET = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2}|[a-c])(?![\d.])")
_SDG_INLINE = re.compile(r"(?:agenda\s*20(?:30|23)[\s-]*(?:mål)?|globala\s+mål(?:en)?|sdg)\s*(?:nr\s*)?"
                         r"((?:\d{1,2})(?:\s*(?:,|och|&|samt)\s*\d{1,2})*)", re.I)


def sdg_for_label(text: str) -> int | None:
    """The SDG whose Swedish name ``text`` starts like (``God hälsa och …`` → 3)."""
    folded = _fold(text)
    if len(folded) < 4:
        return None
    for number, labels in reference_labels().sdg_labels.items():
        for label in labels:
            if folded.startswith(label) or (len(folded) >= 10 and label.startswith(folded)):
                return number
    return None


def sdg_line(text: str, in_agenda_block: bool) -> tuple[str, int] | None:
    """Read one line as an SDG reference: ``3 God hälsa …``, ``Mål 8``, ``Nr 3: …``, ``8.3``.

    Returns (goal CURIE, number of characters used). Outside an Agenda 2030 block a number only
    counts when the words after it are that SDG's name, so page numbers and ERUF codes are not SDGs.
    """
    stripped = text.strip().lstrip("•-").strip()
    target = _SDG_TARGET.match(stripped)
    if target and in_agenda_block:
        code = f"{int(target.group(1))}.{target.group(2)}"
        if code in reference_labels().sdg_targets:
            return f"sdg:{code}", len(stripped)
    line = _SDG_LINE.match(stripped)
    if not line:
        return None
    number = int(line.group(1))
    if not 1 <= number <= 17:
        return None
    words = (line.group(2) or "").strip()
    named = sdg_for_label(words) if words else None
    if named == number:
        return f"sdg:{number}", len(stripped)
    prefixed = bool(re.match(r"^(mål|nr|sdg|agenda)", stripped, re.I))
    if in_agenda_block and (prefixed or not words):
        return f"sdg:{number}", len(stripped)
    return None


def inline_sdgs(text: str) -> list[str]:
    """SDGs named inline: ``Agenda 2030-mål 5``, ``globala målen 8 och 9``."""
    found: list[str] = []
    for match in _SDG_INLINE.finditer(text):
        for number in re.findall(r"\d{1,2}", match.group(1)):
            if 1 <= int(number) <= 17 and f"sdg:{int(number)}" not in found:
                found.append(f"sdg:{int(number)}")
    return found


_ERUF_CODE = re.compile(
    r"\b(?:RSO\s?(\d)\.(\d)|PO\s?(\d)(?:\.(\d))?|(?:specifikt|särskilt)\s+mål\s*(\d)\.(\d)|"
    r"(?:politiskt\s+mål|mål)\s+(\d)\s*:)",
    re.I,
)


def eruf_goals(text: str, in_eruf_block: bool) -> list[str]:
    """ERUF objectives and programmes named in ``text`` (codes, names of objectives, programmes)."""
    reference = reference_labels()
    notations = reference.eruf_notations
    found: list[str] = []

    def add(curie: str | None) -> None:
        if curie and curie not in found:
            found.append(curie)

    for match in _ERUF_CODE.finditer(text):
        rso_a, rso_b, po, po_sub, so_a, so_b, po_named = match.groups()
        if rso_a:
            add(notations.get(f"RSO{rso_a}.{rso_b}"))
        elif po:
            add(notations.get(f"RSO{po}.{po_sub}") if po_sub else notations.get(f"PO{po}"))
        elif so_a:
            add(notations.get(f"RSO{so_a}.{so_b}"))
        elif po_named and in_eruf_block:
            add(notations.get(f"PO{po_named}"))
    if in_eruf_block and not found:
        for a, b in re.findall(r"(?<![\d.:])([1-5])[.:](\d)(?![\d.:])", text):
            add(notations.get(f"RSO{a}.{b}"))
    for curie in _named_programmes_and_objectives(text, found):
        add(curie)
    if any(not curie.startswith("eruf:programme-") for curie in found):
        # ``… målet Ett smartare Europa i regionalfondsprogrammet för Östra Mellansverige``: the
        # objective is the goal, the programme only where it is pursued.
        found = [curie for curie in found if not _REGIONAL_PROGRAMME.match(curie)]
    return found


_REGIONAL_PROGRAMME = re.compile(r"eruf:programme-(?!.*react)(?!jtf)(?!interreg)")
"""A Regional Fund programme: not a part of one (React-EU), not the JTF, not an Interreg programme."""


def _words(text: str) -> str:
    """``text`` as its words, lower case, one space between and around them: punctuation, dashes and
    line-break hyphens aside (``Nationella ERUF-programmet, React–EU`` ~ ``nationella eruf programmet react eu``)."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _named_programmes_and_objectives(text: str, found: list[str]) -> list[str]:
    """The ERUF concepts whose labels ``text`` contains as whole words, in the order of ``eruf.ttl``.

    A label inside a longer label found (``Norra Mellansverige`` in ``ERUF Norra Mellansverige
    2014–2020``) does not count. A label that several programmes carry (``Nationella
    regionalfondsprogrammet``, the 2014–2020 and the 2021–2027 programme) names the one that a
    part found in the text belongs to (``… React-EU``), else the one whose period the text writes,
    else the later one. A programme is not named besides a part of it that the text names.
    """
    reference = reference_labels()
    words = _words(text)
    spans: list[tuple[int, int, str]] = []
    for curie, labels in reference.eruf_labels.items():
        for label in labels:
            key = _words(label)
            if len(key) < 10:  # eight letters or more, as before: not "PO1", "ÖKS", "STEP"
                continue
            start = words.find(key)
            while start >= 0:
                spans.append((start, start + len(key), curie))
                start = words.find(key, start + 1)
    kept = [(start, end, curie) for start, end, curie in spans
            if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)]
    by_span: dict[tuple[int, int], list[str]] = defaultdict(list)
    for start, end, curie in kept:
        if curie not in by_span[(start, end)]:
            by_span[(start, end)].append(curie)
    named = {curies[0] for curies in by_span.values() if len(curies) == 1} | set(found)
    for curies in (c for c in by_span.values() if len(c) > 1):
        parts = [c for c in curies if any(reference.eruf_broader.get(n) == c for n in named)]
        written = [c for c in curies if reference.eruf_periods.get(c, "-").replace("–", " ") in words]
        latest = sorted(curies, key=lambda c: reference.eruf_periods.get(c, ""))[-1:]
        named.update(parts or written or latest)
    named -= {reference.eruf_broader[c] for c in named if c in reference.eruf_broader}
    return [curie for curie in reference.eruf_labels if curie in named and curie not in found]
