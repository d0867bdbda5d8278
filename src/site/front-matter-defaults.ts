// Jekyll's FrontmatterDefaults: `defaults:` sets from _config.yml applied by scope path (a prefix,
// or a glob over existing paths) and type. Of two matching sets, the one with the longer scope path
// wins; on equal length, one with a `type` beats one without; otherwise the later set wins.
import { deepMerge, isPlainObject } from "../config/merge.js";
import { dirGlob } from "../ruby/dir-glob.js";

interface DefaultSet {
  scope: Record<string, any>;
  values: Record<string, any>;
}

const DEPRECATED_TYPES: Record<string, string> = { page: "pages", post: "posts", draft: "drafts" };

function sanitizePath(p: unknown): string {
  if (typeof p !== "string" || p === "") return "";
  return p.startsWith("/") ? p.replace(/^\//, "").replace(/(?<=[^/])$/, "") : p;
}

export class FrontMatterDefaults {
  private readonly sets: DefaultSet[];
  private readonly cache = new Map<string, DefaultSet[]>();
  /** Glob_cache: each glob scope's matches, found once per build as Site#reset leaves it. */
  private readonly globs = new Map<string, string[]>();

  constructor(
    rawSets: unknown,
    private readonly collectionsDir: string,
    /** The site source, which glob scopes are matched against as Jekyll's Dir.glob does. */
    private readonly source: string,
    private readonly warn: (msg: string) => void = () => {},
  ) {
    this.sets = [];
    if (!Array.isArray(rawSets)) return;
    for (const set of rawSets) {
      if (!isPlainObject(set) || !isPlainObject(set.values)) {
        this.warn(`Defaults: An invalid front-matter default set was found: ${JSON.stringify(set)}`);
        continue;
      }
      const scope = isPlainObject(set.scope) ? { ...set.scope } : {};
      if (typeof scope.type === "string" && DEPRECATED_TYPES[scope.type]) scope.type = DEPRECATED_TYPES[scope.type];
      this.sets.push({ scope, values: set.values });
    }
  }

  /** Every default value that applies to `path` (relative to the source) of `type`, merged by precedence. */
  all(path: string, type: string | null): Record<string, any> {
    let defaults: Record<string, any> = {};
    let oldScope: Record<string, any> | null = null;
    for (const set of this.matching(path, type)) {
      if (this.hasPrecedence(oldScope, set.scope)) {
        defaults = deepMerge(defaults, set.values);
        oldScope = set.scope;
      } else {
        defaults = deepMerge(set.values, defaults);
      }
    }
    return defaults;
  }

  get isEmpty(): boolean {
    return this.sets.length === 0;
  }

  private matching(path: string, type: string | null): DefaultSet[] {
    const key = `${type ?? ""}\0${path}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.sets.filter((s) => this.applies(s.scope, path, type));
      this.cache.set(key, found);
    }
    return found;
  }

  private applies(scope: Record<string, any>, path: string, type: string | null): boolean {
    if ("type" in scope && String(scope.type) !== (type ?? "")) return false;
    const scopePath = scope.path;
    if (typeof scopePath !== "string" || scopePath === "") return true;
    const sanitized = sanitizePath(path);
    if (scopePath.includes("*")) return this.globApplies(sanitized, scopePath);
    return sanitized.startsWith(this.stripCollectionsDir(scopePath));
  }

  /**
   * FrontmatterDefaults#glob_scope: Dir.glob runs over the site source (src/ruby/dir-glob.ts: a
   * pattern ending in a slash finds folders only), each match loses the collections_dir, and the
   * set applies to every path that starts with a match, as a string (path_is_subpath? is
   * start_with?): a `docs*` + `/` scope that finds the folder `docs` applies to `docs/a.md` and
   * also to the file `docs-notes.md`.
   */
  private globApplies(path: string, scopePath: string): boolean {
    let matches = this.globs.get(scopePath);
    if (!matches) {
      matches = dirGlob(this.source, scopePath).map((m) => this.stripCollectionsDir(m));
      this.globs.set(scopePath, matches);
    }
    return matches.some((m) => path.startsWith(m));
  }

  private stripCollectionsDir(p: string): string {
    const dir = this.collectionsDir;
    if (!dir || !p.startsWith(`${dir}/`)) return p;
    return p.slice(dir.length + 1);
  }

  private hasPrecedence(oldScope: Record<string, any> | null, newScope: Record<string, any>): boolean {
    if (oldScope === null) return true;
    const newPath = sanitizePath(newScope.path);
    const oldPath = sanitizePath(oldScope.path);
    if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
    if ("type" in newScope) return true;
    return !("type" in oldScope);
  }
}
