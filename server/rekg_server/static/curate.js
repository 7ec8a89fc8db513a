// rekg review page: draft an article, review its facts card by card, check each edit, save and apply.
(() => {  // a scope of its own: the site script (app.js) defines names of its own
"use strict";

const vocabulary = JSON.parse(document.getElementById("vocabulary").textContent);
const state = { text: "", sheet: null, cards: [], mentions: [], sentences: [], known: new Set() };
const $ = (id) => document.getElementById(id);
const KINDS = ["triples", "figure", "supply", "stake", "link"];
const FIELDS = {
  figure: [["subject", "entity"], ["metric", "metric"], ["value", "text"], ["unit", "unit"], ["hedge", "text"], ["year", "text"]],
  supply: [["supplier", "entity"], ["customer", "entity"], ["material", "entity"], ["share", "text"], ["hedge", "text"], ["year", "text"]],
  stake: [["holder", "entity"], ["investee", "entity"], ["share", "text"], ["hedge", "text"], ["year", "text"]],
  link: [["entity", "entity"], ["wikidata", "text"]],
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function kindOf(fact) { return KINDS.find((k) => k in fact); }

function getPath(object, path) {
  return path.split(".").reduce((value, key) => (value == null ? undefined : value[key]), object);
}

function setPath(object, path, value) {
  const keys = path.split(".");
  let node = object;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] == null) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key];
  });
  const last = keys[keys.length - 1];
  if (value === "" || value === null) delete node[last];
  else node[last] = value;
}

// ---- drafting ------------------------------------------------------------------------------

$("article-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  $("article-text").value = await file.text();
  $("article-name").value = file.name;
});

$("draft").addEventListener("click", async () => {
  const text = $("article-text").value;
  if (!text.trim()) { $("draft-status").textContent = "Paste an article first."; return; }
  $("draft-status").textContent = "Drafting…";
  const answer = await post("/curate/draft", { text, name: $("article-name").value || "article" });
  if (!answer.ok) { $("draft-status").textContent = await answer.text(); return; }
  const draft = await answer.json();
  Object.assign(state, { text, sheet: draft.sheet, mentions: draft.mentions, sentences: draft.sentences });
  state.known = new Set(draft.mentions.filter((m) => m.known).map((m) => m.ref));
  state.cards = draft.cards.map((card, i) => ({ id: i, sentence: card.sentence, fact: strip(card.fact), status: "pending" }));
  const source = draft.sheet.source;
  $("source-id").value = source.id;
  $("source-title").value = source.title;
  $("draft-status").textContent = `${draft.cards.length} drafted fact(s) in ${draft.sentences.length} sentence(s).`;
  fillEntityOptions([]);
  render();
  $("review").hidden = false;
  scheduleCheck();
});

function strip(value) {  // the draft's "#" notes are for the YAML draft; the card shows its own hints
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "#").map(([k, v]) => [k, strip(v)]));
  }
  return value;
}

// ---- rendering -----------------------------------------------------------------------------

function render() {
  const grid = $("sentences");
  grid.replaceChildren();
  state.sentences.forEach((sentence, index) => {
    const cards = state.cards.filter((c) => c.sentence === index);
    grid.append(el("div", { class: "sentence" + (cards.length ? " has-cards" : "") }, highlighted(sentence, index)),
      el("div", { class: "cards" }, ...cards.map(cardElement)));
  });
  renderEntities();
  updateCounts();
}

function highlighted(sentence, index) {
  const span = el("p");
  let at = sentence.start;
  for (const m of state.mentions.filter((m) => m.sentence === index).sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    span.append(state.text.slice(at, m.start));
    span.append(el("mark", { class: "mention " + (m.known ? "known" : "new"), title: m.ref }, state.text.slice(m.start, m.end)));
    at = m.end;
  }
  span.append(state.text.slice(at, sentence.end));
  return span;
}

