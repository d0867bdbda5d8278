// jekyll-feed's `{% feed_meta %}` against the real gem (golden/feed-meta.json): href from
// feed.path, url and baseurl; title from title or name, escaped as an XML attribute.
import { test } from "node:test";
import assert from "node:assert/strict";
import { feedMeta } from "../../../src/plugins/jekyll-feed.js";
import { Filters } from "../../../src/plugins/shared/liquid.js";
import type { LiquidHost } from "../../../src/render/liquid/host.js";
import { golden } from "./golden.js";

interface Case { config: Record<string, any>; expected: string }

/** The URL filters only read the config; the other host members are not used by feed_meta. */
function host(config: Record<string, any>): LiquidHost {
  return { config, source: "/", includeDirs: [], timezone: "UTC" } as unknown as LiquidHost;
}

for (const c of golden<Case[]>("feed-meta.json")) {
  test(`feed_meta with ${JSON.stringify(c.config)}`, () => {
    const config = { baseurl: "", ...c.config };
    assert.equal(feedMeta(config, new Filters(host(config))), c.expected);
  });
}
