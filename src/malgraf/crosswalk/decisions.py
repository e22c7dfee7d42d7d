"""The crosswalk's decisions file: which links between goals (or from an insats to a goal) a person
accepted or rejected, and which a method suggested and nobody has decided yet.

One CSV file, one row per (source, target): ``DECISION_COLUMNS``. ``malgraf crosswalk accept``
writes it, ``malgraf build`` reads it into ``graph/crosswalk``: an accepted row becomes
``mg:contributesTo`` with its ``mg:GoalLink`` (``mg:Accepted``, main or contributing, who and when
in PROV-O); a rejected row only a link under ``mg:rejectedLink``, so that the suggestion is not
made again; a suggested row ``mg:mayContributeTo``, which the questions read only when asked to.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import quote

from rdflib import Literal, URIRef

from malgraf.errors import InputError
from malgraf.files import write_text_atomically
from malgraf.importers.csvfile import CsvRow, read_csv
from malgraf.importers.goal_iris import expand_goal
from malgraf.namespaces import ID, INSATS, MG, PROV, RDF, RDFS, SOURCE, XSD
from malgraf.store.base import Triple

DECISION_COLUMNS = ("source", "target", "decision", "role", "by", "at", "method", "score", "why", "note")
DECISIONS = {"accepted": MG.Accepted, "rejected": MG.Rejected, "suggested": MG.Suggested}
ROLES = {"main": MG.MainLink, "contributing": MG.ContributingLink}
METHODS = {"tfidf": MG.TfidfMethod, "e5": MG.E5Method, "hand": MG.HandMethod}
"""How a candidate came up: a suggestion method, or a person reading by hand."""


@dataclass(frozen=True)
class Decision:
    """One row of the decisions file."""

    source: str
    target: str
    decision: str
    role: str = ""
    by: str = ""
    at: str = ""
    method: str = ""
    score: str = ""
    why: str = ""
    note: str = ""
    row: int = field(default=0, compare=False)
    """The row of the decisions file it was read from (0: not read from one)."""

    @property
    def key(self) -> tuple[str, str]:
        return self.source, self.target

    def same_decision(self, other: Decision) -> bool:
        """Whether ``other`` decides the pair the same way (who, when and the note aside)."""
        return (self.decision, self.role) == (other.decision, other.role)

    def cells(self) -> list[str]:
        return [getattr(self, column) for column in DECISION_COLUMNS]


def source_iri(curie: str) -> URIRef:
    """The IRI of a link's source: a goal CURIE or IRI, or an insats as ``insats:<id>``."""
    if curie.startswith("insats:"):
        local = curie.removeprefix("insats:")
        if not local or not all(c.isalnum() or c in "-_." for c in local):
            raise ValueError(f"{curie!r} is not an insats id (insats:2023-1-10-6205cf…)")
        return INSATS[local]
    return expand_goal(curie)


def read_decisions(path: Path) -> list[Decision]:
    """The rows of a decisions file, each checked; an error names file, row and column."""
    decisions: list[Decision] = []
    seen: dict[tuple[str, str], int] = {}
    for row in read_csv(path, DECISION_COLUMNS):
        decision = _decision(row)
        if decision.key in seen:
            raise row.error("target", f"{decision.source} → {decision.target} is decided in row {seen[decision.key]} "
                            "already; keep one row per pair")
        seen[decision.key] = row.number
        decisions.append(decision)
    return decisions


def _decision(row: CsvRow) -> Decision:
    values = {column: row.get(column) for column in DECISION_COLUMNS}
    for column in ("source", "target"):
        try:
            (source_iri if column == "source" else expand_goal)(row.required(column))
        except ValueError as error:
            raise row.error(column, str(error)) from None
    if values["decision"] not in DECISIONS:
        raise row.error("decision", f"{values['decision']!r} is not one of {', '.join(DECISIONS)}")
    if values["decision"] == "accepted" and values["role"] not in ROLES:
        raise row.error("role", f"{values['role']!r} is not one of {', '.join(ROLES)} (an accepted link needs one)")
    if values["role"] and values["role"] not in ROLES:
        raise row.error("role", f"{values['role']!r} is not one of {', '.join(ROLES)}")
    if values["method"] and values["method"] not in METHODS:
        raise row.error("method", f"{values['method']!r} is not one of {', '.join(METHODS)}")
    if values["score"]:
        try:
            Decimal(values["score"])
        except InvalidOperation:
            raise row.error("score", f"{values['score']!r} is not a number") from None
    if values["at"]:
        try:
            Literal(values["at"], datatype=XSD.dateTime).toPython().isoformat()
        except (ValueError, AttributeError):
            raise row.error("at", f"{values['at']!r} is not a date and time (2026-12-03T10:20:00+00:00)") from None
    return Decision(**values, row=row.number)


