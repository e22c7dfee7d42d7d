"""Validate the graph against ``ontology/shapes.ttl``: every insats links to a goal, and more.

Two engines give the same findings (``engines``): ``shacl`` runs pySHACL, the reference; ``sparql``
runs one query per rule on the Oxigraph store, the fast path. Either yields keys ``(rule, focus,
value)`` for the rules of the shapes (``rules``), which ``validate`` turns into findings a person can
act on (``findings``: which insats, in which region, on which source lines, what is wrong and how to
fix it) and a report in Swedish or English (``report``). ``inputs`` loads Turtle and CSV to check.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from malgraf.resources import SHAPES_FILE
from malgraf.validate.engines import ENGINES, PreparedQueries, check_shacl, check_sparql, memory_graph
from malgraf.validate.findings import Finding, Place, Statement, describe, explain, show, unresolved_statements
from malgraf.validate.inputs import cannot_load, load_inputs
from malgraf.validate.report import REPORT_FORMATS, WORDS, RegionCount, Report, goal_summary, render
from malgraf.validate.rules import SEVERITIES, Key, Rule, load_shapes, rules


def validate(dataset: Dataset, engine: str = "sparql", shapes_path: Path | None = None) -> Report:
    """Validate everything in ``dataset`` with ``engine`` (``sparql`` or ``shacl``) and explain the findings.

    ``dataset`` is a built graph (``malgraf.graph.open_dataset``) or ``as_dataset(load_inputs(…))``.
    """
    shapes = load_shapes(shapes_path or SHAPES_FILE)
    known = rules(shapes)
    if engine == "shacl":
        found = check_shacl(memory_graph(dataset), shapes, known)
    elif engine == "sparql":
        found = check_sparql(dataset, known)
    else:
        raise ValueError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    findings = explain(dataset, found, known)
    return Report(findings=findings, summary=goal_summary(dataset, findings), engine=engine)


__all__ = [
    "ENGINES", "REPORT_FORMATS", "SEVERITIES", "SHAPES_FILE", "WORDS", "Finding", "Key", "Place", "PreparedQueries",
    "RegionCount", "Report", "Rule", "Statement", "cannot_load", "check_shacl", "check_sparql", "describe",
    "explain", "goal_summary", "load_inputs", "load_shapes", "memory_graph", "render", "rules", "show",
    "unresolved_statements", "validate",
]
