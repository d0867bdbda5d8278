// Front matter and YAML as Jekyll (Psych) reads them — the cases jekyll-facts.md measured.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hasFrontMatter, parseFrontMatter } from "../../../src/read/front-matter.js";
import { loadYaml } from "../../../src/read/yaml.js";
import { JekyllTime } from "../../../src/ruby/time.js";
import { BuildError } from "../../../src/errors.js";

test("a file is a page only when its first line is ---", () => {
  assert.equal(hasFrontMatter("---\ntitle: x\n---\n"), true);
  assert.equal(hasFrontMatter("---   \r\ntitle: x\n---\n"), true);
  assert.equal(hasFrontMatter(Buffer.from("\uFEFF---\ntitle: x\n---\n")), false, "a BOM before --- makes a static file");
  assert.equal(hasFrontMatter("---yaml\n---\n"), false);
  assert.equal(hasFrontMatter("----\n---\n"), false);
  assert.equal(hasFrontMatter("# title\n"), false);
});

test("the block closes at --- or ..., and blank lines after it are swallowed", () => {
  const a = parseFrontMatter("---\ntitle: A\n---\n\n\nBody\n", "a.md");
  assert.deepEqual(a.data, { title: "A" });
  assert.equal(a.content, "Body\n", "as Jekyll writes it: every blank line after the block goes");
  const b = parseFrontMatter("---\ntitle: B\n...\nBody\n", "b.md");
  assert.equal(b.data.title, "B");
  assert.equal(b.content, "Body\n");
  assert.equal(b.lineOffset, 3);
});

test("empty front matter, CRLF, duplicate keys and comments", () => {
  assert.deepEqual(parseFrontMatter("---\n---\nx", "e.md").data, {});
  assert.deepEqual(parseFrontMatter("---\n# only a comment\n---\nx", "c.md").data, {});
  const crlf = parseFrontMatter("---\r\ntitle: C\r\n---\r\nBody\r\n", "c.md");
  assert.equal(crlf.data.title, "C");
  assert.equal(crlf.content, "Body\r\n");
  assert.equal(parseFrontMatter("---\nk: first\nk: second\n---\n", "d.md").data.k, "second");
});

test("invalid YAML is a BuildError naming the file line", () => {
  assert.throws(() => parseFrontMatter("---\ntitle: ok\nbad: [unclosed\nnext: 1\n---\nx", "bad.md"), (e: unknown) => {
    assert.ok(e instanceof BuildError);
    assert.equal(e.file, "bad.md");
    assert.ok(e.line! >= 3 && e.line! <= 5, `line ${e.line}`);
    return true;
  });
  assert.throws(() => parseFrontMatter("---\n- a list\n---\n", "list.md"), /must be a set of `key: value` lines/);
});


test("an unclosed quote is reported where it opens, as Psych reports it (line 2 column 6)", () => {
  for (const [text, column] of [['title: t\nurl: "https://x.org\n', 6], ["title: t\nurl:  'it''s\n", 7]] as const) {
    assert.throws(() => loadYaml(text, { file: "_config.yml" }), (e: unknown) => {
      assert.ok(e instanceof BuildError);
      assert.equal(e.line, 2);
      assert.equal(e.column, column);
      assert.match(e.message, /end of stream while scanning a quoted scalar/);
      return true;
    });
  }
});

test("a \\u escape of a UTF-16 surrogate is refused where its scalar opens (libyaml's rule)", () => {
  assert.throws(() => loadYaml('{"e": "\\ud83d\\ude00"}\n', { file: "_data/a.json" }), (e: unknown) => {
    assert.ok(e instanceof BuildError);
    assert.deepEqual([e.line, e.column], [1, 7]);
    assert.match(e.message, /invalid Unicode character escape code/);
    return true;
  });
  assert.deepEqual(loadYaml('v: "\\U0001F600"\nw: \'\\ud83d\'\n', { file: "x.yml" }), { v: "😀", w: "\\ud83d" });
});
test("lenient: YAML that does not parse leaves no front matter and the body after the block, as Jekyll's readers do", () => {
  const r = parseFrontMatter("---\ntitle: A: b\n---\n\nBody {{ x }}\n", "bad.md", undefined, undefined, true);
  assert.deepEqual(r.data, {});
  assert.equal(r.content, "Body {{ x }}\n");
  assert.equal(r.lineOffset, 4);
  assert.ok(r.yamlError instanceof BuildError);
  assert.equal(r.yamlError.file, "bad.md");
  assert.equal(r.yamlError.line, 2);
  // A front matter that is not a mapping comes back as `notMapping` (fatal for pages and layouts,
  // logged for documents: see the reader); without `lenient` it is thrown.
  const list = parseFrontMatter("---\n- a list\n---\n", "list.md", undefined, undefined, true);
  assert.deepEqual(list.data, {});
  assert.match(list.notMapping?.message ?? "", /must be a set of `key: value` lines/);
  assert.throws(() => parseFrontMatter("---\n- a list\n---\n", "list.md"), /must be a set of `key: value` lines/);
});

test("YAML values as Psych reads them", () => {
  const v = loadYaml("a: yes\nb: off\nc: y\nd: 010\ne: 1_000\nf: 3.0\ng: ~\nh: 2025-05-30\ni: 2025-05-30 14:05:09 +0800\nj: 2025-05-30T06:05:09Z\n", { file: "t.yml" }) as Record<string, any>;
  assert.equal(v.a, true);
  assert.equal(v.b, false);
  assert.equal(v.c, "y", "y stays a string in Psych");
  assert.equal(v.d, 8);
  assert.equal(v.e, 1000);
  assert.equal(String(v.f), "3.0", "an integral float prints as a Ruby Float");
  assert.equal(v.g, null);
  assert.ok(v.h instanceof JekyllTime && v.h.dateOnly);
  assert.equal(String(v.h), "2025-05-30");
  assert.equal(String(v.i), "2025-05-30 14:05:09 +0800", "a time keeps its own offset");
  assert.equal(String(v.j), "2025-05-30 06:05:09 UTC");
});

test("a time without an offset is that instant in UTC, shown in the site's zone", () => {
  const v = loadYaml("t: 2024-01-15 23:30:00\n", { file: "t.yml", zone: "America/New_York" }) as Record<string, any>;
  assert.equal(String(v.t), "2024-01-15 18:30:00 -0500");
});
