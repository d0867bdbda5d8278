#!/usr/bin/env node
// Draws every image of the site as SVG and renders it to PNG with headless Chromium
// (playwright-core). The folder starts with "_", so Jekyll (and build-site) never copy it into
// _site. Run: node images/_src/render.mjs   (from the repository root; writes into images/ and
// the favicons at the root). All drawings are original; nothing is traced from other works.
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
const W = 640, H = 360; // publication and post thumbnails: 16:9

const images = {
  "images/publications/fp4_frame_thin.png": () => svg(W, H,
    text(W / 2, 42, "FP4 training of LLMs", { size: 26, weight: 700 }) +
    box(30, 80, 170, 70, C.sky, C.blue, ["BF16 master", "weights"]) +
    box(30, 200, 170, 70, C.peach, C.orange, ["activations", "(with outliers)"]) +
    box(260, 80, 130, 70, C.lilac, C.purple, ["quantize", "to FP4"]) +
    box(260, 200, 130, 70, C.lilac, C.purple, ["clamp +", "quantize"]) +
    box(450, 130, 160, 90, C.mint, C.green, ["FP4 GEMM"], { size: 24 }) +
    arrow(200, 115, 256, 115) + arrow(200, 235, 256, 235) + arrow(390, 115, 446, 160) + arrow(390, 235, 446, 195) +
    text(325, 310, "sparse residual, high precision", { size: 16, fill: C.orange }) +
    arrow(325, 272, 325, 292, C.orange) +
    text(W / 2, 345, "DGE in the backward pass · OCC for activation outliers", { size: 17, fill: C.grey })),

  "images/publications/recycle-frame.png": () => {
    let body = text(W / 2, 42, "Recycling a checkpoint: orthogonal growth", { size: 24, weight: 700 });
    // small MoE: 4 layers x 4 experts
    for (let l = 0; l < 4; l++) for (let e = 0; e < 4; e++)
      body += box(40 + e * 34, 90 + l * 50, 28, 36, C.sky, C.blue, "", { rx: 5, sw: 2 });
    body += text(104, 320, "trained MoE", { size: 18, fill: C.blue, weight: 600 });
    body += arrow(190, 190, 260, 190);
    body += text(225, 175, "grow", { size: 16, fill: C.grey });
    // grown: 6 layers x 8 experts, old ones kept in blue
    for (let l = 0; l < 6; l++) for (let e = 0; e < 8; e++) {
      const old = l % 3 !== 2 && e < 4;
      body += box(280 + e * 40, 70 + l * 40, 32, 30, old ? C.sky : C.mint, old ? C.blue : C.green, "", { rx: 5, sw: 2 });
    }
    body += text(440, 330, "depth and width grown, weights reused", { size: 17, fill: C.green, weight: 600 });
    return svg(W, H, body);
  },

  "images/publications/Matryoshka-frame.png": () => {
    let body = text(W / 2, 42, "Matryoshka MoE: nested expert budgets", { size: 24, weight: 700 });
    const rings = [[C.lilac, C.purple, 250, "top-8"], [C.sky, C.blue, 180, "top-4"], [C.mint, C.green, 110, "top-2"]];
    for (const [fill, stroke, w, label] of rings) {
      body += `<rect x="${W / 2 - w}" y="${200 - w / 2.1}" width="${2 * w}" height="${w / 1.05}" rx="22" fill="${fill}" stroke="${stroke}" stroke-width="3"/>`;
      body += text(W / 2 - w + 46, 200 - w / 2.1 + 28, label, { size: 18, fill: stroke, weight: 700 });
    }
    for (let i = 0; i < 8; i++) body += `<circle cx="${W / 2 - 105 + i * 30}" cy="220" r="11" fill="${i >= 3 && i <= 4 ? C.green : i >= 2 && i <= 5 ? C.blue : C.purple}"/>`;
    body += text(W / 2, 335, "one model, any number of active experts at inference", { size: 17, fill: C.grey });
    return svg(W, H, body);
  },

  "images/publications/fp8_frame_thin.png": () => svg(W, H,
    text(W / 2, 42, "FP8 mixed-precision training", { size: 26, weight: 700 }) +
    box(40, 90, 170, 80, C.sky, C.blue, ["FP8", "gradients"]) +
    box(235, 90, 170, 80, C.mint, C.green, ["FP8", "optimizer states"]) +
    box(430, 90, 170, 80, C.peach, C.orange, ["FP8", "communication"]) +
    box(40, 210, 560, 60, C.light, C.grey, "automatic scaling factors per tensor", { size: 19 }) +
    arrow(125, 172, 125, 206) + arrow(320, 172, 320, 206) + arrow(515, 172, 515, 206) +
    text(W / 2, 320, "less memory, faster steps, BF16-level accuracy", { size: 18, fill: C.grey })),

  "images/publications/sigma-moe-frame.png": () => svg(W, H,
    text(W / 2, 42, "SIGMA training stack", { size: 26, weight: 700 }) +
    box(90, 70, 460, 52, C.mint, C.green, "200B MoE pre-training", { size: 19 }) +
    box(90, 132, 460, 52, C.lilac, C.purple, "parallelism and kernels", { size: 19 }) +
    box(90, 194, 460, 52, C.sky, C.blue, "fault detection and fast recovery", { size: 19 }) +
    box(90, 256, 460, 52, C.peach, C.orange, "early-life accelerators", { size: 19 }) +
    text(W / 2, 342, "reliability and efficiency, layer by layer", { size: 17, fill: C.grey })),

  "images/publications/sigma-moe-tiny-frame.png": () => {
    let body = text(W / 2, 40, "Sigma-MoE-Tiny: 96 experts, few active", { size: 24, weight: 700 });
    for (let i = 0; i < 96; i++) {
      const r = Math.floor(i / 16), c = i % 16, active = [5, 38, 71].includes(i);
      body += `<rect x="${56 + c * 33}" y="${70 + r * 36}" width="26" height="28" rx="5" fill="${active ? C.orange : C.light}" stroke="${active ? C.orange : "#c5ccd6"}" stroke-width="2"/>`;
    }
    body += text(W / 2, 315, "0.5B of 20B parameters active per token", { size: 19, fill: C.orange, weight: 600 });
    return svg(W, H, body);
  },

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

  "images/posts/2025-08-03-quantization-scaling-law/quantization-scaling-law.png": () => {
    // Chinchilla fit with N_eff = N (1 - exp(-P / 2.5)), D = 20 N: loss against model size.
    const L = (n, d) => 1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28;
    const { X, Y, axes } = plot(80, 60, 520, 230, [8.5, 11], [1.9, 3.3]);
    let body = text(W / 2, 36, "Loss vs. model size at lower precision", { size: 22, weight: 700 }) + axes;
    [[16, C.blue], [8, C.green], [4, C.orange], [3, C.purple]].forEach(([p, color], i) => {
      const pts = [];
      for (let j = 0; j <= 100; j++) { const lg = 8.5 + (2.5 * j) / 100, n = 10 ** lg; pts.push([X(lg), Y(L(n * (1 - Math.exp(-p / 2.5)), 20 * n))]); }
      body += polyline(pts, color, 3.5) + box(450, 80 + i * 26, 16, 4, color, color, "", { rx: 0, sw: 1 }) + text(474, 88 + i * 26, `${p} bits`, { size: 15, anchor: "start" });
    });
    body += text(340, 330, "parameters (log scale, 0.3B to 100B)", { size: 16, fill: C.grey });
    return svg(W, H, body);
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

  "images/posts/2025-10-10-megatron-exp-0/parallelism-deepspeed-3d.png": () => {
    let body = text(W / 2, 36, "3D parallelism: TP × PP × DP", { size: 24, weight: 700 });
    const colors = [[C.sky, C.blue], [C.mint, C.green]];
    for (let d = 0; d < 2; d++) for (let p = 0; p < 4; p++) for (let t = 0; t < 4; t++) {
      const [fill, stroke] = colors[d];
      body += `<rect x="${40 + d * 290 + p * 66}" y="${80 + t * 46}" width="56" height="38" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`;
      body += text(40 + d * 290 + p * 66 + 28, 80 + t * 46 + 25, `${d * 16 + p * 4 + t}`, { size: 14, fill: C.ink });
    }
    body += text(170, 288, "replica 1 (DP)", { size: 17, fill: C.blue, weight: 600 });
    body += text(460, 288, "replica 2 (DP)", { size: 17, fill: C.green, weight: 600 });
    body += arrow(40, 316, 298, 316) + text(170, 345, "pipeline stages (PP), across nodes", { size: 15, fill: C.grey });
    body += text(610, 170, "TP", { size: 16, fill: C.grey, weight: 700 }) + arrow(610, 185, 610, 250);
    return svg(W, H, body);
  },

  "images/posts/2025-10-28-recursive-paper-reading/recursive-cover.png": () => svg(W, H,
    text(W / 2, 40, "A looped Transformer", { size: 26, weight: 700 }) +
    box(200, 70, 240, 50, C.lilac, C.purple, "layer 3", { size: 19 }) +
    box(200, 130, 240, 50, C.lilac, C.purple, "layer 2", { size: 19 }) +
    box(200, 190, 240, 50, C.lilac, C.purple, "layer 1", { size: 19 }) +
    box(230, 285, 180, 44, C.sky, C.blue, "embed(x)", { size: 18 }) +
    arrow(320, 283, 320, 244) +
    `<path d="M440,95 C560,95 560,215 446,215" fill="none" stroke="${C.orange}" stroke-width="4" marker-end="url(#head-${C.orange.slice(1)})"/>` +
    text(548, 160, "× T", { size: 26, fill: C.orange, weight: 700 }) +
    text(105, 160, "shared", { size: 18, fill: C.purple, weight: 600 }) + text(105, 184, "weights", { size: 18, fill: C.purple, weight: 600 })),

  "images/avatar.png": () => svg(320, 320,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${C.blue}"/><stop offset="1" stop-color="${C.purple}"/></linearGradient></defs>` +
    `<rect width="320" height="320" fill="url(#g)"/>` + text(160, 192, "RW", { size: 120, fill: "#ffffff", weight: 700 })),

  "images/apple-touch-icon.png": () => svg(180, 180,
    `<rect width="180" height="180" rx="36" fill="${C.blue}"/>` + text(90, 118, "RW", { size: 84, fill: "#ffffff", weight: 700 }), "transparent"),

  "favicon-32x32.png": () => svg(32, 32,
    `<rect width="32" height="32" rx="7" fill="${C.blue}"/>` + text(16, 22, "RW", { size: 15, fill: "#ffffff", weight: 700 }), "transparent"),
};

// The SVG favicon is served as-is (modern browsers); the PNGs cover the rest.
const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${C.blue}"/><text x="16" y="22" font-family="Arial, sans-serif" font-size="15" font-weight="700" fill="#ffffff" text-anchor="middle">RW</text></svg>\n`;

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
fs.writeFileSync(path.join(root, "favicon.svg"), faviconSvg);
// favicon.ico for old browsers and /favicon.ico probes: an ICO container holding the 32×32 PNG
// as its single image (PNG-in-ICO, understood by every browser since Windows Vista's era).
const png = fs.readFileSync(path.join(root, "favicon-32x32.png"));
const ico = Buffer.alloc(22);
ico.writeUInt16LE(0, 0); ico.writeUInt16LE(1, 2); ico.writeUInt16LE(1, 4); // reserved, type icon, 1 image
ico.writeUInt8(32, 6); ico.writeUInt8(32, 7); ico.writeUInt8(0, 8); ico.writeUInt8(0, 9); // 32×32, no palette
ico.writeUInt16LE(1, 10); ico.writeUInt16LE(32, 12); // planes, bits per pixel
ico.writeUInt32LE(png.length, 14); ico.writeUInt32LE(22, 18); // size and offset of the PNG
fs.writeFileSync(path.join(root, "favicon.ico"), Buffer.concat([ico, png]));
console.log("favicon.svg, favicon.ico");
