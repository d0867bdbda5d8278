// The flat front matter scanner (src/read/yaml-flat.ts) against js-yaml with the same Psych schema:
// on thousands of generated front matters and on every front matter in the repository's sites and
// fixtures, whatever the scanner accepts must be exactly what js-yaml reads (values, types, key
// order), and it must decline whatever js-yaml rejects.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { YAML11_SCHEMA } from "js-yaml";
import { loadYaml, tryFlatYaml } from "../../../src/read/yaml.js";
import { plainScalarResolver, UNSURE } from "../../../src/read/yaml-flat.js";
import { RubyFloat } from "../../../src/ruby/values.js";
import { JekyllTime } from "../../../src/ruby/time.js";

const repoRoot = path.resolve(fileURLToPath(import.meta.url), "../../../../..");
const ZONES = [undefined, "America/New_York", "Asia/Shanghai"];

function slowLoad(text: string, zone: string | undefined): { value?: unknown; error?: unknown } {
  try {
    return { value: loadYaml(text, { file: "t.md", zone, fast: false }) };
  } catch (error) {
    return { error };
  }
}

/** Deep equality that also checks key order, prototypes and the exact classes of scalars. */
function assertSame(actual: unknown, expected: unknown, where: string): void {
  assert.deepStrictEqual(actual, expected, where);
  const walk = (a: unknown, e: unknown, at: string): void => {
    if (a === null || typeof a !== "object") return;
    assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(e), `${where}: prototype at ${at}`);
    if (a instanceof JekyllTime || a instanceof RubyFloat) return;
    assert.deepEqual(Object.keys(a), Object.keys(e as object), `${where}: key order at ${at}`);
    for (const k of Object.keys(a)) walk((a as any)[k], (e as any)[k], `${at}.${k}`);
  };
  walk(actual, expected, "$");
}

/** Compares the two paths on one text; returns whether the scanner took it. */
function compare(text: string, zone: string | undefined, where: string): boolean {
  const slow = slowLoad(text, zone);
  const flat = tryFlatYaml(text, zone);
  if (flat === undefined) return false;
  assert.equal(slow.error, undefined, `${where}: js-yaml rejects it but the scanner accepted it:\n${text}`);
  assertSame(flat, slow.value, `${where}\n${text}`);
  // And loadYaml itself returns the scanner's answer.
  assertSame(loadYaml(text, { file: "t.md", zone }), slow.value, `${where} (loadYaml)`);
  return true;
}

// ---- generated front matter -------------------------------------------------------------

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = [
  "default", "post", "Hello World", "a b  c", "yes", "Yes", "no", "NO", "on", "Off", "y", "n", "true", "False", "TRUE",
  "null", "Null", "~", "0", "-0", "+1", "42", "010", "0o17", "0x1F", "0b101", "1_000", "1:30", "190:20:30", "-7",
  "3.0", "3.14", "1e3", "1.0e+3", "-.5", ".inf", "-.Inf", ".NaN", "6.8523015e+5", "685.230_15e+03",
  "2025-05-30", "2000-01-01T00:00:00Z", "2025-05-30 14:05:09 +0800", "2025-05-30 14:05:09 -05:00", "2025-05-30 14:05:09",
  "2025-05-30t14:05:09.5Z", "2025-05-30 14:05:09.123456 +08", "2025-5-3", "2025-13-45", "99999-01-01", "2025-05-30 25:00:00",
  "http://example.com/a?b=c#frag", "/posts/:title/", "/:categories/:year/:month/:day/:title:output_ext", "C# rocks",
  "ünïcödé", "日本語", "emoji 🎉 ok", "a'b", 'say "hi"', "50%", "-foo", "?x", ":x", "a:b", "foo,bar", "[x] y", "{a}",
  "<<", "=", "a | b", "a > b", "x!", "!x", "&a", "*a", "@me", "`x`", "%x", "- x", "--", "---", "...", "a: b", "a:", "0.1.2",
  "12:30:45", "1_2_3", "0x_1F", "+.inf", "1e", ".", "-", "_", "__", "Y", "N", "yes please",
  // Characters the scanner leaves to js-yaml: tabs, control characters, lone surrogates, NEL, BOM, CR.
  "a\tb", "bell\u0007", "lone \uD800 half", "nel\u0085x", "bom\uFEFFx", "cr\rx", "del\u007Fx", "ls\u2028x",
];
const QUOTED = [
  '"Hello"', '"with: colon"', '"esc \\" \\\\ \\/ \\n \\t \\r"', '"unicode \\u00e9 \\u263A"', '"bad \\q"', '"hex \\x41"', '"\\U0001F600"',
  '"#not a comment"', '"a" # comment', '"a"#x', "'single'", "'it''s'", "''", '""', "'#x' # c", "'a'b", '"unterminated', "'also",
  '"yes"', "'42'", '"2025-05-30"', '"  spaced  "', '"\\0\\a\\e\\N\\_\\L\\P"', '"a""b"', "'back\\slash \\n'",
];
const FLOW = [
  "[ruby, devops, data]", "[]", "[ ]", "[a]", "[1, 2.0, yes, ~, 2025-05-30]", '["a, b", \'c\']', "[a, [b]]", "[a, {b: c}]",
  "[a, ]", "[a,b]", "[ a , b ]", "[a b, c d]", "[a: b]", "[a # c]", "[a] # trailing", "[a]x", "[unclosed", "[-a, -1]", "[- a]",
];

