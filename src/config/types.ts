// The configuration every stage reads: one object, as Jekyll's Configuration is one Hash, made by
// load.ts from the defaults, the config files and the command line.

/** Every `_config.yml` key (and Jekyll's defaults), by name. */
export type Config = Record<string, any>;

/** What the command line sets: `--source`, `--destination`, `--config a.yml,b.yml`, and the other flags' keys. */
export interface ConfigOverrides {
  source?: string;
  destination?: string;
  /** Config files, as given to `--config a.yml,b.yml` (relative to the working directory). */
  config?: string[];
  [key: string]: unknown;
}
