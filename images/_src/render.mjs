#!/usr/bin/env node
// Draws the figures inside the posts that the researcher's own images do not provide (the FP4
// post's grid and curve, the scaling-law post's effective-parameter plot) as SVG and renders them
// to PNG with headless Chromium (playwright-core). The avatar, favicons, publication figures and
// blog covers are the researcher's own files (copied from their homepage; see README), not drawn
// here. The folder starts with "_", so Jekyll (and build-site) never copy it into _site.
// Run: node images/_src/render.mjs   (from the repository root). All drawings are original.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const C = { blue: "#0b5cad", sky: "#d9e8f8", orange: "#d9672a", peach: "#fbe3d3", green: "#23845a",
  mint: "#d5efe2", purple: "#6d47c4", lilac: "#e6ddf8", grey: "#5b6470", light: "#eef1f5", ink: "#1f2328" };
const FONT = "font-family='DejaVu Sans, Arial, sans-serif'";

// --- tiny SVG vocabulary -------------------------------------------------------------------
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const text = (x, y, s, { size = 22, fill = C.ink, anchor = "middle", weight = 400, italic = false } = {}) =>
  `<text x="${x}" y="${y}" ${FONT} font-size="${size}" fill="${fill}" text-anchor="${anchor}" font-weight="${weight}"${italic ? " font-style='italic'" : ""}>${esc(s)}</text>`;
const box = (x, y, w, h, fill, stroke, label, opts = {}) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${opts.rx ?? 12}" fill="${fill}" stroke="${stroke}" stroke-width="${opts.sw ?? 2.5}"/>` +
  (label ? (Array.isArray(label) ? label : [label]).map((l, i, all) =>
    text(x + w / 2, y + h / 2 + (opts.size ?? 20) * 0.35 + (i - (all.length - 1) / 2) * (opts.size ?? 20) * 1.2, l,
      { size: opts.size ?? 20, fill: opts.fill ?? C.ink, weight: opts.weight ?? 600 })).join("") : "");
