/**
 * Nix (tag `nix`, alias `nixos`; `.nix` files), as Rouge 3.30 lexes it (lexers/nix.rb): `#`
 * comments `c`, `/* … *\/` `c`; `true`/`false`/`null` `kc` (no word boundary); numbers one digit
 * at a time `mi`; paths and URLs (`./foo.nix`, `<nixpkgs>` is not one, `~/x`, `https://…`) `sx`;
 * `"…"` and `''…''` strings `s2` with escapes `se` and `${…}` interpolation `si`; `with`/`in`/
 * `inherit` `kn`, `let` `kd`, `if`/`then`/`else` `k`, `rec`/`assert`/`map` and the builtins
 * (`import`, `builtins`, `toString`…) `kr`; operators `o` (`=` and `@` too), `$ ; , :` `p`;
 * names (with `-`) `nv`; brackets `p`. Rouge's `.` in comments and strings does not take a
 * newline, so every line break inside a `/* *\/` comment or a string is `err`.
 * For NixOS configuration and Nix packaging posts.
 */
import { type LexerDef, type RuleSpec, lazyLexer, mixin, rule } from '../engine.js';
import { guarded, runEnds } from './loop-match.js';

const WORD = '[a-zA-Z0-9._-]+';
const SECTION = `(/${WORD})`;
const PATH = `((?:${SECTION})+|~(?:${SECTION})+|${WORD}(\\/${WORD})+|[a-z+]+://(\\/?${WORD}(\\/${WORD})+))`;

/** `[a-zA-Z0-9._-]` */
const isWordChar = (c: number) => c === 45 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `[a-z+]` */
const isSchemeChar = (c: number) => c === 43 || (c >= 97 && c <= 122);
const wordEnd = runEnds(isWordChar);
const schemeEnd = runEnds(isSchemeChar);

/**
 * An exact precondition of PATH: an alternative starting with `/` or `~`; or a run of `WORD`
 * characters followed by `/` (the greedy run gives back only characters that are not `/`); or a
 * run of `[a-z+]` followed by `://`. Without it, a long run of word characters (`....`) or of
 * `+` is scanned and backtracked from each of its positions (quadratic). The runs' ends are
 * remembered (runEnds).
 */
function pathMayStart(text: string, pos: number): boolean {
  const c = text[pos];
  if (c === '/' || c === '~') return true;
  const word = wordEnd(text, pos);
  if (word > pos && text[word] === '/') return true;
  const scheme = schemeEnd(text, pos);
  return scheme > pos && text.startsWith('://', scheme);
}

const kw = (words: string[], tok: string): RuleSpec[] => [rule(`(?:${words.join('|')})\\b`, tok)];

export const nix: LexerDef = lazyLexer('nix', () => ({
  states: {
    whitespaces: [rule(/^\s*\n\s*$/, ''), rule(/\s+/, '')],
    comment: [rule(/#.*$/, 'c'), rule(/\/\*/, 'c', 'multiline_comment')],
    multiline_comment: [rule(/\*\//, 'c', '#pop'), rule(/./, 'c')],
    number: [rule(/[0-9]/, 'mi')],
    null: [rule(/(null)/, 'kc')],
    boolean: [rule(/(true|false)/, 'kc')],
    binding: [rule(/[a-zA-Z_][a-zA-Z0-9-]*/, 'nv')],
    path: [guarded(rule(PATH, 'sx'), pathMayStart)],
    string: [rule(/"/, 's2', 'double_quoted_string'), rule(/''/, 's2', 'indented_string')],
    string_content: [rule(/\\./, 'se'), rule(/\$\$/, 'se'), rule(/\$\{/, 'si', 'string_interpolated_arg')],
    indented_string_content: [
      rule(/'''/, 'se'),
      rule(/''\$/, 'se'),
      rule(/\$\$/, 'se'),
      rule(/''\\./, 'se'),
      rule(/\$\{/, 'si', 'string_interpolated_arg'),
    ],
    string_interpolated_arg: [mixin('expression'), rule(/\}/, 'si', '#pop')],
    indented_string: [mixin('indented_string_content'), rule(/''/, 's2', '#pop'), rule(/./, 's2')],
    double_quoted_string: [mixin('string_content'), rule(/"/, 's2', '#pop'), rule(/./, 's2')],
    operator: [rule(/(\.|\?|\+\+|\+|!=|!|\/\/|==|&&|\|\||->|\/|\*|-|<|>|<=|=>)/, 'o')],
    assignment: [rule(/(=)/, 'o'), rule(/(@)/, 'o')],
    accessor: [rule(/(\$)/, 'p')],
    delimiter: [rule(/(;|,|:)/, 'p')],
    atom_content: [mixin('expression'), rule(/\)/, 'p', '#pop')],
    atom: [rule(/\(/, 'p', 'atom_content')],
    list: [rule(/\[/, 'p', 'list_content')],
    list_content: [rule(/\]/, 'p', '#pop'), mixin('expression')],
    set: [rule(/\{/, 'p', 'set_content')],
    set_content: [rule(/\}/, 'p', '#pop'), mixin('expression')],
    expression: [
      mixin('ignore'),
      mixin('comment'),
      mixin('boolean'),
      mixin('null'),
      mixin('number'),
      mixin('path'),
      mixin('string'),
      mixin('keywords'),
      mixin('operator'),
      mixin('accessor'),
      mixin('assignment'),
      mixin('delimiter'),
      mixin('binding'),
      mixin('atom'),
      mixin('set'),
      mixin('list'),
    ],
    keywords: [
      mixin('keywords_namespace'),
      mixin('keywords_declaration'),
      mixin('keywords_conditional'),
      mixin('keywords_reserved'),
      mixin('keywords_builtin'),
    ],
    keywords_namespace: kw(['with', 'in', 'inherit'], 'kn'),
    keywords_declaration: kw(['let'], 'kd'),
    keywords_conditional: kw(['if', 'then', 'else'], 'k'),
    keywords_reserved: kw(['rec', 'assert', 'map'], 'kr'),
    keywords_builtin: kw(
      ['abort', 'baseNameOf', 'builtins', 'derivation', 'fetchTarball', 'import', 'isNull', 'removeAttrs', 'throw', 'toString'],
      'kr',
    ),
    ignore: [mixin('whitespaces')],
    root: [mixin('ignore'), mixin('expression')],
  },
}));
