// On all-ASCII code the engine runs each rule's asciiRe, where `\b` and the Unicode properties of
// ASCII_PROPERTY_MEMBERS (src/render/highlight/engine.ts) are spelled as their ASCII members. For
// every rule of every lexer whose regex has a property class, asciiRe must match exactly as re
// does on random ASCII text, at every kind of position.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allNativeLexers } from '../../../src/render/highlight/lexers/index.js';
import type { Rule } from '../../../src/render/highlight/engine.js';

/** Every native lexer, loaded (lexers/index.ts loads each on first use). */
const NATIVE = allNativeLexers();

const ALPHABET = 'abcxyzABCXYZ_019 \t\n.:-"\'#$@(){}[]<>=/\\*+!?;,`~%&|^';

test('asciiRe matches as re on ASCII text, for every rule with a Unicode property class', () => {
  let seed = 5;
  const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  const texts: string[] = [];
  for (let i = 0; i < 150; i++) {
    let t = '';
    for (let k = 1 + rnd(24); k > 0; k--) t += rnd(3) === 0 ? ALPHABET[rnd(ALPHABET.length)] : 'aZ_9 '[rnd(5)];
    texts.push(t);
  }
  let checked = 0;
  for (const def of new Set(NATIVE.values())) {
    let states: Record<string, unknown[]>;
    try {
      states = def.states;
    } catch {
      continue; // an external (plain) lexer has no states
    }
    for (const rules of Object.values(states ?? {})) {
      for (const r of rules as Rule[]) {
        if (!r || !('action' in r) || !r.asciiRe || !/\\[pP]\{/.test(r.re.source) || r.asciiRe === r.re) continue;
        checked++;
        const { re, asciiRe } = r;
        for (const text of texts) {
          for (const pos of [0, 1, text.length >> 1]) {
            re.lastIndex = pos;
            const a = re.exec(text);
            asciiRe.lastIndex = pos; // (after: the two are one regex where nothing was translated)
            const b = asciiRe.exec(text);
            assert.deepEqual(b && [...b], a && [...a], `${def.name}: ${re.source} at ${pos} of ${JSON.stringify(text)}`);
          }
        }
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} rules with property classes`);
});
