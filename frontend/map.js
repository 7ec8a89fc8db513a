// The world map of rekg's pages: Natural Earth outlines (world-atlas, 1:110m) in the Natural Earth
// projection (d3-geo), countries shaded by a measure, facilities as markers coloured by stage and
// linked to their pages. Nothing is fetched from elsewhere: the outlines are served by rekg.
// Built into static/vendor/map.bundle.js by build.sh.
import { feature } from "topojson-client";
import { geoCentroid, geoNaturalEarth1, geoPath } from "d3-geo";

const NS = "http://www.w3.org/2000/svg";
export const STAGE_COLOURS = { mining: "#8c510a", separation: "#2166ac", refining: "#5e3c99", processing: "#1b7837",
  "metal-making": "#b35806", "magnet-making": "#c51b7d", recycling: "#35978f", other: "#4d4d4d" };

function node(tag, attrs = {}, parent) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, v);
  if (parent) parent.append(el);
  return el;
}

function titled(el, text) { node("title", {}, el).textContent = text; return el; }

function shade(value, max) {  // light to dark blue by the share of the measure
  if (value === undefined || value === null || !max) return "#e9ecef";
  const t = Math.max(0.08, Math.min(1, value / max));
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(222, 8)},${mix(235, 69)},${mix(247, 148)})`;
}

function draw(container, topology, data, options = {}) {
  const width = options.width || 960, height = options.height || 500;
  const countries = feature(topology, topology.objects.countries);
  const byNumeric = new Map((data.countries || []).map((c) => [String(c.numeric).padStart(3, "0"), c]));
  const projection = geoNaturalEarth1();
  const focus = options.focus ? focusShape(countries, data, options.focus) : null;
  if (focus) projection.fitExtent([[20, 20], [width - 20, height - 20]], focus);
  else projection.fitSize([width, height], { type: "Sphere" });
  const path = geoPath(projection);
  const svg = node("svg", { xmlns: NS, viewBox: `0 0 ${width} ${height}`, width, height, class: "world-map", role: "img",
    "aria-label": options.label || "world map" });
  node("rect", { width, height, class: "sea" }, svg);
  const land = node("g", { class: "countries" }, svg);
  const max = Math.max(0, ...(data.countries || []).map((c) => c.value || 0));
  for (const f of countries.features) {
    const known = byNumeric.get(String(f.id).padStart(3, "0"));
    const shape = node("path", { d: path(f), fill: shade(known && known.value, max), class: "country" + (known ? " known" : ""),
      "data-iso": known ? known.iso2 : "" });
    const name = known ? known.label : f.properties.name;
    titled(shape, known && known.value != null ? `${name}: ${known.valueText}` : name);
    if (known) { const a = node("a", { href: known.path }, land); a.append(shape); } else land.append(shape);
  }
  const marks = node("g", { class: "facilities" }, svg);
  const outlines = new Map(countries.features.map((f) => [String(f.id).padStart(3, "0"), f]));
  const placedIn = new Map();  // facilities drawn in their country, spread around its centre
  for (const f of data.facilities || []) {
    let at = null, exact = f.lat !== null && f.lat !== undefined;
    if (exact) at = projection([f.lon, f.lat]);
    else if (f.countryNumeric && outlines.has(f.countryNumeric)) {
      const n = placedIn.get(f.countryNumeric) || 0;
      placedIn.set(f.countryNumeric, n + 1);
      const [cx, cy] = projection(geoCentroid(outlines.get(f.countryNumeric)));
      at = [cx + 14 * Math.cos(n * 2.1), cy + 14 * Math.sin(n * 2.1)];
    }
    if (!at || !isFinite(at[0]) || !isFinite(at[1]) || at[0] < 0 || at[1] < 0 || at[0] > width || at[1] > height) continue;
    const a = node("a", { href: f.path, class: "facility", "data-iri": f.iri }, marks);
    const colour = STAGE_COLOURS[f.stage] || STAGE_COLOURS.other;
    const where = exact ? `at ${f.lat}, ${f.lon} (${f.source_label})` : `in ${f.countryLabel}: no source gives where exactly`;
    titled(node("circle", { cx: at[0].toFixed(1), cy: at[1].toFixed(1), r: 6, fill: exact ? colour : "#fff", stroke: colour,
      "stroke-width": exact ? 1 : 2.5, class: "marker" + (exact ? " exact" : " approximate") + (options.focus === f.iri ? " focus" : "") }, a),
      `${f.label} (${f.stage_label}) ${where}`);
  }
  container.replaceChildren(svg);
  return svg;
}

// What a page's map is fitted to: a country's outline, a facility's point, or the points of a
// company's facilities (with a margin of a few degrees).
function focusShape(countries, data, iri) {
  const country = (data.countries || []).find((c) => c.iri === iri);
  if (country) {
    const f = countries.features.find((g) => String(g.id).padStart(3, "0") === String(country.numeric).padStart(3, "0"));
    if (f) return f;
  }
  const points = (data.facilities || []).filter((f) => f.iri === iri || (f.operators || []).includes(iri));
  if (!points.length) return null;
  const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
  const pad = 8;
  const [w, e, s, n] = [Math.min(...lons) - pad, Math.max(...lons) + pad, Math.min(...lats) - pad, Math.max(...lats) + pad];
  return { type: "Polygon", coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] };
}

window.RekgMap = { draw, STAGE_COLOURS };
