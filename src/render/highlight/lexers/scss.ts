/**
 * SCSS (tag `scss`), as Rouge 3.30 lexes it (its Sass-common rules plus SCSS's root):
 * `$var:` `nv`, `@mixin`/`@include` names `nf`/`nd`, `@…` directives `k`, selectors `nt`/`nc`
 * (`.x`)/`nn` (`#x`)/`nd` (`:x`)/`nv` (`%x`), `&` `k`; in values, functions `nf`, `#…` colours
 * `mh`, numbers `m` (`.5` is `mi`), known CSS words `nb`/`no`, `true`/`false` `bp`, `#{…}` `si`.
 * Whether a line is a declaration or a selector is guessed from what follows, as Rouge does.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { CSS_ATTRIBUTES, CSS_BUILTINS, CSS_CONSTANTS } from '../rouge-words.js';

const ID = String.raw`[\w\-]+`;

/**
 * The states Rouge's Sass and SCSS lexers share (lib/rouge/lexers/sass/common.rb); each lexer adds
 * its own `root` and `end_section`.
 */
let sassCommonStates: LexerDef['states'] | undefined;

export const sassCommon = (): LexerDef['states'] => (sassCommonStates ??= {
  content_common: [
    rule(/@for\b/, 'k', 'for'),
    rule(/@(?:debug|warn|if|each|while|else|return|media)/, 'k', 'value'),
    rule(String.raw`(@mixin)(\s+)(${ID})`, ['k', '', 'nf'], 'value'),
    rule(String.raw`(@function)(\s+)(${ID})`, ['k', '', 'nf'], 'value'),
    rule(/@extend\b/, 'k', 'selector'),
    rule(String.raw`(@include)(\s+)(${ID})`, ['k', '', 'nd'], 'value'),
    rule(String.raw`@${ID}`, 'k', 'selector'),
    rule(/&/, 'k', 'selector'),
    rule(String.raw`([$]${ID})([ \t]*)(:)`, ['nv', '', 'p'], 'value'),
  ],
  value: [
    mixin('end_section'),
    rule(/[ \t]+/, ''),
    rule(String.raw`[$]${ID}`, 'nv'),
    rule(/url[(]/, 'sx', 'string_url'),
    rule(String.raw`${ID}(?=\s*[(])`, 'nf'),
    rule(String.raw`%${ID}`, 'nd'),
    rule(/(?:true|false)\b/, 'bp'),
    rule(/(?:and|or|not)\b/, 'ow'),
    rule(/#[a-z0-9]{1,6}/i, 'mh'),
    rule(/-?\d+(?:%|[a-z]+)?/, 'm'),
    rule(/-?\d*\.\d+(?:%|[a-z]+)?/, 'mi'),
    mixin('has_strings'),
    mixin('has_interp'),
    rule(/[~^*!&%<>|+=@:,.\/?\-]+/, 'o'),
    rule(/[\[\]()]+/, 'p'),
    rule(/\/[*]/, 'cm', 'inline_comment'),
    rule(/\/\/[^\n]*/, 'c1'),
    rule(ID, (run, m) => {
      if (CSS_BUILTINS.has(m[0])) run.token('nb');
      else if (CSS_CONSTANTS.has(m[0])) run.token('no');
      else run.token('n');
    }),
  ],
  has_interp: [rule(/[#][{]/, 'si', 'interpolation')],
  has_strings: [rule(/"/, 's2', 'dq'), rule(/'/, 's1', 'sq')],
  interpolation: [rule(/\}/, 'si', '#pop'), mixin('value')],
  selector: [
    mixin('end_section'),
    mixin('has_strings'),
    mixin('has_interp'),
    rule(/[ \t]+/, ''),
    rule(/:/, 'nd', 'pseudo_class'),
    rule(/[.]/, 'nc', 'class'),
    rule(/#/, 'nn', 'id'),
    rule(/%/, 'nv', 'placeholder'),
    rule(ID, 'nt'),
    rule(/&/, 'k'),
    rule(/[~^*!&\[\]()<>|+=@:;,.\/?\-]/, 'o'),
  ],
  dq: [rule(/"/, 's2', '#pop'), mixin('has_interp'), rule(/(?:\\.|#(?![{])|[^\n"#])+/, 's2')],
  sq: [rule(/'/, 's1', '#pop'), mixin('has_interp'), rule(/(?:\\.|#(?![{])|[^\n'#])+/, 's1')],
  string_url: [
    rule(/[)]/, 'sx', '#pop'),
    rule(/(?:\\.|#(?![{])|[^\n)#])+/, 'sx'),
    mixin('has_interp'),
  ],
  selector_piece: [mixin('has_interp'), rule(/(?:)/, (run) => run.pop())],
  pseudo_class: [rule(ID, 'nd'), mixin('selector_piece')],
  class: [rule(ID, 'nc'), mixin('selector_piece')],
  id: [rule(ID, 'nn'), mixin('selector_piece')],
  placeholder: [rule(ID, 'nv'), mixin('selector_piece')],
  for: [rule(/(?:from|to|through)/, 'ow'), mixin('value')],
  attr_common: [
    mixin('has_interp'),
    rule(ID, (run, m) => run.token(CSS_ATTRIBUTES.has(m[0]) ? 'nl' : 'na')),
  ],
  attribute: [mixin('attr_common'), rule(/([ \t]*)(:)/, ['', 'p'], 'value')],
  inline_comment: [
    rule(/(?:\\#|#(?=[^\n{])|\*(?=[^\n\/])|[^\n#*])+/, 'cm'),
    mixin('has_interp'),
    rule(/[*]\//, 'cm', '#pop'),
  ],
});

export const scss: LexerDef = lazyLexer('scss', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/[*].*?[*]\//s, 'cm'),
      rule(/@import\b/, 'k', 'value'),
      mixin('content_common'),
      rule(/(?=[^;{}][;}])/, (run) => run.push('attribute')),
      rule(/(?=[^;{}:\[]+:[^a-z])/, (run) => run.push('attribute')),
      rule(/(?:)/, (run) => run.push('selector')),
    ],
    end_section: [
      rule(/\n/, ''),
      rule(/[;{}]/, (run) => {
        run.token('p');
        run.resetStack();
      }),
    ],
    ...sassCommon(),
  },
}));
