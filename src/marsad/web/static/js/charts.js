// Hand-written SVG charts: counts over time, the actor network (force layout) and the map of
// event locations on the bundled Natural Earth outline (equirectangular projection).

import { el, svg, vocab } from "./util.js";

const QUADS = ["vcoop", "mcoop", "vconf", "mconf"];
const quadColor = (q) => (vocab.quads[q] && vocab.quads[q].color) || "#888";

export function quadLegend() {
  return el(
    "div",
    { class: "quad-legend" },
    QUADS.map((q) => el("span", null, el("span", { class: `quad-dot bg-${q}` }), (vocab.quads[q] && vocab.quads[q].label) || q)),
  );
}

// --- timeline ---------------------------------------------------------------------------------

/** Stacked bars of event counts per period, coloured by PLOVER quad; time runs left to right. */
export function timelineChart(timeline) {
  const W = 900;
  const H = 230;
  const m = { l: 40, r: 12, t: 12, b: 42 };
  const root = svg("svg", { class: "chart", id: "timeline", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "عدد الأحداث عبر الزمن", direction: "ltr" });
  const items = timeline.periods || [];
  if (!items.length) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#666" }, "لا أحداث مؤرخة"));
    return root;
  }
  const totals = items.map((p) => QUADS.reduce((s, q) => s + (p.counts[q] || 0), 0));
  const max = Math.max(1, ...totals);
  const iw = W - m.l - m.r;
  const ih = H - m.t - m.b;
  const bw = iw / items.length;
  // y grid: 0, max/2, max
  for (const f of [0, 0.5, 1]) {
    const y = m.t + ih - f * ih;
    root.append(svg("line", { x1: m.l, x2: W - m.r, y1: y, y2: y, stroke: "#e3e3e3" }));
    root.append(svg("text", { x: m.l - 6, y: y + 4, "text-anchor": "end", "font-size": 11, fill: "#666" }, String(Math.round(f * max))));
  }
  const every = Math.max(1, Math.ceil(items.length / 10));
  items.forEach((p, i) => {
    let y = m.t + ih;
    const x = m.l + i * bw;
    const g = svg("g", { class: "bar" });
    for (const q of QUADS) {
      const c = p.counts[q] || 0;
      if (!c) continue;
      const h = (c / max) * ih;
      y -= h;
      g.append(svg("rect", { x: x + bw * 0.1, y, width: Math.max(1, bw * 0.8), height: h, fill: quadColor(q) },
        svg("title", null, `${p.period}: ${c} (${(vocab.quads[q] && vocab.quads[q].label) || q})`)));
    }
    root.append(g);
    if (i % every === 0) {
      root.append(svg("text", { x: x + bw / 2, y: H - m.b + 16, "text-anchor": "middle", "font-size": 11, fill: "#444" }, p.period));
    }
  });
  root.append(svg("text", { x: m.l, y: H - 6, "font-size": 11, fill: "#666" }, timeline.granularity === "month" ? "بالشهر" : "باليوم"));
  return root;
}

// --- actor network ----------------------------------------------------------------------------

/** A small deterministic force layout (Fruchterman–Reingold); returns {id: [x, y]}. */
export function forceLayout(nodes, edges, W, H, iterations = 300) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    return [W / 2 + (W / 3) * Math.cos(a), H / 2 + (H / 3) * Math.sin(a)];
  });
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.35;
  let temp = W / 8;
  for (let it = 0; it < iterations; it++) {
    const disp = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = pos[i][0] - pos[j][0];
        let dy = pos[i][1] - pos[j][1];
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const f = (k * k) / d;
        disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
        disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a][0] - pos[b][0];
      const dy = pos[a][1] - pos[b][1];
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      disp[a][0] -= (dx / d) * f; disp[a][1] -= (dy / d) * f;
      disp[b][0] += (dx / d) * f; disp[b][1] += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // gravity keeps unconnected actors (many small groups) near the middle, off the frame
      disp[i][0] += (W / 2 - pos[i][0]) * 0.5;
      disp[i][1] += ((H / 2 - pos[i][1]) * 0.5 * W) / H;
      const d = Math.max(0.01, Math.hypot(disp[i][0], disp[i][1]));
      const step = Math.min(d, temp);
      pos[i][0] += (disp[i][0] / d) * step;
      pos[i][1] += (disp[i][1] / d) * step;
    }
    temp = Math.max(1, temp * 0.97);
  }
  // fit the drawing to the frame, leaving room for the labels
  const [mx, my] = [90, 40];
  const xs = pos.map((p) => p[0]);
  const ys = pos.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = x1 > x0 ? (W - 2 * mx) / (x1 - x0) : 0;
  const sy = y1 > y0 ? (H - 2 * my) / (y1 - y0) : 0;
  const fit = (v, lo, s, m, size) => (s ? m + (v - lo) * s : size / 2);
  return Object.fromEntries(nodes.map((nd, i) => [nd.id, [fit(pos[i][0], x0, sx, mx, W), fit(pos[i][1], y0, sy, my, H)]]));
}

