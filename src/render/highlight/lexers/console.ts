/**
 * Shell sessions (tag `console`, aliases `terminal`, `shell_session`, `shell-session`), as Rouge
 * 3.30's ConsoleLexer reads them, line by line (each line with its newline):
 * - a line that is only dots (`...`, `<...>`) is a comment (`c`);
 * - a line containing one of `$ # > ;` is a prompt: everything up to and including the first of
 *   them is `gp`, following spaces `w`, the rest is lexed as shell (or `?lang=…`), continuing
 *   the shell lexer's state from the previous command line;
 * - any other line is output, `go`, and resets the shell lexer.
 * So `a -> b` in output is read as a prompt `a -` + `>`; that is what Rouge does.
 */
import { type LexerDef, rule } from '../engine.js';
import { shell } from './shell.js';
import { sublexers } from './sublexers.js';


// `\s*$` with no m flag: up to the end of the line string, its newline included (Ruby's `\z`)
const SNIP = /^\s*(?:<[.]+>|[.]+)\s*$/;
const PROMPT = /^[^]*?(?:\$|#|>|;)/;

export const consoleLexer: LexerDef = {
  name: 'console',
  states: {
    root: [
      rule(/.*?(?:\n|$)/, (run, m) => {
        const line = m[0];
        const lang = run.options.get('lang');
        const langDef = (lang && sublexers.find(lang)) || shell;
        if (SNIP.test(line)) {
          run.childRun(langDef).reset();
          run.token('c', line);
          return;
        }
        const prompt = PROMPT.exec(line);
        if (prompt) {
          run.token('gp', prompt[0]);
          const rest = line.slice(prompt[0].length);
          const ws = /^\s*/.exec(rest)![0];
          run.token('w', ws);
          run.delegate(langDef, rest.slice(ws.length));
          return;
        }
        run.childRun(langDef).reset();
        run.token('go', line);
      }),
    ],
  },
};
