/**
 * Mathematica / Wolfram Language (tags `mathematica`, `wl`), as Rouge 3.30 lexes it: whitespace
 * `w`; numbers in all input forms (bases `2^^101`, precision and accuracy marks, `*^` exponents)
 * `m`; symbols, also with contexts (`System`Plot`) and named characters (`\[Alpha]`): `Module`,
 * `With`, `Block` are `bp`, Rouge's list of ~5,400 built-in symbols `nb`, anything else `nv`;
 * slots `#`, `##2`, `#name` `nf`; messages `f::usage` `nt`; `In[1]:=` prompts `gp`; nested
 * `(* … *)` comments `c`, with `::Section::` markup `cp`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { pairedEscapes } from './loop-match.js';
import { MATHEMATICA_BUILTINS } from '../rouge-words.js';

const BASE = String.raw`(?:\d+)`;
const NUMBER = String.raw`(?:\.\d+|\d+\.\d*|\d+)`;
const NUMBER_BASE = String.raw`(?:\.\w+|\w+\.\w*|\w+)`;
const PRECISION = `(?:\`(?:\`?${NUMBER})?)`;
const STRING = pairedEscapes('"');
const IDENTIFIER = String.raw`(?:[a-zA-Z$][$a-zA-Z0-9]*)`;
const NAMED_CHARACTER = String.raw`(?:\\\[${IDENTIFIER}\])`;
const SYMBOL = `(?:(?:${IDENTIFIER}|${NAMED_CHARACTER})+)`;
const CONTEXT_SYMBOL = `\`?${SYMBOL}(?:\`${SYMBOL})*\`?`;
const SLOT = `#(?:${IDENTIFIER}|"${IDENTIFIER}")|#[0-9]*`;
const KEYWORDS = new Set(['Module', 'With', 'Block']);

export const mathematica: LexerDef = lazyLexer('mathematica', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/\(\*/, 'c', 'comment'),
      rule(String.raw`${BASE}\^\^${NUMBER_BASE}${PRECISION}?(?:\*\^[+\-]?\d+)?`, 'm'),
      rule(String.raw`(?:${NUMBER}${PRECISION}?(?:\*\^[+\-]?\d+)?)`, 'm'),
      rule(`::(?:${IDENTIFIER}|${STRING})`, 'nt'),
      rule(/(?:In|Out)\[[0-9]+\]:?=/, 'gp'),
      rule(new RegExp(CONTEXT_SYMBOL, 's'), (run, m) => {
        if (KEYWORDS.has(m[0])) run.token('bp');
        else if (MATHEMATICA_BUILTINS.has(m[0])) run.token('nb');
        else run.token('nv');
      }),
      rule(SLOT, 'nf'),
      rule(/[+\-*/|,;.:@~=><&`'^?!_%]/, 'o'),
      rule(/[\[\](){}]/, 'p'),
      rule(STRING, 's'),
    ],
    comment: [
      rule(/\(\*/, 'c', 'comment'),
      rule(/\*\)/, 'c', '#pop'),
      rule(`::${IDENTIFIER}::`, 'cp'),
      rule(`[ ]:(?:${IDENTIFIER}|[ \\t\\n\\v\\f\\r])+:[ ]`, 'cp'),
      rule(/./, 'c'),
    ],
  },
}));
