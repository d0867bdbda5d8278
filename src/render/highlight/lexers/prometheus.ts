/**
 * PromQL, Prometheus queries (tag `prometheus`; `.prometheus`), as Rouge 3.30 lexes them
 * (lexers/prometheus.rb): `"…"` `s2` / `'…'` `s1` with escapes `se`, `` `…` `` `sb`; `#` comments
 * `c`; numbers `mf`, durations and integers `mi`; operators `o`; aggregations (`sum`, `topk`…) `nf`;
 * `on(`/`ignoring(` `kp` and `by`/`without` `k` then label lists `na`; `group_left(` `kt`; `bool`
 * `offset` `k`; functions `nb` (Rouge's list), metric names `n`; `{label="v"}` selectors with
 * labels `na` and matchers `o`; brackets `p`.
 * Rouge quirk kept: `and`/`or`/`unless` match without word boundaries, before names, so
 * `order_total` is `o` `or` then `n`; a backslash before anything else in a string is `err`.
 * For monitoring and alerting posts.
 */
import { type LexerDef, type RuleSpec, lazyLexer, rule } from '../engine.js';

const FUNCTIONS = new Set(
  `abs absent ceil changes clamp_max clamp_min count_scalar day_of_month day_of_week days_in_month delta
  deriv drop_common_labels exp floor histogram_quantile holt_winters hour idelta increase irate
  label_replace ln log2 log10 month predict_linear rate resets round scalar sort sort_desc sqrt time
  vector year avg_over_time min_over_time max_over_time sum_over_time count_over_time
  quantile_over_time stddev_over_time stdvar_over_time`.split(/\s+/),
);

const quoted = (tok: string, fin: string): RuleSpec[] => [
  rule(String.raw`\\[\\abfnrtv${fin}]`, 'se'),
  rule(String.raw`[^\\${fin}]+`, tok),
  rule(fin, tok, '#pop'),
];

export const prometheus: LexerDef = lazyLexer('prometheus', () => ({
  states: {
    root: [
      { mixin: 'strings' },
      { mixin: 'whitespace' },
      rule(/-?\d+\.\d+/, 'mf'),
      rule(/-?\d+[smhdwy]?/, 'mi'),
      { mixin: 'operators' },
      rule(/(ignoring|on)(\()/, ['kp', 'p'], 'label_list'),
      rule(/(group_left|group_right)(\()/, ['kt', 'p']),
      rule(/(bool|offset)\b/, 'k'),
      rule(/(without|by)\b/, 'k', 'label_list'),
      rule(/[\w:]+/, (run, m) => run.token(FUNCTIONS.has(m[0]) ? 'nb' : 'n')),
      { mixin: 'metrics' },
    ],
    metrics: [rule(/[a-zA-Z0-9_-]+/, 'n'), rule(/[():.,\]]/, 'p'), rule(/\{/, 'p', 'filters'), rule(/\[/, 'p')],
    strings: [
      rule(/"/, 's2', 'double_string_escaped'),
      rule(/'/, 's1', 'single_string_escaped'),
      rule(/`.*`/, 'sb'),
    ],
    double_string_escaped: quoted('s2', '"'),
    single_string_escaped: quoted('s1', "'"),
    filters: [
      { mixin: 'inline_whitespace' },
      rule(/,/, 'p'),
      { mixin: 'labels' },
      { mixin: 'filter_matching_operators' },
      { mixin: 'strings' },
      rule(/\}/, 'p', '#pop'),
    ],
    label_list: [
      rule(/\(/, 'p'),
      rule(/[a-zA-Z0-9_:-]+/, 'na'),
      rule(/,/, 'p'),
      { mixin: 'whitespace' },
      rule(/\)/, 'p', '#pop'),
    ],
    labels: [rule(/[a-zA-Z0-9_:-]+/, 'na')],
    operators: [
      rule(/[+\-*/%^]/, 'o'),
      rule(/=|==|!=|<|>|<=|>=/, 'o'),
      rule(/and|or|unless/, 'o'),
      rule(/(sum|min|max|avg|stddev|stdvar|count|count_values|bottomk|topk)\b/, 'nf'),
    ],
    filter_matching_operators: [rule(/!(=|~)|=~?/, 'o')],
    inline_whitespace: [rule(/[ \t\r]+/, '')],
    whitespace: [{ mixin: 'inline_whitespace' }, rule(/\n\s*/, ''), rule(/#.*?$/, 'c')],
  },
}));
