/**
 * MXML, Flex's XML user-interface language (tag `mxml`), as Rouge 3.30 lexes it
 * (lexers/mxml.rb): tags `nt`, attributes `na` with values `s`, entities `ni`, comments `c`,
 * `<?…?>` and `<!…>` `cp`; `<![CDATA[ … ]]>` and `{…}` / `@{…}` attribute values are
 * ActionScript, each piece lexed by a fresh lexer (Rouge delegates to the class). Each `>` and
 * each attribute value pushes a state, as in Rouge.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { actionscript } from './actionscript.js';
import { entityRule, onlyWhereLater } from './loop-match.js';

export const mxml: LexerDef = lazyLexer('mxml', () => ({
  states: {
    root: [
      rule(/[^<&]+/, ''),
      entityRule(),
      rule(/<!\[CDATA\[/, 'cp', 'actionscript_content'),
      rule(/<!--/, 'c', 'comment'),
      // tried only where a closer is left (an unclosed `<?` would scan on at each one)
      onlyWhereLater('?>', 2, rule(/<\?.*?\?>/, 'cp')),
      rule(/<![^>]*>/, 'cp'),
      rule(/<\s*[\w:.-]+/, 'nt', 'tag'),
      rule(/<\s*\/\s*[\w:.-]+\s*>/, 'nt'),
    ],
    comment: [rule(/[^-]+/, 'c'), rule(/-->/, 'c', '#pop'), rule(/-/, 'c')],
    tag: [
      rule(/\s+/, ''),
      rule(/[\w.:-]+\s*=/, 'na', 'attribute'),
      rule(/\/?\s*>/, 'nt', 'root'),
    ],
    attribute: [
      rule(/\s+/, ''),
      rule(/(")(\{|@\{)/, ['s', 'p'], 'actionscript_attribute'),
      rule(/".*?"|'.*?'|[^\s>]+/, 's', 'tag'),
    ],
    // the lazy bodies scan to the text's end where no closer follows: tried only before one
    actionscript_content: [
      rule(/\]\]>/, 'cp', '#pop'),
      onlyWhereLater(']]>', 0, rule(/.*?(?=\]\]>)/s, (run) => run.delegateFresh(actionscript))),
    ],
    actionscript_attribute: [
      rule(/(\})(")/, ['p', 's'], 'tag'),
      onlyWhereLater('}"', 0, rule(/.*?(?=\}")/s, (run) => run.delegateFresh(actionscript))),
    ],
  },
}));
