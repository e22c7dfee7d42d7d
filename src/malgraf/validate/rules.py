"""The rules: the shapes of ``ontology/shapes.ttl`` with their ids, severities and words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Identifier

from malgraf.graph import load_turtle
from malgraf.i18n import LANGUAGES
from malgraf.namespaces import DCTERMS, MG, RDFS, SH
from malgraf.resources import SHAPES_FILE
from malgraf.validate.inputs import cannot_load

SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}

Key = tuple[str, Identifier, Identifier | None]
"""A finding as an engine reports it: rule id, focus node, offending value (None for a count)."""


@dataclass(frozen=True)
class Rule:
    """One shape of ``shapes.ttl``: its id, severity and the words the report uses for it."""

    id: str
    shape: URIRef
    order: int
    severity: str
    title: dict[str, str]
    message: dict[str, str]
    fix: dict[str, str]

    @property
    def query(self) -> str:
        """The name of the fast path's query for this rule."""
        return "validate_" + self.id.replace("-", "_")


def load_shapes(path: Path | None = None) -> Graph:
    """The shapes graph; a syntax error is a ``CannotLoadError`` naming the file and line."""
    path = path or SHAPES_FILE
    with cannot_load():
        load_turtle(ox.Store(), path, URIRef(path.resolve().as_uri()))
    return Graph().parse(path, format="turtle")


def rules(shapes: Graph) -> list[Rule]:
    """The rules of a shapes graph: every shape with a ``dcterms:identifier``, in ``sh:order``."""
    found = []
    for shape, identifier in shapes.subject_objects(DCTERMS.identifier):
        assert isinstance(shape, URIRef)

        def texts(predicate: URIRef, shape: URIRef = shape) -> dict[str, str]:
            return {o.language: str(o) for o in shapes.objects(shape, predicate)
                    if isinstance(o, Literal) and o.language in LANGUAGES}

        severity = shapes.value(shape, SH.severity, default=SH.Violation)
        order = shapes.value(shape, SH.order)
        found.append(Rule(
            id=str(identifier), shape=shape, order=int(order) if isinstance(order, Literal) else 0,
            severity=SEVERITIES[severity],  # type: ignore[index]
            title=texts(RDFS.label), message=texts(SH.message), fix=texts(MG.fixHint),
        ))
    return sorted(found, key=lambda rule: (rule.order, rule.id))
