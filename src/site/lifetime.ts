// State that lives as long as Jekyll's Site object, not one Site#process. A build runs one
// process, but a plugin that builds once per language runs several on one Site
// (jekyll-multiple-languages-plugin, and jekyll-polyglot with `parallel_localization: false`), and
// what Jekyll memoizes on the Site or on a plugin instance (Site#filter_cache; a generator's
// `@x ||= …`: generators are made once, in Site#setup) carries over from one pass to the next.
// Here a build's config object stands for its Site: the passes copy it (`{ ...config }` copies
// symbol keys), so what is kept under a symbol key is shared by them and is new for every build
// that loads its config afresh.

/** The value kept under `key` for the Site this config belongs to, made by `make` the first time. */
export function siteLifetime<T>(config: Record<string | symbol, any>, key: symbol, make: () => T): T {
  if (Object.hasOwn(config, key)) return config[key] as T;
  const value = make();
  Object.defineProperty(config, key, { value, enumerable: true, configurable: true });
  return value;
}
