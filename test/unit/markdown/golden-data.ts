// Loading the golden cases and the highlighter used to compare them (shared by the golden test and
// bench/markdown.ts). See golden.test.ts for what is compared and the one normalisation.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../../../../..');
const goldenDir = path.join(repoRoot, 'test', 'golden', 'markdown');

export interface GoldenCase { name: string; config: Record<string, any>; markdown: string; expected: string; }

export function loadGolden(): GoldenCase[] {
  return JSON.parse(fs.readFileSync(path.join(goldenDir, 'golden.json'), 'utf8')).cases;
}

/** combos.json: default-config cases next to each other and inside containers (no config). */
export function loadCombos(): GoldenCase[] {
  return JSON.parse(fs.readFileSync(path.join(goldenDir, 'combos.json'), 'utf8')).cases.map((c: GoldenCase) => ({ ...c, config: {} }));
}

/** Rouge's HTML escaping of code text (only &, <, >). */
const rougeEscape = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' }[c]!));

export interface Highlighter {
  real: boolean;
  fn: (code: string, lang: string) => string | null;
  lexerTag?: (lang: string, code: string) => string | null;
}

export async function loadHighlighter(useReal = true): Promise<Highlighter> {
  const real = path.join(repoRoot, 'dist', 'src', 'render', 'highlight', 'index.js');
  if (useReal && fs.existsSync(real)) {
    const mod = await import(pathToFileURL(real).href);
    if (typeof mod.highlight === 'function') return { real: true, fn: mod.highlight, lexerTag: mod.rougeLexerTag };
  }
  const known = new Set<string>(JSON.parse(fs.readFileSync(path.join(goldenDir, 'rouge-languages.json'), 'utf8')));
  // Rouge finds lexers case-sensitively: `Python` is unknown (plain <pre><code class="language-Python">).
  // `lang?options` and `guess` are Rouge's too (find_fancy).
  const knows = (lang: string) => known.has(lang.split('?')[0]) || lang.split('?')[0] === 'guess';
  return { real: false, fn: (code, lang) => (knows(lang) ? rougeEscape(code) : null) };
}

/**
 * Removes Rouge's token spans inside highlighted code (used only when the real highlighter is
 * absent): in a wrapped block (any `css_class`, line-number tables included), in a highlighted
 * code span, and in a block written without the wrapper (`wrap: false`).
 */
export function stripRougeSpans(html: string): string {
  const strip = (_m: string, a: string, body: string, c: string) => a + body.replace(/<span class="[^"]*">|<\/span>/g, '') + c;
  return html
    .replace(/(<pre class="[^"]*"><code>)([\s\S]*?)(<\/code><\/pre>)/g, strip)
    .replace(/(<code class="[^"]*highlighter-rouge">)([\s\S]*?)(<\/code>)/g, strip)
    .replace(/(highlighter-rouge">)(?!<div class="highlight">)([\s\S]*?)(<\/div>)/g, strip);
}