/** Each list starts with its everyday forms; half the picks come from that first half. */
function pick(r: () => number, list: string[]): string {
  const n = r() < 0.5 ? Math.ceil(list.length / 2) : list.length;
  return list[Math.floor(r() * n)]!;
}

function genValue(r: () => number): string {
  const k = r();
  if (k < 0.45) return pick(r, PLAIN);
  if (k < 0.7) return pick(r, QUOTED);
  if (k < 0.85) return pick(r, FLOW);
  return pick(r, PLAIN) + (r() < 0.5 ? " # a comment" : "   ");
}

const KEYS = ["title", "date", "tags", "layout", "categories", "permalink", "published", "excerpt_separator", "author", "my-key", "_private", "x1", "yes", "null", "y", "on", "__proto__", "title"];

function genFrontMatter(r: () => number): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(r() * 7);
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    let key = KEYS[Math.floor(r() * KEYS.length)]!;
    if (used.has(key) && r() < 0.8) key = `${key}${i}`;
    used.add(key);
    const shape = r();
    if (shape < 0.7) lines.push(`${key}: ${genValue(r)}`);
    else if (shape < 0.78) lines.push(`${key}:`);
    else if (shape < 0.9) {
      lines.push(`${key}:${r() < 0.2 ? " # list" : ""}`);
      const indent = " ".repeat(Math.floor(r() * 3) * 2);
      const items = 1 + Math.floor(r() * 3);
      for (let j = 0; j < items; j++) {
        const itemIndent = r() < 0.1 ? indent + " " : indent;
        lines.push(r() < 0.04 ? `${itemIndent}-` : `${itemIndent}- ${genValue(r)}`);
      }
    } else if (shape < 0.94) lines.push(r() < 0.5 ? "# a comment line" : "");
    else if (shape < 0.97) lines.push(`${key}: first\n  continued`);
    else lines.push(`${key}: |\n  block`);
  }
  let text = lines.join("\n") + "\n";
  if (r() < 0.05) text = text.replace(/\n/g, "\r\n");
  if (r() < 0.02) text = text.replace(" ", "\t");
  return text;
}

test("generated front matter: the scanner gives js-yaml's values or declines", () => {
  const r = rng(20251129);
  let took = 0;
  const total = 4000;
  for (let i = 0; i < total; i++) {
    const text = genFrontMatter(r);
    if (compare(text, ZONES[i % ZONES.length], `generated #${i}`)) took++;
  }
  // The generator mixes in many shapes the scanner must decline; it must still take a real share.
  assert.ok(took > total * 0.15, `the scanner took only ${took} of ${total}`);
});

test("typical post front matter takes the fast path, with the same values", () => {
  const typical = [
    'title: "Post 0 Come World Eyes School"\ndate: 2000-01-01T00:00:00Z\ntags: [ruby, devops, data]\nlayout: default\n',
    "layout: post\ntitle: Hello\ncategories: jekyll update\npermalink: /about/\npublished: false\n",
    "title: 'It''s here'\ndate: 2025-05-30 14:05:09 +0800\ntags:\n  - a\n  - b\nexcerpt_separator: <!--more-->\n",
    "title: x # comment\n# full-line comment\n\nauthor:\n",
  ];
  for (const text of typical) {
    for (const zone of ZONES) {
      assert.equal(compare(text, zone, "typical"), true, `declined:\n${text}`);
    }
  }
  const v = loadYaml(typical[0]!, { file: "t.md" }) as Record<string, unknown>;
  assert.ok(v.date instanceof JekyllTime && v.date.utc);
  assert.deepEqual(v.tags, ["ruby", "devops", "data"]);
});

