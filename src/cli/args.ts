// Command-line parsing with Jekyll's command and flag names. Hand-written because Jekyll's flags
// include forms that generic parsers treat differently (`--config a.yml,b.yml`, `-P 4000`,
// `--no-watch`, both `--limit_posts` and `--limit-posts`).
//
// As in Jekyll, most flags become configuration keys (`--future` is `future: true`, visible as
// `site.future`), so a site may set the same things in `_config.yml`; the rest steer the command.
// Flags that belong to one command (`serve`'s `--port`, `new`'s `--blank`) are errors elsewhere,
// as Jekyll's "invalid option" is.
import { BuildError } from "../errors.js";

export type Command = "build" | "serve" | "new" | "clean" | "doctor" | "citations" | "help" | "version";

export interface ParsedArgs {
  command: Command;
  /** The command line as given (`serve --detach` starts its background server with it). */
  argv: string[];
  /** Arguments after the command that are not flags: `new`'s PATH, `help`'s topic. */
  positionals: string[];
  /** Overrides passed to the configuration, with Jekyll's config key names. */
  overrides: Record<string, unknown>;
  trace: boolean;
  profile: boolean;
  /** `--force`: replace a destination that holds files build-site did not write. */
  force: boolean;
  level: "quiet" | "normal" | "verbose";
  /** `-w/--watch` or `--no-watch` as given; unset leaves each command's default (serve: on, build: off). */
  watch?: boolean;
  serve: {
    watch: boolean;
    livereload: boolean;
    /** `-l/--livereload` or `--no-livereload` was given (`--detach` gives way to an explicit `-l`, as in Jekyll). */
    livereloadGiven: boolean;
    host?: string;
    port?: number;
    open: boolean;
    skipInitialBuild: boolean;
  };
  new: { force: boolean; blank: boolean; skipBundle: boolean };
}

interface FlagSpec {
  names: string[];
  /** Config key it sets, or a handler. */
  key?: string;
  value?: "string" | "list" | "integer";
  apply?: (a: ParsedArgs, v?: string) => void;
  /** The only command that takes it (default: every command). */
  only?: "serve" | "new";
}

const FLAGS: FlagSpec[] = [
  // Jekyll's global options.
  { names: ["-s", "--source"], key: "source", value: "string" },
  { names: ["-d", "--destination"], key: "destination", value: "string" },
  { names: ["--safe"], key: "safe" },
  { names: ["-p", "--plugins"], key: "plugins_dir", value: "list" },
  { names: ["--layouts"], key: "layouts_dir", value: "string" },
  { names: ["--profile"], apply: (a) => { a.profile = true; a.overrides.profile = true; } },
  { names: ["-t", "--trace"], apply: (a) => { a.trace = true; } },
  { names: ["-h", "--help"], apply: (a) => { a.command = "help"; } },
  { names: ["-v", "--version"], apply: (a) => { a.command = "version"; } },
  // Jekyll's build options (build, serve, clean).
  { names: ["--config"], key: "config", value: "list" },
  { names: ["-D", "--drafts"], key: "show_drafts" },
  { names: ["--future"], key: "future" },
  { names: ["--unpublished"], key: "unpublished" },
  { names: ["-b", "--baseurl"], key: "baseurl", value: "string" },
  { names: ["--limit_posts", "--limit-posts"], key: "limit_posts", value: "integer" },
  { names: ["-I", "--incremental"], key: "incremental" },
  { names: ["--force_polling", "--force-polling"], key: "force_polling" },
  { names: ["--disable-disk-cache"], key: "disable_disk_cache" },
  { names: ["--strict_front_matter", "--strict-front-matter"], key: "strict_front_matter" },
  { names: ["-w", "--watch"], apply: (a) => { a.watch = true; } },
  { names: ["--no-watch"], apply: (a) => { a.watch = false; } },
  { names: ["-V", "--verbose"], apply: (a) => { a.level = "verbose"; a.overrides.verbose = true; } },
  { names: ["-q", "--quiet"], apply: (a) => { a.level = "quiet"; a.overrides.quiet = true; } },
  // serve's options.
  { names: ["-l", "--livereload"], only: "serve", apply: (a) => { a.serve.livereload = true; a.serve.livereloadGiven = true; } },
  { names: ["--no-livereload"], only: "serve", apply: (a) => { a.serve.livereload = false; a.serve.livereloadGiven = true; } },
  { names: ["--livereload-port"], only: "serve", key: "livereload_port", value: "integer" },
  { names: ["--livereload-ignore"], only: "serve", key: "livereload_ignore", value: "list" },
  { names: ["-H", "--host"], only: "serve", value: "string", apply: (a, v) => { a.serve.host = v; } },
  { names: ["-P", "--port"], only: "serve", value: "integer", apply: (a, v) => { a.serve.port = Number(v); } },
  { names: ["-o", "--open-url"], only: "serve", apply: (a) => { a.serve.open = true; } },
  { names: ["-B", "--detach"], only: "serve", key: "detach" },
  { names: ["--show-dir-listing"], only: "serve", key: "show_dir_listing" },
  { names: ["--ssl-cert"], only: "serve", key: "ssl_cert", value: "string" },
  { names: ["--ssl-key"], only: "serve", key: "ssl_key", value: "string" },
  { names: ["--skip-initial-build"], only: "serve", apply: (a) => { a.serve.skipInitialBuild = true; } },
  // new's options.
  // build and serve: replace a destination holding files build-site did not write
  // (write/destination.ts); new: write into a folder that is not empty.
  { names: ["--force"], apply: (a) => { a.force = true; a.new.force = true; } },
  { names: ["--blank"], only: "new", apply: (a) => { a.new.blank = true; } },
  { names: ["--skip-bundle"], only: "new", apply: (a) => { a.new.skipBundle = true; } },
];

