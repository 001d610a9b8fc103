// Article view: the text with entity mentions, event triggers and quotes highlighted in place,
// boilerplate dimmed, a tooltip per highlight, and the events/entities/quotes beside it.

import {
  api, codePointOffsets, el, entityTypeLabel, errorBox, fill, hashFor, ltr, ploverLabel, quadOf, vocab,
} from "./util.js";

/** Every highlight of a document as code-point spans with what they stand for. */
export function annotations(doc) {
  const ents = new Map(doc.entities.map((e) => [e.id, e]));
  const out = [];
  for (const b of doc.boilerplate || []) out.push({ kind: "bp", start: b.start, end: b.end, bp: b });
  if (doc.dateline) out.push({ kind: "dl", start: doc.dateline.start, end: doc.dateline.end, dateline: doc.dateline });
  for (const q of doc.quotes || []) out.push({ kind: "q", start: q.start, end: q.end, quote: q, speaker: ents.get(q.speaker) });
  for (const e of doc.entities || []) {
    for (const m of e.mentions) out.push({ kind: "m", start: m.start, end: m.end, entity: e, mention: m });
  }
  for (const ev of doc.events || []) {
    out.push({
      kind: "tr", start: ev.trigger.start, end: ev.trigger.end, event: ev,
      source: ents.get(ev.source), target: ents.get(ev.target), location: ents.get(ev.location),
    });
  }
  return out.filter((a) => a.end > a.start);
}

function segClass(anns) {
  const cls = ["seg"];
  for (const a of anns) {
    if (a.kind === "m") cls.push("m", `t-${a.entity.type}`);
    else if (a.kind === "tr") cls.push("tr", `quad-${quadOf(a.event.plover)}`);
    else cls.push(a.kind);
  }
  return [...new Set(cls)].join(" ");
}

/**
 * Render `text` into `container`, cutting it at every span boundary so that overlapping and
 * nested highlights (a mention inside a quote, a trigger inside a mention) all show. Offsets are
 * code points; they are converted to UTF-16 indices before slicing the JavaScript string.
 */
export function renderAnnotated(container, text, anns) {
  const map = codePointOffsets(text);
  const n = map.length - 1;
  const clamp = (x) => Math.max(0, Math.min(n, x));
  const cuts = new Set([0, n]);
  for (const a of anns) {
    cuts.add(clamp(a.start));
    cuts.add(clamp(a.end));
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const byStart = anns.map((a, i) => i).sort((x, y) => anns[x].start - anns[y].start);
  let next = 0;
  let active = [];
  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k];
    const b = bounds[k + 1];
    while (next < byStart.length && clamp(anns[byStart[next]].start) <= a) active.push(byStart[next++]);
    active = active.filter((i) => clamp(anns[i].end) >= b);
    const piece = text.slice(map[a], map[b]);
    if (!active.length) {
      frag.append(piece);
      continue;
    }
    const here = active.map((i) => anns[i]);
    const span = el("span", { class: segClass(here), dataset: { a: active.join(",") } }, piece);
    for (const x of here) {
      if (x.kind === "tr") span.dataset.ev = x.event.id;
      if (x.kind === "m") span.dataset.ent = x.entity.id;
    }
    frag.append(span);
  }
  container.replaceChildren(frag);
}

function entityLine(e) {
  if (!e) return null;
  const bits = [e.canonical];
  if (e.actor) bits.push(`[${e.actor}]`);
  return bits.join(" ");
}

/** Lines of the tooltip for the annotations under one segment, innermost last. */
export function describe(a) {
  const rows = [];
  if (a.kind === "m") {
    const e = a.entity;
    rows.push(["كيان", `${e.canonical} — ${entityTypeLabel(e.type)}`]);
    if (e.actor) rows.push(["رمز الفاعل", e.actor]);
    if (e.country) rows.push(["الدولة", e.country]);
    if (e.kb_id) rows.push(["قاعدة المعرفة", e.kb_id]);
  } else if (a.kind === "tr") {
    const ev = a.event;
    rows.push(["حدث", ploverLabel(ev.plover)]);
    if (ev.cameo) rows.push(["رمز CAMEO", ev.cameo + (ev.mode ? ` · ${ev.mode}` : "")]);
    const src = entityLine(a.source) || ev.source_actor;
    const tgt = entityLine(a.target) || ev.target_actor;
    if (src) rows.push(["المصدر", src]);
    if (tgt) rows.push(["الهدف", tgt]);
    if (a.location) rows.push(["المكان", a.location.canonical]);
    if (ev.date) rows.push(["التاريخ", ev.date]);
    if (ev.negated) rows.push(["منفي", "نعم"]);
    if (ev.modality && ev.modality !== "asserted") rows.push(["الصيغة", vocab.modality[ev.modality] || ev.modality]);
  } else if (a.kind === "q") {
    rows.push(["اقتباس", a.quote.direct ? "مباشر" : "غير مباشر"]);
    if (a.speaker) rows.push(["المتحدث", entityLine(a.speaker)]);
  } else if (a.kind === "bp") {
    rows.push(["نص هامشي", vocab.boilerplate[a.bp.kind] || a.bp.kind]);
  } else if (a.kind === "dl") {
    const d = a.dateline;
    rows.push(["سطر المكان والتاريخ", [d.location, d.date, d.agency].filter(Boolean).join(" · ") || "—"]);
  }
  return rows;
}

