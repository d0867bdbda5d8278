// TOML configuration files (src/read/toml.ts). Jekyll 4.3.1 reads `_config.toml` by itself when the
// source has no `_config.yml` or `_config.yaml` (Configuration#config_files), and `--config x.toml`
// with Tomlrb; both checked with Debian's Jekyll. The values' classes are pinned by fixture
// config-toml; here: which file is found, and the errors.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const PAGE = "---\n---\n{{ site.title }}\n";

test("_config.toml is the configuration when the site has no _config.yml", () => {
  buildSiteCase("config-toml-", { "_config.toml": 'title = "From TOML"\n', "index.html": PAGE }, (build) => {
    assertOutcome(build, null);
    assert.match(build.out, /Configuration file: .*_config\.toml/);
    assert.equal(fs.readFileSync(path.join(build.dest, "index.html"), "utf8"), "From TOML\n");
  });
});

test("_config.yml wins over _config.toml", () => {
  buildSiteCase("config-toml-", { "_config.toml": 'title = "From TOML"\n', "_config.yml": "title: From YAML\n", "index.html": PAGE }, (build) => {
    assertOutcome(build, null);
    assert.equal(fs.readFileSync(path.join(build.dest, "index.html"), "utf8"), "From YAML\n");
  });
});

test("a local time alone, which Tomlrb cannot read, fails the build naming the key", () => {
  buildSiteCase("config-toml-", { "_config.toml": 'title = "T"\nstart = 07:32:00\n', "index.html": PAGE }, (build) => {
    assertOutcome(build, "_config.toml: invalid TOML: the local time in 'start'");
  });
});

test("invalid TOML fails the build at its line and column", () => {
  buildSiteCase("config-toml-", { "_config.toml": 'title = "T"\nlist = [1, 2\n', "index.html": PAGE }, (build) => {
    assertOutcome(build, "_config.toml:2:12: invalid TOML: cannot find end of structure");
    assert.doesNotMatch(build.out, /Invalid TOML document/);
  });
});
