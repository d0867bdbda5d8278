/**
 * Cypher, Neo4j's query language (tag `cypher`; `.cypher`), as Rouge 3.30 lexes it
 * (lexers/cypher.rb): `//` `c1` and nested `/*`…`*\/` `cm` comments; operator characters `o`;
 * brackets, braces, `)` `,` `;` and every `(` `ss`; `key: 42` `nl` `dl` `w` `m`; a name before
 * `(` a function `nf` (Rouge's list), keyword `k` or `n`; `:Label` `nc`; `1..3` ranges; numbers
 * `mf`/`mo`/`mh`/`mi`; `prop:` `py`; words in any case: predicates (`AND`, `CONTAINS`…) `ow`,
 * keywords `k`, else `n`; `"…"` `s2`, `'…'` `s1`, `` `…` `` `sb`.
 * Rouge's `Q(\\\\|\\Q|[^Q])*Q` string rules are written with pairedEscapes (same matches, linear).
 * For graph-database posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { pairedEscapes } from './loop-match.js';

const FUNCTIONS = new Set(
  `ABS ACOS ALLSHORTESTPATHS ASIN ATAN ATAN2 AVG CEIL COALESCE COLLECT COS COT COUNT DATE DEGREES E
  ENDNODE EXP EXTRACT FILTER FLOOR HAVERSIN HEAD ID KEYS LABELS LAST LEFT LENGTH LOG LOG10 LOWER LTRIM
  MAX MIN NODE NODES PERCENTILECONT PERCENTILEDISC PI RADIANS RAND RANGE REDUCE REL RELATIONSHIP
  RELATIONSHIPS REPLACE REVERSE RIGHT ROUND RTRIM SHORTESTPATH SIGN SIN SIZE SPLIT SQRT STARTNODE STDEV
  STDEVP STR SUBSTRING SUM TAIL TAN TIMESTAMP TOFLOAT TOINT TOINTEGER TOSTRING TRIM TYPE UPPER`.split(/\s+/),
);
const PREDICATES = new Set('ALL AND ANY CONTAINS EXISTS HAS IN NONE NOT OR SINGLE XOR'.split(' '));
const KEYWORDS = new Set(
  `AS ASC ASCENDING ASSERT BY CASE COMMIT CONSTRAINT CREATE CSV CYPHER DELETE DESC DESCENDING DETACH
  DISTINCT DROP ELSE END ENDS EXPLAIN FALSE FIELDTERMINATOR FOREACH FROM HEADERS IN INDEX IS JOIN LIMIT
  LOAD MATCH MERGE NULL ON OPTIONAL ORDER PERIODIC PROFILE REMOVE RETURN SCAN SET SKIP START STARTS
  THEN TRUE UNION UNIQUE UNWIND USING WHEN WHERE WITH CALL YIELD`.split(/\s+/),
);

export const cypher: LexerDef = lazyLexer('cypher', () => ({
  states: {
    root: [
      rule(/[\s]+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/\*/, 'cm', 'multiline_comments'),
      rule(/[*+\-<>=&|~%^]/, 'o'),
      rule(/[{}),;[\]]/, 'ss'),
      rule(/(\w+)(:)(\s*)(-?[._\d]+)/, ['nl', 'dl', 'w', 'm']),
      rule(/(\w+)(\s*)(\()/, (run, m) => {
        const name = m[1].toUpperCase();
        run.groups(FUNCTIONS.has(name) ? 'nf' : KEYWORDS.has(name) ? 'k' : 'n', 'w', 'ss');
      }),
      rule(/:\w+/, 'nc'),
      rule(/(-?\d+)(\.\.)(-?\d+)/, ['m', 'o', 'm']),
      rule(/(\d+\.\d*|\d*\.\d+)(e[+-]?\d+)?/i, 'mf'),
      rule(/\d+e[+-]?\d+/i, 'mf'),
      rule(/0[0-7]+/, 'mo'),
      rule(/0x[a-f0-9]+/i, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/[.\w]+:/, 'py'),
      rule(/\(/, 'ss'),
      rule(/[.\w$]+/, (run, m) => {
        const w = m[0].toUpperCase();
        run.token(PREDICATES.has(w) ? 'ow' : KEYWORDS.has(w) ? 'k' : 'n');
      }),
      rule(pairedEscapes('"'), 's2'),
      rule(pairedEscapes("'"), 's1'),
      rule(pairedEscapes('`'), 'sb'),
    ],
    multiline_comments: [
      rule(/\/[*]/, 'cm', 'multiline_comments'),
      rule(/[*]\//, 'cm', '#pop'),
      rule(/[^/*]+/, 'cm'),
      rule(/[/*]/, 'cm'),
    ],
  },
}));
