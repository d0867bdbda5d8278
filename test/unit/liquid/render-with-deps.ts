// Test helper: renders a site in memory (read, generate, render; nothing written) and returns
// each page's output with the dependency tokens it recorded for `serve`, keyed as the test asks.
import fs from "node:fs";
import path from "node:path";
import { Builder } from "../../../src/build.js";
import { loadConfig } from "../../../src/config/load.js";
import type { Document } from "../../../src/site/document.js";
import type { Page } from "../../../src/site/page.js";
import type { RenderPlan } from "../../../src/render/renderer.js";

export interface Rendered {
  output: string;
  deps: Set<string>;
}

const quiet = { info() {}, warn() {}, debug() {} };

/** Renders the site in `dir`, then deletes `dir`. */
export function renderWithDependencies(dir: string, keyOf: (item: Page | Document) => string): Map<string, Rendered> {
  const overrides = { source: dir, destination: path.join(dir, "_site") };
  const result = new Map<string, Rendered>();
  const plan: RenderPlan = {
    mustRender: () => true,
    reuse: () => {},
    rendered: (item, deps) => { result.set(keyOf(item), { output: item.output ?? "", deps }); },
  };
  const builder = new Builder({ overrides, logger: quiet });
  try {
    builder.render(loadConfig(overrides), { plan: () => plan });
  } finally {
    builder.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
