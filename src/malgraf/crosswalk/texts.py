"""What the crosswalk matches: the texts of the sources (regional goals, insatser that state no goal)
and of the candidate goals of each target scheme, read from the graph by fixed queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from malgraf.namespaces import XSD
from malgraf.resources import load_query
from malgraf.store.base import GraphStore, Row

TARGET_SCHEMES = ("national", "sdg-goal", "sdg-target", "eruf")
"""The target schemes a source is ranked against, as ``crosswalk_targets.rq`` names them: the national
strategy's priorities and basic preconditions, the 17 SDGs, their 169 targets, ERUF's specific objectives."""


@dataclass
class Text:
    """One side of a match: a node, its label (shown), and the texts a method reads (the label first)."""

    iri: URIRef
    label: str
    parts: list[str] = field(default_factory=list)
    region: URIRef | None = None
    region_name: str = ""
    notation: str = ""
    context: str = ""
    """Shown beside the label: the goal above a source, the area above a priority."""

    @property
    def text(self) -> str:
        return ". ".join(self.parts)


def _add(parts: list[str], value: object) -> None:
    text = " ".join(str(value).split()) if value is not None else ""
    if text and text.casefold() not in {part.casefold() for part in parts}:
        parts.append(text)


def _texts(rows: Iterable[Row], key: str, columns: tuple[str, ...]) -> dict[URIRef, Text]:
    texts: dict[URIRef, Text] = {}
    for row in rows:
        iri = URIRef(str(row[key]))
        text = texts.get(iri)
        if text is None:
            text = texts[iri] = Text(iri, str(row.get("label") or row.get("name") or iri))
        for column in columns:
            _add(text.parts, row.get(column))
        _note_context(text, row)
    return texts


def _note_context(text: Text, row: Row) -> None:
    """Keep the region, notation and the goal above from a row."""
    if row.get("region") is not None:
        text.region, text.region_name = URIRef(str(row["region"])), str(row["regionName"])
    if row.get("notation") is not None and not text.notation:
        text.notation = str(row["notation"])
    context = row.get("broaderLabel")
    if context is not None and not text.context:
        text.context = str(context)


def regional_goals(store: GraphStore, region: URIRef | None = None) -> list[Text]:
    """The regional goals (of ``region``, else of every region): label, other wordings, the goal above."""
    rows = store.select_values(load_query("crosswalk_sources"), {"region": region} if region is not None else None)
    texts = _texts(rows, "goal", ("label", "wording", "broaderLabel"))
    return sorted(texts.values(), key=lambda t: str(t.iri))


def goalless_insatser(store: GraphStore, region: URIRef | None = None, year: int | None = None) -> list[Text]:
    """Insatser that state no goal: name, description, outputs and effects."""
    bindings = {name: value for name, value in (
        ("region", region), ("year", Literal(str(year), datatype=XSD.gYear) if year is not None else None))
        if value is not None}
    rows = store.select_values(load_query("crosswalk_insatser"), bindings or None)
    texts = _texts(rows, "insats", ("name", "description", "outputs", "effects"))
    return sorted(texts.values(), key=lambda t: str(t.iri))


def target_goals(store: GraphStore, *, notes: bool = True) -> dict[str, list[Text]]:
    """The candidate goals of each target scheme (``TARGET_SCHEMES``), with their texts (and scope
    notes, unless ``notes`` is false: ``benchmarks/crosswalk.py`` measures both)."""
    rows = store.select_values(load_query("crosswalk_targets"))
    by_scheme: dict[str, list[Row]] = {scheme: [] for scheme in TARGET_SCHEMES}
    for row in rows:
        by_scheme[str(row["target"])].append(row)
    found = {}
    for scheme, scheme_rows in by_scheme.items():
        texts = _texts(scheme_rows, "goal", ("label", "text", "broaderLabel", "note") if notes else
                       ("label", "text", "broaderLabel"))
        found[scheme] = sorted(texts.values(), key=lambda t: str(t.iri))
    return found


def decided_pairs(store: GraphStore) -> set[tuple[str, str]]:
    """(source, target) pairs a link joins or a person decided: never suggested again."""
    return {(str(row["source"]), str(row["target"])) for row in store.select_values(load_query("crosswalk_decided"))}