def merge(old: Iterable[Decision], new: Iterable[Decision]) -> tuple[list[Decision], int]:
    """``old`` with ``new`` applied: a pair decided the same way keeps its row (who and when too),
    a pair decided anew replaces its row; return the rows and how many changed."""
    rows = {decision.key: decision for decision in old}
    changed = 0
    for decision in new:
        before = rows.get(decision.key)
        if before is not None and before.same_decision(decision):
            continue
        rows[decision.key] = decision
        changed += 1
    return sorted(rows.values(), key=lambda d: (d.source, d.target)), changed


def write_decisions(path: Path, decisions: Iterable[Decision]) -> None:
    """Write the decisions file atomically (readers see the old file or the new)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(DECISION_COLUMNS)
    for decision in decisions:
        writer.writerow(decision.cells())
    write_text_atomically(path, buffer.getvalue())


def decision_triples(path: Path, decisions: Iterable[Decision]) -> Iterator[Triple]:
    """The triples of ``decisions`` read from ``path`` (see the module's docstring)."""
    document = SOURCE["crosswalk/" + quote(path.name, safe="")]
    yield document, RDF.type, MG.SourceDocument
    yield document, RDFS.label, Literal(f"Korsreferenser: {path.name}", lang="sv")
    for decision in decisions:
        yield from _link_triples(decision, document, decision.row)


def _link_triples(decision: Decision, document: URIRef, number: int) -> Iterator[Triple]:
    source, target = source_iri(decision.source), expand_goal(decision.target)
    digest = hashlib.sha1(f"{target}".encode()).hexdigest()[:16]
    link = URIRef(f"{source}/crosswalk/{digest}")
    property_ = {"accepted": MG.goalLink, "rejected": MG.rejectedLink, "suggested": MG.suggestedLink}
    if decision.decision == "accepted":
        yield source, MG.contributesTo, target
    elif decision.decision == "suggested":
        yield source, MG.mayContributeTo, target
    yield source, property_[decision.decision], link
    yield link, RDF.type, MG.GoalLink
    yield link, MG.goal, target
    yield link, MG.linkMethod, DECISIONS[decision.decision]
    yield link, PROV.wasDerivedFrom, document
    yield link, MG.sourceRow, Literal(number)
    if decision.role:
        yield link, MG.linkRole, ROLES[decision.role]
    if decision.method:
        yield link, MG.suggestedBy, METHODS[decision.method]
    if decision.score:
        yield link, MG.score, Literal(Decimal(decision.score))
    if decision.why:
        yield link, MG.reason, Literal(decision.why)
    if decision.note:
        yield link, RDFS.comment, Literal(decision.note)
    if decision.by:
        agent = ID["agent/" + hashlib.sha1(decision.by.casefold().encode()).hexdigest()[:16]]
        yield link, PROV.wasAttributedTo, agent
        yield agent, RDF.type, PROV.Agent
        yield agent, RDFS.label, Literal(decision.by)
    if decision.at:
        yield link, PROV.generatedAtTime, Literal(decision.at, datatype=XSD.dateTime)


def with_decider(decisions: Iterable[Decision], by: str, at: str) -> list[Decision]:
    """``decisions`` signed by ``by`` at ``at``."""
    return [replace(decision, by=by, at=at) for decision in decisions]


def crosswalk_triples(paths: Iterable[Path]) -> Iterator[Triple]:
    """The triples of every decisions file in ``paths``. A pair a person decided in one file and a
    method suggested in another is decided (the suggestion is history); two files deciding one pair
    is an error."""
    files = [(path, read_decisions(path)) for path in paths]
    decided: dict[tuple[str, str], Path] = {}
    for path, decisions in files:
        for decision in decisions:
            if decision.decision == "suggested":
                continue
            other = decided.setdefault(decision.key, path)
            if other != path:
                raise InputError(path, f"{decision.source} → {decision.target} is decided in {other} too; "
                                 "keep each pair in one file")
    for path, decisions in files:
        yield from decision_triples(path, [d for d in decisions if d.decision != "suggested" or d.key not in decided])
