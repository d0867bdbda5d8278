/**
 * Dart (tag `dart`), as Rouge 3.30 lexes it (lib/rouge/lexers/dart.rb): a line that looks like a
 * method head (`Type name(`) has its leading words lexed again and the name `nf`; keywords `k`,
 * declaration words `kd`, builtin types `kt`, `true false null` `kc`; `class`/`mixin` names `nc`;
 * `import`/`part of`… `kn` up to `;`; `.member` `o na`; `label:` `nl`; `@meta` `nd`; `#sym` `ss`;
 * strings `s` with `se` escapes and `$x`/`${…}` interpolation `si`, raw strings `sx`.
 * Rouge quirks kept: the keyword lists have no leading `\b`, and a `$` or `\` in a string that
 * starts no interpolation or escape is an error.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { isAsciiLetterOrUnderscore, isAsciiWordChar, methodHeadRule } from './method-head.js';

const ID = '[a-zA-Z_][a-zA-Z0-9_]*';
/** W = [a-zA-Z_][a-zA-Z\d_.\[\]]*, I = ID */
const DART_METHOD_HEAD = {
  wordStart: isAsciiLetterOrUnderscore,
  wordChar: (c: number) => isAsciiWordChar(c) || c === 46 || c === 91 || c === 93,
  nameStart: isAsciiLetterOrUnderscore,
  nameChar: isAsciiWordChar,
  bol: true,
};
const KEYWORDS = `as assert await break case catch continue default do else finally for
  if in is new rethrow return super switch this throw try while with yield`.split(/\s+/).join('|');
const DECLARATIONS = `abstract async dynamic const covariant external extends factory final get
  implements late native on operator required set static sync typedef var`.split(/\s+/).join('|');
const TYPES = `bool Comparable double Dynamic enum Function int List Map Never Null num Object Pattern
  Set String Symbol Type Uri void`.split(/\s+/).join('|');
const IMPORTS = String.raw`import|deferred|export|library|part\s*of|part|source`;

export const dart: LexerDef = lazyLexer('dart', () => {
  const self: LexerDef = dart;
  return {
    states: {
      root: [
        // Rouge's /^(\s*(?:[a-zA-Z_][a-zA-Z\d_.\[\]]*\s+)+?)(ID)(\s*)(\()/, linear
        methodHeadRule(DART_METHOD_HEAD, (run, m) => {
          run.delegateFresh(self, m[1]);
          run.token('nf', m[2]);
          run.token('', m[3]);
          run.token('p', m[4]);
        }),
        rule(/\s+/, ''),
        rule(/\/\/.*?$/, 'c1'),
        rule(/\/\*.*?\*\//s, 'cm'),
        rule(/"/, 's', 'dqs'),
        rule(/'/, 's', 'sqs'),
        rule(/r"[^"]*"/, 'sx'),
        rule(/r'[^']*'/, 'sx'),
        rule(new RegExp(`#(?:${ID})*`, 'i'), 'ss'),
        rule(`@${ID}`, 'nd'),
        rule(String.raw`(?:${KEYWORDS})\b`, 'k'),
        rule(String.raw`(?:${DECLARATIONS})\b`, 'kd'),
        rule(String.raw`(?:${TYPES})\b`, 'kt'),
        rule(/(?:true|false|null)\b/, 'kc'),
        rule(/(?:class|interface|mixin)\b/, 'kd', 'class'),
        rule(String.raw`(?:${IMPORTS})\b`, 'kn', 'import'),
        rule(String.raw`(\.)(${ID})`, ['o', 'na']),
        rule(`${ID}:`, 'nl'),
        rule(String.raw`\$?${ID}`, 'n'),
        rule(/[~^*!%&|+=:\/?-]/, 'o'),
        rule(/[\[\](){}<>.,;]/, 'p'),
        rule(/\d*\.\d+(?:[eE]-?\d+)?/, 'mf'),
        rule(/0x[\da-fA-F]+/, 'mh'),
        rule(/\d+L?/, 'mi'),
        rule(/\n/, ''),
      ],
      class: [rule(/\s+/, ''), rule(ID, 'nc', '#pop')],
      dqs: [rule(/"/, 's', '#pop'), rule(/[^\\$"]+/, 's'), mixin('string')],
      sqs: [rule(/'/, 's', '#pop'), rule(/[^\\$']+/, 's'), mixin('string')],
      import: [rule(/;/, 'o', '#pop'), rule(/(?:show|hide)\b/, 'kd'), mixin('root')],
      string: [mixin('interpolation'), rule(/\\[nrt"'\\]/, 'se')],
      interpolation: [rule(String.raw`\$${ID}`, 'si'), rule(/\$\{[^}]+\}/, 'si')],
    },
  };
});
