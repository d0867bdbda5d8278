/**
 * Smarty (tag `smarty`), as Rouge 3.30 lexes it (lib/rouge/lexers/smarty.rb, a TemplateLexer):
 * `{…}` tags (`{/…}` too, and nested ones) are `k` around the tag's words — variables `$a.b` and
 * `#conf#` `nv`, `true`/`false`/`null` `kc`, numbers `m`, quoted strings `s2`/`s1`, the built-in
 * function and modifier names `nb`, other words `na`, punctuation `o`; `{* … *}` is a comment.
 * A `{` followed by whitespace (or `*`) opens no tag, and the text between tags goes to one HTML
 * lexer (or the `parent` option's lexer) for the whole block.
 *
 * Rouge's number rule reads `(eE[+-][0-9])?`, the letters `eE` in a row rather than a class, so
 * `1e5` is `1` and then the word `e5`; kept as Rouge has it.
 */
import { type LexRun, type LexerDef, lazyLexer, rule } from '../engine.js';
import { html } from './html.js';
import { lazyEscapes } from './loop-match.js';
import { sublexers } from './sublexers.js';

/** Rouge's Smarty.builtins. */
const BUILTINS = new Set(
  (
    'append assign block call capture config_load debug extends for foreach foreachelse break continue ' +
    'function if elseif else include include_php insert ldelim rdelim literal nocache php section ' +
    'sectionelse setfilter strip while counter cycle eval fetch html_checkboxes html_image ' +
    'html_options html_radios html_select_date html_select_time html_table mailto math textformat ' +
    'capitalize cat count_characters count_paragraphs count_sentences count_words date_format default ' +
    'escape from_charset indent lower nl2br regex_replace replace spacify string_format strip ' +
    'strip_tags to_charset truncate unescape upper wordwrap'
  ).split(' '),
);

/** TemplateLexer#parent: the `parent` option's lexer, else HTML. */
function parent(run: LexRun): LexerDef {
  const values = run.options.getAll('parent');
  return (values.length ? sublexers.find(values[values.length - 1]) : undefined) ?? html;
}

export const smarty: LexerDef = lazyLexer('smarty', () => ({
  states: {
    root: [
      rule(/\{\s+/, (run) => run.delegate(parent(run))),
      rule(/\{\*.*?\*\}/s, 'c'),
      rule(/\{\/?(?![\s*])/, 'k', 'smarty'),
      rule(/.+?(?=\{[\/a-zA-Z0-9$#*"'])/s, (run) => run.delegate(parent(run))),
      rule(/.+/s, (run) => run.delegate(parent(run))),
    ],
    smarty: [
      // tags nest
      rule(/\{\/?(?![\s*])/, 'k', 'smarty'),
      rule(/\}/, 'k', '#pop'),
      rule(/\s+/s, ''),
      rule(/[~!%^&*()+=|\[\]:;,.<>\/@?-]/, 'o'),
      rule(/#[a-zA-Z_]\w*#/, 'nv'),
      rule(/\$[a-zA-Z_]\w*(\.\w+)*/, 'nv'),
      rule(/(true|false|null)\b/, 'kc'),
      rule(/[0-9](\.[0-9]*)?(eE[+-][0-9])?[flFLdD]?|0[xX][0-9a-fA-F]+[Ll]?/, 'm'),
      rule(lazyEscapes('"'), 's2'),
      rule(lazyEscapes("'"), 's1'),
      rule(/[a-zA-Z_]\w*/, (run, m) => run.token(BUILTINS.has(m[0]) ? 'nb' : 'na')),
    ],
  },
}));
