// A fake LiquidHost for the golden tests: the site fixture of test/golden/liquid/site, and the
// URLs real Jekyll gave its posts and pages (what the Site would answer).
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LiquidHost } from "../../../src/render/liquid/host.js";
import { RubyFloat } from "../../../src/render/liquid/index.js";
import { JekyllTime } from "../../../src/ruby/time.js";
import { jekyllDefaults } from "../../../src/config/defaults.js";
import { createMarkdownConverter, smartify } from "../../../src/render/markdown/index.js";

export const repoRoot = path.resolve(fileURLToPath(import.meta.url), "../../../../..");
export const goldenDir = path.join(repoRoot, "test", "golden", "liquid");
export const siteDir = path.join(goldenDir, "site");

// Jekyll's default kramdown options (GFM input, auto ids…), which generate.rb's sites have too.
const KRAMDOWN = jekyllDefaults(siteDir).kramdown as Record<string, any>;
const markdown = createMarkdownConverter({ kramdown: KRAMDOWN });

const POSTS: Record<string, string> = {
  "2025-05-30-hello-world": "/2025/05/30/hello-world.html",
  "2024-01-02-second": "/2024/01/02/second.html",
};
const FILES: Record<string, string> = {
  "about.md": "/about/",
  "_posts/2025-05-30-hello-world.md": "/2025/05/30/hello-world.html",
  "_posts/2024-01-02-second.md": "/2024/01/02/second.html",
  "docs/file.txt": "/docs/file.txt",
  "docs/page.md": "/docs/page.html",
};

/** What the highlighter writes for plain text: Rouge's HTML formatter escapes & < >, Jekyll wraps it in a figure. */
function plainHighlight(code: string, lang: string): string {
  const escaped = code.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<figure class="highlight"><pre><code class="language-${lang}" data-lang="${lang}">${escaped}</code></pre></figure>`;
}

export function goldenHost(site: Record<string, any>, nowEpochSeconds: number, extra: Partial<LiquidHost> = {}): LiquidHost {
  const timezone: string | undefined = site.timezone;
  return {
    config: { liquid: { error_mode: "warn", strict_filters: false, strict_variables: false }, highlighter: "rouge", ...site },
    source: siteDir,
    includeDirs: [path.join(siteDir, "_includes")],
    timezone,
    now: () => JekyllTime.at(nowEpochSeconds * 1000, timezone),
    markdownify: (s, ascii) => markdown.convert(s, ascii),
    smartify: (s, ascii) => smartify(s, KRAMDOWN, ascii),
    compileSass: (s) => s,
    highlight: (code, lang) => {
      if (lang !== "text" && lang !== "plaintext") throw new Error(`the golden host only highlights plain text, not ${lang}`);
      return plainHighlight(code, lang);
    },
    postUrl: (name) => POSTS[name],
    linkUrl: (p) => FILES[p] ?? FILES[p.replace(/^\//, "")],
    ...extra,
  };
}

/** Decodes the tagged scalars of cases.json (see generate.rb) into what the Site hands Liquid. */
export function decode(value: unknown, zone: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => decode(v, zone));
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0].startsWith("$")) {
      const [tag, raw] = entries[0]! as [string, any];
      const n = String(raw).match(/\d+/g)?.map(Number) ?? [];
      switch (tag) {
        case "$time": {
          const m = /([+-])(\d{2})(\d{2})$/.exec(raw)!;
          const offset = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
          return JekyllTime.withOffset(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!, 0, offset);
        }
        case "$localtime": return JekyllTime.fromWallClock(n[0]!, n[1]!, n[2]!, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, 0, zone);
        case "$date": return JekyllTime.date(n[0]!, n[1]!, n[2]!, zone);
        case "$float": return new RubyFloat(Number(raw));
      }
      throw new Error(`unknown tag ${tag}`);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, decode(v, zone)]));
  }
  return value;
}
