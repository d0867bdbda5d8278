/**
 * Rouge 3.30's Escape lexer (tags `escape`, `esc`; lexers/escape.rb): the text between a start
 * and an end delimiter (options `start`, default `<!`, and `end`, default `!>`) is an Escape
 * token — raw HTML once a formatter has escapes enabled, which neither kramdown nor Jekyll
 * does, so Rouge's formatter writes it as an Error (`err`, see engine.ts formatHtml) — and the
 * delimiters themselves are dropped; the text outside goes to one lexer of the `lang` option
 * (plain text by default) for the whole block. An unknown `lang` makes Rouge raise (nil has no
 * continue_lex): Jekyll's build fails, and so does ours.
 */
import { type LexerDef, LexRun, RougeRaise, lazyLexer, plainLexer, rule } from '../engine.js';
import { sublexers } from './sublexers.js';

const PLAIN = plainLexer('plaintext', '');
const last = (run: LexRun, name: string, dflt: string): string => {
  const values = run.options.getAll(name);
  return values.length ? values[values.length - 1] : dflt;
};

/** Rouge's Escape#stream_tokens over the whole text, as StringScanner scans it. */
function lexEscaped(run: LexRun, text: string): void {
  const start = last(run, 'start', '<!');
  const end = last(run, 'end', '!>');
  // with both empty, Rouge's loop never advances (Jekyll hangs): stop instead
  if (!start && !end) throw new RougeRaise('escape: empty start and end delimiters (Rouge loops forever)');
  // Rouge deletes the options it reads before giving the rest to the `lang` lexer
  const options = new URLSearchParams(run.options);
  for (const name of ['start', 'end', 'lang']) options.delete(name);
  const langName = run.options.getAll('lang');
  let def = PLAIN;
  if (langName.length) {
    const found = sublexers.find(langName[langName.length - 1]);
    if (!found) throw new RougeRaise(`escape: no lexer named ${langName[langName.length - 1]}`);
    def = found;
  }
  const lang = new LexRun(def, options);
  const outside = (s: string) => {
    for (const [t, v] of lang.continueLex(s)) run.token(t, v);
  };
  let pos = 0;
  for (;;) {
    const s = text.indexOf(start, pos);
    if (s < 0) return outside(text.slice(pos));
    outside(text.slice(pos, s));
    pos = s + start.length;
    const e = text.indexOf(end, pos);
    if (e < 0) return run.token('esc', text.slice(pos));
    run.token('esc', text.slice(pos, e));
    pos = e + end.length;
  }
}

export const escape: LexerDef = lazyLexer('escape', () => ({
  states: { root: [rule(/[\s\S]+/, (run, m) => lexEscaped(run, m[0]))] },
}));
