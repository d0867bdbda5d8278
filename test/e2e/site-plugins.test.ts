// Site plugins (`_plugins/*.js|mjs|cjs`) and `theme:` lookups, through the CLI: what loads, what
// is refused, and what a user is told. The behaviour equal to real Jekyll is pinned by the
// conformance fixtures plugins-site-js and theme-minima-jekyll-new.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../conformance/harness.js";

function site(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-plugins-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, "src", rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", rel), text);
  }
  return dir;
}

function build(dir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "-s", path.join(dir, "src"), "-d", path.join(dir, "out"), ...args], {
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", BUILD_SITE_OFFLINE: "1" },
  });
  return { status: r.status, out: r.stdout + r.stderr, read: (rel: string) => fs.readFileSync(path.join(dir, "out", rel), "utf8") };
}

const page = "---\n---\n{% hello %} {{ 'a' | twice }} {% wrap %}in{% endwrap %}\n";
const pluginBody = `{
  name: "test-plugin",
  liquidTags: () => ({ hello: () => "hi" }),
  liquidBlocks: () => ({ wrap: (body) => "[" + body + "]" }),
  liquidFilters: () => ({ twice: (s) => s + s }),
}`;

test("ES module, CommonJS and ESM-syntax .js plugins all load", () => {
  for (const [file, text] of [
    ["_plugins/p.mjs", `export default ${pluginBody};\n`],
    ["_plugins/p.cjs", `module.exports = ${pluginBody};\n`],
    ["_plugins/p.js", `export default ${pluginBody};\n`],
    ["_plugins/nested/p.js", `module.exports = () => [${pluginBody}];\n`],
  ] as const) {
    const dir = site({ "index.html": page, [file]: text });
    try {
      const r = build(dir);
      assert.equal(r.status, 0, `${file}: ${r.out}`);
      assert.equal(r.read("index.html"), "hi aa [in]\n", file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
});

test("--safe loads no site plugin, as Jekyll's safe mode", () => {
  const dir = site({ "index.html": "---\n---\n{{ 'a' | twice }}\n", "_plugins/p.js": `module.exports = ${pluginBody};\n` });
  try {
    const r = build(dir, "--safe");
    assert.equal(r.status, 0, r.out);
    assert.equal(r.read("index.html"), "a\n", "an unknown filter passes its input through");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a Ruby plugin without a JavaScript twin: one warning naming it, then the hint on the missing tag", () => {
  const dir = site({ "index.html": "---\n---\n{% scholar %}\n", "_plugins/scholar.rb": "Liquid::Template.register_tag('scholar', Foo)\n", "_plugins/other.rb": "# twin below\n", "_plugins/other.js": "module.exports = {};\n" });
  try {
    const r = build(dir);
    assert.equal(r.status, 1, r.out);
    const warnings = r.out.match(/is a Ruby plugin, and build-site does not run Ruby/g) ?? [];
    assert.equal(warnings.length, 1, r.out);
    assert.match(r.out, /_plugins\/scholar\.rb is a Ruby plugin.*Write it in JavaScript as _plugins\/scholar\.js/);
    assert.ok(r.out.indexOf("is a Ruby plugin") < r.out.indexOf("Unknown tag"), "the warning comes first");
    assert.match(r.out, /Unknown tag 'scholar'[\s\S]*_plugins\/scholar\.rb is a Ruby plugin \(not run by build-site\) and may define it/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("plugin mistakes are errors that name the file and what is wrong", () => {
  const cases: Array<[string, RegExp]> = [
    ["throw new Error('boom');", /could not load the plugin _plugins\/p\.js: boom/],
    ["module.exports = { hooks: [{ owner: 'posts', event: 'after_init', run() {} }] };", /posts has no after_init hook/],
    ["module.exports = { hooks: [{ owner: 'site', event: 'post_everything', run() {} }] };", /unknown hook event "post_everything"/],
    ["module.exports = { priority: 'urgent', generate() {} };", /unknown generator priority "urgent"/],
    ["module.exports = { converters: [{ matches: () => true }] };", /a converter needs matches\(ext\), outputExt\(ext\) and convert\(content\)/],
    ["module.exports = 42;", /exports number, not a plugin object/],
  ];
  for (const [text, message] of cases) {
    const dir = site({ "index.html": "---\n---\nx\n", "_plugins/p.js": text });
    try {
      const r = build(dir);
      assert.equal(r.status, 1, r.out);
      assert.match(r.out, message);
      assert.match(r.out, /JavaScript plugins/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const dir = site({ "index.html": "---\n---\n{% wrap %}never closed\n", "_plugins/p.js": `module.exports = ${pluginBody};\n` });
  try {
    const r = build(dir);
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /index\.html.*'wrap' tag was never closed/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a theme that cannot be found is one clear error, not missing-layout warnings", () => {
  const dir = site({ "_config.yml": "theme: no-such-theme-anywhere\n", "index.md": "---\nlayout: home\n---\nx\n" });
  try {
    const r = build(dir);
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /the no-such-theme-anywhere theme could not be found/);
    assert.match(r.out, /gem install no-such-theme-anywhere/);
    assert.doesNotMatch(r.out, /does not exist/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a GitHub Pages theme not installed and offline: says what is missing", () => {
  const dir = site({ "_config.yml": "theme: jekyll-theme-midnight\n", "index.md": "---\n---\nx\n" });
  try {
    const r = build(dir);
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /the jekyll-theme-midnight theme is not in the cache .* could not be downloaded from .*\/pages-themes\/midnight\/tar\.gz\/v0\.2\.0: BUILD_SITE_OFFLINE=1 forbids downloading/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("theme: a node_modules package; site files win; theme data and config lie beneath the site's", () => {
  const theme = "build-site-test-theme";
  const dir = site({
    "_config.yml": `theme: ${theme}\ntitle: Site title\n`,
    "index.md": "---\nlayout: base\n---\n{% include note.html %} {{ site.data.links.home }} {{ site.data.links.docs }} {{ site.tagline }} {{ site.title }}\n",
    "_includes/note.html": "site note",
    "_data/links.yml": "docs: /site-docs/\n",
    "assets/site.css": "site {}\n",
    [`node_modules/${theme}/_layouts/base.html`]: "<main>{{ content }}</main>{% include footer.html %}\n",
    [`node_modules/${theme}/_includes/note.html`]: "theme note",
    [`node_modules/${theme}/_includes/footer.html`]: "<footer>theme</footer>",
    [`node_modules/${theme}/_data/links.yml`]: "home: /theme-home/\ndocs: /theme-docs/\n",
    [`node_modules/${theme}/_config.yml`]: "tagline: from the theme\ntitle: theme title\npermalink: pretty\n",
    [`node_modules/${theme}/assets/site.css`]: "theme {}\n",
    [`node_modules/${theme}/assets/extra.txt`]: "extra\n",
  });
  try {
    const r = build(dir);
    assert.equal(r.status, 0, r.out);
    assert.equal(r.read("index.html"), "<main><p>site note /theme-home/ /site-docs/ from the theme Site title</p>\n</main><footer>theme</footer>\n");
    assert.equal(r.read("assets/site.css"), "site {}\n");
    assert.equal(r.read("assets/extra.txt"), "extra\n");
    assert.match(r.out, /Theme Config file:/);
    fs.appendFileSync(path.join(dir, "src", "_config.yml"), "ignore_theme_config: true\n");
    const ignored = build(dir);
    assert.equal(ignored.status, 0, ignored.out);
    assert.match(ignored.read("index.html"), /<p>site note \/theme-home\/ \/site-docs\/  Site title<\/p>/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
