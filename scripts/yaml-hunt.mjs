#!/usr/bin/env node
// Random YAML documents read by Psych (Ruby's Psych.safe_load, as Jekyll 4.3 loads front matter
// and _data) and by build-site's loadYaml (dist/src/read/yaml.js: build first). The documents mix
// root properties (`&x`, `!t`, `!!str`), comments, block scalar headers (`|`, `>2-`, `|9`) and
// plain, quoted, flow and indicator bits on lines of varied indentation: where libyaml and
// js-yaml part ways at a document's root. Prints how many read differently (a value against a
// value or an error), how many errors differ only in words or place, and writes each difference.
//
//   node scripts/yaml-hunt.mjs --seed 1 [--count 800] [--out FILE] [--shape roots|front-matter]
//
// A Psych "Tried to load unspecified class: Symbol" is skipped: build-site reads `:x` as upstream
// Jekyll does (src/read/yaml.ts). A difference found is pinned in test/golden/yaml-scalars
// (cases.json "documents", then ruby test/golden/yaml-scalars/generate.rb).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const seed = Number(option("--seed", "1"));
const count = Math.min(Number(option("--count", "800")), 10000);
const out = option("--out", null);
const root = path.resolve(fileURLToPath(import.meta.url), "../..");

// xorshift32: the same documents for a seed on every machine.
let state = seed >>> 0 || 1;
const random = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 4294967296; };
const pick = (a) => a[Math.floor(random() * a.length)];
const PROPERTIES = ["&x", "&y", "!t", "!!str", "!!map", "!t:a::", "&x !t", "!t &y"];
const COMMENTS = [" #c", " # c", "#c"];
const HEADERS = ["|", "|2", ">", "|9", "|-", ">+", "|+", ">2-", "|1"];
const BITS = ["a", "x", "'q'", "\"d\"", "*x", "- x", "a:", ":x", "::&y", "[a, b]", "{a: 1}", "? a", "a &x a", "!t", "&x", "1:", "@", "b: 1", "|", "|2", "!!map", "!!str", "q:"];
const SEPARATORS = ["\n", " ", "\n  ", "\n    ", "\n\n", "\n   ", "  ", ""];
// --shape front-matter: documents shaped like what real sites write in front matter, _config.yml
// and _data: keys and nested keys, lists (block and flow), quoted, folded and literal strings,
// dates and times, anchors and merge keys, comments, and the slips of hand-edited files (a tab, a
// missing space after a colon, a stray quote, a CRLF line end, a byte order mark).
const shape = option("--shape", "roots");
const KEYS = ["title", "date", "tags", "layout", "author", "permalink", "excerpt", "image", "links", "- name", "<<", "\"quoted key\"", "url"];
const VALUES = ["Hello world", "\"A: quoted\"", "'it''s'", "2024-01-02", "2024-01-02 10:20:30 +0100", "2024-1-2", "[a, b]", "[a, [b, c]]", "{x: 1, y: two}", "true", "no", "~", "12", "1.5", "0x1F", "*base", "&base", "&base x", "|", ">-", "|+", ">", "Title: with colon", "@handle", "`code`", "#not a comment", "a #comment", "\"unclosed", "'unclosed", "\"esc \\u00e9 \\t\"", "\"bad \\q\"", "!!str 5", "!binary aGk=", "- a", "-x", ":sym", "http://x.y/z?a=b#c", "{{ page.title }}", "[unclosed", "a, b", "50%"];
const INDENTS = ["", "  ", "    ", "\t", " ", "   "];
const frontMatter = () => {
  const lines = [];
  const n = 1 + Math.floor(random() * 6);
  for (let k = 0; k < n; k++) {
    const indent = random() < 0.7 ? "" : pick(INDENTS);
    const r = random();
    if (r < 0.1) lines.push(indent + "# " + pick(KEYS));
    else if (r < 0.15) lines.push("");
    else if (r < 0.3) lines.push(indent + "- " + pick(VALUES));
    else if (r < 0.35) lines.push(indent + "  " + pick(VALUES));
    else lines.push(indent + pick(KEYS) + (random() < 0.1 ? ":" : ": ") + (random() < 0.15 ? "" : pick(VALUES)) + (random() < 0.1 ? " # c" : ""));
  }
  let t = lines.join(random() < 0.15 ? "\r\n" : "\n");
  if (random() < 0.05) t = "\uFEFF" + t;
  if (random() < 0.7) t += "\n";
  return t;
};
const documents = [];
for (let i = 0; i < count; i++) {
  if (shape === "front-matter") {
    documents.push(frontMatter());
    continue;
  }
  let t = "";
  if (random() < 0.2) t += pick(SEPARATORS);
  if (random() < 0.7) t += pick(PROPERTIES);
  if (random() < 0.4) t += pick(COMMENTS);
  t += pick(SEPARATORS);
  if (random() < 0.6) t += pick(HEADERS) + (random() < 0.3 ? pick(COMMENTS) : "") + (random() < 0.3 ? pick(BITS) : "");
  const parts = 1 + Math.floor(random() * 5);
  for (let k = 0; k < parts; k++) {
    t += pick(SEPARATORS);
    if (random() < 0.3) t += pick(PROPERTIES) + " ";
    t += pick(BITS);
    if (random() < 0.2) t += pick(COMMENTS);
  }
  if (random() < 0.5) t += "\n";
  documents.push(t);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yaml-hunt-"));
try {
  const input = path.join(dir, "documents.json");
  fs.writeFileSync(input, JSON.stringify(documents));
  const ruby = `require "date"; require "json"; require "psych"; ENV["TZ"] = "UTC"
JSON.parse(File.read(ARGV[0])).each do |t|
  r = begin
    Psych.safe_load(t, permitted_classes: [Date, Time], aliases: true).inspect
  rescue StandardError, Psych::Exception => e
    "ERR #{e.class}: #{e.message}"
  end
  # (Ruby's error_highlight adds lines to a NameError's message: its first line is the error.)
  r = r.lines.first.chomp if r.start_with?("ERR NameError")
  puts r.gsub("\\n", "\\\\n")
end`;
  const psych = execFileSync("ruby", ["-e", ruby, input], { encoding: "utf8", maxBuffer: 1 << 26 }).split("\n");
  const { loadYaml } = await import(path.join(root, "dist/src/read/yaml.js"));
  const { inspect } = await import(path.join(root, "dist/src/ruby/values.js"));
  // (Psych's errors of the values, raised after the parse — Psych::BadAlias, FrozenError — name
  // no place: only their words are compared.)
  const placeless = (s) => /^ERR (?!Psych::SyntaxError)[\w:]+: /.test(s);
  const words = (s) => s.replace(/^ERR Psych::SyntaxError: \(<unknown>\): /, "").replace(/^ERR (?:Psych::BadAlias|FrozenError|NameError): /, "").replace(/^ERR invalid YAML: /, "").replace(/ at line (\d+) column (\d+)$/, " @$1:$2").replace(/ at (\d+):(\d+)$/, " @$1:$2");
  let differ = 0;
  let wording = 0;
  const report = [];
  documents.forEach((text, i) => {
    const want = psych[i];
    if (/class: Symbol$/.test(want)) return;
    let got;
    try {
      got = String(inspect(loadYaml(text, { file: "case.yml", zone: "UTC" }))).replace(/\n/g, "\\n");
    } catch (e) {
      got = `ERR invalid YAML: ${String(e.message).replace(/^invalid YAML: /, "")} at ${e.line}:${e.column}`;
    }
    const errors = want.startsWith("ERR") && got.startsWith("ERR");
    if (errors ? words(want) === (placeless(want) ? words(got).replace(/ @\d+:\d+$/, "") : words(got)) : want === got) return;
    if (errors) wording++;
    else differ++;
    report.push(`${JSON.stringify(text)}\n  Psych: ${want}\n  ours:  ${got}`);
  });
  if (out) fs.writeFileSync(out, report.join("\n") + "\n");
  console.log(`${shape === "roots" ? "" : shape + " "}seed ${seed}: ${differ} of ${documents.length} read differently; ${wording} errors in other words or places`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
