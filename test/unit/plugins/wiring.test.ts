// How plugins are chosen and run: `plugins:` only (never `gems:`), the `safe` whitelist,
// generator priorities, and a warning for a name build-site does not know.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generate } from "../../../src/generate/index.js";
import type { GenerateContext } from "../../../src/plugins/api.js";
import { enabledPluginNames, enabledPlugins, warnUnknownPlugins } from "../../../src/plugins/enabled.js";
import { PLUGINS, registerPlugin } from "../../../src/plugins/index.js";
import { PRIORITY } from "../../../src/plugins/registry.js";
import type { Site } from "../../../src/site/site.js";

function fakeSite(config: Record<string, any>): Site {
  return { config, safe: !!config.safe } as unknown as Site;
}

function context(warnings: string[]): GenerateContext {
  return { logger: { info() {}, debug() {}, warn: (t: string, m = "") => warnings.push(`${t} ${m}`) } } as unknown as GenerateContext;
}

test("every GitHub Pages plugin of the issue is registered", () => {
  for (const name of [
    "jekyll-feed", "jekyll-sitemap", "jekyll-seo-tag", "jekyll-redirect-from", "jekyll-paginate", "jekyll-include-cache",
    "jemoji", "jekyll-gist", "jekyll-mentions", "jekyll-avatar", "jekyll-relative-links", "jekyll-optional-front-matter",
    "jekyll-titles-from-headings", "jekyll-default-layout", "jekyll-readme-index", "jekyll-github-metadata",
  ]) assert.ok(PLUGINS.has(name), name);
});

test("the legacy gems: key enables nothing", () => {
  assert.deepEqual(enabledPluginNames(fakeSite({ gems: ["jekyll-sitemap"], plugins: [] })), []);
});

test("plugins: keeps its order and drops duplicates and non-strings", () => {
  assert.deepEqual(enabledPluginNames(fakeSite({ plugins: ["b", "a", "b", null, 3] })), ["b", "a"]);
});

test("safe: true loads only whitelisted names", () => {
  const site = fakeSite({ safe: true, whitelist: ["jekyll-sitemap"], plugins: ["jekyll-sitemap", "jekyll-feed", "nope"] });
  assert.deepEqual(enabledPluginNames(site), ["jekyll-sitemap"]);
});

test("a theme's runtime dependencies come first, and pass the safe whitelist like the others", () => {
  const theme = { runtimeDependencies: ["jekyll-seo-tag", "jekyll-feed"] };
  assert.deepEqual(enabledPluginNames({ ...fakeSite({ plugins: ["jekyll-sitemap", "jekyll-feed"] }), theme } as unknown as Site), ["jekyll-seo-tag", "jekyll-feed", "jekyll-sitemap"]);
  const safe = { ...fakeSite({ safe: true, whitelist: ["jekyll-feed"], plugins: [] }), theme } as unknown as Site;
  assert.deepEqual(enabledPluginNames(safe), ["jekyll-feed"]);
});

test("generators run by priority, then in plugins: order; unknown names are warned about once each", () => {
  const ran: string[] = [];
  registerPlugin({ name: "test-low", priority: PRIORITY.low, generate: () => { ran.push("low"); } });
  registerPlugin({ name: "test-normal-1", generate: () => { ran.push("normal-1"); } });
  registerPlugin({ name: "test-highest", priority: PRIORITY.highest, generate: () => { ran.push("highest"); } });
  registerPlugin({ name: "test-normal-2", priority: PRIORITY.normal, generate: () => { ran.push("normal-2"); } });
  const warnings: string[] = [];
  try {
    const site = fakeSite({ plugins: ["test-low", "test-normal-1", "jekyll-unknown", "test-highest", "test-normal-2"] });
    const ctx = context(warnings);
    warnUnknownPlugins(site, ctx.logger);
    generate(site, enabledPlugins(site), ctx);
  } finally {
    for (const n of ["test-low", "test-normal-1", "test-highest", "test-normal-2"]) PLUGINS.delete(n);
  }
  assert.deepEqual(ran, ["highest", "normal-1", "normal-2", "low"]);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /'jekyll-unknown' is not built into build-site/);
});
