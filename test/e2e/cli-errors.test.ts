// Bad input, as a new user makes it: each kind gives the file, the line, what is wrong and what to
// do, exits non-zero, and leaves the previous `_site` exactly as it was.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

function run(cwd: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function makeSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-errors-"));
  fs.mkdirSync(path.join(dir, "_layouts"));
  fs.writeFileSync(path.join(dir, "_config.yml"), "title: ok\n");
  fs.writeFileSync(path.join(dir, "index.md"), "---\nlayout: default\n---\n# Hi\n");
  fs.writeFileSync(path.join(dir, "_layouts", "default.html"), "<html>{{ content }}</html>\n");
  return dir;
}

const CASES: Array<{ name: string; files: Record<string, string>; expect: RegExp }> = [
  { name: "invalid YAML in _config.yml", files: { "_config.yml": "title: ok\nlist: [a, b\nnext: 1\n" }, expect: /_config\.yml:\d+:\d+: invalid YAML/ },
  // Without strict_front_matter Jekyll only warns (conformance fixture front-matter-yaml-errors).
  { name: "invalid YAML in front matter, strict_front_matter: true", files: { "_config.yml": "strict_front_matter: true\n", "bad.md": "---\ntitle: \"unclosed\nlayout: default\n---\nhi\n" }, expect: /bad\.md:\d+:\d+: invalid YAML/ },
  { name: "a Liquid syntax error", files: { "bad.html": "---\n---\nline 3\n{% if x %}\nnever closed\n" }, expect: /bad\.html:4(:\d+)?: .*'if' tag was never closed/ },
  { name: "a malformed output under error_mode: strict", files: { "_config.yml": "liquid:\n  error_mode: strict\n", "bad.html": "---\n---\n{{ x | 'str' }}\n" }, expect: /bad\.html:3:8: .*Expected id but found string in "\{\{ x \| 'str' \}\}"/ },
  { name: "an error_mode Liquid does not have", files: { "_config.yml": "liquid:\n  error_mode: loose\n" }, expect: /_config\.yml: liquid\.error_mode must be one of warn, lax or strict/ },
  { name: "a missing include", files: { "bad.html": "---\n---\nline 3\n{% include nope.html %}\n" }, expect: /bad\.html:4(:\d+)?: .*nope\.html/ },
  { name: "an unknown filter under strict_filters", files: { "_config.yml": "liquid:\n  strict_filters: true\n", "bad.html": "---\n---\n{{ 'a' | nosuch }}\n" }, expect: /bad\.html:3(:\d+)?: .*nosuch/ },
  { name: "a Sass error", files: { "css/main.scss": "---\n---\nbody {\n  color: $nope;\n}\n" }, expect: /css\/main\.scss:4:\d+: Sass error: Undefined variable/ },
  // Ruby's Time.parse refuses hour 99 (it does not roll it over), and an empty `date:` is nil, whose
  // to_s is no date at all: Jekyll stops on both.
  { name: "a date Ruby cannot read", files: { "_posts/2024-01-01-x.md": "---\ntitle: x\ndate: 2024-02-30 99:99:99\n---\nhi\n" }, expect: /_posts\/2024-01-01-x\.md:3: Invalid date '2024-02-30 99:99:99': Document '_posts\/2024-01-01-x\.md' does not have a valid date in the YAML front matter/ },
  { name: "an empty date", files: { "_posts/2024-01-01-x.md": "---\ntitle: x\ndate:\n---\nhi\n" }, expect: /_posts\/2024-01-01-x\.md:3: Invalid date '': Document/ },
  { name: "a file name date Ruby cannot read", files: { "_posts/2024-13-01-x.md": "---\ntitle: x\n---\nhi\n" }, expect: /_posts\/2024-13-01-x\.md: Invalid date '2024-13-01': Document '_posts\/2024-13-01-x\.md' does not have a valid date in the filename/ },
  // A name no zone file has is a POSIX TZ string to glibc (UTC named Mars, as in Jekyll; CET-1CEST
  // with New York's dates: fixtures config-timezone-posix*); a malformed rule is read as glibc reads
  // it (posix.json), but a month glibc reads past its table with is refused (ERRORS.md #61).
  { name: "an unknown timezone", files: { "_config.yml": "timezone: CET-1CEST,M13.1.0,M10.5.0\n" }, expect: /_config\.yml: unknown timezone 'CET-1CEST,M13.1.0,M10.5.0'/ },
  { name: "a destination that contains the source", files: {}, expect: /destination directory cannot be or contain the source/ },
  // ERRORS.md 75-77: Jekyll's own TypeError for a destination that is no String; for the others
  // Jekyll has a Ruby backtrace (ENAMETOOLONG) or no bound at all.
  { name: "destination: in _config.yml that is no String", files: { "_config.yml": "destination: 5\n" }, expect: /_config\.yml: no implicit conversion of Integer into String \(TypeError\)\n\s+destination: is the folder/ },
  { name: "a permalink name past 255 bytes", files: { "long.md": `---\npermalink: /${"a".repeat(300)}/\n---\nx\n` }, expect: /long\.md: the output path "a+…" has a name of 300 bytes; file systems allow 255\n\s+Shorten the permalink/ },
  { name: "a text doubled in a variable until it passes output_mb", files: { "_config.yml": "build_site:\n  limits:\n    output_mb: 1\n", "grow.html": "---\n---\n{% assign s = 'ab' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}\n" }, expect: /grow\.html:3:\d+: .*a filter made a text of \d+ MB, past the limit of 1 MB/ },
];

for (const c of CASES) {
  test(`bad input: ${c.name} is reported with its location and nothing is lost`, () => {
    const dir = makeSite();
    try {
      const first = run(dir);
      assert.equal(first.code, 0, first.err);
      const index = path.join(dir, "_site", "index.html");
      const before = fs.readFileSync(index, "utf8");
      const mtime = fs.statSync(index).mtimeMs;
      for (const [f, text] of Object.entries(c.files)) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), text);
      }
      const args = c.name.startsWith("a destination") ? ["build", "-d", path.dirname(dir)] : [];
      const r = run(dir, args);
      assert.notEqual(r.code, 0, "the build must fail");
      assert.match(r.err, c.expect);
      assert.match(r.err, /Error:/);
      assert.equal(fs.readFileSync(index, "utf8"), before, "the previous _site is untouched");
      assert.equal(fs.statSync(index).mtimeMs, mtime);
      assert.equal(fs.existsSync(path.join(dir, "._site.build-site-staging")), false, "no staging folder left behind");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("--trace adds the stack to an error", () => {
  const dir = makeSite();
  try {
    fs.writeFileSync(path.join(dir, "bad.html"), "---\n---\n{% if x %}\n");
    const r = run(dir, ["--trace"]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /\n\s+at /);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--help and --version work", () => {
  const h = run(ROOT, ["--help"]);
  assert.equal(h.code, 0);
  assert.match(h.out, /--destination/);
  const v = run(ROOT, ["--version"]);
  assert.equal(v.code, 0);
  assert.match(v.out, /^build-site \d+\.\d+\.\d+/);
});

test("an unknown flag is an error that says what to do", () => {
  const r = run(ROOT, ["--nope"]);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /unknown flag '--nope'/);
  assert.match(r.err, /--help/);
});
