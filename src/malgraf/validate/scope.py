"""What one validation covers: every insats, or the insatser of one region and/or one year.

Both engines check the whole graph (a rule such as ``insats-goal-other-region`` looks at other
regions' goals), and the findings kept are those whose focus node is in scope. pySHACL's own
``focus_nodes`` option is not used: it also filters the value nodes of nested shapes (``sh:or``,
``sh:qualifiedValueShape``) and so misses findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from rdflib import Literal, URIRef
from rdflib.term import Identifier, Node

from malgraf.errors import NoDataError
from malgraf.i18n import message
from malgraf.namespaces import REGION
from malgraf.regions import REGIONS_BY_LANSKOD
from malgraf.resources import load_query
from malgraf.store import GraphStore


@dataclass(frozen=True)
class Scope:
    """The region (its IRI) and the year a validation is limited to; None for all of them."""

    region: URIRef | None = None
    year: int | None = None

    @property
    def everything(self) -> bool:
        return self.region is None and self.year is None

    def region_label(self) -> str:
        """The region as ``Blekinge (10)``: its short name and länskod, else its IRI."""
        if self.region is None:
            return ""
        region = REGIONS_BY_LANSKOD.get(self.region.removeprefix(str(REGION)))
        return f"{region.short_name} ({region.lanskod})" if region else str(self.region)

    def describe(self, lang: str = "en") -> str:
        """``Blekinge (10) in 2023`` (``i 2023`` in Swedish), ``Blekinge (10)`` or ``2023``; empty for everything."""
        year = "" if self.year is None else str(self.year)
        if self.region is None:
            return year
        between = " i " if lang == "sv" else " in "
        return self.region_label() + (between + year if year else "")


EVERYTHING = Scope()
"""Every insats and RUS goal."""


def focus_in_scope(store: GraphStore, scope: Scope, lang: str = "en") -> frozenset[Identifier] | None:
    """The insatser and RUS goals in ``scope`` (None: everything); ``NoDataError`` if no insats is.

    Unlike ``answers.check_scope`` this counts every insats, also one without a year: that is a finding.
    """
    if scope.everything:
        if not store.ask(load_query("any_insats")):
            raise NoDataError(message("nodata.validate", lang))
        return None
    found: list[tuple[set[Node], set[Node]]] = []
    if scope.region is not None:
        found.append(_select(store, "scope_region", {"region": scope.region}))
    if scope.year is not None:
        found.append(_select(store, "scope_year", {"yearText": Literal(str(scope.year))}))
    insatser = set.intersection(*(insatser for insatser, _ in found))
    if not insatser:
        raise NoDataError(message("nodata.validate_scope", lang, scope=scope.describe(lang)))
    rus_goals = set.intersection(*(goals for _, goals in found))
    return frozenset(cast(Identifier, node) for node in insatser | rus_goals)


def _select(store: GraphStore, name: str, bindings: dict[str, Node]) -> tuple[set[Node], set[Node]]:
    """The insatser and the RUS goals the query ``name`` finds with ``bindings``."""
    rows = [(row["insats"], row["rusGoal"]) for row in store.select(load_query(name), bindings)]
    return ({insats for insats, _ in rows if isinstance(insats, Node)},
            {goal for _, goal in rows if isinstance(goal, Node)})
