// A hand-written SVG timeline: one stacked bar per day, a segment per event type; dragging across
// it selects a date range (the brush) that the map then shows. Days run left to right even in the
// Arabic interface, as dates do on every chart the analysts read.
import { eventDay } from "./api.js";
import { colorOf } from "./map.js";
import { typeName } from "./i18n.js";

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const toTime = (day) => Date.parse(day + "T00:00:00Z");
const toDay = (time) => new Date(time).toISOString().slice(0, 10);

/**
 * timeline(container, events, {onBrush(range|null)}) draws the chart and returns {setRange}.
 * range = [firstDay, lastDay] (inclusive, YYYY-MM-DD).
 */
export function timeline(container, events, { onBrush = null, height = 120 } = {}) {
  container.setAttribute("dir", "ltr");
  container.replaceChildren();
  const counts = new Map();          // day -> Map(type -> n)
  for (const ev of events) {
    const day = eventDay(ev);
    if (!day) continue;
    if (!counts.has(day)) counts.set(day, new Map());
    const byType = counts.get(day);
    byType.set(ev.event_type, (byType.get(ev.event_type) || 0) + 1);
  }
  const width = Math.max(300, container.clientWidth || 800);
  const root = svg("svg", { width, height, class: "timeline-svg", viewBox: `0 0 ${width} ${height}` });
  container.append(root);
  if (!counts.size) return { setRange() {} };
  const days = [...counts.keys()].sort();
  // a day of margin on each side, so a one-day corpus still has a bar to brush
  const t0 = toTime(days[0]) - DAY, t1 = toTime(days[days.length - 1]) + 2 * DAY;
  const pad = { left: 8, right: 8, top: 6, bottom: 18 };
  const plotW = width - pad.left - pad.right, plotH = height - pad.top - pad.bottom;
  const x = (time) => pad.left + ((time - t0) / (t1 - t0)) * plotW;
  const timeAt = (px) => t0 + ((px - pad.left) / plotW) * (t1 - t0);
  const max = Math.max(...[...counts.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const barW = Math.max(3, Math.min(14, plotW / ((t1 - t0) / DAY) - 1));
  const bars = svg("g", { class: "bars" });
  for (const [day, byType] of counts) {
    let y = pad.top + plotH;
    for (const [type, n] of byType) {
      const h = (n / max) * plotH;
      y -= h;
      const rect = svg("rect", { x: x(toTime(day)) - barW / 2 + (x(toTime(day) + DAY) - x(toTime(day))) / 2,
        y, width: barW, height: Math.max(1, h), fill: colorOf(type), "data-day": day });
      const title = svg("title");
      title.textContent = `${day} — ${typeName(type)}: ${n}`;   // textContent: safe for any name
      rect.append(title);
      bars.append(rect);
    }
  }
  root.append(bars);
  const axis = svg("g", { class: "axis" });
  root.append(axis);
  axis.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: pad.top + plotH, y2: pad.top + plotH }));
  for (const time of ticks(t0, t1, Math.max(2, Math.floor(plotW / 90)))) {
    const label = svg("text", { x: x(time), y: height - 4, "text-anchor": "middle" });
    label.textContent = toDay(time).slice(0, 7);
    axis.append(label);
  }
  // the brush: a translucent band over the selected days, drawn while dragging
  const band = svg("rect", { class: "brush", y: pad.top, height: plotH, x: 0, width: 0, visibility: "hidden" });
  root.append(band);
  let start = null;
  const px = (e) => e.clientX - root.getBoundingClientRect().left;
  const show = (a, b) => {
    const [l, r] = [Math.min(a, b), Math.max(a, b)];
    band.setAttribute("x", l);
    band.setAttribute("width", Math.max(1, r - l));
    band.setAttribute("visibility", "visible");
  };
  root.addEventListener("pointerdown", (e) => {
    start = px(e);
    root.setPointerCapture(e.pointerId);
    show(start, start);
  });
  root.addEventListener("pointermove", (e) => { if (start !== null) show(start, px(e)); });
  root.addEventListener("pointerup", (e) => {
    if (start === null) return;
    const end = px(e);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 3) {                      // a click, not a drag: clears the selection
      band.setAttribute("visibility", "hidden");
      if (onBrush) onBrush(null);
      return;
    }
    if (onBrush) onBrush([toDay(timeAt(a)), toDay(timeAt(b))]);
  });
  return {
    setRange(range) {
      if (!range) band.setAttribute("visibility", "hidden");
      else show(x(toTime(range[0])), x(toTime(range[1]) + DAY));
    },
  };
}

function ticks(t0, t1, n) {
  const out = [];
  const step = (t1 - t0) / n;
  for (let i = 0; i <= n; i++) out.push(t0 + i * step);
  return out;
}
