// What the Liquid engine needs from the rest of the build. The Site provides it; the engine
// never reaches into the Site directly, so the engine can be tested with a small fake host.
import type { JekyllTime } from "../../ruby/time.js";

/** The render scope a plugin tag runs in, for tags that evaluate markup as Ruby tags do with their `context`. */
export interface TagScope {
  /** `context[expression]`: a Liquid expression (a variable path, a literal) evaluated in the scope. */
  evaluate(expression: string): unknown;
  /** `Liquid::Template.parse(source).render(context)`, with `locals` as a new innermost scope when given. */
  render(source: string, locals?: Record<string, unknown>): string;
}

export interface LiquidHost {
  /** The whole site configuration (every `_config.yml` key, with Jekyll's defaults filled in). */
  readonly config: Record<string, any>;
  /** Absolute source directory of the site. */
  readonly source: string;
  /** Absolute `_includes` directories to search, in order (the site's, then a theme's). */
  readonly includeDirs: string[];
  /** `site.timezone`, or undefined for the process's local zone. */
  readonly timezone: string | undefined;
  /** The build time (`site.time`): what `"now"` and `"today"` mean in the `date` filter. */
  now(): JekyllTime;
  /**
   * Markdown to HTML exactly as a `.md` page body is converted (used by `markdownify`).
   * `asciiSource`: Ruby's String is US-ASCII (the to_s of a number or an array of numbers…), so
   * kramdown writes smart quotes and dashes as entities.
   */
  markdownify(input: string, asciiSource?: boolean): string;
  /** kramdown's SmartyPants on a string (used by `smartify`); `asciiSource` as for markdownify. */
  smartify(input: string, asciiSource?: boolean): string;
  /** Sass/SCSS to CSS with the site's sass settings (used by `sassify`/`scssify`). */
  compileSass(input: string, syntax: "sass" | "scss"): string;
  /** Rouge-style highlighted HTML for the `{% highlight %}` tag. */
  highlight(code: string, lang: string, options: { linenos?: boolean | string; [k: string]: unknown }): string;
  /** `{% post_url 2025-05-30-title %}`: the post's URL (without baseurl), or undefined. */
  postUrl(name: string): string | undefined;
  /** `{% link path/to/file.md %}`: the URL of the page, document or static file at that source path. */
  linkUrl(relativePath: string): string | undefined;
  /** Prints a build warning (`liquid.error_mode: warn`'s "Liquid Warning:" lines). */
  warn?(topic: string, message: string): void;
  /** Records that the page being rendered read a file (include, data…), for incremental rebuilds. */
  recordDependency?(absolutePath: string): void;
  /** Plugin tags (jekyll-seo-tag's `{% seo %}`, jekyll-feed's `{% feed_meta %}`…): name → HTML from the tag's markup and the render scope (`lookup(["page", "title"])`). */
  customTags?: Record<string, (markup: string, lookup: (path: string[]) => unknown, scope: TagScope) => unknown>;
  /** Plugin block tags (`{% name %}…{% endname %}`): name → HTML from the rendered body, the markup and the lookup. */
  customBlocks?: Record<string, (body: string, markup: string, lookup: (path: string[]) => unknown) => unknown>;
  /** Plugin filters (jemoji's `emojify`…): name → function on Liquid values (see src/ruby/values.ts). */
  customFilters?: Record<string, (input: unknown, ...args: unknown[]) => unknown>;
}
