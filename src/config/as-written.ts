// `site.source` and `site.destination` as a template sees them. Jekyll's Site#config= expands
// both (File.expand_path) for its own use but leaves `config["source"]` and
// `config["destination"]` as written, and SiteDrop falls back to the config for them: measured
// with Jekyll 4.3.1, `source: src` (or `-s src`) prints `src`, `-d ./out/` prints `./out/`, and
// only the defaults (Dir.pwd, and Dir.pwd + "/_site") are absolute. build-site's config holds the
// absolute paths it builds with; what was written rides along under a symbol key, which `{ ...config }`
// copies (the per-language passes keep it), JSON and the site's key list do not see, and a
// config loaded afresh (a worker, a rebuild) makes again.

const AS_WRITTEN = Symbol("source and destination as written");

export interface WrittenPaths {
  source?: string;
  destination?: string;
}

/** Records what the command line or the configuration wrote for source and destination (undefined: the default). */
export function recordAsWritten(config: Record<string | symbol, any>, written: WrittenPaths): void {
  Object.defineProperty(config, AS_WRITTEN, { value: written, enumerable: true, configurable: true });
}

/** What a template prints for `site.<key>`: the value as written, or the config's (absolute) one. */
export function asWritten(config: Record<string | symbol, any>, key: "source" | "destination"): unknown {
  const written = (config[AS_WRITTEN] as WrittenPaths | undefined)?.[key];
  return written ?? config[key];
}
