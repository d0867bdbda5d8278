// The tag patterns run through src/render/markdown/ascii-first.ts (a widened form first, the exact
// pattern only when an answer needs it) must answer exactly as the patterns with `\p{L}`/`\p{N}`
// classes, written out here as the reference, on random text mixing ASCII markup with non-ASCII
// letters, digits, marks, spaces (NBSP, U+3000, which `\s` takes) and punctuation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiFirst, asciiSource, widenedSource } from '../../../src/render/markdown/ascii-first.js';
import { TAG_CLOSE_RE, TAG_RE, parseAttributes } from '../../../src/render/markdown/html.js';

// REXML's UNAME_STR as html.ts reads it: an NCName, or two joined by one `:`.
const NAME = String.raw`(?:[\p{L}_][\p{L}\p{N}_.\-]*:)?[\p{L}_][\p{L}\p{N}_.\-]*`;
const TAG = new RegExp(String.raw`^<(${NAME})\s*((?:(?=(\s+${NAME}(?:\s*=\s*(?:[\p{L}\p{N}_]+|("|')[\s\S]*?\4))?))\3)*)\s*(\/)?>`, 'u');
const TAG_CLOSE = new RegExp(String.raw`^<\/(${NAME})\s*>`, 'u');
const ATTR = new RegExp(String.raw`\s*(${NAME})(?:\s*=\s*(?:([\p{L}\p{N}_]+)|("|')([\s\S]*?)\3))?`, 'gu');

const PIECES = ['<', '<', '>', '/', '=', '"', "'", ' ', ' ', '\n', 'a', 'b', 'Zq', 'x-y', '9', '_', ':', '.', '-', '!--',
  '\u00a0', '\u3000', 'é', '中', '\u00b7', '\u0301', '²', '٣', '\u{1D49C}', '—', '\u2028'];

const SPACES = [' ', ' ', '\n', '\u00a0', '\u3000', ''];
const NAMES = ['a', 'div', 'x-y', 'é', 'b中', '_:', '9', '\u00b7', 'a\u0301', '\u{1D49C}', 'q²', 'a:b', 'a::b', 'p:é', ''];
const VALUES = ['c', '"x y"', "'q'", '"a>b"', 'c\u00a0x', '٣', '"', "'", '""', 'é'];

/** Random text: half pieces at random, half shaped like a tag (name, attributes, `/`, `>`) with non-ASCII in places. */
function randomText(rnd: (n: number) => number): string {
  const pick = (list: string[]) => list[rnd(list.length)]!;
  if (rnd(2) === 0) {
    let text = rnd(4) === 0 ? '' : '<';
    for (let k = rnd(14); k > 0; k--) text += pick(PIECES);
    return text;
  }
  let text = '<' + (rnd(5) === 0 ? '/' : '') + pick(NAMES);
  for (let k = rnd(4); k > 0; k--) {
    text += pick(SPACES) + pick(NAMES);
    if (rnd(2) === 0) text += pick(SPACES) + '=' + pick(SPACES) + pick(VALUES);
  }
  text += pick(SPACES) + (rnd(4) === 0 ? '/' : '') + (rnd(8) === 0 ? '' : '>');
  if (rnd(3) === 0) text += pick(PIECES) + pick(PIECES);
  return text;
}

const same = (a: RegExpExecArray | null, b: RegExpExecArray | null) => (a === null || b === null ? a === b : a.index === b.index && JSON.stringify([...a]) === JSON.stringify([...b]));

test('TAG_RE, TAG_CLOSE_RE and parseAttributes answer as the exact Unicode patterns', () => {
  let seed = 11;
  const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  for (let i = 0; i < 40000; i++) {
    const text = randomText(rnd);
    assert.ok(same(TAG_RE.exec(text), TAG.exec(text)), `TAG_RE ${JSON.stringify(text)}`);
    assert.ok(same(TAG_CLOSE_RE.exec(text), TAG_CLOSE.exec(text)), `TAG_CLOSE_RE ${JSON.stringify(text)}`);
    const attrs = text.slice(1);
    const expected = new Map([...attrs.matchAll(ATTR)].map((m) => [m[1]!, m[2] ?? m[4] ?? '']));
    assert.deepEqual(parseAttributes(attrs, false), expected, `parseAttributes ${JSON.stringify(attrs)}`);
  }
});

test('where the widened tag pattern fails, the exact one is asked: a lookahead committed to a longer name', () => {
  // The widened value class takes "c\u00a0x" and leaves "-y>", which no attribute starts; the exact
  // one stops at the no-break space, which \s takes before the attribute x-y.
  const text = '<a b=c\u00a0x-y>';
  assert.equal(TAG.exec(text)?.[0], text);
  assert.ok(same(TAG_RE.exec(text), TAG.exec(text)));
});

test('widenedSource and asciiSource rewrite only \\p{L} and \\p{N} inside classes', () => {
  assert.equal(widenedSource(String.raw`[\p{L}_][\p{L}\p{N}\-]`), String.raw`[A-Za-z\u{80}-\u{10FFFF}_][A-Za-z\u{80}-\u{10FFFF}0-9\u{80}-\u{10FFFF}\-]`);
  assert.equal(asciiSource(String.raw`[\p{L}_]\[x`), String.raw`[A-Za-z_]\[x`);
  assert.throws(() => widenedSource(String.raw`\p{L}`));
  assert.throws(() => widenedSource(String.raw`[\p{M}]`));
  assert.throws(() => widenedSource(String.raw`[\P{L}]`));
  assert.throws(() => asciiFirst('a', 'gu', true));
});
