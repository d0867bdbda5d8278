/**
 * IRB and Pry sessions (tags `irb`, `pry`), as Rouge 3.30 lexes them (lib/rouge/lexers/irb.rb):
 * its ConsoleLexer line by line (console.ts), with a prompt being everything up to the first
 * `>`, `"` or `*` after `irb` or `pry` on the line (`gp`), the commands lexed by one Ruby lexer,
 * and the other lines by IRBOutputLexer, a Ruby lexer that starts in a `stdout` state: output
 * lines `go` until a `=>` (`p`), after which the rest is lexed as Ruby (its state carried over the
 * following output lines); a line starting like `NameError:` is `gr`, and so is every output line
 * after it up to the next prompt; `#<Object …>` in the Ruby part is `kt` around Ruby.
 * Rouge quirks kept: an empty output line before any `=>` is an error character (the stdout
 * state's rules need a character before the newline); a line starting with `#` is a comment
 * whatever follows (so `#<Foo>` alone on a line is `c`); only the console's `?error=` option is
 * read (Rouge's IRBLexer ignores the others).
 */
import { type LexRun, type LexerDef, lazyLexer, rule } from '../engine.js';
import { type Session, consoleRoot, errorRegex } from './console.js';
import { ruby } from './ruby.js';

/** IRBOutputLexer < Ruby. */
export const irbOutput: LexerDef = lazyLexer('irb_output', () => {
  const base = ruby.states;
  return {
    start: (run) => {
      ruby.start?.(run);
      run.push('stdout');
    },
    states: {
      ...base,
      root: [rule(/#</, 'kt', 'irb_object'), ...base.root],
      has_irb_output: [rule(/=>/, 'p', '#pop'), rule(/.+?(\n|$)/, 'go')],
      irb_error: [rule(/.+?(\n|$)/, 'gr'), { mixin: 'has_irb_output' }],
      stdout: [rule(/\w+?(Error|Exception):.+?(\n|$)/, 'gr', 'irb_error'), { mixin: 'has_irb_output' }],
      irb_object: [rule(/>/, 'kt', '#pop'), { mixin: 'root' }],
    },
  };
});

function session(run: LexRun): Session {
  return (run.data.session ??= {
    lang: ruby,
    output: irbOutput,
    prompt: /^[^\n]*?(irb|pry)[^\n]*?[>"*]/,
    comments: true,
    error: errorRegex(run),
  });
}

export const irb: LexerDef = lazyLexer('irb', () => ({ states: { root: consoleRoot(session) } }));
