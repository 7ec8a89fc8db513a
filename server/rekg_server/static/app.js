// rekg web page: run named questions and SPARQL, show results with entity links, search labels.
"use strict";

const ENTITY_BASE = "https://w3id.org/rekg/id/";
const ONTOLOGY_BASE = "https://w3id.org/rekg/ontology";

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

function renderResults(data) {
  const box = document.getElementById("results");
  box.replaceChildren();
  if ("boolean" in data) { box.append(el("p", {class: "boolean"}, String(data.boolean))); return 1; }
  // a ?xLabel column is shown as the text of ?x's link, not as a column of its own
  const vars = data.head.vars.filter(v => !(v.endsWith("Label") && data.head.vars.includes(v.slice(0, -5))));
  const table = el("table", {class: "results"});
  const head = el("tr");
  vars.forEach(v => head.append(el("th", {}, v)));
  table.append(el("thead")); table.tHead.append(head);
  const body = el("tbody");
  for (const row of data.results.bindings) {
    const tr = el("tr");
    for (const v of vars) {
      const td = el("td");
      const cell = row[v];
      if (cell && cell.type === "uri") {
        const label = row[v + "Label"] ? row[v + "Label"].value : cell.value;
        td.append(el("a", {href: localPath(cell.value), title: cell.value}, label));
      } else if (cell) {
        td.textContent = cell.value;
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  box.append(table);
  return data.results.bindings.length;
}

// Figures read better as bars: when rows carry a share or value, draw one bar per row.
function renderChart(data) {
  const vars = data.head.vars;
  const valueVar = ["share", "value"].find(v => vars.includes(v));
  const preferred = ["subjectLabel", "partnerLabel", "supplierLabel", "countryLabel", "sourceLabel"];
  const labelVar = preferred.find(v => vars.includes(v)) || vars.find(v => v.endsWith("Label"));
  const rows = data.results.bindings.filter(r => valueVar && r[valueVar] && !isNaN(parseFloat(r[valueVar].value)));
  if (!valueVar || !labelVar || rows.length < 2 || rows.length > 40) return;
  const max = Math.max(...rows.map(r => parseFloat(r[valueVar].value)));
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("width", "900");
  svg.setAttribute("height", String(rows.length * 24 + 10));
  rows.forEach((r, i) => {
    const value = parseFloat(r[valueVar].value);
    const when = (r.year || r.period || {}).value;
    const hedge = r.hedge ? r.hedge.value + " " : "";
    const text = document.createElementNS(ns, "text");
    text.setAttribute("x", "0"); text.setAttribute("y", String(i * 24 + 18));
    const name = r[labelVar] ? r[labelVar].value : "";
    text.textContent = (name.length > 34 ? name.slice(0, 33) + "…" : name) + (when ? ` (${when})` : "");
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", "330"); bar.setAttribute("y", String(i * 24 + 5));
    bar.setAttribute("height", "16"); bar.setAttribute("width", String(Math.max(1, 400 * value / max)));
    bar.setAttribute("class", "bar");
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(336 + 400 * value / max)); label.setAttribute("y", String(i * 24 + 18));
    label.textContent = hedge + r[valueVar].value + (valueVar === "share" || max <= 100 ? "%" : "");
    svg.append(text, bar, label);
  });
  document.getElementById("results").prepend(svg);
}

function setDownloads(urlFor) {
  const box = document.getElementById("downloads");
  box.replaceChildren("Download: ");
  for (const fmt of ["json", "xml", "csv", "tsv"]) {
    box.append(el("a", {href: urlFor(fmt), download: "results." + fmt}, fmt.toUpperCase()), " ");
  }
  box.append(" · ", el("a", {id: "share-link", href: location.href}, "Link to this result"));
}

// The page's address holds what was asked (?q=name&param=value…, or ?query=SPARQL), so that a
// link reproduces the result.
function remember(state) {
  history.replaceState(null, "", "/?" + new URLSearchParams(state));
}

async function run(url, options) {
  const status = document.getElementById("status");
  status.textContent = "Running…";
  const started = performance.now();
  const response = await fetch(url, {...options, headers: {...(options.headers || {}), Accept: "application/sparql-results+json, text/turtle;q=0.5"}});
  const text = await response.text();
  if (!response.ok) { status.textContent = `Error ${response.status}: ${text}`; document.getElementById("results").replaceChildren(); return; }
  const type = response.headers.get("content-type") || "";
  if (!type.includes("json")) {
    document.getElementById("results").replaceChildren(el("pre", {}, text));
    status.textContent = `Graph result in ${Math.round(performance.now() - started)} ms.`;
    return;
  }
  const data = JSON.parse(text);
  const rows = renderResults(data);
  if (!("boolean" in data)) renderChart(data);
  const truncated = response.headers.get("x-rekg-truncated") ? " (truncated at the row limit)" : "";
  status.textContent = `${rows} row(s) in ${Math.round(performance.now() - started)} ms${truncated}.`;
}

async function showParams(values = {}) {
  const name = document.getElementById("named").value;
  const box = document.getElementById("params");
  box.replaceChildren();
  document.getElementById("named-summary").textContent = "";
  if (!name) return;
  const list = await (await fetch("/queries")).json();
  const query = list.find(q => q.name === name);
  document.getElementById("named-summary").textContent = query.summary;
  for (const p of query.params) {
    const label = el("label", {}, `${p.name} (${p.type}) `);
    const kind = p.type === "date" ? {type: "date"} : {size: 60};
    label.append(el("input", {name: p.name, value: values[p.name] ?? p.default ?? "", title: p.description, ...kind, "data-param": p.name}));
    box.append(label, el("br"));
  }
}

function namedParams() {
  const params = {};
  document.querySelectorAll("[data-param]").forEach(input => { if (input.value) params[input.name] = input.value; });
  return params;
}

function namedUrl(fmt) {
  const name = document.getElementById("named").value;
  const params = new URLSearchParams(namedParams());
  if (fmt) params.set("format", fmt);
  return `/queries/${encodeURIComponent(name)}?${params}`;
}

function sparqlUrl(fmt) {
  const params = new URLSearchParams({query: document.getElementById("sparql").value});
  if (fmt) params.set("format", fmt);
  return `/sparql?${params}`;
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
      list.replaceChildren(...hits.map(h => {
        const li = el("li");
        li.append(el("a", {href: h.path}, h.label), el("span", {class: "type"}, " " + h.type));
        return li;
      }));
      list.hidden = hits.length === 0;
    }, 150);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  wireSearch();
  const named = document.getElementById("named");
  if (!named) return;
  named.addEventListener("change", () => showParams());
  const runNamed = () => {
    if (!named.value) return;
    remember({q: named.value, ...namedParams()});
    setDownloads(namedUrl);
    run(namedUrl(), {});
  };
  const runSparql = () => {
    remember({query: document.getElementById("sparql").value});
    setDownloads(sparqlUrl);
    run("/sparql", {method: "POST", body: document.getElementById("sparql").value,
                    headers: {"Content-Type": "application/sparql-query"}});
  };
  document.getElementById("run-named").addEventListener("click", runNamed);
  document.getElementById("run-sparql").addEventListener("click", runSparql);
  // a shared link: run what it holds
  const asked = new URLSearchParams(location.search);
  if (asked.get("q")) {
    const values = Object.fromEntries([...asked].filter(([k]) => k !== "q"));
    named.value = asked.get("q");
    if (named.value) showParams(values).then(runNamed);
  } else if (asked.get("query")) {
    document.getElementById("sparql").value = asked.get("query");
    runSparql();
  }
});
