"""The review sheet: suggestions as rows an officer decides in Excel (or any spreadsheet), and the
decisions read back.

One row per candidate: the source (a regional goal or an insats) and its region, the scheme, the
candidate with rank, score and why, and three columns to fill in: ``decision`` (accept / reject,
a drop-down in XLSX; empty = not decided yet), ``role`` (main / contributing) and ``note``. CSV is
UTF-8 with a byte-order mark, so that Excel opens it right; ``;``-separated CSV (Excel in a Swedish
locale) is read too. Every text cell goes through ``output.spreadsheet_safe``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from malgraf.crosswalk.decisions import METHODS, Decision, source_iri
from malgraf.crosswalk.suggest import Suggestion
from malgraf.errors import InputError
from malgraf.files import write_files_atomically
from malgraf.importers.goal_iris import expand_goal
from malgraf.namespaces import PREFIXES
from malgraf.output import spreadsheet_safe
from malgraf.text import visible

REVIEW_COLUMNS = ("region", "source", "source_label", "scheme", "rank", "target", "target_label", "score",
                  "method", "why", "decision", "role", "note")
DECISION_WORDS = {"accept": "accepted", "accepted": "accepted", "godta": "accepted", "ja": "accepted",
                  "reject": "rejected", "rejected": "rejected", "avvisa": "rejected", "nej": "rejected"}
ROLE_WORDS = {"main": "main", "huvud": "main", "huvudsaklig": "main",
              "contributing": "contributing", "bidragande": "contributing"}
MAX_ROWS = 200_000


def curie(iri: object) -> str:
    """``iri`` as a CURIE of malgraf's prefixes where one fits (``sdg:3.4``, ``insats:2023-1-10-…``)."""
    text = str(iri)
    for prefix in ("insats", "rus", "ns", "eruf", "sdg"):
        base = str(PREFIXES[prefix])
        if text.startswith(base) and "/" not in text[len(base):]:
            return prefix + ":" + text[len(base):]
    return text


def review_rows(suggestions: Iterable[Suggestion]) -> list[list[object]]:
    """The sheet's rows (without the header): the first candidate of each scheme proposed as main."""
    return [[s.source.region_name, curie(s.source.iri), s.source.label, s.scheme, s.rank, curie(s.target.iri),
             f"{s.target.notation} {s.target.label}".strip() if s.target.notation and not
             s.target.label.startswith(s.target.notation) else s.target.label,
             s.score, s.method, s.why, "", "main" if s.rank == 1 else "contributing", ""] for s in suggestions]


def write_review_sheet(path: Path, suggestions: Sequence[Suggestion]) -> int:
    """Write the review sheet as XLSX (by the suffix ``.xlsx``) or CSV, atomically; return its rows."""
    rows = review_rows(suggestions)
    if path.suffix.lower() == ".xlsx":
        data: str | bytes = _xlsx(rows)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(REVIEW_COLUMNS)
        for row in rows:
            writer.writerow([spreadsheet_safe(visible(c)) if isinstance(c, str) else c for c in row])
        data = buffer.getvalue()
    write_files_atomically(path.parent, {path.name: data})
    return len(rows)


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Granska"
    sheet.append(REVIEW_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_safe(visible(c)) if isinstance(c, str) else c for c in row])
    last = len(rows) + 1
    for column, choices in (("K", "accept,reject"), ("L", "main,contributing")):
        validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, showDropDown=False)
        validation.error = f"Välj {choices.replace(',', ' eller ')}"
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}{max(last, 2)}")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:M{last}"
    for column, width in zip("ABCDEFGHIJKLM", (14, 30, 45, 11, 6, 16, 55, 8, 8, 60, 10, 13, 30), strict=True):
        sheet.column_dimensions[column].width = width
    guide = book.create_sheet("Så här")
    for line in GUIDE:
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GUIDE = (
    "Granska förslagen till korsreferenser (malgraf crosswalk suggest).",
    "Varje rad är ett förslag: källan (ett regionalt mål eller en insats), målsystemet (scheme), kandidaten "
    "(target) med rang, poäng och varför.",
    "Fyll i decision: accept (godta) eller reject (avvisa). Lämna tom om du inte har bestämt dig.",
    "role: main för det mål i målsystemet som källan tjänar mest direkt, contributing för fler.",
    "note: ditt skäl, om du vill.",
    "Spara och kör: malgraf crosswalk accept FIL --by 'Ditt namn'. Avvisade förslag föreslås inte igen.",
    "scheme: national = nationella strategins prioriteringar och grundförutsättningar; sdg-goal = de 17 målen "
    "i Agenda 2030; sdg-target = de 169 delmålen; eruf = Regionalfondens specifika mål; rus = regionens egna mål.",
)


