#!/usr/bin/env node
/**
 * Harvests realistic code samples for the highlighting goldens into test/golden/highlight/harvested/:
 * - fenced (``` / ~~~) and `{% highlight %}` blocks from Markdown and HTML files: real Jekyll sites
 *   (the corpus), documentation and READMEs of installed packages;
 * - top-of-file and mid-file chunks of real source files, by file extension (what people paste
 *   into a code block is usually a short file or part of one);
 * - Rouge's own demo files, one per language.
 *
 * Run where those sources exist (the committed samples are what the tests use; this script only
 * refreshes them):
 *   node test/golden/highlight/harvest.mjs [--per-lang N] [--out DIR] ROOT...
 * where each ROOT is a directory to walk (e.g. ../shared/corpus /usr/share/doc /usr/share/ruby-rouge
 * node_modules). Then regenerate the goldens with Rouge: ruby test/golden/highlight/generate.rb
 *
 * Selection is deterministic: candidates are grouped per Rouge lexer, deduplicated, ordered by a
 * hash of their text, and taken round-robin over their source kinds, so no single file or kind
 * dominates a language. SOURCES.md records where every sample came from.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
let OUT = path.join(HERE, 'harvested');
const LANGUAGES = JSON.parse(fs.readFileSync(path.join(HERE, 'languages.json'), 'utf8'));

/** The lexers the measurement covers (issue 12): Rouge tag → how many samples to keep. */
const TARGET = [
  'liquid', 'scss', 'sass', 'css', 'html', 'xml', 'yaml', 'json', 'javascript', 'typescript',
  'python', 'ruby', 'shell', 'console', 'diff', 'c', 'cpp', 'java', 'go', 'rust', 'sql',
  'markdown', 'toml', 'docker', 'plaintext',
];

/** Source files by name → the language name to lex them with (a Rouge name or alias). */
const BY_EXTENSION = {
  '.scss': 'scss', '.sass': 'sass', '.css': 'css', '.html': 'html', '.xml': 'xml', '.svg': 'xml',
  '.yml': 'yaml', '.yaml': 'yaml', '.json': 'json', '.js': 'javascript', '.ts': 'typescript',
  '.py': 'python', '.rb': 'ruby', '.gemspec': 'ruby', '.sh': 'shell', '.bash': 'bash',
  '.patch': 'diff', '.diff': 'diff', '.c': 'c', '.h': 'c', '.cpp': 'cpp', '.cc': 'cpp', '.hpp': 'cpp',
  '.java': 'java', '.go': 'go', '.rs': 'rust', '.sql': 'sql', '.md': 'markdown', '.toml': 'toml',
  '.txt': 'plaintext',
};
const MAX_CHARS = 2500;
const MAX_LINES = 45;
const MAX_FILE_BYTES = 400_000;
const MAX_FILES_WALKED = 200_000;

const args = process.argv.slice(2);
let perLang = 30;
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--per-lang') perLang = Number(args[++i]);
  else if (args[i] === '--out') OUT = path.resolve(args[++i]);
  else roots.push(path.resolve(args[i]));
}
if (!roots.length) {
  console.error('usage: harvest.mjs [--per-lang N] [--out DIR] ROOT...');
  process.exit(2);
}

const hash = (s) => crypto.createHash('sha1').update(s).digest('hex');

