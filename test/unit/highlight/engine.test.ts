/**
 * Properties of the engine and of every native lexer that hold for any input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, formatHtml, lex, rubyRe, RougeRaise } from '../../../src/render/highlight/engine.js';
import { allNativeLexers } from '../../../src/render/highlight/lexers/index.js';
import { highlight } from '../../../src/render/highlight/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { GOLDEN_DIR, readGolden } from './compare.js';

/** Every native lexer, loaded (lexers/index.ts loads each on first use). */
const NATIVE = allNativeLexers();

const codes = readGolden<Array<{ file: string }>>('golden.json').map((s) =>
  fs.readFileSync(path.join(GOLDEN_DIR, s.file), 'utf8'),
);
codes.push('', '\n', '\r\n\r\n', '"unterminated', "'", '/* open', '`', '{{', '\u00a0x\u2028y', '😀 é π');

test('every native lexer keeps the text of every input, token values non-empty and merged', () => {
  for (const [tag, def] of NATIVE) {
    for (const code of codes) {
      let tokens;
      try {
        tokens = lex(def, code);
      } catch (err) {
        // Rouge's Stan lexer pushes a `string` state it never defines at a `"`: Rouge raises and
        // Jekyll's build fails, which the lexer reproduces by throwing RougeRaise.
        // Likewise SAS at `datalines4;`/`cards4;` (Rouge fails to build that state), Elixir at a
        // sigil without a letter, `~(…)` (TypeError in its sigil rule), and Tcl at a `}` in a
        // string outside braces before any string `{` (`nil - 1`), and Haxe at `using` (it pushes
        // a `namespace` state it never defines).
        if ((tag === 'stan' || tag === 'sas' || tag === 'elixir' || tag === 'tcl' || tag === 'haxe') && err instanceof RougeRaise) continue;
        throw err;
      }
      const text = tokens.map((t) => t[1]).join('');
      if (tag === 'coq' && text !== code) {
        // Rouge's Coq lexer holds an identifier back (state continue_id) until it sees what
        // follows; when the text ends right after one, its loop stops at the end of the input
        // and the identifier is never written (`{% highlight coq %}` strips the final newline,
        // so `… Qed` loses `Qed`). The golden sample snippets/coq/held-id-at-end.txt pins it.
        assert.ok(code.startsWith(text), `${tag} changed the text`);
        assert.match(code.slice(text.length), /^(?:[a-z][\w']*|[_a-z][\w']+)$/i, `${tag} changed the text`);
      } else if (tag === 'escape' && text !== code) {
        // Rouge's Escape lexer drops its `<!` and `!>` delimiters (the golden samples
        // snippets/escape/ pin where); nothing else is lost.
        const undelimited = (s: string) => s.replaceAll('<!', '').replaceAll('!>', '');
        assert.equal(undelimited(text), undelimited(code), `${tag} changed the text`);
      } else if (tag === 'stan' && text !== code) {
        // Rouge's Stan call rule writes a constant's whole match after lexing the one-letter
        // "return type" words before it (`a b pi()` comes out as `a b a b pi()`); the golden
        // sample snippets/stan/functions.txt pins it. Only words are ever repeated.
        assert.equal(text.replace(/((?:\b\w \s*)+)\1/g, '$1'), code, `${tag} changed the text`);
      } else if (tag === 'crystal' && text !== code) {
        // Rouge's Crystal rule for '…' emits its repeated group's last capture only, so the
        // middle of a quoted run is lost (`'abc'` comes out as `'c'`); the golden samples
        // snippets/crystal/constructs.txt and unclosed-quote.txt pin it. Only text before a
        // quoted token (s1) is ever dropped.
        const isSubsequence = (part: string, of: string) => {
          let k = 0;
          for (const ch of part) {
            k = of.indexOf(ch, k);
            if (k < 0) return false;
            k += ch.length;
          }
          return true;
        };
        // Tokens line up with the code when every other token stands at its place and each s1 run
        // is a subsequence of the text up to where the next token starts; where that next token's
        // text occurs more than once, every place is tried (memoised, so linear in practice).
        const failed = new Set<string>();
        const aligns = (i: number, at: number): boolean => {
          // other tokens in a loop (the recursion is per s1 run only)
          for (; i < tokens.length && tokens[i][0] !== 's1'; i++) {
            if (!code.startsWith(tokens[i][1], at)) return false;
            at += tokens[i][1].length;
          }
          if (i === tokens.length) return at === code.length;
          const key = `${i}:${at}`;
          if (failed.has(key)) return false;
          const value = tokens[i][1];
          let ok = false;
          {
            const next = tokens[i + 1]?.[1];
            if (next === undefined) ok = isSubsequence(value, code.slice(at));
            else {
              for (let p = code.indexOf(next, at + value.length); p >= 0 && !ok; p = code.indexOf(next, p + 1)) {
                ok = isSubsequence(value, code.slice(at, p)) && aligns(i + 1, p);
              }
            }
          }
          if (!ok) failed.add(key);
          return ok;
        };
        assert.ok(aligns(0, 0), `${tag} changed the text`);
      } else if (tag === 'sed' && text !== code) {
        // Rouge's sed lexer writes the `w file` flag after `s///` three times (its rule calls
        // `token` thrice without a value, each taking the whole match); snippets/sed/script.txt
        // pins it. Only such a flag is ever repeated.
        assert.equal(text.replace(/([wW]\s+\S+)\1\1/g, '$1'), code, `${tag} changed the text`);
      } else if (tag === 'applescript' && text !== code) {
        // Rouge's AppleScript rule `^(\s*(?:on|end)\s+)'r'(%s)` writes its two groups only, so
        // the literal `'r'` between them is lost; snippets/applescript/constructs.txt pins it.
        assert.equal(text, code.replace(/^(\s*(?:on|end)\s+)'r'(%s)/gm, '$1$2'), `${tag} changed the text`);
      } else assert.equal(text, code, `${tag} changed the text`);
      for (let i = 0; i < tokens.length; i++) {
        assert.ok(tokens[i][1].length > 0, `${tag}: empty token`);
        if (i > 0) assert.notEqual(tokens[i][0], tokens[i - 1][0], `${tag}: unmerged tokens`);
      }
    }
  }
});

