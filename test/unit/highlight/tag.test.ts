/**
 * `{% highlight %}` output against Jekyll 4.3.1's own tag (test/golden/highlight/tag.json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightTag, isKnownLanguage } from '../../../src/render/highlight/index.js';
import { firstDiff, readGolden } from './compare.js';

interface TagCase {
  markup: string;
  code: string;
  html: string;
}

/** The markup's options the way Jekyll's tag reads them: `name`, `name=value`, `name="1 2"`. */
function parseMarkup(markup: string): { lang: string; options: Record<string, string | boolean> } {
  const [lang, ...rest] = markup.split(/\s+/);
  const options: Record<string, string | boolean> = {};
  for (const m of rest.join(' ').matchAll(/(\w+)(?:=("[^"]*"|\w+))?/g)) {
    options[m[1]] = m[2] === undefined ? true : m[2].replace(/"/g, '');
  }
  return { lang, options };
}

for (const c of readGolden<TagCase[]>('tag.json')) {
  test(`{% highlight ${c.markup} %} ${JSON.stringify(c.code).slice(0, 40)}`, () => {
    const { lang, options } = parseMarkup(c.markup);
    const ours = highlightTag(c.code, lang, options);
    assert.equal(ours, c.html, firstDiff(ours, c.html));
  });
}

test('isKnownLanguage knows every Rouge 3.30 name and alias, case-sensitively', () => {
  const table = readGolden<Record<string, string>>('languages.json');
  const names = Object.keys(table);
  assert.ok(names.length > 300);
  for (const name of names) assert.ok(isKnownLanguage(name), name);
  for (const name of ['mermaid', 'chartjs', 'jsonl', 'Python', 'JS', '', 'plain text']) {
    assert.equal(isKnownLanguage(name), false, name);
  }
  assert.ok(isKnownLanguage('console?lang=python'));
});
