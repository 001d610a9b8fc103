// Small helpers shared by the views: DOM building (text only, never innerHTML with data),
// the API client, labels, and code-point ↔ UTF-16 offset conversion.

/** Create an element: el("a", {href: "#/x", class: "y"}, "text", child, ...). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Replace the children of `node`, skipping null/false ones (replaceChildren would print "null"). */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A string isolated as left-to-right (dates, codes) inside Arabic running text. */
export function ltr(s) {
  return s === null || s === undefined || s === "" ? s : `\u2066${s}\u2069`;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Create an SVG element with attributes. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

export class ApiFailure extends Error {
  constructor(status, body) {
    const err = (body && body.error) || {};
    super(err.message || `HTTP ${status}`);
    this.status = status;
    this.code = err.code || "error";
    this.details = err.details || {};
  }
}

/** GET or POST JSON to the API; throws ApiFailure carrying the API's error shape. */
export async function api(path, params, init) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  const resp = await fetch(url, init);
  let body = null;
  try {
    body = await resp.json();
  } catch (_) {
    body = null;
  }
  if (!resp.ok) throw new ApiFailure(resp.status, body);
  return body;
}

export function apiUrl(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

/**
 * Marsad offsets count Unicode code points (Python str indices); JavaScript strings count UTF-16
 * code units. For Arabic (all in the BMP) they agree, but an emoji or other astral character
 * before a span shifts every later offset by one per character. This returns an array `m` of
 * length (code points + 1) with m[i] = the UTF-16 index of code point i.
 */
export function codePointOffsets(text) {
  const map = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

/** Slice `text` by code-point offsets [start, end). */
export function cpSlice(text, map, start, end) {
  const n = map.length - 1;
  const s = map[Math.max(0, Math.min(n, start))];
  const e = map[Math.max(0, Math.min(n, end))];
  return text.slice(s, e);
}

/** Render a string with [start, end) code-point highlights (relative to `base`) as <mark>s. */
export function highlighted(text, highlights, base) {
  const map = codePointOffsets(text);
  const frag = document.createDocumentFragment();
  let pos = 0;
  const spans = (highlights || [])
    .map(([s, e]) => [s - (base || 0), e - (base || 0)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  for (const [s, e] of spans) {
    if (s < pos) continue;
    frag.append(cpSlice(text, map, pos, s));
    frag.append(el("mark", null, cpSlice(text, map, s, e)));
    pos = e;
  }
  frag.append(cpSlice(text, map, pos, map.length - 1));
  return frag;
}

// --- labels -----------------------------------------------------------------------------------

export const vocab = {
  plover: {}, // type -> {label, quad}
  quads: {}, // quad -> {label, color}
  entityTypes: {},
  boilerplate: {},
  modality: {},
  cameo_roots: [],
};

export function setVocab(v) {
  for (const p of v.plover) vocab.plover[p.type] = p;
  for (const q of v.quads) vocab.quads[q.id] = q;
  vocab.entityTypes = v.entity_types;
  vocab.boilerplate = v.boilerplate;
  vocab.modality = v.modality;
  vocab.cameo_roots = v.cameo_roots;
}

export function ploverLabel(type) {
  const p = vocab.plover[type];
  return p ? `${p.label} (${type})` : type;
}

export function quadOf(type) {
  const p = vocab.plover[type];
  return p ? p.quad : "mconf";
}

export function entityTypeLabel(t) {
  return vocab.entityTypes[t] || t;
}

export function fmtNumber(n) {
  return new Intl.NumberFormat("ar-EG").format(n);
}

export function errorBox(err) {
  const msg = err instanceof ApiFailure ? `${err.message} (${err.code})` : String(err && err.message ? err.message : err);
  return el("div", { class: "error-box", role: "alert" }, "تعذّر التحميل: ", el("span", { class: "ltr" }, msg));
}

/** Parse "#/route/arg?x=1" into {route, arg, params}. */
export function parseHash(hash) {
  const h = (hash || "").replace(/^#\/?/, "");
  const [path, query] = h.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { route: parts[0] || "articles", arg: parts.slice(1).join("/"), params: new URLSearchParams(query || "") };
}

export function hashFor(route, arg, params) {
  let h = "#/" + route;
  if (arg) h += "/" + encodeURIComponent(arg);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, v);
  }
  const s = q.toString();
  return s ? `${h}?${s}` : h;
}
