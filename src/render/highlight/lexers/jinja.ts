/**
 * Jinja (tags `jinja`, `django`) and Twig (tag `twig`, Rouge's subclass with its own word lists),
 * as Rouge 3.30 lexes them: `{# … #}` and `##` comments `c`; `{% … %}` and `{{ … }}` delimiters
 * `cp`; in statements a word (with a trailing dot) is `k`, `kp`, `ow`, a test `nb` or else `nv`,
 * in expressions every word is `nv`; `|filter` `o` `nf`, `name(` `nf` `p`; strings `s2`/`s1`;
 * operators `o`, `, [ ] ( )` `p`; `{% raw %}`/`{% verbatim %}` blocks plain; the text between goes
 * to an HTML lexer (the `parent` option names another) whose state persists.
 *
 * Rouge keeps the word lists in class variables (`@@keywords ||= …`) that Twig shares with
 * Jinja: in a Ruby process where a Jinja block was lexed first, Twig uses Jinja's lists (and
 * Twig, Jinja, Twig in that order raises). Each block is lexed here as in a fresh process: Twig
 * with Twig's lists; generate.rb clears those class variables before each such sample.
 *
 * Rouge's strings /"(\\.|.)*?"/ backtrack exponentially on an unclosed run of backslashes; they
 * are matched by ./loop-match.ts (same first match, linear).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { html } from './html.js';
import { dot, escapedDot, loopRe, loopRule } from './loop-match.js';
import { sublexers } from './sublexers.js';

interface Words {
  keywords: string;
  tests: string;
  pseudoKeywords: string;
  wordOperators: string;
}

const JINJA: Words = {
  keywords: `as context do else extends from ignore missing import include reversed recursive scoped
    autoescape endautoescape block endblock call endcall filter endfilter for endfor if endif macro
    endmacro set endset trans endtrans with endwith without`,
  tests: `callable defined divisibleby equalto escaped even iterable lower mapping none number odd
    sameas sequence string undefined upper`,
  pseudoKeywords: 'true false none True False None',
  wordOperators: 'is in and or not',
};

const TWIG: Words = {
  keywords: `as do extends flush from import include use else starts ends with without autoescape
    endautoescape block endblock embed endembed filter endfilter for endfor if endif macro endmacro
    sandbox endsandbox set endset spaceless endspaceless`,
  tests: 'constant defined divisibleby empty even iterable null odd sameas',
  pseudoKeywords: 'true false none',
  wordOperators: 'b-and b-or b-xor is in and or not',
};

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Rouge's `Q(\\.|.)*?Q`. */
const stringRe = (quote: string) =>
  loopRe(new RegExp(quote, 'y'), () => [{ lazy: true, branches: [escapedDot, dot], close: quote }], /(?:)/y);

function makeJinja(name: string, words: Words): LexerDef {
  return lazyLexer(name, () => {
    const keywords = set(words.keywords);
    const pseudo = set(words.pseudoKeywords);
    const wordOperators = set(words.wordOperators);
    const tests = set(words.tests);
    // TemplateLexer#parent: the `parent` option's lexer, else HTML
    const parent = (options: URLSearchParams) => {
      const named = options.get('parent');
      return (named && sublexers.find(named)) || html;
    };
    const endBlock = (word: string) =>
      rule(`(\\{%-?)(\\s*)(${word})(\\s*)(-?%\\})`, (run) => {
        run.groups('cp', '', 'k', '', 'cp');
        run.pop();
      });
    return {
      start: (run) => run.childRun(parent(run.options)).reset(),
      states: {
        root: [
          rule(/\{#/, 'c', 'comment'),
          rule(/##.*/, 'c'),
          rule(/(\{%-?)(\s*)(raw|verbatim)(\s*)(-?%\})/, (run, m) => {
            run.groups('cp', '', 'k', '', 'cp');
            run.push(m[3]);
          }),
          rule(/\{%/, 'cp', 'statement'),
          rule(/\{\{/, 'cp', 'expression'),
          rule(/(.+?)(?=\\|\{\{|\{%|\{#|##)/s, (run) => run.delegate(parent(run.options))),
          rule(/.+/s, (run) => run.delegate(parent(run.options))),
        ],
        filter: [rule(/(\|\s*)(\w+)/, ['o', 'nf'])],
        function: [rule(/(\w+)(\()/, ['nf', 'p'])],
        text: [rule(/\s+/, '')],
        literal: [
          loopRule(stringRe('"'), (run) => run.token('s2')),
          loopRule(stringRe("'"), (run) => run.token('s1')),
          rule(/\d+(?=\}\s)/, 'm'),
          rule(/(\+|-|\*|\/\/?|\*\*?|=)/, 'o'),
          rule(/(<=?|>=?|===?|!=)/, 'o'),
          rule(/,/, 'p'),
          rule(/\[/, 'p'),
          rule(/\]/, 'p'),
          rule(/\(/, 'p'),
          rule(/\)/, 'p'),
        ],
        comment: [rule(/[^#]+/, 'c'), rule(/#\}/, 'c', '#pop'), rule(/#/, 'c')],
        expression: [
          rule(/\w+\.?/, 'nv'),
          mixin('filter'),
          mixin('function'),
          mixin('literal'),
          mixin('text'),
          rule(/%\}|\}\}/, 'cp', '#pop'),
        ],
        statement: [
          rule(/(\w+\.?)/, (run, m) => {
            const w = m[0];
            run.token(
              keywords.has(w) ? 'k' : pseudo.has(w) ? 'kp' : wordOperators.has(w) ? 'ow' : tests.has(w) ? 'nb' : 'nv',
            );
          }),
          mixin('filter'),
          mixin('function'),
          mixin('literal'),
          mixin('text'),
          rule(/%\}/, 'cp', '#pop'),
        ],
        raw: [endBlock('endraw'), rule(/[^{]+/, ''), rule(/\{/, '')],
        verbatim: [endBlock('endverbatim'), rule(/[^{]+/, ''), rule(/\{/, '')],
      },
    };
  });
}

export const jinja = makeJinja('jinja', JINJA);
export const twig = makeJinja('twig', TWIG);
