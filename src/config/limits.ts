// build-site's bounds on work that site input controls. Jekyll has none: a Liquid loop over
// (1..100000000), a YAML alias bomb read through `jsonify`, or a 50 MB Markdown file runs until
// the machine gives out. Each bound below ends the build with an error that names the file and
// line and the setting that raises it. The defaults are far above what real sites need (every
// site of the project's corpus and the 10,000-post benchmark stay well within them).
//
//   build_site:
//     limits:
//       render_seconds: 60          # one Liquid render (a page, or one of its layouts)
//       output_mb: 100              # what one Liquid render writes
//       loop_iterations: 10000000   # for/tablerow iterations in one Liquid render
//       file_mb: 10                 # a page, post, layout, include or data file read
//       yaml_alias_nodes: 1000000   # values YAML aliases add to one document
//       sass_seconds: 120           # one Sass compile (a stylesheet, or one sassify/scssify)
//       linked_folder_visits: 100   # times symlinks may lead into one folder (read/loop-guard.ts)
import { BuildError } from "../errors.js";

export interface Limits {
  renderMs: number;
  outputChars: number;
  loopIterations: number;
  fileBytes: number;
  yamlAliasNodes: number;
  sassMs: number;
  linkedFolderVisits: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  renderMs: 60_000,
  outputChars: 100 * 1024 * 1024,
  loopIterations: 10_000_000,
  fileBytes: 10 * 1024 * 1024,
  yamlAliasNodes: 1_000_000,
  sassMs: 120_000,
  linkedFolderVisits: 100,
};

/** The settings, by their name in `build_site.limits`, with how each maps to a Limits field. */
const SETTINGS: Array<[string, keyof Limits, number]> = [
  ["render_seconds", "renderMs", 1000],
  ["output_mb", "outputChars", 1024 * 1024],
  ["loop_iterations", "loopIterations", 1],
  ["file_mb", "fileBytes", 1024 * 1024],
  ["yaml_alias_nodes", "yamlAliasNodes", 1],
  ["sass_seconds", "sassMs", 1000],
  ["linked_folder_visits", "linkedFolderVisits", 1],
];

/** The `build_site.limits` of a configuration, over the defaults. */
export function limitsOf(config: Record<string, unknown> | undefined): Limits {
  const own = (config?.build_site as Record<string, unknown> | undefined)?.limits as Record<string, unknown> | undefined;
  const limits = { ...DEFAULT_LIMITS };
  if (!own || typeof own !== "object") return limits;
  for (const [name, field, unit] of SETTINGS) {
    const v = own[name];
    if (v === undefined || v === null) continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) {
      throw new BuildError(`build_site.limits.${name} must be a positive number (it is ${JSON.stringify(v)})`, {
        file: "_config.yml",
        hint: `Remove it to use the default, or set a number, e.g. ${name}: ${DEFAULT_LIMITS[field] / unit * 2}.`,
      });
    }
    limits[field] = n * unit;
  }
  return limits;
}

/** How a limit is named in messages, and how to raise it. */
export function raiseHint(setting: string, current: string): string {
  return `If the site really needs more, raise it in _config.yml: build_site: { limits: { ${setting}: … } } (now ${current}).`;
}
