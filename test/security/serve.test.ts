// Issue 14, attack 4: `serve` with a runaway page. The build runs on its own thread, so the
// server keeps answering (the time of each answer is reported as a diagnostic, not asserted: the
// test machine is shared), serves the last good _site, shows why in the overlay, recovers when
// the fix is saved, and ends on SIGTERM while the runaway is still running. Dotfiles in _site are
// not served.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { test } from "node:test";
import { sandbox, startCli, type Sandbox } from "./helpers.js";

const EVENTS = "/__build-site/events";
/** Runs for hours, inside every bound the config below allows. */
const RUNAWAY = "---\n---\n{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}\n";
const CONFIG = "title: t\nbuild_site:\n  limits:\n    loop_iterations: 100000000000\n    render_seconds: 3600\n";

interface Served {
  proc: ChildProcess;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

async function serve(box: Sandbox, args = ["--no-livereload"]): Promise<Served> {
  const proc = startCli(box, ["serve", "--port", "0", ...args]);
  let out = "";
  proc.stdout!.on("data", (d) => { out += d; });
  proc.stderr!.on("data", (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const url = await waitFor(() => /Server address: (\S+)/.exec(out)?.[1], () => out);
  await waitFor(() => (out.includes("Server running") ? true : undefined), () => out);
  return { proc, url: url.replace(/\/$/, ""), out: () => out, exited };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, describe: () => string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) assert.fail(`timed out; output so far:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function get(url: string, timeoutMs = 15_000): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = "";
      res.on("data", (d) => { body += d; });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - t0 }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

/** The first `build-error` event the server sends, or undefined when none comes within `ms`. */
function firstBuildError(url: string, ms = 30_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = http.get(`${url}${EVENTS}`, (res) => {
      let text = "";
      res.on("data", (d) => {
        text += d;
        const m = /event: build-error\ndata: (.*)\n/.exec(text);
        if (m) { req.destroy(); resolve(m[1]); }
      });
    });
    req.on("error", () => resolve(undefined));
    setTimeout(() => { req.destroy(); resolve(undefined); }, ms).unref();
  });
}

test("serve: a runaway page does not stop the server; the fix recovers; SIGTERM ends it mid-build", { timeout: 180_000 }, async (t) => {
  const box = sandbox({ "_config.yml": CONFIG, "index.html": "---\n---\n<p>home v1</p>\n", "page.html": "---\n---\n<p>page v1</p>\n" });
  const served = await serve(box);
  try {
    assert.match((await get(`${served.url}/page.html`)).body, /page v1/);

    box.write("page.html", RUNAWAY);
    await waitFor(() => (served.out().includes("Regenerating") ? true : undefined), served.out);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await get(`${served.url}/index.html`);
      assert.equal(r.status, 200);
      assert.match(r.body, /home v1/, "the last good _site is served");
      times.push(Math.round(r.ms));
      await new Promise((r) => setTimeout(r, 200));
    }
    const sinceEdit = served.out().slice(served.out().indexOf("Regenerating"));
    assert.doesNotMatch(sinceEdit, /done in/, "the runaway build was still running while the server answered");
    t.diagnostic(`answers during the runaway build: ${times.join(", ")} ms`);
    assert.match((await get(`${served.url}/page.html`)).body, /page v1/, "the runaway page's last good output is still served");

    // The fix: the runaway build is abandoned (it is past its grace) and a new one runs.
    box.write("page.html", "---\n---\n<p>page v2</p>\n");
    await waitFor(async () => ((await get(`${served.url}/page.html`)).body.includes("page v2") ? true : undefined), served.out);
    assert.match(served.out(), /abandoned: a newer change arrived/);

    // SIGTERM while another runaway runs: the process ends.
    box.write("page.html", RUNAWAY);
    await waitFor(() => (served.out().split("Regenerating").length > 3 ? true : undefined), served.out);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    served.proc.kill("SIGTERM");
    const code = await Promise.race([served.exited, new Promise<string>((r) => setTimeout(() => r("still running"), 10_000))]);
    t.diagnostic(`exited ${Math.round(performance.now() - t0)} ms after SIGTERM`);
    assert.equal(code, 0, "the process ended on SIGTERM");
  } finally {
    if (served.proc.exitCode === null && served.proc.signalCode === null) served.proc.kill("SIGKILL");
    box.remove();
  }
});

test("serve: a bound that trips shows in the overlay, and the last good _site stays", { timeout: 120_000 }, async () => {
  const box = sandbox({ "_config.yml": "title: t\n", "index.html": "---\n---\n<p>home v1</p>\n" });
  const served = await serve(box, []);
  try {
    const overlay = firstBuildError(served.url);
    await new Promise((r) => setTimeout(r, 200));
    box.write("index.html", "---\n---\n{% for i in (1..100000000) %}{{ i }}{% endfor %}\n");
    const event = await overlay;
    assert.ok(event, `a build-error event; output:\n${served.out()}`);
    const data = JSON.parse(event!);
    assert.equal(data.file, "index.html");
    assert.equal(data.line, 3);
    assert.match(data.message, /loop iterations/);
    assert.match((await get(`${served.url}/`)).body, /home v1/);
    served.proc.kill("SIGINT");
    assert.equal(await served.exited, 0);
  } finally {
    if (served.proc.exitCode === null && served.proc.signalCode === null) served.proc.kill("SIGKILL");
    box.remove();
  }
});

test("serve: dotfiles in _site (.env, .git/config) are not served", { timeout: 60_000 }, async () => {
  const box = sandbox({ "_config.yml": "title: t\n", "index.html": "---\n---\nhome\n", ".well-known/security.txt": "Contact: x\n" });
  box.write("_config.yml", "title: t\ninclude: [.well-known]\n");
  const served = await serve(box);
  try {
    const site = path.join(box.site, "_site");
    fs.writeFileSync(path.join(site, ".env"), "SECRET=1\n");
    fs.mkdirSync(path.join(site, ".git"), { recursive: true });
    fs.writeFileSync(path.join(site, ".git", "config"), "[remote]\n");
    for (const p of ["/.env", "/.git/config", "/.git/", "/%2eenv", "/sub/../.env"]) {
      const r = await get(`${served.url}${p}`);
      assert.ok(r.status === 404 || r.status === 403, `${p}: ${r.status}`);
      assert.doesNotMatch(r.body, /SECRET|remote/);
    }
    assert.equal((await get(`${served.url}/.well-known/security.txt`)).status, 200);
    served.proc.kill("SIGTERM");
    assert.equal(await served.exited, 0);
  } finally {
    if (served.proc.exitCode === null && served.proc.signalCode === null) served.proc.kill("SIGKILL");
    box.remove();
  }
});
