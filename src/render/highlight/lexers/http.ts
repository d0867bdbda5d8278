/**
 * HTTP requests and responses (tag `http`), as Rouge 3.30 lexes them: the request line (method
 * `nf`, path `nn`, `HTTP` `k`, `/` `o`, version `m`) or the status line (code `m`, reason `ne`),
 * then headers (name `na`, `:` `p`, value `s`), then after a blank line the body, lexed by the one
 * lexer that declares the `Content-Type` header's mimetype (`application/json` → JSON), plain text
 * when none or several do (Lexer.guess_by_mimetype). `http?content=NAME` names the body's lexer.
 */
import { type LexerDef, type LexRun, rule, lazyLexer, plainLexer } from '../engine.js';
import { rougeLexerList } from '../rouge-languages.js';
import { sublexers } from './sublexers.js';

const PLAIN = plainLexer('plaintext', '');

function contentLexer(run: LexRun): LexerDef {
  const named = run.options.get('content');
  if (named) return sublexers.find(named) ?? PLAIN;
  const type = (run.data.contentType as string | undefined) ?? 'text/plain';
  const matches = rougeLexerList().filter(([, , mimes]) => mimes.includes(type));
  return matches.length === 1 ? sublexers.find(matches[0][0]) ?? PLAIN : PLAIN;
}

export const http: LexerDef = lazyLexer('http', () => ({
  start: (run) => {
    run.data.contentType = 'text/plain';
  },
  states: {
    root: [
      rule(/(GET|POST|PUT|DELETE|HEAD|OPTIONS|TRACE|PATCH)([ ]+)([^ ]+)([ ]+)(HTTPS?)(\/)(\d(?:\.\d)?)(\r?\n|$)/,
        ['nf', '', 'nn', '', 'k', 'o', 'm', ''], 'headers'),
      rule(/(HTTPS?)(\/)(\d(?:\.\d))([ ]+)(\d{3})([ ]+)?([^\r\n]*)?(\r?\n|$)/,
        ['k', 'o', 'm', '', 'm', '', 'ne', ''], 'headers'),
    ],
    headers: [
      rule(/([^\s:]+)( *)(:)( *)([^\r\n]+)(\r?\n|$)/, (run, m) => {
        if (m[1].trim().toLowerCase() === 'content-type') run.data.contentType = m[5].split(';')[0].toLowerCase();
        run.groups('na', '', 'p', '', 's', '');
      }),
      rule(/([^\r\n]+)(\r?\n|$)/, ['s', '']),
      rule(/\r?\n/, '', 'content'),
    ],
    content: [
      rule(/[\s\S]+/, (run) => run.delegateFresh(contentLexer(run))),
    ],
  },
}));
