"""Swedish and English labels of malgraf's own terms, in one place.

The ontology (``ontology/malgraf.ttl``) carries the same labels as ``rdfs:label`` (a test keeps them
equal); code that prints a label takes it from here.

>>> label(METHOD_LABELS, "Stated", "sv")
'angiven'
>>> label(VIA_LABELS, "crosswalk", "en")
'through the crosswalk'
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("sv", "en")
"""The languages of labels; Swedish first, the language of the data."""

Labels = Mapping[str, Mapping[str, str]]
"""key → language → label."""

METHOD_LABELS: Labels = {
    "Stated": {"sv": "angiven", "en": "stated"},
    "Inferred": {"sv": "härledd", "en": "inferred"},
    "ReportSection": {"sv": "redovisningens avsnitt", "en": "report section"},
    "Suggested": {"sv": "föreslagen", "en": "suggested"},
    "Accepted": {"sv": "godtagen", "en": "accepted"},
}
"""How a goal link was found, by the local name of its ``mg:LinkMethod``."""

VIA_LABELS: Labels = {
    "direct": {"sv": "direkt", "en": "direct"},
    "hierarchy": {"sv": "via hierarkin", "en": "through the hierarchy"},
    "crosswalk": {"sv": "via korsreferens", "en": "through the crosswalk"},
}
"""How an insats reaches a goal: the goal itself, a goal under it, or a goal linked to it across schemes."""

TERM_LABELS: Labels = {
    "mg:Insats": {"sv": "insats", "en": "intervention"},
    "mg:Region": {"sv": "region", "en": "region"},
    "mg:RusGoal": {"sv": "mål i regional utvecklingsstrategi (RUS)", "en": "regional development strategy (RUS) goal"},
    "mg:OtherGoal": {"sv": "annat regionalt mål", "en": "other regional goal"},
    "mg:ReportingTheme": {"sv": "redovisningstema", "en": "reporting theme"},
    "sdgo:Goal": {"sv": "mål i Agenda 2030", "en": "Sustainable Development Goal"},
    "sdgo:Target": {"sv": "delmål i Agenda 2030", "en": "Sustainable Development Goal target"},
    "mg:reportedUnder": {"sv": "redovisad under", "en": "reported under"},
    "mg:year": {"sv": "år", "en": "year"},
    "mg:outputs": {"sv": "prestationer", "en": "outputs"},
    "mg:effects": {"sv": "effekter", "en": "effects"},
    "mg:goalLevel": {"sv": "nivå", "en": "level"},
}
"""Classes and properties of the ontology that pages name, by CURIE (the views' legend and details)."""


def label(labels: Labels, key: str, lang: str) -> str:
    """The label of ``key`` in ``lang`` (Swedish when ``lang`` has none); ``key`` itself if unknown."""
    found = labels.get(key)
    if found is None:
        return key
    return found.get(lang) or found["sv"]


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-case, as a heading or legend entry starts.

    >>> capitalised("mål i Agenda 2030")
    'Mål i Agenda 2030'
    """
    return text[:1].upper() + text[1:]


def method_label(method: object, lang: str) -> str:
    """The label of a link method given as an IRI (``…#Stated``) or a local name; its text if unknown."""
    text = str(method or "")
    return label(METHOD_LABELS, text.rsplit("#", 1)[-1], lang) if text else ""


__all__ = ["LANGUAGES", "METHOD_LABELS", "TERM_LABELS", "VIA_LABELS", "Labels", "capitalised", "label",
           "method_label"]