const arrow = (x1, y1, x2, y2, color = C.grey, dash = false) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${color}" stroke-width="3"${dash ? " stroke-dasharray='8 6'" : ""} marker-end="url(#head-${color.slice(1)})"/>`;
const defs = () => `<defs>${Object.values(C).map((c) =>
  `<marker id="head-${c.slice(1)}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`).join("")}</defs>`;
const svg = (w, h, body, bg = "#ffffff") =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${defs()}<rect width="100%" height="100%" fill="${bg}"/>${body}</svg>`;
const polyline = (pts, color, width = 3, dash = false) =>
  `<polyline fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round"${dash ? " stroke-dasharray='9 7'" : ""} points="${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ")}"/>`;

// A plot frame mapping data coordinates to pixels.
function plot(x0, y0, w, h, [xmin, xmax], [ymin, ymax]) {
  const X = (x) => x0 + ((x - xmin) / (xmax - xmin)) * w;
  const Y = (y) => y0 + h - ((y - ymin) / (ymax - ymin)) * h;
  const axes = `<line x1="${x0}" y1="${y0 + h}" x2="${x0 + w}" y2="${y0 + h}" stroke="${C.grey}" stroke-width="2"/>` +
    `<line x1="${x0}" y1="${y0}" x2="${x0}" y2="${y0 + h}" stroke="${C.grey}" stroke-width="2"/>`;
  return { X, Y, axes };
}

// --- the drawings ---------------------------------------------------------------------------
const W = 640, H = 360; // 16:9

const images = {
  "images/posts/2025-05-30-analysis-fp4/e2m1-grid.png": () => {
    const { X } = plot(40, 0, 560, 0, [-6.5, 6.5], [0, 1]);
    const vals = [0, 0.5, 1, 1.5, 2, 3, 4, 6];
    let body = text(W / 2, 50, "FP4 E2M1: all 15 distinct values", { size: 24, weight: 700 });
    body += `<line x1="30" y1="190" x2="610" y2="190" stroke="${C.grey}" stroke-width="2"/>`;
    for (const v of [...vals.slice(1).map((x) => -x), ...vals]) {
      body += `<circle cx="${X(v)}" cy="190" r="8" fill="${v === 0 ? C.ink : v > 0 ? C.blue : C.orange}"/>`;
      if (Number.isInteger(v)) body += text(X(v), 228, String(v), { size: 15, fill: C.grey });
    }
    body += text(X(-3.5), 140, "negative", { size: 18, fill: C.orange, weight: 600 });
    body += text(X(3.5), 140, "positive", { size: 18, fill: C.blue, weight: 600 });
    body += text(W / 2, 300, "spacing: 0.5 near zero, 2 between 4 and 6", { size: 18, fill: C.grey });
    return svg(W, H, body);
  },

  "images/posts/2025-05-30-analysis-fp4/dge-curve.png": () => {
    const { X, Y, axes } = plot(70, 60, 520, 240, [0, 3], [0, 3]);
    const delta = 1, k = 5;
    const stair = [], dge = [];
    for (let i = 0; i <= 600; i++) {
      const x = (3 * i) / 600;
      const base = Math.floor(x / delta) * delta, u = (2 * (x - base)) / delta - 1;
      dge.push([X(x), Y(base + (delta / 2) * (1 + Math.sign(u) * Math.abs(u) ** (1 / k)))]);
      stair.push([X(x), Y(Math.round(x / delta) * delta)]);
    }
    return svg(W, H, text(W / 2, 36, "Quantizer, STE and DGE (k = 5)", { size: 22, weight: 700 }) + axes +
      polyline([[X(0), Y(0)], [X(3), Y(3)]], C.grey, 2.5, true) + polyline(stair, C.ink, 3) + polyline(dge, C.orange, 3.5) +
      text(500, 330, "input", { size: 16, fill: C.grey }) +
      box(90, 70, 16, 4, C.ink, C.ink, "", { rx: 0, sw: 1 }) + text(114, 78, "round-to-nearest", { size: 15, anchor: "start" }) +
      box(90, 96, 16, 4, C.grey, C.grey, "", { rx: 0, sw: 1 }) + text(114, 104, "STE (identity)", { size: 15, anchor: "start" }) +
      box(90, 122, 16, 4, C.orange, C.orange, "", { rx: 0, sw: 1 }) + text(114, 130, "DGE", { size: 15, anchor: "start" }));
  },

  "images/posts/2025-08-03-quantization-scaling-law/effective-params.png": () => {
    const { X, Y, axes } = plot(80, 60, 520, 230, [1, 16], [0, 1]);
    let body = text(W / 2, 36, "Effective parameter fraction 1 − exp(−P/γ)", { size: 22, weight: 700 }) + axes;
    [[1.5, C.blue], [2.5, C.green], [4, C.orange]].forEach(([g, color], i) => {
      const pts = [];
      for (let j = 0; j <= 150; j++) { const p = 1 + (15 * j) / 150; pts.push([X(p), Y(1 - Math.exp(-p / g))]); }
      body += polyline(pts, color, 3.5) + box(450, 220 + i * 24, 16, 4, color, color, "", { rx: 0, sw: 1 }) + text(474, 228 + i * 24, `γ = ${g}`, { size: 15, anchor: "start" });
    });
    for (const p of [4, 8, 16]) body += text(X(p), 312, String(p), { size: 15, fill: C.grey });
    body += text(340, 340, "precision P (bits)", { size: 16, fill: C.grey });
    return svg(W, H, body);
  },

};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [rel, draw] of Object.entries(images)) {
    const markup = draw();
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(markup);
    await page.setViewportSize({ width: Number(w), height: Number(h) });
    await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
    const out = path.join(root, rel);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: Number(w), height: Number(h) } });
    console.log(`${rel}  ${fs.statSync(out).size} bytes`);
  }
} finally {
  await browser.close();
}
