// DOM helpers. Article text is scraped from the web and must never become markup, so every
// string from the data goes in through textContent or a DOM property, never innerHTML.

/** el("a", {href: "#/x", class: "c", onclick: fn}, "text", childNode, [more]) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "href") node.href = safeHref(v);
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Links built from data (an article's url) may only be http(s) or in-app hashes: a
 * `javascript:` url scraped from a page must not run when clicked. */
export function safeHref(v) {
  const s = String(v);
  if (s.startsWith("#") || s.startsWith("/")) return s;
  try {
    const u = new URL(s, location.href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
  } catch {
    return "#";
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * `text` cut at the spans' boundaries into <span>s carrying the classes of every span covering
 * them (spans may overlap: an entity inside a quote inside an event's evidence sentence).
 * spans: [{start, end, cls, title?, onclick?, id?}]. Returns a DocumentFragment of text nodes.
 */
export function highlight(text, spans) {
  const frag = document.createDocumentFragment();
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) &&
    s.start < s.end && s.start >= 0 && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { frag.append(document.createTextNode(piece)); continue; }
    const span = document.createElement("span");
    span.textContent = piece;
    span.className = covering.map((s) => s.cls).join(" ");
    const titles = covering.map((s) => s.title).filter(Boolean);
    if (titles.length) span.title = titles.join(" · ");
    const click = covering.find((s) => s.onclick);
    if (click) { span.classList.add("clickable"); span.addEventListener("click", click.onclick); }
    const anchor = covering.find((s) => s.id);
    if (anchor && anchor.start === a) span.id = anchor.id;
    frag.append(span);
  }
  return frag;
}

/** A snippet with [start, end) marks (search hits) as text + <mark> nodes. */
export function marked(text, marks) {
  return highlight(text || "", (marks || []).map(([start, end]) => ({ start, end, cls: "hit" })));
}

export function table(headers, rows) {
  return el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c))))));
}