const COMMANDS: Record<string, Command> = {
  build: "build", b: "build",
  serve: "serve", server: "serve", s: "serve",
  new: "new", clean: "clean",
  doctor: "doctor", hyde: "doctor",
  citations: "citations",
  help: "help",
};

/** Commands that take arguments besides flags. */
const TAKES_POSITIONALS = new Set<Command>(["new", "help"]);

export function parseArgs(argv: string[]): ParsedArgs {
  const a: ParsedArgs = {
    command: "build",
    argv: [...argv],
    positionals: [],
    overrides: {},
    trace: false,
    profile: false,
    force: false,
    level: "normal",
    serve: { watch: true, livereload: true, livereloadGiven: false, open: false, skipInitialBuild: false },
    new: { force: false, blank: false, skipBundle: false },
  };
  let named: Command | undefined;
  const scoped: Array<{ flag: string; only: "serve" | "new" }> = [];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (!arg.startsWith("-") || arg === "-") {
      if (named === undefined && COMMANDS[arg]) {
        named = COMMANDS[arg]!;
        continue;
      }
      if (named !== undefined && TAKES_POSITIONALS.has(named)) {
        a.positionals.push(arg);
        continue;
      }
      throw new BuildError(`unknown command or argument '${arg}'`, { hint: "Run `build-site --help` for the commands and flags." });
    }
    const spec = FLAGS.find((f) => f.names.includes(arg));
    if (!spec) throw new BuildError(`unknown flag '${arg}'`, { hint: "Run `build-site --help` for the flags build-site understands." });
    if (spec.only) scoped.push({ flag: arg, only: spec.only });
    let value: string | undefined;
    if (spec.value) {
      value = inline ?? argv[++i];
      if (value === undefined) throw new BuildError(`the flag '${arg}' needs a value`, { hint: `e.g. ${arg} ${spec.value === "list" ? "a,b" : spec.value === "integer" ? "4000" : "VALUE"}` });
      if (spec.value === "integer" && !/^\d+$/.test(value.trim())) {
        throw new BuildError(`the flag '${arg}' needs a whole number, not '${value}'`, { hint: `e.g. ${arg} ${arg.includes("port") || arg === "-P" ? "4000" : "10"}` });
      }
    }
    if (spec.apply) spec.apply(a, value);
    if (spec.key) {
      if (spec.value === "list") a.overrides[spec.key] = value!.split(",").map((s) => s.trim()).filter(Boolean);
      else if (spec.value === "integer") a.overrides[spec.key] = Number(value);
      else a.overrides[spec.key] = spec.value ? value : true;
    }
  }
  if (a.command !== "help" && a.command !== "version") a.command = named ?? "build";
  for (const { flag, only } of scoped) {
    if (a.command === only || a.command === "help" || a.command === "version") continue;
    throw new BuildError(`the flag '${flag}' belongs to \`build-site ${only}\`, not \`build-site ${a.command}\``, {
      hint: "Run `build-site --help` for which command takes which flag.",
    });
  }
  if (a.positionals.length && a.command !== "new" && a.command !== "help") {
    throw new BuildError(`unknown command or argument '${a.positionals[0]}'`, { hint: "Run `build-site --help` for the commands and flags." });
  }
  if (a.watch !== undefined) a.serve.watch = a.watch;
  // Jekyll's build command sets `serving: false`, serve sets it true; both show as site.serving.
  a.overrides.serving = a.command === "serve";
  if (a.command === "serve") {
    if (a.serve.host) a.overrides.host = a.serve.host;
    if (a.serve.port !== undefined) a.overrides.port = String(a.serve.port);
  }
  return a;
}

