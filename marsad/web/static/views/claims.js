// The claims explorer: "what did X say about Y" — speaker and about go to /api/quotes; each quote
// links to its article with the quote highlighted there.
import { get, items } from "../api.js";
import { el } from "../dom.js";
import { t } from "../i18n.js";

export async function claims(root, params) {
  const speaker = params.get("speaker") || "";
  const about = params.get("about") || "";
  const form = el("form", { class: "filters", id: "claims-form" },
    el("label", {}, t("speaker"), el("input", { name: "speaker", value: speaker, id: "claims-speaker" })),
    el("label", {}, t("about"), el("input", { name: "about", value: about, id: "claims-about" })),
    el("button", { type: "submit" }, t("find")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams(new FormData(form));
    location.hash = `#/claims?${q}`;
  });
  root.append(el("h1", {}, t("claims")), el("p", { class: "muted" }, t("claimsHelp")), form);
  const box = el("div", { id: "claims-results" }, t("loading"));
  root.append(box);
  try {
    const quotes = items(await get("/api/quotes", { speaker, about, limit: 200 }));
    box.replaceChildren(quoteList(quotes));
  } catch (err) {
    box.replaceChildren(el("p", { class: "error" }, `${t("error")}: ${err.message}`));
  }
}

export function quoteList(quotes) {
  if (!quotes.length) return el("p", { class: "empty" }, t("noResults"));
  return el("ul", { class: "quotes" }, quotes.map((q) => {
    const speaker = q.speaker_canonical || q.speaker;
    const hl = Number.isInteger(q.start) ? `?hl=${q.start}-${q.end}` : "";
    return el("li", { class: "quote" },
      speaker ? el("a", { class: "speaker", href: `#/actor/${encodeURIComponent(speaker)}` }, speaker) : null,
      q.cue ? el("span", { class: "muted" }, ` (${q.cue}${q.channel ? "، " + q.channel : ""})`) : null,
      el("blockquote", {}, q.text),
      el("div", { class: "muted" },
        [q.outlet, q.published].filter(Boolean).join(" · "), " ",
        q.doc_id ? el("a", { href: `#/article/${encodeURIComponent(q.doc_id)}${hl}` }, q.title || q.doc_id) : null));
  }));
}
