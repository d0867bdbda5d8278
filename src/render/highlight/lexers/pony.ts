/**
 * Pony (tag `pony`), as Rouge 3.30 lexes it (lexers/pony.rb): reference capabilities (`iso val
 * ref box trn tag`) `kd`, keywords `kr`, names starting with a capital or `_` `nc` (so Rouge's
 * type list, all capitalised, is never reached), `true false NULL` `no`, other names `n`;
 * `"…"` `s` with escapes `se` (a newline in one is `err`), `"""…"""` `sd`; line and block
 * comments `c1`/`cm`; numbers `mf`/`mh`/`mi`; operators `o`, punctuation `p`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { cStringState } from './c.js';
import { onlyBeforeBlockCommentCloser } from './loop-match.js';

const KEYWORDS = new Set(`actor addressof and as be break class compiler_intrinsic consume continue do
  else elseif embed end error for fun if ifdef in interface is isnt lambda let match new not object
  primitive recover repeat return struct then this trait try type until use var where while with`.split(/\s+/));
const CAPABILITIES = new Set(['box', 'iso', 'ref', 'tag', 'trn', 'val']);
const TYPES = new Set(`Number Signed Unsigned Float I8 I16 I32 I64 I128 U8 U32 U64 U128 F32 F64
  EventID Align IntFormat NumberPrefix FloatFormat Type`.split(/\s+/));

export const pony: LexerDef = lazyLexer('pony', () => ({
  states: {
    whitespace: [rule(/\s+/, '')],
    root: [
      mixin('whitespace'),
      rule(/"""/, 'sd', 'docstring'),
      rule(/\/\/.*/, 'c1'),
      // unclosed, the lazy body would scan to the end at each `/*`: tried only before a last `*/`
      onlyBeforeBlockCommentCloser(rule(/\/(\\\n)?[*](.|\n)*?[*](\\\n)?\//, 'cm')),
      rule(/"/, 's', 'string'),
      rule(/[~!%^&*+=|?:<>\/-]/, 'o'),
      rule(/(true|false|NULL)\b/, 'no'),
      rule(/(?:[A-Z_][a-zA-Z0-9_]*)/, 'nc'),
      rule(/[()\[\],.';]/, 'p'),
      rule(/0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+\-]?[0-9_]+[fFL]?[i]?/, 'mf'),
      rule(/[0-9_]+(\.[0-9_]+[eE][+\-]?[0-9_]+|\.[0-9_]*|[eE][+\-]?[0-9_]+)[fFL]?[i]?/, 'mf'),
      rule(/\.(0|[1-9][0-9_]*)([eE][+\-]?[0-9_]+)?[fFL]?[i]?/, 'mf'),
      rule(/0[xX][0-9a-fA-F_]+/, 'mh'),
      rule(/(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?/, 'mi'),
      rule(/[a-z_][a-z0-9_]*/i, (run, m) => {
        const w = m[0];
        run.token(CAPABILITIES.has(w) ? 'kd' : KEYWORDS.has(w) ? 'kr' : TYPES.has(w) ? 'kt' : 'n');
      }),
    ],
    string: cStringState(),
    docstring: [rule(/"""/, 'sd', '#pop'), rule(/\n/, 'sd'), rule(/./, 'sd')],
  },
}));
