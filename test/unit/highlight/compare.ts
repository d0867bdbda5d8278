/**
 * Helpers to compare our highlighting with Rouge's: both are flat sequences of bare text and
 * `<span class="x">text</span>` (Rouge's HTML formatter never nests spans).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, from dist/test/unit/highlight/ or test/unit/highlight/. */
export const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
export const GOLDEN_DIR = path.join(ROOT, 'test', 'golden', 'highlight');

export function readGolden<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8')) as T;
}

const SPAN = /<span class="([^"]*)">([^<]*)<\/span>|([^<]+)|(<)/g;
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Per-code-unit class ('' = bare text) and the decoded text. Throws on anything unexpected. */
export function classesOf(html: string): { text: string; classes: string[] } {
  let text = '';
  const classes: string[] = [];
  for (const m of html.matchAll(SPAN)) {
    if (m[4]) throw new Error(`unexpected markup at ${m.index}: ${html.slice(m.index!, m.index! + 40)}`);
    const cls = m[1] ?? '';
    const val = unescape(m[2] ?? m[3]);
    text += val;
    for (let i = 0; i < val.length; i++) classes.push(cls);
  }
  return { text, classes };
}

export interface Agreement {
  sameText: boolean;
  chars: number;
  agree: number;
}

/** Per-character class agreement of `ours` against `rouge` (whitespace characters count too). */
export function agreement(ours: string, rouge: string): Agreement {
  const a = classesOf(ours);
  const b = classesOf(rouge);
  let agree = 0;
  const n = Math.min(a.classes.length, b.classes.length);
  for (let i = 0; i < n; i++) if (a.classes[i] === b.classes[i]) agree++;
  return { sameText: a.text === b.text, chars: b.classes.length, agree };
}

/** First differing token context, for failure messages. */
export function firstDiff(ours: string, rouge: string): string {
  let i = 0;
  while (i < ours.length && ours[i] === rouge[i]) i++;
  const from = Math.max(0, i - 60);
  return `ours:  …${ours.slice(from, i + 80)}\nrouge: …${rouge.slice(from, i + 80)}`;
}
