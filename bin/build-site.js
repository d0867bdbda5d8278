#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli by `npm ci` (the "prepare" script runs tsc).
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; },
);
