/**
 * MXML, Flex's XML user-interface language (tag `mxml`), as Rouge 3.30 lexes it
 * (lexers/mxml.rb): tags `nt`, attributes `na` with values `s`, entities `ni`, comments `c`,
 * `<?…?>` and `<!…>` `cp`; `<![CDATA[ … ]]>` and `{…}` / `@{…}` attribute values are
 * ActionScript, each piece lexed by a fresh lexer (Rouge delegates to the class). Each `>` and
 * each attribute value pushes a state, as in Rouge.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { actionscript } from './actionscript.js';
import { guardedByRun, onlyWhereLater } from './loop-match.js';

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** The first `;` at or after a position (-1 if none), remembered between positions. */
let semiText = '';
let semiFrom = -1;
let semiAt = -1;
function nextSemicolon(text: string, pos: number): number {
  if (text !== semiText || pos < semiFrom || (semiAt >= 0 && pos > semiAt)) {
    semiText = text;
    semiFrom = pos;
    semiAt = text.indexOf(';', pos);
  }
  return semiAt;
}

export const mxml: LexerDef = lazyLexer('mxml', () => ({
  states: {
    root: [
      rule(/[^<&]+/, ''),
      // tried only where a `;` ends the run of non-spaces (else it scans the run at each `&`)
      guardedByRun((c) => !isSpace(c), rule(/&\S*?;/, 'ni'), (text, pos, end) => {
        const semi = nextSemicolon(text, pos);
        return semi >= 0 && semi < end;
      }),
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
