/**
 * YAML (tags `yaml`, `yml`), as Rouge 3.30 lexes it. Rouge tracks block indentation itself, so
 * this lexer keeps an indent stack in the run's scratch data exactly as Rouge's does.
 *
 * Rouge conventions reproduced: mapping keys `na` with the `:` as `pi` (Punctuation::Indicator),
 * `-`, `?`, `[`, `]`, `{`, `}`, `,`, `|`, `>` also `pi`; plain scalars in block context are `s`
 * (a leading zero-width `nv` token is dropped), except `true|false|null` anywhere in them (`no`,
 * no word boundary: `nullable` → `no` + `s`) and a number that ends the line (`m`); plain
 * scalars inside `[…]`/`{…}` are `nv`; quoted strings `s1`/`s2` opening quote, then `s`; anchors
 * `nl`, aliases `nv`, tags `kt`; `---` `nn`; comments `c1`. Text that is less indented than the
 * current block but not at a known indent is `err`.
 */
import { type LexerDef, type LexRun, type Rule, type RuleSpec, mixin, rule, lazyLexer } from '../engine.js';
import { guardedByRun } from './loop-match.js';

interface IndentState {
  stack: number[];
  next: number;
  blockScalar: number | null;
}
const st = (run: LexRun): IndentState => run.data.yaml as IndentState;

function resetIndent(run: LexRun): void {
  run.data.yaml = { stack: [0], next: 0, blockScalar: null } satisfies IndentState;
}
const indent = (run: LexRun): number => {
  const s = st(run).stack;
  return s[s.length - 1];
};

/** Pops the indent stack down to `match`'s width; returns [text, error] parts of `match`. */
function saveIndent(run: LexRun, match: string): [string, string] {
  const s = st(run);
  s.next = match.length;
  if (s.next < indent(run)) {
    while (s.stack.length && s.next < indent(run)) s.stack.pop();
    // Rouge pops until the level is not deeper; an emptied stack would raise there, we keep 0
    if (!s.stack.length) s.stack.push(0);
    return [match.slice(0, indent(run)), match.slice(indent(run))];
  }
  return [match, ''];
}

function setIndent(run: LexRun, match: string, implicit = false): void {
  const s = st(run);
  if (indent(run) < s.next) s.stack.push(s.next);
  if (!implicit) s.next += match.length;
}

const KEY_STOP = new Set([...'#,:?[]{}"\'\n'].map((c) => c.charCodeAt(0)));
const BLANK = new Set([...' \t\n\v\f\r'].map((c) => c.charCodeAt(0)));

/**
 * Rouge's mapping-key rule `([^#,:?\[\]{}"'\n]+)(:)(?=\s|$)` scans the rest of the key
 * characters at each position where it is tried, and on a line of characters that are errors
 * (`%%%…`, `&&&…`) it is tried at every one of them: quadratic. The run cannot give back a
 * character to the `:` (it is not in the run), so the rule matches exactly where the run of key
 * characters starting there is followed by `:` and then whitespace or the end: checked first,
 * with the run's end remembered between positions.
 */
function mappingKey(base: Rule): Rule {
  return guardedByRun((code) => !KEY_STOP.has(code), base, (text, pos, end) =>
    end > pos && text.charCodeAt(end) === 58 && (end + 1 === text.length || BLANK.has(text.charCodeAt(end + 1))));
}

const PLAIN_SCALAR_START = String.raw`[^ \t\n\r\f\v?:,\[\]{}#&*!|>'"%@\x60]`;

