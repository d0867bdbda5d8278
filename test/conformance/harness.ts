// Builds a conformance fixture with build-site exactly as scripts/oracle.mjs builds it with Jekyll
// (same temp copy, pinned mtimes, pinned `time:`, TZ=UTC), then compares with `expected/`.
//
// Normalisation, and why (anything else that differs is a bug or a documented choice):
//  - CSS: Debian's Jekyll compiles Sass with libsass ("compact" style); build-site uses Dart Sass.
//    CSS files are compared with comments dropped, all whitespace removed around punctuation
//    (including "/" in `grid-column: 1 / -1`), and attribute selector values unquoted where they
//    are identifiers (`[data-theme="dark"]` = `[data-theme=dark]`, which Dart Sass writes).
//  - Source maps (`*.css.map`, or any `*.map` holding a version-3 map: a stylesheet's permalink
//    can name it `main.css-v2.map`) name the compiler's internals; compared by presence only.
//  - A fixture whose `fixture.json` says `"css": "presence"` (with a `"why"`) has its CSS compared
//    by presence only: for stylesheets where libsass and Dart Sass write different CSS for the same
//    source (minima's `darken()` colours and `calc()`), which no whitespace rule can equate.
//  Everything else is compared byte for byte.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** scripts/fixture-prep.mjs is shared with the Jekyll oracle, so both build the same input. */
const { prepareFixture } = (await import(pathToFileURL(path.join(ROOT, "scripts", "fixture-prep.mjs")).href)) as {
  prepareFixture(fixtureDir: string, workDir: string): { siteDir: string; sourceArgs: string[]; cwd: string | undefined; configArg: string; args: string[]; env: Record<string, string>; meta: { css?: string } };
};
export const FIXTURES = path.join(ROOT, "test", "conformance");
const CLI = path.join(ROOT, "bin", "build-site.js");

export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURES)
    .filter((n) => fs.existsSync(path.join(FIXTURES, n, "site")) && fs.existsSync(path.join(FIXTURES, n, "expected")))
    .sort();
}

/** Every file's text under `dir`, by path relative to it (empty when `dir` does not exist). */
export function readTree(dir: string): Map<string, string> {
  if (!fs.existsSync(dir)) return new Map();
  return new Map(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

function listFiles(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

export function normaliseCss(css: string): string {
  return css
    .replace(/^\uFEFF/, "")
    .replace(/@charset "UTF-8";/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{}();:,>+~/])\s*/g, "$1")
    .replace(/\[([\w-]+)([~|^$*]?=)"([A-Za-z_][\w-]*)"\]/g, "[$1$2$3]")
    .replace(/;}/g, "}")
    .trim();
}

export interface FixtureResult {
  name: string;
  ok: boolean;
  files: number;
  matched: number;
  problems: string[];
  error?: string;
}

export function runFixture(name: string): FixtureResult {
  const dir = path.join(FIXTURES, name);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `conf-${name}-`));
  const result: FixtureResult = { name, ok: false, files: 0, matched: 0, problems: [] };
  try {
    const { sourceArgs, cwd, configArg, args, env, meta } = prepareFixture(dir, work);
    const out = path.join(work, "_site");
    try {
      execFileSync(process.execPath, [CLI, "build", ...sourceArgs, "--destination", out, "--config", configArg, ...args], {
        cwd,
        env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e: any) {
      result.error = `build-site failed: ${String(e.stderr ?? e.message).trim().split("\n").slice(0, 6).join("\n")}`;
      return result;
    }
    const cmp = compareTrees(path.join(dir, "expected"), out, { cssPresenceOnly: meta.css === "presence" });
    result.files = cmp.files;
    result.matched = cmp.matched;
    result.problems = cmp.problems;
    result.ok = result.problems.length === 0;
    return result;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Compares a build with the expected tree under the normalisation described at the top. */
export function compareTrees(expected: string, out: string, options: { cssPresenceOnly?: boolean } = {}): { files: number; matched: number; problems: string[] } {
  const want = listFiles(expected);
  const got = new Set(listFiles(out));
  const problems: string[] = [];
  let matched = 0;
  for (const f of want) {
    if (!got.has(f)) { problems.push(`missing ${f}`); continue; }
    got.delete(f);
    const a = fs.readFileSync(path.join(expected, f));
    const sourceMap = f.endsWith(".css.map") || (f.endsWith(".map") && /^\{\s*"version":\s*3/.test(a.toString("utf8")));
    if (sourceMap || (options.cssPresenceOnly && f.endsWith(".css"))) { matched++; continue; }
    const b = fs.readFileSync(path.join(out, f));
    const same = f.endsWith(".css") ? normaliseCss(a.toString("utf8")) === normaliseCss(b.toString("utf8")) : a.equals(b);
    if (same) matched++;
    else problems.push(`differs ${f}${firstDifference(a.toString("utf8"), b.toString("utf8"))}`);
  }
  for (const extra of got) problems.push(`extra ${extra}`);
  return { files: want.length, matched, problems };
}

function firstDifference(want: string, got: string): string {
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const line = want.slice(0, i).split("\n").length;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 60));
  return `\n      line ${line}\n      want ${show(want)}\n      got  ${show(got)}`;
}

/** Keep the temp folder for a fixture (for debugging): returns the output dir. */
export function buildFixtureTo(name: string, out: string): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `conf-${name}-`));
  const { sourceArgs, cwd, configArg, args, env } = prepareFixture(path.join(FIXTURES, name), work);
  execFileSync(process.execPath, [CLI, "build", ...sourceArgs, "--destination", out, "--config", configArg, ...args], {
    cwd,
    env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development", ...env },
    stdio: "inherit",
  });
}
