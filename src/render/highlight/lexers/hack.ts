/**
 * Hack (tag `hack`, alias `hh`), as Rouge 3.30 lexes it (lexers/hack.rb, `Hack < PHP`): Rouge's
 * PHP lexer (./php.ts) with Hack's keywords added (`type newtype enum async await vec dict
 * keyset arraykey`…, and the scalar types `int string bool`…) and rules put first: a `<?hh`
 * line (with its `// strict`/`decl`/`partial` mode) opens Hack code `cp`; in code,
 * `/* HH_FIXME[4110] … *\/` and `/* HH_IGNORE_ERROR[…] *\/` are `cp cp cm cp`, and the
 * `// UNSAFE`, `// UNSAFE_EXPR`, `// UNSAFE_BLOCK` and `/* UNSAFE_EXPR *\/` markers `cp`.
 */
import { type LexerDef, rule } from '../engine.js';
import { KEYWORDS, phpLexer } from './php.js';

const HACK_KEYWORDS = new Set([
  ...KEYWORDS,
  ...`type newtype enum as super async await Awaitable vec dict keyset void int string bool float
  double arraykey num Stringish`.split(/\s+/),
]);

export const hack: LexerDef = phpLexer('hack', HACK_KEYWORDS, {
  root: [rule(/<\?hh(\s*\/\/\s*(strict|decl|partial))?$/, 'cp', 'php')],
  php: [
    rule(/(\/\*\s*)(HH_(?:IGNORE_ERROR|FIXME)\[\d+\])([^*]*)(\*\/)/, ['cp', 'cp', 'cm', 'cp']),
    rule(/\/\/ UNSAFE(?:_EXPR|_BLOCK)?/, 'cp'),
    rule(/\/\*\s*UNSAFE_EXPR\s*\*\//, 'cp'),
  ],
});
