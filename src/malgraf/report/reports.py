"""``malgraf report``: the tables of one report (``--by``) for a selection of insatser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
from rdflib import URIRef

from malgraf.answers import Scope, check_scope
from malgraf.errors import NoDataError
from malgraf.i18n import message
from malgraf.namespaces import ERUF, RUS
from malgraf.query import SCHEMES, require_closure
from malgraf.report import BY
from malgraf.report.counts import Counts
from malgraf.report.facts import Selection, read_facts
from malgraf.report.money import allocation_table, regions_table
from malgraf.report.table import Column, ReportTable
from malgraf.report.tables import (
    ERUF_OBJECTIVES,
    NATIONAL_AREA,
    NATIONAL_PRIORITY,
    PRECONDITION,
    REGIONAL_GOALS,
    SDG_GOAL,
    SDG_TARGET,
    Tables,
)
from malgraf.store import GraphStore

AREAS, PRIORITIES = "national-area", "national-priority"
"""The groups of goals (``rollup_groups.rq``) whose "any of them" the area and priority matrices show."""


@dataclass(frozen=True)
class Report:
    """A report: its title, what it selects, its tables (each with what it counts)."""

    by: str
    title: str
    scope: str
    """The selection in words: "Blekinge, 2023, 25 insatser"."""
    tables: list[ReportTable]
    insatser: int
    lang: str
    made: str
    selection: Selection


def make_report(store: GraphStore, by: str = "national", *, region: URIRef | None = None, year: int | None = None,
                with_suggested: bool = False, lang: str = "sv") -> Report:
    """The report ``by`` on the insatser of ``region`` and ``year`` (all when None).

    ``NoDataError`` when the graph holds no insatser of the selection: an empty report is not an answer.
    """
    scope = check_scope(store, region, year, lang)
    require_closure(store)
    selection = Selection(region, year, with_suggested)
    facts = read_facts(store, selection, scope, _schemes(store, by, scope, region), lang)
    if facts.insatser.empty:
        raise NoDataError(message("nodata.graph", lang))
    counts = Counts(facts)
    tables = Tables(counts, lang)
    built = BUILDERS[by](tables)
    years = [y for y in scope.years(region) if year is None or y == str(year)]
    where = scope.names.get(region, str(region)) if region is not None else tables.h("all_regions")
    words = [where, ", ".join(years), f"{counts.total} {tables.h('insatser')}"]
    if with_suggested:
        words.append(tables.t("med föreslagna länkar", "with suggested links"))
    return Report(by, _title(by, lang), ", ".join(words), built, counts.total, lang, date.today().isoformat(),
                  selection)


def _schemes(store: GraphStore, by: str, scope: Scope, region: URIRef | None) -> list[URIRef]:
    """The concept schemes whose goals and cells report ``by`` reads."""
    regional = [rus_scheme_of(r) for r in scope.regions()] if region is None else [rus_scheme_of(region)]
    return {
        "national": [SCHEMES["national"]], "priority": [SCHEMES["national"]], "sdg": [SCHEMES["sdg"]],
        "eruf": [SCHEMES["eruf"], ERUF["jtf-objectives"], SCHEMES["programmes"]],
        "rus": [*regional, SCHEMES["national"], SCHEMES["sdg"], SCHEMES["eruf"], ERUF["jtf-objectives"]],
        "region": [], "section": [],
    }[by]


def rus_scheme_of(region: URIRef) -> URIRef:
    """The concept scheme of a region's own goals: ``rus:10`` for region 10."""
    return RUS[str(region).rsplit("/", 1)[-1]]


def _title(by: str, lang: str) -> str:
    titles = {
        "national": ("Insatser per område och prioritering i den nationella strategin",
                     "Insatser per area and priority of the national strategy"),
        "priority": ("Insatser per prioritering i den nationella strategin, per region",
                     "Insatser per priority of the national strategy, per region"),
        "rus": ("Insatser per mål i regionernas strategier (RUS), och mål som ingen insats når",
                "Insatser per goal of the regions' strategies (RUS), and goals no insats reaches"),
        "sdg": ("Insatser per mål och delmål i Agenda 2030", "Insatser per goal and target of Agenda 2030"),
        "eruf": ("Insatser per mål i Regionalfonden (ERUF)", "Insatser per objective of the Regional Fund (ERDF)"),
        "region": ("Insatser och anslag 1:1 per region", "Insatser and the 1:1 grant per region"),
        "section": ("Insatser per avsnitt i redovisningen", "Insatser per section of the report"),
    }
    sv, en = titles[by]
    return sv if lang == "sv" else en


