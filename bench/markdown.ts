// Markdown conversion speed: build-site's converter against kramdown (through Jekyll's own converter,
// as a build uses it) on the same ~5 MB of Markdown: the golden cases (default config), grouped into
// page-sized documents and repeated. Prints both times and the ratio; kramdown is skipped when `ruby`
// (with Jekyll) is not available. Usage: node dist/bench/markdown.js [megabytes]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMarkdownConverter } from '../src/render/markdown/index.js';
import { loadGolden, loadHighlighter } from '../test/unit/markdown/golden-data.js';

const megabytes = Number(process.argv[2] ?? 5);
const cases = loadGolden().filter((c) => Object.keys(c.config).length === 0);

// Page-sized documents (~8 KB each) until the total reaches the target size.
const docs: string[] = [];
let total = 0;
let i = 0;
while (total < megabytes * 1024 * 1024) {
  // A unique first line per document, so no cache on either side can skip work.
  let doc = `Document ${docs.length}.\n\n`;
  while (doc.length < 8000) { doc += cases[i % cases.length].markdown + '\n'; i++; }
  docs.push(doc);
  total += Buffer.byteLength(doc);
}

const hl = await loadHighlighter();
const conv = createMarkdownConverter({ kramdown: {}, highlight: hl.fn });
for (const d of docs.slice(0, 50)) conv.convert(d); // warm-up
const t0 = process.hrtime.bigint();
let outBytes = 0;
for (const d of docs) outBytes += conv.convert(d).length;
const ours = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`input: ${docs.length} documents, ${(total / 1048576).toFixed(2)} MB`);
console.log(`build-site: ${ours.toFixed(0)} ms (${(total / 1048576 / (ours / 1000)).toFixed(1)} MB/s, output ${outBytes} chars, highlighter: ${hl.real ? 'src/render/highlight' : 'stand-in'})`);

const ruby = spawnSync('ruby', ['-e', 'require "jekyll"'], { stdio: 'ignore' });
if (ruby.status !== 0) {
  console.log('kramdown: skipped (ruby with jekyll not available)');
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
  fs.writeFileSync(path.join(dir, 'docs.json'), JSON.stringify(docs));
  const script = `
    require 'jekyll'; require 'json'
    docs = JSON.parse(File.read(ARGV[0]))
    conf = Jekyll.configuration('source' => ARGV[1], 'destination' => File.join(ARGV[1], '_site'), 'quiet' => true)
    conv = Jekyll::Site.new(conf).find_converter_instance(Jekyll::Converters::Markdown)
    docs.first(50).each { |d| conv.convert(d) }
    t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    docs.each { |d| conv.convert(d) }
    puts ((Process.clock_gettime(Process::CLOCK_MONOTONIC) - t) * 1000).round`;
  const out = execFileSync('ruby', ['-e', script, path.join(dir, 'docs.json'), dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  fs.rmSync(dir, { recursive: true, force: true });
  const theirs = Number(out.trim().split('\n').pop());
  console.log(`kramdown (Jekyll 4.3 converter, with Rouge): ${theirs} ms`);
  console.log(`ratio: build-site is ${(theirs / ours).toFixed(1)}× ${theirs >= ours ? 'faster' : 'slower'} than kramdown`);
}
