// An actor: aliases, events where it is actor 1 or actor 2, the claims it made, a timeline.
import { all, get, eventDay, items, seg } from "../api.js";
import { el } from "../dom.js";
import { t, typeName } from "../i18n.js";
import { timeline } from "../timeline.js";
import { quoteList } from "./claims.js";

const norm = (s) => (s || "").replace(/[\u064B-\u0652\u0640]/g, "").replace(/[أإآ]/g, "ا").trim();

export async function actor(root, name) {
  root.append(el("h1", {}, name));
  const info = await get(`/api/actors/${seg(name)}`).catch(() => null);
  const aliases = (info && (info.aliases || (info.actor && info.actor.aliases))) || [];
  if (info) {
    const facts = el("p", { class: "facts" },
      info.type ? el("span", { class: "tag" }, info.type) : null,
      info.mentions !== undefined ? ` ${t("mentions")}: ${info.mentions}` : "",
      info.documents !== undefined && typeof info.documents === "number" ? ` · ${t("documents")}: ${info.documents}` : "");
    root.append(facts);
  }
  if (aliases.length) {
    root.append(el("h2", {}, t("aliases")),
      el("ul", { class: "aliases" }, aliases.map((a) => el("li", {}, typeof a === "string" ? a : a.alias || a.name))));
  }
  // the API's actor page matches every spelling of the actor exactly; without it (an older
  // server) the events and quotes endpoints filtered by the name stand in
  let as1, as2, quotes, claimed = [];
  if (info && info.events && info.claims) {
    as1 = info.events.as_actor1 || [];
    as2 = info.events.as_actor2 || [];
    quotes = info.claims.quotes || [];
    claimed = info.claims.events || [];
  } else {
    const [events, found] = await Promise.all([
      all("/api/events", { actor: name }).catch(() => []),
      get("/api/quotes", { speaker: name, limit: 200 }).then(items).catch(() => []),
    ]);
    const names = new Set([name, ...aliases.map((a) => (typeof a === "string" ? a : a.alias || ""))].map(norm));
    const isMe = (s) => s && [...names].some((n) => n && norm(s).includes(n));
    as1 = events.filter((ev) => isMe(ev.actor1));
    as2 = events.filter((ev) => !isMe(ev.actor1) && isMe(ev.actor2));
    quotes = found;
  }
  const events = [...as1, ...as2, ...claimed];
  root.append(el("h2", {}, t("timeline")));
  const tlBox = el("div", { class: "timeline small" });
  root.append(tlBox);
  // the actor's statements share the timeline with its events: when it spoke, next to what happened
  const spoken = quotes.filter((q) => q.published).map((q) => ({ event_type: t("claimsMade"), event_date: q.published }));
  requestAnimationFrame(() => timeline(tlBox, [...events, ...spoken], { height: 90 }));
  root.append(el("h2", {}, `${t("claimsMade")} (${quotes.length})`),
    el("div", { id: "actor-claims" }, quoteList(quotes)));
  root.append(el("h2", {}, `${t("asActor1")} (${as1.length})`), eventList(as1),
    el("h2", {}, `${t("asActor2")} (${as2.length})`), eventList(as2));
  if (claimed.length) root.append(el("h2", {}, `${t("claimedEvents")} (${claimed.length})`), eventList(claimed));
}

export function eventList(events) {
  if (!events.length) return el("p", { class: "empty" }, t("noEvents"));
  return el("ul", { class: "events" }, events.map((ev) => {
    const ev0 = ev.evidence || {};
    const hl = Number.isInteger(ev0.start) ? `?hl=${ev0.start}-${ev0.end}` : "";
    return el("li", {},
      el("span", { class: "date" }, eventDay(ev) || ev.date_text || "—"), " ",
      el("span", { class: "tag", dataset: { type: ev.event_type } }, typeName(ev.event_type)), " ",
      [ev.location, ev.country].filter(Boolean).join("، "), " ",
      [ev.actor1, ev.actor2].filter(Boolean).length
        ? el("span", { class: "muted" }, "(" + [ev.actor1, ev.actor2].filter(Boolean).join(" × ") + ")") : null,
      ev.fatalities ? el("span", { class: "muted" }, ` ${t("fatalities")}: ${ev.fatalities}`) : null, " ",
      ev.doc_id ? el("a", { href: `#/article/${encodeURIComponent(ev.doc_id)}${hl}` }, t("article")) : null);
  }));
}
