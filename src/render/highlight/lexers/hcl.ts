/**
 * HCL (tag `hcl`; `.hcl`, `.nomad` files) and Terraform (tag `terraform`, alias `tf`; `.tf`
 * files), as Rouge 3.30 lexes them (lexers/hcl.rb, and lexers/terraform.rb, a subclass of it):
 * whitespace bare; `//` and `#` comments `c1`, `/* … *\/` `cm`; numbers `mf`/`mi` (with size
 * suffixes `kb`, `M`…); `"…"` `s2` and `'…'` `s1` with only `\"`/`\'` escapes `se` (any escape and
 * `${…}` interpolation `k` in Terraform, where a `$` not opening one is an error); heredocs
 * `<<EOF` … `EOF`: operator `o`, delimiters `no`, body `sh`. Words: `true`/`false`/`null` `kc`,
 * else `nx` — in Terraform its block words (`resource`, `variable`…) `k` and `var`/`local`
 * `kd` — and every word but a constant opens a `composite` (the words and strings before a `{`
 * or `[`), which nests one level per word; `{ … }` and `[ … ]` with `=` and `,` `p` (Terraform
 * adds `.,()*`). Inside `${…}`, Terraform's expression rules: `"/…/"` regexes `sr` with
 * delimiters `dl`, operators `o`, brackets `p`, words (with `-`) as above without composites.
 * For infrastructure posts (Terraform modules, Nomad jobs, Packer and Vault configs).
 */
import { type LexRun, type LexerDef, type RuleSpec, lazyLexer, mixin, rule } from '../engine.js';

interface HclWords {
  keywords: ReadonlySet<string>;
  declarations: ReadonlySet<string>;
  constants: ReadonlySet<string>;
}

const CONSTANTS = new Set(['true', 'false', 'null']);

/** Rouge's `id` rule of the root state: a word, classified by the class's word lists. */
function rootWord(words: HclWords) {
  return rule(/[$a-z_][a-z0-9_]*/i, (run: LexRun, m: RegExpExecArray) => {
    const w = m[0];
    if (words.keywords.has(w)) {
      run.token('k');
      run.push('composite');
    } else if (words.declarations.has(w)) {
      run.token('kd');
      run.push('composite');
    } else if (words.constants.has(w)) run.token('kc');
    else {
      run.token('nx');
      run.push('composite');
    }
  });
}

function hclStates(words: HclWords, terraform: boolean): Record<string, RuleSpec[]> {
  // Terraform's `prepend :hash` / `prepend :array`
  const tfPunct: RuleSpec[] = terraform ? [rule(/[.,()*]/, 'p')] : [];
  const states: Record<string, RuleSpec[]> = {
    multiline_comment: [rule(/[*]\//, 'cm', '#pop'), rule(/[^*/]+/, 'cm'), rule(/[*/]/, 'cm')],
    comments_and_whitespace: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/#.*?$/, 'c1'),
      rule(/\/[*]/, 'cm', 'multiline_comment'),
    ],
    primitives: [
      rule(/[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?([kKmMgG]b?)?/, 'mf'),
      rule(/[0-9]+([kKmMgG]b?)?/, 'mi'),
      rule(/"/, 's2', 'dq'),
      rule(/'/, 's1', 'sq'),
      rule(/(<<-?)(\s*)('?)(\\?)(\w+)(\3)/, (run, m) => {
        run.groups('o', '', 'sh', 'sh', 'no', 'sh');
        run.data.heredocstr = m[5];
        run.push('heredoc');
      }),
    ],
    root: [
      mixin('comments_and_whitespace'),
      mixin('primitives'),
      rule(/\{/, 'p', 'hash'),
      rule(/\[/, 'p', 'array'),
      rootWord(words),
    ],
    composite: [
      mixin('comments_and_whitespace'),
      rule(/[{]/, (run) => {
        run.token('p');
        run.pop();
        run.push('hash');
      }),
      rule(/[\[]/, (run) => {
        run.token('p');
        run.pop();
        run.push('array');
      }),
      mixin('root'),
      rule('', '', '#pop'),
    ],
    hash: [
      ...tfPunct,
      mixin('comments_and_whitespace'),
      rule(/=/, 'p'),
      rule(/\}/, 'p', '#pop'),
      mixin('root'),
    ],
    array: [...tfPunct, mixin('comments_and_whitespace'), rule(/,/, 'p'), rule(/\]/, 'p', '#pop'), mixin('root')],
    dq: [rule(/[^\\"]+/, 's2'), rule(/\\"/, 'se'), rule(/"/, 's2', '#pop')],
    sq: [rule(/[^\\']+/, 's1'), rule(/\\'/, 'se'), rule(/'/, 's1', '#pop')],
    heredoc: [rule(/\n/, 'sh', 'heredoc_nl'), rule(/[^$\n]+/, 'sh'), rule(/[$]/, 'sh')],
    heredoc_nl: [
      // `\s*` also crosses blank lines: the whole match is the delimiter's token
      rule(/\s*(\w+)\s*\n/, (run, m) => {
        if (m[1] === run.data.heredocstr) {
          run.token('no');
          run.pop(2);
        } else run.token('sh');
      }),
      rule('', (run) => run.pop()),
    ],
  };
  if (!terraform) return states;
  return {
    ...states,
    strings: [rule(/\\./, 'se'), rule(/\$\{/, 'k', 'interpolation')],
    dq: [rule(/[^\\"$]+/, 's2'), mixin('strings'), rule(/"/, 's2', '#pop')],
    sq: [rule(/[^\\'$]+/, 's1'), mixin('strings'), rule(/'/, 's1', '#pop')],
    heredoc: [rule(/\n/, 'sh', 'heredoc_nl'), rule(/[^$\n]+/, 'sh'), rule(/[$]/, 'sh'), mixin('strings')],
    interpolation: [rule(/\}/, 'k', '#pop'), mixin('expression')],
    regexps: [
      rule(/"\//, (run) => {
        run.token('dl');
        run.goto('regexp_inner');
      }),
    ],
    regexp_inner: [rule(/[^"/\\]+/, 'sr'), rule(/\\./, 'sr'), rule(/\/"/, 'dl', '#pop'), rule(/["/]/, 'sr')],
    expression: [
      mixin('regexps'),
      mixin('primitives'),
      rule(/\s+/, ''),
      rule(/\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|==|!=/, 'o'),
      rule(/[-<>+*%&|^/!=?:]=?/, 'o'),
      rule(/[(\[,]/, 'p'),
      rule(/[)\].]/, 'p'),
      rule(/[$a-z_-][a-z0-9_-]*/i, (run, m) => {
        const w = m[0];
        if (words.keywords.has(w)) run.token('k');
        else if (words.declarations.has(w)) run.token('kd');
        else if (words.constants.has(w)) run.token('kc');
        else run.token('nx');
      }),
    ],
  };
}

export const hcl: LexerDef = lazyLexer('hcl', () => ({
  states: hclStates({ keywords: new Set(), declarations: new Set(), constants: CONSTANTS }, false),
}));

export const terraform: LexerDef = lazyLexer('terraform', () => ({
  states: hclStates(
    {
      keywords: new Set(['terraform', 'module', 'provider', 'variable', 'resource', 'data', 'provisioner', 'output']),
      declarations: new Set(['var', 'local']),
      constants: CONSTANTS,
    },
    true,
  ),
}));
