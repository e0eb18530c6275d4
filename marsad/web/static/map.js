// The events map: Leaflet over an offline basemap (world-atlas country borders, drawn from the
// package's own TopoJSON: no tile server is reachable on many users' machines), one marker per
// event coloured by type and sized by fatalities, clustered when dense.
/* global L, topojson */
import { el } from "./dom.js";
import { eventDay } from "./api.js";
import { t, typeName } from "./i18n.js";

export const COLORS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
export const colorOf = (type) => COLORS[type] || "#34495e";

let basemap = null;       // the parsed TopoJSON, fetched once per page load
let provinces = null;     // admin-1 border lines (GeoJSON), fetched once per page load

async function loadBasemap() {
  if (!basemap) {
    const res = await fetch("vendor/world-atlas/countries-50m.json");
    basemap = topojson.feature(await res.json(), "countries");
  }
  return basemap;
}

async function loadProvinces() {
  if (!provinces) {
    const res = await fetch("vendor/natural-earth/admin1-lines.json");
    provinces = await res.json();
  }
  return provinces;
}

/** Marker diameter in px: grows with the square root of the dead so a 500-death event does not
 * cover a country, and an event without a count still shows. */
export function radius(fatalities) {
  return Math.round(10 + Math.min(30, 3 * Math.sqrt(fatalities || 0)));
}

export function createMap(container) {
  // Leaflet computes positions assuming left-to-right; the map box is LTR inside the RTL page.
  container.setAttribute("dir", "ltr");
  const map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomControl: true,
    attributionControl: true }).setView([26, 38], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Leaflet | Natural Earth (world-atlas)");
  // Countries first (filled), then province borders over them (thin, dashed): drawn in that order
  // so the provinces never end up under the country fill.
  loadBasemap().then((geo) => {
    L.geoJSON(geo, { interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#eef0e6", fillOpacity: 1 } }).addTo(map).bringToBack();
    return loadProvinces();
  }).then((lines) => {
    L.geoJSON(lines, { interactive: false, className: "admin1",
      style: { color: "#b3b7bd", weight: 0.5, dashArray: "2 3" } }).addTo(map);
  }).catch(() => { /* the events still show on an empty background */ });
  const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false,
    spiderfyOnMaxZoom: true, chunkedLoading: true, iconCreateFunction: clusterIcon });
  map.addLayer(cluster);
  return { map, cluster };
}

/** A cluster drawn as a ring of its events' type colours (a conic gradient) around the count, so a
 * dense area still says what happened there. */
function clusterIcon(group) {
  const counts = new Map();
  for (const m of group.getAllChildMarkers()) {
    counts.set(m.options.eventType, (counts.get(m.options.eventType) || 0) + 1);
  }
  const total = group.getChildCount();
  let at = 0;
  const stops = [...counts].map(([type, n]) => {
    const from = at;
    at += (n / total) * 360;
    return `${colorOf(type)} ${from}deg ${at}deg`;
  });
  const size = Math.round(30 + Math.min(20, 4 * Math.sqrt(total)));
  const ring = el("div", { class: "ev-cluster" }, el("span", {}, String(total)));
  ring.style.background = `conic-gradient(${stops.join(", ")})`;
  ring.style.width = ring.style.height = `${size}px`;
  return L.divIcon({ html: ring, className: "marker-cluster ev-cluster-icon", iconSize: [size, size] });
}

function eventIcon(ev) {
  const size = radius(ev.fatalities);
  const dot = el("div", { class: "ev-dot", dataset: { type: ev.event_type || "" } });
  dot.style.background = colorOf(ev.event_type);
  dot.style.width = dot.style.height = `${size}px`;
  if (ev.fatalities) dot.textContent = String(ev.fatalities);
  return L.divIcon({ html: dot, className: "ev-marker", iconSize: [size, size] });
}

/** The popup, built as DOM nodes: place names and evidence are scraped text. */
export function popup(ev) {
  const src = (ev.sources && ev.sources[0]) || { doc_id: ev.doc_id };
  const ev0 = ev.evidence || {};
  const hl = Number.isInteger(ev0.start) ? `?hl=${ev0.start}-${ev0.end}` : "";
  const row = (label, value) => (value || value === 0 ? el("div", { class: "kv" },
    el("b", {}, label + ": "), el("span", {}, String(value))) : null);
  return el("div", { class: "popup" },
    el("div", { class: "popup-type" }, typeName(ev.event_type),
      ev.sub_event_type ? el("small", {}, " — " + ev.sub_event_type) : null),
    row(t("place"), [ev.location, ev.admin1, ev.country].filter(Boolean).join("، ")),
    row(t("date"), eventDay(ev) || ev.date_text),
    row(t("actors2"), [ev.actor1, ev.actor2].filter(Boolean).join(" × ")),
    row(t("fatalities"), ev.fatalities),
    row(t("claimedBy"), ev.claimed_by),
    ev0.text ? el("blockquote", { class: "evidence" }, ev0.text) : null,
    el("div", { class: "popup-links" },
      src.doc_id ? el("a", { href: `#/article/${encodeURIComponent(src.doc_id)}${hl}` }, t("article")) : null,
      (ev.sources || []).length > 1 && ev.story_id
        ? el("a", { href: `#/story/${encodeURIComponent(ev.story_id)}` }, `${t("story")} (${ev.sources.length})`)
        : null));
}

/** Replace the markers with `events`; returns how many had coordinates. */
export function drawEvents(handle, events) {
  handle.cluster.clearLayers();
  const markers = [];
  for (const ev of events) {
    if (typeof ev.latitude !== "number" || typeof ev.longitude !== "number") continue;
    const m = L.marker([ev.latitude, ev.longitude], { icon: eventIcon(ev), eventType: ev.event_type });
    m.bindPopup(() => popup(ev), { maxWidth: 360 });
    markers.push(m);
  }
  handle.cluster.addLayers(markers);
  return markers.length;
}

export function legend() {
  return el("div", { class: "legend" }, Object.keys(COLORS).map((type) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = COLORS[type];
    return el("span", { class: "legend-item" }, swatch, typeName(type));
  }));
}