function renderEntities() {
  const list = $("entity-list");
  list.replaceChildren();
  for (const entity of state.sheet.entities || []) {
    const type = el("select", { "aria-label": `Type of ${entity.label}`, onchange: (e) => { entity.type = e.target.value; scheduleCheck(); } },
      ...vocabulary.classes.map((c) => el("option", { value: c.name, title: c.comment }, c.name)));
    type.value = entity.type;
    const label = el("input", { value: entity.label, "aria-label": `Label of ${entity.id}`, oninput: (e) => { entity.label = e.target.value; scheduleCheck(); } });
    list.append(el("div", { class: "entity" }, el("code", {}, entity.id), " ", type, " ", label));
  }
}

function updateCounts() {
  const by = (s) => state.cards.filter((c) => c.status === s).length;
  $("counts").textContent = `${by("accepted")} accepted, ${by("rejected")} rejected, ${by("pending")} to review.`;
}

function cardElement(card) {
  const fact = card.fact;
  const kind = kindOf(fact);
  const node = el("div", { class: `card ${card.status}`, "data-card": card.id, "data-kind": kind });
  const changed = () => { scheduleCheck(); };
  const bind = (input, path) => {
    input.dataset.path = path;
    const current = getPath(fact, path);
    if (current !== undefined) input.value = current;
    const store = () => {
      setPath(fact, path, input.value.trim() === "" ? "" : input.value);
      if (path === "quote") delete fact.span;  // the span was the drafted sentence's
      changed();
    };
    input.addEventListener("input", store);
    input.addEventListener("change", store);
    return input;
  };
  const field = (label, input, path) => el("label", { class: "field" }, el("span", {}, label), bind(input, path));

  node.append(el("div", { class: "card-head" },
    el("span", { class: "kind" }, kind),
    el("button", { class: "accept", type: "button", onclick: () => setStatus(card, card.status === "accepted" ? "pending" : "accepted") }, "Accept"),
    el("button", { class: "reject", type: "button", onclick: () => setStatus(card, card.status === "rejected" ? "pending" : "rejected") }, "Reject")),
  el("div", { class: "card-problems" }));
  node.append(field("quote", el("textarea", { rows: 2 }), "quote"));

  if (kind === "triples") {
    const rows = el("div", { class: "triples" });
    fact.triples.forEach((triple, j) => {
      rows.append(el("div", { class: "triple", "data-path": `triples.${j}` },
        bind(entityInput(`subject of triple ${j + 1}`), `triples.${j}.0`),
        bind(choice(vocabulary.properties, triple[1], `predicate of triple ${j + 1}`, "—"), `triples.${j}.1`),
        bind(entityInput(`object of triple ${j + 1}`), `triples.${j}.2`),
        el("button", { type: "button", class: "remove", title: "Remove this triple", onclick: () => { fact.triples.splice(j, 1); rerender(card); changed(); } }, "×")));
    });
    rows.append(el("button", { type: "button", class: "add", onclick: () => { fact.triples.push(["", "", ""]); rerender(card); } }, "+ triple"));
    node.append(rows);
  } else {
    for (const [name, type] of FIELDS[kind]) {
      const path = `${kind}.${name}`;
      const input = type === "entity" ? entityInput(name)
        : type === "metric" ? choice(vocabulary.metrics, getPath(fact, path), name)
        : type === "unit" ? choice(vocabulary.units, getPath(fact, path), name)
        : el("input", { size: 12, "aria-label": name });
      node.append(field(name, input, path));
    }
  }

  const modality = choice(vocabulary.modalities, fact.modality, "modality", "stated (default)");
  const meaning = el("span", { class: "hint meaning" });
  const explain = () => { meaning.textContent = (vocabulary.modalities.find((m) => m.name === modality.value) || {}).comment || ""; };
  modality.addEventListener("change", explain);
  node.append(field("modality", modality, "modality"), meaning);
  explain();
  node.append(field("why", el("input", { size: 40, placeholder: "why this modality (needed for stated over a marker)" }), "why"));
  node.append(whenField(card));
  return node;
}

