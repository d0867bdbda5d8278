// Syntax highlighting against Rouge 3.30: per-language agreement and speed.
//
//   node dist/bench/highlight.js [--golden FILE] [--languages a,b] [--write FILE] [--label TEXT] [--speed] [--diffs]
//
// Agreement: every sample of a golden file (default test/golden/highlight/golden.json, written by
// test/golden/highlight/generate.rb from real Rouge; `generate.rb --samples DIR OUT` makes one for
// any folder of <lang>/<name>.txt samples) is highlighted by src/render/highlight and compared with
// Rouge's HTML: the share of byte-identical outputs, and the share of characters given the same
// class (bare text counts as a class). Prints a markdown table per Rouge lexer; --write also saves it;
// --diffs first prints where each differing sample first differs.
//
// --speed: highlights every sample of the golden file repeatedly (after a warm-up) and reports
// throughput, and times importing the highlighter in a fresh Node (start-up cost of the lexers).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { highlight } from '../src/render/highlight/index.js';
import { GOLDEN_DIR, ROOT, agreement, firstDiff } from '../test/unit/highlight/compare.js';

interface Sample {
  file: string;
  lang: string;
  lexer: string;
  html: string;
}

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const goldenFile = flag('--golden') ?? path.join(GOLDEN_DIR, 'golden.json');
const only = flag('--languages')?.split(',');
const label = flag('--label') ?? path.relative(ROOT, goldenFile);

const samples = (JSON.parse(fs.readFileSync(goldenFile, 'utf8')) as Sample[]).filter(
  (s) => !only || only.includes(s.lexer),
);
const codeOf = (s: Sample) => fs.readFileSync(path.resolve(GOLDEN_DIR, s.file), 'utf8');

interface Row {
  n: number;
  exact: number;
  chars: number;
  agree: number;
}
const rows = new Map<string, Row>();
const total: Row = { n: 0, exact: 0, chars: 0, agree: 0 };
for (const s of samples) {
  const ours = highlight(codeOf(s), s.lang) ?? '';
  const a = agreement(ours, s.html);
  const row = rows.get(s.lexer) ?? { n: 0, exact: 0, chars: 0, agree: 0 };
  rows.set(s.lexer, row);
  for (const r of [row, total]) {
    r.n++;
    r.chars += a.chars;
    r.agree += a.sameText ? a.agree : 0;
    if (ours === s.html) r.exact++;
  }
  if (ours !== s.html && argv.includes('--diffs')) console.log(`--- ${s.file} (${s.lang})\n${firstDiff(ours, s.html)}\n`);
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-') + '%';
const lines = [
  `Agreement with Rouge 3.30 on ${label} (${samples.length} samples)`,
  '',
  '| Rouge lexer | samples | byte-identical | chars same class |',
  '| --- | ---: | ---: | ---: |',
];
for (const [lexer, r] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1))) {
  lines.push(`| ${lexer} | ${r.n} | ${r.exact} (${pct(r.exact, r.n)}) | ${pct(r.agree, r.chars)} |`);
}
lines.push(`| **all** | ${total.n} | ${total.exact} (${pct(total.exact, total.n)}) | ${pct(total.agree, total.chars)} |`);

if (argv.includes('--speed')) {
  const codes = samples.map((s) => [codeOf(s), s.lang] as const);
  const bytes = codes.reduce((n, [c]) => n + Buffer.byteLength(c), 0);
  const pass = () => {
    for (const [c, l] of codes) highlight(c, l);
  };
  pass();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    pass();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[3];
  const importMs: number[] = [];
  const entry = path.join(ROOT, 'dist', 'src', 'render', 'highlight', 'index.js');
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `const t=performance.now(); await import(${JSON.stringify(entry)}); console.log(performance.now()-t)`,
    ]);
    importMs.push(Number(String(out).trim()));
  }
  importMs.sort((a, b) => a - b);
  lines.push(
    '',
    `Speed: ${samples.length} samples, ${(bytes / 1024).toFixed(0)} KiB: median of 7 passes ${median.toFixed(1)} ms ` +
      `(${(bytes / 1048576 / (median / 1000)).toFixed(1)} MB/s); importing the highlighter: median ${importMs[2].toFixed(1)} ms.`,
  );
}

const text = lines.join('\n') + '\n';
process.stdout.write(text);
const out = flag('--write');
if (out) fs.writeFileSync(out, text);