test('no native lexer backtracks exponentially on an unclosed string before a run of escapes', () => {
  // Rouge's string rules of the form Q(\\\\|\\Q|[^Q])*Q or Q(\\.|.)*?Q backtrack exponentially in
  // V8 (and often in Onigmo) when the closing quote never comes; each is rewritten linearly
  // (loop-match.ts) with the same matches. At 60 repeats an exponential rule would not finish.
  const openers = ['"', "'", '`', '/', '$/', '#', '[', '(', '{', '<', '%', '`"'];
  const fills = ['\\', '\\\\x', '$$', '\\\n', '""'];
  for (const def of NATIVE.values()) {
    for (const open of openers) {
      for (const fill of fills) {
        const code = `x = ${open}${fill.repeat(60)}\n`;
        try {
          lex(def, code);
        } catch (err) {
          if (!(err instanceof RougeRaise)) throw err;
        }
      }
    }
  }
});

test("Rouge's exponential single-quote rules run in linear time here", () => {
  // Ruby's and Crystal's (\\\\|\\'|[^'])*' on an unclosed quote followed by backslashes: Rouge
  // (and Jekyll) hang from about two dozen; this input would not finish in a year if the rule
  // backtracked. The matches themselves are pinned by snippets/{ruby,crystal}/unclosed-quote.txt.
  const code = "x = '" + '\\'.repeat(200) + ' y\n';
  for (const lang of ['ruby', 'crystal']) assert.ok(highlight(code, lang)?.includes('y'), lang);
});