export const HELP = `build-site — builds a Jekyll site the way Jekyll 4.3 does, without Ruby.

Usage:
  build-site [build] [options]     Build the site into ./_site (the default command)
  build-site serve [options]       Build, serve on http://127.0.0.1:4000, rebuild on change
  build-site new PATH [options]    Make a new site in PATH (from build-site's starter)
  build-site clean [options]       Remove the built site and the caches, without building
  build-site doctor [options]      Look for problems: URL conflicts, URLs differing only by case,
                                   deprecated settings, a missing or relative \`url\`
  build-site citations [options]   Fetch citation counts of the site's publications (DOI/arXiv id)
                                   from OpenAlex and Semantic Scholar into _data/citations.json
  build-site help                  This text

Options of every command (Jekyll's names and meanings):
  -s, --source DIR          Site source (default: the current directory)
  -d, --destination DIR     Where to write the site (default: ./_site)
      --safe                Safe mode (symlinks out of the source are ignored)
      --force               build, serve: replace a destination holding files build-site
                            did not write (it names them when it refuses)
  -p, --plugins DIR[,DIR]   Plugin folders (plugins_dir, default: ./_plugins)
      --layouts DIR         Layouts folder (layouts_dir, default: ./_layouts)
      --profile             Print a table of the slowest templates
  -t, --trace               Show the full stack of an error
  -h, --help                This text
  -v, --version             The version

Build options (build, serve, clean, doctor; citations reads --config):
      --config A[,B...]     Configuration files (.yml, .yaml or .toml), later ones win
                            (default: _config.yml, else _config.yaml, else _config.toml)
  -D, --drafts              Render posts in _drafts
      --future              Publish posts and documents dated in the future
      --unpublished         Render documents with published: false
  -b, --baseurl URL         Serve the site from a sub-path
      --limit-posts N       Only the N newest posts
  -w, --watch / --no-watch  Rebuild when files change (build: off, serve: on)
  -I, --incremental         With --watch, rebuild only the pages a change affects
                            (serve always does)
      --force_polling       Watch by polling the files instead of file-system events
      --disable-disk-cache  Keep no cache on disk (.build-site-cache/)
      --strict_front_matter Fail on front matter YAML that does not parse (default: warn, build without it)
  -V, --verbose             Print more
  -q, --quiet               Print only warnings and errors

Serve options:
  -l, --livereload / --no-livereload    Reload open pages after a rebuild (default: on)
      --livereload-ignore GLOB[,GLOB]   Changes to these source files reload no page
      --livereload-port PORT            Accepted for Jekyll's sake: live reload uses the
                                        site's own port, so there is no second one
  -H, --host HOST                       Host to listen on (default: 127.0.0.1)
  -P, --port PORT                       Port (default: 4000)
  -o, --open-url                        Open the site in a browser
  -B, --detach                          Run the server in the background (no watching)
      --show-dir-listing                List a folder's files instead of its index.html
      --ssl-cert FILE, --ssl-key FILE   Serve over HTTPS (both files inside the source)
      --skip-initial-build              Serve the existing _site without building first

New options:
      --blank               An empty site (a layout, a stylesheet, one page) instead of the starter
      --force               Write into PATH even if it is not empty (files there are overwritten)
      --skip-bundle         Accepted for Jekyll's sake (build-site has no Gemfile to install)

Environment:
  JEKYLL_ENV                Sets jekyll.environment (default: development)
`;
