/**
 * Sass, the indented syntax (tag `sass`), as Rouge 3.30 lexes it (lib/rouge/lexers/sass.rb on top
 * of sass/common.rb, shared with SCSS): each line's indentation decides what it is. A `//` or
 * `/*` line starts a comment block, and every following line indented deeper than it is comment
 * too (Rouge's Indentation mixin, lib/rouge/util.rb); other lines are classed as in SCSS, plus
 * `=mixin` `nf`, `+include` `nd`, old-style `:property value`; a newline ends every section.
 */
import { type LexRun, type LexerDef, type RuleSpec, mixin, rule, lazyLexer } from '../engine.js';
import { sassCommon } from './scss.js';

const ID = String.raw`[\w\-]+`;

interface IndentState {
  blockState: string | null;
  blockIndentation: string | null;
  lastIndentation: string | null;
}

const indentState = (run: LexRun): IndentState =>
  (run.data.indent ??= { blockState: null, blockIndentation: null, lastIndentation: null });

/** Indentation#starts_block: the next line indented deeper than this one is in `state`. */
export function startsBlock(run: LexRun, state: string): void {
  const s = indentState(run);
  s.blockState = state;
  s.blockIndentation = s.lastIndentation ?? '';
}

/** Indentation#indentation: enter the pending block when deeper, else lex the line as content. */
export function indentation(run: LexRun, indent: string): void {
  const s = indentState(run);
  s.lastIndentation = indent;
  if (s.blockState !== null && indent.startsWith(s.blockIndentation!) && indent !== s.blockIndentation) {
    run.push(s.blockState);
  } else {
    s.blockState = s.blockIndentation = null;
    run.push('content');
  }
}

/** Rouge's Haml and Slim root state: a blank line, else the line's indentation (as Sass's, but any whitespace). */
export function indentedLineRoot(): RuleSpec[] {
  return [
    rule(/\s*\n/, ''),
    rule(/\s*/, (run, m) => {
      run.token('');
      indentation(run, m[0]);
    }),
  ];
}

export const sass: LexerDef = lazyLexer('sass', () => ({
  states: {
    root: [
      rule(/[ \t]*\n/, ''),
      rule(/[ \t]*/, (run, m) => {
        run.token('');
        indentation(run, m[0]);
      }),
    ],
    content: [
      rule(/\/\/.*?$/, (run) => {
        run.token('c1');
        run.pop();
        startsBlock(run, 'single_comment');
      }),
      rule(/\/[*].*?\n/, (run) => {
        run.token('cm');
        run.pop();
        startsBlock(run, 'multi_comment');
      }),
      rule(/@import\b/, 'k', 'import'),
      mixin('content_common'),
      rule(`=${ID}`, 'nf', 'value'),
      rule(String.raw`[+]${ID}`, 'nd', 'value'),
      rule(/:/, 'na', 'old_style_attr'),
      rule(/(?=[^\[\n]+?:(?:[^a-z]|$))/, (run) => run.push('attribute')),
      rule(/(?:)/, (run) => run.push('selector')),
    ],
    single_comment: [rule(/.*?$/, 'c1', '#pop')],
    multi_comment: [rule(/.*?\n/, 'cm', '#pop')],
    import: [rule(/[ \t]+/, ''), rule(/\S+/, 's'), rule(/\n/, '', '#pop')],
    old_style_attr: [
      mixin('attr_common'),
      rule(/(?:)/, (run) => {
        run.pop();
        run.push('value');
      }),
    ],
    end_section: [
      rule(/\n/, (run) => {
        run.token('');
        run.resetStack();
      }),
    ],
    ...sassCommon(),
  },
}));
