/**
 * VCL, the Varnish Configuration Language (tag `vcl`, aliases `varnish`, `varnishconf`), as Rouge
 * 3.30 lexes it (lexers/varnish.rb): `sub name` `k nf`; keywords `k`, functions (`regsub`,
 * `std.log`…) `nf`, variables (`req.url`, `beresp.ttl`…, `req.http.*`, `var.*`) `nv`, other names
 * plain text; `true`/`false` `kc` wherever they start; durations (`10s`, `1.5h`) `mx`, integers
 * `mi`, other numbers `mf`; `"…"` `s2` with escapes `se`, `{"…"}` and `{tag"…"tag}` long strings
 * `s1`; `//`, `#` and block comments; inline C (`C{ … }C`, `cp`) lexed by one C lexer for the
 * block; operators `o`, punctuation `p`.
 */
import { type LexerDef, type Rule, lazyLexer, rule } from '../engine.js';
import { c } from './c.js';
import { onlyWhereLater, stickyMatcher } from './loop-match.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = set(`vcl set unset include import if else elseif elif elsif director probe backend acl
  declare local BOOL FLOAT INTEGER IP RTIME STRING TIME`);
const FUNCTIONS = set(`ban call hash_data new regsub regsuball return rollback std.cache_req_body
  std.collect std.duration std.fileread std.healthy std.integer std.ip std.log std.port std.querysort
  std.random std.real std.real2time std.rollback std.set_ip_tos std.strstr std.syslog std.time
  std.time2integer std.time2real std.timestamp std.tolower std.toupper synth synthetic`);
const VARIABLES = set(`bereq bereq.backend bereq.between_bytes_timeout bereq.connect_timeout
  bereq.first_byte_timeout bereq.method bereq.proto bereq.retries bereq.uncacheable bereq.url bereq.xid
  beresp beresp.age beresp.backend beresp.backend.ip beresp.backend.name beresp.do_esi beresp.do_gunzip
  beresp.do_gzip beresp.do_stream beresp.grace beresp.keep beresp.proto beresp.reason beresp.status
  beresp.storage_hint beresp.ttl beresp.uncacheable beresp.was_304 client.identity client.ip local.ip
  now obj.age obj.grace obj.hits obj.keep obj.proto obj.reason obj.status obj.ttl obj.uncacheable
  remote.ip req req.backend_hint req.can_gzip req.esi req.esi_level req.hash_always_miss
  req.hash_ignore_busy req.method req.proto req.restarts req.ttl req.url req.xid resp resp.proto
  resp.reason resp.status server.hostname server.identity server.ip`);

// Rouge's numeric pattern (its /xi: case-insensitive, the duration suffix interpolated after it not)
const HEX = '[0-9a-fA-F]+';
const NUMERIC = `(?:0[xX]${HEX}(?:\\.${HEX})?(?:[pP][+-]?${HEX})?|[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)`;

/**
 * Rouge's `\{(\w+)".*?"(\1)\}` (dot matching newlines): `{tag"` up to the first `"tag}`. Where
 * that closer is missing, the regex scans to the end at each such opener (quadratic). The
 * text's closers — a `"`, a run of word characters, a `}` — are listed by tag once per text,
 * and the first one after the opener found by a binary search.
 */
const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
let seen = '';
let closers = new Map<string, number[]>();
function closersOf(text: string): Map<string, number[]> {
  if (text !== seen) {
    seen = text;
    closers = new Map();
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '}') continue;
      let j = i;
      while (j > 0 && isWord(text.charCodeAt(j - 1))) j--;
      if (j < i && j > 0 && text[j - 1] === '"') {
        const tag = text.slice(j, i);
        const list = closers.get(tag);
        if (list) list.push(j - 1);
        else closers.set(tag, [j - 1]);
      }
    }
  }
  return closers;
}
const taggedString = stickyMatcher((text, pos) => {
  if (text[pos] !== '{') return null;
  let i = pos + 1;
  while (i < text.length && isWord(text.charCodeAt(i))) i++;
  if (i === pos + 1 || text[i] !== '"') return null;
  const tag = text.slice(pos + 1, i);
  const list = closersOf(text).get(tag);
  if (!list) return null;
  // the first closer starting at or after the opening quote's end
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < i + 1) lo = mid + 1;
    else hi = mid;
  }
  if (lo === list.length) return null;
  const end = list[lo] + tag.length + 2;
  const m = [text.slice(pos, end), tag, tag] as unknown as RegExpExecArray;
  m.index = pos;
  return m;
});
const taggedRule: Rule = { re: taggedString, bol: false, action: (run) => run.token('s1') };

export const varnish: LexerDef = lazyLexer('vcl', () => ({
  states: {
    root: [
      // unclosed, the lazy bodies would scan to the end at each opener: tried only before a closer
      onlyWhereLater('"}', 2, rule(/\{".*?"\}/s, 's1')),
      taggedRule,
      onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
      rule(/(?:\/\/|#).*/, 'c1'),
      rule(/true|false/, 'kc'),
      rule(/(?:beresp|bereq|resp|req|obj)\.http\.[\w.-]+/, 'nv'),
      rule(/(?:var)\.[\w.-]+/, 'nv'),
      rule(/(sub)([ \f\n\r\t\v]+)([\w-]+)/, ['k', '', 'nf']),
      rule(/C\{/, 'cp', 'inline_c'),
      // Rouge's /\.?[a-z_][\w.-]*\/i: Ruby's /i makes [a-z] take ſ and K (U+212A), not \w
      rule(/\.?[a-zA-Z_\u017f\u212a][a-zA-Z0-9_.-]*/, (run, m) => {
        const w = m[0];
        run.token(KEYWORDS.has(w) ? 'k' : FUNCTIONS.has(w) ? 'nf' : VARIABLES.has(w) ? 'nv' : '');
      }),
      rule(`${NUMERIC}(?:ms|s|m|h|d|w|y)`, 'mx'),
      rule(NUMERIC, (run, m) => {
        const n = m[0];
        run.token(/^[0-9]+$/.test(n) || /^0x[0-9a-fA-F]+$/.test(n) ? 'mi' : 'mf');
      }),
      rule(/"/, 's2', 'string'),
      rule(/[&|+-]{2}|[<=>!*\/+-]=|<<|>>|!~|[-+*\/%><=!&|~]/, 'o'),
      rule(/[{}();.,]/, 'p'),
      rule(/\r\n?|\n/, ''),
      rule(/./, ''),
    ],
    string: [rule(/"/, 's2', '#pop'), rule(/\\[\\"nt]/, 'se'), rule(/\r\n?|\n/, 's2'), rule(/./, 's2')],
    inline_c: [
      rule(/\}C/, 'cp', '#pop'),
      // without a later `}C` the lazy scan fails at every character (quadratic): not tried there
      onlyWhereLater('}C', 0, rule(/.*?(?=\}C)/s, (run) => run.delegate(c))),
    ],
  },
}));