const tip = () => document.getElementById("tip");

function showTip(evt, anns) {
  const box = tip();
  if (!box) return;
  box.replaceChildren(
    ...anns.map((a) => el("span", { class: "row" }, ...describe(a).map(([k, v], i) => [i ? el("br") : null, el("b", null, k + ": "), v]))),
  );
  box.hidden = false;
  const pad = 14;
  const w = box.offsetWidth;
  const h = box.offsetHeight;
  let x = evt.clientX - w - pad; // RTL: prefer the left of the pointer
  if (x < 4) x = Math.min(window.innerWidth - w - 4, evt.clientX + pad);
  let y = evt.clientY + pad;
  if (y + h > window.innerHeight - 4) y = evt.clientY - h - pad;
  box.style.left = `${x}px`;
  box.style.top = `${Math.max(4, y)}px`;
}

export function hideTip() {
  const box = tip();
  if (box) box.hidden = true;
}

/** Scroll to and flash the text segments that match `selector`. */
export function flash(container, selector) {
  const segs = [...container.querySelectorAll(selector)];
  if (!segs.length) return false;
  for (const s of segs) {
    s.classList.remove("flash");
    void s.offsetWidth; // restart the animation
    s.classList.add("flash");
  }
  segs[0].scrollIntoView({ block: "center", behavior: "smooth" });
  return true;
}

function wireText(textBox, anns, onPick) {
  const under = (target) => {
    const seg = target.closest && target.closest(".seg");
    if (!seg || !seg.dataset.a) return null;
    return seg.dataset.a.split(",").map((i) => anns[Number(i)]);
  };
  textBox.addEventListener("mousemove", (evt) => {
    const here = under(evt.target);
    if (here) showTip(evt, here);
    else hideTip();
  });
  textBox.addEventListener("mouseleave", hideTip);
  textBox.addEventListener("click", (evt) => {
    const here = under(evt.target);
    if (here) {
      showTip(evt, here);
      onPick(here);
    }
  });
}

function legend(textBox) {
  const item = (cls, swatchStyle, label) => {
    const box = el("input", { type: "checkbox", checked: true });
    box.addEventListener("change", () => textBox.classList.toggle(`hide-${cls}`, !box.checked));
    return el("label", null, box, el("span", { class: "swatch", style: swatchStyle }), label);
  };
  return el(
    "div",
    { class: "legend", "aria-label": "طبقات التحليل" },
    item("m", "background: var(--e-PER)", "الكيانات"),
    item("tr", "background: #fff; border-bottom: 3px solid var(--q-mconf)", "مؤشرات الأحداث"),
    item("q", "background: var(--quote)", "الاقتباسات"),
    item("bp", "background: #ccc; opacity: .45", "نص هامشي (باهت)"),
  );
}

function eventItem(ev, ents, onEvidence) {
  const src = ents.get(ev.source);
  const tgt = ents.get(ev.target);
  const loc = ents.get(ev.location);
  const who = [
    src ? src.canonical : ev.source_actor || "؟",
    " ← ",
    tgt ? tgt.canonical : ev.target_actor || "—",
  ];
  const flags = [];
  if (ev.negated) flags.push(el("span", { class: "flag" }, "منفي"));
  if (ev.modality && ev.modality !== "asserted") flags.push(el("span", { class: "flag" }, vocab.modality[ev.modality] || ev.modality));
  if (ev.background) flags.push(el("span", { class: "flag" }, "سياق"));
  return el(
    "li",
    { class: `ev-item quad-${quadOf(ev.plover)}`, id: `ev-${ev.id}`, dataset: { ev: ev.id } },
    el("div", null, el("strong", null, ploverLabel(ev.plover)), ev.cameo ? [" ", el("code", null, ev.cameo)] : null, flags),
    el("div", { class: "who" }, who),
    el(
      "div",
      { class: "meta" },
      [ltr(ev.date), loc ? loc.canonical : null, ltr([ev.source_actor, ev.target_actor].filter(Boolean).join(" → ")) || null]
        .filter(Boolean)
        .join(" · "),
    ),
    el("div", null, "«", el("span", { class: "trig" }, ev.trigger.text), "» ",
      el("a", { href: "#", class: "evidence", dataset: { ev: ev.id }, onclick: (e) => { e.preventDefault(); onEvidence(ev.id); } }, "اعرض الدليل في النص")),
  );
}

