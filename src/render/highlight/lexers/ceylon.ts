/**
 * Ceylon (tag `ceylon`), as Rouge 3.30 lexes it (lexers/ceylon.rb): annotations (`shared
 * formal actual`…) and capitalised names `nd`, keywords `k`, `extends satisfies given of`… `kd`,
 * `function value void new` `kt`, `true false null` `kc`; `class`/`interface` then the name `nc`;
 * `import`/`module`/`package` `kn` then the name `nn`; `"…"` `s`, `'c'` `sc`; `.member` `o na`,
 * `label:` `nl`, other names `n`; Ceylon's numbers (`1_000`, `1.5k`, `#FF`, `$1010`);
 * operators `o`; `//` comments up to a newline `c1`.
 *
 * Rouge's quirks, reproduced: its keyword regexes are written across lines without /x, so the
 * line breaks and indentation are part of them (`late`, `if` and `nonempty`, `annotation` are
 * only matched after a newline and ten spaces, that text included) — the sources below are
 * Rouge's compiled ones; and `/*` is only a `cm` token, the comment's text being lexed as code
 * (Rouge's comment state is never entered).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { pairedEscapes } from './loop-match.js';

// Rouge's "(\\\\|\\"|[^"])*": the same matches without its exponential backtracking
const STRING = pairedEscapes('"');

export const ceylon: LexerDef = lazyLexer('ceylon', () => ({
  states: {
    // Rouge's [^\S\n]: blanks but the newline
    whitespace: [rule(/[ \t\v\f\r]+/, ''), rule(/\/\/.*?\n/, 'c1'), rule(/\/\*/, 'cm')],
    root: [
      mixin('whitespace'),
      rule(
        '(shared|abstract|formal|default|actual|variable|deprecated|small|\n          late|literal|doc|by|see|throws|optional|license|tagged|final|native|\n          annotation|sealed)\\b',
        'nd',
      ),
      rule(
        '(break|case|catch|continue|else|finally|for|in|\n          if|return|switch|this|throw|try|while|is|exists|dynamic|\n          nonempty|then|outer|assert|let)\\b',
        'k',
      ),
      rule(/(abstracts|extends|satisfies|super|given|of|out|assign)\b/, 'kd'),
      rule(/(function|value|void|new)\b/, 'kt'),
      rule(/(assembly|module|package)(\s+)/, ['kn', ''], 'import'),
      rule(/(true|false|null)\b/, 'kc'),
      rule(/(class|interface|object|alias)(\s+)/, ['kd', ''], 'class'),
      rule(/(import)(\s+)/, ['kn', ''], 'import'),
      rule(STRING, 's'),
      rule(/'\\.'|'[^\\]'|'\\\{#[0-9a-fA-F]{4}\}'/, 'sc'),
      rule(/"[^`]*``[^`]*``[^`]*"/, 'si'),
      rule(/(\.)([a-z_]\w*)/, ['o', 'na']),
      rule(/[a-zA-Z_]\w*:/, 'nl'),
      rule(/(\\I[a-z]|[A-Z])\w*/, 'nd'),
      rule(/[a-zA-Z_]\w*/, 'n'),
      rule(/[~^*!%&\[\](){}<>|+=:;,.\/?`-]/, 'o'),
      rule(/\d{1,3}(_\d{3})+\.\d{1,3}(_\d{3})+[kMGTPmunpf]?/, 'mf'),
      rule(/\d{1,3}(_\d{3})+\.[0-9]+([eE][+-]?[0-9]+)?[kMGTPmunpf]?/, 'mf'),
      rule(/[0-9][0-9]*\.\d{1,3}(_\d{3})+[kMGTPmunpf]?/, 'mf'),
      rule(/[0-9][0-9]*\.[0-9]+([eE][+-]?[0-9]+)?[kMGTPmunpf]?/, 'mf'),
      rule(/#([0-9a-fA-F]{4})(_[0-9a-fA-F]{4})+/, 'mh'),
      rule(/#[0-9a-fA-F]+/, 'mh'),
      rule(/\$([01]{4})(_[01]{4})+/, 'mb'),
      rule(/\$[01]+/, 'mb'),
      rule(/\d{1,3}(_\d{3})+[kMGTP]?/, 'mi'),
      rule(/[0-9]+[kMGTP]?/, 'mi'),
      rule(/\n/, ''),
    ],
    class: [mixin('whitespace'), rule(/[A-Za-z_]\w*/, 'nc', '#pop')],
    import: [rule(/[a-z][\w.]*/, 'nn', '#pop'), rule(STRING, 's', '#pop')],
  },
}));
