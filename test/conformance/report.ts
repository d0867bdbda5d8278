// `npm run conformance`: a table of fixtures and a score line. Pass fixture names to run a subset,
// `--verbose` to list every difference.
import { fixtureNames, runFixture } from "./harness.js";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const chosen = args.filter((a) => !a.startsWith("--"));
const names = chosen.length ? chosen : fixtureNames();
let ok = 0;
const width = Math.max(...names.map((n) => n.length), 7);
console.log(`${"fixture".padEnd(width)}  result  files`);
for (const name of names) {
  const r = runFixture(name);
  if (r.ok) ok++;
  console.log(`${name.padEnd(width)}  ${r.ok ? "pass  " : "FAIL  "}  ${r.matched}/${r.files}${r.error ? `  ${r.error.split("\n")[0]}` : ""}`);
  if (!r.ok && verbose) for (const p of r.problems) console.log(`    ${p}`);
  if (r.error && verbose) console.log(r.error);
}
console.log(`\nconformance: ${ok}/${names.length} fixtures equal to Jekyll 4.3.1`);
process.exitCode = ok === names.length ? 0 : 1;
