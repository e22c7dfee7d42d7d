"""What a view can show: the kinds of node and link, how each looks, and what the legend calls it.

The legend names malgraf's own terms and link methods with the words of ``malgraf.i18n``.

>>> EDGE_STYLES["accepted"].label("sv"), EDGE_STYLES["inferred"].label("en")
('Föreslagen och godtagen', 'Inferred')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import URIRef

from malgraf.i18n import LANGUAGES, METHOD_LABELS, TERM_LABELS, capitalised, label
from malgraf.namespaces import MG, SDGO
from malgraf.resources import sdg_colours


def _term(curie: str) -> dict[str, str]:
    """The legend entry of an ontology term: its label in ``malgraf.i18n``."""
    return {lang: capitalised(label(TERM_LABELS, curie, lang)) for lang in LANGUAGES}


def _words(sv: str, en: str) -> dict[str, str]:
    """A legend phrase in each language; ``{Stated}`` and the like stand for ``METHOD_LABELS``' words."""
    return {lang: capitalised(text.format_map({m: label(METHOD_LABELS, m, lang) for m in METHOD_LABELS}))
            for lang, text in (("sv", sv), ("en", en))}


@dataclass(frozen=True)
class NodeKind:
    """How one kind of node looks in a view, and what the legend calls it (language → words)."""

    labels: Mapping[str, str]
    shape: str
    color: str

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["sv"]


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of link looks in a view, and what the legend calls it (language → words)."""

    labels: Mapping[str, str]
    color: str
    width: float
    dashes: tuple[int, ...] = ()
    arrow: bool = True

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["sv"]


NODE_KINDS: dict[str, NodeKind] = {
    "insats": NodeKind(_term("mg:Insats"), "dot", "#5b6f82"),
    "region": NodeKind(_term("mg:Region"), "diamond", "#2f3b45"),
    "strategy": NodeKind(_term("mg:RegionalStrategy"), "diamond", "#b35c00"),
    "rus": NodeKind(_term("mg:RusGoal"), "triangle", "#e07b00"),
    "other": NodeKind(_term("mg:OtherGoal"), "triangleDown", "#f2b45a"),
    "national": NodeKind(_words("Nationella strategin", "National strategy"), "hexagon", "#006aa7"),
    "theme": NodeKind(_term("mg:ReportingTheme"), "hexagon", "#7fb3d5"),
    "eruf": NodeKind(_words("Regionalfonden (ERUF)", "ERDF (ERUF)"), "star", "#003399"),
    "sdg-goal": NodeKind(_term("sdgo:Goal"), "square", "#19486a"),
    "sdg-target": NodeKind(_term("sdgo:Target"), "dot", "#19486a"),
    "goal": NodeKind(_words("Annat mål", "Other goal"), "ellipse", "#8e8e8e"),
}
"""Node kinds in legend order. Agenda 2030 nodes take the colour of their goal (``SDG_COLOURS``)."""

SDG_COLOURS = sdg_colours()
"""The UN's colours of the 17 Sustainable Development Goals, goal 1 first (``data/reference/sdg-colours.csv``)."""

EDGE_STYLES: dict[str, EdgeStyle] = {
    "stated": EdgeStyle(_words("{Stated} i källan", "{Stated} in the source"), "#3b4650", 1.6),
    "inferred": EdgeStyle(_words("{Inferred}", "{Inferred}"), "#3b4650", 1.4, (6, 4)),
    "accepted": EdgeStyle(_words("{Suggested} och {Accepted}", "{Suggested} and {Accepted}"), "#2a9d5b", 1.6),
    "suggested": EdgeStyle(_words("{Suggested}, ej granskad", "{Suggested}, not reviewed"), "#2a9d5b", 1.4, (2, 4)),
    "crosswalk": EdgeStyle(_words("Korsreferens mellan mål", "Crosswalk between goals"), "#8a3ffc", 2.2),
    "crosswalk-suggested": EdgeStyle(_words("Korsreferens, {Suggested}", "Crosswalk, {Suggested}"), "#8a3ffc", 1.8,
                                     (3, 5)),
    "broader": EdgeStyle(_words("Del av (målhierarki)", "Part of (goal hierarchy)"), "#b8c0c8", 1.0),
    "reported": EdgeStyle(_term("mg:reportedUnder"), "#9ec5e0", 1.0, (1, 3)),
    "region": EdgeStyle(_words("I region", "In region"), "#d0d4d8", 0.8, (), False),
}
"""Edge styles in legend order: how a link was found, then the structure of the graph."""

METHOD_STYLES = {MG.Stated: "stated", MG.Accepted: "accepted", MG.Inferred: "inferred", MG.Suggested: "suggested"}
"""The edge style of an insats's link by its ``mg:linkMethod``."""
METHOD_STRENGTH = ("stated", "accepted", "inferred", "suggested")
"""When one pair is linked more than once, the view shows the strongest way it was found."""

KIND_OF_CLASS: tuple[tuple[URIRef, str], ...] = (
    (SDGO.Goal, "sdg-goal"),
    (SDGO.Target, "sdg-target"),
    (MG.RegionalStrategy, "strategy"),
    (MG.RusGoal, "rus"),
    (MG.OtherGoal, "other"),
    (MG.ErufObjective, "eruf"), (MG.ErufPolicyObjective, "eruf"), (MG.ErufSpecificObjective, "eruf"),
    (MG.ErufProgramme, "eruf"), (MG.InterregProgramme, "eruf"),
    (MG.NationalGoal, "national"), (MG.NationalArea, "national"), (MG.NationalPriority, "national"),
    (MG.BasicPrecondition, "national"), (MG.SocietalChallenge, "national"),
    (MG.ReportingTheme, "theme"),
)
"""The node kind of a goal by its class, the first class it has in this order."""
GOAL_KINDS = frozenset(kind for _, kind in KIND_OF_CLASS) | {"goal"}
REGIONAL_KINDS = frozenset({"strategy", "rus", "other"})
"""The kinds of a region's own goal vocabulary: one tree per region in the overview."""


def kind_of(classes: str) -> str:
    """The node kind of a goal whose classes are ``classes`` (IRIs separated by spaces)."""
    present = set(classes.split())
    for cls, kind in KIND_OF_CLASS:
        if str(cls) in present:
            return kind
    return "goal"


def sdg_number(kind: str, notation: str | None) -> int | None:
    """The goal number (1–17) an Agenda 2030 node takes its colour from."""
    if not kind.startswith("sdg") or not notation:
        return None
    head = notation.split(".")[0]
    return int(head) if head.isdigit() and 1 <= int(head) <= 17 else None


__all__ = [
    "EDGE_STYLES",
    "GOAL_KINDS",
    "KIND_OF_CLASS",
    "METHOD_STRENGTH",
    "METHOD_STYLES",
    "NODE_KINDS",
    "REGIONAL_KINDS",
    "SDG_COLOURS",
    "EdgeStyle",
    "NodeKind",
    "kind_of",
    "sdg_number",
]
