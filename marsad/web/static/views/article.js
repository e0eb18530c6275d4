// One article: its cleaned text with entities, quotes and event evidence highlighted by their
// offsets, the annotations listed beside it, and the raw input one click away. `?hl=start-end`
// (from a map popup or a claim) marks and scrolls to that passage.
import { articleUrl, eventRecord, get } from "../api.js";
import { el, highlight, table } from "../dom.js";
import { t, typeName } from "../i18n.js";
import { eventList } from "./actor.js";

export async function article(root, docId, params) {
  let doc;
  try {
    doc = await get(articleUrl(docId));
  } catch (err) {
    root.append(el("p", { class: "error" }, err.status === 404 ? t("notFound") : `${t("error")}: ${err.message}`));
    return;
  }
  doc = doc.article || doc;
  const text = doc.text || "";
  const entities = doc.entities || [];
  const quotes = doc.quotes || [];
  const events = (doc.events || []).map(eventRecord);
  const spans = [];
  for (const e of entities) {
    const name = e.canonical || e.text;
    spans.push({ start: e.start, end: e.end, cls: `ent ent-${e.type}`, title: `${e.type}: ${name}`,
      onclick: e.type === "PER" || e.type === "ORG" ? () => { location.hash = `#/actor/${encodeURIComponent(name)}`; }
        : null });
  }
  for (const q of quotes) spans.push({ start: q.start, end: q.end, cls: "quote", title: `${t("speaker")}: ${q.speaker_canonical || q.speaker || "?"}` });
  for (const ev of events) {
    const s = ev.evidence || {};
    spans.push({ start: s.start, end: s.end, cls: "event", title: `${typeName(ev.event_type)} — ${ev.sub_event_type || ""}` });
  }
  const hl = /^(\d+)-(\d+)$/.exec(params.get("hl") || "");
  if (hl) spans.push({ start: +hl[1], end: +hl[2], cls: "focus", id: "focus" });

  root.append(el("h1", { class: "article-title" }, doc.title || doc.doc_id),
    el("p", { class: "muted" }, [doc.outlet, doc.published, doc.dateline].filter(Boolean).join(" · "), " ",
      doc.url ? el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "↗") : null,
      doc.story_id ? el("a", { href: `#/story/${encodeURIComponent(doc.story_id)}` }, ` ${t("story")}`) : null),
    el("p", { class: "legend" }, ["ent-PER", "ent-ORG", "ent-LOC", "quote", "event"].map((c) =>
      el("span", { class: `legend-item ${c.startsWith("ent") ? "ent " : ""}${c}` },
        { "ent-PER": "PER", "ent-ORG": "ORG", "ent-LOC": "LOC", quote: t("quotes"), event: t("events") }[c]))));
  if (doc.status === "rejected") root.append(el("p", { class: "error" }, `${t("rejected")}: ${doc.error || ""}`));
  const body = el("div", { class: "article-text", id: "article-text" });
  body.append(highlight(text, spans));
  const rawBox = el("pre", { class: "raw", id: "raw", hidden: true });
  const rawButton = el("button", { type: "button", id: "show-raw" }, t("showRaw"));
  rawButton.addEventListener("click", async () => {
    if (!rawBox.hidden) { rawBox.hidden = true; rawButton.textContent = t("showRaw"); return; }
    if (!rawBox.dataset.loaded) {
      try {
        const res = await fetch(`${articleUrl(docId)}/raw`);
        if (!res.ok) throw new Error(res.status === 404 ? t("rawTooLarge") : res.statusText);
        const type = res.headers.get("content-type") || "";
        const raw = type.includes("json") ? (await res.json()).raw : await res.text();
        rawBox.textContent = raw ?? t("rawTooLarge");          // raw HTML shown as text, never parsed
      } catch (err) {
        rawBox.textContent = err.message;
      }
      rawBox.dataset.loaded = "1";
    }
    rawBox.hidden = false;
    rawButton.textContent = t("hideRaw");
  });
  const side = el("aside", { class: "annotations" },
    el("h2", {}, `${t("events")} (${events.length})`), eventList(events.map((ev) => ({ ...ev, doc_id: doc.doc_id }))),
    el("h2", {}, `${t("quotes")} (${quotes.length})`),
    el("ul", { class: "quotes" }, quotes.map((q) => el("li", {},
      el("a", { href: `#/actor/${encodeURIComponent(q.speaker_canonical || q.speaker || "")}` }, q.speaker_canonical || q.speaker || "?"),
      ": ", el("span", { class: "muted" }, q.text)))),
    el("h2", {}, `${t("entities")} (${entities.length})`),
    table(["", t("actor"), ""], uniqueEntities(entities).map((e) => [e.type,
      e.type === "PER" || e.type === "ORG"
        ? el("a", { href: `#/actor/${encodeURIComponent(e.canonical || e.text)}` }, e.canonical || e.text)
        : e.canonical || e.text, [e.title, e.role].filter(Boolean).join(" ")])));
  root.append(el("div", { class: "article-layout" }, el("div", {}, body, rawButton, rawBox), side));
  const focus = document.getElementById("focus");
  if (focus) focus.scrollIntoView({ block: "center" });
}

function uniqueEntities(entities) {
  const seen = new Map();
  for (const e of entities) {
    const key = `${e.type}|${e.canonical || e.text}`;
    if (!seen.has(key)) seen.set(key, e);
  }
  return [...seen.values()];
}
