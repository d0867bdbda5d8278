/**
 * Haskell (tags `haskell`, `hs`), as Rouge 3.30 lexes it: reserved words `kr`, capitalised names
 * (and promoted `'Con`) `kt`, other names `n`; `\` of a lambda `nf`; operators `o`; `[]` `kt` and
 * `()` `nb`; `{- … -}` nested comments `cm`, pragmas `{-# … #-}` `cp`, `-- |` doc lines `cd`,
 * `--` comments `c1` (but `-->` is an operator); `import`/`module` heads with namespaces `nn` and
 * their export or import lists (`nf` for functions, `kt` for types); strings `s` with escapes
 * `se`, characters `sc`; quasiquotes `[name| … |]` as plain text.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const RESERVED = new Set(`_ case class data default deriving do else if in infix infixl infixr
  instance let newtype of then type where`.split(/\s+/));
const ASCII = 'NUL|SOH|[SE]TX|EOT|ENQ|ACK|BEL|BS|HT|LF|VT|FF|CR|S[OI]|DLE|DC[1-4]|NAK|SYN|ETB|CAN|EM|SUB|ESC|[FGRU]S|SP|DEL';
// Operator characters (Rouge's class, escapes only where a JavaScript `u` regex allows them).
const OPC = String.raw`[:!#$%&*+.\\/<=>?@^|~-]`;

export const haskell: LexerDef = lazyLexer('haskell', () => ({
  states: {
    basic: [
      rule(/\s+/, ''),
      rule(/\{-#/, 'cp', 'comment_preproc'),
      rule(/\{-/, 'cm', 'comment'),
      rule(/^--\s+\|.*?$/, 'cd'),
      rule(String.raw`--(?![!#$%&*+.\/<=>?@^|_~]).*?$`, 'c1'),
    ],
    comment: [
      rule(/-\}/, 'cm', '#pop'),
      rule(/\{-/, 'cm', 'comment'),
      rule(/[^\-{}]+/, 'cm'),
      rule(/[\-{}]/, 'cm'),
    ],
    comment_preproc: [
      rule(/-\}/, 'cp', '#pop'),
      rule(/\{-/, 'cp', 'comment'),
      rule(/[^\-{}]+/, 'cp'),
      rule(/[\-{}]/, 'cp'),
    ],
    root: [
      mixin('basic'),
      rule(String.raw`'(?=(?:.|\\\S+)')`, 'sc', 'character'),
      rule(/"/, 's', 'string'),
      rule(/\d+e[+\-]?\d+/i, 'mf'),
      rule(/\d+\.\d+(?:e[+\-]?\d+)?/i, 'mf'),
      rule(/0o[0-7]+/i, 'mo'),
      rule(/0x[\da-f]+/i, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/[\w']+/, (run, m) => {
        const w = m[0];
        if (w === 'import') { run.token('kr'); run.push('import'); }
        else if (w === 'module') { run.token('kr'); run.push('module'); }
        else if (RESERVED.has(w)) run.token('kr');
        else if (/^'?[A-Z]/.test(w)) run.token('kt');
        else run.token('n');
      }),
      rule(String.raw`\\(?!${OPC}+)`, 'nf'),
      rule(String.raw`(?:<-|::|->|=>|=)(?!${OPC}+)`, 'o'),
      rule(`:${OPC}*`, 'o'),
      rule(`${OPC}+`, 'o'),
      rule(/\[\s*\]/, 'kt'),
      rule(/\(\s*\)/, 'nb'),
      rule(/(\[)([_a-z][\w']*)(\|)/, ['o', 'n', 'o'], 'quasiquotation'),
      rule(/[\[\](),;`{}]/, 'p'),
    ],
    import: [
      rule(/\s+/, ''),
      rule(/"/, 's', 'string'),
      rule(/\bqualified\b/, 'k'),
      rule(/([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)/, (run) => {
        run.groups('nn', '', 'k', '', 'n');
        run.pop();
      }),
      rule(/([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()/, (run) => {
        run.groups('nn', '', 'k', '', 'p');
        run.goto('funclist');
      }),
      rule(/([A-Z][\w.]*)(\s+)(\()/, (run) => {
        run.groups('nn', '', 'p');
        run.goto('funclist');
      }),
      rule(/[\w.]+/, 'nn', '#pop'),
    ],
    module: [
      rule(/\s+/, ''),
      rule(/([A-Z][\w.]*)(\s+)(\()/, ['nn', '', 'p'], 'funclist'),
      rule(/\bwhere\b/, 'kr', '#pop'),
      rule(/[A-Z][a-zA-Z0-9_.]*/, 'nn', '#pop'),
    ],
    funclist: [
      mixin('basic'),
      rule(/[A-Z]\w*/, 'kt'),
      rule(/(?:_[\w']+|[a-z][\w']*)/, 'nf'),
      rule(/,/, 'p'),
      rule(`${OPC}+`, 'o'),
      rule(/\(/, 'p', 'funclist'),
      rule(/\)/, 'p', '#pop'),
    ],
    ...haskellLiterals(),
  },
}));

/**
 * Character and string literals (with their escapes) and `[q| … |]` quasiquotes: the states
 * Rouge's Haskell and Idris lexers write alike (Idris's `x[\da-fA-F]+/i` is this `x[\da-f]+/i`).
 */
export function haskellLiterals() {
  return {
    character: [
      rule(/\\/, (run) => {
        run.token('se');
        run.goto('character_end');
        run.push('escape');
      }),
      rule(/./, (run) => {
        run.token('sc');
        run.goto('character_end');
      }),
    ],
    character_end: [rule(/'/, 'sc', '#pop'), rule(/./, 'err', '#pop')],
    quasiquotation: [rule(/\|\]/, 'o', '#pop'), rule(/[^|]+/, ''), rule(/\|/, '')],
    string: [rule(/"/, 's', '#pop'), rule(/\\/, 'se', 'escape'), rule(/[^\\"]+/, 's')],
    escape: [
      rule(/[abfnrtv"'&\\]/, 'se', '#pop'),
      rule(/\^[\][A-Z@^_]/, 'se', '#pop'),
      rule(ASCII, 'se', '#pop'),
      rule(/o[0-7]+/i, 'se', '#pop'),
      rule(/x[\da-f]+/i, 'se', '#pop'),
      rule(/\d+/, 'se', '#pop'),
      rule(/\s+\\/, 'se', '#pop'),
    ],
  };
}
