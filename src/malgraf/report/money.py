"""The §8 allocation of the 1:1 grant per region, beside the counts of insatser."""

from __future__ import annotations

import pandas as pd

from malgraf.importers.tables import ALLOCATION_ITEMS
from malgraf.report.table import Column, ReportTable
from malgraf.report.tables import Tables

PREFERRED_MEASURES: dict[str, tuple[str, ...]] = {
    "totalt": ("ram", "beviljat", "bemyndigande", "planerat", "utbetalt"),
    "": ("beviljat", "planerat", "utbetalt", "bemyndigande", "ram"),
}
"""Which amount of an item a region row shows when the text gives several: for the whole grant the
frame the region had, for an item what was granted, else what was planned or paid."""
SHOWN_ITEMS = ("totalt", "projektmedel", "företagsstöd", "kommersiell service")


def allocation_table(tables: Tables) -> ReportTable:
    """Every §8 amount with its item, kind, period and the sentence it was read from."""
    counts = tables.counts
    amounts = counts.facts.allocations.copy()
    amounts["regionName"] = amounts["region"].map(counts.region_names)
    item_order = {item: i for i, item in enumerate(ALLOCATION_ITEMS)}
    amounts = amounts.sort_values(
        ["region", "item"], key=lambda column: column.map(
            (lambda r: counts.regions.index(r) if r in counts.regions else 99) if column.name == "region"
            else (lambda item: item_order.get(item, -1)))).reset_index(drop=True)
    amounts["amount"] = amounts["amount"].map(lambda value: None if value is None or pd.isna(value) else int(value))
    amounts["item"] = amounts["item"].fillna(tables.h("no_amount"))
    columns = [Column("region", "region", "iri"), Column("regionName", tables.h("region"), link="region"),
               Column("item", tables.h("item")), Column("measure", tables.h("measure")),
               Column("amount", tables.h("amount"), "money"), Column("share", tables.h("share"), "number"),
               Column("period", tables.h("period")), Column("statement", tables.h("statement")),
               Column("line", tables.h("line"), "number"), Column("note", tables.h("note"))]
    return ReportTable(
        "allocation", tables.t("Fördelning av anslag 1:1 enligt avsnitt 8", "Allocation of the 1:1 grant, section 8"),
        tables.t("Varje belopp av anslaget 1:1 som en regions text i avsnitt 8 anger, läst för hand: posten "
                 "(totalt, projektmedel, företagsstöd utan kommersiell service, kommersiell service, utvärdering, "
                 "övrigt), slaget av belopp (ram, bemyndigande, planerat, beviljat, utbetalt), perioden och "
                 "meningen det står i med radnumret i källan. En region vars text inte anger något belopp står "
                 "med \"inget belopp\", aldrig med 0. Belopp av olika slag ska inte summeras.",
                 "Every amount of the 1:1 grant that a region's section 8 text gives, read by hand: the item "
                 "(total, projects, company support without commercial service, commercial service, evaluation, "
                 "other), the kind of amount (frame, commitment frame, planned, granted, paid out), the period and "
                 "the sentence it stands in with its line in the source. A region whose text gives no amount is "
                 "listed with \"no amount\", never with 0. Amounts of different kinds are not to be added."),
        amounts, columns)


def _chosen(amounts: pd.DataFrame, region: str, item: str) -> tuple[int | None, str | None]:
    """The amount of ``item`` a region row shows, and its kind; only a share when the text gives no
    amount (``planerat, 72 %``)."""
    rows = amounts[(amounts["region"] == region) & (amounts["item"] == item)]
    order = PREFERRED_MEASURES.get(item, PREFERRED_MEASURES[""])
    for wanted in ("amount", "share"):
        for measure in order:
            found = rows[(rows["measure"] == measure) & rows[wanted].notna()]
            if len(found):
                if wanted == "amount":
                    return int(found["amount"].iloc[0]), measure
                return None, f"{measure}, {float(found['share'].iloc[0]):g} %"
    return None, None


def regions_table(tables: Tables) -> ReportTable:
    """Per region: its insatser, how many reach its own goals and the national strategy, and its grant."""
    counts = tables.counts
    amounts = counts.facts.allocations
    regional, national = counts.group("rus"), counts.group("national")
    rows = []
    for region in counts.regions:
        row: dict[str, object] = {
            "region": region, "regionName": counts.region_names[region],
            "insatser": int(counts.facts.insatser.get(region, 0)),
            "rus": int(regional[region]), "national": int(national[region]),
        }
        for item in SHOWN_ITEMS:
            row[item], row[f"{item} measure"] = _chosen(amounts, region, item)
        stated = amounts[amounts["region"] == region]
        row["note"] = (tables.h("no_amount") if len(stated) and stated["amount"].isna().all()
                       and stated["share"].isna().all() else None)
        rows.append(row)
    frame = pd.DataFrame(rows)
    total = {"region": None, "regionName": tables.h("all_regions"), "insatser": counts.total,
             "rus": int(regional.sum()), "national": int(national.sum())}
    frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    columns = [Column("region", "region", "iri"), Column("regionName", tables.h("region"), link="region"),
               Column("insatser", tables.h("insatser"), "count"),
               Column("rus", tables.t("når regionens mål", "reach the region's goals"), "count"),
               Column("national", tables.t("når nationella strategin", "reach the national strategy"), "count")]
    for item in SHOWN_ITEMS:
        columns += [Column(item, f"{item} (kr)", "money"),
                    Column(f"{item} measure", f"{item}: {tables.h('grant_measure')}")]
    columns.append(Column("note", tables.h("note")))
    return ReportTable(
        "regions", tables.t("Insatser och anslag 1:1 per region", "Insatser and the 1:1 grant per region"),
        tables.t("Per region: insatserna i urvalet, hur många av dem som når något av regionens egna mål och den "
                 "nationella strategin (direkt, via hierarkin eller korsreferensen), och beloppen i avsnitt 8: för "
                 "\"totalt\" regionens ram i första hand, för övriga poster det beviljade, annars det planerade "
                 "eller utbetalda; kolumnen efter varje belopp säger vilket. Tabellen \"allocation\" har alla "
                 "belopp med meningen de står i. Summan av alla regioner ges bara för antal, inte för belopp av "
                 "olika slag.",
                 "Per region: the insatser of the selection, how many reach one of the region's own goals and the "
                 "national strategy (directly, through the hierarchy or the crosswalk), and the amounts of section "
                 "8: for \"totalt\" the region's frame first, for the other items what was granted, else what was "
                 "planned or paid out; the column after each amount says which. The table \"allocation\" has every "
                 "amount with the sentence it stands in. All regions together are summed for counts only, not for "
                 "amounts of different kinds."),
        frame, columns, "money",
        labels={"no_total": tables.t("inget totalbelopp", "no total given"),
                "millions": tables.t("anslag 1:1, totalt, miljoner kr (slag av belopp)",
                                     "1:1 grant, total, million SEK (kind of amount)")})