/** Candidates per lexer tag: { lang, code, origin, kind }. */
const candidates = new Map();
const seen = new Set();
function add(lang, code, origin, kind) {
  const tag = LANGUAGES[lang];
  if (!tag || !TARGET.includes(tag)) return;
  code = code.replace(/\r\n/g, '\n');
  if (!code.trim() || code.length > MAX_CHARS || code.split('\n').length > MAX_LINES) return;
  if (code.includes('\0') || /[\u0000-\u0008\u000e-\u001f]/.test(code)) return;
  const key = tag + '\0' + code.trim();
  if (seen.has(key)) return;
  seen.add(key);
  if (!candidates.has(tag)) candidates.set(tag, []);
  candidates.get(tag).push({ lang, code, origin, kind });
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*([A-Za-z0-9_+#.?=-]*)[^\n]*$/;
const HIGHLIGHT_TAG = /\{%-?\s*highlight\s+([A-Za-z0-9_+#.-]+)[^%]*%\}\n?([\s\S]*?)\{%-?\s*endhighlight\s*-?%\}/g;

function harvestDocument(file, text, kind) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE_OPEN.exec(lines[i]);
    if (!m || !m[3]) continue;
    const [, indent, fence, lang] = m;
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j].match(/^ {0,3}(`{3,}|~{3,})\s*$/);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
    }
    if (j < lines.length) add(lang, body.join('\n') + '\n', `${file}:${i + 1}`, 'fence');
    i = j;
  }
  for (const m of text.matchAll(HIGHLIGHT_TAG)) add(m[1].toLowerCase(), m[2], `${file} highlight`, 'fence');
}

/** A chunk from the top of the file, and one starting at a blank line near its middle. */
function harvestSource(file, text, lang) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const chunk = (from) => {
    let out = '';
    for (let i = from; i < lines.length && i < from + 40; i++) {
      if (out.length + lines[i].length + 1 > MAX_CHARS) break;
      out += lines[i] + '\n';
    }
    return out;
  };
  add(lang, chunk(0), `${file}:1`, 'file');
  if (lines.length > 80) {
    let mid = Math.floor(lines.length / 2);
    while (mid < lines.length - 10 && lines[mid].trim() !== '') mid++;
    add(lang, chunk(mid + 1), `${file}:${mid + 2}`, 'file');
  }
}

/** Liquid templates: layouts and includes of real sites and themes. */
const isLiquidTemplate = (file) => /\/_(?:layouts|includes)\/[^/]+\.html$/.test(file);

let walked = 0;
function walk(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (++walked > MAX_FILES_WALKED) return;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === '.git' || e.name === 'expected' || e.name === '_site') continue;
      walk(full);
      continue;
    }
    if (!e.isFile()) continue;
    let stat;
    try {
      stat = fs.statSync(full);
    } catch {
      continue;
    }
    if (stat.size > MAX_FILE_BYTES || stat.size === 0) continue;
    const rel = full;
    const ext = path.extname(e.name).toLowerCase();
    const demo = full.match(/ruby-rouge\/demos\/([^/]+)$/);
    let text;
    const read = () => (text ??= fs.readFileSync(full, 'utf8'));
    if (demo) {
      add(demo[1], read(), rel, 'demo');
      continue;
    }
    if (/^Dockerfile/.test(e.name)) {
      harvestSource(rel, read(), 'docker');
      continue;
    }
    if (['.md', '.markdown', '.mdown'].includes(ext)) {
      harvestDocument(rel, read(), 'fence');
      harvestSource(rel, read(), 'markdown');
      continue;
    }
    if (isLiquidTemplate(full)) {
      harvestSource(rel, read(), 'liquid');
      continue;
    }
    if (ext === '.html') harvestDocument(rel, read(), 'fence');
    const lang = BY_EXTENSION[ext];
    if (lang && !(ext === '.txt' && !/README|NEWS|COPYING|\.txt$/.test(e.name))) harvestSource(rel, read(), lang);
  }
}

for (const root of roots) walk(root);

fs.rmSync(OUT, { recursive: true, force: true });
const sources = ['# Where the harvested samples come from', '', 'Written by harvest.mjs; do not edit.', ''];
let total = 0;
for (const tag of TARGET) {
  const list = candidates.get(tag) ?? [];
  const byKind = new Map();
  for (const c of list.sort((a, b) => (hash(a.code) < hash(b.code) ? -1 : 1))) {
    if (!byKind.has(c.kind)) byKind.set(c.kind, []);
    byKind.get(c.kind).push(c);
  }
  const chosen = [];
  const kinds = [...byKind.keys()].sort();
  // Round-robin over kinds, and within a kind at most 3 samples from one source file.
  const perFile = new Map();
  for (let round = 0; chosen.length < perLang; round++) {
    let took = false;
    for (const k of kinds) {
      const queue = byKind.get(k);
      while (queue.length) {
        const c = queue.shift();
        const file = c.origin.replace(/:\d+$| highlight$/, '');
        const n = perFile.get(file) ?? 0;
        if (n >= 3) continue;
        perFile.set(file, n + 1);
        chosen.push(c);
        took = true;
        break;
      }
      if (chosen.length >= perLang) break;
    }
    if (!took) break;
  }
  chosen.forEach((c, i) => {
    // the directory is the language name as written (an alias tests alias lookup too)
    const name = `${String(i + 1).padStart(2, '0')}-${c.kind}.txt`;
    const dir = path.join(OUT, c.lang);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), c.code);
    sources.push(`- ${c.lang}/${name}: ${c.origin.replace(/^.*?(corpus|share|lib|include|node_modules)\//, '$1/')}`);
  });
  total += chosen.length;
  console.log(`${tag.padEnd(12)} ${String(chosen.length).padStart(3)} of ${list.length}`);
}
fs.writeFileSync(path.join(OUT, 'SOURCES.md'), sources.join('\n') + '\n');
console.log(`total ${total}`);
