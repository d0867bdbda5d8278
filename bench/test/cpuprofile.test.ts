// The .cpuprofile summariser on small hand-made profiles: self time goes to the top frame, each
// sample is charged the time until the next one, areas come from the innermost known frame.
import assert from "node:assert/strict";
import { test } from "node:test";
import { areaOf, fileOf, mergeProfiles, summariseProfile, type CallFrame, type CpuProfile } from "../lib/cpuprofile.js";

const frame = (functionName: string, url: string, lineNumber = 0): CallFrame => ({ functionName, url, lineNumber });
const ROOT = "file:///work/main";

test("file names: packages, project files, Node internals, pseudo-frames", () => {
  assert.equal(fileOf(frame("parse", `${ROOT}/node_modules/liquidjs/dist/liquid.node.js`)), "liquidjs");
  assert.equal(fileOf(frame("x", `${ROOT}/node_modules/@scope/pkg/index.js`)), "@scope/pkg");
  assert.equal(fileOf(frame("writeSite", `${ROOT}/dist/src/write/writer.js`)), "src/write/writer.js");
  assert.equal(fileOf(frame("readFileSync", "node:fs")), "node:fs");
  assert.equal(fileOf(frame("x", "node:internal/modules/esm/loader")), "node:modules/esm");
  assert.equal(fileOf(frame("(garbage collector)", "")), "(garbage collector)");
  assert.equal(fileOf(frame("mkdir", "")), "(native)");
});

test("areas: the innermost frame that belongs to an area decides", () => {
  const writer = frame("writeSite", `${ROOT}/dist/src/write/writer.js`);
  const renderer = frame("render", `${ROOT}/dist/src/render/renderer.js`);
  const md = frame("convert", `${ROOT}/dist/src/render/markdown/index.js`);
  const liquid = frame("render", `${ROOT}/node_modules/liquidjs/dist/liquid.node.js`);
  assert.equal(areaOf([frame("mkdir", ""), frame("mkdirSync", "node:fs"), writer]), "Write");
  // markdownify inside a Liquid render is Markdown's time
  assert.equal(areaOf([frame("tokenize", `${ROOT}/node_modules/markdown-it/dist/index.cjs.js`), liquid, renderer]), "Markdown (markdown-it + kramdown compatibility)");
  assert.equal(areaOf([liquid, renderer]), "Liquid: render (liquidjs, our filters, tags, drops)");
  assert.equal(areaOf([md, renderer]), "Markdown (markdown-it + kramdown compatibility)");
  assert.equal(areaOf([frame("(garbage collector)", "")]), "Garbage collection");
  assert.equal(areaOf([frame("x", "node:timers")]), "Other (Node internals outside the areas above)");
});

/** root → a → b, root → c; samples: b, b, c, a with deltas 0, 100, 200, 300, 400 (µs). */
function tiny(): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 4] },
      { id: 2, callFrame: frame("read", `${ROOT}/dist/src/read/reader.js`, 9), children: [3] },
      { id: 3, callFrame: frame("load", `${ROOT}/node_modules/js-yaml/dist/js-yaml.mjs`) },
      { id: 4, callFrame: frame("writeSite", `${ROOT}/dist/src/write/writer.js`, 24) },
    ],
    startTime: 0,
    endTime: 1000,
    samples: [3, 3, 4, 2, 2],
    timeDeltas: [0, 100, 200, 300, 400],
  };
}

test("self, inclusive and area time of a small profile", () => {
  const s = summariseProfile(tiny());
  // sample i is charged timeDeltas[i+1]: 3→100, 3→200, 4→300, 2→400, last sample → 0
  assert.equal(s.totalMs, 1);
  const self = Object.fromEntries(s.byFile.map((r) => [r.key, r.ms]));
  assert.deepEqual(self, { "js-yaml": 0.3, "src/write/writer.js": 0.3, "src/read/reader.js": 0.4 });
  const incl = Object.fromEntries(s.inclusiveOwn.map((r) => [r.key, r.ms]));
  assert.equal(incl["read — src/read/reader.js:10"], 0.7);
  assert.equal(incl["writeSite — src/write/writer.js:25"], 0.3);
  const area = Object.fromEntries(s.byArea.map((r) => [r.key, r.ms]));
  assert.equal(area["Read: front matter and YAML"], 0.3);
  assert.equal(area["Read: walking and classifying the source"], 0.4);
  assert.equal(area["Write"], 0.3);
  assert.ok(Math.abs(s.byArea.reduce((a, r) => a + r.share, 0) - 1) < 1e-9);
});

test("merged profiles add up and do not borrow time across the seam", () => {
  const one = summariseProfile(tiny());
  const two = summariseProfile(mergeProfiles([tiny(), tiny()]));
  assert.equal(two.totalMs, one.totalMs * 2);
  for (const r of one.byFile) assert.equal(two.byFile.find((x) => x.key === r.key)!.ms, r.ms * 2);
});
