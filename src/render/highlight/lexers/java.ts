/**
 * Java (tag `java`), as Rouge 3.30 lexes it: keywords `k`, modifiers `kd`, primitive types `kt`,
 * `true false null` `kc`; a name followed by `(` after a type-like prefix is a method `nf`
 * (with `(` as `o`; the prefix is lexed again); `.name` → `o na`; capitalised words `nc`,
 * ALL_CAPS `no`, other names `n`; annotations `nd`; strings `s`, chars `sc`; every other
 * punctuation mark `o`.
 */
import { type LexerDef, rule, lazyLexer } from '../engine.js';
import { pairedEscapes } from './loop-match.js';
import { isAsciiLetterOrUnderscore, isAsciiWordChar, methodHeadRule } from './method-head.js';

const KEYWORDS = 'assert|break|case|catch|continue|default|do|else|finally|for|if|goto|instanceof|new|return|switch|this|throw|try|while';
const DECLARATIONS =
  'abstract|const|enum|extends|final|implements|native|private|protected|public|static|strictfp|super|synchronized|throws|transient|volatile';
const TYPES = 'boolean|byte|char|double|float|int|long|short|var|void';
const ID = String.raw`[\p{Alphabetic}_][\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]*`;
const DIGIT = '(?:[0-9]_+[0-9]|[0-9])';
/** W = [a-zA-Z_][a-zA-Z0-9_.\[\]<>]*, I = [a-zA-Z_][a-zA-Z0-9_]* */
const JAVA_METHOD_HEAD = {
  wordStart: isAsciiLetterOrUnderscore,
  wordChar: (c: number) => isAsciiWordChar(c) || c === 46 || c === 91 || c === 93 || c === 60 || c === 62,
  nameStart: isAsciiLetterOrUnderscore,
  nameChar: isAsciiWordChar,
  bol: false,
};

export const java: LexerDef = lazyLexer('java', () => ({
  states: {
    root: [
      rule(/[ \t\v\f\r]+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/\*.*?\*\//s, 'cm'),
      rule(String.raw`(?:${KEYWORDS})\b`, 'k'),
      // Rouge's /(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()/, linear
      methodHeadRule(JAVA_METHOD_HEAD, (run, m) => {
        run.delegateFresh(java, m[1]);
        run.token('nf', m[2]);
        run.token('', m[3]);
        run.token('o', m[4]);
      }),
      rule(String.raw`@${ID}`, 'nd'),
      rule(String.raw`(?:${DECLARATIONS})\b`, 'kd'),
      rule(String.raw`(?:${TYPES})\b`, 'kt'),
      rule(/(?:true|false|null)\b/, 'kc'),
      rule(/(?:class|interface)\b/, 'kd', 'class'),
      rule(/(?:import|package)\b/, 'kn', 'import'),
      rule(pairedEscapes('"'), 's'),
      rule(/'(?:\\.|[^\\]|\\u[0-9a-f]{4})'/, 'sc'),
      rule(String.raw`(\.)(${ID})`, ['o', 'na']),
      rule(String.raw`${ID}:`, 'nl'),
      rule(/\p{Lu}[\p{Lu}\p{Nd}_]*\b/u, 'no'),
      rule(/\p{Lu}[\p{Alphabetic}\p{Nd}]*\b/u, 'nc'),
      rule(String.raw`\$?${ID}`, 'n'),
      rule(/[~^*!%&\[\](){}<>|+=:;,.\/?\-]/, 'o'),
      rule(String.raw`${DIGIT}+\.${DIGIT}+(?:[eE]${DIGIT}+)?[fd]?`, 'mf'),
      rule(/0b(?:[01]_+[01]|[01])+/i, 'mb'),
      rule(/0x(?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])+/i, 'mh'),
      rule(/0(?:[0-7]_+[0-7]|[0-7])+/, 'mo'),
      rule(String.raw`${DIGIT}+L?`, 'mi'),
      rule(/\n/, ''),
    ],
    class: [rule(/\s+/, ''), rule(ID, 'nc', '#pop')],
    import: [rule(/\s+/, ''), rule(/[a-z0-9_.]+\*?/i, 'nn', '#pop')],
  },
}));