function whenField(card) {
  const fact = card.fact;
  const when = fact.when;
  const shape = when === "now" ? "now" : when && when.at ? "at" : when ? "range" : "";
  const select = el("select", { "aria-label": "valid time" },
    el("option", { value: "" }, "—"), el("option", { value: "now" }, "now (the source's date)"),
    el("option", { value: "at" }, "at"), el("option", { value: "range" }, "from / until"));
  select.value = shape;
  select.dataset.path = "when";
  const at = el("input", { size: 10, placeholder: "YYYY[-MM[-DD]]", "aria-label": "at", value: (when && when.at) || "" });
  const from = el("input", { size: 10, placeholder: "from", "aria-label": "from", value: (when && when.from) || "" });
  const until = el("input", { size: 10, placeholder: "until", "aria-label": "until", value: (when && when.until) || "" });
  const update = () => {
    at.hidden = select.value !== "at";
    from.hidden = until.hidden = select.value !== "range";
    if (select.value === "") delete fact.when;
    else if (select.value === "now") fact.when = "now";
    else if (select.value === "at") fact.when = at.value ? { at: at.value } : {};
    else fact.when = Object.fromEntries([["from", from.value], ["until", until.value]].filter(([, v]) => v));
    scheduleCheck();
  };
  for (const input of [select, at, from, until]) input.addEventListener("input", update);
  at.hidden = shape !== "at";
  from.hidden = until.hidden = shape !== "range";
  return el("label", { class: "field" }, el("span", {}, "when"), select, at, from, until);
}

function choice(options, current, label, empty) {
  const select = el("select", { "aria-label": label });
  if (empty !== undefined) select.append(el("option", { value: "" }, empty));
  if (current && !options.some((o) => o.name === current)) select.append(el("option", { value: current }, current.startsWith("todo") ? `${current} (to decide)` : `${current} (unknown)`));
  for (const option of options) select.append(el("option", { value: option.name, title: option.comment || "" }, option.label && option.label !== option.name ? `${option.name} — ${option.label}` : option.name));
  return select;
}

let searchTimer = null;
function entityInput(label) {
  const input = el("input", { list: "entity-options", size: 26, "aria-label": label, placeholder: "kind/slug or search by name" });
  input.addEventListener("input", () => {
    clearTimeout(searchTimer);
    const q = input.value.trim();
    if (q.length < 2 || q.includes("/")) return;
    searchTimer = setTimeout(async () => {
      const hits = await (await fetch(`/search?q=${encodeURIComponent(q)}`)).json();
      fillEntityOptions(hits.map((h) => ({ ref: h.iri.split("/id/")[1], label: `${h.label}${h.type ? ` (${h.type})` : ""}` })));
    }, 200);
  });
  return input;
}

function fillEntityOptions(hits) {
  const drafted = (state.sheet.entities || []).map((e) => ({ ref: e.id, label: `${e.label} (new)` }));
  const mentioned = state.mentions.filter((m) => m.known).map((m) => ({ ref: m.ref, label: state.text.slice(m.start, m.end) }));
  const seen = new Set();
  $("entity-options").replaceChildren(...[...hits, ...drafted, ...mentioned].filter((h) => !seen.has(h.ref) && seen.add(h.ref))
    .map((h) => el("option", { value: h.ref, label: h.label })));
}

function rerender(card) {
  const old = document.querySelector(`[data-card="${card.id}"]`);
  old.replaceWith(cardElement(card));
}

function setStatus(card, status) {
  card.status = status;
  rerender(card);
  updateCounts();
  scheduleCheck();
}

// ---- checking, saving, applying ------------------------------------------------------------

function clean(value) {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== "" && v !== undefined && v !== null).map(([k, v]) => [k, clean(v)]));
  }
  return value;
}