/** Rouge's YAML lexer's definition (Digdag < YAML builds on it). */
function yamlDef(): Omit<LexerDef, 'name'> & { states: Record<string, RuleSpec[]> } {
  return {
    start: resetIndent,
    states: {
      basic: [rule(/#.*$/, 'c1')],
      root: [
        mixin('basic'),
        rule(/\n+/, ''),
        rule(/[ ]+(?=#|$)/, ''),
        rule(/^%YAML\b/, (run) => {
          run.token('nt');
          resetIndent(run);
          run.push('yaml_directive');
        }),
        rule(/^%TAG\b/, (run) => {
          run.token('nt');
          resetIndent(run);
          run.push('tag_directive');
        }),
        rule(/^(?:---|\.\.\.)(?= |$)/, (run) => {
          run.token('nn');
          resetIndent(run);
          run.push('block_line');
        }),
        rule(/[ ]*(?!\s|$)/, (run, m) => {
          const [text, err] = saveIndent(run, m[0]);
          run.token('', text);
          run.token('err', err);
          run.push('block_line');
          run.push('indentation');
        }),
      ],
      indentation: [
        rule(/\s*?\n/, (run) => {
          run.token('');
          run.pop(2);
        }),
        rule(/[ ]+(?=[\-:?](?:[ ]|$))/, (run, m) => {
          run.token('');
          st(run).next += m[0].length;
        }),
        rule(/[?:\-](?=[ ]|$)/, (run, m) => {
          setIndent(run, m[0]);
          run.token('pi');
        }),
        rule(/[ ]*/, (run, m) => {
          run.token('');
          st(run).next += m[0].length;
          run.pop();
        }),
      ],
      block_line: [
        rule(/[ ]*(?=#|$)/, '', '#pop'),
        rule(/[ ]+/, ''),
        mixin('descriptors'),
        mixin('block_nodes'),
        mixin('flow_nodes'),
        rule(String.raw`(?=${PLAIN_SCALAR_START}|[?:\-][^ \t\n\r\f\v])`, 'nv', 'plain_scalar_in_block_context'),
      ],
      descriptors: [
        rule(/!<[0-9A-Za-z;\/?:@&=+$,_.!~*'()\[\]%\-]+>/, 'kt'),
        rule(/(?:![\w\-]+)?!(?:[\w;\/?:@&=+$,.!~*'()\[\]%\-]*)/, 'kt'),
        rule(/&[\p{L}\p{Nl}\p{Nd}_\-]+/u, 'nl'),
        rule(/\*[\p{L}\p{Nl}\p{Nd}_\-]+/u, 'nv'),
      ],
      block_nodes: [
        mappingKey(
          rule(/([^#,:?\[\]{}"'\n]+)(:)(?=\s|$)/, (run, m) => {
            run.groups('na', 'pi');
            setIndent(run, m[0], true);
          }),
        ),
        rule(/[|>][+\-]?/, (run) => {
          run.token('pi');
          run.push('block_scalar_content');
          run.push('block_scalar_header');
        }),
      ],
      flow_nodes: [
        rule(/\[/, 'pi', 'flow_sequence'),
        rule(/\{/, 'pi', 'flow_mapping'),
        rule(/'/, 's1', 'single_quoted_scalar'),
        rule(/"/, 's2', 'double_quoted_scalar'),
      ],
      flow_collection: [
        rule(/\s+/s, ''),
        mixin('basic'),
        rule(/[?:,]/, 'pi'),
        mixin('descriptors'),
        mixin('flow_nodes'),
        rule(String.raw`(?=${PLAIN_SCALAR_START})`, (run) => run.push('plain_scalar_in_flow_context')),
      ],
      flow_sequence: [rule(/\]/, 'pi', '#pop'), mixin('flow_collection')],
      flow_mapping: [rule(/\}/, 'pi', '#pop'), mixin('flow_collection')],
      block_scalar_content: [
        rule(/\n+/, ''),
        rule(/^[ ]+$/, (run, m) => {
          const mark = st(run).blockScalar ?? m[0].length;
          run.token('', m[0].slice(0, mark));
          run.token('no', m[0].slice(mark));
        }),
        rule(/^[ ]*/, (run, m) => {
          run.token('');
          const s = st(run);
          const size = m[0].length;
          const dedentLevel = s.blockScalar ?? indent(run);
          s.blockScalar ??= size;
          if (size < dedentLevel) {
            saveIndent(run, m[0]);
            run.pop();
            run.push('indentation');
          }
        }),
        rule(/[^\n\r\f\v]+/, 's'),
      ],
      block_scalar_header: [
        rule(/(([1-9])[+\-]?|[+\-]?([1-9])?)(?=[ ]|$)/, (run, m) => {
          const s = st(run);
          s.blockScalar = null;
          run.goto('ignored_line');
          if (!m[0]) return;
          // Rouge reads `m[1] || m[2]`, and m[1] is the whole indicator (the outer group), so the
          // increment is its String#to_i: `2-` → 2, and a lone `-` or `+` (left over when an error
          // character followed `|`/`>`) → 0, which makes every following line block scalar content.
          s.blockScalar = indent(run) + Number(/^[+\-]?\d+/.exec(m[1])?.[0] ?? 0);
          run.token('pi');
        }),
      ],
      ignored_line: [mixin('basic'), rule(/[ ]+/, ''), rule(/\n/, '', '#pop')],
      quoted_scalar_whitespaces: [
        rule(/^[ ]+/, ''),
        rule(/[ ]+$/, ''),
        rule(/\n+/s, ''),
        rule(/[ ]+/, 'nv'),
      ],
      single_quoted_scalar: [
        mixin('quoted_scalar_whitespaces'),
        rule(/\\'/, 'se'),
        rule(/'/, 's', '#pop'),
        rule(/[^\s']+/, 's'),
      ],
      double_quoted_scalar: [
        rule(/"/, 's', '#pop'),
        mixin('quoted_scalar_whitespaces'),
        rule(/\\[0abt\tn\nvfre "\\N_LP]/, 'se'),
        rule(/\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/, 'se'),
        rule(/[^ \t\n\r\f\v"\\]+/, 's'),
      ],
      plain_scalar_in_block_context_new_line: [
        rule(/^[ ]+\n/, ''),
        rule(/\n+/s, ''),
        rule(/^(?=---|\.\.\.)/, (run) => run.pop(3)),
        rule(/^[ ]*/, (run, m) => {
          run.token('');
          run.pop();
          if (m[0].length <= indent(run)) {
            run.pop();
            saveIndent(run, m[0]);
            run.push('indentation');
          }
        }),
      ],
      plain_scalar_in_block_context: [
        rule(/[ ]*(?=:[ \n]|:$)/, '', '#pop'),
        rule(/[ ]*:\S+/, 's'),
        rule(/[ ]+(?=#)/, '', '#pop'),
        rule(/[ ]+$/, ''),
        rule(/\n+/, '', 'plain_scalar_in_block_context_new_line'),
        rule(/[ ]+/, 's'),
        rule(/true|false|null/, 'no'),
        rule(/\d+(?:\.\d+)?(?=(?:\r?\n)| +#)/, 'm', '#pop'),
        rule(/[^\s:]+/, 's'),
      ],
      plain_scalar_in_flow_context: [
        rule(/[ ]*(?=[,:?\[\]{}])/, '', '#pop'),
        rule(/[ ]+(?=#)/, '', '#pop'),
        rule(/^[ ]+/, ''),
        rule(/[ ]+$/, ''),
        rule(/\n+/, ''),
        rule(/[ ]+/, 'nv'),
        rule(/[^\s,:?\[\]{}]+/, 'nv'),
      ],
      yaml_directive: [
        rule(/([ ]+)(\d+\.\d+)/, (run) => {
          run.groups('', 'm');
          run.goto('ignored_line');
        }),
      ],
      tag_directive: [
        rule(/([ ]+)(!|![\w\-]*!)([ ]+)(!|!?[\w;\/?:@&=+$,.!~*'()\[\]%\-]+)/, (run) => {
          run.groups('', 'kt', '', 'kt');
          run.goto('ignored_line');
        }),
      ],
    },
  };
}

export const yaml: LexerDef = lazyLexer('yaml', yamlDef);

// Digdag's operators, as Rouge's Regexp.union (ordered) of `name>` and `_do`, `_parallel`.
const DIGDAG_KEYWORDS = `call require loop for_each if fail echo td td_run td_ddl td_load td_for_each td_wait
  td_wait_table td_partial_delete td_table_export pg mail http s3_wait redshift redshift_load
  redshift_unload emr gcs_wait bq bq_ddl bq_extract bq_load sh py rb embulk`
  .split(/\s+/)
  .map((name) => `${name}>`)
  .concat(['_do', '_parallel'])
  .join('|');

/**
 * Digdag workflow definitions (tag `digdag`), as Rouge 3.30 lexes them (lexers/digdag.rb,
 * `Digdag < YAML`): YAML, with an operator key (`sh>:`, `td>:`, `_do:`, `_parallel:`…) `kr`
 * before its `:` `pi`, tried before YAML's own block-node rules; the key sets the indentation
 * as a mapping key does.
 */
export const digdag: LexerDef = lazyLexer('digdag', () => {
  const def = yamlDef();
  def.states.block_nodes = [
    rule(`(${DIGDAG_KEYWORDS})(:)(?=\\s|$)`, (run, m) => {
      run.groups('kr', 'pi');
      setIndent(run, m[0], true);
    }),
    ...def.states.block_nodes,
  ];
  return def;
});
