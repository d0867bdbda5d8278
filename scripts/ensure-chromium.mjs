#!/usr/bin/env node
// The browser tests drive Chromium with playwright-core, at BUILD_SITE_CHROMIUM or Debian's
// /usr/bin/chromium. On a fresh machine it may not be there: install it from the distribution's
// packages when we can (as root, or with password-less sudo, as on GitHub's runners), and
// otherwise say exactly what to run. Runs before `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = process.env.BUILD_SITE_CHROMIUM || "/usr/bin/chromium";
if (fs.existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
const canSudo = !isRoot && fs.existsSync("/usr/bin/sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
if (!hasApt || !(isRoot || canSudo)) {
  console.error(`The browser tests need Chromium at ${CHROMIUM}.`);
  console.error("Install it with:  sudo apt-get update && sudo apt-get install -y chromium");
  console.error("(or point BUILD_SITE_CHROMIUM at a Chromium or Chrome binary).");
  process.exit(1);
}
console.log("Installing Chromium from the distribution's packages for the browser tests…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
const apt = (args) => (isRoot ? execFileSync("apt-get", args, { stdio: "inherit", env }) : execFileSync("sudo", ["-n", "-E", "apt-get", ...args], { stdio: "inherit", env }));
apt(["update", "-qq"]);
apt(["install", "-y", "-qq", "chromium"]);
if (!fs.existsSync(CHROMIUM)) {
  console.error(`Chromium was installed but is not at ${CHROMIUM}; point BUILD_SITE_CHROMIUM at it.`);
  process.exit(1);
}
