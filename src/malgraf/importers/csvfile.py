"""Read one tidy CSV file defensively: every flaw is an ``InputError`` naming file, row and field.

What a spreadsheet program may write is accepted: a UTF-8 byte-order mark (Excel's "CSV UTF-8"),
``;`` between fields (Excel in a Swedish locale uses the list separator ``;`` for every CSV
format), CRLF line ends, rows of empty cells at the end. Everything else that would load wrong or
break later is refused with the row it is on: text that is not UTF-8, a NUL byte, a cell longer
than ``MAX_CELL_CHARS``, a row with more or fewer fields than the header, a quote left open.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from malgraf.errors import InputError

MAX_FILE_BYTES = 256 * 1024 * 1024
"""A tidy CSV file larger than this is refused before it is read (the 2023 insatser are 0.45 MB)."""
MAX_CELL_CHARS = 100_000
"""The longest cell accepted: three times what an Excel cell can hold (32 767), 30 times the longest shipped."""
DELIMITERS = (",", ";")
"""Field separators accepted, tried in this order on the header row."""

_BOM = "\ufeff"
_WHOLE_NUMBER_DIGITS = 9


@dataclass(frozen=True)
class CsvRow:
    """One data row of a CSV file with its 1-based row number (the header is row 1)."""

    path: Path
    number: int
    values: dict[str, str]

    def error(self, column: str | None, message: str) -> InputError:
        """An ``InputError`` for this row (and ``column``)."""
        return InputError(self.path, message, line=self.number, field=column)

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()

    def required(self, column: str) -> str:
        value = self.get(column)
        if not value:
            raise self.error(column, "is empty")
        return value

    def integer(self, column: str, *, required: bool = True) -> int | None:
        """A whole number of at most nine ASCII digits (``1_000``, ``-5`` and ``١٢`` are refused)."""
        value = self.required(column) if required else self.get(column)
        if not value:
            return None
        if not (value.isascii() and value.isdigit() and len(value) <= _WHOLE_NUMBER_DIGITS):
            raise self.error(column, f"{value!r} is not a whole number")
        return int(value)


def read_text(path: Path) -> str:
    """The text of a UTF-8 file, BOM removed; bytes that are not UTF-8 are kept as lone surrogates.

    ``check_cell`` later reports them with the row and field they are in.
    """
    if path.is_dir():
        raise InputError(path, "is a directory, not a CSV file")
    if not path.exists():
        raise InputError(path, "no such file")
    if not path.is_file():
        raise InputError(path, "not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(path, f"{size} bytes, more than the {MAX_FILE_BYTES} a CSV file may have; split it")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "UTF-16 text (Excel's \"Unicode text\"), not UTF-8; save the file as CSV UTF-8")
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise InputError(path, "a spreadsheet workbook (.xlsx or .xls), not CSV; save the sheet as CSV UTF-8")
    text = data.decode("utf-8", errors="surrogateescape")
    return text.removeprefix(_BOM)


def check_cell(path: Path, number: int, column: str | None, value: str) -> None:
    """Refuse a cell that is not UTF-8, holds a NUL byte or is too long."""
    if len(value) > MAX_CELL_CHARS:
        raise InputError(path, f"a cell of {len(value)} characters; at most {MAX_CELL_CHARS} are accepted",
                         line=number, field=column)
    if "\x00" in value:
        raise InputError(path, "holds a NUL byte (is this a spreadsheet file rather than CSV?)", line=number,
                         field=column)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        byte = ord(value[error.start]) - 0xDC00
        raise InputError(path, f"not UTF-8 (byte 0x{byte:02x}); save the file as CSV UTF-8", line=number,
                         field=column) from None


def _rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, fields) of every record; a broken quote names the row it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise InputError(path, f"{error}: a quote (\") opened in a cell is not closed, or a quote inside "
                             "a quoted cell is not doubled", line=number + 1) from None
        number += 1
        yield number, fields


def _header(path: Path, text: str, columns: tuple[str, ...]) -> tuple[str, list[str]]:
    """The delimiter and the header of ``text``, which must hold every name in ``columns``."""
    found: list[str] = []
    for delimiter in DELIMITERS:
        header = [name.strip() for name in next(_rows(path, text, delimiter), (1, []))[1]]
        for name in header:
            check_cell(path, 1, None, name)
        if len(header) > len(found):
            found = header
        if all(c in header for c in columns):
            repeated = sorted({name for name in header if name and header.count(name) > 1})
            if repeated:
                raise InputError(path, f"column {repeated[0]!r} appears more than once in the header", line=1)
            return delimiter, header
    if not any(found):
        raise InputError(path, f"no header row; the first row must name the columns {', '.join(columns)}", line=1)
    missing = [c for c in columns if c not in found]
    hint = "; the header is separated by tabs: save as CSV UTF-8 (comma-separated)" if "\t" in found[0] else ""
    shown = ", ".join(repr(name) for name in found[:6]) + (", …" if len(found) > 6 else "")
    raise InputError(path, f"missing column(s) {', '.join(missing)} (the header has {shown}){hint}", line=1)


def read_csv(path: Path, columns: tuple[str, ...]) -> Iterator[CsvRow]:
    """Rows of a UTF-8 CSV file (``,`` or ``;`` between fields) whose header holds at least ``columns``.

    Rows whose cells are all empty are skipped.
    """
    text = read_text(path)
    delimiter, header = _header(path, text, columns)
    rows = _rows(path, text, delimiter)
    next(rows, None)
    for number, fields in rows:
        for index, value in enumerate(fields):
            check_cell(path, number, header[index] if index < len(header) else None, value)
        if not any(value.strip() for value in fields):
            continue
        if len(fields) != len(header):
            more_or_fewer = "more" if len(fields) > len(header) else "fewer"
            raise InputError(path, f"{len(fields)} fields, {more_or_fewer} than the {len(header)} the header has",
                             line=number)
        yield CsvRow(path, number, dict(zip(header, fields, strict=True)))


# The csv module's own limit (128 KiB) would stop a long cell without its row; ``check_cell`` names it.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))

__all__ = ["DELIMITERS", "MAX_CELL_CHARS", "MAX_FILE_BYTES", "CsvRow", "check_cell", "read_csv", "read_text"]
