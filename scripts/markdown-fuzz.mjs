#!/usr/bin/env node
// Random differential testing of the Markdown converter against Jekyll 4.3.1's: combines the
// default-config cases of test/golden/markdown (next to each other, inside list items, blockquotes
// and definitions, three in a row…), converts each combination with both, and shrinks every input
// that differs to the fewest lines that still differ. What it finds is pinned as golden cases
// (test/golden/markdown/cases) once fixed, or listed as known in the closing note.
//
//   node scripts/markdown-fuzz.mjs [--seed 1] [--count 1000] [--config JSON] [--out FILE.json]
//
// Needs Ruby and Debian's jekyll (scripts/kramdown-oracle.rb), and a build (`npx tsc && node
// scripts/bundle.mjs`: the converter is loaded from dist/). The tests never run it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const seed = Number(flag("--seed", "1"));
const count = Number(flag("--count", "1000"));
const config = JSON.parse(flag("--config", "{}"));
const out = flag("--out", null);

/** Jekyll's converter in a Ruby process; one request at a time, answered in order. */
class Oracle {
  constructor() {
    this.proc = spawn("ruby", [path.join(root, "scripts", "kramdown-oracle.rb"), JSON.stringify(config)], { stdio: ["pipe", "pipe", "inherit"] });
    this.waiting = [];
    readline.createInterface({ input: this.proc.stdout }).on("line", (line) => this.waiting.shift()?.(JSON.parse(line)));
  }
  convert(markdown) {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.proc.stdin.write(JSON.stringify(markdown) + "\n");
    });
  }
  close() {
    this.proc.stdin.end();
  }
}

const dist = (p) => pathToFileURL(path.join(root, "dist", "src", ...p.split("/"))).href;
const { createMarkdownConverter } = await import(dist("render/markdown/index.js"));
const { highlight, rougeLexerTag } = await import(dist("render/highlight/index.js"));
const ours = createMarkdownConverter({ kramdown: config.kramdown ?? {}, highlighter: config.highlighter, highlight, lexerTag: rougeLexerTag });
const convertOurs = (md) => {
  try {
    return ours.convert(md);
  } catch (e) {
    return `THREW ${e.message}`;
  }
};

// mulberry32: a small seeded generator, so a seed names the same inputs on every machine.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const golden = JSON.parse(fs.readFileSync(path.join(root, "test/golden/markdown/golden.json"), "utf8")).cases;
const pieces = golden.filter((c) => Object.keys(c.config).length === 0).map((c) => c.markdown);
const pick = () => pieces[Math.floor(random() * pieces.length)];
const indent = (md, n) => md.replace(/\n(?=.)/g, "\n" + " ".repeat(n));
const quote = (md) => md.split(/(?<=\n)/).map((l) => "> " + l).join("");
const KINDS = [
  ["adjacent", () => pick() + pick()],
  ["blank-between", () => pick() + "\n" + pick()],
  ["list-item", () => "* " + indent(pick(), 2) + "* item\n"],
  ["blockquote", () => quote(pick()) + "> \n"],
  ["ordered-then-next", () => "1. " + indent(pick(), 3) + "\n" + pick()],
  ["list-in-quote", () => quote("* " + indent(pick(), 2))],
  ["quote-in-list", () => "- " + indent(quote(pick()), 2) + "\n- b\n"],
  ["three", () => pick() + pick() + pick()],
  ["joined-line", () => pick().replace(/\n$/, "") + " " + pick()],
  ["definition", () => "Term\n: " + indent(pick(), 2)],
];

const oracle = new Oracle();
/** Whether `md` converts differently here (and Jekyll converts it without raising). */
async function differs(md) {
  const expected = await oracle.convert(md);
  if (expected.raise) return null;
  const actual = convertOurs(md);
  return actual === expected.html ? null : { expected: expected.html, actual };
}

/** Drops lines (then single characters of what is left) while the input still differs. */
async function shrink(md) {
  let lines = md.split(/(?<=\n)/);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < lines.length && lines.length > 1; i++) {
      const trial = lines.slice(0, i).concat(lines.slice(i + 1));
      if (await differs(trial.join(""))) {
        lines = trial;
        changed = true;
        i--;
      }
    }
  }
  let text = lines.join("");
  // Files end with a line break: keep the last one (markdownify's inputs may lack it, but then
  // every difference would shrink to that).
  // (A character outside the BMP goes as a whole: half a surrogate pair is no JSON Ruby reads.)
  for (let i = 0; i < text.length - (text.endsWith("\n") ? 1 : 0) && text.length < 400; i++) {
    const code = text.charCodeAt(i);
    const n = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const trial = text.slice(0, i) + text.slice(i + n);
    if (trial.trim() && (await differs(trial))) {
      text = trial;
      i--;
    } else i += n - 1;
  }
  return text;
}

const found = new Map();
let differing = 0;
for (let i = 0; i < count; i++) {
  const [kind, make] = KINDS[Math.floor(random() * KINDS.length)];
  const md = make();
  if (!(await differs(md))) continue;
  differing++;
  const small = await shrink(md);
  const result = await differs(small);
  if (!found.has(small)) found.set(small, { name: `seed${seed}-${i}-${kind}`, markdown: small, original: md, ...result });
}
oracle.close();

console.log(`${count - differing}/${count} combinations convert as Jekyll's converter does (seed ${seed}); ${found.size} distinct shrunk differences:`);
for (const f of found.values()) {
  console.log(`\n@@@ ${f.name}\n${f.markdown}${f.markdown.endsWith("\n") ? "" : "⏎\n"}--- Jekyll\n${f.expected}--- build-site\n${f.actual}`);
}
if (out) fs.writeFileSync(out, JSON.stringify([...found.values()], null, 1) + "\n");
