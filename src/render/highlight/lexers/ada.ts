/**
 * Ada 2012 (tag `ada`; `.ada`, `.ads`, `.adb`, `.gpr`), as Rouge 3.30 lexes it (lexers/ada.rb):
 * `--` comments `c1`; `'c'` `sc`; `"…"` `s2` with `""` `se` (a line end inside is `err`); numbers
 * `mf`/`mb`/`mo`/`mh`/`mi` (based literals `16#FF#`, a malformed one `err`); `'Attribute` `p` `na`;
 * `<<label>>` `nl`; `with`/`limited with`/`private with` at a line's start `kn` then unit names
 * `nn`; operators `o`, punctuation `p`; names (any case) keywords `k`, `and`/`mod`… `ow`,
 * `package`/`procedure`/`type`… `kd` then the declared (dotted) name `nn`…`nf`, standard types and
 * exceptions `nb`, else `n`; a word-like run that is not an Ada identifier `err`.
 * Rouge quirk kept: its error rule's `[[alpha]]` is the class of the letters a l p h, so a name
 * with a doubled or trailing underscore is `err` only from such a letter or an underscore.
 * For embedded and safety-critical programming posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

// Onigmo's [[:alpha:]] / [[:alnum:]] / \p{Word} on UTF-8 text (as python.ts, prolog.ts)
const ID = String.raw`\b\p{Alphabetic}(?:\p{Pc}?[\p{Alphabetic}\p{Nd}])*\b`;
const NUM = String.raw`\d(_?\d)*`;
const XNUM = String.raw`\h(_?\h)*`;
const EXP = String.raw`([eE][-+]?${NUM})?`;

const IDENTS = new Map<string, string>();
for (const w of `abort abstract accept access aliased all array at begin body case constant declare delay delta
  digits do else elsif end exception exit for generic goto if in interface is limited loop new null of
  others out overriding pragma private protected raise range record renames requeue return reverse select
  separate some synchronized tagged task terminate then until use when while with`.split(/\s+/))
  IDENTS.set(w, 'k');
for (const w of 'abs and mod not or rem xor'.split(' ')) IDENTS.set(w, 'ow');
for (const w of 'entry function package procedure subtype type'.split(' ')) IDENTS.set(w, 'kd');
for (const w of `boolean character constraint_error duration float integer natural positive long_float
  long_integer long_long_float long_long_integer program_error short_float short_integer
  short_short_integer storage_error string tasking_error wide_character wide_string wide_wide_character
  wide_wide_string`.split(/\s+/))
  IDENTS.set(w, 'nb');
/** Rouge's `idents[name.downcase]` (Name by default). */
const ident = (name: string): string => IDENTS.get(name.toLowerCase()) ?? 'n';

export const ada: LexerDef = lazyLexer('ada', () => ({
  states: {
    whitespace: [rule(/\s+/, ''), rule(/--.*$/, 'c1')],
    dquote_string: [rule(/[^"\n]+/, 's2'), rule(/""/, 'se'), rule(/"/, 's2', '#pop'), rule(/\n/, 'err', '#pop')],
    attr: [{ mixin: 'whitespace' }, rule(ID, 'na', '#pop'), rule(/(?:)/, '', '#pop')],
    decl_name: [
      { mixin: 'whitespace' },
      rule(/[bB][oO][dD][yY]\b/, 'kd'),
      rule(String.raw`(${ID})(\.)`, ['nn', 'p']),
      rule(String.raw`${ID}|"(and|or|xor|/?=|<=?|>=?|\+|–|&\|/|mod|rem|\*?\*|abs|not)"`, 'nf', '#pop'),
      rule(/(?:)/, '', '#pop'),
    ],
    libunit_name: [
      { mixin: 'whitespace' },
      rule(ID, (run, m) => {
        const t = ident(m[0]);
        if (t === 'n' || t === 'nb') run.token('nn');
        else {
          // a keyword in a unit name: Rouge guesses it entered this state by mistake
          run.token(t);
          if (t === 'kd') run.goto('decl_name');
          else run.pop();
        }
      }),
      rule(/[.,]/, 'p'),
      rule(/(?:)/, '', '#pop'),
    ],
    root: [
      { mixin: 'whitespace' },
      rule(/'.'/, 'sc'),
      rule(/"[^"\n]*/, 's2', 'dquote_string'),
      rule(String.raw`${NUM}\.${NUM}${EXP}`, 'mf'),
      rule(String.raw`${NUM}#${XNUM}\.${XNUM}#${EXP}`, 'mf'),
      rule(String.raw`2#[01](_?[01])*#${EXP}`, 'mb'),
      rule(String.raw`8#[0-7](_?[0-7])*#${EXP}`, 'mo'),
      // Rouge's `16#(?:XNUM)*#`, a repeated group of repeated groups (exponential on a long run of
      // hex digits with no closing `#`): the repetitions of XNUM are XNUM itself or nothing
      rule(String.raw`16#(?:${XNUM})?#${EXP}`, 'mh'),
      rule(String.raw`${NUM}#${XNUM}#${EXP}`, 'mi'),
      rule(String.raw`${NUM}#\w+#`, 'err'),
      rule(String.raw`${NUM}${EXP}`, 'mi'),
      rule(/'/, 'p', 'attr'),
      rule(String.raw`<<${ID}>>`, 'nl'),
      rule(/^(?:([lL][iI][mM][iI][tT][eE][dD])(\s+))?(?:([pP][rR][iI][vV][aA][tT][eE])(\s+))?([wW][iI][tT][hH])\b/, ['kn', '', 'kn', '', 'kn'], 'libunit_name'),
      rule(/[+*/&<=>|]|-|=>|\.\.|\*\*|[:></]=|<<|>>|<>/, 'o'),
      rule(/[.,:;()]/, 'p'),
      rule(ID, (run, m) => {
        const t = ident(m[0]);
        run.token(t);
        if (t === 'kd') run.push('decl_name');
      }),
      rule(String.raw`\b(\p{Pc}|[alph])[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]*`, 'err'),
    ],
  },
}));
