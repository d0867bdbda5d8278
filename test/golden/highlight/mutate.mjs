#!/usr/bin/env node
/**
 * Mutated samples: real samples (snippets/ and harvested/) cut short, spliced together, with lines
 * swapped or indented and stray punctuation or unusual characters inserted, so that the goldens
 * also reach the states real code rarely does — unterminated strings and comments, error recovery,
 * Rouge's empty-match limit, odd whitespace. Deterministic (seeded).
 *
 *   node test/golden/highlight/mutate.mjs [--per-lang N] [--seed S] [--out DIR] [--max-chars N]
 *     [--langs a,b,c]
 *
 * Writes <out>/<lang>/<n>.txt (default: mutated/, 6 per language, at most 2,000 characters each);
 * then `ruby generate.rb` lexes them with Rouge like the other samples. With a bigger --per-lang
 * and another --out it is the fuzzer used to look for differences (see README.md); --langs replaces
 * the language list (any directories of snippets/ and harvested/) for a hunt on other lexers.
 *
 * Left out on purpose: U+017F ſ and U+212A K, which JavaScript's case-insensitive `\w` matches and
 * Ruby's does not (the one known difference of the regex translation, see README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const perLang = Number(flag('--per-lang', 6));
const out = path.resolve(flag('--out', path.join(HERE, 'mutated')));
const maxChars = Number(flag('--max-chars', 2000));
let seed = Number(flag('--seed', 12));

const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];

/** The language directories of the 25 languages (tags and common aliases). */
const DEFAULT_LANGS = [
  'liquid', 'scss', 'sass', 'css', 'html', 'xml', 'yaml', 'yml', 'json', 'jsonc', 'javascript', 'js',
  'typescript', 'ts', 'python', 'py', 'ruby', 'rb', 'shell', 'sh', 'bash', 'console', 'diff', 'c',
  'cpp', 'c++', 'java', 'go', 'rust', 'sql', 'markdown', 'md', 'toml', 'docker', 'dockerfile',
  'plaintext', 'text',
];
const LANGS = flag('--langs') ? flag('--langs').split(',') : DEFAULT_LANGS;
const PUNCTUATION = [
  '"', "'", '`', '{', '}', '(', ')', '[', ']', '#', '/*', '*/', '//', '$', '\\', '\n', ' ', '\t', '<',
  '>', '%', '@', ':', ';', '=', '-', '+', '.', '|', '&', '!', '?', '~', '^', '*', ',', '0x1F', '1.5e3',
  '{{', '}}', '{%', '%}', '#{', '${', '<!--', '-->', '"""', "'''", '\\n', '---', '...', '=>', '->',
  '::', '@@', '\r\n',
];
const ODD = ['\r', '\u2028', '\u0301', '😀', '\v', '\f', '\u3000', 'ß', 'İ', 'ﬀ', '\u00a0', '\u0085',
  '\ufeff', 'é', 'Ω', '٣', '\u200b', '\u0000', '\u001b', 'x\u0300y'];

const samples = {};
for (const base of ['snippets', 'harvested']) {
  const dir = path.join(HERE, base);
  for (const lang of fs.readdirSync(dir)) {
    if (!LANGS.includes(lang)) continue;
    for (const f of fs.readdirSync(path.join(dir, lang)).sort()) {
      (samples[lang] ??= []).push(fs.readFileSync(path.join(dir, lang, f), 'utf8'));
    }
  }
}

function mutate(text, list, junk) {
  const ops = 1 + Math.floor(random() * 8);
  for (let k = 0; k < ops; k++) {
    const r = random();
    const at = () => Math.floor(random() * (text.length + 1));
    if (r < 0.2) text = text.slice(0, at());
    else if (r < 0.5) {
      const p = at();
      text = text.slice(0, p) + pick(junk) + text.slice(p);
    } else if (r < 0.62) {
      const lines = text.split('\n');
      const a = Math.floor(random() * lines.length);
      const b = Math.floor(random() * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('\n');
    } else if (r < 0.75) {
      const other = pick(list);
      text = text.slice(0, at()) + other.slice(0, Math.floor(random() * other.length));
    } else if (r < 0.88) {
      const p = at();
      text = text.slice(0, p) + text.slice(p + 1 + Math.floor(random() * 10));
    } else {
      const lines = text.split('\n');
      const a = Math.floor(random() * lines.length);
      lines[a] = pick(['  ', '\t', '    ', ' ']) + lines[a];
      text = lines.join('\n');
    }
  }
  return text.slice(0, maxChars);
}

fs.rmSync(out, { recursive: true, force: true });
let total = 0;
for (const lang of LANGS) {
  const list = samples[lang];
  if (!list) continue;
  fs.mkdirSync(path.join(out, lang), { recursive: true });
  for (let i = 0; i < perLang; i++) {
    const junk = i % 3 === 2 ? [...PUNCTUATION, ...ODD] : PUNCTUATION;
    fs.writeFileSync(path.join(out, lang, `${String(i + 1).padStart(2, '0')}.txt`), mutate(pick(list), list, junk));
    total++;
  }
}
console.log(`wrote ${total} mutated samples to ${out}`);
