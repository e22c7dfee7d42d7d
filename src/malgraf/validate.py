"""Validate the graph against ``ontology/shapes.ttl``: every insats links to a goal, and more.

Two engines give the same findings. ``shacl`` runs pySHACL on an rdflib memory graph: the
reference. ``sparql`` runs one query per rule (``queries/validate_<rule>.rq``) on the Oxigraph
store: the fast path (see ``benchmarks/validate.py``). Either yields keys ``(rule, focus, value)``
that ``validate`` turns into findings a person can act on: which insats, in which region, on which
source lines, what is wrong and how to fix it, in Swedish or English.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from oxrdflib._converter import from_ox, to_ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Identifier, Node

from malgraf.errors import CannotLoadError, InputError, MalgrafError
from malgraf.graph import build_store, load_turtle, native_store
from malgraf.namespaces import DCTERMS, MG, PREFIXES, RDF, RDFS, SH, SKOS
from malgraf.query import insatser_per_region
from malgraf.resources import SHAPES_FILE, load_query

ENGINES = ("sparql", "shacl")
REPORT_FORMATS = ("text", "json", "csv")
LANGUAGES = ("sv", "en")
SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}

Key = tuple[str, Identifier, Identifier | None]
"""A finding as an engine reports it: rule id, focus node, offending value (None for a count)."""


@contextmanager
def cannot_load() -> Iterator[None]:
    """Within this block a ``MalgrafError`` (bad input, no built graph) becomes a ``CannotLoadError``."""
    try:
        yield
    except CannotLoadError:
        raise
    except MalgrafError as error:
        raise CannotLoadError(str(error)) from error


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


@dataclass(frozen=True)
class RegionCount:
    """Insatser of one region, and how many state no goal or only goals that could not be resolved."""

    lanskod: str
    region_name: str
    insatser: int
    no_goal: int
    unresolved: int


@dataclass(frozen=True)
class Report:
    """The findings of one validation, sorted by region, rule and source line, with the goal summary."""

    findings: list[Finding]
    summary: list[RegionCount]
    engine: str

    @property
    def conforms(self) -> bool:
        return not any(f.severity == "violation" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


_NAMES = NamespaceManager(Graph(), bind_namespaces="none")
for _prefix, _namespace in PREFIXES.items():
    _NAMES.bind(_prefix, _namespace, override=True)


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


def load_inputs(paths: Sequence[Path]) -> ox.Store:
    """A store with ontology, reference vocabularies and the given files.

    Turtle files (``.ttl``) are loaded as they are; a directory, or a CSV file standing for the
    directory it is in, is read as one year of tidy CSV files (``insatser.csv``, ``goal_links.csv``…).
    """
    from malgraf.importers.tables import load_year

    turtle: list[Path] = []
    directories: list[Path] = []
    with cannot_load():
        for path in paths:
            directory = path if path.is_dir() else path.parent
            if path.is_file() and path.suffix.lower() in (".ttl", ".turtle"):
                turtle.append(path)
            elif path.is_dir() or (path.is_file() and path.suffix.lower() == ".csv"):
                if not (directory / "insatser.csv").is_file():
                    raise InputError(directory, "no insatser.csv here; give a directory of tidy CSV files")
                if directory not in directories:
                    directories.append(directory)
            elif not path.exists():
                raise InputError(path, "no such file or directory")
            else:
                raise InputError(path, "not a Turtle file (.ttl), a CSV file or a directory of CSV files")
        return build_store(directories, data_loader=load_year, extra_turtle=turtle)


def memory_graph(dataset: Dataset) -> Graph:
    """All triples of ``dataset`` (every named graph) in one rdflib memory graph, for pySHACL."""
    everything = dataset.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph
    assert everything is not None
    return PreparedQueries(everything)


class PreparedQueries(Graph):
    """A view of an rdflib graph that parses each SPARQL text once.

    pySHACL sends a SPARQL constraint's query as text for every focus node; parsing it again each
    time is most of the reference path's time (25 ms per insats), evaluating it is not.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(store=graph.store, identifier=graph.identifier)
        self._prepared: dict[str, Query] = {}

    def query(  # type: ignore[override]
        self,
        query_object: str | Query,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Mapping[str, Any] | None = None,
        initBindings: Mapping[str, Identifier] | None = None,
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query_object, str) and processor == "sparql" and initNs is None:
            if query_object not in self._prepared:
                self._prepared[query_object] = prepareQuery(query_object, initNs=dict(self.namespaces()))
            query_object = self._prepared[query_object]
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


def check_sparql(dataset: Dataset, rules: Iterable[Rule], workers: int | None = None) -> set[Key]:
    """The fast path: each rule's ``validate_<rule>.rq`` query, run where the dataset lives.

    The queries run ``workers`` at a time (default: one per CPU); Oxigraph lets go of Python while it
    evaluates.
    """
    store = native_store(dataset)

    def run(rule: Rule) -> set[Key]:
        solutions = store.query(load_query(rule.query), use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        return {(rule.id, cast(Identifier, _identifier(solution["focus"])), _identifier(solution["value"]))
                for solution in solutions}

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2) as pool:
        return set().union(*pool.map(run, rules))


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