def _matrices(tables: Tables, key: str, goals: pd.DataFrame, group: str, sv: str, en: str) -> list[ReportTable]:
    """Region × ``goals`` (areas or priorities, ``sv``/``en`` naming them): counts and shares, all
    links and main links only."""
    return [
        tables.matrix(f"region_{key}", tables.t(f"Insatser per region och {sv}", f"Insatser per region and {en}"),
                      goals, group),
        tables.matrix(f"region_{key}_share", tables.t(f"Andel av regionens insatser per {sv}",
                                                      f"Share of the region's insatser per {en}"),
                      goals, group, shares=True, chart=f"region_{key}"),
        tables.matrix(f"region_{key}_main", tables.t(f"Insatser per region och {sv}, bara huvudkopplingar",
                                                     f"Insatser per region and {en}, main links only"),
                      goals, group, main=True),
        tables.matrix(f"region_{key}_main_share", tables.t(f"Andel per {sv}, bara huvudkopplingar",
                                                           f"Share per {en}, main links only"),
                      goals, group, main=True, shares=True),
    ]


def _national(tables: Tables) -> list[ReportTable]:
    counts = tables.counts
    name = tables.h("scheme.national")
    return [
        tables.coverage([("national", name, (), "national")]),
        tables.per_goal("national_goals", tables.t("Insatser per mål i den nationella strategin",
                                                   "Insatser per goal of the national strategy"),
                        _per_goal_counts(tables, name, main=True), counts.goals_of("national"), main=True,
                        chart="national"),
        *_matrices(tables, "area", counts.goals_of("national", (NATIONAL_AREA,)), AREAS, "strategiskt område",
                   "strategic area"),
    ]


def _priority(tables: Tables) -> list[ReportTable]:
    priorities = tables.counts.goals_of("national", (NATIONAL_PRIORITY, PRECONDITION))
    name = tables.h("scheme.national")
    return [
        tables.coverage([("national", name, (NATIONAL_PRIORITY, PRECONDITION), PRIORITIES)]),
        tables.per_goal("priorities", tables.t("Insatser per prioritering och grundförutsättning",
                                               "Insatser per priority and basic precondition"),
                        _per_goal_counts(tables, name, main=True), priorities, main=True, chart="priority"),
        *_matrices(tables, "priority", priorities, PRIORITIES, "prioritering", "priority"),
    ]


def _sdg(tables: Tables) -> list[ReportTable]:
    counts = tables.counts
    goals, targets = counts.goals_of("sdg", (SDG_GOAL,)), counts.goals_of("sdg", (SDG_TARGET,))
    parent = _parents(tables, targets)
    name = tables.h("scheme.sdg")
    return [
        tables.coverage([("sdg", tables.t("Agenda 2030, mål", "Agenda 2030, goals"), (SDG_GOAL,), "sdg"),
                         ("sdg", tables.t("Agenda 2030, delmål", "Agenda 2030, targets"), (SDG_TARGET,),
                          "sdg-target")]),
        tables.per_goal("sdg_goals", tables.t("Insatser per mål i Agenda 2030", "Insatser per Agenda 2030 goal"),
                        _per_goal_counts(tables, name), goals, chart="sdg"),
        tables.per_goal("sdg_targets", tables.t("Insatser per delmål i Agenda 2030",
                                                "Insatser per Agenda 2030 target"),
                        _per_goal_counts(tables, name), targets, parent=parent),
    ]


def _eruf(tables: Tables) -> list[ReportTable]:
    counts = tables.counts
    objectives = counts.goals_of("eruf", ERUF_OBJECTIVES)
    name = tables.h("scheme.eruf")
    return [
        tables.coverage([("eruf", name, ERUF_OBJECTIVES, "eruf"),
                         ("programmes", tables.h("scheme.programmes"), (), "programmes")]),
        tables.per_goal("eruf_objectives", tables.t("Insatser per mål i Regionalfonden",
                                                    "Insatser per objective of the Regional Fund"),
                        _per_goal_counts(tables, name), objectives, parent=_parents(tables, objectives),
                        chart="eruf"),
        tables.per_goal("programmes", tables.t("Insatser per program", "Insatser per programme"),
                        _per_goal_counts(tables, tables.h("scheme.programmes")), counts.goals_of("programmes")),
    ]


