// What serve tells open pages after a rebuild: outputs that differ only by the build time
// (jekyll-feed's <updated>) are no page change, so a Sass edit on a site with jekyll-feed swaps
// the stylesheet; a real change still reloads.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { buildTimeStamps, differsOnlyByBuildTime } from "../../../src/serve/build-time.js";
import { IncrementalBuilder } from "../../../src/serve/incremental.js";
import { reloadPlan } from "../../../src/serve/reload-plan.js";
import { JekyllTime } from "../../../src/ruby/time.js";
import type { Logger } from "../../../src/logger.js";

const quiet: Logger = { info() {}, warn() {}, debug() {} };
const T0 = JekyllTime.withOffset(2025, 5, 30, 14, 5, 9, 0, 120);
const T1 = JekyllTime.withOffset(2025, 5, 30, 14, 5, 12, 0, 120);

describe("differsOnlyByBuildTime", () => {
  test("the stamps: Time#to_s, xmlschema, rfc822, epoch seconds", () => {
    assert.deepEqual(new Set(buildTimeStamps(T0)), new Set([
      "2025-05-30 14:05:09 +0200",
      "2025-05-30T14:05:09+02:00",
      "Fri, 30 May 2025 14:05:09 +0200",
      String(Date.UTC(2025, 4, 30, 12, 5, 9) / 1000),
    ]));
  });

  test("jekyll-feed's <updated> and a footer's {{ site.time }} are the build time only", () => {
    const feed = (t: string) => `<feed><updated>${t}</updated><entry><updated>2025-05-01T00:00:00+02:00</updated></entry></feed>`;
    assert.equal(differsOnlyByBuildTime(feed("2025-05-30T14:05:09+02:00"), feed("2025-05-30T14:05:12+02:00"), T0, T1), true);
    const footer = (t: string) => `<p>Built ${t}</p>`;
    assert.equal(differsOnlyByBuildTime(footer("2025-05-30 14:05:09 +0200"), footer("2025-05-30 14:05:12 +0200"), T0, T1), true);
  });

  test("any other difference is a page change", () => {
    const feed = (t: string, title: string) => `<feed><updated>${t}</updated><title>${title}</title></feed>`;
    assert.equal(differsOnlyByBuildTime(feed("2025-05-30T14:05:09+02:00", "A"), feed("2025-05-30T14:05:12+02:00", "B"), T0, T1), false);
    // A time that is not this build's (a post's own date edited) is content.
    assert.equal(differsOnlyByBuildTime("<updated>2025-05-30T14:05:09+02:00</updated>", "<updated>2025-05-30T14:05:10+02:00</updated>", T0, T1), false);
    // The old build's stamp left in the new output is not the new build's time.
    assert.equal(differsOnlyByBuildTime("a 2025-05-30 14:05:09 +0200", "b 2025-05-30 14:05:09 +0200", T0, T1), false);
    // A format of the page's own (minutes only) is not recognised: reloading is the safe answer.
    assert.equal(differsOnlyByBuildTime("at 14:05:09 on", "at 14:05:12 on", T0, T1), false);
  });
});

describe("reloadPlan", () => {
  const sourceOf = (o: string) => (o.endsWith(".css") ? o.replace(/\.css$/, ".scss") : o);
  test("stylesheets (and their maps) only: swap in place", () => {
    assert.deepEqual(reloadPlan({ changedOutputs: ["assets/main.css", "assets/main.css.map"], timeOnlyOutputs: [], sourceOf }, []), { kind: "css", paths: ["assets/main.css", "assets/main.css.map"] });
  });
  test("a feed that changed only by its build time does not turn a stylesheet change into a reload", () => {
    assert.deepEqual(reloadPlan({ changedOutputs: ["assets/main.css", "feed.xml"], timeOnlyOutputs: ["feed.xml"], sourceOf }, []), { kind: "css", paths: ["assets/main.css"] });
    assert.equal(reloadPlan({ changedOutputs: ["feed.xml"], timeOnlyOutputs: ["feed.xml"], sourceOf }, []), null);
  });
  test("a page change reloads; --livereload-ignore'd sources are left out", () => {
    assert.deepEqual(reloadPlan({ changedOutputs: ["assets/main.css", "feed.xml"], timeOnlyOutputs: [], sourceOf }, []), { kind: "page", paths: ["assets/main.css", "feed.xml"] });
    assert.deepEqual(reloadPlan({ changedOutputs: ["assets/main.css", "notes/a.html"], timeOnlyOutputs: [], sourceOf }, ["notes/*"]), { kind: "css", paths: ["assets/main.css"] });
  });
});

function write(root: string, rel: string, text: string): string {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

/** Waits until the clock shows a later second than `ms`, so the next build's site.time differs. */
async function nextSecond(ms: number): Promise<void> {
  while (Math.floor(Date.now() / 1000) <= Math.floor(ms / 1000)) await new Promise((r) => setTimeout(r, 50));
}

test("a site with jekyll-feed: a Sass edit rewrites feed.xml with a new <updated> but plans a stylesheet swap; a post edit reloads", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reload-plan-"));
  try {
    write(dir, "_config.yml", "title: Feed\nurl: https://example.org\nplugins: [jekyll-feed, jekyll-sitemap]\n");
    write(dir, "_layouts/default.html", "<html><head>{% feed_meta %}<link rel=\"stylesheet\" href=\"/assets/main.css\"></head><body>{{ content }}</body></html>\n");
    const post = write(dir, "_posts/2025-05-30-hello.md", "---\nlayout: default\ntitle: Hello\n---\nfirst\n");
    write(dir, "index.html", "---\nlayout: default\n---\nhome\n");
    write(dir, "assets/main.scss", "---\n---\n@import \"ink\";\np { color: $ink; }\n");
    const partial = write(dir, "_sass/_ink.scss", "$ink: red;\n");
    const builder = new IncrementalBuilder({ overrides: { source: dir, destination: path.join(dir, "_site") }, logger: quiet });
    try {
      const feed = () => fs.readFileSync(path.join(dir, "_site", "feed.xml"), "utf8");
      const started = Date.now();
      builder.buildAll();
      const feedBefore = feed();
      await nextSecond(started);

      write(dir, "_sass/_ink.scss", "$ink: blue;\n");
      const sass = builder.rebuild([partial]);
      assert.notEqual(feed(), feedBefore, "the feed was written again with this build's time");
      assert.ok(sass.changedOutputs.includes("feed.xml"));
      assert.deepEqual(sass.timeOnlyOutputs, ["feed.xml"]);
      assert.deepEqual(reloadPlan(sass, []), { kind: "css", paths: ["assets/main.css", "assets/main.css.map"] });

      await nextSecond(Date.now());
      write(dir, "_posts/2025-05-30-hello.md", "---\nlayout: default\ntitle: Hello again\n---\nsecond\n");
      const edit = builder.rebuild([post]);
      assert.ok(edit.changedOutputs.includes("feed.xml"));
      assert.deepEqual(edit.timeOnlyOutputs, [], "the feed shows the new title: a real change");
      assert.equal(reloadPlan(edit, [])?.kind, "page");
    } finally {
      builder.dispose();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
