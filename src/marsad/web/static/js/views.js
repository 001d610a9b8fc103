// List views: articles (newest first, or search hits with highlighted words), events (filters,
// timeline, actor network, map, table) and entities (with counts).

import { mapChart, networkChart, quadLegend, timelineChart } from "./charts.js";
import {
  api, apiUrl, el, fill, ltr, entityTypeLabel, errorBox, fmtNumber, hashFor, highlighted, ploverLabel, quadOf, vocab,
} from "./util.js";

function pager(page, pageSize, total, go) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return el(
    "div",
    { class: "pager" },
    el("button", { type: "button", disabled: page <= 1, onclick: () => go(page - 1), "aria-label": "الصفحة السابقة" }, "السابق"),
    el("span", null, `صفحة ${fmtNumber(page)} من ${fmtNumber(pages)} · ${fmtNumber(total)} نتيجة`),
    el("button", { type: "button", disabled: page >= pages, onclick: () => go(page + 1), "aria-label": "الصفحة التالية" }, "التالي"),
  );
}

function paramsObject(params) {
  return Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
}

// --- articles and search ----------------------------------------------------------------------

export async function articlesView(root, params) {
  const q = params.get("q") || "";
  const page = Number(params.get("page") || 1);
  fill(root, el("h1", null, q ? `نتائج البحث عن «${q}»` : "أحدث المقالات"), el("p", { class: "muted" }, "جارٍ التحميل…"));
  let data;
  try {
    data = await api("/api/articles", { q, page, page_size: 20 });
  } catch (err) {
    fill(root, el("h1", null, "المقالات"), errorBox(err));
    return;
  }
  const list = el("ol", { class: "hits", id: "article-list" });
  for (const a of data.items) {
    const snip = a.snippet;
    list.append(
      el("li", { class: "hit", dataset: { id: a.id } },
        el("h3", null, el("a", { href: hashFor("article", a.id), class: "article-link" }, a.title || a.id)),
        el("div", { class: "meta" },
          [a.outlet, ltr(a.published), `${fmtNumber(a.events)} حدث`, `${fmtNumber(a.entities)} كيان`, a.duplicate_of ? "نسخة مكررة" : null]
            .filter(Boolean).join(" · ")),
        snip ? el("div", { class: "snippet" }, "… ", highlighted(snip.text, snip.highlights, snip.start), " …") : null),
    );
  }
  const go = (p) => { location.hash = hashFor("articles", null, { q, page: p }); };
  fill(root,
    el("h1", null, q ? `نتائج البحث عن «${q}»` : "أحدث المقالات"),
    data.items.length ? list : el("p", { class: "empty", id: "no-results" }, q ? "لا نتائج. جرّب كلمة أخرى؛ البحث يتجاهل الهمزات والتشكيل والسوابق." : "لا مقالات في قاعدة البيانات بعد. استعمل: marsad ingest"),
    data.total > data.page_size ? pager(data.page, data.page_size, data.total, go) : null,
  );
}

// --- events -----------------------------------------------------------------------------------

const FILTERS = ["actor", "country", "plover", "cameo", "since", "until", "location", "outlet", "article"];

function filterForm(current) {
  const input = (name, label, attrs) =>
    el("label", null, label, el("input", { name, value: current[name] || "", ...attrs }));
  const plover = el("select", { name: "plover" }, el("option", { value: "" }, "الكل"),
    Object.values(vocab.plover).map((p) => el("option", { value: p.type, selected: current.plover === p.type }, `${p.label} (${p.type})`)));
  const cameo = el("select", { name: "cameo" }, el("option", { value: "" }, "الكل"),
    (vocab.cameo_roots || []).map((c) => el("option", { value: c.code, selected: current.cameo === c.code }, `${c.code} ${c.label}`)));
  const form = el("form", { class: "filters panel", id: "event-filters" },
    input("actor", "الفاعل (رمز)", { placeholder: "ISRMIL", dir: "ltr", size: 10 }),
    input("country", "الدولة (ISO3)", { placeholder: "LBN", dir: "ltr", size: 5 }),
    el("label", null, "نوع الحدث", plover),
    el("label", null, "جذر CAMEO", cameo),
    input("since", "من", { type: "date" }),
    input("until", "إلى", { type: "date" }),
    input("location", "المكان", { placeholder: "غزة" }),
    input("outlet", "الوسيلة", {}),
    current.article ? el("input", { type: "hidden", name: "article", value: current.article }) : null,
    el("button", { type: "submit" }, "تصفية"),
    el("button", { type: "button", class: "btn secondary", onclick: () => { location.hash = "#/events"; } }, "مسح"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const p = {};
    for (const k of FILTERS) if (fd.get(k)) p[k] = String(fd.get(k)).trim();
    location.hash = hashFor("events", null, p);
  });
  return form;
}

function party(p) {
  if (!p || (!p.name && !p.actor)) return el("span", { class: "muted" }, "—");
  return el("span", null, p.name || "", p.actor ? [" ", el("code", null, p.actor)] : null);
}