def _identifier(term: Term | None) -> Identifier | None:
    """An Oxigraph term as the rdflib term pySHACL would name."""
    return None if term is None else cast(Identifier, from_ox(term))


def _node(term: Identifier) -> ox.NamedNode | ox.BlankNode:
    node = to_ox(term)
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


def check_shacl(graph: Graph, shapes: Graph, rules: Iterable[Rule]) -> set[Key]:
    """The reference: pySHACL's validation results, as keys.

    ``graph`` must hold the ontology and reference vocabularies as well as the data; it is used in
    place (not copied). A node shape's result names the focus node as its value: that becomes None.
    """
    from pyshacl import validate as shacl_validate

    by_shape = {rule.shape: rule for rule in rules}
    _, results, _ = shacl_validate(graph, shacl_graph=shapes, inference="none", inplace=True,
                                   allow_warnings=True, allow_infos=True)
    assert isinstance(results, Graph)
    keys: set[Key] = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        shape = results.value(result, SH.sourceShape)
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        if not isinstance(shape, URIRef) or shape not in by_shape:
            raise MalgrafError(f"a validation result from {shape}, a shape with no dcterms:identifier")
        assert isinstance(focus, Identifier)
        if value == focus and (shape, RDF.type, SH.NodeShape) in shapes:
            value = None
        keys.add((by_shape[shape].id, focus, value if isinstance(value, Identifier) else None))
    return keys


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


def explain(dataset: Dataset, found: Iterable[Key], known: Iterable[Rule]) -> list[Finding]:
    """Findings for the keys in ``found``, with where each is, sorted by region, rule and source line.

    An insats whose goals could not be resolved gets what it stated, and where, from ``dataset``.
    """
    by_id = {rule.id: rule for rule in known}
    found = list(found)
    places = describe(dataset, (focus for _, focus, _ in found))
    findings = []
    for rule_id, focus, value in found:
        unresolved = unresolved_statements(dataset, focus) if rule_id == "insats-goal-unresolved" else []
        findings.append(Finding(by_id[rule_id], focus, value, places[focus], tuple(unresolved)))
    return sorted(findings, key=_report_order)


def _report_order(finding: Finding) -> tuple[str, int, str, int, str, str]:
    return (finding.place.lanskod or "~", finding.rule.order, finding.rule.id,
            finding.place.first_line if finding.place.first_line is not None else 1 << 62,
            str(finding.focus), show(finding.value))


def goal_summary(dataset: Dataset, findings: Iterable[Finding]) -> list[RegionCount]:
    """Per region with insatser: how many insatser, how many state no goal, how many only unresolved goals."""
    counted = Counter((f.place.lanskod, f.rule.id) for f in findings)
    totals: Counter[str] = Counter()
    names: dict[str, str] = {}
    for row in insatser_per_region(dataset):
        lanskod = str(row["lanskod"])
        totals[lanskod] += int(row["count"])  # type: ignore[call-overload]
        names[lanskod] = str(row["regionName"])
    return [RegionCount(lanskod, names[lanskod], totals[lanskod], counted[lanskod, "insats-no-goal"],
                        counted[lanskod, "insats-goal-unresolved"])
            for lanskod in sorted(totals) if totals[lanskod]]


WORDS = {
    "sv": {
        "violation": ("fel", "fel"), "warning": ("varning", "varningar"), "info": ("notis", "notiser"),
        "checked": "Validerat med {engine}: {violations} och {warnings}.",
        "conforms": "Inga fel: varje insats uppfyller reglerna.",
        "summary": "Insatser utan mål per region",
        "columns": ("region", "insatser", "anger inget mål", "mål kunde inte tolkas"),
        "total": "Totalt", "no_region": "Utan region", "fix": "Så rättar du", "lines": "rad",
        "unnamed": "(namn saknas)", "stated": "Angav",
    },
    "en": {
        "violation": ("violation", "violations"), "warning": ("warning", "warnings"), "info": ("info", "infos"),
        "checked": "Validated with {engine}: {violations} and {warnings}.",
        "conforms": "No violations: every intervention meets the rules.",
        "summary": "Interventions without a goal per region",
        "columns": ("region", "insatser", "state no goal", "goals not resolved"),
        "total": "Total", "no_region": "No region", "fix": "How to fix", "lines": "lines",
        "unnamed": "(no name)", "stated": "Stated",
    },
}


