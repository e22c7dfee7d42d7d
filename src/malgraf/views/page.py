"""Writing a view as one self-contained HTML page: Jinja2 template, inlined scripts, data as escaped JSON."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from malgraf.files import write_text_atomically
from malgraf.i18n import TERM_LABELS, VIA_LABELS, capitalised, label
from malgraf.text import escape_in_json
from malgraf.text import visible as shown_as_text
from malgraf.views.kinds import EDGE_STYLES, NODE_KINDS, SDG_COLOURS
from malgraf.views.layout import lay_out, lay_out_overview

DEFAULT_VIEW_PATH = Path("build") / "view.html"

_OWN_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "overview": "Översikt: mål och insatser", "view_of": "Grannskapet kring", "search": "Sök",
        "search_placeholder": "Sök mål, insats eller region …", "all_regions": "Alla regioner",
        "insatser": "insatser", "with_narrower": "med undermål", "lines": "Källa, rad",
        "statement": "Källan skriver", "note": "Anteckning", "wordings": "Skrivs också",
        "legend": "Teckenförklaring", "nodes": "Noder", "links": "Länkar", "sdg_colours": "Agenda 2030",
        "expand_all": "Visa alla insatser", "collapse_all": "Fäll ihop insatser",
        "hint_overview": "Dubbelklicka på ett mål för att visa dess insatser. "
                         "Klicka för att markera grannar.",
        "hint": "Klicka på en nod för att markera dess grannar.", "neighbours": "Grannar",
        "no_matches": "Inga träffar", "nodes_count": "noder", "edges_count": "länkar",
        "folded": "insatser ihopfällda", "kind": "Slag", "notation": "Beteckning", "iri": "IRI",
        "details_empty": "Välj en nod för att se detaljer.",
        "show_insatser": "Visa insatser", "hide_insatser": "Dölj insatser", "in_region": "i",
        "counted_in": "insatser räknade i",
    },
    "en": {
        "overview": "Overview: goals and interventions", "view_of": "Neighbourhood of", "search": "Search",
        "search_placeholder": "Search goal, intervention or region …", "all_regions": "All regions",
        "insatser": "interventions", "with_narrower": "with narrower goals", "lines": "Source, lines",
        "statement": "The source says", "note": "Note", "wordings": "Also written",
        "legend": "Legend", "nodes": "Nodes", "links": "Links", "sdg_colours": "Agenda 2030",
        "expand_all": "Show all interventions", "collapse_all": "Fold interventions",
        "hint_overview": "Double-click a goal to show its interventions. Click to highlight neighbours.",
        "hint": "Click a node to highlight its neighbours.", "neighbours": "Neighbours",
        "no_matches": "No matches", "nodes_count": "nodes", "edges_count": "links",
        "folded": "interventions folded", "kind": "Kind", "notation": "Notation", "iri": "IRI",
        "details_empty": "Select a node to see its details.",
        "show_insatser": "Show interventions", "hide_insatser": "Hide interventions", "in_region": "in",
        "counted_in": "interventions counted in",
    },
}
_TERM_WORDS = {"region": "mg:Region", "year": "mg:year", "outputs": "mg:outputs", "effects": "mg:effects",
               "level": "mg:goalLevel", "reported_under": "mg:reportedUnder"}

TEXT: dict[str, dict[str, str]] = {
    lang: {**words, **{key: capitalised(label(TERM_LABELS, term, lang)) for key, term in _TERM_WORDS.items()},
           "direct": label(VIA_LABELS, "direct", lang)}
    for lang, words in _OWN_WORDS.items()
}
"""The page's words (malgraf's terms in the words of ``malgraf.i18n``); data stays in the language it has."""


def visible(text: str) -> str:
    r"""``text`` as a page shows it: control and bidi characters as ``malgraf.text.visible`` shows them
    everywhere, a line or paragraph separator as a line break, tabs and line breaks kept.

    >>> print(visible("Insats‮[31m "))
    Insats‮␛[31m
    <BLANKLINE>
    """
    return shown_as_text(text.replace("\u2028", "\n").replace("\u2029", "\n"), keep="\t\n")


def _shown(attributes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: visible(value) if isinstance(value, str)
            else [visible(v) for v in value] if isinstance(value, list) else value
            for key, value in attributes.items()}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _node_label(attributes: Mapping[str, Any]) -> str:
    kind = attributes["kind"]
    name = attributes.get("short") or attributes.get("name", "")
    if kind == "insats":
        return _short(name, 38)
    label = _short(name, 34 if kind == "sdg-target" else 42)
    if attributes.get("notation") and kind not in ("region", "rus", "other"):
        label = f"{attributes['notation']} {label}"
    if attributes.get("total"):
        label += f" ({attributes['total']})"
    return label


def _node_size(attributes: Mapping[str, Any]) -> float:
    kind = attributes["kind"]
    if kind == "insats":
        return 7.0
    if kind == "region":
        return 16.0
    base = 18.0 if kind == "sdg-goal" else 11.0
    return round(min(base + 3.0 * math.sqrt(attributes.get("total", 0)), 42.0), 1)


LABEL_WIDTH = {"insats": 150.0}
"""The widest a label is drawn (``widthConstraint`` in ``view.js``); 180 px for other kinds."""
CHAR_WIDTH, LINE_HEIGHT = 7.6, 17.0
"""Rough pixels of a character and a line of a 14 px label."""


def label_box(label: str, kind: str, size: float, focus: bool) -> tuple[float, float, float]:
    """Width, height and centre offset of a node with its label below it, as ``lay_out`` wants them."""
    scale = 17 / 14 if focus else 1.0
    limit = LABEL_WIDTH.get(kind, 180.0)
    lines, line, widest = 0, 0.0, 0.0
    for word in label.split():
        extent = len(word) * CHAR_WIDTH * scale
        if line and line + CHAR_WIDTH * scale + extent > limit:
            lines, widest, line = lines + 1, max(widest, line), 0.0
        line = min(limit, line + (CHAR_WIDTH * scale if line else 0.0) + extent)
    lines, widest = lines + (1 if line else 0), max(widest, line)
    text_height = lines * LINE_HEIGHT * scale
    return max(widest, 2 * size), 2 * size + 2 + text_height, (2 + text_height) / 2


def page_data(
    graph: nx.MultiDiGraph, positions: Mapping[str, tuple[float, float]] | None = None
) -> dict[str, Any]:
    """What the page's script reads: nodes with positions, edges, styles and the page's words.

    Text from the data is as ``visible`` shows it.
    """
    lang = graph.graph.get("lang", "sv")
    shown = {node: _shown(attributes) for node, attributes in sorted(graph.nodes(data=True))}
    labels = {node: _node_label(attributes) for node, attributes in shown.items()}
    sizes = {node: _node_size(attributes) for node, attributes in shown.items()}
    if positions is None:
        focus = graph.graph.get("focus")
        boxes = {n: label_box(labels[n], shown[n]["kind"], sizes[n], n == focus) for n in shown}
        positions = lay_out_overview(graph, boxes) if graph.graph.get("overview") else lay_out(graph, boxes=boxes)
    nodes = []
    for node, attributes in shown.items():
        x, y = positions[node]
        nodes.append({"id": node, "label": labels[node], "size": sizes[node],
                      "x": x, "y": y, **{k: v for k, v in attributes.items() if k != "short"}})
    edges = [{"from": u, "to": v, "style": key, **_shown(attributes)}
             for u, v, key, attributes in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])]
    regions = sorted({(a["region"], a.get("regionName") or a["region"]) for a in map(_shown, graph.nodes.values())
                      if a.get("region")})
    return {
        "lang": lang,
        "focus": graph.graph.get("focus"),
        "countRegion": graph.graph.get("countRegion"),
        "nodes": nodes,
        "edges": edges,
        "regions": [{"code": code, "name": name} for code, name in regions],
        "kinds": {k: {"shape": v.shape, "color": v.color, "label": v.label(lang)}
                  for k, v in NODE_KINDS.items()},
        "edgeStyles": {k: {"color": v.color, "width": v.width, "dashes": list(v.dashes) or False,
                           "arrow": v.arrow, "label": v.label(lang)}
                       for k, v in EDGE_STYLES.items()},
        "sdgColours": list(SDG_COLOURS),
        "text": TEXT[lang],
    }


def json_for_script(data: object) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` escaped, and
    no control, line-separator or bidirectional character raw in the page's source.

    >>> print(json_for_script({"name": "</script><b>&\u202e"}))
    {"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u202e"}
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(escape_in_json(text))


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("malgraf.views", "templates"), autoescape=select_autoescape(
        enabled_extensions=("html", "j2"), default_for_string=True, default=True))


def _vis_file(name: str) -> str:
    """A file of vis-network as pyvis ships it (the newest version it has)."""
    library = resources.files("pyvis") / "lib"
    versions = sorted((p for p in library.iterdir() if p.name.startswith("vis-")),
                      key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)))
    return (versions[-1] / name).read_text(encoding="utf-8")


@cache
def _inline_assets() -> dict[str, str]:
    """vis-network's JS and CSS and the page's own, checked to be safe to inline."""
    templates = resources.files("malgraf.views") / "templates"
    assets = {
        "vis_js": _vis_file("vis-network.min.js"),
        "vis_css": _vis_file("vis-network.css"),
        "app_js": (templates / "view.js").read_text(encoding="utf-8"),
        "app_css": (templates / "view.css").read_text(encoding="utf-8"),
    }
    for name, text in assets.items():
        if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
            raise ValueError(f"{name} cannot be inlined: it contains a closing tag or <!--")
    return assets


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _focus_name(attributes: Mapping[str, Any]) -> str:
    name = _short(attributes.get("name", ""), 80)
    notation = attributes.get("notation")
    return f"{notation} {name}" if notation and attributes["kind"] not in ("region", "rus", "other") else name


def render_page(graph: nx.MultiDiGraph, title: str | None = None) -> str:
    """The HTML page of a view: self-contained, deterministic, all data escaped."""
    data = page_data(graph)
    lang = data["lang"]
    text = TEXT[lang]
    assets = _inline_assets()
    focus = graph.graph.get("focus")
    if title is None:
        title = text["overview"] if focus is None else f"{text['view_of']} {_focus_name(graph.nodes[focus])}"
    title = visible(title)
    kinds_present = {a["kind"] for _, a in graph.nodes(data=True)}
    styles_present = {k for *_, k in graph.edges(keys=True)}
    legend_kinds = [(key, data["kinds"][key]) for key in NODE_KINDS if key in kinds_present]
    legend_edges = [(key, data["edgeStyles"][key]) for key in EDGE_STYLES if key in styles_present]
    sdgs = sorted({a["sdg"] for _, a in graph.nodes(data=True) if a.get("sdg")})
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_csp_hash(assets['vis_js'])} {_csp_hash(assets['app_js'])}",
        "style-src 'unsafe-inline'",
        "img-src data:", "base-uri 'none'", "form-action 'none'",
    ])
    return _environment().get_template("view.html.j2").render(
        title=title, lang=lang, text=text, csp=csp, data_json=json_for_script(data),
        vis_js=Markup(assets["vis_js"]), vis_css=Markup(assets["vis_css"]),
        app_js=Markup(assets["app_js"]), app_css=Markup(assets["app_css"]),
        legend_kinds=legend_kinds, legend_edges=legend_edges,
        sdg_colours=[(n, SDG_COLOURS[n - 1]) for n in sdgs],
        node_count=graph.number_of_nodes(), edge_count=graph.number_of_edges(),
        folded=sum(1 for _, a in graph.nodes(data=True) if a.get("folded")),
        overview=focus is None, count_region=graph.graph.get("countRegion"),
    )


def write_view(graph: nx.MultiDiGraph, path: Path, title: str | None = None) -> Path:
    """Write the page of ``graph`` to ``path`` atomically; return the path."""
    write_text_atomically(path, render_page(graph, title))
    return path


__all__ = [
    "DEFAULT_VIEW_PATH", "TEXT", "json_for_script", "label_box", "page_data", "render_page", "visible", "write_view",
]
