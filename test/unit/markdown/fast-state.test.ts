// fast-state.ts builds markdown-it's tokens and states with its own constructors; these must be
// indistinguishable from markdown-it's (fields, order, values, prototypes), or not be installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import markdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import deflist from 'markdown-it-deflist';
import abbr from 'markdown-it-abbr';
import { installFastState } from '../../../src/render/markdown/fast-state.js';
import { loadCombos, loadGolden } from './golden-data.js';

const make = () => markdownIt({ html: true }).use(footnote).use(deflist).use(abbr);

test('installs on markdown-it as pinned (fails when markdown-it changes its token or state fields)', () => {
  const md = make();
  const block = md.block.State;
  assert.equal(installFastState(md), true);
  assert.notEqual(md.block.State, block);
  // Only this instance: another markdown-it keeps the library's classes.
  assert.equal(make().block.State, block);
});

test('token streams are deep-equal to markdown-it own, prototypes included', () => {
  const plain = make();
  const fast = make();
  assert.equal(installFastState(fast), true);
  const sources = [...loadGolden(), ...loadCombos()].map((c) => c.markdown);
  sources.push('Term\n: def\n\n*[HTML]: Hyper\n\nHTML and [^1] `code` ~~s~~ <b>x</b> ![i](a.png "t")\n\n[^1]: note\n');
  for (const src of sources) {
    const a = plain.parse(src, {});
    const b = fast.parse(src, {});
    assert.deepStrictEqual(b, a, src);
    // deepStrictEqual ignores property order; the HTML renderer and JSON do not.
    assert.equal(JSON.stringify(b), JSON.stringify(a), src);
  }
  const tok = fast.parse('a *b*', {})[1].children![1];
  assert.ok(tok instanceof new (plain.core.State as any)('', plain, {}).Token);
  assert.equal(fast.render('# T\n\n* a\n* b\n'), plain.render('# T\n\n* a\n* b\n'));
});

test('line marks equal markdown-it StateBlock on random whitespace/newline layouts', () => {
  const plain = make();
  const fast = make();
  installFastState(fast);
  const Plain = plain.block.State as any;
  const Fast = fast.block.State as any;
  const pieces = [' ', '  ', '\t', '\n', '\n\n', 'a', 'b c', ' \t ', '\u00a0'];
  let seed = 3;
  const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  const marks = (s: any) => JSON.stringify([s.bMarks, s.eMarks, s.tShift, s.sCount, s.bsCount, s.lineMax]);
  for (let i = 0; i < 3000; i++) {
    let src = '';
    for (let k = rnd(12); k > 0; k--) src += pieces[rnd(pieces.length)];
    assert.equal(marks(new Fast(src, fast, {}, [])), marks(new Plain(src, plain, {}, [])), JSON.stringify(src));
  }
});

test('installs nothing when markdown-it\'s state has fields it does not know', () => {
  const md = make();
  const Inline = md.inline.State as any;
  class Extra extends Inline { extra = 1; }
  (md.inline as any).State = Extra;
  const block = md.block.State;
  assert.equal(installFastState(md), false);
  assert.equal(md.inline.State, Extra);
  assert.equal(md.block.State, block);
});