test("the scanner declines what it cannot be sure of", () => {
  for (const text of [
    "a: b\n  c\n", "a: &x 1\nb: *x\n", "a: {b: c}\n", "a: |\n  x\n", "a: >\n  x\n", "a:\n  b: c\n", "a: !!str 1\n",
    "a: 1\na: 2\n", "yes: 1\n", "a\tb: 1\n", "a: b: c\n", "<<: {a: 1}\n", "- a\n", "a: [b, [c]]\n", "a: \"x\n  y\"\n",
    "a: 1\n  # indented comment\n", "key : v\n", "a: \"\\x41\"\n", "a: b\r c\n", "\"quoted key\": 1\n",
  ]) {
    assert.equal(tryFlatYaml(text), undefined, JSON.stringify(text));
  }
  assert.equal(plainScalarResolver(YAML11_SCHEMA)("<<"), UNSURE, "the merge key is not a value the scanner makes");
});

// ---- every front matter in the repository ----------------------------------------------------

const FRONT_MATTER_RE = /(---\s*\n[\s\S]*?\n?)^((?:---|\.\.\.)\s*$\n?)/my;

function* filesUnder(dir: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === "node_modules" || e.name === "dist" || e.name === ".git") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p);
    else if (e.isFile()) yield p;
  }
}

test("every front matter in the repository's sites and fixtures reads the same on both paths", () => {
  const roots = ["test", "_posts", "_pages", "_layouts", "_includes", "assets", "bench"].map((d) => path.join(repoRoot, d));
  const files = [...roots.flatMap((r) => [...filesUnder(r)]), ...fs.readdirSync(repoRoot).map((f) => path.join(repoRoot, f)).filter((f) => fs.statSync(f).isFile())];
  let seen = 0;
  let took = 0;
  for (const file of files) {
    if (fs.statSync(file).size > 2_000_000) continue;
    const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    if (!/^---\s*\r?\n/.test(text)) continue;
    FRONT_MATTER_RE.lastIndex = 0;
    const m = FRONT_MATTER_RE.exec(text);
    if (!m) continue;
    const yamlText = m[1]!.replace(/^---[^\n]*\n/, "");
    seen++;
    for (const zone of ZONES) if (compare(yamlText, zone, path.relative(repoRoot, file)) && zone === undefined) took++;
  }
  assert.ok(seen > 300, `only ${seen} front matters found under ${repoRoot}`);
  assert.ok(took > seen / 2, `the scanner took only ${took} of ${seen} real front matters`);
});

test("the synthetic benchmark's front matter takes the fast path", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "yaml-flat-"));
  try {
    execFileSync(process.execPath, [path.join(repoRoot, "bench", "gen-synthetic.mjs"), "3", tmp], { stdio: "ignore" });
    const posts = [...filesUnder(tmp)].filter((f) => f.includes(`${path.sep}_posts${path.sep}`));
    assert.ok(posts.length >= 3, "no posts generated");
    for (const post of posts) {
      FRONT_MATTER_RE.lastIndex = 0;
      const yamlText = FRONT_MATTER_RE.exec(fs.readFileSync(post, "utf8"))![1]!.replace(/^---[^\n]*\n/, "");
      assert.equal(compare(yamlText, undefined, post), true, `declined:\n${yamlText}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("a plain scalar starting with a colon stays a string, as upstream Jekyll's SafeYAML reads it", () => {
  // Debian's Jekyll (Psych.safe_load) rejects these as Symbols; upstream 4.3 keeps the text.
  // (In a flow sequence `[:x]` is no scalar at all to libyaml 0.2.5: "did not find expected node
  // content while parsing a flow node"; the list is written in block style.)
  const text = "meta: :PLATFORM ve :THEME teması.\nsym: :sym\nlist:\n  - :x\n  - ':y'\n";
  for (const fast of [true, false]) {
    const value = loadYaml(text, { file: "t.yml", zone: undefined, fast });
    assert.deepEqual({ ...(value as object) }, { meta: ":PLATFORM ve :THEME teması.", sym: ":sym", list: [":x", ":y"] });
  }
});

test("Psych's special floats are matched without regard to case", () => {
  const value = loadYaml("a: .Inf\nb: -.INF\nc: .NaN\nd: +.inf\ne: .nAn\n", { file: "t.yml", zone: undefined, fast: false }) as Record<string, number>;
  assert.deepEqual([value.a, value.b, value.d], [Infinity, -Infinity, Infinity]);
  assert.ok(Number.isNaN(value.c) && Number.isNaN(value.e));
});
