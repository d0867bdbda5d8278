/**
 * YANG, the network-configuration data-modelling language (tag `yang`), as Rouge 3.30 lexes it
 * (lexers/yang.rb): statement keywords (`module container leaf list typedef`…) `kd`, built-in
 * types `kt`, argument constants (`true current deprecated unbounded`…) `no`, looked up
 * lower-cased; `prefix:name` `nn p n`, dates `nl`, numbers before a blank or `{};` `mf`/`mi`,
 * other words `n`; `and or not + .` standing alone `o`; `"…"` `s2`, `'…'` `s1`; `//` and
 * nested block comments `c`; `{};` runs `p`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const STATEMENTS = set(`action anydata anyxml argument augment base belongs-to bit case choice config
  contact container default description deviate deviation enum error-app-tag error-message extension
  feature fraction-digits grouping identity if-feature import include input key leaf leaf-list length
  list mandatory max-elements min-elements modifier module must namespace notification ordered-by
  organization output path pattern position prefix presence range reference refine require-instance
  revision revision-date rpc status submodule type typedef unique units uses value when yang-version
  yin-element`);
const TYPES = set(`binary bits boolean decimal64 empty enumeration identityref instance-identifier int16
  int32 int64 int8 leafref string uint16 uint32 uint64 uint8 union`);
const CONSTANTS = set(`add current delete deprecated false invert-match max min not-supported obsolete
  replace true unbounded user`);

export const yang: LexerDef = lazyLexer('yang', () => ({
  states: {
    comment: [rule(/[^*\/]/, 'c'), rule(/\/\*/, 'c', 'comment'), rule(/\*\//, 'c', '#pop'), rule(/[*\/]/, 'c')],
    root: [
      rule(/\s+/, 'w'),
      rule(/[\{\};]+/, 'p'),
      // Rouge's rule starts with (?<![\-\w]): Ruby's StringScanner sees no text before the scan
      // position, so that lookbehind always holds there and is left out
      rule(/(and|or|not|\+|\.)(?![\-\w])/, 'o'),
      rule(/"(?:\\"|[^"])*?"/, 's2'),
      rule(/'(?:\\'|[^'])*?'/, 's1'),
      rule(/\/\*/, 'c', 'comment'),
      rule(/\/\/.*?$/, 'c'),
      // Rouge's starts with (?:^|(?<=[\s{};])), which always holds at the scan position likewise
      rule(/([\w.-]+)(:)([\w.-]+)(?=[\s{};])/, ['nn', 'p', 'n']),
      rule(/([0-9]{4}-[0-9]{2}-[0-9]{2})(?=[\s\{\};])/, 'nl'),
      rule(/([0-9]+\.[0-9]+)(?=[\s\{\};])/, 'mf'),
      rule(/([0-9]+)(?=[\s\{\};])/, 'mi'),
      rule(/[\w_-]+(?=[^\w\-:])\b/, (run, m) => {
        const name = m[0].toLowerCase();
        run.token(STATEMENTS.has(name) ? 'kd' : TYPES.has(name) ? 'kt' : CONSTANTS.has(name) ? 'no' : 'n');
      }),
      rule(/[^;{}\s'"]+/, 'n'),
    ],
  },
}));
