"""What a view can show: the kinds of node and link, how each looks, and what the legend calls it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from malgraf.namespaces import MG, SDGO


@dataclass(frozen=True)
class NodeKind:
    """How one kind of node looks in a view, and what the legend calls it."""

    label_sv: str
    label_en: str
    shape: str
    color: str


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of link looks in a view, and what the legend calls it."""

    label_sv: str
    label_en: str
    color: str
    width: float
    dashes: tuple[int, ...] = ()
    arrow: bool = True


NODE_KINDS: dict[str, NodeKind] = {
    "insats": NodeKind("Insats", "Intervention", "dot", "#5b6f82"),
    "region": NodeKind("Region", "Region", "diamond", "#2f3b45"),
    "rus": NodeKind("Mål i RUS", "RUS goal", "triangle", "#e07b00"),
    "other": NodeKind("Annat regionalt mål", "Other regional goal", "triangleDown", "#f2b45a"),
    "national": NodeKind("Nationella strategin", "National strategy", "hexagon", "#006aa7"),
    "theme": NodeKind("Redovisningstema", "Reporting theme", "hexagon", "#7fb3d5"),
    "eruf": NodeKind("Regionalfonden (ERUF)", "ERDF (ERUF)", "star", "#003399"),
    "sdg-goal": NodeKind("Globalt mål (Agenda 2030)", "SDG (Agenda 2030)", "square", "#19486a"),
    "sdg-target": NodeKind("Delmål (Agenda 2030)", "SDG target (Agenda 2030)", "dot", "#19486a"),
    "goal": NodeKind("Annat mål", "Other goal", "ellipse", "#8e8e8e"),
}
"""Node kinds in legend order. Agenda 2030 nodes take the colour of their goal (``SDG_COLOURS``)."""

SDG_COLOURS = (
    "#e5243b", "#dda63a", "#4c9f38", "#c5192d", "#ff3a21", "#26bde2", "#fcc30b", "#a21942", "#fd6925",
    "#dd1367", "#fd9d24", "#bf8b2e", "#3f7e44", "#0a97d9", "#56c02b", "#00689d", "#19486a",
)
"""The UN's colours of the 17 Sustainable Development Goals, goal 1 first."""

EDGE_STYLES: dict[str, EdgeStyle] = {
    "stated": EdgeStyle("Angiven i källan", "Stated in the source", "#3b4650", 1.6),
    "inferred": EdgeStyle("Härledd", "Inferred", "#3b4650", 1.4, (6, 4)),
    "accepted": EdgeStyle("Föreslagen och godtagen", "Suggested and accepted", "#2a9d5b", 1.6),
    "suggested": EdgeStyle("Föreslagen, ej granskad", "Suggested, not reviewed", "#2a9d5b", 1.4, (2, 4)),
    "crosswalk": EdgeStyle("Korsreferens mellan mål", "Crosswalk between goals", "#8a3ffc", 2.2),
    "crosswalk-suggested": EdgeStyle("Korsreferens, föreslagen", "Crosswalk, suggested", "#8a3ffc", 1.8,
                                     (3, 5)),
    "broader": EdgeStyle("Del av (målhierarki)", "Part of (goal hierarchy)", "#b8c0c8", 1.0),
    "reported": EdgeStyle("Redovisad under", "Reported under", "#9ec5e0", 1.0, (1, 3)),
    "region": EdgeStyle("I region", "In region", "#d0d4d8", 0.8, (), False),
}
"""Edge styles in legend order: how a link was found, then the structure of the graph."""

METHOD_STYLES = {MG.Stated: "stated", MG.Accepted: "accepted", MG.Inferred: "inferred", MG.Suggested: "suggested"}
"""The edge style of an insats's link by its ``mg:linkMethod``."""
METHOD_STRENGTH = ("stated", "accepted", "inferred", "suggested")
"""When one pair is linked more than once, the view shows the strongest way it was found."""

KIND_OF_CLASS: tuple[tuple[URIRef, str], ...] = (
    (SDGO.Goal, "sdg-goal"),
    (SDGO.Target, "sdg-target"),
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
    "EDGE_STYLES", "GOAL_KINDS", "KIND_OF_CLASS", "METHOD_STRENGTH", "METHOD_STYLES", "NODE_KINDS",
    "SDG_COLOURS", "EdgeStyle", "NodeKind", "kind_of", "sdg_number",
]
