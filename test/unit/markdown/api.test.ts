// The public API beyond the golden cases: smartify (expected strings produced by Jekyll 4.3's
// SmartyPants converter, which the `smartify` filter calls), option handling and converter reuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMarkdownConverter, smartify } from '../../../src/render/markdown/index.js';

test('smartify writes what Jekyll::Converters::SmartyPants writes', () => {
  assert.equal(smartify('"Hello" it\'s -- a...'), '“Hello” it’s – a…');
  assert.equal(smartify('<b>"x"</b> &amp; y'), '<b>“x”</b> &amp; y');
  assert.equal(smartify("'90s --- ok"), '’90s — ok');
});

test('smartify honours smart_quotes', () => {
  assert.equal(smartify('"x"', { smart_quotes: 'apos,apos,quot,quot' }), '&quot;x&quot;'.replace(/&quot;/g, '"'));
});

test('one converter converts many documents with fresh per-document state', () => {
  const conv = createMarkdownConverter({ kramdown: {} });
  const a = conv.convert('# Intro\n\nText[^1].\n\n[^1]: Note.\n');
  const b = conv.convert('# Intro\n\nText[^1].\n\n[^1]: Note.\n');
  assert.equal(a, b, 'header id counters and footnote numbers must not leak between documents');
  assert.match(a, /<h1 id="intro">/);
});

test('without a highlight callback code blocks still get Rouge\'s wrapper for plaintext', () => {
  const conv = createMarkdownConverter({ kramdown: {} });
  assert.equal(conv.convert('    x < 1\n'),
    '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>x &lt; 1\n</code></pre></div></div>\n');
  assert.equal(createMarkdownConverter({ kramdown: {}, highlighter: 'none' }).convert('`x`\n'), '<p><code>x</code></p>\n');
});

// Options that stop Jekyll 4.3.1's conversion (each checked with Debian's Jekyll and
// scripts/differential.mjs: the site does not build). They cannot be golden cases.
test('kramdown options Jekyll cannot convert with stop the build', async () => {
  const { BuildError } = await import('../../../src/errors.js');
  const fails = (kramdown: Record<string, unknown>, md: string, message: RegExp) =>
    assert.throws(() => createMarkdownConverter({ kramdown }).convert(md),
      (e: unknown) => e instanceof BuildError && message.test(e.message), JSON.stringify(kramdown));
  // smart_quotes: four values, each a number or a name in kramdown's table, taken as written.
  fails({ smart_quotes: 'lsquo,rsquo,ldquo' }, 'x\n', /Option smart_quotes needs exactly 4 values/);
  fails({ smart_quotes: 'lsquo, rsquo, ldquo, rdquo' }, '"x"\n', /generic non-integer character reference ' ldquo'/);
  fails({ smart_quotes: 'foo,rsquo,ldquo,rdquo' }, "'x\n", /generic non-integer character reference 'foo'/);
  // (A name kramdown lacks fails only where that quote is written.)
  assert.equal(createMarkdownConverter({ kramdown: { smart_quotes: 'foo,rsquo,ldquo,rdquo' } }).convert('"x"\n'), '<p>“x”</p>\n');
  // transliterated_header_ids needs the stringex gem where kramdown's converter makes the id:
  // every header with kramdown's parser, headers inside HTML elements with GFM's.
  fails({ input: 'kramdown', transliterated_header_ids: true }, '# Ünï\n', /stringex/);
  fails({ transliterated_header_ids: true }, '<div markdown="1">\n# Ünï\n</div>\n', /stringex/);
  assert.equal(createMarkdownConverter({ kramdown: { transliterated_header_ids: true } }).convert('# Ünï\n'), '<h1 id="ünï">Ünï</h1>\n');
  assert.equal(createMarkdownConverter({ kramdown: { input: 'kramdown', transliterated_header_ids: true } }).convert('# Ünï {#x}\n'), '<h1 id="x">Ünï</h1>\n');
  // toc_levels, footnote_nr, header_offset as kramdown's validators take them.
  fails({ toc_levels: 2 }, 'x\n', /Invalid type Integer for option toc_levels/);
  fails({ toc_levels: '2-3' }, 'x\n', /Invalid syntax for option toc_levels/);
  fails({ toc_levels: [0, 1] }, 'x\n', /have to be integers from 1 to 6/);
  fails({ header_offset: null }, 'x\n', /Invalid integer value for option 'header_offset': ''/);
  fails({ header_offset: 1.5 }, 'x\n', /Invalid integer value for option 'header_offset': '1.5'/);
  fails({ footnote_nr: 'abc' }, 'x\n', /Invalid integer value for option 'footnote_nr': 'abc'/);
  const toc = '* t\n{:toc}\n\n## A\n';
  assert.equal(createMarkdownConverter({ kramdown: { toc_levels: '3..2' } }).convert(toc), '\n<h2 id="a">A</h2>\n');
  assert.equal(createMarkdownConverter({ kramdown: { toc_levels: ['2'], header_offset: '1', footnote_nr: '0x10' } }).convert(`${toc}\nx[^1]\n\n[^1]: n\n`).split('\n').filter((l) => /<ul|<h|<ol/.test(l)).join('\n'),
    '<ul id="markdown-toc">\n<h3 id="a">A</h3>\n  <ol start="16">');
  // In a document, a value kramdown cannot parse is dropped (Options.parse's error is rescued).
  assert.equal(createMarkdownConverter({ kramdown: {} }).convert('{::options header_offset="1.5" toc_levels="2, 3" /}\n\n# A\n'), '\n<h1 id="a">A</h1>\n');
});

test('a character reference kramdown would write as bytes that are no UTF-8 is kept as written', () => {
  // Jekyll 4.3.1 writes `&#x110000;` as F4 90 80 80 and `&#xD800;` as ED A0 80 (Ruby's pack('U')),
  // which no UTF-8 reader takes; build-site keeps the reference (a browser shows U+FFFD), as the
  // golden cases cannot hold such bytes (JSON). Past Ruby's range (`&#99999999999;`) Jekyll keeps it too.
  const conv = createMarkdownConverter({ kramdown: {} });
  assert.equal(conv.convert('a &#x110000; &#1114112; &#xD800; &#57343; &#99999999999; b\n'),
    '<p>a &#x110000; &#1114112; &#xD800; &#57343; &#99999999999; b</p>\n');
  assert.equal(conv.convert('&#x10FFFF;\n'), '<p>\u{10FFFF}</p>\n');
});
