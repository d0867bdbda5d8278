// The Liquid engine of build-site: liquidjs 10 configured to render what Jekyll 4.3 (Ruby
// Liquid 5.4 + Jekyll's filters and tags) renders. liquidjs supplies the parser and the control
// flow; everything that prints, compares or computes is replaced by Ruby's semantics:
// - output: `{{ }}` writes Ruby's to_s (outputEscape runs ruby/values.ts#outputS on every
//   output; there is no `raw` filter in Ruby, so it always applies);
// - the filter table is exactly Ruby Liquid's StandardFilters plus Jekyll's filters — liquidjs's
//   own filters are removed, so an unknown filter passes its input through (or fails under
//   `strict_filters`), as in Jekyll;
// - templates are read as Ruby Liquid reads them, in the site's `liquid.error_mode` (warn, lax,
//   strict): Ruby's tokenizer and strict/lax parsers (ruby-syntax/), compiled to liquidjs
//   Values (front-end.ts, compile.ts); every Liquid tag is Ruby's (tags/), conditions use Ruby's
//   operators (operators.ts);
// - Jekyll's tags: include, include_relative, include_cached, highlight, link, post_url.
// Templates and includes are parsed once per build and cached; rendering is synchronous.
import path from "node:path";
import { Drop, Liquid, Tokenizer } from "liquidjs";
import type { Template as LiquidTemplate } from "liquidjs";
import type { LiquidHost } from "./host.js";
import { displayPath, formatWarning, toBuildError } from "./errors.js";
import { withinBudget } from "./budget.js";
import { limitsOf } from "../../config/limits.js";
import { readSourceText } from "../../read/source-text.js";
import { fixFloatLiterals } from "./float-literals.js";
import { installSyncValues, plainFilter } from "./sync-values.js";
import { dateFilters } from "./filters/date.js";
import { jekyllFilters } from "./filters/jekyll.js";
import { LiquidArgumentError, standardFilters } from "./filters/standard.js";
import type { FilterFn } from "./filters/types.js";
import { FILTER_ARITY, arityMessage } from "./filters/arity.js";
import { urlFilters } from "./filters/url.js";
import { rubyOperators } from "./operators.js";
import { outputS, truthy } from "../../ruby/values.js";
import { highlightTag } from "./tags/highlight.js";
import { includeCachedTag, includeRelativeTag, includeTag, type IncludeSupport } from "./tags/include.js";
import { linkTag, postUrlTag } from "./tags/links.js";
import { registerPluginTags } from "./tags/plugin-tags.js";
import { installRubyLiquid } from "./ruby-liquid.js";
import { errorModeOf } from "./ruby-syntax/error-mode.js";

export { RubyFloat } from "../../ruby/values.js";
export { SharedCounters, SHARED_COUNTERS } from "./tags/variables.js";
export type { LiquidHost } from "./host.js";

export interface Template {
  readonly file: string;
}

export interface JekyllLiquid {
  /** Parse once per build; the engine caches by file and source text. `lineOffset` = number of lines before `source` in the file (front matter), so error lines are file lines. Throws BuildError (src/errors.ts) with file and line on a syntax error. */
  parse(source: string, file: string, lineOffset?: number): Template;
  /** Synchronous render (liquidjs renderSync: Jekyll sites are small and sync is fastest). Throws BuildError naming the file and line where it failed — inside an include, the include's file and line. */
  render(template: Template, scope: Record<string, unknown>): string;
  /** Forget cached includes/templates (for `serve --watch`): one absolute path, or everything. */
  invalidate(absolutePath?: string): void;
}

class ParsedTemplate implements Template {
  constructor(readonly file: string, readonly source: string, readonly templates: LiquidTemplate[], readonly warnings: string[]) {}
}

let nullDropClass: Function | undefined;

// Filters see Ruby's nil for liquidjs's `nil` literal (a NullDrop) and for an undefined variable.
// (The class is taken from the literal's own value: a bundle may rename classes.)
function nilToNull(v: unknown): unknown {
  if (v === undefined) return null;
  if (!(v instanceof Drop)) return v;
  nullDropClass ??= (new Tokenizer("nil").readValue() as unknown as { content: object }).content.constructor;
  return v instanceof nullDropClass ? null : v;
}

/**
 * A filter called as Ruby's strainer calls it: nil for nil, and ArgumentError outside the method's
 * arity (which Liquid's strainer re-raises as a Liquid::ArgumentError: "Liquid error (line 2):
 * wrong number of arguments…" in Jekyll's message).
 */
function wrapFilter(fn: FilterFn, arity: readonly [number, number] | undefined): FilterFn {
  // Converts the arguments in place: this runs for every filter call of every page.
  return function (this: any, input: unknown, ...args: unknown[]) {
    if (arity && (args.length + 1 < arity[0] || args.length + 1 > arity[1])) throw new LiquidArgumentError(arityMessage(args.length + 1, arity));
    for (let i = 0; i < args.length; i++) args[i] = nilToNull(args[i]);
    args.unshift(nilToNull(input));
    return fn.apply(this, args as Parameters<FilterFn>);
  };
}

