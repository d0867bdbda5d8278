// Command-line parsing: Jekyll's commands and aliases, each flag's configuration key and value,
// flags that belong to one command, and what `--livereload-ignore`'s globs match.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseArgs } from "../../../src/cli/args.js";
import { fnmatchRegExp, outputsToReload } from "../../../src/serve/livereload-ignore.js";
import { insideSource } from "../../../src/cli/serve-options.js";
import { BuildError } from "../../../src/errors.js";

test("commands and Jekyll's aliases", () => {
  const cases: Record<string, string> = { build: "build", b: "build", serve: "serve", server: "serve", s: "serve", new: "new", clean: "clean", doctor: "doctor", hyde: "doctor", help: "help" };
  for (const [word, command] of Object.entries(cases)) assert.equal(parseArgs([word]).command, command, word);
  assert.equal(parseArgs([]).command, "build");
  assert.equal(parseArgs(["serve", "--help"]).command, "help");
  assert.deepEqual(parseArgs(["new", "my", "site"]).positionals, ["my", "site"]);
  assert.throws(() => parseArgs(["build", "extra"]), /unknown command or argument 'extra'/);
});

test("each flag sets Jekyll's configuration key", () => {
  const cases: Array<[string[], string, unknown]> = [
    [["--force_polling"], "force_polling", true],
    [["--force-polling"], "force_polling", true],
    [["--disable-disk-cache"], "disable_disk_cache", true],
    [["--strict_front_matter"], "strict_front_matter", true],
    [["--layouts", "_l"], "layouts_dir", "_l"],
    [["-p", "_a,_b"], "plugins_dir", ["_a", "_b"]],
    [["--plugins=_c"], "plugins_dir", ["_c"]],
    [["-I"], "incremental", true],
    [["--limit_posts", "3"], "limit_posts", 3],
    [["serve", "--livereload-port", "35729"], "livereload_port", 35729],
    [["serve", "--livereload-ignore", "a/*,*.txt"], "livereload_ignore", ["a/*", "*.txt"]],
    [["serve", "--show-dir-listing"], "show_dir_listing", true],
    [["serve", "-B"], "detach", true],
    [["serve", "--detach"], "detach", true],
    [["serve", "--ssl-cert", "c.pem"], "ssl_cert", "c.pem"],
    [["serve", "--ssl-key", "k.pem"], "ssl_key", "k.pem"],
    [["serve", "-P", "4001"], "port", "4001"],
  ];
  for (const [argv, key, value] of cases) assert.deepEqual(parseArgs(argv).overrides[key], value, argv.join(" "));
});

test("watch: build is off unless -w, serve is on unless --no-watch", () => {
  assert.equal(parseArgs(["build"]).watch, undefined);
  assert.equal(parseArgs(["build", "-w"]).watch, true);
  assert.equal(parseArgs(["build", "--watch"]).watch, true);
  assert.equal(parseArgs(["serve"]).serve.watch, true);
  assert.equal(parseArgs(["serve", "--no-watch"]).serve.watch, false);
});

test("flags of serve and of new are errors with other commands, as Jekyll's 'invalid option'", () => {
  for (const [argv, re] of [
    [["build", "--port", "4000"], /'--port' belongs to `build-site serve`, not `build-site build`/],
    [["-B"], /'-B' belongs to `build-site serve`/],
    [["doctor", "--show-dir-listing"], /belongs to `build-site serve`/],
    [["serve", "--blank"], /'--blank' belongs to `build-site new`, not `build-site serve`/],
  ] as Array<[string[], RegExp]>) {
    assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof BuildError && re.test(e.message), argv.join(" "));
  }
  // The command may come after its flags.
  assert.equal(parseArgs(["--port", "4001", "serve"]).serve.port, 4001);
  assert.deepEqual(parseArgs(["--blank", "new", "x"]).new, { force: false, blank: true, skipBundle: false });
});

test("integer flags need whole numbers", () => {
  assert.throws(() => parseArgs(["serve", "--port", "abc"]), /'--port' needs a whole number, not 'abc'/);
  assert.throws(() => parseArgs(["--limit_posts", "-1"]), /needs a whole number/);
  assert.throws(() => parseArgs(["serve", "--livereload-port"]), /needs a value/);
});

test("--livereload-ignore globs: File.fnmatch without flags (* and ? cross '/', [classes])", () => {
  const m = (pattern: string, p: string) => fnmatchRegExp(pattern).test(p);
  assert.ok(m("*.txt", "a.txt"));
  assert.ok(m("*.txt", "deep/dir/a.txt"), "* crosses folders, as fnmatch without FNM_PATHNAME");
  assert.ok(m("notes/*", "notes/a/b.md"));
  assert.ok(!m("notes/*", "docs/notes/a.md"));
  assert.ok(m("_posts/202?-*", "_posts/2024-01-01-x.md"));
  assert.ok(m("[ab].md", "a.md") && !m("[ab].md", "c.md"));
  assert.ok(m("[!ab].md", "c.md") && !m("[!ab].md", "a.md"));
  assert.ok(m("a.b", "a.b") && !m("a.b", "axb"), "a dot is literal");
  assert.ok(m("x\\*", "x*") && !m("x\\*", "xy"));
  const sources: Record<string, string> = { "notes/a.html": "notes/a.md", "index.html": "index.md", "feed.xml": "feed.xml" };
  assert.deepEqual(outputsToReload(["notes/a.html", "index.html", "feed.xml"], ["notes/*", "feed.*"], (o) => sources[o]), ["index.html"]);
  assert.deepEqual(outputsToReload(["a.html"], [], () => undefined), ["a.html"]);
});

test("--ssl-cert/--ssl-key paths stay inside the source, as Jekyll's sanitized_path", () => {
  assert.equal(insideSource("/site", "cert.pem"), "/site/cert.pem");
  assert.equal(insideSource("/site", "/site/tls/cert.pem"), "/site/tls/cert.pem");
  assert.equal(insideSource("/site", "/etc/ssl/cert.pem"), "/site/etc/ssl/cert.pem");
  assert.equal(insideSource("/site", "../../etc/passwd"), "/site/etc/passwd");
  assert.equal(insideSource("/site", "~/key.pem"), "/site/~/key.pem");
});
