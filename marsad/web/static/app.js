// The dashboard's entry point: the header, the language toggle and hash routing. Plain ES modules,
// no build step: the package ships these files as they are.
//   #/                      map + timeline + filters (?type=&actor=&country=&since=&until=)
//   #/actors?type=PER       actors by mentions
//   #/actor/NAME            an actor
//   #/claims?speaker=&about= claims explorer
//   #/article/DOC_ID?hl=s-e an article (doc ids are percent-encoded: they hold slashes)
//   #/search?q=             full-text search
//   #/story/STORY_ID        one story across outlets
import { el } from "./dom.js";
import { applyLang, t, toggleLang } from "./i18n.js";
import { actor } from "./views/actor.js";
import { actorsIndex } from "./views/actors.js";
import { article } from "./views/article.js";
import { claims } from "./views/claims.js";
import { home } from "./views/home.js";
import { search } from "./views/search.js";
import { story } from "./views/story.js";

// a small handle tests and the screenshot script read: which view is drawn, and when it is ready
window.marsad = { ready: false, view: null, mapCount: null };

function parse(hash) {
  const [path, query = ""] = hash.replace(/^#\/?/, "").split("?");
  const parts = path.split("/");
  return { name: parts[0] || "", arg: decodeURIComponent(parts.slice(1).join("/")),
    params: new URLSearchParams(query) };
}

function header() {
  const q = el("input", { name: "q", id: "header-q", placeholder: t("searchPlaceholder"), type: "search" });
  const form = el("form", { class: "header-search" }, q);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/search?${new URLSearchParams({ q: q.value })}`;
  });
  return el("header", { class: "top" },
    el("a", { class: "brand", href: "#/" }, t("title")),
    el("nav", {}, el("a", { href: "#/" }, t("map")), el("a", { href: "#/actors" }, t("actors")),
      el("a", { href: "#/claims" }, t("claims")),
      el("a", { href: "#/search" }, t("search"))),
    form,
    el("button", { type: "button", id: "lang-toggle", class: "link",
      onclick: () => { toggleLang(); render(); } }, t("lang")));
}

async function render() {
  applyLang();
  const { name, arg, params } = parse(location.hash);
  window.marsad.ready = false;
  window.marsad.view = name || "map";
  const main = el("main", { id: "view", class: `view view-${name || "map"}` });
  document.body.replaceChildren(header(), main);
  // a view still loading when the user moves on must not mark the new one ready
  const mine = () => main.isConnected;
  try {
    if (!name) await home(main, params);          // the map view sets `ready` once its markers are drawn
    else {
      if (name === "actor") await actor(main, arg);
      else if (name === "actors") await actorsIndex(main, params);
      else if (name === "claims") await claims(main, params);
      else if (name === "article") await article(main, arg, params);
      else if (name === "search") await search(main, params);
      else if (name === "story") await story(main, arg);
      else main.append(el("p", { class: "error" }, t("notFound")));
      if (mine()) window.marsad.ready = true;
    }
  } catch (err) {
    main.append(el("p", { class: "error" }, `${t("error")}: ${err.message}`));
    if (mine()) window.marsad.ready = true;
  }
}

window.addEventListener("hashchange", render);
render();
