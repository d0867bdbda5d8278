// A build leaves nothing running behind it: when `build-site build` exits, the Sass compiler's
// process has exited and been reaped, and the old `_site` has been deleted (no detached `rm`).
// Found with a small Python helper that makes itself a "child subreaper" (Linux prctl): every
// process the CLI leaves — running, or exited and never reaped (defunct) — becomes the helper's
// child when the CLI exits, and the helper lists its children then. Skipped where that cannot
// run (not Linux, no python3). serve's abandoned rebuilds are checked through /proc instead.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../conformance/harness.js";
import { sandbox, startCli } from "../security/helpers.js";

const SUBREAPER = String.raw`
import ctypes, json, os, subprocess, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
    sys.exit(3)
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
me, left = os.getpid(), []
for pid in os.listdir("/proc"):
    if not pid.isdigit():
        continue
    try:
        stat = open("/proc/%s/stat" % pid).read()
    except OSError:
        continue
    fields = stat[stat.rindex(")") + 2:].split()
    if int(fields[1]) == me:
        left.append("%s %s (state %s)" % (pid, stat[stat.index("(") + 1:stat.rindex(")")], fields[0]))
print(json.dumps({"status": status, "left": left}))
`;

const helperWorks = (() => {
  if (process.platform !== "linux") return "the check needs Linux (prctl)";
  const r = spawnSync("python3", ["-c", SUBREAPER, "true"], { encoding: "utf8" });
  return r.status === 0 ? true : `python3 cannot act as a subreaper here (${r.error?.message ?? `exit ${r.status}`})`;
})();

function buildAndList(src: string, env: Record<string, string> = {}): { status: number; left: string[] } {
  const r = spawnSync("python3", ["-c", SUBREAPER, process.execPath, path.join(ROOT, "bin", "build-site.js"), "build", "-q", "-s", src, "-d", path.join(src, "_site")], {
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { status: number; left: string[] };
}

function site(dir: string): string {
  const src = path.join(dir, "site");
  fs.mkdirSync(path.join(src, "_sass"), { recursive: true });
  fs.mkdirSync(path.join(src, "assets"), { recursive: true });
  // No disk cache: every build compiles, so the compiler's process is started each time.
  fs.writeFileSync(path.join(src, "_config.yml"), "title: Lifetime\ndisable_disk_cache: true\n");
  fs.writeFileSync(path.join(src, "_sass", "_base.scss"), "$ink: #123456;\nbody { color: $ink; }\n");
  fs.writeFileSync(path.join(src, "assets", "main.scss"), "---\n---\n@import \"base\";\n");
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(src, `page-${i}.md`), `---\n---\n# Page ${i}\n`);
  return src;
}

test("a build leaves no process behind, with Sass on its thread or on the main thread, and deletes the old _site itself", { skip: helperWorks === true ? false : helperWorks }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifetime-"));
  try {
    const src = site(dir);
    for (const workers of ["", "0"]) {
      // Twice: the second build replaces the first one's _site.
      for (let i = 0; i < 2; i++) {
        const r = buildAndList(src, { BUILD_SITE_WORKERS: workers });
        assert.equal(r.status, 0);
        assert.deepEqual(r.left, [], `processes left by the build (BUILD_SITE_WORKERS=${workers || "default"})`);
        assert.match(fs.readFileSync(path.join(src, "_site", "assets", "main.css"), "utf8"), /#123456/);
        const stale = fs.readdirSync(src).filter((n) => n.startsWith("._site.build-site-staging"));
        assert.deepEqual(stale, [], "the old _site and the staging folder are gone when the build returns");
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a Sass compile stopped at its time limit leaves no compiler process behind", { skip: helperWorks === true ? false : helperWorks }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lifetime-"));
  try {
    const src = site(dir);
    fs.writeFileSync(path.join(src, "_config.yml"), "title: Lifetime\ndisable_disk_cache: true\nbuild_site:\n  limits:\n    sass_seconds: 1\n");
    fs.writeFileSync(path.join(src, "_sass", "_base.scss"), "$i: 1;\n@while $i > 0 { $i: $i + 1; }\n");
    const r = buildAndList(src);
    assert.equal(r.status, 1, "the build failed");
    assert.deepEqual(r.left, [], "processes left by the build");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The processes whose parent is `pid`, as "pid name state" (Linux /proc). */
function childrenOf(pid: number): { pid: number; name: string; state: string }[] {
  const out: { pid: number; name: string; state: string }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[1]) === pid) out.push({ pid: Number(entry), name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), state: fields[0]! });
  }
  return out;
}

async function until(what: string, probe: () => boolean, out: () => string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("serve: a rebuild abandoned during a runaway Sass compile leaves its compiler neither running nor unreaped", { skip: process.platform === "linux" ? false : "reads /proc (Linux)", timeout: 120_000 }, async () => {
  const box = sandbox({
    // No disk cache: every build compiles.
    "_config.yml": "title: Abandoned\ndisable_disk_cache: true\n",
    "_sass/_base.scss": "body { color: #111111; }\n",
    "assets/main.scss": "---\n---\n@import \"base\";\n",
    "index.md": "---\n---\nhome\n",
  });
  const proc = startCli(box, ["serve", "--port", "0", "--no-livereload"]);
  let out = "";
  proc.stdout!.on("data", (d) => { out += d; });
  proc.stderr!.on("data", (d) => { out += d; });
  const log = () => out;
  try {
    await until("the server", () => out.includes("Server running"), log);
    // A stylesheet Dart Sass never finishes (its own time limit is two minutes away).
    box.write("_sass/_base.scss", "$i: 1;\n@while $i > 0 { $i: $i + 1; }\n");
    await until("the runaway rebuild", () => out.includes("Regenerating") && childrenOf(proc.pid!).length > 0, log);
    await new Promise((r) => setTimeout(r, 500));
    // The fix: past serve's grace period the runaway rebuild is abandoned, and the fix is built.
    box.write("_sass/_base.scss", "body { color: #222222; }\n");
    await until("the abandonment and the fixed build", () => /abandoned: a newer change arrived[\s\S]*done in/.test(out), log);
    assert.match(fs.readFileSync(path.join(box.site, "_site", "assets", "main.css"), "utf8"), /#222222/);
    // Only the current compiler may be left: not the runaway one, still spinning or exited unreaped.
    let children = childrenOf(proc.pid!);
    for (let i = 0; i < 40 && (children.length > 1 || children.some((c) => c.state === "Z")); i++) {
      await new Promise((r) => setTimeout(r, 100));
      children = childrenOf(proc.pid!);
    }
    assert.ok(children.length <= 1 && !children.some((c) => c.state === "Z"), `serve's child processes after the abandoned rebuild: ${JSON.stringify(children)}`);
  } finally {
    proc.kill("SIGTERM");
    await new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r(null) : proc.once("exit", r)));
    box.remove();
  }
});
