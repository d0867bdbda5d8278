/**
 * Shell sessions (tag `console`, aliases `terminal`, `shell_session`, `shell-session`), as Rouge
 * 3.30's ConsoleLexer reads them (lib/rouge/lexers/console.rb), line by line (each line with its
 * newline):
 * - a line that is only dots (`...`, `<...>`) is a comment (`c`);
 * - a line containing a prompt end (`$ # > ;`, or the `?prompt=a,b` list) is a prompt: everything
 *   up to and including the first of them is `gp`, following whitespace `w`, the rest is lexed as
 *   shell (or `?lang=…`), continuing the shell lexer's state from the previous command line;
 * - with comments allowed (`?comments=true`, or a `?prompt=` list without `#`), a line starting
 *   with `#` is a comment `c`, and a prompt cannot start after a `#` or `<`;
 * - a line starting with one of the `?error=a,b` strings is `gr`;
 * - any other line is output: `go` (or lexed with `?output=…`), and resets the shell lexer.
 * So `a -> b` in output is read as a prompt `a -` + `>`; that is what Rouge does.
 *
 * Options are read as Rouge's Lexer#bool_option / list_option / lexer_option read CGI-parsed
 * values: the last value of a repeated key wins, lists are comma-separated, and an unknown
 * language falls back to shell (lang) or plain output.
 */
import { type LexRun, type LexerDef, asBool, asList, plainLexer, rule, lazyLexer } from '../engine.js';
import { shell } from './shell.js';
import { sublexers } from './sublexers.js';

// Ruby's `\s` is ASCII whitespace; `$`-free: up to the end of the line string, newline included
const SNIP = /^[ \t\n\v\f\r]*(?:<[.]+>|[.]+)[ \t\n\v\f\r]*$/;
const LEADING_SPACE = /^[ \t\n\v\f\r]*/;
const OUTPUT = plainLexer('console-output', 'go');

export interface Session {
  lang: LexerDef;
  output: LexerDef;
  prompt: RegExp;
  comments: boolean;
  error: RegExp | null;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');


/** Lexer#as_lexer: the last value, looked up by Rouge name. */
function asLexer(values: string[]): LexerDef | undefined {
  return values.length ? sublexers.find(values[values.length - 1]) : undefined;
}

function session(run: LexRun): Session {
  if (run.data.session) return run.data.session;
  const o = run.options;
  const prompt = asList(o.getAll('prompt'));
  // allow_comments?: explicit, else guessed from a prompt list that does not contain `#`
  const comments = o.has('comments')
    ? asBool(o.getAll('comments'))
    : prompt.length > 0 && !prompt.filter((c) => c !== '').includes('#');
  const endChars = prompt.length ? prompt.filter((c) => c !== '') : comments ? ['$', '>', ';'] : ['$', '#', '>', ';'];
  const prefix = comments ? '[^<#]*?' : '[^]*?';
  const s: Session = {
    lang: (o.has('lang') ? asLexer(o.getAll('lang')) : undefined) ?? shell,
    output: (o.has('output') ? asLexer(o.getAll('output')) : undefined) ?? OUTPUT,
    prompt: new RegExp(`^${prefix}(?:${endChars.map(escapeRe).join('|')})`),
    comments,
    error: errorRegex(run),
  };
  return (run.data.session = s);
}

/** ConsoleLexer#error_regex from the `?error=a,b` option (read by subclasses too), or null. */
export function errorRegex(run: LexRun): RegExp | null {
  const errors = asList(run.options.getAll('error'));
  return errors.length ? new RegExp(`^(?:${errors.map(escapeRe).join('|')})`) : null;
}

/** ConsoleLexer#process_line, one line at a time, with the session's lexers and regexes. */
export function consoleRoot(session: (run: LexRun) => Session) {
  return [
    rule(/.*?(?:\n|$)/, (run, m) => {
      const line = m[0];
      const s = session(run);
      if (SNIP.test(line)) {
        run.childRun(s.output).reset();
        run.childRun(s.lang).reset();
        run.token('c', line);
        return;
      }
      const prompt = s.prompt.exec(line);
      if (prompt) {
        run.childRun(s.output).reset();
        run.token('gp', prompt[0]);
        const rest = line.slice(prompt[0].length);
        const ws = LEADING_SPACE.exec(rest)![0];
        run.token('w', ws);
        run.delegate(s.lang, rest.slice(ws.length));
        return;
      }
      // Rouge tests /\A\s*?#/ on the stripped line: it starts with `#`
      if (line.replace(/^[\0\t\n\v\f\r ]+/, '').startsWith('#')) {
        run.childRun(s.output).reset();
        run.childRun(s.lang).reset();
        run.token('c', line);
        return;
      }
      if (s.error?.test(line)) {
        run.childRun(s.output).reset();
        run.childRun(s.lang).reset();
        run.token('gr', line);
        return;
      }
      run.childRun(s.lang).reset();
      run.delegate(s.output, line);
    }),
  ];
}

export const consoleLexer: LexerDef = lazyLexer('console', () => ({
  states: { root: consoleRoot(session) },
}));
