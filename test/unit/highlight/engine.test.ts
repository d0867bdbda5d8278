/**
 * Properties of the engine and of every native lexer that hold for any input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, formatHtml, lex, rubyRe } from '../../../src/render/highlight/engine.js';
import { NATIVE } from '../../../src/render/highlight/lexers/index.js';
import { highlight } from '../../../src/render/highlight/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { GOLDEN_DIR, readGolden } from './compare.js';

const codes = readGolden<Array<{ file: string }>>('golden.json').map((s) =>
  fs.readFileSync(path.join(GOLDEN_DIR, s.file), 'utf8'),
);
codes.push('', '\n', '\r\n\r\n', '"unterminated', "'", '/* open', '`', '{{', '\u00a0x\u2028y', '😀 é π');

// Where Rouge 3.30 itself breaks these properties, the port does too: its Stan lexer pushes a
// `:string` state it never defines at any `"` (Rouge raises, Jekyll's conversion fails), and its
// call rule writes a constant's whole match after lexing the one-letter "return type" before it
// (`a pi()` comes out as `a a pi()`).
const ROUGE_RAISES: Record<string, RegExp> = { stan: /unknown state string/ };
const ROUGE_REPEATS_TEXT = new Set(['stan']);

test('every native lexer keeps the text of every input, token values non-empty and merged', () => {
  for (const [tag, def] of NATIVE) {
    for (const code of codes) {
      let tokens;
      try {
        tokens = lex(def, code);
      } catch (e) {
        if (ROUGE_RAISES[tag]?.test((e as Error).message)) continue;
        throw e;
      }
      if (!ROUGE_REPEATS_TEXT.has(tag)) assert.equal(tokens.map((t) => t[1]).join(''), code, `${tag} changed the text`);
      for (let i = 0; i < tokens.length; i++) {
        assert.ok(tokens[i][1].length > 0, `${tag}: empty token`);
        if (i > 0) assert.notEqual(tokens[i][0], tokens[i - 1][0], `${tag}: unmerged tokens`);
      }
    }
  }
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
