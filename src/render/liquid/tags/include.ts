// Jekyll's `include` (OptimizedIncludeTag), `include_relative` and jekyll-include-cache's
// `include_cached` (lib/jekyll/tags/include.rb, jekyll-include-cache/tag.rb).
//
// - The file name may hold Liquid (`{% include {{ page.x }} %}`), rendered at render time.
// - Names with `..`, `./`, `//` or characters outside `[\w/.\-()+~#@]` fail with Jekyll's
//   "Invalid syntax for include tag. File contains invalid characters or sequences" message;
//   parameters must be `key=value` pairs ("Invalid syntax for include tag:" at parse time).
// - Parameters are exposed as `include.*` in a new scope for the include's duration; the
//   include's `assign`/`capture` write to the page's scope and stay visible after it.
// - `include` searches host.includeDirs (site, then theme); `include_relative` the folder of
//   the page being rendered (its `path`, under `collections_dir` for collection documents).
// - An include must not resolve (through symlinks) outside the site, in every mode (in safe
//   mode, as in Jekyll, not outside its own folder either).
// - `include_cached` renders once per distinct file and parameter values per build.
// The tags render synchronously (plain functions, not liquidjs generators; see sync-render.ts).
import fs from "node:fs";
import path from "node:path";
import { Tag } from "liquidjs";
import type { Value } from "liquidjs";
import type { Context, Emitter, Liquid, TagToken, Template, TopLevelToken } from "liquidjs";
import type { LiquidHost } from "../host.js";
import { compileExpression } from "../compile.js";
import { storedValue } from "../operators.js";
import { parseExpression } from "../ruby-syntax/expression.js";
import { runSync } from "../sync-values.js";
import { collectionsDirJoined } from "../../../config/collections-dir.js";
import { inspect, isHash, plain, rubyClass, truthy } from "../../../ruby/values.js";
import { LimitError } from "../budget.js";
import { sanitizedPath } from "../../../write/contain.js";
import { isInside, realFolder } from "../../../read/outside-site.js";

/** Whether the real path `real` (a file's) lies inside the folder `dir` (by its real path). */
function insideReal(real: string, dir: string): boolean {
  const root = realFolder(dir);
  return root !== null && isInside(real, root);
}

export interface IncludeSupport {
  host: LiquidHost;
  /** Parsed templates of an include file, parsed once per build. */
  loadPartial(absolutePath: string): Template[];
  /** `include` lookups by name (Jekyll's site.inclusions). */
  inclusions: Map<string, string>;
  /** Rendered `include_cached` output by key. */
  cachedOutput: Map<string, string>;
  /** The config of the Site render `cachedOutput` belongs to (see includeCachedTag). */
  cachedOutputOwner?: object;
}