function sheetOf(cards) {
  const facts = cards.map((c) => clean(c.fact));
  const used = new Set(JSON.stringify(facts).match(/[a-z]+\/[A-Za-z0-9][A-Za-z0-9-]*/g) || []);
  const entities = (state.sheet.entities || []).filter((e) => used.has(e.id)).map((e) => strip(e));
  const declared = new Set([...state.known, ...entities.map((e) => e.id)]);
  const mentions = Object.fromEntries(Object.entries(state.sheet.mentions || {}).filter(([ref]) => declared.has(ref)));
  const source = clean({ id: $("source-id").value.trim(), title: $("source-title").value.trim(), date: $("source-date").value, url: $("source-url").value.trim() });
  return { source, entities, mentions, facts };
}

async function post(url, body) {
  return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
}

let checkTimer = null;
let checking = 0;
function scheduleCheck() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(runCheck, 400);
}

async function runCheck() {
  const cards = state.cards.filter((c) => c.status !== "rejected");
  const ticket = ++checking;
  const answer = await post("/curate/check", { text: state.text, sheet: sheetOf(cards) });
  if (ticket !== checking) return;  // a later edit's check is on its way
  const result = await answer.json();
  showProblems(result.problems || [{ field: "", message: JSON.stringify(result.detail || result) }], cards);
  if (result.yaml !== undefined) $("yaml-preview").textContent = result.yaml;
  document.body.dataset.checked = String(ticket);
}

function showProblems(problems, cards) {
  document.querySelectorAll(".problem").forEach((p) => p.remove());
  document.querySelectorAll(".card").forEach((c) => c.classList.remove("has-problem"));
  for (const problem of problems) {
    const match = /^facts\[(\d+)\]\.?(.*)$/.exec(problem.field);
    const note = el("div", { class: "problem" }, problem.message);
    if (!match || !cards[Number(match[1])]) {
      note.textContent = (problem.field ? `${problem.field}: ` : "") + problem.message;
      $("sheet-problems").append(note);
      continue;
    }
    const card = document.querySelector(`[data-card="${cards[Number(match[1])].id}"]`);
    card.classList.add("has-problem");
    const path = match[2].replace(/\[(\d+)\]/g, ".$1");
    let target = null;
    for (let p = path; p && !target; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
      target = card.querySelector(`[data-path="${p}"]`);
    }
    note.dataset.field = problem.field;
    if (target) (target.closest(".field, .triple") || target).after(note);
    else card.querySelector(".card-problems").append(note);
  }
}

async function commit(url, verb) {
  const cards = state.cards.filter((c) => c.status === "accepted");
  if (!cards.length) { $("review-status").textContent = "Accept at least one fact first."; return; }
  $("review-status").textContent = `${verb}…`;
  const answer = await post(url, { text: state.text, sheet: sheetOf(cards) });
  const result = await answer.json();
  if (answer.status === 422) {
    showProblems(result.problems, cards);
    $("review-status").textContent = `Not ${verb.toLowerCase()}: ${result.problems.length} problem(s); nothing was written.`;
    $("review-status").className = "refused";
    return;
  }
  if (!answer.ok) { $("review-status").textContent = JSON.stringify(result); return; }
  showProblems([], cards);
  const refs = new Set(JSON.stringify(sheetOf(cards).facts).match(/[a-z]+\/[A-Za-z0-9][A-Za-z0-9-]*/g) || []);
  const links = [...refs].filter((r) => !r.startsWith("todo/")).map((r) => el("a", { href: `/id/${r}` }, r));
  $("review-status").className = "done";
  $("review-status").replaceChildren(`${verb === "Saving" ? "Saved" : "Applied"} ${result.saved}${result.graph ? ` as ${result.graph}` : ""}. `,
    ...links.flatMap((a) => [a, " "]));
  if (result.yaml) $("yaml-preview").textContent = result.yaml;
}

$("save").addEventListener("click", () => commit("/curate/save", "Saving"));
$("apply").addEventListener("click", () => commit("/curate/apply", "Applying"));
for (const input of document.querySelectorAll(".source-fields input")) input.addEventListener("input", scheduleCheck);
})();
