// The actors index: people and organisations by mentions, each a link to its page.
import { get, items } from "../api.js";
import { el, table } from "../dom.js";
import { t } from "../i18n.js";

const KINDS = ["PER", "ORG", "LOC"];

export async function actorsIndex(root, params) {
  const kind = KINDS.includes(params.get("type")) ? params.get("type") : "";
  root.append(el("h1", {}, t("actors")),
    el("nav", { class: "tabs" }, [["", t("all")], ...KINDS.map((k) => [k, k])].map(([k, label]) =>
      el("a", { href: `#/actors${k ? "?type=" + k : ""}`, class: k === kind ? "active" : null }, label))));
  const found = items(await get("/api/actors", { type: kind, limit: 200 }));
  root.append(el("div", { id: "actors-list" }, found.length ? table(
    [t("actor"), "", t("mentions"), t("documents"), t("aliases")],
    found.map((a) => [el("a", { href: `#/actor/${encodeURIComponent(a.name)}` }, a.name), a.type,
      String(a.mentions ?? ""), String(a.documents ?? ""), (a.aliases || []).join("، ")]))
    : el("p", { class: "empty" }, t("noResults"))));
}
