// kramdown's math engines (src/render/markdown/math.ts). mathjax and "no engine" are compared with
// what kramdown 2.4 writes (golden/math-engines.json, from golden/math-engines.rb). KaTeX has no
// Ruby golden here (Debian has no kramdown-math-katex): its tests check what the gem's code
// guarantees — KaTeX's HTML and MathML, display mode for blocks, attributes in the first tag, TeX
// errors shown in place, math_engine_opts passed through — and the Dependency Errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../conformance/harness.js';
import { createMarkdownConverter } from '../../../src/render/markdown/index.js';
import { BuildError } from '../../../src/errors.js';

const golden = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'unit', 'markdown', 'golden', 'math-engines.json'), 'utf8')) as
  Array<{ source: string; mathjax: string; none: string }>;

test('math_engine mathjax (the default) and null write what kramdown writes', () => {
  const byDefault = createMarkdownConverter({ kramdown: { input: 'GFM' } });
  const mathjax = createMarkdownConverter({ kramdown: { input: 'GFM', math_engine: 'mathjax' } });
  const none = createMarkdownConverter({ kramdown: { input: 'GFM', math_engine: null } });
  for (const c of golden) {
    assert.equal(byDefault.convert(c.source), c.mathjax, c.source);
    assert.equal(mathjax.convert(c.source), c.mathjax, c.source);
    assert.equal(none.convert(c.source), c.none, c.source);
  }
});

const katex = (opts: Record<string, unknown> = {}) => createMarkdownConverter({ kramdown: { input: 'GFM', math_engine: 'katex', ...opts } });

test('katex: inline math is KaTeX HTML and MathML inside the paragraph', () => {
  const html = katex().convert('Energy $$E = mc^2$$ here.\n');
  assert.match(html, /^<p>Energy <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML">/);
  assert.match(html, /<annotation encoding="application\/x-tex">E = mc\^2<\/annotation>/);
  assert.match(html, /<span class="katex-html" aria-hidden="true">/);
  assert.match(html, /<\/span> here\.<\/p>\n$/);
  assert.doesNotMatch(html, /\\\(|\$\$/, 'no TeX delimiters left for a script');
});

test('katex: a block is display math on its own line, indented like other blocks', () => {
  const html = katex().convert('$$\n\\frac{a}{b}\n$$\n');
  assert.match(html, /^<span class="katex-display"><span class="katex">/);
  assert.match(html, /<math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML" display="block">/);
  assert.ok(html.endsWith('</span>\n'));
  const inList = katex().convert('* item\n\n  $$\n  y = x\n  $$\n');
  assert.match(inList, /\n    <span class="katex-display">/, 'kramdown indents the block by its nesting');
});

test('katex: the block\'s attributes (but xmlns and display) go into the first tag', () => {
  const html = katex().convert('{: #eq1 .wide display="x"}\n$$\nE = mc^2\n$$\n');
  assert.match(html, /^<span id="eq1" class="wide" class="katex-display">/);
  assert.doesNotMatch(html.slice(0, 60), /display="x"/);
});

test('katex: a TeX error is shown in place and does not stop the build', () => {
  const html = katex().convert('Bad $$\\frac{a}$$ math.\n');
  assert.match(html, /<span class="katex-error" title="ParseError: KaTeX parse error: [^"]*" style="color:#cc0000">\\frac\{a\}<\/span>/);
});

test('katex: math_engine_opts reach KaTeX, and \\gdef does not leak between formulas', () => {
  const conv = katex({ math_engine_opts: { macros: { '\\RR': '\\mathbb{R}' } } });
  assert.match(conv.convert('$$x \\in \\RR$$\n'), /mathbb|<mi mathvariant="double-struck">R<\/mi>/);
  const macros = { '\\RR': '\\mathbb{R}' };
  const gdef = katex({ math_engine_opts: { macros } });
  assert.doesNotMatch(gdef.convert('$$\\gdef\\foo{1}\\foo$$\n'), /#cc0000/);
  // KaTeX writes an unknown command in its error colour.
  assert.match(gdef.convert('$$\\foo$$\n'), /mathcolor="#cc0000"><mtext>\\foo/, 'a macro defined in one formula is unknown in the next');
  assert.deepEqual(Object.keys(macros), ['\\RR'], 'the site\'s options are not changed');
});

test('math engines build-site does not have stop the build, as Jekyll does without the gem', () => {
  assert.throws(() => createMarkdownConverter({ kramdown: { math_engine: 'sskatex' } }),
    (e: unknown) => e instanceof BuildError && /Dependency Error: .*'sskatex'.*kramdown-math-sskatex/.test(e.message));
  assert.throws(() => createMarkdownConverter({ kramdown: { math_engine: 'katex' }, extras: false }),
    (e: unknown) => e instanceof BuildError && /build_site_extras: false/.test(e.message) && /kramdown-math-katex/.test(e.message));
  assert.doesNotThrow(() => createMarkdownConverter({ kramdown: { math_engine: 'mathjax' }, extras: false }));
  // Jekyll requires kramdown-math-<value> for anything but the exact string "mathjax" (checked with
  // Debian's Jekyll 4.3.1: ":mathjax", " mathjax", "nil" and "" all stop the build).
  for (const v of [':mathjax', ' mathjax', 'nil', '']) {
    assert.throws(() => createMarkdownConverter({ kramdown: { math_engine: v } }),
      (e: unknown) => e instanceof BuildError && e.message.includes(`kramdown-math-${v})`), JSON.stringify(v));
  }
});
