/**
 * XPath 3.1 (tag `xpath`) and XQuery 3.1 (tag `xquery`), as Rouge 3.30 lexes them
 * (lexers/xpath.rb, lexers/xquery.rb, `XQuery < XPath`).
 *
 * XPath: numbers `m`/`mf`, `"…"`/`'…'` strings `s` (a doubled quote stays inside), `$name` `nv`,
 * operators `o` and word operators (`and div to …`) `ow`, keywords `k`, a name before `(` `nf`,
 * other names (path steps) `nt`, `@name` `na`, axes `name::` `k`; after `as`, `cast as`,
 * `instance of`, `treat as` a type `kt` (with its occurrence indicator `?*+` `o`), inside kind
 * tests (`element(…)`) names `nt`; `(: … :)` comments `c`, nested; whitespace `w`.
 * XQuery adds, tried first: direct XML constructors (tags `nt`, attributes `na` with `{…}`
 * enclosed expressions lexed as XQuery, content text bare), `<!-- -->` `c`, `<?…?>` and CDATA
 * `cp`, entities `ni`, `namespace name` `nn`, its longer keyword list, `%annotations` `kd`,
 * `(# pragma #)` `cp`, and ``` ``[ … ]`` ``` string constructors `s` with `` `{…}` `` code.
 *
 * Rouge quirks kept: the keyword and word-operator rules have a `\b` only after the word, and
 * `map`/`array`/`empty-sequence` none at all (`mapping` is `map` then `ping`); XQuery's `}` pops
 * a state whenever the stack has more than the root, whatever pushed it.
 */
import { type LexerDef, type Rule, type RuleSpec, lazyLexer, mixin, rule } from '../engine.js';
import { guarded, onlyWhereLater } from './loop-match.js';

// Rouge builds these with Regexp.union, an ordered alternation: the order is kept (an earlier
// word wins where both are followed by a word boundary), and nothing is sorted.
const union = (s: string) =>
  s
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');

const DIGITS = '[0-9]+';
const DECIMAL = `\\.${DIGITS}|${DIGITS}\\.[0-9]*`;
const DOUBLE = `(?:\\.${DIGITS})|${DIGITS}(?:\\.[0-9]*)?[eE][+-]?${DIGITS}`;
// `("(("")|[^"])*")|('(('')|[^'])*')`: the alternatives inside each loop cannot both match at
// one place, so it runs in linear time as it is (groups made non-capturing).
const STRING = `(?:"(?:""|[^"])*")|(?:'(?:''|[^'])*')`;
// Rouge's ncName is /[a-z_][a-z_\-.0-9]*/i, interpolated as (?i-mx:…): under Ruby's /i `[a-z]`
// also takes ſ (U+017F) and K (U+212A), which case-fold to ASCII letters; spelled out here.
const NC_START = 'a-zA-Z_\\u017f\\u212a';
const NC_NAME = `[${NC_START}][${NC_START}\\-.0-9]*`;
const Q_NAME = `(?:${NC_NAME})(?::${NC_NAME})?`;
const URI_Q_NAME = `Q\\{[^{}]*\\}${NC_NAME}`;
const EQ_NAME = `(?:${URI_Q_NAME}|${Q_NAME})`;
const OPEN_PAREN = '\\((?!:)';
const KIND_TEST = union(`element attribute schema-element schema-attribute
  comment text node document-node namespace-node`);
const KIND_TEST_PI = 'processing-instruction';
const AXES = union(`child descendant attribute self descendant-or-self
  following-sibling following namespace
  parent ancestor preceding-sibling preceding ancestor-or-self`);
const OPERATORS = union(', => = := : >= >> > <= << < - * != + // / || |');
const XPATH_KEYWORDS = union('let for some every if then else return in satisfies');
const WORD_OPERATORS = union('and or eq ge gt le lt ne is div mod idiv intersect except union to');
const CONSTRUCTOR_TYPES = union('function array map empty-sequence');
// XQuery.keywords: Regexp.union of XPath's keywords and its own list, in this order.
const XQUERY_KEYWORDS = `${XPATH_KEYWORDS}|${union(`
  xquery encoding version declare module
  namespace copy-namespaces boundary-space construction
  default collation base-uri preserve strip
  ordering ordered unordered order empty greatest least
  preserve no-preserve inherit no-inherit
  decimal-format decimal-separator grouping-separator
  infinity minus-sign NaN percent per-mille
  zero-digit digit pattern-separator exponent-separator
  import schema at element option
  function external context item
  typeswitch switch case
  try catch
  validate lax strict type
  document element attribute text comment processing-instruction
  for let where order group by return
  allowing tumbling stable sliding window
  start end only when previous next count collation
  ascending descending`)}`;