const VALID_SYNTAX = /([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))/g;
const VALID_SYNTAX_SRC = VALID_SYNTAX.source;
const VARIABLE_SYNTAX = /([^{]*(?:\{\{\s*[\w\-.]+\s*(?:\|.*)?\}\}[^\s{}]*)+)(.*)/s;
const FULL_VALID_SYNTAX = new RegExp(String.raw`^\s*(?:${VALID_SYNTAX_SRC}(?=\s|$)\s*)*$`);
const VALID_FILENAME_CHARS = /^[\w/.\-()+~#@]+$/m;
const INVALID_SEQUENCES = /[./]{2,}/;

/** Ruby Liquid's Block::MAX_DEPTH. Rendering is synchronous, so one counter per thread suffices. */
const MAX_INCLUDE_DEPTH = 100;
let includeDepth = 0;

type Param = { key: string; quoted?: string; variable?: Value };

function syntaxExample(tag: string): string {
  return `{% ${tag} file.ext param='value' param2='value' %}`;
}

/**
 * IncludeTag#initialize's split of the markup: the file (which may hold `{{ }}`, then
 * `variable`) and the parameters after it (null when there are none), checked against
 * VALID_SYNTAX as Jekyll checks them ("Invalid syntax for include tag:").
 */
export function splitIncludeMarkup(markup: string, tag: string): { file: string; params: string | null; variable: boolean } {
  const m = VARIABLE_SYNTAX.exec(markup);
  let file: string;
  let params: string | undefined;
  if (m) {
    file = m[1]!.trim();
    params = m[2]!.trim();
  } else {
    const split = /^(\S*)(?:\s+([\s\S]*))?$/.exec(markup)!;
    file = split[1]!;
    params = split[2];
  }
  if (params !== undefined && !FULL_VALID_SYNTAX.test(params)) {
    throw new Error(`Invalid syntax for include tag:\n\n${params}\n\nValid syntax:\n\n${syntaxExample(tag)}\n\n`);
  }
  return { file, params: params ?? null, variable: m !== null };
}

/** IncludeTag#parse_params' pairs: a quoted value (its escaped quotes unescaped), or the markup of a variable. */
function parseParams(params: string): Array<{ key: string; quoted?: string; variable?: string }> {
  const out: Array<{ key: string; quoted?: string; variable?: string }> = [];
  for (const [, key, dq, sq, name] of params.matchAll(VALID_SYNTAX)) {
    if (dq !== undefined) out.push({ key: key!, quoted: dq.replace(/\\"/g, '"') });
    else if (sq !== undefined) out.push({ key: key!, quoted: sq.replace(/\\'/g, "'") });
    else out.push({ key: key!, variable: name! });
  }
  return out;
}

/** IncludeTag#parse_params for a plugin's include-like tag: each value, a variable's looked up with `evaluate`. */
export function includeParams(params: string, evaluate: (markup: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of parseParams(params)) out[p.key] = p.quoted !== undefined ? p.quoted : storedValue(plain(evaluate(p.variable!)));
  return out;
}

/** IncludeTag#validate_file_name: no `..`, `./`, `//`, and only `[\w/.\-()+~#@]`. */
export function checkIncludeFileName(file: string, tag: string): void {
  if (INVALID_SEQUENCES.test(file) || !VALID_FILENAME_CHARS.test(file)) {
    throw new Error(`Invalid syntax for include tag. File contains invalid characters or sequences:\n\n  ${file}\n\nValid syntax:\n\n  ${syntaxExample(tag)}\n\n`);
  }
}

abstract class IncludeBase extends Tag {
  protected readonly fileMarkup: string;
  protected readonly fileTemplates: Template[] | null;
  protected readonly params: Param[] | null;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, protected readonly support: IncludeSupport) {
    super(token, remain, liquid);
    const { file, params, variable } = splitIncludeMarkup(token.args.trim(), this.name);
    this.fileMarkup = file;
    this.fileTemplates = variable ? liquid.parse(file) : null;
    this.params = params === null ? null : parseParams(params).map((p) => p.quoted !== undefined ? { key: p.key, quoted: p.quoted } : {
      key: p.key,
      // `context[variable]`: Expression.parse of the markup.
      variable: compileExpression(parseExpression(p.variable), { input: token.input, begin: token.begin, end: token.end, file: token.file }),
    });
  }

  /** The last file name that passed the check below (a tag's name rarely changes between renders). */
  private validFile: string | undefined;

  protected fileName(ctx: Context): string {
    const file = this.fileTemplates ? (runSync(this.liquid.renderer.renderTemplates(this.fileTemplates, ctx)) as string) : this.fileMarkup;
    if (file === this.validFile) return file;
    checkIncludeFileName(file, this.name);
    this.validFile = file;
    return file;
  }

  protected paramValues(ctx: Context): Record<string, unknown> | null {
    if (!this.params) return null;
    const out: Record<string, unknown> = {};
    for (const p of this.params) {
      out[p.key] = p.variable ? storedValue(plain(runSync(p.variable.value(ctx, false)))) : p.quoted;
    }
    return out;
  }

  protected includeDirs(_ctx: Context): string[] {
    return this.support.host.includeDirs;
  }

  protected locate(file: string, dirs: string[]): string {
    const safe = truthy(this.support.host.config.safe);
    const source = this.support.host.source;
    let refused: { shown: string; real: string; outside: string } | undefined;
    for (const dir of dirs) {
      const candidate = path.join(dir, file);
      try {
        if (!fs.statSync(candidate).isFile()) continue;
        // In every mode an include must really be in the site (or, for a theme's `_includes`, in
        // that folder): build-site reads nothing outside the site. Jekyll checks only in safe
        // mode (valid_include_file?), and there with realpath_prefixed_with?, a string prefix
        // test against the folder as written; a path test against the folder's real path also
        // refuses `/site/_includes-x`. In safe mode, as in Jekyll, the include must also stay
        // in its own folder; otherwise a symlink to elsewhere in the site is followed.
        const real = fs.realpathSync(candidate);
        const inSite = candidate.startsWith(`${source}/`);
        const allowed = inSite ? insideReal(real, source) && (!safe || insideReal(real, dir)) : insideReal(real, dir);
        if (!allowed) {
          const outside = !inSite ? "the theme's includes folder" : insideReal(real, source) ? `its folder (safe mode)` : "the site";
          refused ??= { shown: inSite ? path.relative(source, candidate) : candidate, real, outside };
          continue;
        }
        return candidate;
      } catch {
        continue;
      }
    }
    const list = `[${dirs.map((d) => inspect(d)).join(", ")}]`;
    const why = refused ? ` (${refused.shown} leads to ${refused.real}, outside ${refused.outside}: build-site reads nothing outside the site. ` +
      "Copy the file into the site instead of linking to it.)" : "";
    throw new Error(`Could not locate the included file '${file}' in any of ${list}. Ensure it exists in one of those directories and` +
      (safe ? " is not a symlink as those are not allowed in safe mode." : ", if it is a symlink, does not point outside your site source.") + why);
  }

  protected resolve(ctx: Context): string {
    const file = this.fileName(ctx);
    return this.locate(file, this.includeDirs(ctx));
  }

  protected renderInclude(ctx: Context, emitter: Emitter | undefined, absolute: string, params: Record<string, unknown> | null): string {
    this.support.host.recordDependency?.(absolute);
    const templates = this.support.loadPartial(absolute);
    // Ruby Liquid's Context#check_overflow: past 100 nested scopes, "Nesting too deep" (an
    // include that includes itself); without it the JavaScript stack overflows instead.
    if (includeDepth >= MAX_INCLUDE_DEPTH) {
      throw new LimitError("Nesting too deep: includes include each other more than 100 levels deep",
        "An include includes itself, directly or through other includes: make the recursion stop, e.g. with an {% if %} around the include.");
    }
    includeDepth++;
    ctx.push(params ? { include: params } : {});
    try {
      return runSync(this.liquid.renderer.renderTemplates(templates, ctx, emitter)) as string;
    } finally {
      ctx.pop();
      includeDepth--;
    }
  }
}

export function includeTag(support: IncludeSupport) {
  return class IncludeTag extends IncludeBase {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid, support);
    }
    render(ctx: Context, emitter: Emitter): any {
      const file = this.fileName(ctx);
      let absolute = support.inclusions.get(file);
      if (!absolute) support.inclusions.set(file, (absolute = this.locate(file, this.includeDirs(ctx))));
      this.renderInclude(ctx, emitter, absolute, this.paramValues(ctx));
    }
  };
}

/** The folder of the page being rendered, as Jekyll's IncludeRelativeTag#page_path finds it. */
function pageDir(ctx: Context, host: LiquidHost): string {
  const page = plain((ctx.environments as Record<string, unknown>)["page"]);
  if (!isHash(page) || typeof page.path !== "string") return host.source;
  let p = page.path;
  if (page.collection) p = path.posix.join(collectionsDirJoined(host.config), p);
  p = p.replace(/\/#excerpt$/, "");
  // IncludeRelativeTag#page_path: site.in_source_dir(File.dirname(path)), Jekyll.sanitized_path,
  // which makes a top-level page's "." into "<source>/" (the trailing slash shows in the "Could
  // not locate" message).
  return sanitizedPath(host.source, path.posix.dirname(p));
}

export function includeRelativeTag(support: IncludeSupport) {
  return class IncludeRelativeTag extends IncludeBase {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid, support);
    }
    protected override includeDirs(ctx: Context): string[] {
      return [pageDir(ctx, support.host)];
    }
    render(ctx: Context, emitter: Emitter): any {
      const absolute = this.resolve(ctx);
      this.renderInclude(ctx, emitter, absolute, this.paramValues(ctx));
    }
  };
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

/** Ruby's `value.hash` for the cache key: content for scalars, identity for objects (as Drops by object_id). */
function paramKey(v: unknown): string {
  if (typeof v === "object" && v !== null) {
    let id = objectIds.get(v);
    if (!id) objectIds.set(v, (id = nextObjectId++));
    return `#${id}`;
  }
  return `${rubyClass(v)}:${inspect(v)}`;
}

export function includeCachedTag(support: IncludeSupport) {
  return class IncludeCachedTag extends IncludeBase {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid, support);
    }
    render(ctx: Context, emitter: Emitter): any {
      const absolute = this.resolve(ctx);
      const params = this.paramValues(ctx);
      const key = absolute + "\0" + (params ? Object.keys(params).sort().map((k) => paramKey(params[k])).join("\0") : "");
      // JekyllIncludeCache.reset runs at every :site :pre_render, so each Site#render starts empty:
      // one per build, but one per language with jekyll-multiple-languages-plugin, whose passes
      // render on one engine here (a pass's config object stands for its render).
      if (support.cachedOutputOwner !== support.host.config) {
        support.cachedOutput.clear();
        support.cachedOutputOwner = support.host.config;
      }
      let html = support.cachedOutput.get(key);
      if (html === undefined) {
        html = this.renderInclude(ctx, undefined, absolute, params);
        support.cachedOutput.set(key, html);
      }
      emitter.write(html);
    }
  };
}


