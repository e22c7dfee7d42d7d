/* malgraf view: draws the data block with vis-network; search, region filter, folding, highlight.
   Text from the data only ever reaches the page through textContent or vis-network's canvas. */
(function () {
  "use strict";
  var body = document.body;
  var data = JSON.parse(document.getElementById("malgraf-data").textContent);
  var text = data.text;
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });
  var adjacent = new Map();
  data.nodes.forEach(function (n) { adjacent.set(n.id, []); });
  data.edges.forEach(function (e, i) {
    adjacent.get(e.from).push({ other: e.to, edge: i, outward: true, style: e.style });
    adjacent.get(e.to).push({ other: e.from, edge: i, outward: false, style: e.style });
  });
  var big = data.nodes.length > 1500;
  /* In the overview the regions are the hubs of their RUS goals: their names stay legible zoomed out. */
  var hub = !data.focus;
  /* In a region's view the numbers count the region's own insatser. */
  var insatser = data.countRegion ? text.insatser + " " + text.in_region + " " + data.countRegion : text.insatser;

  function colourOf(n) {
    return n.sdg ? data.sdgColours[n.sdg - 1] : data.kinds[n.kind].color;
  }

  function shorten(value, limit) {
    return value.length > limit ? value.slice(0, limit - 1) + "…" : value;
  }

  function kindLabel(n) {
    return data.kinds[n.kind] ? data.kinds[n.kind].label : n.kind;
  }

  function tooltip(n) {
    var lines = [n.notation ? n.notation + " " + n.name : n.name, kindLabel(n)];
    if (n.regionName && n.kind !== "region") { lines.push(text.region + ": " + n.regionName); }
    if (n.year) { lines.push(text.year + ": " + n.year); }
    if (n.total) {
      lines.push(n.count + " " + insatser + " " + text.direct +
        (n.total !== n.count ? ", " + n.total + " " + text.with_narrower : ""));
    }
    if (n.description) { lines.push("", shorten(n.description, 400)); }
    if (n.wordings) {
      lines.push("", text.wordings + ":");
      n.wordings.slice(0, 8).forEach(function (w) { lines.push("  " + shorten(w, 120)); });
      if (n.wordings.length > 8) { lines.push("  …"); }
    }
    if (n.lines) { lines.push("", text.lines + " " + n.lines + (n.source ? " (" + n.source + ")" : "")); }
    return lines.join("\n");
  }

  function edgeTooltip(e) {
    var lines = [data.edgeStyles[e.style].label];
    if (e.statement) { lines.push(text.statement + ": " + shorten(e.statement, 300)); }
    if (e.note) { lines.push(text.note + ": " + shorten(e.note, 300)); }
    if (e.lines) { lines.push(text.lines + " " + e.lines); }
    return lines.join("\n");
  }

  var expanded = new Set();
  var allExpanded = false;
  var region = "";
  var regionMatch = null;

  function visible(n) {
    if (regionMatch && !regionMatch.has(n.id)) { return false; }
    if (!n.folded || allExpanded) { return true; }
    return adjacent.get(n.id).some(function (a) { return expanded.has(a.other); });
  }

  function nodeItem(n, dimmed) {
    var colour = colourOf(n);
    var focus = n.id === data.focus;
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, shape: data.kinds[n.kind].shape,
      title: tooltip(n), hidden: !visible(n),
      color: dimmed ? { background: "#e4e7ea", border: "#d5d9dd" } :
        { background: colour, border: focus ? "#111111" : "#ffffff", highlight: { background: colour, border: "#111111" },
          hover: { background: colour, border: "#111111" } },
      font: { color: dimmed ? "#c3c8cc" : "#1f2a33", size: focus ? 17 : hub && n.kind === "region" ? 48 : 14 },
      borderWidth: focus ? 4 : n.kind === "insats" ? 1 : 2,
      widthConstraint: { maximum: n.kind === "insats" ? 150 : hub && n.kind === "region" ? 600 : 180 }
    };
  }

  function edgeItem(e, i, dimmed) {
    var style = data.edgeStyles[e.style];
    return {
      id: i, from: e.from, to: e.to, width: style.width, dashes: style.dashes,
      color: { color: dimmed ? "#eceef0" : style.color, highlight: style.color, hover: style.color },
      arrows: { to: { enabled: style.arrow, scaleFactor: 0.45 } }, title: edgeTooltip(e)
    };
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) { return nodeItem(n, false); }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) { return edgeItem(e, i, false); }));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: {
      font: { size: 14, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 6 } }
    },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5 },
    interaction: {
      hover: !big, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
      multiselect: false, navigationButtons: false, keyboard: false
    }
  });

  body.dataset.nodeCount = String(data.nodes.length);
  network.once("afterDrawing", function () {
    body.dataset.drawnMs = String(Math.round(performance.now()));
    body.dataset.drawn = "true";
  });

  /* Fit the visible nodes and their labels (fit() counts nodes only; labels reach ~90 px beside
     and ~50 px below them). */
  function fitVisible() {
    var shown = data.nodes.filter(visible).map(function (n) { return n.id; });
    network.fit({ nodes: shown.length ? shown : undefined, animation: false });
    var scale = network.getScale();
    var width = container.clientWidth || 1;
    var height = container.clientHeight || 1;
    var room = Math.min(width / (width + 200 * scale), height / (height + 70 * scale));
    network.moveTo({ scale: scale * room, animation: false });
  }

  function applyVisibility() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !visible(n) }; }));
  }

  /* Highlight a node's neighbours; dim everything else. */
  var highlighted = null;
  function highlight(id) {
    if (highlighted === id) { return; }
    var keep = new Set([id]);
    var keepEdges = new Set();
    if (id !== null) {
      adjacent.get(id).forEach(function (a) { keep.add(a.other); keepEdges.add(a.edge); });
    }
    nodes.update(data.nodes.map(function (n) { return nodeItem(n, id !== null && !keep.has(n.id)); }));
    edges.update(data.edges.map(function (e, i) { return edgeItem(e, i, id !== null && !keepEdges.has(i)); }));
    highlighted = id;
  }

  function element(tag, content, className) {
    var el = document.createElement(tag);
    if (content !== undefined && content !== null) { el.textContent = String(content); }
    if (className) { el.className = className; }
    return el;
  }

  function showDetails(id) {
    var panel = document.getElementById("details");
    panel.replaceChildren();
    if (id === null) { panel.appendChild(element("p", text.details_empty, "hint")); return; }
    var n = byId.get(id);
    panel.appendChild(element("h2", n.notation && n.kind !== "region" ? n.notation + " " + n.name : n.name));
    var facts = element("dl");
    function fact(label, value) {
      if (value === undefined || value === null || value === "") { return; }
      facts.appendChild(element("dt", label));
      facts.appendChild(element("dd", value));
    }
    fact(text.kind, kindLabel(n));
    if (n.kind !== "region") { fact(text.region, n.regionName); }
    fact(text.year, n.year);
    fact(text.level, n.level);
    if (n.total) {
      fact(insatser.charAt(0).toUpperCase() + insatser.slice(1), n.count + " " + text.direct +
        (n.total !== n.count ? ", " + n.total + " " + text.with_narrower : ""));
    }
    fact(text.lines, n.lines ? n.lines + (n.source ? " (" + n.source + ")" : "") : null);
    fact(text.iri, n.id);
    panel.appendChild(facts);
    if (n.description) { panel.appendChild(element("p", n.description)); }
    if (n.outputs) { panel.appendChild(element("p", text.outputs + ": " + n.outputs)); }
    if (n.effects) { panel.appendChild(element("p", text.effects + ": " + n.effects)); }
    var folded = adjacent.get(id).filter(function (a) { return byId.get(a.other).folded; });
    if (folded.length && !allExpanded) {
      var button = element("button", expanded.has(id) ? text.hide_insatser : text.show_insatser);
      button.type = "button";
      button.addEventListener("click", function () { toggle(id); showDetails(id); });
      panel.appendChild(button);
    }
    var neighbours = adjacent.get(id).slice().sort(function (a, b) {
      return byId.get(a.other).label.localeCompare(byId.get(b.other).label);
    });
    if (neighbours.length) {
      panel.appendChild(element("h3", text.neighbours + " (" + neighbours.length + ")"));
      var list = element("ul");
      neighbours.slice(0, 200).forEach(function (a) {
        var item = element("li");
        var link = element("a", byId.get(a.other).label);
        link.title = data.edgeStyles[a.style].label;
        link.addEventListener("click", function () { select(a.other); });
        item.appendChild(link);
        list.appendChild(item);
      });
      panel.appendChild(list);
    }
  }

  function toggle(id) {
    if (expanded.has(id)) { expanded.delete(id); } else { expanded.add(id); }
    applyVisibility();
  }

  function select(id) {
    var n = byId.get(id);
    if (regionMatch && !regionMatch.has(id)) { setRegion(""); }
    if (!visible(n)) {
      var goal = adjacent.get(id).find(function (a) { return !byId.get(a.other).folded; });
      if (goal) { expanded.add(goal.other); applyVisibility(); }
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    highlight(id);
    showDetails(id);
  }

  network.on("click", function (params) {
    var id = params.nodes.length ? params.nodes[0] : null;
    highlight(id);
    showDetails(id);
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { toggle(params.nodes[0]); showDetails(params.nodes[0]); }
  });

  /* Region filter: nodes of the region, and the shared nodes linked to them or above them. */
  var regionSelect = document.getElementById("region-filter");
  data.regions.forEach(function (r) {
    var option = element("option", r.name);
    option.value = r.code;
    regionSelect.appendChild(option);
  });
  function setRegion(code) {
    region = code;
    regionSelect.value = code;
    if (!code) {
      regionMatch = null;
    } else {
      regionMatch = new Set();
      data.nodes.forEach(function (n) { if (n.region === code) { regionMatch.add(n.id); } });
      var stack = [];
      regionMatch.forEach(function (id) {
        adjacent.get(id).forEach(function (a) {
          var other = byId.get(a.other);
          if (!other.region && !regionMatch.has(other.id)) { regionMatch.add(other.id); stack.push(other.id); }
        });
      });
      while (stack.length) {
        adjacent.get(stack.pop()).forEach(function (a) {
          if (a.outward && a.style === "broader" && !regionMatch.has(a.other)) {
            regionMatch.add(a.other);
            stack.push(a.other);
          }
        });
      }
    }
    highlight(null);
    applyVisibility();
    fitVisible();
  }
  regionSelect.addEventListener("change", function () { setRegion(regionSelect.value); });

  var toggleAll = document.getElementById("toggle-all");
  if (toggleAll) {
    toggleAll.addEventListener("click", function () {
      allExpanded = !allExpanded;
      toggleAll.textContent = allExpanded ? text.collapse_all : text.expand_all;
      toggleAll.dataset.expanded = String(allExpanded);
      applyVisibility();
      if (!moved) { fitVisible(); }
    });
  }

  /* Search over labels, names, notations and IRIs, accent- and case-insensitive. */
  function fold(value) {
    return String(value || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var index = data.nodes.map(function (n) {
    return { id: n.id, text: fold([n.notation, n.name, n.regionName, n.id].join(" ")) };
  });
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  function showResults() {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    results.replaceChildren();
    if (!words.length) { results.hidden = true; return; }
    var found = index.filter(function (entry) {
      return words.every(function (w) { return entry.text.indexOf(w) >= 0; });
    }).slice(0, 30);
    if (!found.length) { results.appendChild(element("li", text.no_matches, "kind")); }
    found.forEach(function (entry) {
      var n = byId.get(entry.id);
      var item = element("li");
      item.setAttribute("role", "option");
      item.appendChild(element("span", n.label));
      item.appendChild(element("span", kindLabel(n) + (n.regionName && n.kind !== "region" ? ", " + n.regionName : ""), "kind"));
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        results.hidden = true;
        select(entry.id);
      });
      results.appendChild(item);
    });
    results.hidden = false;
  }
  search.addEventListener("input", showResults);
  search.addEventListener("focus", showResults);
  search.addEventListener("blur", function () { results.hidden = true; });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = results.querySelector("li[role=option]");
      if (first) { first.dispatchEvent(new MouseEvent("mousedown")); }
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });

  /* Fit the view to the canvas until the reader moves it (the canvas may be resized after load). */
  var moved = false;
  network.on("dragStart", function () { moved = true; });
  network.on("zoom", function () { moved = true; });
  network.on("resize", function () { if (!moved) { fitVisible(); } });
  fitVisible();
  if (data.focus && byId.has(data.focus)) {
    network.selectNodes([data.focus]);
    showDetails(data.focus);
  }
  /* A link to page.html#<IRI> (a report's goal or insats) selects that node. */
  function selectFromHash() {
    var id = "";
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { id = ""; }
    if (id && byId.has(id)) { select(id); }
  }
  window.addEventListener("hashchange", selectFromHash);
  selectFromHash();
  window.malgrafView = { network: network, nodes: nodes, edges: edges, data: data, select: select, setRegion: setRegion };
}());
