"""Output is safe to print and to open: no raw control characters, no spreadsheet formulas."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from malgraf.output import FORMATS, Table, render_rows, render_tables, spreadsheet_safe, to_json, visible

CONTROLS = [chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F),
                             *range(0x2066, 0x206A), 0x2028, 0x2029]]
"""Every character that must not reach a terminal raw."""

TERMINAL_FORMATS = ["table", "md", "csv"]


def raw_controls(text: str, allowed: str = "\n") -> set[str]:
    return {c for c in text if c in CONTROLS and c not in allowed}


@pytest.mark.parametrize("fmt", TERMINAL_FORMATS)
@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_control_characters_from_the_data_are_shown_not_sent(char: str, fmt: str) -> None:
    out = render_rows([{"name": f"a{char}b", "n": 1}], ["name", "n"], fmt)
    allowed = "\n\t" if fmt == "csv" else "\n"  # CSV keeps a tab or newline inside a quoted cell
    assert not raw_controls(out, allowed)
    if char in "\n\t":
        assert (char if fmt == "csv" else "a b") in out  # one line in a table
    else:
        assert visible(char) in out


def test_escape_sequences_and_bidi_overrides_are_visible() -> None:
    rows = [{"name": "\x1b[2J\x1b[31mred", "other": "abc\u202edcba\u2066x\u2069"}]
    table = render_rows(rows, ["name", "other"])
    assert "␛[2J␛[31mred" in table and "abc\\u202edcba\\u2066x\\u2069" in table


def test_csv_keeps_newlines_and_tabs_inside_cells() -> None:
    out = render_rows([{"a": "two\r\nlines\tand a tab", "b": "x"}], ["a", "b"], "csv")
    assert list(csv.reader(io.StringIO(out))) == [["a", "b"], ["two\nlines\tand a tab", "x"]]


@pytest.mark.parametrize("cell", ["=1+1", "=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3",
                                  "@SUM(A1)", "\tcmd", "-", "+", "=", "@"])
def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote(cell: str) -> None:
    out = render_rows([{"a": cell}], ["a"], "csv")
    (value,) = list(csv.reader(io.StringIO(out)))[1]
    assert value.startswith("'") and value[1:] == visible(cell, keep="\n\t")


@pytest.mark.parametrize("cell", ["-3", "+4", "-3.5", "-3,5", "2023", "-1e5", "Anslag 1:1", "a=b", "mejl@x.se"])
def test_numbers_and_harmless_cells_stay_as_they_are(cell: str) -> None:
    out = render_rows([{"a": cell}], ["a"], "csv")
    assert list(csv.reader(io.StringIO(out)))[1] == [cell]


def test_a_leading_carriage_return_cannot_start_a_formula() -> None:
    assert spreadsheet_safe("\r=1") == "'\r=1"
    assert render_rows([{"a": "\r=1"}], ["a"], "csv").splitlines()[1] == "␍=1"


@given(st.text())
def test_json_round_trips_any_text_and_escapes_what_terminals_act_on(text: str) -> None:
    out = render_rows([{"name": text, "iri": URIRef("http://example.org/x"), "n": Literal(3)}],
                      ["name", "iri", "n"], "json")
    assert json.loads(out) == [{"name": text, "iri": "http://example.org/x", "n": 3}]
    assert not raw_controls(out)


def test_json_escapes_line_separators_and_bidi_that_ensure_ascii_false_leaves() -> None:
    out = to_json({"k\u2028": "a\u2029b\u202ec\x85"})
    assert out == '{\n  "k\\u2028": "a\\u2029b\\u202ec\\u0085"\n}'


@given(st.text(), st.sampled_from(TERMINAL_FORMATS))
def test_no_text_puts_a_raw_control_character_on_the_terminal(text: str, fmt: str) -> None:
    out = render_rows([{"name": text}], ["name"], fmt)
    assert not raw_controls(out, "\n\t" if fmt == "csv" else "\n")
    if fmt == "table":
        assert len(out.split("\n")) == 3  # the header, the rule and one row: the cell is one line


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30))
def test_csv_cells_read_back_as_the_visible_text(text: str) -> None:
    out = render_rows([{"name": text}], ["name"], "csv")
    (value,) = list(csv.reader(io.StringIO(out)))[1]
    shown = visible(text, keep="\n\t")
    assert value == shown or value == "'" + shown
    assert not value.startswith(("=", "+", "-", "@", "\t", "\r")) or value == shown


def test_markdown_cells_carry_no_html_or_links() -> None:
    out = render_rows([{"a": "<script>alert(1)</script> [x](javascript:y) `z` | w"}], ["a"], "md")
    assert out.splitlines()[2] == r"| \<script\>alert(1)\</script\> \[x\](javascript:y) \`z\` \| w |"


@pytest.mark.parametrize("fmt", FORMATS)
def test_several_tables_in_every_format(fmt: str) -> None:
    tables = [Table([{"a": 1}], ["a"], title="First \x1b", key="first"),
              Table([{"b": "\u202e"}], ["b"], ["b", "c"], title="Second", key="second"),
              Table([{"d": "x"}], ["d"], title="For readers", data=False)]
    out = render_tables(tables, fmt)
    assert not raw_controls(out)
    if fmt == "json":
        assert json.loads(out) == {"first": [{"a": 1}], "second": [{"b": "\u202e", "c": None}]}
        assert json.loads(render_tables(tables[:1], fmt)) == [{"a": 1}]
    if fmt == "csv":
        assert out == "a\n1\nb,c\n\\u202e,"
    if fmt == "table":
        assert out == "First ␛\n\na\n-\n1\n\nSecond\n\nb\n------\n\\u202e\n\nFor readers\n\nd\n-\nx"
