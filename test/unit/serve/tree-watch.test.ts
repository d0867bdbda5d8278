import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { watchTrees, type TreeWatcher } from "../../../src/serve/tree-watch.js";
import type { ChangeKind } from "../../../src/serve/coalesce.js";
import { until } from "./helpers.js";

describe("watchTrees", () => {
  let root: string;
  let dir: string;
  let outside: string;
  let watcher: TreeWatcher | null = null;
  let events: string[];
  let errors: unknown[];

  function start(skip: (p: string) => boolean = () => false): void {
    events = [];
    errors = [];
    watcher = watchTrees({
      roots: [dir],
      skip,
      onEvent: (kind: ChangeKind, p: string) => events.push(`${kind} ${path.relative(dir, p)}`),
      onError: (e) => errors.push(e),
    });
  }
  const has = (e: string) => () => events.includes(e);

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-tree-watch-"));
  });
  afterEach(() => {
    watcher?.close();
    watcher = null;
    fs.rmSync(root, { recursive: true, force: true });
    assert.deepEqual(errors, []);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  function seed(): void {
    fs.mkdirSync(root, { recursive: true });
    dir = path.join(root, "site");
    outside = path.join(root, "outside");
    fs.mkdirSync(path.join(dir, "_posts"), { recursive: true });
    fs.mkdirSync(path.join(dir, "_site"), { recursive: true });
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(dir, "index.md"), "# Home\n");
    fs.writeFileSync(path.join(dir, "_posts", "2024-01-01-a.md"), "post\n");
  }

  test("nothing is reported for what is there at the start; a write in place is a change", async () => {
    seed();
    start();
    await sleep(50);
    assert.deepEqual(events, []);
    fs.writeFileSync(path.join(dir, "_posts", "2024-01-01-a.md"), "post, edited\n");
    await until(has("change _posts/2024-01-01-a.md"));
    assert.deepEqual([...new Set(events)], ["change _posts/2024-01-01-a.md"]);
  });

  test("a new file is an add, a deleted one an unlink, a rename over a file a change", async () => {
    seed();
    start();
    fs.writeFileSync(path.join(dir, "about.md"), "about");
    await until(has("add about.md"));
    fs.unlinkSync(path.join(dir, "about.md"));
    await until(has("unlink about.md"));
    fs.writeFileSync(path.join(dir, "index.md.new"), "# Home, renamed over\n");
    fs.renameSync(path.join(dir, "index.md.new"), path.join(dir, "index.md"));
    await until(has("change index.md"));
    // The temporary name came and went: either nothing, or its add and its unlink.
    assert.equal(events.includes("add index.md.new"), events.includes("unlink index.md.new"), events.join(", "));
  });

  test("a new folder is watched with what is in it; a removed one reports each file and folder gone", async () => {
    seed();
    start();
    const drafts = path.join(dir, "_drafts");
    fs.mkdirSync(path.join(drafts, "deep"), { recursive: true });
    fs.writeFileSync(path.join(drafts, "deep", "d.md"), "draft");
    await until(has("add _drafts/deep/d.md"));
    assert.ok(events.includes("addDir _drafts") && events.includes("addDir _drafts/deep"), events.join(", "));
    // The new folder is watched: a write into it is seen.
    fs.writeFileSync(path.join(drafts, "deep", "d.md"), "draft, edited");
    await until(has("change _drafts/deep/d.md"));
    fs.rmSync(drafts, { recursive: true });
    await until(has("unlinkDir _drafts"));
    assert.ok(events.includes("unlink _drafts/deep/d.md") && events.includes("unlinkDir _drafts/deep"), events.join(", "));
  });

  test("skipped paths and what is under them are never reported", async () => {
    seed();
    start((p) => p.startsWith(path.join(dir, "_site")));
    fs.writeFileSync(path.join(dir, "_site", "index.html"), "<p>out</p>");
    fs.mkdirSync(path.join(dir, "_site", "posts"));
    fs.writeFileSync(path.join(dir, "marker.md"), "m");
    await until(has("add marker.md"));
    await sleep(50);
    assert.deepEqual(events.filter((e) => e.includes("_site")), []);
  });

  test("linked folders and files are followed inside the tree; a link back up the tree is not entered again; a link out of it is not watched", async () => {
    seed();
    // Links inside the tree (the build reads through them, so a change there rebuilds).
    fs.mkdirSync(path.join(dir, "lib", "inc"), { recursive: true });
    fs.writeFileSync(path.join(dir, "lib", "shared.html"), "<p>shared</p>");
    fs.writeFileSync(path.join(dir, "lib", "inc", "nav.html"), "<nav>");
    fs.symlinkSync(path.join(dir, "lib", "shared.html"), path.join(dir, "shared.html"));
    fs.symlinkSync(path.join(dir, "lib", "inc"), path.join(dir, "_includes"));
    fs.symlinkSync(dir, path.join(dir, "_posts", "loop"));
    // Links out of it: the build skips them (nothing is read outside the site), so nothing there is watched.
    fs.writeFileSync(path.join(outside, "secret.html"), "s");
    fs.mkdirSync(path.join(outside, "dir"));
    fs.writeFileSync(path.join(outside, "dir", "x.html"), "x");
    fs.symlinkSync(path.join(outside, "secret.html"), path.join(dir, "out.html"));
    fs.symlinkSync(path.join(outside, "dir"), path.join(dir, "_out"));
    start();
    fs.writeFileSync(path.join(outside, "secret.html"), "s, edited");
    fs.writeFileSync(path.join(outside, "dir", "x.html"), "x, edited");
    // A write to the file a link points to, and into a linked folder.
    fs.writeFileSync(path.join(dir, "lib", "shared.html"), "<p>shared, edited</p>");
    await until(has("change shared.html"));
    fs.writeFileSync(path.join(dir, "lib", "inc", "nav.html"), "<nav>edited");
    await until(has("change _includes/nav.html"));
    assert.deepEqual(events.filter((e) => e.includes("loop/")), []);
    assert.deepEqual(events.filter((e) => e.includes("out.html") || e.includes("_out/")), []);
  });

  test("close() stops all reporting", async () => {
    seed();
    start();
    watcher!.close();
    watcher = null;
    fs.writeFileSync(path.join(dir, "index.md"), "# after close\n");
    fs.writeFileSync(path.join(dir, "late.md"), "late");
    await sleep(100);
    assert.deepEqual(events, []);
  });
});
