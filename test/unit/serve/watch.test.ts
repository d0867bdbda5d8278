import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ignorePaths, isEditorTempFile, watchSource, type SourceChange, type SourceWatcher } from "../../../src/serve/watch.js";
import { until } from "./helpers.js";

describe("isEditorTempFile", () => {
  for (const name of [".index.md.swp", "post.md.swo", "4913", "index.md~", ".#index.md", "#index.md#", "a.md___jb_tmp___", ".DS_Store", "x.tmp", "sedA1b2c3", ".goutputstream-ABC123"]) {
    test(`ignores ${name}`, () => assert.equal(isEditorTempFile(name), true));
  }
  for (const name of ["index.md", "style.scss", "movie.swf", "sedation", "4913.md", "notes.txt", "about.html"]) {
    test(`keeps ${name}`, () => assert.equal(isEditorTempFile(name), false));
  }
});

describe("ignorePaths", () => {
  test("matches the paths and what is under them, not name prefixes", () => {
    const ignored = ignorePaths(["/s/_site", "/s/.jekyll-cache"]);
    assert.equal(ignored("/s/_site"), true);
    assert.equal(ignored("/s/_site/index.html"), true);
    assert.equal(ignored("/s/.jekyll-cache/x"), true);
    assert.equal(ignored("/s/_site2/index.html"), false);
    assert.equal(ignored("/s/index.md"), false);
  });
});

