// The generate stage: plugins that add or change pages before rendering (pagination, redirects,
// feed, sitemap…). Each plugin is a module in src/plugins/ with one entry point; this stage knows
// them only through the registry, keyed by the gem name a site lists under `plugins:` (or the
// older `gems:`).
import type { JekyllLiquid } from "../render/liquid/index.js";
import type { Renderer } from "../render/renderer.js";
import type { Logger, Site } from "../site/site.js";
import { PLUGINS } from "../plugins/index.js";

export interface GenerateContext {
  renderer: Renderer;
  liquid: JekyllLiquid;
  logger: Logger;
}

export interface Plugin {
  /** The gem name, as written in `plugins:`. */
  readonly name: string;
  /** Adds or changes site content before rendering. */
  generate?(site: Site, ctx: GenerateContext): void;
}

/** Plugin names a site enables, in order, without duplicates. */
export function enabledPluginNames(site: Site): string[] {
  const names = [site.config.plugins, site.config.gems].flat().filter((n) => typeof n === "string") as string[];
  return [...new Set(names)];
}

export function generate(site: Site, ctx: GenerateContext): void {
  for (const name of enabledPluginNames(site)) {
    const plugin = PLUGINS.get(name);
    if (!plugin) {
      ctx.logger.warn("Plugin:", `'${name}' is not built into build-site; the site is built without it.`);
      continue;
    }
    plugin.generate?.(site, ctx);
  }
}
