/**
 * Liquid (tag `liquid`), as Rouge 3.30 lexes it (lib/rouge/lexers/liquid.rb): text outside tags
 * is plain, `{%`/`%}`/`{{`/`}}` `p`, whitespace inside tags `w`; `if`/`elsif`/`unless`/`case`/
 * `when`/`else`/`end…` of those `kr`, other tag names `nt`; in markup variables `nv`, filters `nf`,
 * `empty`/`blank`/`forloop.x` `nb`, `first`/`last`/`size` `nf`, `true`/`false`/`nil` `kc`,
 * `'…'` `s1`, `"…"` `s2`, numbers `mi`/`mf`, `key:`/`key=` `na` + `o`; `{% comment %}` bodies `c`,
 * `{% raw %}` bodies plain. Markup Rouge cannot place is plain text.
 */
import { type LexRun, type LexerDef, mixin, rule, lazyLexer } from '../engine.js';

/** Rouge's `case value when /'[^']*'/` on a possibly absent group: the class of a quoted name. */
function quotedClass(value: string | undefined, otherwise: string): string {
  if (value !== undefined && /'[^']*'/.test(value)) return 's1';
  if (value !== undefined && /"[^"]*"/.test(value)) return 's2';
  return otherwise;
}

const endOfBlock = (run: LexRun) => {
  run.token('p');
  run.resetStack();
};

export const liquid: LexerDef = lazyLexer('liquid', () => ({
  states: {
    root: [
      rule(/[^{]+/, ''),
      rule(/(\{%-?)(\s*)/, ['p', 'w'], 'tag_or_block'),
      rule(/(\{\{-?)(\s*)/, ['p', 'w'], 'output'),
      rule(/\{/, ''),
    ],
    tag_or_block: [
      rule(/(?:if|elsif|unless|case)\b/, 'kr', 'condition'),
      rule(/when\b/, 'kr', 'when'),
      rule(/(else)(\s*)(-?%\})/, ['kr', 'w', 'p'], '#pop'),
      rule(/(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})/, ['nt', 'w', 'nv', 'w', 'p'], '#pop'),
      rule(/(comment)(\s*)(-?%\})/, ['nt', 'w', 'p'], 'comment'),
      rule(/(raw)(\s*)(-?%\})/, ['nt', 'w', 'p'], 'raw'),
      rule(/(end(?:if|unless|case))(\s*)(-?%\})/, ['kr', 'w', 'p'], '#pop'),
      rule(/(end[^\s%]+)(\s*)(-?%\})/, ['nt', 'w', 'p'], '#pop'),
      rule(/(?:assign|echo)\b/, 'nt', 'assign'),
      rule(/(?:include|render)\b/, 'nt', 'include'),
      rule(/(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)/, (run, m) => {
        run.token('nt', m[1]);
        run.token('w', m[2]);
        run.token(quotedClass(m[3], 'na'), m[3]);
        run.token('w', m[4]);
        run.token('p', m[5]);
        run.token('w', m[6]);
        run.push('variable_tag_markup');
      }),
      rule(
        String.raw`(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)((?:[^\s%,\|'"]|(?:"[^"]*"|'[^']*'))+)(\s*)`,
        (run, m) => {
          run.groups('nt', 'w', 'nv', 'w', 'nt', 'w');
          run.token(quotedClass(m[7], 'nv'), m[7]);
          run.token('w', m[8]);
          run.push('tag_markup');
        },
      ),
      rule(/([^\s%]+)(\s*)/, ['nt', 'w'], 'tag_markup'),
    ],
    output: [
      rule(/(\|)(\s*)([a-zA-Z_][^\s}|:]*)/, ['p', 'w', 'nf'], 'filters'),
      mixin('end_of_tag'),
      mixin('generic'),
    ],
    filters: [
      rule(/(\|)(\s*)([a-zA-Z_][^\s%}|:]*)/, ['p', 'w', 'nf']),
      mixin('end_of_tag'),
      mixin('end_of_block'),
      mixin('variable_param_markup'),
    ],
    condition: [
      rule(/[=!]=|[<>]=?/, 'o'),
      rule(/(?:and|or|contains)\b/, 'ow'),
      mixin('end_of_block'),
      mixin('generic'),
    ],
    when: [mixin('end_of_block'), mixin('generic')],
    end_of_tag: [rule(/-?\}\}/, endOfBlock)],
    end_of_block: [rule(/-?%\}/, endOfBlock)],
    param_markup: [
      mixin('whitespace'),
      mixin('keyword'),
      mixin('string'),
      mixin('number'),
      rule(/([^\s=:]+)(\s*)(=|:)/, ['na', 'w', 'o']),
      rule(/[,:]/, 'p'),
    ],
    default_param_markup: [mixin('param_markup'), rule(/\S+/, '')],
    variable_param_markup: [mixin('param_markup'), mixin('variable'), rule(/\S+/, '')],
    tag_markup: [rule(/reversed\b/, 'na'), mixin('end_of_block'), mixin('default_param_markup')],
    variable_tag_markup: [mixin('end_of_block'), mixin('variable_param_markup')],
    keyword: [rule(/(?:false|true|nil)\b/, 'kc')],
    variable: [
      rule(/(?:empty|blank|forloop\.[^\s%}|:]+)\b/, 'nb'),
      rule(/\.(?=\w)|\[|\]/, 'p'),
      rule(/(?:first|last|size)\b/, 'nf'),
      rule(/[a-zA-Z_][\w-]*\??/, 'nv'),
    ],
    string: [rule(/'[^']*'/, 's1'), rule(/"[^"]*"/, 's2')],
    number: [rule(/-/, 'o'), rule(/\d+\.\d+/, 'mf'), rule(/\d+/, 'mi')],
    generic: [mixin('whitespace'), mixin('keyword'), mixin('string'), mixin('number'), mixin('variable')],
    whitespace: [rule(/[ \t]+/, 'w')],
    comment: [
      rule(/[^{]+/, 'c'),
      rule(/(\{%-?)(\s*)(endcomment)(\s*)(-?%\})/, (run) => {
        run.groups('p', 'w', 'nt', 'w', 'p');
        run.resetStack();
      }),
      rule(/\{/, 'c'),
    ],
    raw: [
      rule(/[^{]+/, ''),
      rule(/(\{%-?)(\s*)(endraw)(\s*)(-?%\})/, (run) => {
        run.groups('p', 'w', 'nt', 'w', 'p');
        run.resetStack();
      }),
      rule(/\{/, ''),
    ],
    assign: [
      rule(/=/, 'o'),
      rule(/(\|)(\s*)([a-zA-Z_][^\s%|:]*)/, ['p', 'w', 'nf'], 'filters'),
      mixin('end_of_block'),
      mixin('generic'),
    ],
    include: [
      rule(/(\{\{-?)(\s*)/, ['p', 'w'], 'output_embed'),
      rule(/(?:with|for)\b/, 'nt'),
      rule(/[\/\w-]+(?:\.[\w-]+)+\b/, ''),
      mixin('variable_tag_markup'),
    ],
    output_embed: [
      rule(/(\|)(\s*)([a-zA-Z_][^\s}|:]*)/, ['p', 'w', 'nf']),
      rule(/-?\}\}/, 'p', '#pop'),
      mixin('variable_param_markup'),
    ],
  },
}));
