// `kramdown: input:` as Jekyll 4.3.1 resolves it (Kramdown::JekyllDocument.setup): the first letter
// upper-cased names kramdown's parser class. Measured with real Jekyll: `gfm` and `foo` stop the build
// with "kramdown has no parser to handle the specified input format", an empty string with a Ruby
// TypeError; `gFM` is GFM; null is kramdown's own parser. What each parser writes is pinned by the
// goldens (cases/24-kramdown-input.md for kramdown's own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMarkdownConverter } from '../../../src/render/markdown/index.js';
import { BuildError } from '../../../src/errors.js';

const render = (input: unknown, md: string) => createMarkdownConverter({ kramdown: { input } }).convert(md);
const GFM = '<p>para</p>\n<h1 id="h">h</h1>\n';
const KRAMDOWN = '<p>para\n# h</p>\n';

test('input names a parser by its first letter upper-cased, as Jekyll does', () => {
  assert.equal(render('GFM', 'para\n# h\n'), GFM);
  assert.equal(render('gFM', 'para\n# h\n'), GFM);
  assert.equal(render('kramdown', 'para\n# h\n'), KRAMDOWN);
  assert.equal(render('Kramdown', 'para\n# h\n'), KRAMDOWN);
  assert.equal(render(null, 'para\n# h\n'), KRAMDOWN);
});

test('an input naming no kramdown parser stops the build with Jekyll\'s message', () => {
  for (const input of ['gfm', 'foo', 'KRAMDOWN']) {
    assert.throws(() => render(input, 'x'),
      (e: unknown) => e instanceof BuildError && e.message === `Conversion error: kramdown has no parser to handle the specified input format: ${input}`);
  }
  assert.throws(() => render('', 'x'), (e: unknown) => e instanceof BuildError && /no implicit conversion of nil into String/.test(e.message));
});

test('kramdown\'s Markdown and Html parsers, which build-site does not have, stop the build', () => {
  for (const input of ['markdown', 'Html']) {
    assert.throws(() => render(input, 'x'), (e: unknown) => e instanceof BuildError && /not implemented by build-site/.test(e.message));
  }
});
