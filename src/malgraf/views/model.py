"""The graph a view is cut from: insatser, goals, regions and every link between them, read from the store."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef

from malgraf.namespaces import REGION
from malgraf.query import Row, select
from malgraf.regions import REGIONS
from malgraf.store import GraphStore
from malgraf.views.kinds import GOAL_KINDS, METHOD_STRENGTH, METHOD_STYLES, kind_of, sdg_number


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _int(value: object) -> int | None:
    if isinstance(value, Literal):
        python = value.toPython()
        return python if isinstance(python, int) else None
    return None


def _lines(first: object, last: object) -> str | None:
    first_line, last_line = _int(first), _int(last)
    if first_line is None:
        return None
    return str(first_line) if last_line in (None, first_line) else f"{first_line}–{last_line}"


def local_name(iri: str) -> str:
    """The last segment of an IRI, the name of a node nothing else names."""
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def _clean(attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attributes.items() if v is not None and v != ""}


def read_graph(store: GraphStore, lang: str = "sv", *, with_suggested: bool = False) -> nx.MultiDiGraph:
    """Everything a view can show: insatser, goals, regions and every link between them.

    Regions come from ``malgraf.regions``. Edges are keyed by their style (``EDGE_STYLES``); node
    attributes hold what tooltips show. Goal nodes get ``count`` (insatser linked directly) and
    ``total`` (also through narrower goals).
    """
    language = Literal(lang)
    graph = nx.MultiDiGraph(lang=lang)
    regions: dict[str, dict[str, Any]] = {}
    for known in REGIONS:
        iri = str(REGION[known.lanskod])
        regions[iri] = {"code": known.lanskod, "name": known.short_name}
        graph.add_node(iri, kind="region", name=known.english_name if lang == "en" else known.official_name,
                       short=known.short_name, region=known.lanskod, regionName=known.short_name)
    for row in select(store, "view_goals", {"lang": language}):
        _add_goal(graph, row, regions)
    for row in select(store, "view_insatser", {"lang": language}):
        iri = str(row["insats"])
        region = regions.get(str(row["region"]), {}) if row["region"] is not None else {}
        graph.add_node(iri, **_clean({
            "kind": "insats", "name": _text(row["label"]) or local_name(iri),
            "region": region.get("code"), "regionName": region.get("name"),
            "year": _text(row["year"]), "section": _int(row["section"]),
            "description": _text(row["description"]), "outputs": _text(row["outputs"]),
            "effects": _text(row["effects"]), "lines": _lines(row["firstLine"], row["lastLine"]),
            "source": _text(row["sourceTitle"]),
        }))
        if row["region"] is not None and str(row["region"]) in graph:
            graph.add_edge(iri, str(row["region"]), key="region")
        if row["reportedUnder"] is not None:
            _ensure_node(graph, str(row["reportedUnder"]))
            graph.add_edge(iri, str(row["reportedUnder"]), key="reported")
    details = {str(row["link"]): row for row in select(store, "view_link_details")}
    links = select(store, "view_links_suggested" if with_suggested else "view_links")
    empty = dict.fromkeys(("statement", "firstLine", "lastLine", "sourceRow", "note"))
    _add_links(graph, sorted(({**row, **details.get(str(row["link"]), empty)} for row in links),
                             key=_link_order))
    for row in select(store, "view_broader"):
        narrower, broader = str(row["narrower"]), str(row["broader"])
        if is_goal(graph, narrower) and is_goal(graph, broader):
            graph.add_edge(narrower, broader, key="broader")
    set_counts(graph, insats_counts(graph))
    return graph


def _add_goal(graph: nx.MultiDiGraph, row: Row, regions: Mapping[str, Mapping[str, Any]]) -> None:
    iri = str(row["goal"])
    kind = kind_of(str(row["classes"] or ""))
    notation = _text(row["notation"])
    label = _text(row["label"]) or _text(row["otherLabel"]) or local_name(iri)
    other = _text(row["otherLabel"])
    description = _text(row["definition"]) or (other if other and other != label else None)
    region = regions.get(str(row["region"]), {}) if row["region"] is not None else {}
    graph.add_node(iri, **_clean({
        "kind": kind, "name": label, "notation": notation, "sdg": sdg_number(kind, notation),
        "description": description, "region": region.get("code"), "regionName": region.get("name"),
        "level": _text(row["level"]),
        "wordings": sorted(w for w in str(row["wordings"] or "").split("\x1f") if w) or None,
    }))
    if row["region"] is not None and str(row["region"]) in graph:
        graph.add_edge(iri, str(row["region"]), key="region")


def _ensure_node(graph: nx.MultiDiGraph, iri: str) -> None:
    """A node for an IRI the links name but no query describes (a goal outside the vocabularies)."""
    if iri not in graph:
        graph.add_node(iri, kind="goal", name=local_name(iri))


def is_goal(graph: nx.MultiDiGraph, iri: str) -> bool:
    """Whether ``iri`` is a goal-like node of ``graph``."""
    return iri in graph and graph.nodes[iri]["kind"] in GOAL_KINDS


def _link_order(row: dict[str, Any]) -> tuple[str, str, str, int, int]:
    """The order view_links.rq once sorted by: source, target, method, first line, CSV row."""
    return (str(row["source"]), str(row["target"]), str(row["method"] or ""), int(row["firstLine"] or 0),
            int(row["sourceRow"] or 0))


def _add_links(graph: nx.MultiDiGraph, rows: Iterable[Row]) -> None:
    """Contributes-to links; one edge per pair, with the strongest method and every source line."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        pair = (str(row["source"]), str(row["target"]))
        link = found.setdefault(pair, {"insats": str(row["isInsats"]) == "true", "methods": set(),
                                       "lines": [], "statements": [], "notes": []})
        method = METHOD_STYLES.get(row["method"]) if isinstance(row["method"], URIRef) else None
        link["methods"].add(method or "stated")
        for key, value in (("lines", _lines(row["firstLine"], row["lastLine"])),
                           ("statements", _text(row["statement"])), ("notes", _text(row["note"]))):
            if value and value not in link[key]:
                link[key].append(value)
        if row["sourceRow"] is not None and f"CSV {row['sourceRow']}" not in link["lines"]:
            link["lines"].append(f"CSV {row['sourceRow']}")
    for (source, target), link in sorted(found.items()):
        method = next(m for m in METHOD_STRENGTH if m in link["methods"])
        crosswalk = "crosswalk" if method in ("stated", "accepted") else "crosswalk-suggested"
        style = method if link["insats"] else crosswalk
        _ensure_node(graph, source)
        _ensure_node(graph, target)
        graph.add_edge(source, target, key=style, **_clean({
            "lines": ", ".join(link["lines"]), "statement": " | ".join(link["statements"]),
            "note": " | ".join(link["notes"]),
        }))


