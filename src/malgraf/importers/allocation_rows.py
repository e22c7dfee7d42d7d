"""The words and numbers of an ``allocation.csv`` row (the §8 amounts, read by hand): what it is for,
which kind of amount, and a share in per cent, each checked with the row and column it stands in."""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS, XSD
from rdflib.term import Node

from malgraf.importers.csvfile import CsvRow
from malgraf.namespaces import MG

_AMOUNT = re.compile(r"[0-9]{1,13}(\.[0-9]{1,2})?")

ALLOCATION_WRITTEN_COLUMNS = ("region", "lanskod", "item", "measure", "amount_sek", "share_percent", "period",
                              "statement", "source_line", "note")
ALLOCATION_ITEMS = ("totalt", "projektmedel", "företagsstöd", "kommersiell service", "utvärdering", "övrigt")
"""What a §8 amount is for: the grant as a whole, projects, regional company support (commercial
service apart), commercial service, follow-up and evaluation, another named purpose."""
ALLOCATION_MEASURES = ("ram", "bemyndigande", "planerat", "beviljat", "utbetalt")
"""Which kind of amount: the frame allotted for the year, a commitment frame or decision target, a
planned split, granted (decided), paid out."""


def allocation_item(row: CsvRow) -> tuple[str, str]:
    """A row's item and measure, each one of the known words (or empty, for a region without amount)."""
    item, measure = row.get("item"), row.get("measure")
    if item and item not in ALLOCATION_ITEMS:
        raise row.error("item", f"{item!r} is not an allocation item: write one of {', '.join(ALLOCATION_ITEMS)}")
    if measure and measure not in ALLOCATION_MEASURES:
        raise row.error("measure", f"{measure!r} is not a kind of amount: write one of "
                        f"{', '.join(ALLOCATION_MEASURES)}")
    stated = row.get("amount_sek") or row.get("share_percent")
    if item and not stated:
        raise row.error("amount_sek", "is empty: give the amount (or share_percent), or leave item empty for a "
                        "region whose text states no amount")
    if not item and (stated or measure):
        raise row.error("item", "is empty, but the row gives an amount: say what the amount is for")
    return item, measure


def share_percent(row: CsvRow) -> Decimal:
    value = row.get("share_percent")
    if not (value.isascii() and re.fullmatch(r"[0-9]{1,3}(\.[0-9]{1,2})?", value)) or Decimal(value) > 100:
        raise row.error("share_percent", f"{value!r} is not a percentage: write a number from 0 to 100, with "
                        "'.' before any decimals (e.g. 61.5)")
    return Decimal(value)


def allocation_triples(node: URIRef, row: CsvRow, item: str, measure: str) -> list[tuple[URIRef, URIRef, Node]]:
    """What ``node`` (the row's §8 record) says: item, line and sentence, kind, amount or share,
    period and note; a row without item (no amount in the text) only its note."""
    triples: list[tuple[URIRef, URIRef, Node]] = []
    if item:
        line = row.integer("source_line")
        triples += [(node, MG.allocationItem, Literal(item)), (node, MG.sourceFirstLine, Literal(line)),
                    (node, MG.sourceLastLine, Literal(line)),
                    (node, MG.statement, Literal(row.required("statement"), lang="sv"))]
    if measure:
        triples.append((node, MG.allocationMeasure, Literal(measure)))
    if row.get("amount_sek"):
        triples.append((node, MG.amountSek, Literal(amount_sek(row), datatype=XSD.decimal)))
    if row.get("share_percent"):
        triples.append((node, MG.sharePercent, Literal(share_percent(row), datatype=XSD.decimal)))
    if row.get("period"):
        triples.append((node, MG.period, Literal(row.get("period"))))
    if row.get("note"):
        triples.append((node, SKOS.note, Literal(row.get("note"), lang="sv")))
    return triples


def amount_sek(row: CsvRow) -> Decimal:
    """An amount in kronor: digits, with at most two decimals after a point (no sign, exponent, NaN, inf)."""
    value = row.required("amount_sek")
    if not (value.isascii() and _AMOUNT.fullmatch(value)):
        raise row.error("amount_sek", f"{value!r} is not an amount in kronor: write digits only, with '.' before "
                        "any öre (e.g. 29700000 or 1400000.50)")
    return Decimal(value)
