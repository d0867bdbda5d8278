/**
 * JavaServer Pages (tag `jsp`), as Rouge 3.30 lexes it (lexers/jsp.rb, a TemplateLexer):
 * `<%-- … --%>` comments `c`; `<%@ page|include|taglib`, `<jsp:directive.…`, `<jsp:scriptlet>`
 * and the like, `<prefix:tag` and `</prefix:tag>`, `<%`, `<%=`, `<%!` and their closings `nt`;
 * attributes `name=` `na` with values `s` and `${…}` `si` around Java (quoted literals in them
 * `l`). Java inside tags is lexed by one Java lexer for the whole block, the text between by one
 * HTML lexer (or the `parent` option's).
 * Rouge quirks kept: any `<word:word` is a JSP tag (`<a href="mailto:x">` is not, but
 * `<svg:rect` is), and an unclosed directive or tag leaves its characters as errors.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { parent } from './erb.js';
import { java } from './java.js';
import { onlyWhereLater } from './loop-match.js';

const DIRECTIVES = 'page|include|taglib';
const ACTIONS = 'scriptlet|declaration|expression';

export const jsp: LexerDef = lazyLexer('jsp', () => ({
  states: {
    root: [
      rule(/<%--/, 'c', 'jsp_comment'),
      rule(`<%@\\s*(${DIRECTIVES})\\s*`, 'nt', 'jsp_directive'),
      rule(`<jsp:directive\\.(${DIRECTIVES})`, 'nt', 'jsp_directive2'),
      rule(`<jsp:(${ACTIONS})>`, 'nt', 'jsp_expression'),
      rule(/<[a-zA-Z]*:[a-zA-Z]*\s*/, 'nt', 'jsp_tag'),
      rule(/<\/[a-zA-Z]*:[a-zA-Z]*>/, 'nt'),
      rule(/<%[!=]?/, 'nt', 'jsp_expression2'),
      rule(/(.+?)(?=(<%|<\/?[a-zA-Z]*:))/s, (run) => run.delegate(parent(run))),
      rule(/.+/s, (run) => run.delegate(parent(run))),
    ],
    jsp_comment: [rule(/(--%>)/, 'c', '#pop'), rule(/./s, 'c')],
    jsp_directive: [
      rule(/(%>)/, 'nt', '#pop'),
      mixin('attributes'),
      // Guarded: without a `%>` ahead the lazy scan to the end would repeat at every character.
      onlyWhereLater('%>', 1, rule(/(.+?)(?=%>)/s, (run) => run.delegate(parent(run)))),
    ],
    jsp_directive2: [
      rule(/(\/>)/, 'nt', '#pop'),
      mixin('attributes'),
      onlyWhereLater('/>', 1, rule(/(.+?)(?=\/>)/s, (run) => run.delegate(parent(run)))),
    ],
    jsp_expression: [
      rule(`<\\/jsp:(${ACTIONS})>`, 'nt', '#pop'),
      mixin('attributes'),
      rule(/[^<\/]+/, (run) => run.delegate(java)),
    ],
    jsp_expression2: [rule(/%>/, 'nt', '#pop'), rule(/[^%>]+/, (run) => run.delegate(java))],
    jsp_tag: [
      rule(/\/?>/, 'nt', '#pop'),
      mixin('attributes'),
      onlyWhereLater('>', 1, rule(/(.+?)(?=\/?>)/s, (run) => run.delegate(parent(run)))),
    ],
    // Guarded: an unclosed directive or tag tries this at each character; without a later `=` it
    // cannot match.
    attributes: [onlyWhereLater('=', 1, rule(/\s*[a-zA-Z0-9_:-]+\s*=\s*/s, 'na', 'attr'))],
    attr: [
      rule(/"/, (run) => {
        run.token('s');
        run.goto('double_quotes');
      }),
      rule(/'/, (run) => {
        run.token('s');
        run.goto('single_quotes');
      }),
      rule(/[^\s>]+/, 's', '#pop'),
    ],
    double_quotes: [rule(/"/, 's', '#pop'), rule(/\$\{/, 'si', 'jsp_interp'), rule(/[^"]+/, 's')],
    single_quotes: [rule(/'/, 's', '#pop'), rule(/\$\{/, 'si', 'jsp_interp'), rule(/[^']+/, 's')],
    jsp_interp: [
      rule(/\}/, 'si', '#pop'),
      rule(/'/, 'l', 'jsp_interp_literal_start'),
      rule(/[^'}]+/, (run) => run.delegate(java)),
    ],
    jsp_interp_literal_start: [rule(/'/, 'l', '#pop'), rule(/[^']+/, 'l')],
  },
}));
