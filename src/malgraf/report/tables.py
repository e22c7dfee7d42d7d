"""The tables of the reports, each computed from ``Counts`` and saying what it counts."""

from __future__ import annotations

import pandas as pd
from rdflib import URIRef

from malgraf.i18n import REPORT_LABELS, label
from malgraf.namespaces import MG
from malgraf.report.counts import ALL_ROW, Counts, natural_key
from malgraf.report.table import Column, ReportTable

NATIONAL_AREA, NATIONAL_PRIORITY, PRECONDITION = (str(MG.NationalArea), str(MG.NationalPriority),
                                                  str(MG.BasicPrecondition))
SDG_GOAL, SDG_TARGET = "http://metadata.un.org/sdg/ontology#Goal", "http://metadata.un.org/sdg/ontology#Target"
REGIONAL_GOALS = (str(MG.RusGoal), str(MG.OtherGoal))
ERUF_OBJECTIVES = (str(MG.ErufPolicyObjective), str(MG.ErufSpecificObjective), str(MG.ErufObjective))


class Tables:
    """Builds the tables of one report in one language."""

    def __init__(self, counts: Counts, lang: str) -> None:
        self.counts, self.lang = counts, lang

    def h(self, key: str) -> str:
        return label(REPORT_LABELS, key, self.lang)

    def t(self, sv: str, en: str) -> str:
        return sv if self.lang == "sv" else en

    @property
    def suggested_note(self) -> list[str]:
        if not self.counts.facts.selection.with_suggested:
            return []
        return [self.t("Med föreslagna länkar som ingen har granskat (--with-suggested).",
                       "With suggested links no one has reviewed (--with-suggested).")]

    def _goal_columns(self, *, main: bool = False, parent: bool = False) -> list[Column]:
        return [
            Column("goal", "goal", "iri"),
            Column("notation", self.h("notation")),
            Column("label", self.h("label"), link="goal"),
            *([Column("parent", self.h("parent"))] if parent else []),
            Column("direct", self.h("direct"), "count"),
            Column("rolled_up", self.h("rolled_up"), "count"),
            *([Column("main_only", self.h("main_only"), "count")] if main else []),
            Column("regions", self.h("regions"), "count"),
        ]

    # --- per goal -------------------------------------------------------------------------

    def per_goal(self, key: str, title: str, counts: str, goals: pd.DataFrame, *, main: bool = False,
                 parent: dict[str, str] | None = None, chart: str | None = None) -> ReportTable:
        frame = self.counts.per_goal(goals, main=main)
        if parent is not None:
            frame["parent"] = frame["goal"].map(parent)
        return ReportTable(key, title, counts, frame, self._goal_columns(main=main, parent=parent is not None),
                           chart, self.suggested_note)

    def coverage(self, schemes: list[tuple[str, str, tuple[str, ...], str]]) -> ReportTable:
        """Per scheme (key, name, classes, group): the insatser with and without a goal of it, and
        how many of its goals are reached."""
        rows = []
        for key, name, classes, group in schemes:
            goals = self.counts.goals_of(key, classes)
            with_goal = int(self.counts.group(group).sum())
            reached = self.counts.reached_goals(goals)
            rows.append({"scheme": name, "insatser": self.counts.total, "with_goal": with_goal,
                         "without_goal": self.counts.total - with_goal, "goals": len(goals),
                         "served": len(reached), "unserved": len(goals) - len(reached)})
        frame = pd.DataFrame(rows, columns=["scheme", "insatser", "with_goal", "without_goal", "goals", "served",
                                            "unserved"])
        columns = [Column("scheme", self.h("scheme")), Column("insatser", self.h("insatser"), "count"),
                   Column("with_goal", self.h("with_goal"), "count"),
                   Column("without_goal", self.h("without_goal"), "count"), Column("goals", self.h("goals"), "count"),
                   Column("served", self.h("served"), "count"), Column("unserved", self.h("unserved"), "count")]
        return ReportTable(
            "coverage", self.t("Täckning per målsystem", "Coverage per goal scheme"),
            self.t("Insatser i urvalet som når minst ett mål i målsystemet (direkt, via hierarkin eller "
                   "korsreferensen) och de som inte gör det; hur många av systemets mål som någon insats når. "
                   "Med + utan = insatser i urvalet.",
                   "Insatser of the selection that reach at least one goal of the scheme (directly, through the "
                   "hierarchy or the crosswalk) and those that do not; how many of the scheme's goals some insats "
                   "reaches. With + without = insatser of the selection."),
            frame, columns, None, self.suggested_note)

    # --- region × goal --------------------------------------------------------------------

    def matrix(self, key: str, title: str, goals: pd.DataFrame, group: str, *, main: bool = False,
               shares: bool = False, chart: str | None = None) -> ReportTable:
        """Region × goal, counts or shares of the region's insatser; main crosswalk links only with
        ``main``; "any of them" from the cells of ``group``."""
        cells = self.counts.matrix(goals, group, main=main)
        names = [str(n) for n in goals["notation"]]
        frame = cells.rename(columns=dict(zip(goals["goal"], names, strict=True)))
        if shares:
            values = frame[[*names, "any", "none"]].div(frame["insatser"].where(frame["insatser"] > 0), axis=0)
            frame = pd.concat([frame[["insatser"]], values], axis=1)
        frame.insert(0, "regionName", [self.counts.region_names.get(r, self.h("all_regions")) if r != ALL_ROW
                                       else self.h("all_regions") for r in frame.index])
        frame.insert(0, "region", [None if r == ALL_ROW else r for r in frame.index])
        frame = frame.reset_index(drop=True)
        kind = "share" if shares else "count"
        columns = [Column("region", "region", "iri"), Column("regionName", self.h("region"), link="region"),
                   Column("insatser", self.h("insatser"), "count"),
                   *[Column(name, name, kind) for name in names],
                   Column("any", self.h("any"), kind), Column("none", self.h("none"), kind)]
        how = (self.t("bara via huvudkopplingar (en RUS-måls huvudkoppling i korsreferensen, och målhierarkin)",
                      "through main links only (a RUS goal's main crosswalk link, and the goal hierarchy)") if main
               else self.t("via alla angivna och godtagna länkar", "through every stated and accepted link"))
        what = (self.t("andel av regionens insatser", "share of the region's insatser") if shares
                else self.t("antal insatser", "number of insatser"))
        counts = self.t(
            f"Per region och mål: {what} som når målet, direkt, via målhierarkin eller korsreferensen, {how}; "
            "en insats räknas en gång per mål. \"Något av målen\" + \"inget av målen\" = regionens insatser; "
            "sista raden är alla regioner tillsammans. Kolumnerna: " + ", ".join(
                f"{n} {lbl}" for n, lbl in zip(names, goals["label"], strict=True)) + ".",
            f"Per region and goal: {what} that reach the goal, directly, through the goal hierarchy or the "
            f"crosswalk, {how}; an insats counts once per goal. \"Any of them\" + \"none of them\" = the "
            "region's insatser; the last row is all regions together. The columns: " + ", ".join(
                f"{n} {lbl}" for n, lbl in zip(names, goals["label"], strict=True)) + ".")
        return ReportTable(key, title, counts, frame, columns, chart, self.suggested_note)

    # --- one region -----------------------------------------------------------------------

    def regional_goals(self) -> ReportTable:
        goals = self.counts.goals_of("rus", REGIONAL_GOALS)
        frame = self.counts.per_goal(goals)
        facts = self.counts.facts
        names = dict(zip(facts.goals["goal"], facts.goals["label"], strict=True))
        frame["parent"] = frame["goal"].map(lambda goal: names.get(facts.parents.get(goal, "")))
        frame["regionName"] = frame["region"].map(self.counts.region_names)
        order = sorted(frame.index, key=lambda i: (self.counts.regions.index(str(frame.at[i, "region"])),
                                                   str(frame.at[i, "parent"] or ""),
                                                   natural_key(frame.at[i, "notation"]), frame.at[i, "label"]))
        frame = frame.loc[order].reset_index(drop=True)
        columns = [Column("region", "region", "iri"), Column("regionName", self.h("region"), link="region"),
                   *self._goal_columns(parent=True)]
        columns = [c for c in columns if c.name != "regions"]
        return ReportTable(
            "rus_goals", self.t("Insatser per mål i regionens strategier (RUS)",
                                "Insatser per goal of the region's strategies (RUS)"),
            self.t("Per mål i regionens målvokabulär (RUS och regionens övriga strategier): insatser som anger "
                   "målet självt (direkt) och som når det, också via ett delmål under det (totalt); en insats "
                   "räknas en gång per mål. Det regionerna i dag räknar för hand.",
                   "Per goal of the region's goal vocabulary (RUS and its other strategies): insatser that name "
                   "the goal itself (direct) and that reach it, through a goal under it too (in all); an insats "
                   "counts once per goal. What regions count by hand today."),
            frame, columns, "rus", self.suggested_note)

    def insatser(self) -> ReportTable:
        """Each insats of the one region selected, with the regional goals it names and the national
        goals and SDGs it reaches: the rows behind the counts (read for that region only)."""
        from malgraf.query import select_values
        from malgraf.report.facts import _frame

        counts = self.counts
        facts = counts.facts
        region = facts.selection.region
        assert region is not None, "the insatser table is for one region"
        national = counts.goals_of("national", (NATIONAL_AREA, NATIONAL_PRIORITY, PRECONDITION))
        sdg = counts.goals_of("sdg", (SDG_GOAL,))
        regional = counts.goals_of("rus", REGIONAL_GOALS)
        schemes = sorted({*national["schemeIri"], *sdg["schemeIri"], *regional["schemeIri"]})
        insatser = _frame(select_values(facts.store, "report_insatser", facts.selection.bindings()),
                          ["insats", "region", "year", "section", "name"]).drop_duplicates("insats")
        named = _frame(select_values(facts.store, "report_insats_goals", facts.selection.bindings()),
                       ["insats", "direct"])
        pairs = _frame(select_values(facts.store, "report_reach_pairs", [{"scheme": URIRef(s)} for s in schemes]),
                       ["direct", "goal"])
        found = named.merge(pairs, on="direct").drop_duplicates(["insats", "goal", "direct"])
        found["named"] = (found["direct"] == found["goal"]).astype(int)
        names = dict(zip(facts.goals["goal"], facts.goals["label"], strict=True))
        notations = dict(zip(facts.goals["goal"], facts.goals["notation"], strict=True))
        order = {goal: i for i, goal in enumerate([*national["goal"], *sdg["goal"]])}
        named = found[(found["named"] == 1) & found["goal"].isin(regional["goal"])]
        own = named.groupby("insats")["goal"].agg(lambda goals: "; ".join(sorted({str(names[g]) for g in goals})))

        def joined(goals: pd.Series) -> str:
            return ", ".join(str(notations[g]) for g in sorted(set(goals), key=order.__getitem__))

        reached_national = found[found["goal"].isin(national["goal"])].groupby("insats")["goal"].agg(joined)
        reached_sdg = found[found["goal"].isin(sdg["goal"])].groupby("insats")["goal"].agg(joined)
        frame = insatser[["insats", "region", "section", "name"]].copy()
        frame["regionName"] = frame["region"].map(counts.region_names)
        frame["rus"] = frame["insats"].map(own)
        frame["national"] = frame["insats"].map(reached_national)
        frame["sdg"] = frame["insats"].map(reached_sdg)
        frame = frame.sort_values(["section", "name"], key=lambda c: c.map(
            lambda v: v if isinstance(v, (int, float)) else str(v).casefold())).reset_index(drop=True)
        columns = [Column("insats", "insats", "iri"), Column("region", "region", "iri"),
                   Column("regionName", self.h("region"), link="region"),
                   Column("section", self.h("section"), "number"),
                   Column("name", self.h("insatser"), link="insats"),
                   Column("rus", self.t("regionens mål som insatsen anger", "the region's goals it names")),
                   Column("national", self.t("når i nationella strategin", "reaches in the national strategy")),
                   Column("sdg", self.t("når i Agenda 2030", "reaches in Agenda 2030"))]
        notes = [self.t("Bara granskade länkar: föreslagna länkar visas inte här.",
                        "Reviewed links only: suggested links are not shown here.")] if self.suggested_note else []
        return ReportTable(
            "insatser", self.t("Insatserna och deras mål", "The insatser and their goals"),
            self.t("Varje insats i urvalet med avsnittet den redovisas under, de mål i regionens strategier som den "
                   "själv anger, och de områden, prioriteringar och mål i Agenda 2030 den når, direkt, via "
                   "hierarkin eller korsreferensen: raderna bakom räkningarna.",
                   "Each insats of the selection with the section it is reported under, the goals of the region's "
                   "strategies it names itself, and the areas, priorities and Agenda 2030 goals it reaches, "
                   "directly, through the hierarchy or the crosswalk: the rows behind the counts."),
            frame, columns, None, notes)

    def gaps(self, scheme: str, name: str, classes: tuple[str, ...] = ()) -> ReportTable:
        """The goals of ``scheme`` that no insats of the selection reaches."""
        goals = self.counts.goals_of(scheme, classes)
        reached = self.counts.reached_goals(goals)
        frame = goals[~goals["goal"].isin(reached)].reset_index(drop=True)
        columns = [Column("goal", "goal", "iri"), Column("notation", self.h("notation")),
                   Column("label", self.h("label"), link="goal")]
        return ReportTable(
            f"gaps_{scheme}", self.t(f"Mål som ingen insats når: {name}", f"Goals no insats reaches: {name}"),
            self.t(f"De mål i {name} som ingen insats i urvalet når, varken direkt, via hierarkin eller via "
                   "korsreferensen.",
                   f"The goals of {name} that no insats of the selection reaches, directly, through the hierarchy "
                   "or through the crosswalk."),
            frame, columns, None, self.suggested_note,
            empty=self.t(f"Varje mål i {name} nås av någon insats i urvalet.",
                         f"Every goal of {name} is reached by some insats of the selection."))

    # --- sections and regions -------------------------------------------------------------

    def sections(self) -> ReportTable:
        found = self.counts.facts.sections
        cells = found.pivot_table(index="region", columns="section", values="n", aggfunc="sum", fill_value=0)
        sections = sorted(int(s) for s in found["section"].unique())
        cells = cells.reindex(index=self.counts.regions, columns=sections, fill_value=0)
        cells.columns = [str(s) for s in sections]
        cells["insatser"] = cells.sum(axis=1)
        cells.loc[ALL_ROW] = cells.sum(axis=0)
        cells.insert(0, "regionName", [self.h("all_regions") if r == ALL_ROW else self.counts.region_names[r]
                                       for r in cells.index])
        cells.insert(0, "region", [None if r == ALL_ROW else r for r in cells.index])
        frame = cells.reset_index(drop=True)
        columns = [Column("region", "region", "iri"), Column("regionName", self.h("region"), link="region"),
                   *[Column(str(s), f"§{s}", "count") for s in sections],
                   Column("insatser", self.h("insatser"), "count")]
        return ReportTable(
            "sections", self.t("Insatser per region och avsnitt i redovisningen",
                               "Insatser per region and section of the report"),
            self.t("Hur många insatser varje region redovisar under varje avsnitt: §1–4 är den nationella "
                   "strategins strategiska områden, §5–7 temana jämställdhet, integration och miljö och klimat. "
                   "En insats som redovisas under flera avsnitt räknas en gång per avsnitt, som i källan.",
                   "How many insatser each region reports under each section: §1–4 are the national strategy's "
                   "strategic areas, §5–7 the themes gender equality, integration, and environment and climate. "
                   "An insats reported under several sections counts once per section, as in the source."),
            frame, columns, "sections")
