// One build: config → read → generate → render → write. `Builder` keeps what can outlive a build
// (nothing yet but the overrides; `serve --watch` reuses it), `build()` runs the five stages.
import { loadConfig, type Config, type ConfigOverrides } from "./config/load.js";
import { generate } from "./generate/index.js";
import { createLiquidEngine } from "./render/liquid/index.js";
import { highlight } from "./render/highlight/index.js";
import { createMarkdownConverter } from "./render/markdown/index.js";
import { Renderer } from "./render/renderer.js";
import { SassConverter } from "./render/sass.js";
import { siteLiquidHost } from "./render/site-host.js";
import { Reader } from "./read/reader.js";
import { Site, type Logger } from "./site/site.js";
import { assertDestinationOutsideSource, writeSite, type WriteResult } from "./write/writer.js";

export interface BuildResult {
  site: Site;
  renderer: Renderer;
  write: WriteResult;
  configFiles: string[];
  ms: { read: number; generate: number; render: number; write: number; total: number };
}

export interface BuildOptions {
  overrides: ConfigOverrides;
  logger: Logger;
  profile?: boolean;
}

export function loadSiteConfig(overrides: ConfigOverrides): { config: Config; files: string[] } {
  return loadConfig(overrides);
}

export function buildSite(options: BuildOptions, loaded = loadConfig(options.overrides)): BuildResult {
  const t0 = performance.now();
  const { config, files } = loaded;
  assertDestinationOutsideSource(config.source, config.destination);
  const site = new Site(config, options.logger);
  new Reader(site).read();
  const t1 = performance.now();

  const markdown = createMarkdownConverter({
    kramdown: config.kramdown ?? {},
    highlighter: config.highlighter,
    highlight,
  });
  const sass = new SassConverter(site);
  const liquid = createLiquidEngine(siteLiquidHost(site, markdown, sass));
  const renderer = new Renderer(site, liquid, { markdown, sass });
  renderer.profiling = !!options.profile;
  generate(site, { renderer, liquid, logger: options.logger });
  const t2 = performance.now();

  renderer.renderSite();
  const t3 = performance.now();

  const write = writeSite(site);
  for (const c of write.conflicts) {
    options.logger.warn("Conflict:", `The following destination is shared by multiple files.`);
    options.logger.warn("", `The written file may end up with unexpected contents.`);
    options.logger.warn("", c.destination);
    for (const s of c.sources) options.logger.warn("", ` - ${s}`);
  }
  const t4 = performance.now();
  return {
    site,
    renderer,
    write,
    configFiles: files,
    ms: { read: t1 - t0, generate: t2 - t1, render: t3 - t2, write: t4 - t3, total: t4 - t0 },
  };
}
