"""Findings a person can act on: which insats, in which region, on which source lines, and what it stated."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Identifier, Node

from malgraf.namespaces import PREFIXES
from malgraf.resources import load_query
from malgraf.store import GraphStore, Row
from malgraf.validate.rules import Key, Rule


@dataclass(frozen=True)
class Finding:
    """One thing to fix: the rule, the insats (or goal), where it is and what is wrong."""

    rule: Rule
    focus: Identifier
    value: Identifier | None
    place: Place
    unresolved: tuple[Statement, ...] = ()
    """For an insats whose goals could not be resolved: what it stated, and where."""

    @property
    def severity(self) -> str:
        return self.rule.severity

    @property
    def key(self) -> Key:
        return (self.rule.id, self.focus, self.value)

    def message(self, lang: str = "sv") -> str:
        return self.rule.message[lang].replace("{?value}", show(self.value))

    def fix(self, lang: str = "sv") -> str:
        return self.rule.fix[lang]


@dataclass(frozen=True)
class Place:
    """Where a focus node is: its name, region (länskod and short name) and source lines."""

    name: str = ""
    lanskod: str = ""
    region_name: str = ""
    first_line: int | None = None
    last_line: int | None = None

    @property
    def lines(self) -> str:
        """The source lines as ``first–last`` (or one number), empty when unknown."""
        return _lines(self.first_line, self.last_line)


@dataclass(frozen=True)
class Statement:
    """Words a source stated as a goal, and the lines they stand on."""

    text: str
    first_line: int | None
    last_line: int | None

    @property
    def lines(self) -> str:
        return _lines(self.first_line, self.last_line)


def _lines(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    if last is None or last == first:
        return str(first)
    return f"{first}–{last}"


def show(term: Node | None) -> str:
    """A term as a person reads it: a CURIE when a malgraf prefix fits, a literal as its text.

    >>> show(URIRef("http://metadata.un.org/sdg/9.2"))
    'sdg:9.2'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            local = term[len(namespace):]
            if term.startswith(namespace) and local and "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
        return str(term)
    return str(term)


def explain(store: GraphStore, found: Iterable[Key], known: Iterable[Rule]) -> list[Finding]:
    """Findings for the keys in ``found``, with where each is, sorted by region, rule and source line.

    An insats whose goals could not be resolved gets what it stated, and where, from ``store``.
    """
    by_id = {rule.id: rule for rule in known}
    found = list(found)
    places = describe(store, (focus for _, focus, _ in found))
    findings = []
    for rule_id, focus, value in found:
        unresolved = unresolved_statements(store, focus) if rule_id in _STATES_WHAT else []
        if rule_id == "goal-statement-unresolved":
            unresolved = [statement for statement in unresolved if statement.text == show(value)]
        findings.append(Finding(by_id[rule_id], focus, value, places[focus], tuple(unresolved)))
    return sorted(findings, key=_report_order)


_STATES_WHAT = ("insats-goal-unresolved", "goal-statement-unresolved")
"""Rules whose findings show what the insats stated, and where."""


def _report_order(finding: Finding) -> tuple[str, int, str, int, str, str]:
    return (finding.place.lanskod or "~", finding.rule.order, finding.rule.id,
            finding.place.first_line if finding.place.first_line is not None else 1 << 62,
            str(finding.focus), show(finding.value))


PLACE_BATCH = 500
"""Foci described per query: a ``VALUES`` table of this many IRIs is some 40 kB of query text."""


def describe(store: GraphStore, foci: Iterable[Identifier]) -> dict[Identifier, Place]:
    """Where each focus node is: ``focus_places.rq`` with the foci bound, a batch at a time.

    A report names far fewer nodes than the graph holds (11 000 of 100 000 insatser in the benchmark);
    binding them costs less than a query that decodes every insats's name (docs/validate.md).
    Of several names the Swedish one is shown, of several regions the lowest länskod. A focus that is
    not an IRI (no insats or goal is) has no place.
    """
    foci = set(foci)
    iris = sorted(focus for focus in foci if isinstance(focus, URIRef))
    found: dict[Identifier, list[Row]] = {}
    for start in range(0, len(iris), PLACE_BATCH):
        batch = [{"focus": focus} for focus in iris[start:start + PLACE_BATCH]]
        for row in store.select(load_query("focus_places"), batch):
            found.setdefault(row["focus"], []).append(row)  # type: ignore[arg-type]
    places = {}
    for focus in foci:
        rows = found.get(focus, [])
        regions = {(str(row["lanskod"] or ""), str(row["regionName"] or "")) for row in rows
                   if row["region"] is not None}
        lanskod, region_name = min(regions, default=("", ""), key=lambda region: region[0] or "~")
        places[focus] = Place(_text(row["name"] for row in rows), lanskod, region_name,
                              _number(row["firstLine"] for row in rows), _number(row["lastLine"] for row in rows))
    return places


def unresolved_statements(store: GraphStore, focus: Identifier) -> list[Statement]:
    """What ``focus`` stated as goals that could not be resolved: goal links without a goal."""
    if not isinstance(focus, URIRef):
        return []
    links: dict[object, list[Row]] = {}
    for row in store.select(load_query("focus_unresolved"), {"focus": focus}):
        links.setdefault(row["link"], []).append(row)
    stated = [Statement(_text(row["statement"] for row in rows), _number(row["firstLine"] for row in rows),
                        _number(row["lastLine"] for row in rows)) for rows in links.values()]
    return sorted(stated, key=lambda s: (s.first_line if s.first_line is not None else 1 << 62, s.text))


def _text(values: Iterable[object]) -> str:
    """The text of the Swedish value, else the first by text; empty when there is none."""
    literals = sorted({value for value in values if isinstance(value, Literal)},
                      key=lambda literal: (literal.language != "sv", str(literal)))
    return str(literals[0]) if literals else ""


def _number(values: Iterable[object]) -> int | None:
    for value in values:
        if isinstance(value, Literal) and str(value).lstrip("-").isdigit():
            return int(str(value))
    return None
