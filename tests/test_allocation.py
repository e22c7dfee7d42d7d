"""The §8 amounts (``data/2023/allocation.csv``), read by hand: pinned for the regions checked by hand,
each grounded in its sentence and line of the source, and the loader's checks of the file."""

from __future__ import annotations

import csv
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from malgraf.errors import InputError
from malgraf.importers.appendix.section8 import amounts_in
from malgraf.importers.tables import ALLOCATION_ITEMS, ALLOCATION_MEASURES, ALLOCATION_WRITTEN_COLUMNS, load_year
from malgraf.resources import APPENDIX_2023, DATA_DIRECTORY

ALLOCATION = DATA_DIRECTORY / "2023" / "allocation.csv"
MINI = Path(__file__).parent / "data" / "mini"


def rows() -> list[dict[str, str]]:
    with ALLOCATION.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def of(region: str) -> set[tuple[str, str, int | None, str]]:
    return {(r["item"], r["measure"], int(r["amount_sek"]) if r["amount_sek"] else None, r["share_percent"])
            for r in rows() if r["region"] == region}


# Read from seed 004 by two readers independently and reconciled by a third (data/2023/README in the
# project README): the amounts of eight regions, and the six whose §8 states no amount of the grant.
PINNED: dict[str, set[tuple[str, str, int | None, str]]] = {
    "Blekinge": {("totalt", "ram", 41_000_000, ""), ("projektmedel", "planerat", 29_700_000, ""),
                 ("företagsstöd", "planerat", 8_200_000, ""), ("kommersiell service", "planerat", 1_800_000, ""),
                 ("utvärdering", "planerat", 1_400_000, "")},
    "Gävleborg": {("totalt", "ram", 87_000_000, ""), ("totalt", "bemyndigande", 95_000_000, ""),
                  ("totalt", "beviljat", 81_400_000, ""), ("projektmedel", "bemyndigande", None, "68"),
                  ("företagsstöd", "bemyndigande", None, "32")},
    "Västmanland": {("totalt", "beviljat", 43_800_000, ""), ("projektmedel", "beviljat", 24_700_000, "57"),
                    ("företagsstöd", "beviljat", 18_646_580, ""), ("kommersiell service", "beviljat", 453_420, ""),
                    ("projektmedel", "utbetalt", 17_600_000, ""), ("företagsstöd", "utbetalt", 17_346_580, ""),
                    ("kommersiell service", "utbetalt", 453_420, "")},
    "Västernorrland": {("totalt", "beviljat", 163_000_000, ""), ("företagsstöd", "beviljat", 98_000_000, ""),
                       ("övrigt", "beviljat", 53_000_000, ""), ("totalt", "utbetalt", 116_800_000, "")},
    "Västra Götaland": {("totalt", "ram", 68_100_000, ""), ("projektmedel", "beviljat", 37_800_000, ""),
                        ("företagsstöd", "beviljat", 25_500_000, ""), ("övrigt", "beviljat", 993_582, "")},
    "Stockholm": {("totalt", "ram", 8_200_000, ""), ("projektmedel", "beviljat", 6_600_000, "")},
    "Gotland": {("projektmedel", "beviljat", 24_600_000, ""), ("företagsstöd", "beviljat", 1_700_000, ""),
                ("övrigt", "beviljat", 26_300_000, "")},
    "Västerbotten": {("totalt", "bemyndigande", 138_000_000, ""), ("projektmedel", "planerat", None, "72"),
                     ("företagsstöd", "planerat", None, "20"), ("kommersiell service", "planerat", None, "6.5"),
                     ("utvärdering", "planerat", None, "1.5")},
    **{region: {("", "", None, "")} for region in ("Dalarna", "Halland", "Kalmar", "Kronoberg", "Norrbotten",
                                                    "Örebro")},
}


@pytest.mark.parametrize("region", sorted(PINNED))
def test_the_amounts_checked_by_hand_are_the_shipped_ones(region: str) -> None:
    assert of(region) == PINNED[region]


def test_every_region_has_its_amounts_or_says_it_has_none() -> None:
    from malgraf.regions import REGION_NAMES

    assert {r["region"] for r in rows()} == set(REGION_NAMES)
    for row in rows():
        if not row["item"]:
            assert row["note"] == "inget belopp i §8" and not (row["amount_sek"] or row["share_percent"])