function eventsTable(items) {
  const body = el("tbody");
  for (const ev of items) {
    const q = ev.quad || quadOf(ev.plover);
    body.append(el("tr", { dataset: { article: ev.article, ev: ev.id } },
      el("td", null, el("span", { class: "ltr" }, ev.date || "—")),
      el("td", null, el("span", { class: `quad-dot bg-${q}` }), ploverLabel(ev.plover)),
      el("td", null, ev.cameo ? el("code", null, ev.cameo) : "—"),
      el("td", null, party(ev.source)),
      el("td", null, party(ev.target)),
      el("td", null, ev.location && ev.location.name ? ev.location.name : "—"),
      el("td", { class: "trig" }, "«", ev.trigger.text, "»"),
      el("td", null, el("a", { href: hashFor("article", ev.article, { ev: ev.id }), class: "event-article-link" }, ev.outlet || "المقال")),
    ));
  }
  return el("table", { class: "grid", id: "events-table" },
    el("thead", null, el("tr", null, ["التاريخ", "النوع", "CAMEO", "المصدر", "الهدف", "المكان", "الدليل", "المقال"].map((h) => el("th", null, h)))),
    body);
}

export async function eventsView(root, params) {
  const current = paramsObject(params);
  const page = Number(current.page || 1);
  delete current.page;
  fill(root, el("h1", null, "الأحداث"), filterForm(current), el("p", { class: "muted" }, "جارٍ التحميل…"));
  let list;
  let summary;
  try {
    [list, summary] = await Promise.all([
      api("/api/events", { ...current, page, page_size: 50 }),
      api("/api/events/summary", current),
    ]);
  } catch (err) {
    fill(root, el("h1", null, "الأحداث"), filterForm(current), errorBox(err));
    return;
  }
  const go = (p) => { location.hash = hashFor("events", null, { ...current, page: p }); };
  const quadCards = el("div", { class: "cards" },
    el("div", { class: "card" }, "كل الأحداث", el("b", { id: "events-total" }, fmtNumber(summary.total))),
    Object.entries(summary.by_quad).map(([q, n]) => el("div", { class: "card" }, el("span", { class: `quad-dot bg-${q}` }), vocab.quads[q] ? vocab.quads[q].label : q, el("b", null, fmtNumber(n)))));
  const mapBox = el("div", { id: "map-box" }, el("p", { class: "muted" }, "جارٍ رسم الخريطة…"));
  fill(root,
    el("h1", null, "الأحداث"),
    filterForm(current),
    el("div", { class: "downloads" }, "تنزيل:",
      el("a", { href: apiUrl("/api/events", { ...current, format: "csv" }), download: "events.csv", id: "download-csv" }, "CSV"),
      el("a", { href: apiUrl("/api/events", { ...current, format: "plover" }), download: "events.plover.jsonl" }, "PLOVER"),
      el("a", { href: apiUrl("/api/events", { ...current, page, page_size: 50 }) }, "JSON")),
    quadCards,
    el("div", { class: "charts" },
      el("section", { class: "panel wide" }, el("h2", null, "الأحداث عبر الزمن"), quadLegend(), timelineChart(summary.timeline)),
      el("section", { class: "panel" }, el("h2", null, "شبكة الفاعلين"), quadLegend(), networkChart(summary.network)),
      el("section", { class: "panel" }, el("h2", null, "أماكن الأحداث"), mapBox)),
    el("section", { class: "panel" }, el("h2", null, "جدول الأحداث"),
      list.items.length ? eventsTable(list.items) : el("p", { class: "empty" }, "لا أحداث تطابق هذه التصفية."),
      list.total > list.page_size ? pager(list.page, list.page_size, list.total, go) : null),
  );
  mapBox.replaceChildren(await mapChart(summary.places));
}

// --- entities ---------------------------------------------------------------------------------

export async function entitiesView(root, params) {
  const current = paramsObject(params);
  const page = Number(current.page || 1);
  delete current.page;
  let data;
  try {
    data = await api("/api/entities", { ...current, page, page_size: 50 });
  } catch (err) {
    fill(root, el("h1", null, "الكيانات"), errorBox(err));
    return;
  }
  const type = el("select", { name: "type" }, el("option", { value: "" }, "كل الأنواع"),
    Object.entries(vocab.entityTypes).map(([k, v]) => el("option", { value: k, selected: current.type === k }, v)));
  const q = el("input", { name: "q", value: current.q || "", placeholder: "اسم" });
  const form = el("form", { class: "filters panel", id: "entity-filters" },
    el("label", null, "النوع", type), el("label", null, "الاسم", q), el("button", { type: "submit" }, "تصفية"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = hashFor("entities", null, { type: type.value, q: q.value.trim() });
  });
  const body = el("tbody");
  for (const x of data.items) {
    const filter = x.actor ? { actor: x.actor } : ["LOC", "GPE", "FAC"].includes(x.type) ? { location: x.canonical } : null;
    body.append(el("tr", null,
      el("td", null, x.canonical),
      el("td", null, entityTypeLabel(x.type)),
      el("td", null, x.actor ? el("code", null, x.actor) : "—"),
      el("td", null, x.country ? el("code", null, x.country) : "—"),
      el("td", null, fmtNumber(x.articles)),
      el("td", null, fmtNumber(x.mentions)),
      el("td", null, filter ? el("a", { href: hashFor("events", null, filter) }, "أحداثه") : "—")));
  }
  const go = (p) => { location.hash = hashFor("entities", null, { ...current, page: p }); };
  fill(root,
    el("h1", null, "الكيانات"),
    form,
    data.items.length
      ? el("table", { class: "grid", id: "entities-table" },
        el("thead", null, el("tr", null, ["الاسم", "النوع", "رمز الفاعل", "الدولة", "المقالات", "الذكر", ""].map((h) => el("th", null, h)))), body)
      : el("p", { class: "empty" }, "لا كيانات."),
    data.total > data.page_size ? pager(data.page, data.page_size, data.total, go) : null,
  );
}
