// `serve --watch` with a theme and site plugins: editing the theme (a node_modules package, outside
// the watched source otherwise) rebuilds; editing an ES module plugin loads it again.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ROOT } from "../conformance/harness.js";

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

const THEME = "node_modules/build-site-serve-theme";
const plugin = (word: string) => `export default { name: "greeting", liquidTags: () => ({ greeting: () => ${JSON.stringify(word)} }) };\n`;

describe("serve --watch with a theme and a site plugin", { timeout: 120_000 }, () => {
  let dir: string;
  let serve: ChildProcess;
  let url: string;
  let output = "";

  /** The page's text once `pred` holds (serve rebuilds in the background), or the last text seen. */
  async function pageWhen(pred: (text: string) => boolean): Promise<string> {
    let text = "";
    for (let i = 0; i < 200; i++) {
      const res = await fetch(url).catch(() => null);
      text = res && res.ok ? await res.text() : "";
      if (pred(text)) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    return text;
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-themes-"));
    write(dir, "_config.yml", "theme: build-site-serve-theme\n");
    write(dir, "index.md", "---\nlayout: page\n---\n{% greeting %} from the page\n");
    write(dir, `${THEME}/_layouts/page.html`, "<main class=\"v1\">{{ content }}</main>\n");
    write(dir, "_plugins/greeting.mjs", plugin("hello"));
    serve = spawn(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "serve", "--port", "0", "--source", dir, "--no-livereload"], {
      cwd: dir,
      env: { ...process.env, TZ: "UTC", BUILD_SITE_OFFLINE: "1" },
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
      const onData = (b: Buffer) => {
        output += b.toString();
        const m = /Server address:\s*(\S+)/.exec(output);
        if (m && output.includes("Server running")) { clearTimeout(timer); resolve(m[1]!); }
      };
      serve.stdout!.on("data", onData);
      serve.stderr!.on("data", onData);
      serve.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
    });
  });

  after(() => {
    serve?.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the first build uses the theme's layout and the plugin's tag", async () => {
    const text = await pageWhen((t) => t.includes("v1"));
    assert.match(text, /<main class="v1"><p>hello from the page<\/p>/, output);
  });

  test("editing the theme's layout rebuilds", async () => {
    write(dir, `${THEME}/_layouts/page.html`, "<main class=\"v2\">{{ content }}</main>\n");
    const text = await pageWhen((t) => t.includes("v2"));
    assert.match(text, /<main class="v2"><p>hello from the page<\/p>/, output);
  });

  test("editing an ES module plugin loads its new version", async () => {
    write(dir, "_plugins/greeting.mjs", plugin("good evening"));
    const text = await pageWhen((t) => t.includes("good evening"));
    assert.match(text, /<p>good evening from the page<\/p>/, output);
  });
});