/** XPath's states (XQuery inherits them and puts its own rules before root's). */
function xpathStates(): Record<string, RuleSpec[]> {
  return {
    commentsAndWhitespace: [rule(/\(:/, 'c', 'comment'), rule(/\s+/, 'w')],
    root: [
      mixin('commentsAndWhitespace'),
      rule(DOUBLE, 'mf'),
      rule(DECIMAL, 'mf'),
      rule(DIGITS, 'm'),
      rule(STRING, 's'),
      rule(/\$/, 'nv', 'varname'),
      rule(OPERATORS, 'o'),
      rule(`(?:${WORD_OPERATORS})\\b`, 'ow'),
      rule(`(?:${XPATH_KEYWORDS})\\b`, 'k'),
      rule(/[?,{}()\[\]]/, 'p'),
      rule(`(function)(\\s*)(${OPEN_PAREN})`, ['k', 'w', 'p']),
      rule(/(map|array|empty-sequence)/, 'k'),
      rule(`(${KIND_TEST})(\\s*)(${OPEN_PAREN})`, ['k', 'w', 'p'], 'kindtest'),
      rule(`(${KIND_TEST_PI})(\\s*)(${OPEN_PAREN})`, ['k', 'w', 'p'], 'kindtestforpi'),
      rule(`(${EQ_NAME})(\\s*)(${OPEN_PAREN})`, ['nf', 'w', 'p']),
      rule(`(${EQ_NAME})(\\s*)(#)(\\s*)(\\d+)`, ['nf', 'w', 'nf', 'w', 'nf']),
      rule(/(cast|castable)(\s+)(as)/, ['k', 'w', 'k'], 'singletype'),
      rule(/(treat)(\s+)(as)/, ['k', 'w', 'k'], 'itemtype'),
      rule(/(instance)(\s+)(of)/, ['k', 'w', 'k'], 'itemtype'),
      rule(/(as)\b/, 'k', 'itemtype'),
      rule(`(${NC_NAME})(\\s*)(:)(\\s*)(\\*)`, ['nt', 'w', 'p', 'w', 'o']),
      rule(`(\\*)(\\s*)(:)(\\s*)(${NC_NAME})`, ['o', 'w', 'p', 'w', 'nt']),
      rule(`(${AXES})(\\s*)(::)`, ['k', 'w', 'o']),
      rule(/\.\.|\.|\*/, 'o'),
      rule(/@/, 'na', 'attrname'),
      rule(EQ_NAME, 'nt'),
    ],
    singletype: [mixin('commentsAndWhitespace'), rule(EQ_NAME, 'kt', '#pop')],
    itemtype: [
      mixin('commentsAndWhitespace'),
      rule(`(${KIND_TEST})(\\s*)(${OPEN_PAREN})`, (run) => {
        run.groups('kt', 'w', 'p');
        run.goto('occurrenceindicator');
        run.push('kindtest');
      }),
      rule(`(${KIND_TEST_PI})(\\s*)(${OPEN_PAREN})`, (run) => {
        run.groups('kt', 'w', 'p');
        run.goto('occurrenceindicator');
        run.push('kindtestforpi');
      }),
      rule(`(item)(\\s*)(${OPEN_PAREN})(\\s*)(\\))`, (run) => {
        run.groups('kt', 'w', 'p', 'w', 'p');
        run.goto('occurrenceindicator');
      }),
      rule(`(${CONSTRUCTOR_TYPES})(\\s*)(${OPEN_PAREN})`, ['kt', 'w', 'p']),
      rule(/(cast|castable)(\s+)(as)/, (run) => {
        run.groups('k', 'w', 'k');
        run.goto('singletype');
      }),
      rule(/(treat)(\s+)(as)/, (run) => {
        run.groups('k', 'w', 'k');
        run.goto('itemtype');
      }),
      rule(/(instance)(\s+)(of)/, (run) => {
        run.groups('k', 'w', 'k');
        run.goto('itemtype');
      }),
      rule(/(as)\b/, 'k'),
      rule(OPERATORS, 'o', '#pop'),
      rule(`(?:${WORD_OPERATORS})\\b`, 'ow', '#pop'),
      rule(`(?:${XPATH_KEYWORDS})\\b`, 'k', '#pop'),
      rule(/[\[),]/, 'p', '#pop'),
      rule(EQ_NAME, (run) => {
        run.token('kt');
        run.goto('occurrenceindicator');
      }),
    ],
    kindtest: [
      mixin('commentsAndWhitespace'),
      rule(/[?*]/, 'o'),
      rule(/,/, 'p'),
      rule(`(element|schema-element)(\\s*)(${OPEN_PAREN})`, ['kt', 'w', 'p'], 'kindtest'),
      rule(EQ_NAME, 'nt'),
      rule(/\)/, 'p', '#pop'),
    ],
    kindtestforpi: [
      mixin('commentsAndWhitespace'),
      rule(NC_NAME, 'n'),
      rule(STRING, 's'),
      rule(/\)/, 'p', '#pop'),
    ],
    occurrenceindicator: [
      mixin('commentsAndWhitespace'),
      rule(/[?*+]/, 'o', '#pop'),
      rule(/(?![?*+])/, (run) => run.pop()),
    ],
    varname: [
      mixin('commentsAndWhitespace'),
      rule(`(${EQ_NAME})(\\s*)(${OPEN_PAREN})`, ['nv', 'w', 'p'], '#pop'),
      rule(EQ_NAME, 'nv', '#pop'),
    ],
    attrname: [mixin('commentsAndWhitespace'), rule(EQ_NAME, 'na', '#pop'), rule(/\*/, 'o', '#pop')],
    comment: [rule(/:\)/, 'c', '#pop'), rule(/\(:/, 'c', 'comment'), rule(/[^:(]+/, 'c'), rule(/[:(]/, 'c')],
  };
}

export const xpath: LexerDef = lazyLexer('xpath', () => ({ states: xpathStates() }));

// Rouge's `([\w.:-]+\s*=)(")` is tried at each character of a tag's erroneous text, and each
// failed attempt backtracks through the rest of the run of name characters (quadratic on a long
// one). The run cannot give back a character to the `\s*=` (neither matches a name character),
// so the rule matches exactly where the run starting here is followed by blanks, `=` and the
// quote: checked first, with the run's end (and what follows it) remembered between positions.
const NAME_CHAR = (c: number) =>
  (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;
const BLANK = (c: number) => c === 32 || (c >= 9 && c <= 13);
function attribute(quote: string, state: string): Rule {
  let seenText = '';
  let from = -1;
  let end = -1;
  let ok = false;
  return guarded(rule(`([\\w.:-]+\\s*=)(${quote})`, ['na', 's'], state), (text, pos) => {
    if (text !== seenText || pos < from || pos > end) {
      let i = pos;
      while (i < text.length && NAME_CHAR(text.charCodeAt(i))) i++;
      let j = i;
      while (j < text.length && BLANK(text.charCodeAt(j))) j++;
      seenText = text;
      from = pos;
      end = i;
      ok = text[j] === '=' && text[j + 1] === quote;
    }
    return end > pos && ok;
  });
}

export const xquery: LexerDef = lazyLexer('xquery', () => {
  const states = xpathStates();
  // Lazy scans tried at each `<?`, `<![CDATA[` or `&`: only where their closing text is left.
  const tags: RuleSpec[] = [
    rule(`<${Q_NAME}`, 'nt', 'start_tag'),
    rule(/<!--/, 'c', 'xml_comment'),
    onlyWhereLater('?>', 2, rule(/<\?.*?\?>/, 'cp')),
    onlyWhereLater(']]>', 9, rule(/<!\[CDATA\[.*?\]\]>/, 'cp')),
    onlyWhereLater(';', 1, rule(/&\S*?;/, 'ni')),
  ];
  return {
    states: {
      ...states,
      tags,
      root: [
        mixin('tags'),
        rule(/\{/, 'p'),
        rule(/\}`?/, (run) => {
          run.token('p');
          if (run.stack.length > 1) run.pop();
        }),
        rule(`(namespace)(\\s+)(${NC_NAME})`, ['k', 'w', 'nn']),
        rule(`(${XQUERY_KEYWORDS})\\b`, 'k'),
        rule(/;/, 'p'),
        rule(/%/, 'kd', 'annotation'),
        rule(`(\\(#)(\\s*)(${EQ_NAME})`, ['cp', 'w', 'nt'], 'pragma'),
        rule(/``\[/, 's', 'str_constructor'),
        ...states.root,
      ],
      annotation: [mixin('commentsAndWhitespace'), rule(EQ_NAME, 'kd', '#pop')],
      pragma: [mixin('commentsAndWhitespace'), rule(/#\)/, 'cp', '#pop'), rule(/./, 'cp')],
      str_constructor: [
        rule(/`\{/, 'p', 'root'),
        rule(/\]``/, 's', '#pop'),
        rule(/[^`\]]+/, 's'),
        rule(/[`\]]/, 's'),
      ],
      xml_comment: [rule(/[^-]+/, 'c'), rule(/-->/, 'c', '#pop'), rule(/-/, 'c')],
      start_tag: [
        rule(/\s+/, 'w'),
        attribute('"', 'quot_attr'),
        attribute("'", 'apos_attr'),
        rule(/>/, 'nt', 'tag_content'),
        rule(/\/>/, 'nt', '#pop'),
      ],
      quot_attr: [rule(/"/, 's', '#pop'), rule(/\{\{/, 's'), rule(/\{/, 'p', 'root'), rule(/[^"{>]+/, 's')],
      apos_attr: [rule(/'/, 's', '#pop'), rule(/\{\{/, 's'), rule(/\{/, 'p', 'root'), rule(/[^'{>]+/, 's')],
      tag_content: [
        rule(/\s+/, 'w'),
        mixin('tags'),
        rule(/(\{\{|\}\})/, ''),
        rule(/\{/, 'p', 'root'),
        rule(/[^{}<&]/, ''),
        rule(`</${Q_NAME}(\\s*)>`, 'nt', '#pop:2'),
      ],
    },
  };
});
