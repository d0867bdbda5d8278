/**
 * Slim (tag `slim`; `.slim` files), as Rouge 3.30 lexes it (lib/rouge/lexers/slim.rb): line by
 * line, by indentation (Rouge's Indentation mixin, shared with ./sass.ts and ./haml.ts). A line's
 * first word is a tag `nt` (`.class` `nc`, `#id` `nf`, `doctype …` `nn`); `attr=` is `na` + `p`
 * with a quoted value `s` or a Ruby value; `-`, `=` and `==` lines, `*splats`, `=value` after a tag
 * and `#{…}` interpolation go to one Ruby lexer whose state persists across the block; `|` and
 * `'` start plain text (to the end of the indented block) and `/` comments `c` take the lines
 * indented under them; `name:` filters (`ruby`, `erb`, `javascript`, `css`, `coffee`, `markdown`,
 * `scss`, `sass`) lex the lines indented under them with that lexer, other filters are `nd`.
 * "Dirty HTML" (`<p>`, `</div>`) goes to one persistent HTML lexer. Rouge's `dot` lets `\` +
 * newline continue a line.
 *
 * Rouge quirks kept: the `(?<!\\)\n` that ends a block sees nothing before the scan position
 * (Rouge runs it with StringScanner), so every newline ends the block; a tag's text is taken one
 * character at a time (`w` for whitespace, bare text otherwise).
 */
