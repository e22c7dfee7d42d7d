"""Values bound into a query the one way every SPARQL 1.1 engine honours: a ``VALUES`` block.

The block opens the query's outermost ``WHERE`` group, so every pattern, filter, ``OPTIONAL`` and
``MINUS`` of that group sees the values (a sub-``SELECT`` does not: it is evaluated first, and its
answer is joined). Each value is serialised by Oxigraph's N-Triples writer, which checks IRIs and
escapes literals; a value is never text formatted into the query.

>>> from rdflib import Literal, URIRef
>>> print(with_values('SELECT ?x WHERE { ?x ?p ?goal }', {"goal": URIRef("http://example.org/g")}))
SELECT ?x WHERE { VALUES (?goal) { (<http://example.org/g>) }
 ?x ?p ?goal }
>>> sparql_term(Literal('say "hi"\\n', lang="sv"))
'"say \\\\"hi\\\\"\\\\n"@sv'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from malgraf.terms import to_oxigraph

Bindings = Mapping[str, Node | None] | Sequence[Mapping[str, Node | None]]
"""One row of values (variable name → term), or several rows: a table the query is joined with.
``None`` in a row leaves that variable unbound (``UNDEF``)."""

TOKENS = re.compile(r'''
    \#[^\n\r]*
  | """(?:[^"\\]|\\.|"(?!""))*""" | \'\'\'(?:[^'\\]|\\.|'(?!\'\'))*\'\'\'
  | "(?:[^"\\\n\r]|\\.)*" | '(?:[^'\\\n\r]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*>
  | (?<![\w:?$])WHERE(?![\w:-])
  | [{(\[\])}]
''', re.VERBOSE | re.DOTALL | re.IGNORECASE)
"""What matters when reading a query's shape: comments, strings and IRIs (to be skipped), the keyword
``WHERE`` and brackets."""

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def sparql_term(node: Node | None) -> str:
    """A term as SPARQL text: an IRI or literal in N-Triples syntax, ``UNDEF`` for None.

    An IRI that is not one (a space, ``>``) is a ``ValueError``; so is a blank node, which no
    ``VALUES`` block can hold.
    """
    if node is None:
        return "UNDEF"
    if isinstance(node, BNode) or not isinstance(node, URIRef | Literal):
        raise ValueError(f"only IRIs and literals can be bound, not {node!r}")
    return str(to_oxigraph(node))


def rows_of(bindings: Bindings | None) -> list[Mapping[str, Node | None]]:
    """``bindings`` as a list of rows (one row for a mapping)."""
    if bindings is None:
        return []
    if isinstance(bindings, Mapping):
        return [bindings]
    return list(bindings)


def values_block(rows: Iterable[Mapping[str, Node | None]]) -> str:
    """``VALUES (?a ?b) { (… …) … }`` for ``rows``; empty for no row or no variable."""
    rows = list(rows)
    names = sorted({name for row in rows for name in row})
    if not names:
        return ""
    for name in names:
        if not _VARIABLE.fullmatch(name):
            raise ValueError(f"not a variable name: {name!r}")
    table = " ".join("(" + " ".join(sparql_term(row.get(name)) for name in names) + ")" for row in rows)
    return "VALUES (" + " ".join("?" + name for name in names) + ") { " + table + " }"


def where_group(query: str) -> int:
    """Where the outermost ``WHERE`` group of ``query`` opens: the offset just after its ``{``.

    That is the first top-level ``{`` after a top-level ``WHERE``, or the first top-level ``{`` when
    the keyword is left out (``ASK { … }``, ``SELECT * { … }``). A ``ValueError`` when there is none.
    """
    depth = 0
    first: int | None = None
    after_where = False
    for token in TOKENS.finditer(query):
        text = token.group(0)
        if text in "{([" and len(text) == 1:
            if text == "{" and depth == 0:
                if after_where:
                    return token.end()
                first = token.end() if first is None else first
            depth += 1
        elif text in "})]" and len(text) == 1:
            depth -= 1
        elif text.upper() == "WHERE" and depth == 0:
            after_where = True
    if first is None or after_where:
        raise ValueError("the query has no WHERE group to bind values in")
    return first


def with_values(query: str, bindings: Bindings | None) -> str:
    """``query`` with ``bindings`` as a ``VALUES`` block at the start of its ``WHERE`` group.

    A table of no rows would match nothing: a ``ValueError``, so that the caller says what it means.
    """
    rows = rows_of(bindings)
    if bindings is not None and not rows:
        raise ValueError("an empty table of values binds nothing; leave the query out instead")
    block = values_block(rows)
    if not block:
        return query
    at = where_group(query)
    return query[:at] + " " + block + "\n" + query[at:]


__all__ = ["TOKENS", "Bindings", "rows_of", "sparql_term", "values_block", "where_group", "with_values"]
