// State that lives as long as Jekyll's Site object, not one Site#process. A build runs one
// process, but a plugin that builds once per language may run several on one Site
// (jekyll-multiple-languages-plugin; jekyll-polyglot with `parallel_localization: false`), and
// what Jekyll memoizes on the Site or on a plugin instance (Site#filter_cache; a generator's
// `@x ||= …`: generators are made once, in Site#setup) carries over from one pass to the next.
// Here a build's config object stands for its Site: the values live in one Map under a symbol key,
// which `{ ...config }` copies, so passes made by copying a pass's (or the build's) config share it,
// and every build (and serve rebuild) loads its config afresh.

const LIFETIME = Symbol("Site lifetime");

function holder(config: Record<string | symbol, any>): Map<symbol, unknown> {
  if (!Object.hasOwn(config, LIFETIME)) Object.defineProperty(config, LIFETIME, { value: new Map(), enumerable: true, configurable: true });
  return config[LIFETIME] as Map<symbol, unknown>;
}

/** The value kept under `key` for the Site this config belongs to, made by `make` the first time. */
export function siteLifetime<T>(config: Record<string | symbol, any>, key: symbol, make: () => T): T {
  const values = holder(config);
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as T;
}

/** Makes the config's Site state now, so that every config copied from it shares it (passes on one Site). */
export function shareSiteLifetime(config: Record<string | symbol, any>): void {
  holder(config);
}

/** Gives a pass its own Site state, as a forked process starts from the Site before any pass. */
export function freshSiteLifetime(config: Record<string | symbol, any>): void {
  Object.defineProperty(config, LIFETIME, { value: new Map(), enumerable: true, configurable: true });
}