def insats_counts(graph: nx.MultiDiGraph, insatser: Collection[str] | None = None) -> dict[str, tuple[int, int]]:
    """(count, total) of each non-insats node that insatser link to: directly, and also through narrower goals.

    With ``insatser``, only those are counted (a region's own, for its view).
    """
    hierarchy = nx.DiGraph()
    hierarchy.add_edges_from((u, v) for u, v, key in graph.edges(keys=True) if key == "broader")
    direct: dict[str, set[str]] = defaultdict(set)
    for source, target, key in graph.edges(keys=True):
        if graph.nodes[source]["kind"] == "insats" and key != "region" and (insatser is None or source in insatser):
            direct[target].add(source)
    total: dict[str, set[str]] = defaultdict(set)
    for goal, linked in direct.items():
        total[goal] |= linked
        if goal in hierarchy:
            for broader in nx.descendants(hierarchy, goal):
                total[broader] |= linked
    return {node: (len(direct.get(node, ())), len(found)) for node, found in total.items()
            if graph.nodes[node]["kind"] != "insats"}


def set_counts(graph: nx.MultiDiGraph, counts: Mapping[str, tuple[int, int]]) -> None:
    """Set ``count`` and ``total`` of the nodes in ``counts``, and drop them from every other node."""
    for node, attributes in graph.nodes(data=True):
        attributes.pop("count", None)
        attributes.pop("total", None)
        if node in counts:
            attributes["count"], attributes["total"] = counts[node]


__all__ = ["insats_counts", "is_goal", "local_name", "read_graph", "set_counts"]
