/**
 * Rouge 3.30-compatible syntax highlighting: the HTML Jekyll 4.3 writes for fenced code (through
 * kramdown's Rouge integration, ./kramdown.ts) and for `{% highlight %}`.
 *
 * Languages with a lexer in ./lexers/ (NATIVE in ./lexers/index.ts lists them, from Liquid, SCSS,
 * YAML and shell sessions to Stata, Fortran and Solidity) are cut into exactly the tokens Rouge's
 * lexer produces:
 * ./engine.ts reproduces Rouge's RegexLexer (and Ruby's regex semantics), and each lexer
 * reproduces the rules of Rouge's, built on first use. `guess` runs Rouge's guessers
 * (./guess.ts). Every language Rouge knows has a lexer here (the last two, ghc-cmm and wollok,
 * were written as plain text before; earlier still, many were Prism's tokens mapped onto Rouge's
 * classes).
 * test/golden/highlight/README.md has the measurement.
 */
import { escapeHtml, formatHtml, lex, RougeRaise } from './engine.js';
import { htmlTable } from './formatters.js';
import { guessLanguage } from './guess.js';
import { lexerForTag, rougeTag } from './lexers/index.js';

/**
 * The Rouge lexer tag for a language string as Rouge::Lexer.find_fancy reads it: an exact
 * (case-sensitive) name or alias, optionally followed by `?key=value` lexer options (`console?lang=…`
 * and friends in the console lexer, `jinja?parent=…` in Jinja and Twig). `guess` (and `guess?mimetype=…`)
 * runs Rouge's guessers on the code (./guess.ts).
 */
function lexerTag(lang: string, code: string): { tag: string; options: URLSearchParams } | null {
  const q = lang.indexOf('?');
  const name = q < 0 ? lang : lang.slice(0, q);
  const options = new URLSearchParams(q < 0 ? '' : lang.slice(q + 1));
  if (name === 'guess') return { tag: guessLanguage(code, options.get('mimetype')), options };
  const tag = rougeTag(name);
  return tag ? { tag, options } : null;
}

/**
 * The tag of the lexer Rouge::Lexer.find_fancy picks for `lang` (guessing from `code` for
 * `guess`), or null when Rouge knows no such language. Throws Rouge's error on an ambiguous guess.
 */
export function rougeLexerTag(lang: string, code: string): string | null {
  return lexerTag(lang, code)?.tag ?? null;
}

/** Whether Rouge 3.30 knows this language name or alias. */
export function isKnownLanguage(lang: string): boolean {
  const q = lang.indexOf('?');
  const name = q < 0 ? lang : lang.slice(0, q);
  return name === 'guess' || rougeTag(name) !== undefined;
}

/**
 * Inner HTML of Rouge's `<code>` for `code` in `lang`, escaped as Rouge escapes (`& < >` only);
 * null when Rouge has no lexer for `lang`. Plaintext returns escaped text without spans.
 */
export function highlight(code: string, lang: string): string | null {
  const found = lexerTag(lang, code);
  if (!found) return null;
  const { tag, options } = found;
  try {
    return formatHtml(lex(lexerForTag(tag), code, options));
  } catch (err) {
    // What Rouge raises fails Jekyll's build too (RougeRaise); anything else is a bug of ours.
    if (err instanceof RougeRaise) {
      throw new RougeRaise(
        `Rouge 3.30 raises on this \`${lang}\` code block (${err.message}), so Jekyll's build fails here too. ` +
          `Fix the block's code, or give it another language (plaintext keeps it unhighlighted).`,
      );
    }
    // A lexer bug must not fail the site build: keep the exact text, unhighlighted, and say so.
    process.emitWarning(`highlight: ${tag} lexer failed (${(err as Error).message}); code left plain`);
    return escapeHtml(code);
  }
}

const LINE_TERMINATORS_AT_ENDS = /^[\n\r]+|[\n\r]+$/g;

/**
 * What `{% highlight lang [linenos] %}…{% endhighlight %}` writes in Jekyll 4.3
 * (lib/jekyll/tags/highlight.rb):
 * - leading and trailing runs of "\n"/"\r" are stripped from the body (not other whitespace);
 * - `lang` is downcased; an unknown language falls back to Rouge's PlainText lexer (escaped);
 * - any truthy `linenos` (`linenos`, `linenos=table`, `linenos=inline`) selects Rouge's
 *   HTMLTable formatter;
 * - `mark_lines` is parsed by Jekyll 4.3.1 but never used (it arrived in Jekyll 4.4), so it has
 *   no effect here either;
 * - the result is `code.chomp`ed (one trailing "\n", "\r\n" or "\r" removed) and wrapped in
 *   `<figure class="highlight"><pre><code class="language-L" data-lang="L">`, with `+` → `-` in
 *   the class (`c++` → `language-c--`).
 */
export function highlightTag(
  code: string,
  lang: string,
  options: { linenos?: boolean | string; mark_lines?: string | number[] },
): string {
  const language = lang.toLowerCase();
  const body = code.replace(LINE_TERMINATORS_AT_ENDS, '');
  const inner = highlight(body, language) ?? escapeHtml(body);
  // Rouge::Formatters::HTMLTable as Jekyll configures it (gutter `gutter`, code cell `code`)
  const output = options.linenos ? htmlTable(inner, body, { gutterClass: 'gutter', codeClass: 'code' }) : inner;
  const chomped = output.replace(/(?:\r\n|\n|\r)$/, '');
  const cls = language.replace(/\+/g, '-');
  return (
    `<figure class="highlight"><pre><code class="language-${cls}" data-lang="${language}">` +
    `${chomped}</code></pre></figure>`
  );
}
