"""The report: findings grouped by region and rule, the insatser without a goal per region, as text, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rdflib import URIRef

from malgraf.query import insatser_per_region
from malgraf.store import GraphStore
from malgraf.validate.findings import Finding, show
from malgraf.validate.rules import Rule
from malgraf.validate.scope import EVERYTHING, Scope

REPORT_FORMATS = ("text", "json", "csv")


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
    scope: Scope = EVERYTHING

    @property
    def region(self) -> URIRef | None:
        return self.scope.region

    @property
    def year(self) -> int | None:
        return self.scope.year

    @property
    def conforms(self) -> bool:
        return not any(f.severity == "violation" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


def goal_summary(store: GraphStore, findings: Iterable[Finding], scope: Scope = EVERYTHING) -> list[RegionCount]:
    """Per region with insatser (in ``scope``): how many, how many state no goal, how many only unresolved goals."""
    counted = Counter((f.place.lanskod, f.rule.id) for f in findings)
    totals: Counter[str] = Counter()
    names: dict[str, str] = {}
    for row in insatser_per_region(store):
        if scope.region is not None and row["region"] != scope.region:
            continue
        if scope.year is not None and str(row["year"]) != str(scope.year):
            continue
        lanskod = str(row["lanskod"])
        totals[lanskod] += int(row["count"])  # type: ignore[call-overload]
        names[lanskod] = str(row["regionName"])
    return [RegionCount(lanskod, names[lanskod], totals[lanskod], counted[lanskod, "insats-no-goal"],
                        counted[lanskod, "insats-goal-unresolved"])
            for lanskod in sorted(totals) if totals[lanskod]]


WORDS = {
    "sv": {
        "violation": ("fel", "fel"), "warning": ("varning", "varningar"), "info": ("notis", "notiser"),
        "checked": "Validerat med {engine}{scope}: {violations} och {warnings}.", "for": "för",
        "conforms": "Inga fel: varje insats uppfyller reglerna.",
        "summary": "Insatser utan mål per region",
        "columns": ("region", "insatser", "anger inget mål", "mål kunde inte tolkas"),
        "total": "Totalt", "no_region": "Utan region", "fix": "Så rättar du", "lines": "rad", "line": "rad",
        "unnamed": "(namn saknas)", "stated": "Angav",
    },
    "en": {
        "violation": ("violation", "violations"), "warning": ("warning", "warnings"), "info": ("info", "infos"),
        "checked": "Validated with {engine}{scope}: {violations} and {warnings}.", "for": "for",
        "conforms": "No violations: every intervention meets the rules.",
        "summary": "Interventions without a goal per region",
        "columns": ("region", "insatser", "state no goal", "goals not resolved"),
        "total": "Total", "no_region": "No region", "fix": "How to fix", "lines": "lines", "line": "line",
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
    scope = f" {words['for']} {report.scope.describe(lang)}" if not report.scope.everything else ""
    lines += ["", str(words["checked"]).format(engine=report.engine, scope=scope,
                                               violations=_counted(report, "violation", lang),
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
        where = f"{_lines_word(finding.place.lines, words)} {finding.place.lines}, " if finding.place.lines else ""
        lines.append(f"  - {finding.place.name.strip() or words['unnamed']} ({where}{show(finding.focus)})")
        if "{?value}" in rule.message[lang]:
            lines.append(f"    {finding.message(lang)}")
        for statement in finding.unresolved:
            at = f" ({_lines_word(statement.lines, words)} {statement.lines})" if statement.lines else ""
            lines.append(f"    {words['stated']}: “{statement.text}”{at}")
    return "\n".join(lines)


def _lines_word(lines: str, words: Mapping[str, object]) -> str:
    """``lines`` for a range (``90–99``), ``line`` for one line."""
    return str(words["lines"] if "–" in lines else words["line"])


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
                "region": None if report.region is None else str(report.region), "year": report.year,
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
