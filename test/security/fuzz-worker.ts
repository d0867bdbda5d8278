// The fuzz test's builder thread: builds one mutated page at a time in this process (small
// bounds keep each case short) and says how it ended. The test's thread watches the clock, so
// a case that hangs is seen as a hang instead of hanging the test.
import fs from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { Builder } from "../../src/build.js";
import { loadConfig } from "../../src/config/load.js";
import { BuildError } from "../../src/errors.js";
import { mutate } from "./fuzz-cases.js";

const { dir, seed } = workerData as { dir: string; seed: number };
const site = path.join(dir, "site");
const dest = path.join(dir, "out");
fs.mkdirSync(path.join(site, "_layouts"), { recursive: true });
fs.mkdirSync(path.join(site, "_includes"), { recursive: true });
fs.writeFileSync(path.join(site, "_config.yml"), [
  "title: Fuzz",
  "build_site:",
  "  limits:",
  "    render_seconds: 2",
  "    loop_iterations: 200000",
  "    output_mb: 2",
  "    file_mb: 1",
  "    yaml_alias_nodes: 10000",
  "",
].join("\n"));
fs.writeFileSync(path.join(site, "_layouts", "default.html"), "<html><body>{{ content }}</body></html>\n");
fs.writeFileSync(path.join(site, "_includes", "note.html"), "<aside>{{ include.text | escape }}</aside>\n");
const logger = { info() {}, warn() {}, debug() {} };
const overrides = { source: site, destination: dest } as any;
// One Builder for every case, as `serve` keeps one: its engines are reused, its caches dropped.
const builder = new Builder({ overrides, logger, force: true });

export type FuzzReply = { index: number; outcome: "built" | "located" | "unlocated" | "uncaught"; detail?: string };

parentPort!.on("message", (index: number) => {
  fs.writeFileSync(path.join(site, "fuzz.md"), mutate(seed, index));
  let reply: FuzzReply;
  try {
    builder.invalidate();
    builder.build(loadConfig(overrides));
    reply = { index, outcome: "built" };
  } catch (e) {
    if (e instanceof BuildError) reply = { index, outcome: e.file ? "located" : "unlocated", detail: e.message.slice(0, 300) };
    else reply = { index, outcome: "uncaught", detail: String((e as Error)?.stack ?? e).slice(0, 1500) };
  }
  parentPort!.postMessage(reply);
});
