"""The columns of a table row before the goal column: the insats name (and NYPS id), description, outputs, effects.

Column boundaries were lost in the PDF extraction: the name is the head of column 2, and the rest
is split at paragraph ends (approximate).
"""

from __future__ import annotations

import re

from malgraf.importers.appendix.layout import RawRow
from malgraf.importers.goals.statements import join_hyphenated
from malgraf.importers.lines import Line

COLUMN_WIDTH = 47
"""About the widest a line of one table column gets; a longer line holds two merged columns."""

_NYPS = re.compile(r"\(\s*(?:NYPS[\s:-]*)?(\d{8})\s*\)")
_SENTENCE_END = re.compile(r"[.!?:]\s*$")


def _clean(text: str) -> str:
    return " ".join(text.split())


def split_name(row: RawRow) -> tuple[str, int, str]:
    """The insats name, the index of the first line after it, and the NYPS id if given.

    The name is the head of column 2: it ends at a double space (two columns merged on one line),
    at a sentence end, or where the next line starts a new sentence. A head line longer than one
    column holds the start of the next column too, and is cut before its last capitalised word run.
    """
    head_text = row.lines[0].text.strip()[len(row.region):]
    parts: list[str] = []
    index = 0
    first = head_text.strip()
    if re.search(r"\S\s{2,}\S", first):
        parts.append(re.split(r"\s{2,}", first)[0])
        index = 1
    elif len(first) > COLUMN_WIDTH:
        parts.append(_cut_merged(first))
        index = 1
    else:
        parts.append(first)
        index = 1
        while index < len(row.lines) and len(parts) < 4:
            previous = parts[-1]
            if _SENTENCE_END.search(previous) or previous.endswith(")"):
                break
            following = [line for line in row.lines[index:] if line.stripped]
            if not following:
                break
            text = following[0].text.strip()
            if text.startswith("•") or (text[:1].isupper() and not _dangling(previous)):
                break
            if re.search(r"\S\s{2,}\S", text):
                parts.append(re.split(r"\s{2,}", text)[0])
                index = row.lines.index(following[0]) + 1
                break
            if len(text) > COLUMN_WIDTH:
                break
            parts.append(text)
            index = row.lines.index(following[0]) + 1
    name = _clean(" ".join(parts))
    nyps = ""
    found = _NYPS.search(name) or _NYPS.search(" ".join(line.stripped for line in row.lines[:index + 2]))
    if found:
        nyps = found.group(1)
        name = _clean(_NYPS.sub("", name)).rstrip(" ,")
    sentence_end = re.search(r"(?<=[a-zåäö0-9)])\.\s+(?=[A-ZÅÄÖ])", name)
    if sentence_end and sentence_end.start() >= 10:
        name = name[:sentence_end.start()]
    name = join_hyphenated(name).strip().rstrip(".").strip()
    return name or head_text.strip(), index, nyps


def _dangling(text: str) -> bool:
    """A name line that cannot end there: it ends in a connective, a comma or a dash."""
    return bool(re.search(r"(\b(och|samt|för|i|av|med|till|om|på|inom|mellan|kring|–|-|&)|[,–-])$",
                          text.strip()))


def _cut_merged(text: str) -> str:
    """The name part of a line that holds the name and the start of the next column."""
    candidates = [m.start() for m in re.finditer(r" (?=[A-ZÅÄÖ0-9])", text)]
    for position in candidates:
        if len(text) - position - 1 <= COLUMN_WIDTH and position >= 3:
            return text[:position]
    return text


def split_body(lines: list[Line], row: RawRow) -> tuple[str, str, str]:
    """Description, outputs and effects, split at paragraph ends (approximate)."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if not line.stripped:
            continue
        paragraphs[-1].append(line.stripped)
        if _SENTENCE_END.search(line.text.rstrip(" ")) and re.search(r"\s{2,}$", line.text):
            paragraphs.append([])
    texts = [_clean(" ".join(p)) for p in paragraphs if p]
    if not texts:
        return "", "", ""
    if len(texts) == 1:
        return texts[0], "", ""
    if len(texts) == 2:
        return texts[0], texts[1], ""
    return texts[0], " ".join(texts[1:-1]), texts[-1]