describe("watchSource", () => {
  const DEBOUNCE = 120;
  let dir: string;
  let watcher: SourceWatcher | null = null;
  let batches: SourceChange[][];

  async function start(onChanges?: (changes: SourceChange[]) => void | Promise<void>, onError?: (e: unknown) => void, debounceMs = DEBOUNCE, usePolling = false): Promise<void> {
    batches = [];
    watcher = await watchSource({
      source: dir,
      ignored: ignorePaths([path.join(dir, "_site"), path.join(dir, ".jekyll-cache")]),
      debounceMs,
      usePolling,
      onChanges: onChanges ?? ((changes) => void batches.push(changes)),
      onError,
    });
  }
  const rel = (changes: SourceChange[]) => changes.map((c) => `${c.kind} ${path.relative(dir, c.path)}`).sort();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-watch-"));
  });
  afterEach(async () => {
    await watcher?.close();
    watcher = null;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function seed(): void {
    fs.mkdirSync(path.join(dir, "_posts"), { recursive: true });
    fs.mkdirSync(path.join(dir, "_site"), { recursive: true });
    fs.mkdirSync(path.join(dir, ".jekyll-cache"), { recursive: true });
    fs.writeFileSync(path.join(dir, "index.md"), "# Home\n");
    fs.writeFileSync(path.join(dir, "about.md"), "# About\n");
    fs.writeFileSync(path.join(dir, "_posts", "2024-01-01-a.md"), "post\n");
  }

  test("a burst of writes to several files → one batch", async () => {
    seed();
    // The burst is written without yielding, and the window is wide: on a loaded machine a timer
    // between the writes could otherwise outlast the window and split the burst (not what is tested).
    const window = 1000;
    await start(undefined, undefined, window);
    for (let i = 0; i < 10; i++) {
      fs.writeFileSync(path.join(dir, "index.md"), `# Home ${i}\n`);
      fs.writeFileSync(path.join(dir, "about.md"), `# About ${i}\n`);
    }
    await until(() => batches.length > 0, 10_000);
    await sleep(window * 2);
    assert.equal(batches.length, 1);
    assert.deepEqual(rel(batches[0]!), ["change about.md", "change index.md"]);
  });

  // chokidar 5 drops a path's changes for 50 ms after one; polling (force_polling) runs on chokidar.
  for (const polling of [false, true]) {
    test(`a second save right after the first one's batch is not lost${polling ? " (force_polling)" : ""}`, async () => {
      seed();
      await start(undefined, undefined, 5, polling);
      const file = path.join(dir, "about.md");
      fs.writeFileSync(file, "# About 1\n");
      await until(() => batches.length > 0, 10_000);
      // At once: within the 50 ms in which chokidar 5 would drop this path's next "change".
      fs.writeFileSync(file, "# About two, longer\n");
      await until(() => batches.length > 1, 10_000);
      assert.deepEqual(rel(batches[0]!), ["change about.md"]);
      assert.deepEqual(rel(batches[1]!), ["change about.md"]);
    });
  }

  test("a file written in place is handed out without the quiet period; an added file waits for it", async () => {
    seed();
    // A quiet period far longer than the test's waits: a batch that arrives did not wait for it.
    await start(undefined, undefined, 60_000);
    fs.writeFileSync(path.join(dir, "about.md"), "# About, edited\n");
    await until(() => batches.length > 0, 10_000);
    assert.deepEqual(rel(batches[0]!), ["change about.md"]);
    fs.writeFileSync(path.join(dir, "new.md"), "new");
    await sleep(500);
    assert.equal(batches.length, 1);
  });

  test("a file that is empty after a write (truncated, its content still to come) waits for the quiet period", async () => {
    seed();
    await start(undefined, undefined, 60_000);
    const file = path.join(dir, "about.md");
    fs.truncateSync(file, 0);
    await sleep(500);
    assert.equal(batches.length, 0, "an empty file is not handed out at once");
    await watcher!.close();
    // With a short quiet period, the truncation and the write that follows are one batch.
    await start(undefined, undefined, 300);
    fs.truncateSync(file, 0);
    await sleep(20);
    fs.writeFileSync(file, "# About, written\n");
    await until(() => batches.length > 0, 10_000);
    await sleep(600);
    assert.equal(batches.length, 1);
    assert.deepEqual(rel(batches[0]!), ["change about.md"]);
  });

  test("every save of a file written many times in a row is seen: the last batch holds the last one", async () => {
    seed();
    const file = path.join(dir, "index.md");
    const seen: string[] = [];
    await start((changes) => {
      batches.push(changes);
      // What a build would read.
      if (changes.some((c) => c.path === file)) seen.push(fs.readFileSync(file, "utf8"));
    }, undefined, 5);
    for (let i = 1; i <= 20; i++) {
      fs.writeFileSync(file, `# Home ${i}\n`);
      await sleep(i % 3 === 0 ? 15 : 1);
    }
    await until(() => seen.at(-1) === "# Home 20\n", 10_000);
  });

  test("Vim's save (4913 test, rename to ~, write, swap file) → one change of the file", async () => {
    seed();
    await start();
    const file = path.join(dir, "index.md");
    fs.writeFileSync(path.join(dir, ".index.md.swp"), "swap");
    fs.writeFileSync(path.join(dir, "4913"), "");
    fs.unlinkSync(path.join(dir, "4913"));
    fs.renameSync(file, `${file}~`);
    fs.writeFileSync(file, "# Home, edited\n");
    fs.unlinkSync(`${file}~`);
    fs.unlinkSync(path.join(dir, ".index.md.swp"));
    await until(() => batches.length > 0);
    await sleep(DEBOUNCE * 3);
    assert.equal(batches.length, 1);
    assert.deepEqual(rel(batches[0]!), ["change index.md"]);
  });

  test("write-to-temp-then-rename-over (atomic writers) → one change, the temp name cancels out", async () => {
    seed();
    await start();
    const file = path.join(dir, "about.md");
    const temp = `${file}.3f9a1c2b`;
    fs.writeFileSync(temp, "# About, edited\n");
    fs.renameSync(temp, file);
    await until(() => batches.length > 0);
    await sleep(DEBOUNCE * 3);
    assert.equal(batches.length, 1);
    assert.deepEqual(rel(batches[0]!), ["change about.md"]);
  });

  test("a file created and deleted within the window produces no call", async () => {
    seed();
    await start();
    fs.writeFileSync(path.join(dir, "scratch.md"), "x");
    await sleep(20);
    fs.unlinkSync(path.join(dir, "scratch.md"));
    await sleep(DEBOUNCE * 5);
    assert.equal(batches.length, 0);
  });

  test("ignored folders and temp files never show up; adds, unlinks and folders do", async () => {
    seed();
    await start();
    fs.writeFileSync(path.join(dir, "_site", "index.html"), "<p>out</p>");
    fs.mkdirSync(path.join(dir, ".jekyll-cache", "Jekyll"), { recursive: true });
    fs.writeFileSync(path.join(dir, ".jekyll-cache", "Jekyll", "c"), "x");
    fs.writeFileSync(path.join(dir, "index.md~"), "backup");
    fs.writeFileSync(path.join(dir, "new.md"), "new");
    fs.unlinkSync(path.join(dir, "_posts", "2024-01-01-a.md"));
    fs.mkdirSync(path.join(dir, "_drafts"));
    await until(() => batches.flat().length >= 3);
    await sleep(DEBOUNCE * 3);
    assert.deepEqual(rel(batches.flat()), ["add new.md", "addDir _drafts", "unlink _posts/2024-01-01-a.md"]);
  });

  test("calls never overlap; changes during a call arrive in the next batch", async () => {
    seed();
    let active = 0;
    let maxActive = 0;
    const calls: Array<{ start: number; end: number; changes: string[] }> = [];
    await start(async (changes) => {
      active++;
      maxActive = Math.max(maxActive, active);
      const start = Date.now();
      await sleep(600); // a slow build
      calls.push({ start, end: Date.now(), changes: rel(changes) });
      active--;
    });
    fs.writeFileSync(path.join(dir, "index.md"), "# one\n");
    await until(() => active === 1);
    fs.writeFileSync(path.join(dir, "about.md"), "# two\n");
    await sleep(DEBOUNCE * 2); // the debounce for about.md expires while the first call runs
    fs.writeFileSync(path.join(dir, "about.md"), "# three\n");
    await until(() => calls.length === 2, 8000);
    await sleep(DEBOUNCE * 3);
    assert.equal(maxActive, 1);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls[0]!.changes, ["change index.md"]);
    assert.deepEqual(calls[1]!.changes, ["change about.md"]);
    assert.ok(calls[1]!.start >= calls[0]!.end);
  });

  test("an error in onChanges is reported and watching goes on", async () => {
    seed();
    const errors: unknown[] = [];
    let n = 0;
    await start(
      (changes) => {
        n++;
        batches.push(changes);
        if (n === 1) throw new Error("build failed");
      },
      (e) => errors.push(e),
    );
    fs.writeFileSync(path.join(dir, "index.md"), "# a\n");
    await until(() => batches.length === 1);
    fs.writeFileSync(path.join(dir, "about.md"), "# b\n");
    await until(() => batches.length === 2);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /build failed/);
  });

  test("close() waits for the running call and stops further calls", async () => {
    seed();
    let finished = false;
    await start(async (changes) => {
      batches.push(changes);
      await sleep(300);
      finished = true;
    });
    fs.writeFileSync(path.join(dir, "index.md"), "# a\n");
    await until(() => batches.length === 1);
    await watcher!.close();
    assert.equal(finished, true);
    fs.writeFileSync(path.join(dir, "about.md"), "# b\n");
    await sleep(DEBOUNCE * 4);
    assert.equal(batches.length, 1);
  });
});
