/**
 * GraphQL (tag `graphql`; `.graphql`, `.gql` files), as Rouge 3.30 lexes it (lexers/graphql.rb):
 * `query`/`mutation`/`subscription`/`fragment`/`type`/`schema`/… `k`; names `n`, `$vars` `nv`,
 * `@directives` `k`; built-in scalar types `nb`; values: `true`/`false`/`null` `kc`, numbers
 * `mf`/`mi` (a lone `0` is not a number: Rouge's integers start at 1-9), strings `s2`, lists and
 * objects; whitespace `w`, `#` comments `c`, `!` `,` and brackets `p`. A `"""` block at the top
 * level whose lines stand alone is a description lexed as Markdown. Rouge's `state?` looks only at
 * the state on top of the stack (`run.stateName`), which decides whether `}` / `]` and values pop
 * one state or two.
 * For API posts (GitHub's GraphQL API, Apollo and Gatsby queries).
 */
import { type LexRun, type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { markdown } from './markdown.js';

const NAME = '[_A-Za-z][_0-9A-Za-z]*';

/** Rouge's pop_unless_list: the token, then pop unless the top state is `list`. */
function popUnlessList(tok: string) {
  return (run: LexRun) => {
    run.token(tok);
    if (run.stateName !== 'list') run.pop();
  };
}

export const graphql: LexerDef = lazyLexer('graphql', () => ({
  states: {
    root: [
      rule(/\b(?:query|mutation|subscription)\b/, 'k', 'query_definition'),
      rule(/\{/, (run) => {
        run.token('p');
        run.push('query_definition');
        run.push('selection_set');
      }),
      rule(/\bfragment\b/, 'k', 'fragment_definition'),
      rule(/\bscalar\b/, 'k', 'value'),
      rule(/\b(?:type|interface|enum)\b/, 'k', 'type_definition'),
      rule(/\b(?:input|schema)\b/, 'k', 'type_definition'),
      rule(/\bunion\b/, 'k', 'union_definition'),
      rule(/\bextend\b/, 'k'),
      mixin('basic'),
      // Markdown descriptions
      rule(/(""")(\n)(.*?)(\n)(""")/s, (run, m) => {
        run.token('s2', m[1]);
        run.token('w', m[2]);
        run.delegateFresh(markdown, m[3]);
        run.token('w', m[4]);
        run.token('s2', m[5]);
      }),
    ],
    basic: [rule(/\s+/, 'w'), rule(/#.*$/, 'c'), rule(/[!,]/, 'p')],
    has_directives: [
      rule(`(@${NAME})(\\s*)(\\()`, ['k', 'w', 'p'], 'arguments'),
      rule(`@${NAME}\\b`, 'k'),
    ],
    fragment_definition: [rule(/\bon\b/, 'k'), mixin('query_definition')],
    query_definition: [
      mixin('has_directives'),
      rule(`\\b${NAME}\\b`, 'n'),
      rule(/\(/, 'p', 'variable_definitions'),
      rule(/\{/, 'p', 'selection_set'),
      mixin('basic'),
    ],
    type_definition: [
      rule(/\bimplements\b/, 'k'),
      rule(`\\b${NAME}\\b`, 'n'),
      rule(/\(/, 'p', 'variable_definitions'),
      rule(/\{/, 'p', 'type_definition_set'),
      mixin('basic'),
    ],
    union_definition: [rule(`\\b${NAME}\\b`, 'n'), rule(/=/, 'p', 'union_definition_variant'), mixin('basic')],
    union_definition_variant: [
      rule(`\\b${NAME}\\b`, (run) => {
        run.token('n');
        run.goto('union_definition_pipe');
      }),
      mixin('basic'),
    ],
    union_definition_pipe: [
      rule(/\|/, (run) => {
        run.token('p');
        run.goto('union_definition_variant');
      }),
      rule(/(?!\||\s+|#[^\n]*)/, (run) => run.pop(2)),
      mixin('basic'),
    ],
    type_definition_set: [
      rule(/\}/, 'p', '#pop:2'),
      rule(`\\b(${NAME})(\\s*)(\\()`, ['n', 'w', 'p'], 'variable_definitions'),
      rule(`\\b${NAME}\\b`, 'n'),
      rule(/:/, 'p', 'type_names'),
      mixin('basic'),
    ],
    arguments: [rule(/\)/, 'p', '#pop'), rule(`\\b${NAME}\\b`, 'n'), rule(/:/, 'p', 'value'), mixin('basic')],
    variable_definitions: [
      rule(/\)/, 'p', '#pop'),
      rule(`\\$${NAME}\\b`, 'nv'),
      rule(`\\b${NAME}\\b`, 'n'),
      rule(/:/, 'p', 'type_names'),
      rule(/=/, 'p', 'value'),
      mixin('basic'),
    ],
    type_names: [
      rule(/\b(?:Int|Float|String|Boolean|ID)\b/, 'nb', '#pop'),
      rule(`\\b${NAME}\\b`, 'n', '#pop'),
      rule(/\[/, 'p', 'type_name_list'),
      mixin('basic'),
    ],
    type_name_list: [
      rule(/\b(?:Int|Float|String|Boolean|ID)\b/, 'nb'),
      rule(`\\b${NAME}\\b`, 'n'),
      rule(/\]/, 'p', '#pop:2'),
      mixin('basic'),
    ],
    selection_set: [
      mixin('has_directives'),
      rule(/\}/, (run) => {
        run.token('p');
        run.pop();
        if (run.stateName === 'query_definition' || run.stateName === 'fragment_definition') run.pop();
      }),
      rule(`\\b(${NAME})(\\s*)(\\()`, ['n', 'w', 'p'], 'arguments'),
      rule(`\\b(${NAME})(\\s*)(:)`, ['n', 'w', 'p']),
      rule(`\\b${NAME}\\b`, 'n'),
      rule(/(\.\.\.)(\s+)(on)\b/, ['p', 'w', 'k']),
      rule(/\.\.\./, 'p'),
      rule(/\{/, 'p', 'selection_set'),
      mixin('basic'),
    ],
    list: [
      rule(/\]/, (run) => {
        run.token('p');
        run.pop();
        if (run.stateName === 'value') run.pop();
      }),
      mixin('value'),
    ],
    object: [
      rule(/\}/, (run) => {
        run.token('p');
        run.pop();
        if (run.stateName === 'value') run.pop();
      }),
      rule(`\\b(${NAME})(\\s*)(:)`, ['n', 'w', 'p'], 'value'),
      mixin('basic'),
    ],
    value: [
      // Multiline strings
      rule(/""".*?"""/s, 's2'),
      rule(`\\$${NAME}\\b`, popUnlessList('nv')),
      rule(/\b(?:true|false|null)\b/, popUnlessList('kc')),
      rule(/[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?/, popUnlessList('mf')),
      rule(/[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?/, popUnlessList('mi')),
      // Rouge's /"(\\[\\"]|[^"])*"/ backtracks exponentially in V8 on an unclosed string full of
      // backslashes. Same matches, linear: the greedy path (a backslash pairs with a following
      // backslash or quote) ends at the first quote it does not pair; where it runs off the end
      // instead, every quote was paired and backtracking ends at the last one.
      rule(/"(?:[^"\\]|\\[\\"]|\\(?![\\"]))*"|"[\s\S]*"/, popUnlessList('s2')),
      rule(`\\b${NAME}\\b`, popUnlessList('n')),
      rule(/\{/, 'p', 'object'),
      rule(/\[/, 'p', 'list'),
      mixin('basic'),
    ],
  },
}));
