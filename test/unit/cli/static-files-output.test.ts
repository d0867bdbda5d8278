// `{{ site.static_files }}` (a real Markdown guide page lists Jekyll's variables this way): Liquid
// writes each element of the array as it is, without to_liquid, so each StaticFile gives Ruby's
// Object#to_s, `#<Jekyll::StaticFile:0x00007f66a9581c10>` (its heap address, different in every
// Jekyll process; build-site makes one up in the same form). An element reached through
// to_liquid (`[0]`, `first`, `for`, `join`, `reverse`) is the StaticFileDrop, written by
// Liquid::Drop#to_s as its class name; `where` keeps the StaticFile. Checked against Jekyll 4.3.1
// with the addresses masked.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

test("site.static_files written whole, joined, indexed and filtered", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "static-out-"));
  try {
    const site = path.join(work, "site");
    fs.mkdirSync(site, { recursive: true });
    fs.writeFileSync(path.join(site, "_config.yml"), "title: t\n");
    fs.writeFileSync(path.join(site, "a.txt"), "x");
    fs.writeFileSync(path.join(site, "b.css"), "y");
    fs.writeFileSync(path.join(site, "index.html"), '---\n---\n{{ site.static_files }}|{{ site.static_files | join: "," }}|{{ site.static_files[0] }}|{{ site.static_files | first }}|{% for f in site.static_files %}{{ f }};{% endfor %}|{{ site.static_files | map: "path" | join: "," }}|{{ site.static_files | where: "extname", ".txt" }}|{{ site.static_files | reverse }}\n');
    const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const out = fs.readFileSync(path.join(work, "_site", "index.html"), "utf8");
    const masked = out.replace(/0x00007f[0-9a-f]{10}/g, "0xADDR");
    const drop = "Jekyll::Drops::StaticFileDrop";
    assert.equal(masked, `#<Jekyll::StaticFile:0xADDR>#<Jekyll::StaticFile:0xADDR>|${drop},${drop}|${drop}|${drop}|${drop};${drop};|/a.txt,/b.css|#<Jekyll::StaticFile:0xADDR>|${drop}${drop}\n`);
    // The same file reads the same address wherever it is written whole.
    const addresses = out.match(/0x00007f[0-9a-f]{10}/g)!;
    assert.equal(addresses[0], addresses[2]);
    assert.notEqual(addresses[0], addresses[1]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