export function createLiquidEngine(host: LiquidHost): JekyllLiquid {
  const options = (host.config.liquid ?? {}) as Record<string, unknown>;
  const limits = limitsOf(host.config as Record<string, unknown>);
  const liquid = new Liquid({
    // Jekyll hands these to Liquid's render!, which tests them the Ruby way: `0` and "" are on.
    strictFilters: truthy(options.strict_filters),
    strictVariables: truthy(options.strict_variables),
    ownPropertyOnly: true,
    dynamicPartials: false,
    jekyllInclude: true,
    outputEscape: plainFilter((v: unknown) => outputS(v)),
    operators: rubyOperators,
    cache: false,
    // Ranges outside for loops (`assign r = (1..n)`) are built by liquidjs, which counts them
    // against memoryLimit; for loops count theirs in budget.ts before building them.
    memoryLimit: limits.loopIterations,
    // Only liquidjs's own date filter reads the locale, and Jekyll's date filters replace it; left
    // empty, liquidjs asks Intl for the default locale, ~14 ms of CPU on every build.
    locale: "en-US",
  });
  // Templates are read as Ruby Liquid reads them, in the site's `liquid.error_mode`.
  const frontEnd = installRubyLiquid(liquid, () => errorModeOf(host.config));

  const templates = new Map<string, ParsedTemplate>();
  const lineOffsets = new Map<string, number>();
  const partials = new Map<string, LiquidTemplate[]>();
  const support: IncludeSupport = {
    host,
    inclusions: new Map(),
    cachedOutput: new Map(),
    loadPartial(absolute) {
      let tpl = partials.get(absolute);
      if (!tpl) {
        const text = readSourceText(absolute, { display: path.relative(host.source, absolute) || absolute, maxBytes: limits.fileBytes, encoding: host.config.encoding });
        tpl = liquid.parse(text, absolute);
        fixFloatLiterals(tpl);
        installSyncValues(tpl);
        partials.set(absolute, tpl);
      }
      return tpl;
    },
  };

  // Jekyll's tags.
  liquid.registerTag("include", includeTag(support) as any);
  liquid.registerTag("include_relative", includeRelativeTag(support) as any);
  liquid.registerTag("include_cached", includeCachedTag(support) as any);
  liquid.registerTag("highlight", highlightTag(host) as any);
  liquid.registerTag("link", linkTag(host) as any);
  liquid.registerTag("post_url", postUrlTag(host) as any);

  // Plugins' tags, block tags and filters (optional host members).
  registerPluginTags(liquid, host);

  const filters = liquid.filters as Record<string, unknown>;
  for (const name of Object.keys(filters)) delete filters[name];
  const table = { ...standardFilters(host.timezone), ...dateFilters(host), ...urlFilters(host), ...jekyllFilters(host) };
  for (const [name, fn] of Object.entries(table)) liquid.registerFilter(name, wrapFilter(fn as FilterFn, FILTER_ARITY[name]) as any);
  for (const [name, fn] of Object.entries(host.customFilters ?? {})) liquid.registerFilter(name, wrapFilter(fn as FilterFn, undefined) as any);

  return {
    parse(source, file, lineOffset = 0) {
      const cached = templates.get(file);
      if (cached && cached.source === source) {
        // Jekyll's Renderer#render_liquid prints a template's warnings each time it renders it (its
        // LiquidRenderer caches the parsed template, warnings and all): a layout's for every page.
        for (const w of cached.warnings) host.warn?.("Liquid Warning:", w);
        return cached;
      }
      lineOffsets.set(file, lineOffset);
      let parsed: LiquidTemplate[];
      try {
        parsed = liquid.parse(source, file);
        fixFloatLiterals(parsed);
        installSyncValues(parsed);
      } catch (e) {
        throw toBuildError(e, host.source, lineOffsets, file);
      }
      // Jekyll prints the warnings of the templates it renders (pages, documents, layouts), not
      // of includes; each time one is rendered (a cached template's again above).
      const warnings = frontEnd.warnings.map((w) => formatWarning(w, displayPath(host.source, file)));
      for (const w of warnings) host.warn?.("Liquid Warning:", w);
      const t = new ParsedTemplate(file, source, parsed, warnings);
      templates.set(file, t);
      return t;
    },
    render(template, scope) {
      const t = template as ParsedTemplate;
      try {
        return withinBudget(limits, () => liquid.renderSync(t.templates, scope) as string);
      } catch (e) {
        throw toBuildError(e, host.source, lineOffsets, t.file);
      }
    },
    invalidate(absolutePath) {
      support.cachedOutput.clear();
      support.inclusions.clear();
      if (absolutePath === undefined) {
        templates.clear();
        partials.clear();
        return;
      }
      partials.delete(absolutePath);
      templates.delete(absolutePath);
    },
  };
}
