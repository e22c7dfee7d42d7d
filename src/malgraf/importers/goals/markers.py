"""Markers: the labels that open a block of a goal column and say what its statements are.

``Mål i RUS:``, ``Prioritering``, ``ERUF:``, ``Mål i Agenda 2030`` … give the kind (``rus``, ``eruf``,
``interreg``, ``jtf``, ``agenda2030``, ``other``) and level of the statements that follow them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Marker:
    """A label that opens a block of the goal column."""

    kind: str
    level: str
    pattern: re.Pattern[str]


def _m(kind: str, level: str, regex: str) -> Marker:
    return Marker(kind, level, re.compile(regex, re.IGNORECASE))


_END = r"(?:\s*[:–-]\s*|\s*$|\s+(?=[A-ZÅÄÖ0-9\"”“•]))"
MARKERS: tuple[Marker, ...] = (
    _m("agenda2030", "", r"^(?:mål\s+(?:i\s+|enligt\s+)?)?(?:globala\s+mål(?:en)?\s*(?:i\s+)?)?agenda\s*20(?:30|23)"
                         r"(?:[\s-]*mål(?:en)?)?" + _END),
    _m("agenda2030", "", r"^globala\s+mål(?:en)?" + _END),
    _m("jtf", "", r"^(?:mål\s+i\s+)?(?:FRO|JTF)\b" + _END),
    _m("jtf", "", r"^(?:mål\s+i\s+)?fonden\s+för\s+en\s+rättvis\s+omställning\s*:"),
    # "Interreg", a programme's name ("Interreg Baltic Sea Region"), then ":", "," or the line's end; not
    # "Interreg Europe-projekt Plastix." or "Interreg Baltic Sea Region och …" in a description.
    _m("interreg", "", r"^(?:finansiering\s+via\s+|mål\s+i\s+)?interreg(?:\s+[A-ZÅÄÖ][\w–-]*){0,4}\s*(?:[:,]|$)"),
    _m("eruf", "", r"^ej\s+ERUF\b"),
    _m("eruf", "", r"^(?:(?:insatsen\s+)?bidrar\s+till\s+)?(?:mål\s+(?:i|inom|enligt)\s+)?(?:ERUF|EU:s\s+regionalfond)"
                   r"(?=[\s:/]|$)"),
    _m("eruf", "", r"^(?:bidrar\s+till\s+)?mål\s+(?:i|inom|enligt)\s+(?:regionalfonden|regionalfondsprogram\w*)"),
    _m("eruf", "", r"^(?:regionalfonden|regionalfondsprogram\w*)\s*:"),
    _m("eruf", "", r"^nationella\s+(?:regionalfondsprogrammet|ERUF[\s-]*programmet)\b"),
    _m("eruf", "", r"^bidrar\s+även\s+till\s*:\s*(?=[^:]*\b(?:ERUF|regionalfonden)\b)"),
    _m("eruf", "program", r"^program\s*:"),
    _m("eruf", "tematiskt mål", r"^tematiskt\s+mål\s*:"),
    _m("eruf", "specifikt mål", r"^(?:specifikt|särskilt)\s+mål\s*(?=\d|:)"),
    _m("eruf", "", r"^bidrar\s+till\s+mål\s+inom\s+ERUF"),
    _m("eruf", "politiskt mål", r"^(?:politiskt\s+mål|PO\s?\d)"),
    _m("rus", "mål", r"^kalmar\s+mål\s+2030" + _END),
    _m("rus", "mål", r"^mål\s+2030\s*:"),
    _m("rus", "mål", r"^RUFS(?:\s*2050)?" + _END),
    _m("rus", "effektmål", r"^RUS[\s:-]*effektmål" + _END),
    _m("rus", "övergripande mål", r"^RUS[\s:-]*övergripande\s+mål" + _END),
    _m("rus", "prioritering", r"^(?:RUS[\s:-]*prioritering(?:ar)?|prioritering(?:ar)?\s+i\s+RUS(?::en)?)" + _END),
    _m("rus", "mål", r"^(?:RUS[\s:-]*mål(?:et|område(?:t|n|na)?)?|"
                     r"mål\s+(?:i\s+|enligt\s+)?RUS(?::en|en)?(?:\s+[A-ZÅÄÖ]\w+)?(?:\s+20\d\d)?)" + _END),
    _m("rus", "mål", r"^regional\s+utvecklingsstrategi(?:n)?,\s+(?:insatsområden\s+och\s+)?mål\s*:?"),
    _m("rus", "insatsområde", r"^regional\s+utvecklingsstrategi(?:n)?,\s+insatsområden?\s*:?"),
    _m("rus", "mål", r"^(?:RUS(?::en|en)?|regional\s+utvecklingsstrategi(?:n)?)(?:\s*[,:–-]\s*|\s*$)"),
    _m("rus", "prioritering", r"^prioritering\s*/\s*mål\b"),
    _m("rus", "mål", r"^mål\s+i\s+genomförandeprogram\w*" + _END),
    _m("other", "mål", r"^mål\s+i\s+\w*(?:program|plan|strategi)\w*\b[^:]{0,40}:"),
    _m("other", "prioritering", r"^regionfullmäktiges\s+prioriteringar[^:]{0,20}:"),
    _m("other", "mål", r"^mål\s+i\s+(?:de\s+)?(?:regionala|nationella)(?:\s+och\s+(?:regionala|nationella))?"
                       r"\s+\w*mål\w*" + _END),
    _m("rus", "långsiktigt mål", r"^långsiktig[at]?\s+mål" + _END),
    _m("rus", "prioritering", r"^långsiktiga\s+prioriteringar" + _END),
    _m("rus", "delmål", r"^delmål" + _END),
    _m("rus", "prioritering", r"^(?:regional\s+)?prioritering(?:ar)?\s*(?::|$)"),
    _m("rus", "strategiskt område", r"^strategiskt\s+område\s*:"),
    # "Insatsområde: REACT-EU" under "Program: Nationella regionalfondsprogrammet" is the programme's, not RUS's.
    _m("rus", "insatsområde", r"^insatsområde\s*:(?!\s*react\b)"),
    _m("rus", "mål", r"^mål\s*:"),
    _m("rus", "mål", r"^bidrar\s+till\s+(?=målbilden\b|region\s+\w+\s+strategi|målet\b)"),
    _m("rus", "mål", r"^bidrar\s+till\s+RUS(?::ens|ens|:en|en)?\s+mål(?:\s+om)?"),
    _m("rus", "mål", r"^mål(?:et|en)?\s+i\s+(?:den\s+)?regionala\s+utvecklingsstrategin\w*(?:\s+om)?"),
    _m("rus", "mål", r"^målet\s+i\s+RUS\b"),
    _m("rus", "mål", r"^i\s+linje\s+med\s+(?:den\s+)?regionala\s+utvecklingsstrategin\w*"),
    _m("rus", "mål", r"^RUS\s+(?=samtliga\b|\d{1,2}(?:\.\d)+\s)"),
    _m("rus", "mål", r"^mål\s+enligt\s+RUS"),
    _m("rus", "mål", r"^RUS\b[^:]{0,45}:"),
    _m("rus", "mål", r"^föregående\s+RUS\b[^:]{0,45}:"),
)
"""Markers, most specific first. Each matches at the start of a (stripped) line."""


def match_marker(text: str) -> tuple[Marker, str] | None:
    """The marker that opens ``text`` and the rest of the line after it, if any."""
    stripped = text.strip().lstrip("•").strip()
    for marker in MARKERS:
        found = marker.pattern.match(stripped)
        if found:
            return marker, stripped[found.end():].strip(" :–-")
    return None
