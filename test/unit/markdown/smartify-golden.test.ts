// The `smartify` filter against Jekyll 4.3.1's SmartyPants converter (test/golden/smartify, from
// generate.rb): typography, entities, span HTML as kramdown owns it (unclosed elements closed after
// the text's newline, stray close tags as text, raw elements without typography), block HTML at a
// line's start, chomping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { smartify } from '../../../src/render/markdown/index.js';

const dir = path.resolve(fileURLToPath(import.meta.url), '../../../../../test/golden/smartify');
const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as string[];
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { results: { input: string; output: string }[] };

test('smartify equals Jekyll 4.3.1 SmartyPants converter on every golden case', () => {
  assert.deepEqual(expected.results.map((r) => r.input), cases, 'expected.json is stale: run ruby test/golden/smartify/generate.rb');
  const failures = expected.results.filter((r) => smartify(r.input) !== r.output)
    .map((r) => `${JSON.stringify(r.input)}\n    want: ${JSON.stringify(r.output)}\n    got:  ${JSON.stringify(smartify(r.input))}`);
  assert.equal(failures.length, 0, failures.join('\n  '));
});