def render(report: Report, fmt: str = "text", lang: str = "sv", summary_only: bool = False,
           warnings: bool = True) -> str:
    """The report as ``text`` (grouped by region, then rule), ``json`` or ``csv``.

    ``summary_only`` gives only the insatser without a goal per region; ``warnings=False`` lists only
    violations (warnings are still counted).
    """
    shown = [f for f in report.findings if warnings or f.severity != "warning"]
    if fmt == "json":
        return _render_json(report, shown, lang, summary_only)
    if fmt == "csv":
        return _render_csv(report, shown, lang, summary_only)
    return _render_text(report, shown, lang, summary_only)


def _summary_rows(report: Report, lang: str) -> list[list[str]]:
    rows = [[f"{c.region_name} ({c.lanskod})", str(c.insatser), str(c.no_goal), str(c.unresolved)]
            for c in report.summary]
    totals = [sum(c.insatser for c in report.summary), sum(c.no_goal for c in report.summary),
              sum(c.unresolved for c in report.summary)]
    return [*rows, [WORDS[lang]["total"], *map(str, totals)]]  # type: ignore[list-item]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                      for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in [header, *rows]]


def _plural(count: int, severity: str, lang: str) -> str:
    singular, plural = WORDS[lang][severity]
    return f"{count} {singular if count == 1 else plural}"


def _counted(report: Report, severity: str, lang: str) -> str:
    return _plural(report.count(severity), severity, lang)


def _render_text(report: Report, shown: list[Finding], lang: str, summary_only: bool) -> str:
    words = WORDS[lang]
    lines = [str(words["summary"]), "", *_table(words["columns"], _summary_rows(report, lang))]
    if summary_only:
        return "\n".join(lines)
    lines += ["", str(words["checked"]).format(engine=report.engine, violations=_counted(report, "violation", lang),
                                               warnings=_counted(report, "warning", lang))]
    if report.conforms:
        lines.append(str(words["conforms"]))
    region: str | None = None
    rule: Rule | None = None
    for finding in shown:
        if finding.place.lanskod != region:
            region, rule = finding.place.lanskod, None
            title = f"{finding.place.region_name} ({region})" if region else str(words["no_region"])
            lines += ["", f"== {title} =="]
        if finding.rule != rule:
            rule = finding.rule
            group = [f for f in shown if f.place.lanskod == region and f.rule == rule]
            lines += ["", f"{rule.title[lang]} [{rule.id}]: {_plural(len(group), rule.severity, lang)}"]
            if "{?value}" not in rule.message[lang]:
                lines.append(f"  {rule.message[lang]}")
            lines.append(f"  {words['fix']}: {rule.fix[lang]}")
        where = f"{words['lines']} {finding.place.lines}, " if finding.place.lines else ""
        lines.append(f"  - {finding.place.name.strip() or words['unnamed']} ({where}{show(finding.focus)})")
        if "{?value}" in rule.message[lang]:
            lines.append(f"    {finding.message(lang)}")
        for statement in finding.unresolved:
            at = f" ({words['lines']} {statement.lines})" if statement.lines else ""
            lines.append(f"    {words['stated']}: “{statement.text}”{at}")
    return "\n".join(lines)


def _record(finding: Finding, lang: str) -> dict[str, object]:
    return {
        "lanskod": finding.place.lanskod, "region": finding.place.region_name, "rule": finding.rule.id,
        "severity": finding.severity, "focus": str(finding.focus), "name": finding.place.name,
        "first_line": finding.place.first_line, "last_line": finding.place.last_line,
        "value": None if finding.value is None else str(finding.value),
        "message": finding.message(lang), "fix": finding.fix(lang),
        "stated": [{"statement": s.text, "first_line": s.first_line, "last_line": s.last_line}
                   for s in finding.unresolved],
    }


SUMMARY_FIELDS = ("lanskod", "region", "insatser", "no_goal", "unresolved")


def _summary_records(report: Report) -> list[dict[str, object]]:
    return [dict(zip(SUMMARY_FIELDS, (c.lanskod, c.region_name, c.insatser, c.no_goal, c.unresolved),
                     strict=True)) for c in report.summary]


def _render_json(report: Report, shown: list[Finding], lang: str, summary_only: bool) -> str:
    data: dict[str, object] = {"summary": _summary_records(report)}
    if not summary_only:
        data = {"conforms": report.conforms, "engine": report.engine,
                "violations": report.count("violation"), "warnings": report.count("warning"),
                **data, "findings": [_record(f, lang) for f in shown]}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _render_csv(report: Report, shown: list[Finding], lang: str, summary_only: bool) -> str:
    buffer = io.StringIO()
    fields: Sequence[str]
    if summary_only:
        records, fields = _summary_records(report), SUMMARY_FIELDS
    else:
        records = [{**_record(f, lang), "stated": " | ".join(s.text for s in f.unresolved)}
                   for f in shown]
        fields = ("lanskod", "region", "rule", "severity", "focus", "name", "first_line", "last_line",
                  "value", "message", "fix", "stated")
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue().rstrip("\n")
