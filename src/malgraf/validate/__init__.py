"""Validate the graph against ``ontology/shapes.ttl``: every insats links to a goal, and more.

Two engines give the same findings (``engines``): ``shacl`` runs pySHACL, the reference; ``sparql``
runs one query per rule on the Oxigraph store, the fast path. Either yields keys ``(rule, focus,
value)`` for the rules of the shapes (``rules``), which ``validate`` turns into findings a person can
act on (``findings``: which insats, in which region, on which source lines, what is wrong and how to
fix it) and a report in Swedish or English (``report``). ``inputs`` loads Turtle and CSV to check;
``scope`` keeps one region's or one year's insatser.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from malgraf.resources import SHAPES_FILE
from malgraf.store import GraphStore
from malgraf.validate.engines import ENGINES, PreparedQueries, check_shacl, check_sparql, memory_graph
from malgraf.validate.findings import Finding, Place, Statement, describe, explain, show, unresolved_statements
from malgraf.validate.inputs import cannot_load, load_inputs
from malgraf.validate.report import REPORT_FORMATS, WORDS, RegionCount, Report, goal_summary, render
from malgraf.validate.rules import SEVERITIES, Key, Rule, load_shapes, rules
from malgraf.validate.scope import EVERYTHING, Scope, focus_in_scope


def validate(store: GraphStore, engine: str = "sparql", shapes_path: Path | None = None, *,
             region: URIRef | None = None, year: int | None = None, lang: str = "en") -> Report:
    """Validate the insatser in ``store`` with ``engine`` (``sparql`` or ``shacl``) and explain the findings.

    ``store`` is a built graph (``malgraf.graph.open_graph_store``), a server (``RemoteStore``) or
    ``EmbeddedStore(load_inputs(…))``.
    ``region`` (an IRI) and ``year`` keep the findings on the insatser of that region and year and on the
    region's RUS goals (``malgraf.validate.scope``). No insats to validate, in the data or in that region and
    year, is a ``NoDataError`` (its message in ``lang``).
    """
    shapes = load_shapes(shapes_path or SHAPES_FILE)
    known = rules(shapes)
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    scope = Scope(region, year)
    focus = focus_in_scope(store, scope, lang)
    found = check_shacl(memory_graph(store), shapes, known) if engine == "shacl" else check_sparql(store, known)
    if focus is not None:
        found = {key for key in found if key[1] in focus}
    findings = explain(store, found, known)
    return Report(findings=findings, summary=goal_summary(store, findings, scope), engine=engine, scope=scope)


__all__ = [
    "ENGINES", "EVERYTHING", "REPORT_FORMATS", "SEVERITIES", "SHAPES_FILE", "WORDS", "Finding", "Key", "Place",
    "PreparedQueries", "RegionCount", "Report", "Rule", "Scope", "Statement", "cannot_load", "check_shacl",
    "check_sparql", "describe", "explain", "focus_in_scope", "goal_summary", "load_inputs", "load_shapes",
    "memory_graph", "render", "rules", "show", "unresolved_statements", "validate",
]
