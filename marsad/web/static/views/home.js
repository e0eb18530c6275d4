// The main view: filters, the events map and the brushable timeline. Filters go to the API (type,
// actor, country, date); the brush filters the loaded events in the page, so dragging is instant.
import { all, eventDay } from "../api.js";
import { el } from "../dom.js";
import { t, typeName, TYPE_LIST } from "../i18n.js";
import { createMap, drawEvents, legend } from "../map.js";
import { timeline } from "../timeline.js";

// kept across visits of the view so coming back from an article keeps the filters
const state = { filters: { type: "", actor: "", country: "", since: "", until: "" }, brush: null };

export async function home(root, params) {
  for (const k of Object.keys(state.filters)) if (params.has(k)) state.filters[k] = params.get(k);
  const f = state.filters;
  const input = (name, attrs = {}) => el("input", { name, value: f[name], ...attrs });
  const typeSelect = el("select", { name: "type", id: "filter-type" },
    el("option", { value: "" }, t("all")),
    TYPE_LIST.map((type) => el("option", { value: type, selected: f.type === type }, typeName(type))));
  const form = el("form", { class: "filters", id: "filters" },
    el("label", {}, t("type"), typeSelect),
    el("label", {}, t("actor"), input("actor", { id: "filter-actor" })),
    el("label", {}, t("country"), input("country", { id: "filter-country" })),
    el("label", {}, t("since"), input("since", { type: "date", id: "filter-since" })),
    el("label", {}, t("until"), input("until", { type: "date", id: "filter-until" })),
    el("button", { type: "submit" }, t("apply")),
    el("button", { type: "button", onclick: () => { form.reset(); for (const k in f) f[k] = "";
      state.brush = null; load(); } }, t("reset")));
  // a select applies at once; text fields on submit
  typeSelect.addEventListener("change", () => form.requestSubmit());
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    for (const k of Object.keys(f)) f[k] = (data.get(k) || "").trim();
    load();
  });
  const status = el("div", { id: "map-status", class: "status" }, t("loading"));
  const mapBox = el("div", { id: "map", class: "map" });
  const hint = el("span", { class: "hint" }, t("brushHint"));
  const clearBrush = el("button", { type: "button", id: "clear-brush", class: "link",
    onclick: () => { state.brush = null; tl.setRange(null); show(); } }, t("clearBrush"));
  const tlBox = el("div", { id: "timeline", class: "timeline" });
  root.append(form, el("div", { class: "map-head" }, status, legend()), mapBox,
    el("div", { class: "timeline-head" }, el("b", {}, t("timeline")), hint, clearBrush), tlBox);

  const handle = createMap(mapBox);
  let events = [];
  let tl = { setRange() {} };

  function show() {
    const [a, b] = state.brush || [null, null];
    const shown = state.brush ? events.filter((ev) => { const d = eventDay(ev); return d && d >= a && d <= b; })
      : events;
    const placed = drawEvents(handle, shown);
    status.dataset.count = String(placed);
    status.dataset.total = String(shown.length);
    status.textContent = `${placed} ${t("onMap")}` + (shown.length > placed
      ? ` (+${shown.length - placed} ${t("noPlace")})` : "") + (state.brush ? ` — ${a} … ${b}` : "");
    clearBrush.hidden = !state.brush;
    // tests and scripts wait on this: the markers for the current filters are drawn (unless the
    // user has left the view meanwhile: then another view's readiness is not ours to claim)
    if (!root.isConnected) return;
    window.marsad.mapCount = placed;
    window.marsad.ready = true;
  }

  async function load() {
    window.marsad.ready = false;
    status.textContent = t("loading");
    try {
      events = await all("/api/events", { type: f.type, actor: f.actor, country: f.country,
        since: f.since, until: f.until });
    } catch (err) {
      status.textContent = `${t("error")}: ${err.message}`;
      events = [];
    }
    tl = timeline(tlBox, events, { onBrush: (range) => { state.brush = range; show(); } });
    tl.setRange(state.brush);
    // framed before the markers go on, without animation: the clusters are then computed once, at
    // the final zoom, and nothing is still moving when the view says it is ready
    const placed = events.filter((ev) => typeof ev.latitude === "number");
    if (placed.length) {
      handle.map.fitBounds(placed.map((ev) => [ev.latitude, ev.longitude]),
        { maxZoom: 7, padding: [30, 30], animate: false });
    }
    show();
  }
  // Leaflet measures its box: wait until the view is in the document
  requestAnimationFrame(() => { handle.map.invalidateSize(); load(); });
}
