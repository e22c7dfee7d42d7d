"""Text from the data made safe to show: control characters replaced by visible stand-ins.

A name may hold ESC (which drives a terminal), NUL, or a bidi override (U+202E makes what follows
read backwards). Every place that shows data — tables, CSV, Markdown, messages, HTML pages — passes
it through ``visible``, so they all show the same stand-ins.
"""

from __future__ import annotations

_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}
"""Bidirectional embeddings, overrides and isolates: they reorder the text that follows them."""

ESCAPED = frozenset({*range(0x7F, 0xA0), *_BIDI, 0x2028, 0x2029, 0xFEFF})
"""Characters shown as ``\\uXXXX``: DEL, the C1 controls, bidi controls, line and paragraph separators, BOM."""


def _visible_char(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟ (ESC → ␛)
    return f"\\u{code:04x}"


_VISIBLE = {code: _visible_char(code) for code in [*range(0x20), *ESCAPED]}


def visible(text: str, keep: str = "") -> str:
    """``text`` with control characters replaced by visible stand-ins, except those in ``keep``.

    C0 controls become their Control Pictures symbol (ESC → ␛, NUL → ␀); DEL, C1 controls, bidi
    controls (U+202A–U+202E, U+2066–U+2069) and U+2028/U+2029 become ``\\uXXXX``. With a newline
    kept, CR LF counts as a newline.

    >>> visible("red \\x1b[31m, ab\\u202ecd")
    'red ␛[31m, ab\\\\u202ecd'
    >>> visible("two\\nlines\\ttab", keep="\\n")
    'two\\nlines␉tab'
    """
    if "\n" in keep:
        text = text.replace("\r\n", "\n")
    table = {code: value for code, value in _VISIBLE.items() if chr(code) not in keep}
    return text.translate(table)

def escape_in_json(text: str) -> str:
    """JSON text with the characters of ``ESCAPED`` written as ``\\uXXXX``.

    ``json.dumps`` escapes the C0 controls but not these; they can only occur inside strings, where
    ``\\uXXXX`` means the same character, so the data is unchanged and the text shows none of them raw.

    >>> escape_in_json('["a\u202eb"]')
    '["a\\\\u202eb"]'
    """
    return text.translate(_JSON_ESCAPES)


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in ESCAPED}

__all__ = ["ESCAPED", "escape_in_json", "visible"]