/** The whole article page for a marsad.document/1 `doc` (stored, or just analysed). */
export function articlePage(doc, opts) {
  const ents = new Map(doc.entities.map((e) => [e.id, e]));
  const anns = annotations(doc);
  const textBox = el("div", { class: "doc-text", id: "doc-text", lang: doc.language || "ar", dir: "rtl" });
  renderAnnotated(textBox, doc.text, anns);

  const evList = el("ul", { class: "ev-list", id: "event-list" });
  const activate = (id) => {
    for (const li of evList.querySelectorAll(".ev-item")) li.classList.toggle("active", li.dataset.ev === id);
    const li = evList.querySelector(`[data-ev="${CSS.escape(id)}"]`);
    if (li) li.scrollIntoView({ block: "nearest" });
  };
  const showEvidence = (id) => {
    activate(id);
    flash(textBox, `.seg[data-ev="${CSS.escape(id)}"]`);
  };
  const events = [...doc.events].sort((a, b) => a.trigger.start - b.trigger.start);
  for (const ev of events) evList.append(eventItem(ev, ents, showEvidence));

  const entList = el("ul", { class: "ent-list", id: "entity-list" });
  const entities = [...doc.entities].sort((a, b) => b.mentions.length - a.mentions.length);
  for (const e of entities) {
    entList.append(
      el("li", null,
        el("button", { type: "button", onclick: () => flash(textBox, `.seg[data-ent="${CSS.escape(e.id)}"]`) }, e.canonical),
        el("span", { class: "muted" }, `${entityTypeLabel(e.type)}${e.actor ? " · " + e.actor : ""} · ${e.mentions.length}`)),
    );
  }
  const quoteList = el("ul", { class: "quote-list" });
  for (const q of doc.quotes || []) {
    const sp = ents.get(q.speaker);
    quoteList.append(el("li", null, sp ? el("strong", null, sp.canonical + ": ") : null, "«", q.text.length > 160 ? q.text.slice(0, 160) + "…" : q.text, "»"));
  }

  wireText(textBox, anns, (here) => {
    textBox.querySelectorAll(".seg.selected").forEach((s) => s.classList.remove("selected"));
    const tr = here.find((a) => a.kind === "tr");
    if (tr) {
      activate(tr.event.id);
      textBox.querySelectorAll(`.seg[data-ev="${CSS.escape(tr.event.id)}"]`).forEach((s) => s.classList.add("selected"));
    }
  });

  const src = doc.source || {};
  const meta = el(
    "div",
    { class: "article-meta" },
    src.outlet ? el("span", null, "المصدر: ", src.outlet) : null,
    src.published ? el("span", null, "النشر: ", el("span", { class: "ltr" }, src.published)) : null,
    src.url ? el("a", { href: src.url, rel: "noreferrer noopener", target: "_blank", class: "ltr" }, "الرابط") : null,
    el("span", null, "المعرّف: ", el("code", null, doc.id)),
    doc.duplicate_of ? el("span", null, "نسخة من: ", el("a", { href: hashFor("article", doc.duplicate_of) }, doc.duplicate_of)) : null,
  );
  const side = el(
    "aside",
    { class: "side" },
    el("section", { class: "panel" }, el("h2", null, `الأحداث (${doc.events.length})`),
      doc.events.length ? evList : el("p", { class: "empty" }, "لا أحداث مرمّزة في هذا النص."),
      opts && opts.stored ? el("a", { href: hashFor("events", null, { article: doc.id }), id: "article-events-link" }, "هذه الأحداث في جدول الأحداث") : null),
    el("section", { class: "panel" }, el("h2", null, `الكيانات (${doc.entities.length})`), entList),
    doc.quotes && doc.quotes.length ? el("section", { class: "panel" }, el("h2", null, `الاقتباسات (${doc.quotes.length})`), quoteList) : null,
  );
  const page = el(
    "div",
    { class: "article-page" },
    meta,
    legend(textBox),
    el("div", { class: "article-grid" }, el("article", null, textBox), side),
  );
  page.showEvidence = showEvidence;
  return page;
}

export async function articleView(root, id, params) {
  let doc;
  try {
    doc = await api(`/api/articles/${encodeURIComponent(id)}`);
  } catch (err) {
    fill(root, el("h1", null, "مقال"), errorBox(err));
    return;
  }
  const title = (doc.text.split("\n").find((l) => l.trim()) || doc.id).slice(0, 140);
  const page = articlePage(doc, { stored: true });
  fill(root, el("h1", { id: "article-title" }, title), page);
  const ev = params.get("ev");
  if (ev) page.showEvidence(ev); // the page is in the document: render() attached it first
}

export function analyzeView(root) {
  const area = el("textarea", { class: "paste", id: "analyze-text", placeholder: "الصق هنا نص خبر عربي…", dir: "rtl", lang: "ar" });
  const date = el("input", { type: "date", id: "analyze-date" });
  const out = el("div", { id: "analyze-out" });
  const run = async () => {
    const body = { text: area.value };
    if (date.value) body.published = date.value;
    fill(out, el("p", { class: "muted" }, "جارٍ التحليل…"));
    try {
      const doc = await api("/api/analyze", null, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      fill(out, articlePage(doc, { stored: false }));
    } catch (err) {
      fill(out, errorBox(err));
    }
  };
  fill(root,
    el("h1", null, "تحليل نص (دون حفظ)"),
    el("div", { class: "panel" }, area,
      el("div", { class: "filters", style: "margin-top:.5rem" },
        el("label", null, "تاريخ النشر", date),
        el("button", { type: "button", id: "analyze-run", onclick: run }, "حلّل"))),
    out,
  );
}
