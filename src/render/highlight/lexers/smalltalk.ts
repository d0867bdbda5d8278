/**
 * Smalltalk (tags `smalltalk`, `st`, `squeak`; `.st` files), as Rouge 3.30 lexes it
 * (lexers/smalltalk.rb): `"…"` comments `c`, `! !` chunk ends `k`, `<primitive: …>` `p` `k`;
 * method heads (`at: index`, a unary or binary selector alone on a line) `nf` `nv`; `| temps |`
 * `nv`; `[:x | …]` block parameters `o` `nv`; `self`/`super`/`true`/`nil`… `bp`, classes `nc`,
 * variables `nv`; after an object, message selectors `nf` (`ifTrue:` and friends `nb`, `new` `nb`);
 * `'…'` `s`, `$c` `sc`, numbers `m`, `#symbols` and `#( … )` literal arrays `ss`; `^ := _` `o`.
 * Rouge's `'(''|.)*?'` stops at the first quote after the opener (the `''` branch is never taken
 * first), written `'[^']*'`. Its case-insensitive `[a-z]` also takes `ſ` and `K` in Onigmo (but
 * its `\w` does not): written without the flag as `[a-zA-Zſ\u212A]`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guarded, onlyWhereLater } from './loop-match.js';

const OPS = String.raw`[-+*/\\~<>=|&!?,@%]`;
// Onigmo's [a-z] under /i
const ALPHA_I = '[a-zA-Zſ\u212A]';

// a keyword selector's name without its colon (greedy: the same run the unary-selector rule takes)
const selectorName = rule(String.raw`${ALPHA_I}+\w*`, 'nf');

/**
 * Whether the keyword-selector rule `[a-z]+\w*:` (/i) can match: only with the `:` right after
 * the greedy run — a shorter one is followed by a letter or word character, never a `:` (`ſ` and
 * `K`, letters to `[a-z]`/i but not `\w`, only end the letters' run, where `\w*` starts). On a
 * long run without the colon V8 tried every split of the run between `[a-z]+` and `\w*`
 * (quadratic: `1aaa…`); the greedy run is matched once instead.
 */
function colonAfterSelector(text: string, pos: number): boolean {
  const re = selectorName.re;
  re.lastIndex = pos;
  const m = re.exec(text);
  return m !== null && text.charCodeAt(pos + m[0].length) === 58;
}

export const smalltalk: LexerDef = lazyLexer('smalltalk', () => ({
  states: {
    root: [
      rule(/(<)(\w+:)(.*?)(>)/, ['p', 'k', '', 'p']),
      { mixin: 'whitespaces' },
      { mixin: 'method_definition' },
      rule(/([|])([\w\s]*)([|])/, ['p', 'nv', 'p']),
      { mixin: 'objects' },
      rule(/\^|:=|_/, 'o'),
      rule(/[)}\]]/, 'p', 'after_object'),
      rule(/[({\[!]/, 'p'),
    ],
    method_definition: [
      rule(String.raw`(${ALPHA_I}\w*:)(\s*)(\w+)`, ['nf', '', 'nv']),
      rule(String.raw`^(\s*)(\b${ALPHA_I}\w*\b)(\s*)$`, ['', 'nf', '']),
      rule(String.raw`^(\s*)(${OPS}+)(\s*)(\w+)(\s*)$`, ['', 'nf', '', 'nv', '']),
    ],
    block_variables: [
      { mixin: 'whitespaces' },
      rule(/(:)(\s*)(\w+)/, ['o', '', 'nv']),
      rule(/[|]/, 'p', '#pop'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    literals: [
      rule(/'[^']*'/, 's', 'after_object'),
      rule(/[$]./, 'sc', 'after_object'),
      rule(/#[(]/, 'ss', 'parenth'),
      rule(/(\d+r)?-?\d+(\.\d+)?(e-?\d+)?/, 'm', 'after_object'),
      rule(String.raw`#("[^"]*"|${OPS}+|[\w:]+)`, 'ss', 'after_object'),
    ],
    parenth: [
      rule(/[)]/, (run) => {
        run.token('ss');
        run.goto('after_object');
      }),
      { mixin: 'inner_parenth' },
    ],
    inner_parenth: [
      rule(/#[(]/, 'ss', 'inner_parenth'),
      rule(/[)]/, 'ss', '#pop'),
      { mixin: 'whitespaces' },
      { mixin: 'literals' },
      rule(String.raw`(${OPS}|[\w:])+`, 'ss'),
    ],
    whitespaces: [
      rule(/! !$/, 'k'),
      rule(/\s+/, ''),
      // needs a closing quote: only tried where one is left (linear on many unclosed quotes)
      onlyWhereLater('"', 1, rule(/".*?"/s, 'c')),
    ],
    objects: [
      rule(/\[/, 'p', 'block_variables'),
      rule(/(self|super|true|false|nil|thisContext)\b/, 'bp', 'after_object'),
      rule(/[A-Z]\w*(?!:)\b/, 'nc', 'after_object'),
      rule(/[a-z]\w*(?!:)\b/, 'nv', 'after_object'),
      { mixin: 'literals' },
    ],
    after_object: [
      { mixin: 'whitespaces' },
      rule(/(ifTrue|ifFalse|whileTrue|whileFalse|timesRepeat):/, 'nb', '#pop'),
      rule(/new(?!:)\b/, 'nb'),
      rule(/:=|_/, 'o', '#pop'),
      guarded(rule(String.raw`${ALPHA_I}+\w*:`, 'nf', '#pop'), colonAfterSelector),
      rule(String.raw`${ALPHA_I}+\w*`, 'nf'),
      rule(String.raw`${OPS}+`, 'nf', '#pop'),
      rule(/[.]/, 'p', '#pop'),
      rule(/;/, 'p'),
      rule(/(?:)/, (run) => run.pop()),
    ],
  },
}));
