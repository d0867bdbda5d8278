#!/usr/bin/env node
// The browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core. On a fresh
// machine it is not there: install it from Debian's packages when we can (root with apt-get), and
// otherwise say exactly what to run. Runs before `npm test`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = process.env.BUILD_SITE_CHROMIUM || "/usr/bin/chromium";
if (fs.existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (!isRoot || !hasApt) {
  console.error(`The browser tests need Chromium at ${CHROMIUM}.`);
  console.error("Install it with:  sudo apt-get update && sudo apt-get install -y chromium");
  console.error("(or point BUILD_SITE_CHROMIUM at a Chromium binary).");
  process.exit(1);
}
console.log("Installing Chromium from Debian's packages for the browser tests…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
