// Marsad dashboard: hash routing between the views; everything is served by `marsad serve`.

import { analyzeView, articleView, hideTip } from "./js/article.js";
import { api, el, errorBox, fmtNumber, parseHash, setVocab } from "./js/util.js";
import { articlesView, entitiesView, eventsView } from "./js/views.js";

const ROUTES = {
  articles: (root, r) => articlesView(root, r.params),
  search: (root, r) => articlesView(root, r.params),
  article: (root, r) => articleView(root, r.arg, r.params),
  events: (root, r) => eventsView(root, r.params),
  entities: (root, r) => entitiesView(root, r.params),
  analyze: (root) => analyzeView(root),
};

let generation = 0;

async function render() {
  const root = document.getElementById("view");
  const r = parseHash(location.hash);
  const view = ROUTES[r.route];
  hideTip();
  for (const a of document.querySelectorAll(".top nav a")) {
    const on = a.dataset.route === r.route || (r.route === "article" && a.dataset.route === "articles") || (r.route === "search" && a.dataset.route === "articles");
    a.classList.toggle("active", on);
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  const box = document.getElementById("search-box");
  if (box && document.activeElement !== box) box.value = r.route === "articles" || r.route === "search" ? r.params.get("q") || "" : box.value;
  const mine = ++generation;
  const target = el("div", { id: "view-body", dataset: { route: r.route } });
  root.replaceChildren(target);
  if (!view) {
    target.append(el("h1", null, "صفحة غير موجودة"), el("p", null, el("a", { href: "#/articles" }, "العودة إلى المقالات")));
  } else {
    try {
      await view(target, r);
    } catch (err) {
      console.warn("view failed", err);
      target.replaceChildren(errorBox(err));
    }
  }
  if (mine !== generation) return; // a later navigation won
  document.body.dataset.ready = r.route;
  document.body.dataset.generation = String(mine);
  if (r.route !== "article") window.scrollTo(0, 0);
}

async function footer() {
  try {
    const s = await api("/api/stats");
    document.getElementById("footer").replaceChildren(
      `${fmtNumber(s.articles)} مقالاً · ${fmtNumber(s.entities)} كياناً · ${fmtNumber(s.events)} حدثاً`,
      s.writable ? " · الكتابة مفعّلة" : " · للقراءة فقط",
    );
  } catch (err) {
    console.warn("stats unavailable", err);
  }
}

async function start() {
  document.getElementById("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = document.getElementById("search-box").value.trim();
    location.hash = q ? `#/articles?q=${encodeURIComponent(q)}` : "#/articles";
  });
  try {
    setVocab(await api("/api/vocab"));
  } catch (err) {
    document.getElementById("view").replaceChildren(errorBox(err));
    return;
  }
  window.addEventListener("hashchange", render);
  footer();
  await render();
}

start();
