// A story: one report as every outlet carried it, side by side, and the figures they disagree on
// (dead, wounded, displaced, captured, and who claimed them) in one table, disagreements marked.
import { articleUrl, eventDay, eventRecord, get, items, seg } from "../api.js";
import { el } from "../dom.js";
import { t, typeName } from "../i18n.js";

const KINDS = ["fatalities", "killed", "injured", "displaced", "captured"];

export async function story(root, storyId) {
  root.append(el("h1", {}, `${t("story")}: ${storyId}`));
  let body;
  try {
    body = await get(`/api/stories/${seg(storyId)}`);
  } catch (err) {
    root.append(el("p", { class: "error" }, err.status === 404 ? t("notFound") : `${t("error")}: ${err.message}`));
    return;
  }
  const listed = body.articles || body.documents || items(body);
  // the API sends each article with its events and tolls; a bare list of ids is fetched article by article
  const docs = listed.every((a) => typeof a === "object" && a.events && a.tolls) ? listed
    : (await Promise.all(listed.map((a) => get(articleUrl(typeof a === "string" ? a : a.doc_id)).catch(() => null))))
      .filter(Boolean).map((d) => d.article || d);
  root.append(el("h2", {}, t("contested")), figures(docs), el("h2", {}, t("versions")));
  root.append(el("div", { class: "versions", id: "story-versions" }, docs.map((d) => version(d))));
}

function figureOf(doc) {
  const out = {};
  for (const toll of doc.tolls || []) {
    const data = typeof toll.data === "string" ? JSON.parse(toll.data) : toll;
    if (!KINDS.includes(data.kind) || data.value === null || data.value === undefined) continue;
    // the largest figure of a kind is the article's headline figure; smaller ones are partial counts
    if (!out[data.kind] || data.value > out[data.kind].value) out[data.kind] = data;
  }
  // the events' coded fatalities: what a map of this story would show for each outlet
  const dead = (doc.events || []).map(eventRecord).map((ev) => ev.fatalities).filter((v) => Number.isInteger(v));
  if (dead.length) out.fatalities = { kind: "fatalities", value: Math.max(...dead), approximate: false };
  return out;
}

function figures(docs) {
  const per = docs.map(figureOf);
  const kinds = KINDS.filter((k) => per.some((f) => f[k]));
  if (!kinds.length) return el("p", { class: "empty" }, t("noResults"));
  const differs = Object.fromEntries(kinds.map((k) =>
    [k, new Set(per.map((f) => (f[k] ? f[k].value : null)).filter((v) => v !== null)).size > 1]));
  return el("table", { class: "grid figures", id: "story-figures" },
    el("thead", {}, el("tr", {}, el("th", {}, t("outlet")), kinds.map((k) => el("th", {}, t(k))))),
    el("tbody", {}, docs.map((d, i) => el("tr", {},
      el("td", {}, el("a", { href: `#/article/${encodeURIComponent(d.doc_id)}` }, d.outlet || d.doc_id)),
      kinds.map((k) => {
        const f = per[i][k];
        return el("td", { class: f && differs[k] ? "contested" : null },
          f ? `${f.approximate ? "~" : ""}${f.value}` : "—",
          f && f.claimed_by ? el("div", { class: "muted" }, f.claimed_by) : null);
      })))));
}

function version(doc) {
  const events = (doc.events || []).map(eventRecord);
  return el("article", { class: "version" },
    el("h3", {}, el("a", { href: `#/article/${encodeURIComponent(doc.doc_id)}` }, doc.title || doc.doc_id)),
    el("div", { class: "muted" }, [doc.outlet, doc.published].filter(Boolean).join(" · ")),
    el("ul", { class: "events" }, events.map((ev) => el("li", {},
      el("span", { class: "tag" }, typeName(ev.event_type)), " ",
      [ev.location, eventDay(ev) || ev.date_text].filter(Boolean).join(" · "),
      ev.fatalities !== null && ev.fatalities !== undefined ? ` — ${t("fatalities")}: ${ev.fatalities}` : "",
      ev.claimed_by ? el("span", { class: "muted" }, ` (${ev.claimed_by})`) : null,
      ev.evidence && ev.evidence.text ? el("blockquote", { class: "evidence" }, ev.evidence.text) : null))),
    el("p", { class: "excerpt" }, (doc.text || "").slice(0, 400) + ((doc.text || "").length > 400 ? " …" : "")));
}
