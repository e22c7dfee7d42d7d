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


def label(labels: Labels, key: str, lang: str) -> str:
    """The label of ``key`` in ``lang`` (Swedish when ``lang`` has none); ``key`` itself if unknown."""
    found = labels.get(key)
    if found is None:
        return key
    return found.get(lang) or found["sv"]


def method_label(method: object, lang: str) -> str:
    """The label of a link method given as an IRI (``…#Stated``) or a local name; its text if unknown."""
    text = str(method or "")
    return label(METHOD_LABELS, text.rsplit("#", 1)[-1], lang) if text else ""


__all__ = ["LANGUAGES", "METHOD_LABELS", "VIA_LABELS", "Labels", "label", "method_label"]
