// gfmId has a fast path for all-ASCII header texts; it must give the ids of the general algorithm
// (kramdown-parser-gfm: per-character downcase, keep letters/marks/digits/Pc/`-`/space/tab,
// spaces and tabs to `-`), written out here as the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gfmId } from '../../../src/render/markdown/header-id.js';

const reference = (text: string) =>
  Array.from(text, (c) => c.toLowerCase()).join('').replace(/[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu, '').replace(/[ \t]/g, '-');

test('ASCII header texts get the general algorithm\'s ids, every ASCII character included', () => {
  let seed = 7;
  const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  const all = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
  for (let i = 0; i < 5000; i++) {
    let text = '';
    for (let k = rnd(30); k > 0; k--) text += rnd(3) === 0 ? all[rnd(128)] : 'aZ9 _-\t.'[rnd(8)];
    assert.equal(gfmId(text, new Map()), reference(text), JSON.stringify(text));
  }
});

test('non-ASCII header texts and repeats', () => {
  const ids = new Map<string, number>();
  assert.equal(gfmId('Ça va — “Größe” Σ', ids), reference('Ça va — “Größe” Σ'));
  assert.equal(gfmId('A b', ids), 'a-b');
  assert.equal(gfmId('A b', ids), 'a-b-1');
  assert.equal(gfmId('a B', ids), 'a-b-2');
});
