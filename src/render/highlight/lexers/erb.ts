/**
 * The two template lexers Rouge 3.30 builds the same way (TemplateLexer subclasses):
 *
 * - ERB (tags `erb`, `eruby`, `rhtml`; lib/rouge/lexers/erb.rb): `<% … %>` tags (`<%=`, `<%-`,
 *   `<%%` too, closed by `%>`, `-%>` or `%%>`) are `cp` around Ruby;
 * - EEX (tags `eex`, `leex`, `heex`; lib/rouge/lexers/eex.rb): the same shape for Elixir, with no
 *   `-` trim markers (`<%%`, `<%=`, `<%`, closed by `%%>` or `%>`), so a `-%>` ends as `-` inside
 *   the Elixir code and then `%>`.
 *
 * In both, `<%# … %>` is a comment (`c`), the code inside tags is lexed by one lexer of that
 * language for the whole block, and the text between tags by one HTML lexer (or the `parent`
 * option's lexer) for the whole block.
 */
import { type LexRun, type LexerDef, RougeRaise, lazyLexer, plainLexer, rule } from '../engine.js';
import { elixir } from './elixir.js';
import { html } from './html.js';
import { puppet } from './puppet.js';
import { ruby } from './ruby.js';
import { sublexers } from './sublexers.js';

/** TemplateLexer#parent: the `parent` option's lexer, else HTML. */
export function parent(run: LexRun): LexerDef {
  const values = run.options.getAll('parent');
  return (values.length ? sublexers.find(values[values.length - 1]) : undefined) ?? html;
}

/**
 * EPP's parent lexer: its `parent` option's lexer, else plain text. Unlike TemplateLexer#parent
 * it has no fallback for a name Rouge does not know: the parent is then nil, and Rouge raises
 * when the lexer starts (Jekyll's build fails).
 */
function eppParent(run: LexRun): LexerDef {
  const values = run.options.getAll('parent');
  if (!values.length) return EPP_TEXT;
  const found = sublexers.find(values[values.length - 1]);
  if (!found) throw new RougeRaise(`epp: no lexer named ${values[values.length - 1]}`);
  return found;
}
const EPP_TEXT = plainLexer('plaintext', '');

/** A template lexer: `open`/`close` are regex alternations, tried in order. */
function templateLexer(
  tag: string,
  open: string,
  close: string,
  code: () => LexerDef,
  textLexer: (run: LexRun) => LexerDef = parent,
): LexerDef {
  return lazyLexer(tag, () => ({
    start: (run) => {
      textLexer(run);
    },
    states: {
      root: [
        rule(/<%#/, 'c', 'comment'),
        rule(open, 'cp', 'code'),
        rule(new RegExp(`.+?(?=${open})|.+`, 's'), (run) => run.delegate(textLexer(run))),
      ],
      comment: [rule(close, 'c', '#pop'), rule(new RegExp(`.+?(?=${close})|.+`, 's'), 'c')],
      code: [rule(close, 'cp', '#pop'), rule(new RegExp(`.+?(?=${close})|.+`, 's'), (run) => run.delegate(code()))],
    },
  }));
}

export const erb: LexerDef = templateLexer('erb', '<%%|<%=|<%#|<%-|<%', '%%>|-%>|%>', () => ruby);

export const eex: LexerDef = templateLexer('eex', '<%%|<%=|<%#|<%', '%%>|%>', () => elixir);

/**
 * EPP, embedded Puppet (tag `epp`; lexers/epp.rb): the same shape around Puppet code, its tags
 * also taking Puppet's `|` parameter and trim markers (`<%-|`, `|%>`, `-%>`), and the text
 * outside tags plain (or the `parent` option's lexer).
 */
export const epp: LexerDef = templateLexer(
  'epp',
  '<%%|<%=|<%#|(?:<%-|<%)(?:\\s*\\|)?',
  '%%>|(?:\\|\\s*)?(?:-%>|%>)',
  () => puppet,
  eppParent,
);
