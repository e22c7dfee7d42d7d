"""Record a reviewed sheet's decisions in the crosswalk's decisions file, checked against the graph."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from malgraf.crosswalk.decisions import Decision, merge, read_decisions, source_iri, with_decider, write_decisions
from malgraf.crosswalk.sheet import SheetError, curie, read_review_sheet
from malgraf.crosswalk.suggest import Suggestion
from malgraf.crosswalk.texts import regional_goals, target_goals
from malgraf.errors import InputError
from malgraf.importers.goal_iris import expand_goal
from malgraf.namespaces import MG
from malgraf.store.base import GraphStore


@dataclass(frozen=True)
class Recorded:
    """What ``accept`` did: rows decided in the sheet, and how many changed the decisions file."""

    path: Path
    accepted: int
    rejected: int
    changed: int


def accept(store: GraphStore, sheet: Path, into: Path, *, by: str, at: datetime | None = None) -> Recorded:
    """Check every decided row of ``sheet`` and record them all in ``into``, or none.

    A pair decided as before keeps its row (who and when too), so accepting a file twice changes
    nothing; a pair decided anew replaces its row. Each source gets at most one main link per scheme.
    """
    if not by.strip():
        raise InputError(sheet, "who decided is not known: give --by NAME")
    decisions = read_review_sheet(sheet)
    if not decisions:
        raise InputError(sheet, "no row is decided: fill in the column decision (accept or reject) and save")
    numbers = {decision.key: decision.row for decision in decisions}
    schemes = {str(t.iri): scheme for scheme, texts in target_goals(store).items() for t in texts}
    regional = {str(t.iri) for t in regional_goals(store)}
    for decision in decisions:
        _check_known(store, sheet, numbers[decision.key], decision, schemes, regional)
    old = read_decisions(into) if into.exists() else []
    stamp = (at or datetime.now(UTC)).replace(microsecond=0).isoformat()
    rows, changed = merge(old, with_decider(decisions, by.strip(), stamp))
    _check_one_main(sheet, rows, numbers, schemes, regional)
    if changed:
        write_decisions(into, rows)
    accepted = sum(d.decision == "accepted" for d in decisions)
    return Recorded(into, accepted, len(decisions) - accepted, changed)


def _check_known(store: GraphStore, sheet: Path, number: int, decision: Decision,
                 schemes: dict[str, str], regional: set[str]) -> None:
    source, target = str(source_iri(decision.source)), str(expand_goal(decision.target))
    if decision.source.startswith("insats:"):
        if not store.has_triple(source_iri(decision.source), MG.year, None):
            raise SheetError(sheet, number, "source", f"{decision.source} is no insats of the graph")
    elif source not in regional:
        raise SheetError(sheet, number, "source", f"{decision.source} is no regional goal of the graph")
    if target not in schemes and target not in regional:
        raise SheetError(sheet, number, "target", f"{decision.target} is no goal the crosswalk links to")
    if source == target:
        raise SheetError(sheet, number, "target", "a goal cannot contribute to itself")


def _check_one_main(sheet: Path, rows: list[Decision], numbers: dict[tuple[str, str], int],
                    schemes: dict[str, str], regional: set[str]) -> None:
    mains: dict[tuple[str, str], Decision] = {}
    for decision in rows:
        if decision.decision != "accepted" or decision.role != "main":
            continue
        target = str(expand_goal(decision.target))
        scheme = schemes.get(target, "rus" if target in regional else "other")
        other = mains.setdefault((decision.source, scheme), decision)
        if other is not decision:
            newer = decision if decision.key in numbers else other
            older = other if newer is decision else decision
            first, second = curie(expand_goal(older.target)), curie(expand_goal(newer.target))
            raise SheetError(sheet, numbers.get(newer.key, 0), "role", f"{decision.source} would have two main "
                             f"links in {scheme}: {first} and {second}; make one of them contributing")


def record_suggestions(suggestions: Iterable[Suggestion], into: Path) -> int:
    """Keep ``suggestions`` in the decisions file ``into`` as ``suggested`` rows (a pair decided there
    already stays decided); return how many rows changed."""
    old = read_decisions(into) if into.exists() else []
    decided = {d.key for d in old if d.decision != "suggested"}
    new = [Decision(source=curie(s.source.iri), target=curie(s.target.iri), decision="suggested", method=s.method,
                    score=str(s.score), why=s.why) for s in suggestions]
    rows, changed = merge(old, [d for d in new if d.key not in decided])
    if changed:
        write_decisions(into, rows)
    return changed
