/**
 * HTML (tag `html`) and XML (tag `xml`), as Rouge 3.30 lexes them: tags and `<`, `>` `nt`,
 * attribute names `na` (in HTML the `=` and surrounding spaces belong to the name's span),
 * attribute values `s`, entities `ni`, comments `c`, doctype/CDATA/`<?…?>` `cp`.
 * HTML's `<script>` and `<style>` bodies go to one persistent JavaScript / CSS lexer each, reset
 * at every such element.
 */
import { type LexerDef, rule, lazyLexer } from '../engine.js';
import { css } from './css.js';
import { javascript } from './javascript.js';
import { entityRule, guardedByRunRe, isRubySpace } from './loop-match.js';
import { lazyRegExp } from '../../../lazy-regexp.js';

const NAME = String.raw`[\p{L}:_\-][\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}:.·\-]*`;

/** The rest of an attribute name in Rouge's HTML `tag` state, and Ruby's `\\s`. */
const ATTR_NAME_REST = lazyRegExp(String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}:.·\[\]()*\-]*`, 'uy');

export const html: LexerDef = lazyLexer('html', () => ({
  start: (run) => {
    run.childRun(javascript).reset();
    run.childRun(css).reset();
  },
  states: {
    root: [
      rule(/[^<&]+/, ''),
      entityRule(),
      rule(/<!DOCTYPE .*?>/is, 'cp'),
      rule(/<!\[CDATA\[.*?\]\]>/s, 'cp'),
      rule(/<!--/, 'c', 'comment'),
      rule(/<\?.*?\?>/s, 'cp'),
      rule(/<\s*script\s*/, (run) => {
        run.token('nt');
        run.childRun(javascript).reset();
        run.push('script_content');
        run.push('tag');
      }),
      rule(/<\s*style\s*/, (run) => {
        run.token('nt');
        run.childRun(css).reset();
        run.push('style_content');
        run.push('tag');
      }),
      rule(/<\//, 'nt', 'tag_end'),
      rule(/</, 'nt', 'tag_start'),
      // Rouge's rules for whole opening/closing tags come after `<` and can never match
    ],
    tag_end: [
      rule(/\s+/, ''),
      rule(/>/, 'nt', '#pop'),
      rule(NAME, (run) => {
        run.token('nt');
        run.goto('tag_end_end');
      }),
    ],
    tag_end_end: [rule(/\s+/, ''), rule(/>/, 'nt', '#pop')],
    tag_start: [
      rule(/\s+/, ''),
      rule(NAME, (run) => {
        run.token('nt');
        run.goto('tag');
      }),
      rule(/(?:)/, (run) => run.goto('tag')),
    ],
    comment: [rule(/[^\-]+/, 'c'), rule(/-->/, 'c', '#pop'), rule(/-/, 'c')],
    tag: [
      rule(/\s+/, ''),
      // tried only where the name's run of characters is followed by `\s*=` (the greedy run
      // cannot stop early: a shorter one is followed by a name character, not a space or `=`),
      // so a run of `(` or `*` is not scanned again at each of its characters (quadratic)
      guardedByRunRe(
        ATTR_NAME_REST(),
        rule(String.raw`[\p{L}:_\[\]()*.\-][\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}:.·\[\]()*\-]*\s*=\s*`, 'na', 'attr'),
        (text, _pos, end) => {
          let i = end;
          while (isRubySpace(text.charCodeAt(i))) i++;
          return text.charCodeAt(i) === 61; // =
        },
      ),
      rule(String.raw`[\p{L}:_*#\-][\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}:.·*#\-]*`, 'na'),
      rule(/\/?\s*>/, 'nt', '#pop'),
    ],
    attr: [
      rule(/"/, (run) => {
        run.token('s');
        run.goto('dq');
      }),
      rule(/'/, (run) => {
        run.token('s');
        run.goto('sq');
      }),
      rule(/[^\s>]+/, 's', '#pop'),
    ],
    dq: [rule(/"/, 's', '#pop'), rule(/[^"]+/, 's')],
    sq: [rule(/'/, 's', '#pop'), rule(/[^']+/, 's')],
    script_content: [
      rule(/[^<]+/, (run) => run.delegate(javascript)),
      rule(/<\s*\/\s*script\s*>/, 'nt', '#pop'),
      rule(/</, (run) => run.delegate(javascript)),
    ],
    style_content: [
      rule(/[^<]+/, (run) => run.delegate(css)),
      rule(/<\s*\/\s*style\s*>/, 'nt', '#pop'),
      rule(/</, (run) => run.delegate(css)),
    ],
  },
}));

const XNAME = String.raw`[\p{L}:_][\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}:.·\-]*`;

export const xml: LexerDef = lazyLexer('xml', () => ({
  states: {
    root: [
      rule(/[^<&]+/, ''),
      entityRule(),
      rule(/<!\[CDATA\[.*?\]\]>/, 'cp'),
      rule(/<!--/, 'c', 'comment'),
      rule(/<\?.*?\?>/, 'cp'),
      rule(/<![^>]*>/, 'cp'),
      rule(String.raw`<\s*${XNAME}`, 'nt', 'tag'),
      rule(String.raw`<\s*\/\s*${XNAME}\s*>`, 'nt'),
    ],
    comment: [rule(/[^\-]+/, 'c'), rule(/-->/, 'c', '#pop'), rule(/-/, 'c')],
    tag: [
      rule(/\s+/, ''),
      rule(String.raw`${XNAME}\s*=`, 'na', 'attr'),
      rule(/\/?\s*>/, 'nt', '#pop'),
    ],
    attr: [rule(/\s+/, ''), rule(/".*?"|'.*?'|[^\s>]+/s, 's', '#pop')],
  },
}));
