"""Findings a person can act on: which insats, in which region, on which source lines, and what it stated."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.term import Identifier, Node

from malgraf.graph import native_store
from malgraf.namespaces import DCTERMS, MG, PREFIXES, SKOS
from malgraf.terms import to_oxigraph
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


def explain(dataset: Dataset, found: Iterable[Key], known: Iterable[Rule]) -> list[Finding]:
    """Findings for the keys in ``found``, with where each is, sorted by region, rule and source line.

    An insats whose goals could not be resolved gets what it stated, and where, from ``dataset``.
    """
    by_id = {rule.id: rule for rule in known}
    found = list(found)
    places = describe(dataset, (focus for _, focus, _ in found))
    findings = []
    for rule_id, focus, value in found:
        unresolved = unresolved_statements(dataset, focus) if rule_id in _STATES_WHAT else []
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


_NAME = (ox.NamedNode(DCTERMS.title), ox.NamedNode(SKOS.prefLabel))
_REGION, _LANSKOD, _SHORT_NAME = ox.NamedNode(MG.region), ox.NamedNode(MG.lanskod), ox.NamedNode(MG.shortName)
_FIRST_LINE, _LAST_LINE = ox.NamedNode(MG.sourceFirstLine), ox.NamedNode(MG.sourceLastLine)
_GOAL_LINK, _GOAL, _STATEMENT = ox.NamedNode(MG.goalLink), ox.NamedNode(MG.goal), ox.NamedNode(MG.statement)
Term = ox.NamedNode | ox.BlankNode | ox.Literal


def describe(dataset: Dataset, foci: Iterable[Identifier]) -> dict[Identifier, Place]:
    """Where each focus node is, looked up node by node in the store's subject index.

    A report names far fewer nodes than the graph holds (11 000 of 100 000 insatser in the benchmark);
    a few lookups each cost less than a query that decodes every insats's name (docs/validate.md).
    Of several names the Swedish one is shown, of several regions the lowest länskod.
    """
    store = native_store(dataset)
    regions: dict[Term, tuple[str, str]] = {}

    def region(node: Term) -> tuple[str, str]:
        if node not in regions:
            found = _properties(store, node, (_LANSKOD, _SHORT_NAME))
            regions[node] = (_text(found.get(_LANSKOD)), _text(found.get(_SHORT_NAME)))
        return regions[node]

    places = {}
    for focus in set(foci):
        found = _properties(store, _node(focus), (*_NAME, _REGION, _FIRST_LINE, _LAST_LINE))
        lanskod, region_name = min((region(r) for r in found.get(_REGION, [])), default=("", ""),
                                   key=lambda r: r[0] or "~")
        names = [name for predicate in _NAME for name in found.get(predicate, [])]
        places[focus] = Place(_text(names), lanskod, region_name,
                              _number(found.get(_FIRST_LINE)), _number(found.get(_LAST_LINE)))
    return places


def unresolved_statements(dataset: Dataset, focus: Identifier) -> list[Statement]:
    """What ``focus`` stated as goals that could not be resolved: goal links without a goal."""
    store = native_store(dataset)
    stated = []
    for link in _properties(store, _node(focus), (_GOAL_LINK,)).get(_GOAL_LINK, []):
        found = _properties(store, link, (_GOAL, _STATEMENT, _FIRST_LINE, _LAST_LINE))
        if _GOAL not in found:
            stated.append(Statement(_text(found.get(_STATEMENT)), _number(found.get(_FIRST_LINE)),
                                    _number(found.get(_LAST_LINE))))
    return sorted(stated, key=lambda s: (s.first_line if s.first_line is not None else 1 << 62, s.text))


def _node(term: Identifier) -> ox.NamedNode | ox.BlankNode:
    node = to_oxigraph(term)
    assert isinstance(node, ox.NamedNode | ox.BlankNode)
    return node


def _properties(store: ox.Store, subject: Term, predicates: Iterable[ox.NamedNode]) -> dict[ox.NamedNode, list[Term]]:
    """The values of ``predicates`` on ``subject`` in any graph, each once.

    One lookup per predicate: asking for all of an insats's properties would decode its long texts.
    """
    found: dict[ox.NamedNode, list[Term]] = {}
    if isinstance(subject, ox.Literal):
        return found
    for predicate in predicates:
        for quad in store.quads_for_pattern(subject, predicate, None):
            values = found.setdefault(predicate, [])
            if quad.object not in values:
                values.append(quad.object)  # type: ignore[arg-type]
    return found


def _text(values: list[Term] | None) -> str:
    """The text of the Swedish value, else the first by text; empty when there is none."""
    literals = sorted((value for value in values or [] if isinstance(value, ox.Literal)),
                      key=lambda literal: (literal.language != "sv", literal.value))
    return literals[0].value if literals else ""


def _number(values: list[Term] | None) -> int | None:
    for value in values or []:
        if isinstance(value, ox.Literal) and value.value.lstrip("-").isdigit():
            return int(value.value)
    return None