test('what Rouge raises fails the conversion instead of falling back to plain text', () => {
  // Rouge 3.30's Stan lexer pushes an undefined `string` state at a `"` ("unknown state:
  // :string"); kramdown lets the error through and Jekyll 4.3.1's build fails with a conversion
  // error, as a fenced ```stan block holding `print("x");` showed.
  assert.throws(() => highlight('print("x");\n', 'stan'), RougeRaise);
  // Rouge 3.30's SAS lexer raises when it first pushes datalines4 (`;{,3}` matches empty).
  assert.throws(() => highlight('data a; input x; cards4;\n1\n;;;;\n', 'sas'), RougeRaise);
  // Rouge 3.30's Elixir lexer raises TypeError at a sigil without a letter ('Rr'.include? nil).
  assert.throws(() => highlight('x = ~(abc)\n', 'elixir'), RougeRaise);
  assert.equal(highlight('x = ~w(a b)c\n', 'elixir')?.includes('<span class="sx">~w(a b)c</span>'), true);
  // Rouge 3.30's Tcl lexer decrements a string brace count it never set (NoMethodError).
  assert.throws(() => highlight('puts "a}"\n', 'tcl'), RougeRaise);
  // Rouge 3.30's Haxe lexer pushes an undefined `namespace` state after `using` ("unknown state").
  assert.throws(() => highlight('using Lambda;\n', 'haxe'), RougeRaise);
  assert.equal(highlight('import Lambda;\n', 'hx')?.includes('<span class="k">import</span>'), true);
  // Rouge 3.30's Ruby lexer squeezes a `%\…\` literal's escaped backslash delimiters into a lone
  // `\`, and the string state's regexes fail to compile (ArgumentError); Crystal's does not squeeze.
  assert.throws(() => highlight('x = %q\\a\\\n', 'ruby'), RougeRaise);
  assert.throws(() => highlight('<%= %w\\a\\ %>\n', 'erb'), RougeRaise);
  assert.equal(highlight('%\\a\\', 'crystal'), '<span class="sx">%\\a\\</span>');
  assert.equal(highlight('set a { "}\n', 'tcl'), 'set a <span class="p">{</span> <span class="s2">"</span><span class="p">}</span>\n');
  assert.equal(highlight('puts "{"; puts "}"\n', 'tcl'), 'puts <span class="s2">"{"</span><span class="p">;</span> puts <span class="s2">"}"</span>\n');
  assert.equal(highlight('#include "a.stan"\nreal x;\n', 'stan')?.includes('<span class="cpf">"a.stan"</span>'), true);
});

test('Rouge escapes only & < > and writes Text bare', () => {
  assert.equal(escapeHtml(`<a href="x">&'</a>`), `&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
  assert.equal(formatHtml([['', 'a<'], ['k', 'if'], ['w', ' ']]), 'a&lt;<span class="k">if</span><span class="w"> </span>');
  assert.equal(highlight('<b> & "q"', 'plaintext'), '&lt;b&gt; &amp; "q"');
  assert.equal(highlight('x', 'nosuchlanguage'), null);
  assert.equal(highlight('x', 'Python'), null); // Rouge's lookup is case-sensitive
  assert.equal(highlight('x', '?lang=python'), null);
});

test('regexes run with the semantics of Ruby 3.1 StringScanner', () => {
  const at = (re: RegExp, text: string, pos: number) => {
    re.lastIndex = pos;
    return re.exec(text)?.[0] ?? null;
  };
  // a lookbehind at the start of a pattern cannot see before the scan position
  assert.equal(at(rubyRe('(?<!\\.)sum'), 'np.sum', 3), 'sum');
  assert.equal(at(rubyRe('(?<=\\.)sum'), 'np.sum', 3), null);
  // ^ and \A at the start of a pattern match at the scan position
  assert.equal(at(rubyRe('(^x)'), 'ax', 1), 'x');
  assert.equal(at(rubyRe('a^x'), 'ax', 0), null);
  // . and $ know only "\n" as a line break; \s is ASCII
  assert.equal(at(rubyRe('a.b'), 'a\rb', 0), 'a\rb');
  assert.equal(at(rubyRe('a$'), 'a\rb', 0), null);
  assert.equal(at(rubyRe('\\s'), '\u00a0', 0), null);
  // \b is Unicode-aware in Onigmo (π is a word character), \w is not
  assert.equal(at(rubyRe('π\\b'), 'ππ', 0), null);
  assert.equal(at(rubyRe('\\w'), 'é', 0), null);
});