def _rus(tables: Tables) -> list[ReportTable]:
    built = [tables.coverage([("rus", tables.h("scheme.rus"), REGIONAL_GOALS, "rus")]), tables.regional_goals()]
    if tables.counts.facts.selection.region is None:
        return [*built, gaps_per_region(tables)]
    return [*built,
            tables.gaps("rus", tables.h("scheme.rus"), REGIONAL_GOALS),
            tables.gaps("national", tables.h("scheme.national"), (NATIONAL_AREA, NATIONAL_PRIORITY, PRECONDITION)),
            tables.gaps("sdg", tables.t("Agenda 2030, mål", "Agenda 2030, goals"), (SDG_GOAL,)),
            tables.gaps("eruf", tables.h("scheme.eruf"), ERUF_OBJECTIVES),
            tables.insatser()]


def _region(tables: Tables) -> list[ReportTable]:
    return [regions_table(tables), allocation_table(tables)]


def _section(tables: Tables) -> list[ReportTable]:
    return [tables.sections()]


def _per_goal_counts(tables: Tables, name: str, *, main: bool = False) -> str:
    return tables.t(
        f"Per mål i {name}: insatser som anger målet självt i målkolumnen eller genom avsnittet de redovisas "
        "under (direkt), och som når det direkt, via ett mål under det i hierarkin eller via korsreferensen från "
        "ett regionalt mål (totalt)" + (", och bara via huvudkopplingar i korsreferensen" if main else "")
        + "; en insats räknas en gång per mål, hur många vägar som än leder dit; i hur många regioner.",
        f"Per goal of {name}: insatser that name the goal itself in their goal column or by the section they are "
        "reported under (direct), and that reach it, directly, through a goal under it in the hierarchy or "
        "through the crosswalk from a regional goal (in all)" + (", and through main crosswalk links only"
                                                                 if main else "")
        + "; an insats counts once per goal, however many ways lead there; in how many regions.")


def _parents(tables: Tables, goals: pd.DataFrame) -> dict[str, str]:
    """Each goal's broader goal, by notation: a target's SDG, a specific objective's policy objective."""
    facts = tables.counts.facts
    notation = dict(zip(facts.goals["goal"], facts.goals["notation"], strict=True))
    return {goal: str(notation.get(facts.parents[goal]) or "") for goal in goals["goal"] if goal in facts.parents}


def gaps_per_region(tables: Tables) -> ReportTable:
    """Per region: how many goals of each scheme none of its insatser reaches."""
    counts = tables.counts
    schemes = [("rus", tables.h("scheme.rus"), REGIONAL_GOALS),
               ("national", tables.h("scheme.national"), (NATIONAL_AREA, NATIONAL_PRIORITY, PRECONDITION)),
               ("sdg", tables.t("Agenda 2030, mål", "Agenda 2030, goals"), (SDG_GOAL,)),
               ("eruf", tables.h("scheme.eruf"), ERUF_OBJECTIVES)]
    rows = []
    cells = counts.facts.cells
    for region in counts.regions:
        own = set(cells.loc[(cells["region"] == region) & (cells[counts.column] > 0), "goal"])
        row: dict[str, object] = {"region": region, "regionName": counts.region_names[region]}
        for key, _, classes in schemes:
            goals = counts.goals_of(key, classes)
            if key == "rus":
                goals = goals[goals["region"] == region]
            row[key] = int((~goals["goal"].isin(own)).sum())
            row[f"{key} of"] = len(goals)
        rows.append(row)
    columns = [Column("region", "region", "iri"), Column("regionName", tables.h("region"), link="region")]
    for key, name, _ in schemes:
        columns += [Column(key, f"{name}: {tables.t('ej nådda', 'not reached')}", "count"),
                    Column(f"{key} of", tables.t("av", "of"), "count")]
    return ReportTable(
        "gaps_per_region",
        tables.t("Mål som ingen av regionens insatser når", "Goals none of the region's insatser reach"),
        tables.t("Per region och målsystem: hur många av systemets mål (för RUS: regionens egna) som ingen av "
                 "regionens insatser når, direkt, via hierarkin eller korsreferensen, och hur många mål systemet "
                 "har. Vilka de är: malgraf report --by rus --region R.",
                 "Per region and scheme: how many of the scheme's goals (for RUS: the region's own) none of the "
                 "region's insatser reaches, directly, through the hierarchy or the crosswalk, and how many goals "
                 "the scheme has. Which they are: malgraf report --by rus --region R."),
        pd.DataFrame(rows), columns)


BUILDERS: dict[str, Callable[[Tables], list[ReportTable]]] = {
    "national": _national, "priority": _priority, "rus": _rus, "sdg": _sdg, "eruf": _eruf, "region": _region,
    "section": _section,
}

__all__ = ["BY", "Report", "make_report"]
