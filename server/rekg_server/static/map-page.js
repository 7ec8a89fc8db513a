// rekg maps: the world map page (/map) and the map on entity pages (a [data-map-focus] box).
(() => {
"use strict";

async function load() {
  const [topology, data] = await Promise.all([
    fetch("/static/vendor/countries-110m.json").then((r) => r.json()),
    fetch("/map.json").then((r) => r.json()),
  ]);
  const countries = new Map(data.countries.map((c) => [c.iri, c]));
  for (const f of data.facilities) {
    const country = countries.get(f.country);
    f.countryNumeric = country ? country.numeric : null;
    f.countryLabel = country ? country.label : "";
  }
  return { topology, data };
}

function shaded(data, measure) {
  return data.countries.map((c) => ({ ...c, value: measure ? measure.values[c.iri] : undefined,
    valueText: measure ? measure.texts[c.iri] : undefined }));
}

function legend(box, facilities) {
  const stages = [...new Set(facilities.map((f) => f.stage))].sort();
  box.replaceChildren(...stages.map((stage) => {
    const item = document.createElement("span");
    item.className = "legend-item";
    item.innerHTML = `<svg width="14" height="14"><circle cx="7" cy="7" r="6" fill="${RekgMap.STAGE_COLOURS[stage] || RekgMap.STAGE_COLOURS.other}"/></svg> `;
    item.append(stage.replace("-", " "));
    return item;
  }));
}

async function worldPage() {
  const box = document.getElementById("world-map");
  const { topology, data } = await load();
  const select = document.getElementById("measure");
  for (const m of data.measures) select.append(new Option(m.label, m.id));
  const asked = new URLSearchParams(location.search).get("measure");
  select.value = data.measures.some((m) => m.id === asked) ? asked : (data.measures[0] || {}).id || "";
  const draw = () => {
    const measure = data.measures.find((m) => m.id === select.value);
    RekgMap.draw(box, topology, { facilities: data.facilities, countries: shaded(data, measure) }, { label: "world map" });
    const params = new URLSearchParams(location.search);
    if (select.value) params.set("measure", select.value); else params.delete("measure");
    history.replaceState(null, "", "/map" + (params.toString() ? "?" + params : ""));
  };
  select.addEventListener("change", draw);
  draw();
  legend(document.getElementById("map-legend"), data.facilities);
  const unplaced = data.facilities.filter((f) => f.lat === null && !f.countryNumeric);
  document.getElementById("unplaced").replaceChildren(...unplaced.map((f) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = f.path; a.textContent = f.label;
    li.append(a, ` (${f.stage_label})`);
    return li;
  }));
  document.body.dataset.mapReady = "true";
}

async function entityMaps() {
  const boxes = document.querySelectorAll("[data-map-focus]");
  if (!boxes.length) return;
  const { topology, data } = await load();
  for (const box of boxes) {
    const focus = box.dataset.mapFocus;
    const shown = RekgMap.draw(box, topology, { facilities: data.facilities, countries: shaded(data, null) },
      { focus, width: 760, height: 380, label: "map" });
    if (!shown.querySelector(".marker") && !shown.querySelector(`.country.known`)) box.closest("section").hidden = true;
  }
  document.body.dataset.mapReady = "true";
}

document.addEventListener("DOMContentLoaded", () => {
  if (document.getElementById("world-map")) worldPage();
  else entityMaps();
});
})();
