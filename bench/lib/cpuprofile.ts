// Summarises a V8 .cpuprofile (what `node --cpu-prof` writes): self time by file and by function,
// inclusive time of our own functions, and time by area of the build (Liquid, Markdown, reading,
// writing…), so PROFILE.md can say where a build's time goes.
//
// Format (Chrome DevTools protocol, Profiler.Profile): `nodes` form the call tree (each with a
// callFrame and child ids), `samples[i]` is the node that was on top of the stack at sample i, and
// `timeDeltas[i]` the microseconds since the previous sample. Sample i is charged timeDeltas[i+1]
// — the time until the next sample, during which that stack was running — as DevTools does.

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Row {
  key: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byFile: Row[];
  byFunction: Row[];
  /** Inclusive time of functions in the project's own source (dist/src). */
  inclusiveOwn: Row[];
  byArea: Row[];
}

/**
 * A short name for where a frame's code lives: the npm package, the project file (relative to
 * dist/), `node:<module>` for Node's internals, or the pseudo-frame name ((garbage collector)…).
 */
export function fileOf(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return url.replace(/^node:(internal\/)?/, "node:").replace(/^(node:[^/]+(?:\/[^/]+)?).*$/, "$1");
  const own = /\/dist\/((?:src|bench|bin)\/.*)$/.exec(url) ?? /\/((?:bin)\/[^/]+)$/.exec(url);
  if (own) return own[1]!;
  return url.replace(/^file:\/\//, "");
}

/** Areas of a build, first match wins, tested from the innermost frame of a stack outwards. */
const AREAS: [string, (file: string, fn: string) => boolean][] = [
  ["Markdown (markdown-it + kramdown compatibility)", (f) => /^(markdown-it|linkify-it|mdurl|uc\.micro|punycode\.js|entities)/.test(f) || f.startsWith("src/render/markdown/")],
  ["Syntax highlighting", (f) => f.startsWith("src/render/highlight/")],
  ["Liquid: date filter and Ruby strftime", (f) => f === "src/render/liquid/filters/date.js" || f.startsWith("src/ruby/strftime") || f.startsWith("src/ruby/local-time") || f.startsWith("src/ruby/time")],
  ["Liquid: parse (tokenize, build templates)", (f, fn) => f === "liquidjs" && /parse|tokeni[sz]e|readTo|match|readFilter|readValue|readExpression|readHash|readIdentifier|readQuoted|readRange|readTag|readOutput/i.test(fn)],
  ["Liquid: render (liquidjs, our filters, tags, drops)", (f) => f === "liquidjs" || f.startsWith("src/render/liquid/") || f === "src/render/drops.js" || f === "src/render/site-host.js"],
  ["Sass", (f) => f.startsWith("sass") || f === "src/render/sass.js"],
  ["Read: front matter and YAML", (f) => f === "js-yaml" || f.startsWith("src/read/front-matter") || f.startsWith("src/read/yaml")],
  ["Read: walking and classifying the source", (f) => f.startsWith("src/read/")],
  ["Write", (f) => f.startsWith("src/write/")],
  // The main thread blocks in Atomics.wait until the render worker hands over its half.
  ["Render worker hand-over (main thread waiting)", (f) => f === "src/build/parallel.js" || f === "src/build/parallel-worker.js"],
  ["Render orchestration (renderer, layouts)", (f) => f === "src/render/renderer.js"],
  ["Site model (URLs, permalinks, documents)", (f) => f.startsWith("src/site/") || f.startsWith("src/generate/") || f.startsWith("src/plugins/")],
  ["Config", (f) => f.startsWith("src/config/")],
  ["Module loading (start-up)", (f) => f.startsWith("node:modules") || f === "node:vm"],
  ["Garbage collection", (f) => f === "(garbage collector)"],
  ["Idle / waiting", (f) => f === "(idle)"],
  ["V8 and Node outside JavaScript (program)", (f) => f === "(program)"],
];

export function areaOf(stack: CallFrame[]): string {
  // Innermost first, so fs.writeFileSync inside the writer counts as writing, and a markdownify
  // filter call counts as Markdown, not Liquid.
  for (const frame of stack) {
    const file = fileOf(frame);
    for (const [name, test] of AREAS) if (test(file, frame.functionName)) return name;
  }
  return "Other (Node internals outside the areas above)";
}

function rows(m: Map<string, number>, totalUs: number): Row[] {
  return [...m.entries()].map(([key, us]) => ({ key, ms: us / 1000, share: totalUs ? us / totalUs : 0 })).sort((a, b) => b.ms - a.ms);
}

export function summariseProfile(p: CpuProfile): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackCache = new Map<number, CallFrame[]>();
  const stackOf = (id: number): CallFrame[] => {
    let s = stackCache.get(id);
    if (s) return s;
    s = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) s.push(byId.get(cur)!.callFrame);
    stackCache.set(id, s);
    return s;
  };
  const selfFile = new Map<string, number>();
  const selfFn = new Map<string, number>();
  const incl = new Map<string, number>();
  const area = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0;
    if (dt <= 0) continue;
    total += dt;
    const stack = stackOf(p.samples[i]!);
    const top = stack[0]!;
    const file = fileOf(top);
    add(selfFile, file, dt);
    add(selfFn, `${top.functionName || "(anonymous)"} — ${file}${top.url ? `:${top.lineNumber + 1}` : ""}`, dt);
    add(area, areaOf(stack), dt);
    // Inclusive: once per distinct own function on the stack (recursion counted once).
    const seen = new Set<string>();
    for (const f of stack) {
      const ff = fileOf(f);
      if (!ff.startsWith("src/")) continue;
      const key = `${f.functionName || "(anonymous)"} — ${ff}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(incl, key, dt);
    }
  }
  return { totalMs: total / 1000, byFile: rows(selfFile, total), byFunction: rows(selfFn, total), inclusiveOwn: rows(incl, total), byArea: rows(area, total) };
}

export function rowsTable(title: string, r: Row[], limit: number): string {
  const lines = [`| ${title} | ms | share |`, "| --- | ---: | ---: |"];
  for (const x of r.slice(0, limit)) lines.push(`| ${x.key.replace(/\|/g, "\\|")} | ${x.ms.toFixed(0)} | ${(x.share * 100).toFixed(1)} % |`);
  return lines.join("\n");
}

/**
 * Several threads' profiles as one, for tables over all CPU time: the node ids of each profile are
 * offset so they stay distinct, and the sample streams are concatenated (each keeps its own deltas).
 */
export function mergeProfiles(profiles: CpuProfile[]): CpuProfile {
  const nodes: ProfileNode[] = [];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let offset = 0;
  for (const p of profiles) {
    let max = 0;
    for (const n of p.nodes) {
      nodes.push({ ...n, id: n.id + offset, children: n.children?.map((c) => c + offset) });
      max = Math.max(max, n.id);
    }
    // A zero delta before each profile's first sample: summariseProfile charges sample i with
    // delta i+1, so the streams must not borrow time from each other at the seams.
    p.samples.forEach((s, i) => { samples.push(s + offset); timeDeltas.push(i === 0 ? 0 : p.timeDeltas[i]!); });
    samples.push(samples[samples.length - 1] ?? 0);
    timeDeltas.push(0);
    offset += max + 1;
  }
  return { nodes, samples, timeDeltas, startTime: 0, endTime: 0 };
}