/** Actors as nodes, events as directed edges coloured by PLOVER quad. */
export function networkChart(network) {
  const W = 900;
  const H = 600;
  const root = svg("svg", { class: "chart", id: "network", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "شبكة الفاعلين" });
  const nodes = network.nodes || [];
  const edges = network.edges || [];
  if (!nodes.length) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#666" }, "لا أحداث بين فاعلين"));
    return root;
  }
  const defs = svg("defs");
  for (const q of QUADS) {
    defs.append(svg("marker", { id: `arrow-${q}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: quadColor(q) })));
  }
  root.append(defs);
  const pos = forceLayout(nodes, edges, W, H);
  const maxCount = Math.max(1, ...nodes.map((nd) => nd.count));
  const radius = (nd) => 6 + 14 * Math.sqrt(nd.count / maxCount);
  const rOf = new Map(nodes.map((nd) => [nd.id, radius(nd)]));
  const quadIndex = { vcoop: -1.5, mcoop: -0.5, vconf: 0.5, mconf: 1.5 };
  const edgeLayer = svg("g", { class: "edges" });
  for (const e of edges) {
    const a = pos[e.source];
    const b = pos[e.target];
    if (!a || !b) continue;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const d = Math.max(1, Math.hypot(dx, dy));
    // parallel edges of different quads bend apart; the end stops at the target's rim
    const bend = 18 * (quadIndex[e.quad] || 0);
    const mx = (a[0] + b[0]) / 2 - (dy / d) * bend;
    const my = (a[1] + b[1]) / 2 + (dx / d) * bend;
    const rt = rOf.get(e.target) + 3;
    const ex = b[0] - ((b[0] - mx) / Math.max(1, Math.hypot(b[0] - mx, b[1] - my))) * rt;
    const ey = b[1] - ((b[1] - my) / Math.max(1, Math.hypot(b[0] - mx, b[1] - my))) * rt;
    edgeLayer.append(svg("path", {
      d: `M${a[0].toFixed(1)},${a[1].toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      fill: "none", stroke: quadColor(e.quad), "stroke-width": (1.2 + Math.log2(1 + e.count)).toFixed(1),
      "stroke-opacity": 0.8, "marker-end": `url(#arrow-${e.quad})`, class: `edge quad-${e.quad}`,
    }, svg("title", null, `${e.source_label} ← ${e.target_label}: ${e.count} (${e.types.join("، ")})`)));
  }
  root.append(edgeLayer);
  const nodeLayer = svg("g", { class: "nodes" });
  for (const nd of nodes) {
    const [x, y] = pos[nd.id];
    const r = rOf.get(nd.id);
    nodeLayer.append(svg("g", { class: "node", transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` },
      svg("circle", { r: r.toFixed(1), fill: "#fff", stroke: "#12372a", "stroke-width": 1.5 }),
      svg("text", { y: -r - 4, "text-anchor": "middle", "font-size": 12, fill: "#1f2328", stroke: "#fff", "stroke-width": 3, "paint-order": "stroke", "stroke-linejoin": "round" }, nd.label),
      svg("title", null, `${nd.label} ${nd.code ? "[" + nd.code + "]" : ""}: ${nd.count}`)));
  }
  root.append(nodeLayer);
  return root;
}

// --- map --------------------------------------------------------------------------------------

let worldPath = null;

/** Decode the TopoJSON countries into one SVG path in degrees (x = lon, y = -lat). */
export function topoPath(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (indices) => {
    const pts = [];
    for (const i of indices) {
      const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return "M" + pts.map(([x, y]) => `${x.toFixed(2)},${(-y).toFixed(2)}`).join("L") + "Z";
  };
  const parts = [];
  for (const g of topo.objects.countries.geometries) {
    if (g.type === "Polygon") for (const r of g.arcs) parts.push(ring(r));
    else if (g.type === "MultiPolygon") for (const p of g.arcs) for (const r of p) parts.push(ring(r));
  }
  return parts.join("");
}

async function loadWorld() {
  if (worldPath) return worldPath;
  const resp = await fetch("/static/vendor/countries-110m.json");
  if (!resp.ok) throw new Error(`world outline: HTTP ${resp.status}`);
  worldPath = topoPath(await resp.json());
  return worldPath;
}

/**
 * The places the map frames: the nearest ones to the busiest place that together hold 85% of
 * the events, so that one report from Washington does not shrink the Levant to a dot. Places
 * outside the frame are still drawn; the chart says how many there are.
 */
export function focusPoints(pts) {
  if (pts.length < 3) return pts;
  const total = pts.reduce((s, p) => s + p.count, 0);
  const hub = pts.reduce((a, b) => (b.count > a.count ? b : a));
  const near = [...pts].sort((a, b) => Math.hypot(a.lon - hub.lon, a.lat - hub.lat) - Math.hypot(b.lon - hub.lon, b.lat - hub.lat));
  const out = [];
  let n = 0;
  for (const p of near) {
    out.push(p);
    n += p.count;
    if (n >= 0.85 * total) break;
  }
  return out;
}

/** Event locations (places with coordinates from the knowledge base) on the world outline. */
export async function mapChart(places) {
  const W = 700;
  const H = 460;
  const pts = (places || []).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  // the box around the points (the Middle East when there are none), padded, at the chart's aspect
  let [x0, x1, y0, y1] = [25, 63, -42, -12];
  const focus = focusPoints(pts);
  if (focus.length) {
    x0 = Math.min(...focus.map((p) => p.lon)); x1 = Math.max(...focus.map((p) => p.lon));
    y0 = Math.min(...focus.map((p) => -p.lat)); y1 = Math.max(...focus.map((p) => -p.lat));
  }
  let w = Math.max(16, (x1 - x0) * 1.3);
  let h = Math.max(10, (y1 - y0) * 1.3);
  if (w / h > W / H) h = (w * H) / W; else w = (h * W) / H;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const vb = [cx - w / 2, cy - h / 2, w, h];
  const root = svg("svg", { class: "chart", id: "map", viewBox: vb.map((v) => v.toFixed(3)).join(" "), role: "img", "aria-label": "خريطة أماكن الأحداث", preserveAspectRatio: "xMidYMid meet" });
  root.append(svg("rect", { x: vb[0], y: vb[1], width: vb[2], height: vb[3], fill: "#dcebf5" }));
  try {
    root.append(svg("path", { d: await loadWorld(), fill: "#f3f1ea", stroke: "#9aa3a8", "stroke-width": 0.8, "vector-effect": "non-scaling-stroke", class: "land" }));
  } catch (err) {
    root.append(svg("text", { x: cx, y: cy, "font-size": w / 30, "text-anchor": "middle" }, "تعذّر تحميل الخريطة"));
  }
  const unit = w / W; // degrees per screen pixel of the chart
  const maxCount = Math.max(1, ...pts.map((p) => p.count));
  const layer = svg("g", { class: "places" });
  const labels = svg("g", { class: "labels" });
  const taken = []; // label boxes already drawn, in degrees: most reported places label first
  const byCount = [...pts].sort((a, b) => b.count - a.count);
  for (const p of byCount) {
    const r = (4 + 12 * Math.sqrt(p.count / maxCount)) * unit;
    layer.append(svg("g", { class: "place" },
      svg("circle", { cx: p.lon, cy: -p.lat, r: r.toFixed(3), fill: "#c9302c", "fill-opacity": 0.55, stroke: "#7d1b18", "stroke-width": 1, "vector-effect": "non-scaling-stroke" }),
      svg("title", null, `${p.name}: ${p.count}`)));
    const bw = (String(p.name || "").length * 6.5 + 6) * unit;
    const bh = 14 * unit;
    const box = [p.lon - bw / 2, -p.lat - r - bh, p.lon + bw / 2, -p.lat - r];
    if (taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) continue;
    taken.push(box);
    labels.append(svg("text", { x: p.lon, y: -p.lat - r - 3 * unit, "font-size": (12 * unit).toFixed(3), "text-anchor": "middle", fill: "#222",
      stroke: "#fff", "stroke-width": (3 * unit).toFixed(3), "paint-order": "stroke" }, p.name));
  }
  layer.append(labels);
  root.append(layer);
  if (!pts.length) root.append(svg("text", { x: cx, y: cy, "font-size": (14 * unit).toFixed(3), "text-anchor": "middle", fill: "#555" }, "لا أماكن معروفة الإحداثيات"));
  const outside = pts.filter((p) => p.lon < vb[0] || p.lon > vb[0] + vb[2] || -p.lat < vb[1] || -p.lat > vb[1] + vb[3]);
  if (outside.length) {
    root.append(svg("text", { x: vb[0] + vb[2] - 6 * unit, y: vb[1] + vb[3] - 8 * unit, "font-size": (12 * unit).toFixed(3), "text-anchor": "start", fill: "#333", class: "outside",
      stroke: "#fff", "stroke-width": (3 * unit).toFixed(3), "paint-order": "stroke" },
      `أماكن خارج الإطار: ${outside.length} (${outside.map((p) => p.name).slice(0, 4).join("، ")})`));
  }
  return root;
}