def test_one_amount_per_region_item_and_measure_and_only_known_words() -> None:
    keys = [(r["region"], r["item"], r["measure"]) for r in rows()]
    assert len(keys) == len(set(keys))
    assert {r["item"] for r in rows()} <= {*ALLOCATION_ITEMS, ""}
    assert {r["measure"] for r in rows()} <= {*ALLOCATION_MEASURES, ""}
    with ALLOCATION.open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == ALLOCATION_WRITTEN_COLUMNS


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_each_amount_stands_in_its_sentence_at_its_line_of_the_source() -> None:
    lines = APPENDIX_2023.read_text(encoding="utf-8").splitlines()
    for row in rows():
        if not row["item"]:
            continue
        line = int(row["source_line"])
        window = _flat(" ".join(lines[line - 6:line + 6]))
        for sentence in row["statement"].split(" … "):
            assert _flat(sentence) in window, (row["region"], row["item"], line)
        if row["amount_sek"]:
            stated = amounts_in(row["statement"])
            amount = Decimal(row["amount_sek"])
            computed = re.match(r"beräknat: (\d+) - (\d+) = (\d+);", row["note"])
            read_as = re.match(r"tolkat: (\d+);", row["note"])  # a misprint, read as the digits printed
            if read_as:
                assert Decimal(read_as.group(1)) == amount and f"{int(amount):,}".replace(",", " ") in row["statement"]
            elif computed:
                whole, part, result = (Decimal(n) for n in computed.groups())
                assert whole - part == result == amount and {whole, part} <= set(stated), row
            else:
                assert amount in stated, (row["region"], row["item"], amount, stated)
        if row["share_percent"]:
            share = row["share_percent"].replace(".", ",")
            assert re.search(rf"(?<![\d,]){re.escape(share)}\s*(%|procent)", row["statement"]), row


# --- the loader's checks -------------------------------------------------------------------------------

HEADER = ",".join(ALLOCATION_WRITTEN_COLUMNS) + "\n"


def _year(tmp_path: Path, allocation: str) -> Path:
    data = tmp_path / "2023"
    shutil.copytree(MINI, data)
    (data / "allocation.csv").write_text(HEADER + allocation, encoding="utf-8")
    return data


@pytest.mark.parametrize(("row", "message"), [
    ("Blekinge,10,projekt,planerat,100,,2023,Text.,5,\n",
     "allocation.csv:2: item: 'projekt' is not an allocation item: write one of totalt, projektmedel"),
    ("Blekinge,10,totalt,fördelat,100,,2023,Text.,5,\n",
     "allocation.csv:2: measure: 'fördelat' is not a kind of amount: write one of ram, bemyndigande"),
    ("Blekinge,10,totalt,ram,,,2023,Text.,5,\n", "allocation.csv:2: amount_sek: is empty: give the amount"),
    ("Blekinge,10,,ram,100,,2023,Text.,5,\n", "allocation.csv:2: item: is empty, but the row gives an amount"),
    ("Blekinge,10,projektmedel,planerat,,120,2023,Text.,5,\n",
     "allocation.csv:2: share_percent: '120' is not a percentage"),
    ("Blekinge,10,projektmedel,planerat,,1e2,2023,Text.,5,\n",
     "allocation.csv:2: share_percent: '1e2' is not a percentage"),
    ("Blekinge,10,totalt,ram,100,,2023,Text.,5,\nBlekinge,10,totalt,ram,200,,2023,Text.,6,\n",
     "allocation.csv:3: item: a second amount for 'totalt' (ram) of this region (row 2 has one)"),
    ("Blekinge,10,totalt,ram,100,,2023,,5,\n", "allocation.csv:2: statement: is empty"),
])
def test_a_malformed_allocation_row_names_its_file_row_and_field(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        load_year(_year(tmp_path, row))
    assert message in str(raised.value)


def test_a_region_without_amount_and_a_share_become_what_they_are(tmp_path: Path) -> None:
    from rdflib import RDF

    from malgraf.namespaces import MG, REGION, SKOS

    graph = load_year(_year(tmp_path, "Blekinge,10,,,,,,,,inget belopp i §8\n"
                                      "Gotland,09,projektmedel,planerat,,61.5,2023,\"Text, 61,5 %.\",5,\n"))
    nodes = {str(graph.value(node, MG.region)): node for node in graph.subjects(RDF.type, MG.Allocation)}
    blekinge, gotland = nodes[str(REGION["10"])], nodes[str(REGION["09"])]
    assert graph.value(blekinge, MG.amountSek) is None and graph.value(blekinge, MG.allocationItem) is None
    assert str(graph.value(blekinge, SKOS.note)) == "inget belopp i §8"
    assert graph.value(gotland, MG.sharePercent).toPython() == Decimal("61.5")
    assert str(graph.value(gotland, MG.allocationMeasure)) == "planerat" and graph.value(gotland, MG.amountSek) is None
