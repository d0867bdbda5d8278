// Work bounds of kramdown-style emphasis: a delimiter's search for its close skips whole links, so
// a paragraph of unclosed delimiters and brackets made every delimiter parse every link after it,
// and every link every delimiter inside it, again and again (cubic: 12 KB took minutes). The
// searches are remembered per paragraph now. Measured here by the work done (link-label scans,
// counted at markdown-it's skipToken), not by time: doubling the paragraph must not multiply the
// work by more than a quadratic algorithm would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { emphasisPlugin, spanOptionsIn } from '../../../src/render/markdown/plugins/emphasis.js';
import { linkPlugin } from '../../../src/render/markdown/plugins/link.js';

function workFor(paragraph: string): number {
  const md = new MarkdownIt();
  md.use(emphasisPlugin);
  md.use(linkPlugin, spanOptionsIn);
  let steps = 0;
  const skipToken = md.inline.skipToken.bind(md.inline);
  md.inline.skipToken = (state) => {
    steps++;
    skipToken(state);
  };
  md.render(paragraph);
  return steps;
}

for (const unit of ['**a [b ', '*a [b ', '*a [b](c *d [e ', '[a *b ']) {
  test(`unclosed delimiters and brackets (${JSON.stringify(unit)} repeated) take at most quadratic work`, () => {
    const small = workFor(unit.repeat(60));
    const large = workFor(unit.repeat(120));
    assert.ok(small > 0, 'the paragraph parses links');
    assert.ok(large <= small * 4.5, `doubling the paragraph took ${large} steps against ${small}`);
  });
}

// Past a link label's longest search (markdown-it's, as long as kramdown's ends here) the work per
// repeated unit is bounded: doubling the paragraph about doubles it.
for (const unit of ['**[a ', '*[a ', '[a ']) {
  test(`unclosed delimiters before unclosed brackets (${JSON.stringify(unit)} repeated) take linear work`, () => {
    const small = workFor(unit.repeat(400));
    const large = workFor(unit.repeat(800));
    assert.ok(small > 0, 'the paragraph parses links');
    assert.ok(large <= small * 2.5, `doubling the paragraph took ${large} steps against ${small}`);
  });
}

test('the remembered searches give the same HTML as fresh ones', () => {
  const md = new MarkdownIt();
  md.use(emphasisPlugin);
  md.use(linkPlugin, spanOptionsIn);
  // The second paragraph repeats the first's positions: nothing may carry over between them.
  // (Expected output from Jekyll 4.3.1.)
  assert.equal(md.render('**a [b** c](http://y) **d**\n\n**a [b** c] **d**\n'),
    '<p><strong>a <a href="http://y">b** c</a> **d</strong></p>\n<p><strong>a [b</strong> c] <strong>d</strong></p>\n');
});
