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
