// Command-line parsing with Jekyll's flag names. Hand-written because Jekyll's flags include
// forms that generic parsers treat differently (`--config a.yml,b.yml`, `-P 4000`, `--no-watch`).
import { BuildError } from "../errors.js";

export type Command = "build" | "serve" | "help" | "version";

export interface ParsedArgs {
  command: Command;
  /** Overrides passed to the configuration, with Jekyll's config key names. */
  overrides: Record<string, unknown>;
  trace: boolean;
  profile: boolean;
  /** `--force`: replace a destination that holds files build-site did not write. */
  force: boolean;
  level: "quiet" | "normal" | "verbose";
  serve: {
    watch: boolean;
    livereload: boolean;
    host?: string;
    port?: number;
    open: boolean;
    skipInitialBuild: boolean;
  };
}

interface FlagSpec {
  names: string[];
  /** Config key it sets, or a handler. */
  key?: string;
  value?: "string" | "list";
  apply?: (a: ParsedArgs, v?: string) => void;
}

const FLAGS: FlagSpec[] = [
  { names: ["-s", "--source"], key: "source", value: "string" },
  { names: ["-d", "--destination"], key: "destination", value: "string" },
  { names: ["--config"], key: "config", value: "list" },
  { names: ["-D", "--drafts"], key: "show_drafts" },
  { names: ["--future"], key: "future" },
  { names: ["--unpublished"], key: "unpublished" },
  { names: ["-b", "--baseurl"], key: "baseurl", value: "string" },
  { names: ["--limit_posts", "--limit-posts"], key: "limit_posts", value: "string" },
  { names: ["--safe"], key: "safe" },
  { names: ["-I", "--incremental"], key: "incremental" },
  { names: ["-t", "--trace"], apply: (a) => { a.trace = true; } },
  { names: ["-V", "--verbose"], apply: (a) => { a.level = "verbose"; a.overrides.verbose = true; } },
  { names: ["-q", "--quiet"], apply: (a) => { a.level = "quiet"; a.overrides.quiet = true; } },
  { names: ["--force"], apply: (a) => { a.force = true; } },
  { names: ["--profile"], apply: (a) => { a.profile = true; a.overrides.profile = true; } },
  { names: ["-w", "--watch"], apply: (a) => { a.serve.watch = true; } },
  { names: ["--no-watch"], apply: (a) => { a.serve.watch = false; } },
  { names: ["-l", "--livereload"], apply: (a) => { a.serve.livereload = true; } },
  { names: ["--no-livereload"], apply: (a) => { a.serve.livereload = false; } },
  { names: ["-H", "--host"], value: "string", apply: (a, v) => { a.serve.host = v; } },
  { names: ["-P", "--port"], value: "string", apply: (a, v) => { a.serve.port = Number(v); } },
  { names: ["-o", "--open-url"], apply: (a) => { a.serve.open = true; } },
  { names: ["--skip-initial-build"], apply: (a) => { a.serve.skipInitialBuild = true; } },
  { names: ["-h", "--help"], apply: (a) => { a.command = "help"; } },
  { names: ["-v", "--version"], apply: (a) => { a.command = "version"; } },
];

const COMMANDS: Record<string, Command> = { build: "build", b: "build", serve: "serve", server: "serve", s: "serve", help: "help" };

export function parseArgs(argv: string[]): ParsedArgs {
  const a: ParsedArgs = {
    command: "build",
    overrides: {},
    trace: false,
    profile: false,
    force: false,
    level: "normal",
    serve: { watch: true, livereload: true, open: false, skipInitialBuild: false },
  };
  let commandSeen = false;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let inline: string | undefined;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (!arg.startsWith("-")) {
      if (!commandSeen && COMMANDS[arg]) {
        commandSeen = true;
        if (a.command !== "help" && a.command !== "version") a.command = COMMANDS[arg]!;
        continue;
      }
      throw new BuildError(`unknown command or argument '${arg}'`, { hint: "Run `build-site --help` for the commands and flags." });
    }
    const spec = FLAGS.find((f) => f.names.includes(arg));
    if (!spec) throw new BuildError(`unknown flag '${arg}'`, { hint: "Run `build-site --help` for the flags build-site understands." });
    let value: string | undefined;
    if (spec.value) {
      value = inline ?? argv[++i];
      if (value === undefined) throw new BuildError(`the flag '${arg}' needs a value`, { hint: `e.g. ${arg} ${spec.value === "list" ? "_config.yml,_config.dev.yml" : "VALUE"}` });
    }
    if (spec.apply) spec.apply(a, value);
    else if (spec.key) {
      if (spec.value === "list") a.overrides[spec.key] = value!.split(",").map((s) => s.trim()).filter(Boolean);
      else if (spec.key === "limit_posts") a.overrides[spec.key] = Number(value);
      else a.overrides[spec.key] = spec.value ? value : true;
    }
  }
  // Jekyll's build command sets `serving: false`, serve sets it true; both show as site.serving.
  a.overrides.serving = a.command === "serve";
  if (a.command === "serve") {
    if (a.serve.host) a.overrides.host = a.serve.host;
    if (a.serve.port) a.overrides.port = String(a.serve.port);
  }
  return a;
}

export const HELP = `build-site — builds a Jekyll site the way Jekyll 4.3 does, without Ruby.

Usage:
  build-site [build] [options]     Build the site into ./_site (the default command)
  build-site serve [options]       Build, serve on http://127.0.0.1:4000, rebuild on change

Options (Jekyll's names and meanings):
  -s, --source DIR          Site source (default: the current directory)
  -d, --destination DIR     Where to write the site (default: ./_site)
      --config A[,B...]     Configuration files, later ones win (default: _config.yml)
  -D, --drafts              Render posts in _drafts
      --future              Publish posts and documents dated in the future
      --unpublished         Render documents with published: false
  -b, --baseurl URL         Serve the site from a sub-path
      --limit-posts N       Only the N newest posts
      --safe                Safe mode (symlinks out of the source are ignored)
      --force               Replace a destination that holds files build-site did not
                            write (it names them when it refuses)
      --profile             Print a table of the slowest templates
  -t, --trace               Show the full stack of an error
  -V, --verbose             Print more
  -q, --quiet               Print only warnings and errors
  -h, --help                This text
  -v, --version             The version

Serve options:
  -w, --watch / --no-watch              Rebuild when files change (default: on)
  -l, --livereload / --no-livereload    Reload open pages after a rebuild (default: on)
  -H, --host HOST                       Host to listen on (default: 127.0.0.1)
  -P, --port PORT                       Port (default: 4000)
  -o, --open-url                        Open the site in a browser
  -I, --incremental                     (accepted; rebuilds are always incremental-safe)
      --skip-initial-build              Serve the existing _site without building first

Environment:
  JEKYLL_ENV                Sets jekyll.environment (default: development)
`;
