// The pipeline is one-way (docs: architecture.md): config → read → generate → render → write,
// run by the orchestrator (build.ts), with serve and the CLI on top. This test reads every import
// in src/ (type-only imports and `import()` included) and checks it against the layers below: a
// module may import its own unit and the layers above it in this list, never one below it, nor a
// different unit of its own layer.
//
//   base        errors.ts, logger.ts, blocking-worker.ts, clock.ts: what every layer may use
//   ruby        src/ruby/: Ruby's values as Jekyll hands them around (Time, Float, to_s, strftime…)
//   config      config/ without load.ts: Jekyll's defaults, merging, bounds, the Config type
//   containment write/contain.ts, the one containment rule every path placed in a root passes
//   site        site/: Site, Page, Document, Collection, StaticFile, Layout, Theme, Hooks, URLs
//   cache       cache/: downloaded archives (remote themes)
//   read        read/: walking the source, front matter, data files, YAML, finding the theme
//   config-load config/load.ts: reads `_config.yml` with read/'s readers and finds the theme, so it
//               sits above read/, while read/ only sees the Config it made
//   generate, render, write
//               the stages after reading, side by side: none imports another. generate/ runs the
//               generators it is handed, render/ the Liquid engine, converters and drops, write/
//               the staging folder, writer thread and atomic swap
//   plugins     plugins/: the plugins and their API (generators, Liquid tags, hooks…), built on
//               generate/ and render/, which never name them
//   build       build.ts, build/: the orchestrator (Jekyll's Site#process), parallel rendering
//   serve, citations
//               the preview server with its incremental rebuilds; `build-site citations`
//   cli         cli/: commands and flags
//
// So, among others: read/ never imports render/, generate/ or write/; render/ never imports
// generate/, plugins/, build or cli/; the site model imports no stage; nothing but cli/ imports
// cli/. And no module imports itself around a loop (type-only imports aside).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const SRC = path.join(ROOT, "src");

/** Units, in layers from the bottom up; a path belongs to the first unit with a prefix it starts with. */
const LAYERS: Array<Array<[unit: string, prefixes: string[]]>> = [
  [["base", ["errors.ts", "logger.ts", "blocking-worker.ts", "clock.ts", "lazy-regexp.ts"]]],
  [["ruby", ["ruby/"]]],
  [["config", ["config/as-written.ts", "config/collections-dir.ts", "config/defaults.ts", "config/limits.ts", "config/merge.ts", "config/source-folder.ts", "config/types.ts"]]],
  [["containment", ["write/contain.ts"]]],
  [["site", ["site/"]]],
  [["cache", ["cache/"]]],
  [["read", ["read/"]]],
  [["config-load", ["config/load.ts"]]],
  [["generate", ["generate/"]], ["render", ["render/"]], ["write", ["write/"]]],
  [["plugins", ["plugins/"]]],
  [["build", ["build.ts", "build/"]]],
  [["serve", ["serve/"]], ["citations", ["citations/"]]],
  [["cli", ["cli/"]]],
];

function unitOf(rel: string): { unit: string; layer: number } {
  for (const [layer, units] of LAYERS.entries()) {
    for (const [unit, prefixes] of units) {
      if (prefixes.some((p) => rel === p || (p.endsWith("/") && rel.startsWith(p)))) return { unit, layer };
    }
  }
  throw new Error(`src/${rel} belongs to no unit: add it to LAYERS in this test`);
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

interface Import {
  spec: string;
  /** `import type`, or every name imported with `type`: gone once compiled. */
  typeOnly: boolean;
}

/** Relative specifiers of every static import/export-from and every `import("…")` in a module. */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of code.matchAll(/^\s*(?:import|export)\b([^;]*?)\bfrom\s*["'](\.[^"']+)["']/gm)) {
    const clause = m[1]!.trim();
    const names = /^\{([^}]*)\}$/.exec(clause)?.[1]?.split(",").map((n) => n.trim()).filter(Boolean);
    const typeOnly = clause.startsWith("type ") || (names !== undefined && names.length > 0 && names.every((n) => n.startsWith("type ")));
    found.push({ spec: m[2]!, typeOnly });
  }
  for (const m of code.matchAll(/^\s*import\s*["'](\.[^"']+)["']/gm)) found.push({ spec: m[1]!, typeOnly: false });
  for (const m of code.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

interface Edge { from: string; to: string; typeOnly: boolean }

function graph(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sources(SRC)) {
    const from = path.relative(SRC, file).split(path.sep).join("/");
    for (const { spec, typeOnly } of importsOf(fs.readFileSync(file, "utf8"))) {
      const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, ".ts");
      const to = path.relative(SRC, target).split(path.sep).join("/");
      if (to.startsWith("..")) throw new Error(`src/${from} imports ${spec}, outside src/`);
      if (!fs.existsSync(target)) throw new Error(`src/${from} imports ${spec}, which does not exist`);
      edges.push({ from, to, typeOnly });
    }
  }
  return edges;
}

test("importsOf sees static, type-only, re-export, side-effect and dynamic imports, not comments", () => {
  const text = [
    `import fs from "node:fs";`,
    `import { a } from "./a.js";`,
    `import type { B } from "../b/b.js";`,
    `export { c } from "./c.js";`,
    `import "./d.js";`,
    `const e = await import("./e.js");`,
    `import {`,
    `  f,`,
    `} from "./f.js";`,
    `// import { g } from "./g.js";`,
  ].join("\n");
  assert.deepEqual(importsOf(text).sort((a, b) => a.spec.localeCompare(b.spec)), [
    { spec: "../b/b.js", typeOnly: true },
    { spec: "./a.js", typeOnly: false },
    { spec: "./c.js", typeOnly: false },
    { spec: "./d.js", typeOnly: false },
    { spec: "./e.js", typeOnly: false },
    { spec: "./f.js", typeOnly: false },
  ]);
  assert.deepEqual(importsOf(`import { type A, type B } from "./t.js";\nimport { type C, d } from "./u.js";`), [
    { spec: "./t.js", typeOnly: true },
    { spec: "./u.js", typeOnly: false },
  ]);
});

test("every import in src/ goes to its own layer or a lower one (the pipeline is one-way)", () => {
  const backwards = graph().flatMap(({ from, to }) => {
    const a = unitOf(from);
    const b = unitOf(to);
    return a.unit === b.unit || b.layer < a.layer ? [] : [`${a.unit} → ${b.unit}: src/${from} imports src/${to}`];
  });
  assert.deepEqual(backwards, []);
});

// Types may refer to each other within a unit (a Site holds Pages, a Page knows its Site); the
// layers above keep such loops inside one unit. What runs must load in one order.
test("no module of src/ imports itself around a loop (type-only imports aside)", () => {
  const edges = graph().filter((e) => !e.typeOnly);
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's strongly connected components: any with more than one module is a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  assert.deepEqual(cycles, []);
});
