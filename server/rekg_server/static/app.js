// rekg web page: run named questions and SPARQL (in an editor that completes), show a result as a
// table, bar or line chart, map or graph, download it, see its plan and the code that reproduces it.
"use strict";

const ENTITY_BASE = "https://w3id.org/rekg/id/";
const ONTOLOGY_BASE = "https://w3id.org/rekg/ontology";
const SVG_NS = "http://www.w3.org/2000/svg";
const VIEWS = ["Table", "Bar", "Line", "Map", "Graph", "Plan"];

function localPath(iri) {
  if (iri.startsWith(ENTITY_BASE)) return "/id/" + iri.slice(ENTITY_BASE.length);
  if (iri.startsWith(ONTOLOGY_BASE)) return "/ontology" + iri.slice(ONTOLOGY_BASE.length);
  return iri;
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function svgEl(tag, attrs = {}, text = "") {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

// ---- what was asked, and its result ----------------------------------------------------------

const page = { data: null, graph: null, view: "Table", asked: null, params: [], editor: null };

function vocabulary() {
  const node = document.getElementById("editor-vocabulary");
  return node ? JSON.parse(node.textContent) : { prefixes: {}, terms: [] };
}

// an IRI as the project's prefixes write it ("id:country/JP"), for the table's compact names
function compact(iri) {
  for (const [prefix, base] of Object.entries(vocabulary().prefixes)) {
    if (iri.startsWith(base) && iri.length > base.length) return `${prefix}:${iri.slice(base.length)}`;
  }
  return iri;
}

function sparqlText() { return page.editor ? page.editor.getValue() : document.getElementById("sparql").value; }

function defaultView(text) {
  const found = /^\s*#\s*defaultView\s*:\s*(\w+)/im.exec(text || "");
  const name = found ? found[1][0].toUpperCase() + found[1].slice(1).toLowerCase() : null;
  return VIEWS.includes(name) ? name : null;
}

// The page's address holds what was asked (?q=name&param=value…, or ?query=SPARQL) and the view,
// so that a link reproduces the result as it was shown.
function remember(state) {
  page.asked = state;
  const params = new URLSearchParams(state);
  if (page.view !== "Table") params.set("view", page.view);
  history.replaceState(null, "", "/?" + params);
  const share = document.getElementById("share-link");
  if (share) share.href = location.href;
}

// ---- the result's columns ----------------------------------------------------------------------

function columns(data) {
  // a ?xLabel column is shown as the text of ?x's link; a named question's parameters only when asked
  const showParams = document.getElementById("show-params");
  const hidden = showParams && showParams.checked ? [] : page.params;
  return data.head.vars.filter((v) => !(v.endsWith("Label") && data.head.vars.includes(v.slice(0, -5))) && !hidden.includes(v));
}

const number = (cell) => (cell && cell.type === "literal" && cell.value !== "" && !isNaN(Number(cell.value)) ? Number(cell.value) : null);
const isYear = (v) => /^(year|when|date|period|from|at)$/i.test(v);

function labelOf(row, v) {
  const cell = row[v];
  if (!cell) return "";
  if (row[v + "Label"]) return row[v + "Label"].value;
  return cell.type === "uri" ? compact(cell.value) : cell.value;
}

function valueVar(data) {
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const preferred = ["share", "value", "n", "count", "total"].find((v) => vars.includes(v) && rows.some((r) => number(r[v]) !== null));
  return preferred || vars.find((v) => !isYear(v) && rows.length && rows.every((r) => !r[v] || number(r[v]) !== null) && rows.some((r) => number(r[v]) !== null));
}

function labelVar(data) {
  const vars = data.head.vars;
  const preferred = ["subjectLabel", "partnerLabel", "supplierLabel", "countryLabel", "holderLabel", "sourceLabel"];
  return preferred.find((v) => vars.includes(v)) || vars.find((v) => v.endsWith("Label")) || vars.find((v) => v !== valueVar(data) && !isYear(v));
}

function yearOf(row, data) {
  for (const v of data.head.vars.filter(isYear)) {
    const found = row[v] && /(1[89]\d\d|20\d\d)/.exec(row[v].value);
    if (found) return Number(found[1]);
  }
  return null;
}

function points(data) {  // rows with a place: a WKT point column, or latitude and longitude columns
  const vars = data.head.vars;
  const lat = vars.find((v) => /^(lat|latitude)$/i.test(v)), lon = vars.find((v) => /^(lon|long|longitude)$/i.test(v));
  const found = [];
  for (const row of data.results.bindings) {
    let at = null;
    for (const v of vars) {
      const m = row[v] && /POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)/i.exec(row[v].value);
      if (m) { at = [Number(m[1]), Number(m[2])]; break; }
    }
    if (!at && lat && lon && number(row[lat]) !== null && number(row[lon]) !== null) at = [number(row[lon]), number(row[lat])];
    if (at) {
      const entity = vars.find((v) => row[v] && row[v].type === "uri" && row[v].value.startsWith(ENTITY_BASE));
      found.push({ lon: at[0], lat: at[1], label: labelOf(row, labelVar(data) || vars[0]), path: entity ? localPath(row[entity].value) : null });
    }
  }
  return found;
}

function triplesOf(data) {  // a SELECT of subject/predicate/object as edges
  const vars = data.head.vars;
  const [s, p, o] = [["s", "subject"], ["p", "predicate"], ["o", "object"]].map((names) => vars.find((v) => names.includes(v)));
  if (!s || !p || !o) return null;
  return data.results.bindings.filter((r) => r[s] && r[p] && r[o]).map((r) => [r[s], r[p], r[o]]);
}

function available(data) {
  if (page.graph) return ["Graph", "Table", "Plan"];
  if (!data || "boolean" in data) return ["Table", "Plan"];
  const views = ["Table"];
  const value = valueVar(data);
  if (value && data.results.bindings.length >= 1) views.push("Bar");
  if (value && data.results.bindings.some((r) => yearOf(r, data) !== null)) views.push("Line");
  if (points(data).length) views.push("Map");
  if (triplesOf(data)) views.push("Graph");
  return [...views, "Plan"];
}

// ---- views -------------------------------------------------------------------------------------

function renderTable(data) {
  const box = document.getElementById("results");
  if ("boolean" in data) { box.replaceChildren(el("p", { class: "boolean" }, String(data.boolean))); return; }
  const vars = columns(data);
  const table = el("table", { class: "results" });
  const head = el("tr");
  vars.forEach((v) => head.append(el("th", {}, v)));
  table.append(el("thead"));
  table.tHead.append(head);
  const body = el("tbody");
  for (const row of data.results.bindings) {
    const tr = el("tr");
    for (const v of vars) {
      const td = el("td");
      const cell = row[v];
      if (cell && cell.type === "uri") td.append(el("a", { href: localPath(cell.value), title: cell.value }, labelOf(row, v)));
      else if (cell) td.textContent = cell.value;
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  const box2 = [];
  if (page.params.length) {
    const toggle = el("label", { class: "hint" });
    const check = el("input", { type: "checkbox", id: "show-params" });
    check.checked = document.getElementById("show-params")?.checked || false;
    check.addEventListener("change", () => renderTable(data));
    toggle.append(check, " show the question's parameters as columns");
    box2.push(toggle);
  }
  box.replaceChildren(...box2, table);
}

function renderBar(data) {
  const value = valueVar(data), label = labelVar(data);
  const rows = data.results.bindings.filter((r) => number(r[value]) !== null).slice(0, 60);
  const max = Math.max(...rows.map((r) => number(r[value])), 0) || 1;
  const svg = svgEl("svg", { class: "chart bars", width: 900, height: rows.length * 24 + 10, xmlns: SVG_NS, role: "img", "aria-label": "bar chart" });
  rows.forEach((r, i) => {
    const v = number(r[value]);
    const when = yearOf(r, data) || (r.period || {}).value;
    const name = labelOf(r, label);
    const text = svgEl("text", { x: 0, y: i * 24 + 18 }, (name.length > 34 ? name.slice(0, 33) + "…" : name) + (when ? ` (${when})` : ""));
    text.append(svgEl("title", {}, name));
    const bar = svgEl("rect", { x: 330, y: i * 24 + 5, height: 16, width: Math.max(1, (400 * Math.max(v, 0)) / max), class: "bar" });
    const hedge = r.hedge ? r.hedge.value + " " : "";
    const unit = value === "share" ? "%" : "";
    svg.append(text, bar, svgEl("text", { x: 336 + (400 * Math.max(v, 0)) / max, y: i * 24 + 18 }, hedge + r[value].value + unit));
  });
  document.getElementById("results").replaceChildren(svg);
}

const SERIES_COLOURS = ["#b3443a", "#2651a6", "#2f8f5b", "#8a5bb3", "#c17d11", "#4d4d4d", "#1b9e9e", "#d4458f"];

function renderLine(data) {
  const value = valueVar(data), label = labelVar(data);
  const series = new Map();
  for (const r of data.results.bindings) {
    const year = yearOf(r, data), v = number(r[value]);
    if (year === null || v === null) continue;
    const name = labelOf(r, label) || value;
    if (!series.has(name)) series.set(name, []);
    series.get(name).push([year, v]);
  }
  const all = [...series.values()].flat();
  const [x0, x1] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
  const y1 = Math.max(...all.map((p) => p[1]), 0) || 1;
  const width = 900, height = 320, left = 50, right = 20, top = 10, bottom = 30;
  const x = (year) => left + (x1 === x0 ? (width - left - right) / 2 : ((year - x0) / (x1 - x0)) * (width - left - right));
  const y = (v) => top + (1 - v / y1) * (height - top - bottom);
  const svg = svgEl("svg", { class: "chart lines", width, height: height + 22 * Math.ceil(series.size / 4), xmlns: SVG_NS, role: "img", "aria-label": "line chart" });
  for (let year = x0; year <= x1; year += Math.max(1, Math.ceil((x1 - x0) / 10))) {
    svg.append(svgEl("line", { x1: x(year), x2: x(year), y1: top, y2: height - bottom, class: "grid" }),
      svgEl("text", { x: x(year), y: height - 10, "text-anchor": "middle", class: "tick" }, String(year)));
  }
  for (const v of [0, y1 / 2, y1]) svg.append(svgEl("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, String(Math.round(v * 10) / 10)));
  [...series.entries()].forEach(([name, pts], i) => {
    pts.sort((a, b) => a[0] - b[0]);
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    svg.append(svgEl("polyline", { points: pts.map((p) => `${x(p[0])},${y(p[1])}`).join(" "), fill: "none", stroke: colour, "stroke-width": 2, class: "series" }));
    for (const p of pts) {
      const dot = svgEl("circle", { cx: x(p[0]), cy: y(p[1]), r: 3.5, fill: colour });
      dot.append(svgEl("title", {}, `${name}, ${p[0]}: ${p[1]}`));
      svg.append(dot);
    }
    const lx = left + (i % 4) * 210, ly = height + 16 + Math.floor(i / 4) * 22;
    svg.append(svgEl("rect", { x: lx, y: ly - 9, width: 12, height: 12, fill: colour }), svgEl("text", { x: lx + 16, y: ly + 1 }, name.slice(0, 28)));
  });
  document.getElementById("results").replaceChildren(svg);
}

let topology = null;
async function renderMap(data) {
  topology = topology || (await (await fetch("/static/vendor/countries-110m.json")).json());
  const facilities = points(data).map((p, i) => ({ iri: `row-${i}`, label: p.label, path: p.path || "#", stage: "other", stage_label: "result",
    lat: p.lat, lon: p.lon, source_label: "this result" }));
  const box = el("div", { class: "map-box" });
  document.getElementById("results").replaceChildren(box);
  RekgMap.draw(box, topology, { facilities, countries: [] }, { label: "result map" });
}

function renderGraph() {
  const edges = page.graph || triplesOf(page.data).map(([s, p, o]) => [s, p, o]);
  const nodes = new Map();
  const key = (term) => term.type + ":" + term.value;
  for (const [s, , o] of edges) for (const t of [s, o]) if (!nodes.has(key(t))) nodes.set(key(t), t);
  const list = [...nodes.keys()].slice(0, 120);
  const width = 900, height = Math.max(420, Math.min(900, list.length * 14)), cx = width / 2, cy = height / 2;
  const radius = Math.min(cx, cy) - 90;
  const at = new Map(list.map((k, i) => [k, [cx + radius * Math.cos((2 * Math.PI * i) / list.length), cy + radius * Math.sin((2 * Math.PI * i) / list.length)]]));
  const svg = svgEl("svg", { class: "chart graph-view", width, height, xmlns: SVG_NS, role: "img", "aria-label": "graph" });
  svg.append(Object.assign(svgEl("defs"), { innerHTML: '<marker id="g-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#8a97b3"/></marker>' }));
  for (const [s, p, o] of edges) {
    const a = at.get(key(s)), b = at.get(key(o));
    if (!a || !b) continue;
    const line = svgEl("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: "edge", "marker-end": "url(#g-arrow)" });
    line.append(svgEl("title", {}, compact(p.value)));
    svg.append(line);
  }
  for (const k of list) {
    const term = nodes.get(k), [x, y] = at.get(k);
    const name = term.type === "uri" ? compact(term.value) : term.value;
    const group = term.type === "uri" ? svgEl("a", { href: localPath(term.value) }) : svgEl("g");
    group.append(svgEl("circle", { cx: x, cy: y, r: 5, class: "graph-node" }));
    const anchor = x < cx ? "end" : "start";
    group.append(svgEl("text", { x: x + (x < cx ? -8 : 8), y: y + 4, "text-anchor": anchor }, name.length > 30 ? name.slice(0, 29) + "…" : name));
    group.append(svgEl("title", {}, term.value));
    svg.append(group);
  }
  document.getElementById("results").replaceChildren(svg);
}

async function renderPlan() {
  const box = document.getElementById("results");
  if (!page.asked || !page.asked.query) { box.replaceChildren(el("p", { class: "hint" }, "A plan is shown for a SPARQL query written here.")); return; }
  const answer = await fetch(`/sparql/plan?${new URLSearchParams({ query: page.asked.query })}`);
  if (!answer.ok) { box.replaceChildren(el("p", { class: "error" }, await answer.text())); return; }
  const tree = await answer.json();
  const show = (node) => {
    const li = el("li");
    li.append(el("b", {}, node.op), node.detail ? " " : "", node.detail ? el("span", { class: "plan-detail" }, node.detail) : "");
    if (node.children.length) { const ul = el("ul"); node.children.forEach((c) => ul.append(show(c))); li.append(ul); }
    return li;
  };
  const root = el("ul", { class: "plan" });
  root.append(show(tree));
  box.replaceChildren(el("p", { class: "hint" }, "The query's SPARQL algebra, as rdflib translates it, innermost operators evaluated first. The embedded store (Oxigraph) does not report its own plan or the rows each step produced."), root);
}

function showView(name) {
  const views = available(page.data);
  page.view = views.includes(name) ? name : "Table";
  document.querySelectorAll("#views button").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.view === page.view)));
  if (page.asked) remember(page.asked);
  const draw = { Table: () => (page.graph ? renderTriplesTable() : renderTable(page.data)), Bar: () => renderBar(page.data),
    Line: () => renderLine(page.data), Map: () => renderMap(page.data), Graph: renderGraph, Plan: renderPlan }[page.view];
  Promise.resolve(draw()).then(() => setDownloads());
}

function renderTriplesTable() {
  const table = el("table", { class: "results" });
  table.innerHTML = "<thead><tr><th>subject</th><th>predicate</th><th>object</th></tr></thead>";
  const body = el("tbody");
  for (const triple of page.graph) {
    const tr = el("tr");
    for (const term of triple) {
      const td = el("td");
      if (term.type === "uri") td.append(el("a", { href: localPath(term.value), title: term.value }, compact(term.value)));
      else td.textContent = term.value;
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  document.getElementById("results").replaceChildren(table);
}

function showViews(preferred) {
  const views = available(page.data);
  document.getElementById("views").replaceChildren(...views.map((v) => {
    const button = el("button", { type: "button", role: "tab", "data-view": v }, v);
    button.addEventListener("click", () => showView(v));
    return button;
  }));
  showView(preferred && views.includes(preferred) ? preferred : views[0]);
}

// ---- downloads, code -------------------------------------------------------------------------------

function dataUrl(fmt) {
  if (!page.asked) return "#";
  if (page.asked.q) {
    const params = new URLSearchParams(Object.entries(page.asked).filter(([k]) => k !== "q"));
    if (fmt) params.set("format", fmt);
    return `/queries/${encodeURIComponent(page.asked.q)}?${params}`;
  }
  return `/sparql?${new URLSearchParams(fmt ? { query: page.asked.query, format: fmt } : { query: page.asked.query })}`;
}

function setDownloads() {
  const box = document.getElementById("downloads");
  box.replaceChildren("Download: ");
  const formats = page.graph ? ["ttl", "nt", "jsonld"] : ["json", "xml", "csv", "tsv"];
  for (const fmt of formats) box.append(el("a", { href: dataUrl(fmt), download: "results." + fmt }, fmt.toUpperCase()), " ");
  const svg = document.querySelector("#results svg");
  if (svg) {
    const asSvg = el("a", { href: "#", id: "download-svg" }, "SVG");
    asSvg.addEventListener("click", (e) => { e.preventDefault(); save(new Blob([serialised(svg)], { type: "image/svg+xml" }), "result.svg"); });
    const asPng = el("a", { href: "#", id: "download-png" }, "PNG");
    asPng.addEventListener("click", (e) => { e.preventDefault(); png(svg); });
    box.append(" · picture: ", asSvg, " ", asPng);
  }
  box.append(" · ", el("a", { id: "share-link", href: location.href }, "Link to this result"));
}

function serialised(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute("xmlns", SVG_NS);
  const style = document.createElementNS(SVG_NS, "style");
  style.textContent = "text{font:12px sans-serif;fill:#1d2530}.bar{fill:#3b78c4}.grid{stroke:#e3e7ef}.edge{stroke:#8a97b3}.graph-node{fill:#2651a6}.country{fill:#e9ecef;stroke:#fff}.sea{fill:#f2f6fa}";
  copy.prepend(style);
  return new XMLSerializer().serializeToString(copy);
}

function save(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function png(svg) {
  const box = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal : svg.getBBox();
  const image = new Image();
  image.onload = () => {
    const canvas = el("canvas", { width: Math.ceil(box.width), height: Math.ceil(box.height) });
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => save(blob, "result.png"));
  };
  image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(serialised(svg));
}

function codeSnippets() {
  const box = document.getElementById("code");
  if (!box) return;
  const endpoint = location.origin + "/sparql";
  const snippets = [];
  if (page.asked && page.asked.q) {
    const url = location.origin + dataUrl("json");
    snippets.push(["curl", `curl -H 'Accept: application/sparql-results+json' '${url}'`],
      ["Python (httpx)", `import httpx\n\nrows = httpx.get(${JSON.stringify(url)}).json()["results"]["bindings"]\nfor row in rows:\n    print({k: v["value"] for k, v in row.items()})`],
      ["JavaScript (fetch)", `const answer = await fetch(${JSON.stringify(url)});\nconst rows = (await answer.json()).results.bindings;\nconsole.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.value]))));`]);
  } else {
    const query = sparqlText();
    const py = JSON.stringify(query).slice(1, -1).replace(/\\n/g, "\n").replace(/"""/g, '\\"\\"\\"');
    snippets.push(["Python (SPARQLWrapper)", `from SPARQLWrapper import JSON, SPARQLWrapper\n\nsparql = SPARQLWrapper(${JSON.stringify(endpoint)})\nsparql.setQuery("""${py}""")\nsparql.setReturnFormat(JSON)\nfor row in sparql.queryAndConvert()["results"]["bindings"]:\n    print({k: v["value"] for k, v in row.items()})`],
      ["Python (rdflib)", `from rdflib import Graph\nfrom rdflib.plugins.stores.sparqlstore import SPARQLStore\n\ngraph = Graph(store=SPARQLStore(${JSON.stringify(endpoint)}))\nfor row in graph.query("""${py}"""):\n    print(row)`],
      ["curl", `curl ${endpoint} -H 'Accept: application/sparql-results+json' --data-urlencode query@- <<'SPARQL'\n${query}\nSPARQL`],
      ["JavaScript (fetch)", `const answer = await fetch(${JSON.stringify(endpoint)}, {\n  method: "POST",\n  headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },\n  body: ${JSON.stringify(query)},\n});\nconst rows = (await answer.json()).results.bindings;`]);
  }
  box.replaceChildren(...snippets.map(([name, code]) => {
    const part = el("div", { class: "snippet" });
    const copy = el("button", { type: "button", class: "copy" }, "Copy");
    copy.addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(code));
    part.append(el("h3", {}, name), copy, el("pre", { "data-language": name }, code));
    return part;
  }));
}

// ---- running -------------------------------------------------------------------------------------

function parseNTriples(text) {
  const term = (t) => (t.startsWith("<") ? { type: "uri", value: t.slice(1, -1) } : t.startsWith("_:") ? { type: "bnode", value: t }
    : { type: "literal", value: JSON.parse(t.replace(/(^"[\s\S]*")(?:@[\w-]+|\^\^<[^>]*>)$/, "$1")) });
  const triples = [];
  for (const line of text.split("\n")) {
    const m = /^(<[^>]*>|_:\S+)\s+(<[^>]*>)\s+(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)\s*\.\s*$/.exec(line.trim());
    if (m) triples.push([term(m[1]), term(m[2]), term(m[3])]);
  }
  return triples;
}

async function run(url, options, preferred) {
  const status = document.getElementById("status");
  status.textContent = "Running…";
  status.classList.remove("error");
  if (page.editor) page.editor.clearErrors();
  const started = performance.now();
  const response = await fetch(url, { ...options, headers: { ...(options.headers || {}), Accept: "application/sparql-results+json, application/n-triples;q=0.9" } });
  const text = await response.text();
  codeSnippets();
  if (!response.ok) {
    status.textContent = `Error ${response.status}: ${text}`;
    status.classList.add("error");
    const at = /error at (\d+):(\d+)/.exec(text);
    if (at && page.editor && page.asked && page.asked.query) {
      const where = page.editor.markError(Number(at[1]), Number(at[2]), text.split("\n")[0]);
      status.dataset.line = where.line;
      status.dataset.column = where.column;
    }
    document.getElementById("results").replaceChildren();
    document.getElementById("views").replaceChildren();
    return;
  }
  const type = response.headers.get("content-type") || "";
  page.data = type.includes("json") ? JSON.parse(text) : null;
  page.graph = type.includes("json") ? null : parseNTriples(text);
  const rows = page.graph ? page.graph.length : "boolean" in page.data ? 1 : page.data.results.bindings.length;
  const truncated = response.headers.get("x-rekg-truncated") ? " (truncated at the row limit)" : "";
  status.textContent = `${rows} ${page.graph ? "triple(s)" : "row(s)"} in ${Math.round(performance.now() - started)} ms${truncated}.`;
  showViews(preferred);
}

async function showParams(values = {}) {
  const name = document.getElementById("named").value;
  const box = document.getElementById("params");
  box.replaceChildren();
  document.getElementById("named-summary").textContent = "";
  if (!name) return;
  const list = await (await fetch("/queries")).json();
  const query = list.find((q) => q.name === name);
  document.getElementById("named-summary").textContent = query.summary;
  page.params = query.params.map((p) => p.name);
  for (const p of query.params) {
    const label = el("label", {}, `${p.name} (${p.type}) `);
    const kind = p.type === "date" ? { type: "date" } : { size: 60 };
    label.append(el("input", { name: p.name, value: values[p.name] ?? p.default ?? "", title: p.description, ...kind, "data-param": p.name }));
    box.append(label, el("br"));
  }
}

function namedParams() {
  const params = {};
  document.querySelectorAll("[data-param]").forEach((input) => { if (input.value) params[input.name] = input.value; });
  return params;
}

function wireSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  if (!input) return;
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q) { list.hidden = true; return; }
      const hits = await (await fetch(`/search?q=${encodeURIComponent(q)}`)).json();
      list.replaceChildren(...hits.map((h) => {
        const li = el("li");
        li.append(el("a", { href: h.path }, h.label), el("span", { class: "type" }, " " + h.type));
        return li;
      }));
      list.hidden = hits.length === 0;
    }, 150);
  });
}

function mountEditor(runSparql) {
  const area = document.getElementById("sparql");
  const mount = document.getElementById("editor");
  if (!area || !mount || !window.RekgEditor) return;
  page.editor = RekgEditor.create(mount, {
    doc: area.value,
    vocabulary: vocabulary(),
    search: async (q) => (await fetch(`/search?q=${encodeURIComponent(q)}`)).json(),
    onRun: runSparql,
    onChange: () => { area.value = page.editor.getValue(); },
  });
  area.hidden = true;
}

document.addEventListener("DOMContentLoaded", () => {
  wireSearch();
  const named = document.getElementById("named");
  if (!named) return;
  const asked = new URLSearchParams(location.search);
  const runNamed = (preferred) => {
    if (!named.value) return;
    remember({ q: named.value, ...namedParams() });
    run(dataUrl(""), {}, typeof preferred === "string" ? preferred : null);
  };
  const runSparql = (preferred) => {
    const query = sparqlText();
    page.params = [];
    remember({ query });
    run("/sparql", { method: "POST", body: query, headers: { "Content-Type": "application/sparql-query" } },
      (typeof preferred === "string" ? preferred : null) || defaultView(query));
  };
  mountEditor(runSparql);
  named.addEventListener("change", () => showParams());
  document.getElementById("run-named").addEventListener("click", runNamed);
  document.getElementById("run-sparql").addEventListener("click", runSparql);
  document.getElementById("show-plan").addEventListener("click", () => runSparql("Plan"));
  document.getElementById("get-code").addEventListener("toggle", codeSnippets);
  // a shared link: run what it holds, in the view it was shown in
  const view = asked.get("view");
  if (asked.get("q")) {
    const values = Object.fromEntries([...asked].filter(([k]) => k !== "q" && k !== "view"));
    named.value = asked.get("q");
    if (named.value) showParams(values).then(() => runNamed(view));
  } else if (asked.get("query")) {
    if (page.editor) page.editor.setValue(asked.get("query"));
    document.getElementById("sparql").value = asked.get("query");
    runSparql(view);
  }
});