import { type LexRun, type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { rubyStrip } from '../../../ruby/strings.js';
import { coffeescript } from './coffeescript.js';
import { css } from './css.js';
import { html } from './html.js';
import { javascript } from './javascript.js';
import { beforeLineTail, entityRule, isRubySpace, onlyWhereRunSpacedThen } from './loop-match.js';
import { markdown } from './markdown.js';
import { ruby, rubyBraceBody } from './ruby.js';
import { indentedLineRoot, sass, startsBlock } from './sass.js';
import { scss } from './scss.js';
import { sublexers } from './sublexers.js';

// Ruby's `[\w-]` (its `\w` is ASCII)
const isWordOrDash = (c: number) => c === 45 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// Ruby identifier characters
const RUBY_CHARS = String.raw`[\w!?@$]`;
// a backslash-newline continues the line (a capturing group, as in Rouge's `dot`)
const DOT = String.raw`(\\\n|.)`;
const DIRTY_HTML = String.raw`(<\/?[\w\s='"]+?\/?>)`;

/** Rouge's Slim#filters (one lexer each, kept for the whole block). */
function filterLexer(name: string): LexerDef | undefined {
  switch (name) {
    case 'ruby':
      return ruby; // the same instance as the `-`/`=` lines'
    case 'erb':
      return sublexers.find('erb');
    case 'javascript':
      return javascript;
    case 'css':
      return css;
    case 'coffee':
      return coffeescript;
    case 'markdown':
      return markdown;
    case 'scss':
      return scss;
    case 'sass':
      return sass;
    default:
      return undefined;
  }
}


/** `*` then Ruby code: a dynamic tag or splat. */
const splat = (run: LexRun, m: RegExpExecArray) => {
  run.token('p', m[1]);
  run.delegate(ruby, m[2]);
};

export const slim: LexerDef = lazyLexer('slim', () => ({
  start: (run) => {
    run.childRun(ruby).reset();
    run.childRun(html).reset();
  },
  states: {
    root: indentedLineRoot(),
    content: [
      mixin('css'),
      rule(`\\/${DOT}*`, 'c', 'indented_block'),
      rule(/(doctype)(\s+)(.*)/, (run) => {
        run.groups('nn', 'w', '');
        run.pop();
      }),
      // filters
      rule(/(\w*):\s*\n/, (run, m) => {
        run.token('nd');
        run.pop();
        startsBlock(run, 'filter_block');
        const filter = filterLexer(rubyStrip(m[1]));
        run.data.filter = filter;
        if (filter) run.childRun(filter).reset();
      }),
      // text
      rule(/[|'](?=\s)/, (run) => {
        run.token('p');
        run.pop();
        startsBlock(run, 'plain_block');
        run.goto('plain_block');
      }),
      rule(/-|==|=/, 'p', 'ruby_line'),
      // dynamic tags
      rule(`(\\*)(${RUBY_CHARS}+\\(.*?\\))`, (run, m) => {
        splat(run, m);
        run.push('tag');
      }),
      rule(`(\\*)(${RUBY_CHARS}+)`, (run, m) => {
        splat(run, m);
        run.push('tag');
      }),
      rule(DIRTY_HTML, (run, m) => {
        run.delegate(html, m[1]);
        run.pop();
      }),
      // ordinary tags
      rule(/\w+/, 'nt', 'tag'),
    ],
    tag: [
      mixin('css'),
      mixin('indented_block'),
      mixin('interpolation'),
      // whitespace control
      rule(/[<>]/, 'p'),
      rule(/\s+?/, 'w'),
      // splats
      rule(`(\\*)(${RUBY_CHARS}+)`, splat),
      rule(`(\\*)(\\{${DOT}+?\\})`, splat),
      // attributes
      // tried only where the run of `[\w-]` is followed by `\s*=`: a long run of them (`----`)
      // would otherwise be scanned again from each of its positions (quadratic)
      onlyWhereRunSpacedThen(isWordOrDash, isRubySpace, 61 /* = */, rule(/([\w-]+)(\s*)(=)/, (run, m) => {
        run.token('na', m[1]);
        run.token('w', m[2]);
        run.token('p', m[3]);
        run.push('html_attr');
      })),
      // a Ruby value
      rule(`(=)(${DOT}+)`, (run, m) => {
        run.token('p', m[1]);
        run.delegate(ruby, m[2]);
      }),
      entityRule(),
      rule(`${DOT}+?`, ''),
      rule(/\s*\n/, 'w', '#pop'),
    ],
    css: [
      rule(/\.[\w-]*/, (run) => {
        run.token('nc');
        run.goto('tag');
      }),
      rule(/#[a-zA-Z][\w:-]*/, (run) => {
        run.token('nf');
        run.goto('tag');
      }),
    ],
    html_attr: [
      rule(`\\s*(['"])${DOT}*?\\1`, 's', '#pop'),
      rule(`(${RUBY_CHARS}+\\(.*?\\))`, (run, m) => {
        run.delegate(ruby, m[1]);
        run.pop();
      }),
      rule(`(${RUBY_CHARS}+)`, (run, m) => {
        run.delegate(ruby, m[1]);
        run.pop();
      }),
      rule(/\s+/, 'w'),
    ],
    ruby_line: [
      mixin('indented_block'),
      rule(/[,\\]\s*\n/, (run) => run.delegate(ruby)),
      rule(/[ ]\|[ \t]*\n/, 'se'),
      // `.*?(?=([,\\]$| \|)?[ \t]*$)`, linear on long runs of trailing blanks (beforeLineTail)
      { re: beforeLineTail(',\\'), bol: false, action: (run) => run.delegate(ruby) },
    ],
    filter_block: [
      rule(/([^#\n]|#[^{\n]|(\\\\)*\\#\{)+/, (run) => {
        const filter: LexerDef | undefined = run.data.filter;
        if (filter) run.delegate(filter);
        else run.token('nd');
      }),
      mixin('interpolation'),
      mixin('indented_block'),
    ],
    plain_block: [
      mixin('interpolation'),
      rule(DIRTY_HTML, (run, m) => run.delegate(html, m[1])),
      entityRule(),
      rule(`${DOT}+?`, ''),
      mixin('indented_block'),
    ],
    interpolation: [rule(/#[{]/, 'si', 'ruby_interp')],
    ruby_interp: [rule(/[}]/, 'si', '#pop'), mixin('ruby_interp_inner')],
    ruby_interp_inner: rubyBraceBody('ruby_interp_inner'),
    indented_block: [
      rule(/(?<!\\)\n/, (run) => {
        run.token('');
        run.resetStack();
      }),
    ],
  },
}));