@dataclass(frozen=True)
class SheetRow:
    number: int
    values: dict[str, str]


class SheetError(InputError):
    """A flaw in a review sheet: ``FILE:row N: column "X": …``."""

    def __init__(self, path: Path, number: int, column: str | None, message: str) -> None:
        super().__init__(path, message)
        where = f'{path}:row {number}: ' + (f'column "{column}": ' if column else "")
        self.line, self.field = number, column
        self.args = (where + message,)

    def __str__(self) -> str:
        return str(self.args[0])


def read_review_sheet(path: Path) -> list[Decision]:
    """The decided rows of a review sheet (XLSX or CSV); every row is checked before any is returned."""
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    decisions: list[Decision] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        decision = _decision(path, row)
        if decision is None:
            continue
        if decision.key in seen:
            raise SheetError(path, row.number, "target", f"{decision.source} → {decision.target} is decided in "
                             f"row {seen[decision.key]} too")
        seen[decision.key] = row.number
        decisions.append(decision)
    return decisions


def _decision(path: Path, row: SheetRow) -> Decision | None:
    def cell(column: str) -> str:
        value = row.values.get(column, "").strip()
        return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@") else value

    word = cell("decision").casefold()
    if not word:
        return None
    if word not in DECISION_WORDS:
        raise SheetError(path, row.number, "decision", f"{cell('decision')!r} is not accept or reject")
    decision = DECISION_WORDS[word]
    for column in ("source", "target"):
        try:
            (source_iri if column == "source" else expand_goal)(cell(column))
        except ValueError as error:
            raise SheetError(path, row.number, column, str(error) if cell(column) else "is empty") from None
    role = cell("role").casefold()
    if role and role not in ROLE_WORDS:
        raise SheetError(path, row.number, "role", f"{cell('role')!r} is not main or contributing")
    if decision == "accepted" and not role:
        raise SheetError(path, row.number, "role", "an accepted link needs a role: main or contributing")
    score = cell("score").replace(",", ".")
    if score:
        try:
            float(score)
        except ValueError:
            raise SheetError(path, row.number, "score", f"{cell('score')!r} is not a number") from None
    method = cell("method") or "hand"  # a row a person added by hand names no method
    if method not in METHODS:
        raise SheetError(path, row.number, "method", f"{method!r} is not one of {', '.join(METHODS)}")
    return Decision(source=cell("source"), target=cell("target"), decision=decision,
                    role=ROLE_WORDS.get(role, "") if decision == "accepted" else "",
                    method=method,
                    score=score, why=cell("why"), note=cell("note"), row=row.number)


def _header(path: Path, header: Sequence[object]) -> list[str]:
    names = [str(value or "").strip().lstrip("\ufeff").casefold() for value in header]
    missing = [column for column in ("source", "target", "decision", "role") if column not in names]
    if missing:
        raise SheetError(path, 1, None, f"missing column(s) {', '.join(missing)}; a review sheet has the columns "
                         f"{', '.join(REVIEW_COLUMNS)} (malgraf crosswalk suggest writes one)")
    return names


def _csv_rows(path: Path) -> list[SheetRow]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 (byte 0x{raw[error.start]:02x}); save the sheet as CSV UTF-8 or "
                         "XLSX") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise InputError(path, f"not a CSV file: {error}") from None
    if not table:
        raise SheetError(path, 1, None, "the sheet is empty: no header row")
    names = _header(path, table[0])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(names):
            raise SheetError(path, number, None, f"{len(cells)} cells, but the header has {len(names)}")
        rows.append(SheetRow(number, dict(zip(names, cells, strict=False))))
    return rows


def _xlsx_rows(path: Path) -> list[SheetRow]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError) as error:
        raise InputError(path, f"not an XLSX workbook Excel wrote ({error})") from None
    sheet = book.worksheets[0]
    table = sheet.iter_rows(values_only=True)
    header = next(table, None)
    if header is None:
        raise SheetError(path, 1, None, "the sheet is empty: no header row")
    names = _header(path, header)
    rows = []
    for number, cells in enumerate(table, start=2):
        if number > MAX_ROWS:
            raise SheetError(path, number, None, f"more than {MAX_ROWS} rows")
        values = {name: "" if value is None else str(value) for name, value in zip(names, cells, strict=False)}
        if any(v.strip() for v in values.values()):
            rows.append(SheetRow(number, values))
    book.close()
    return rows
