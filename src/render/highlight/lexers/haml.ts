/**
 * Haml (tags `haml`, `HAML`; `.haml` files), as Rouge 3.30 lexes it: line by line, by indentation
 * (Rouge's Indentation mixin, shared with ./sass.ts). `%tag` `nt`, `.class` `nc`, `#id` `nf`,
 * `!!!` doctypes `nn`; `{ … }` attribute hashes, `[…]` object references, `- code` and `= code`
 * lines and `#{…}` interpolation go to one Ruby lexer whose state persists (reset at `-`, `=`,
 * `{`); `(a="b")` HTML attributes `na` with values `nv`/`vi`/`vg`/`s`; plain text goes to one
 * persistent HTML lexer; `/` comments `c` (`/[if IE]` `cs`) and `-#` comments `cp` take the
 * lines indented under them; `:javascript`, `:css`, `:ruby`, `:erb`, `:markdown`, `:sass`
 * filters lex the indented lines under them with that lexer (other filters `nd`). Rouge's faux
 * dot lets ` |` + newline continue a line.
 * For Rails view templates in posts.
 */
import { type LexRun, type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { rubyStrip } from '../../../ruby/strings.js';
import { css } from './css.js';
import { html } from './html.js';
import { javascript } from './javascript.js';
import { beforeLineTail } from './loop-match.js';
import { markdown } from './markdown.js';
import { ruby, rubyBraceBody } from './ruby.js';
import { indentedLineRoot, sass, startsBlock } from './sass.js';
import { sublexers } from './sublexers.js';

const IDENTIFIER = String.raw`[\w:-]+`;
const RUBY_VAR = String.raw`[a-z]\w*`;
// Haml can include " |\n" anywhere, which is ignored and used to wrap long lines (Rouge's `dot`)
const DOT = String.raw`(?:[ ]\|\n(?=.*[ ]\|)|.)`;
const PLAIN_TEXT = String.raw`([^#\n]|#[^{\n]|(\\\\)*\\#\{)+`;

/** Rouge's default filters (lexers made once per Haml lexer: their state persists between blocks). */
function filterLexer(name: string): LexerDef | undefined {
  switch (name) {
    case 'javascript':
      return javascript;
    case 'css':
      return css;
    case 'ruby':
      return ruby; // the same instance as the `-`/`=` lines'
    case 'erb':
      return sublexers.find('erb');
    case 'markdown':
      return markdown;
    case 'sass':
      return sass;
    default:
      return undefined;
  }
}

/** Rouge's `ruby!(state)`: reset the Ruby lexer, then push `state`. */
function rubyBang(run: LexRun, state: string): void {
  run.childRun(ruby).reset();
  run.push(state);
}


export const haml: LexerDef = lazyLexer('haml', () => ({
  start: (run) => {
    run.childRun(ruby).reset();
    run.childRun(html).reset();
  },
  states: {
    root: indentedLineRoot(),
    content: [
      mixin('css'),
      rule(`%${IDENTIFIER}`, (run) => {
        run.token('nt');
        run.goto('tag');
      }),
      rule(`!!!${DOT}*\\n`, 'nn', '#pop'),
      rule(`(/)(\\[${DOT}*?\\])(${DOT}*\\n)`, (run) => {
        run.groups('c', 'cs', 'c');
        run.pop();
      }),
      rule(`/${DOT}*\\n`, (run) => {
        run.token('c');
        run.pop();
        startsBlock(run, 'html_comment_block');
      }),
      rule(`-#${DOT}*\\n`, (run) => {
        run.token('c');
        run.pop();
        startsBlock(run, 'haml_comment_block');
      }),
      rule(/-/, (run) => {
        run.token('p');
        run.resetStack();
        rubyBang(run, 'ruby_line');
      }),
      // filters
      rule(`:(${DOT}*)\\n`, (run, m) => {
        run.token('nd');
        run.pop();
        startsBlock(run, 'filter_block');
        const filter = filterLexer(rubyStrip(m[1]));
        run.data.filter = filter;
        if (filter) run.childRun(filter).reset();
      }),
      mixin('eval_or_plain'),
    ],
    css: [
      rule(`\\.${IDENTIFIER}`, (run) => {
        run.token('nc');
        run.goto('tag');
      }),
      rule(`#${IDENTIFIER}`, (run) => {
        run.token('nf');
        run.goto('tag');
      }),
    ],
    tag: [
      mixin('css'),
      rule(/[{]/, (run) => {
        run.token('p');
        rubyBang(run, 'ruby_tag');
      }),
      rule(`\\[${DOT}*?\\]`, (run) => run.delegate(ruby)),
      rule(/\(/, 'p', 'html_attributes'),
      rule(/\s*\n/, '', '#pop'),
      // whitespace chompers
      rule(/[<>]{1,2}(?=[ \t=])/, 'p'),
      mixin('eval_or_plain'),
    ],
    plain: [
      rule(PLAIN_TEXT, (run) => run.delegate(html)),
      mixin('interpolation'),
      rule(/\n/, (run) => {
        run.token('');
        run.resetStack();
      }),
    ],
    eval_or_plain: [
      rule(/[&!]?==/, 'p', 'plain'),
      rule(/[&!]?[=!]/, (run) => {
        run.token('p');
        run.resetStack();
        rubyBang(run, 'ruby_line');
      }),
      rule('', (run) => run.push('plain')),
    ],
    ruby_line: [
      rule(/\n/, '', '#pop'),
      rule(/,[ \t]*\n/, (run) => run.delegate(ruby)),
      rule(/[ ]\|[ \t]*\n/, 'se'),
      // `.*?(?=(,$| \|)?[ \t]*$)`, linear on long runs of trailing blanks (beforeLineTail)
      { re: beforeLineTail(','), bol: false, action: (run) => run.delegate(ruby) },
    ],
    ruby_tag: [mixin('ruby_inner')],
    html_attributes: [
      rule(/\s+/, ''),
      rule(`${IDENTIFIER}\\s*=`, 'na', 'html_attribute_value'),
      rule(IDENTIFIER, 'na'),
      rule(/\)/, '', '#pop'),
    ],
    html_attribute_value: [
      rule(/\s+/, ''),
      rule(RUBY_VAR, 'nv', '#pop'),
      rule(`@${RUBY_VAR}`, 'vi', '#pop'),
      rule(`\\$${RUBY_VAR}`, 'vg', '#pop'),
      // Rouge's /'(\\\\|\\'|[^'\n])*'/ and its "…" twin backtrack exponentially in V8 on a long
      // run of backslashes without a closing quote. Same matches, linear: the greedy path ends at
      // the first quote it does not pair; where it reaches the line end instead, every quote on
      // the way was paired and backtracking ends at the line's last one.
      rule(/'(?:[^'\\\n]|\\[\\']|\\(?![\\']))*'|'[^\n]*'/, 's', '#pop'),
      rule(/"(?:[^"\\\n]|\\[\\"]|\\(?![\\"]))*"|"[^\n]*"/, 's', '#pop'),
    ],
    html_comment_block: [rule(`${DOT}+`, 'c'), mixin('indented_block')],
    haml_comment_block: [rule(`${DOT}+`, 'cp'), mixin('indented_block')],
    filter_block: [
      rule(PLAIN_TEXT, (run) => {
        const filter: LexerDef | undefined = run.data.filter;
        if (filter) run.delegate(filter);
        else run.token('nd');
      }),
      mixin('interpolation'),
      mixin('indented_block'),
    ],
    interpolation: [rule(/#[{]/, 'si', 'ruby')],
    ruby: [rule(/[}]/, 'si', '#pop'), mixin('ruby_inner')],
    ruby_inner: rubyBraceBody('ruby_inner'),
    indented_block: [
      rule(/\n/, (run) => {
        run.token('');
        run.resetStack();
      }),
    ],
  },
}));
