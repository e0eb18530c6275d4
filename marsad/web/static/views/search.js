// Full-text search (the store's Arabic-normalised FTS): hits with their highlighted snippets.
import { get, items } from "../api.js";
import { el, marked } from "../dom.js";
import { t } from "../i18n.js";

export async function search(root, params) {
  const q = params.get("q") || "";
  const form = el("form", { class: "filters", id: "search-form" },
    el("input", { name: "q", value: q, id: "search-q", placeholder: t("searchPlaceholder"), size: 40 }),
    el("button", { type: "submit" }, t("search")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/search?${new URLSearchParams(new FormData(form))}`;
  });
  root.append(el("h1", {}, t("search")), form);
  if (!q) return;
  const box = el("div", { id: "search-results" }, t("loading"));
  root.append(box);
  try {
    const hits = items(await get("/api/search", { q, limit: 50 }));
    box.replaceChildren(hits.length ? el("ol", { class: "hits" }, hits.map((h) => el("li", { class: "hit-row" },
      el("a", { href: `#/article/${encodeURIComponent(h.doc_id)}` }, h.title || h.doc_id),
      el("div", { class: "muted" }, [h.outlet, h.published].filter(Boolean).join(" · ")),
      el("p", { class: "snippet" }, marked(h.snippet, h.highlights))))) : el("p", { class: "empty" }, t("noResults")));
  } catch (err) {
    box.replaceChildren(el("p", { class: "error" }, `${t("error")}: ${err.message}`));
  }
}
