/**
 * Rouge's `guess` against Rouge 3.30 itself (test/golden/highlight/guess.json, from generate.rb):
 * the lexer each sample source is guessed as, or Rouge's ambiguity error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DETECTABLE, guessLanguage } from '../../../src/render/highlight/guess.js';
import { highlight } from '../../../src/render/highlight/index.js';
import { readGolden } from './compare.js';

interface GuessGolden {
  detectable: string[];
  cases: Array<{ lang: string; code: string; tag: string }>;
}

const golden = readGolden<GuessGolden>('guess.json');

test('the lexers whose detect? Rouge consults are the ones reproduced', () => {
  assert.deepEqual([...DETECTABLE].sort(), golden.detectable);
});

for (const c of golden.cases) {
  test(`${c.lang} ${JSON.stringify(c.code).slice(0, 50)} → ${c.tag}`, () => {
    const mimetype = new URLSearchParams(c.lang.split('?')[1] ?? '').get('mimetype');
    if (c.tag.startsWith('error: ')) {
      assert.throws(() => guessLanguage(c.code, mimetype), { message: c.tag.slice(7) });
      assert.throws(() => highlight(c.code, c.lang), { message: c.tag.slice(7) });
    } else {
      assert.equal(guessLanguage(c.code, mimetype), c.tag);
    }
  });
}

test('a guessed language is highlighted with the lexer guessed', () => {
  assert.equal(highlight('#!/bin/sh\necho hi\n', 'guess'), highlight('#!/bin/sh\necho hi\n', 'shell'));
  assert.equal(highlight('x = 1\n', 'guess'), 'x = 1\n');
});
