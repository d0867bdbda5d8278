/**
 * BBC BASIC (tag `bbcbasic`), as Rouge 3.30 lexes it (lexers/bbcbasic.rb): statements (with
 * their multi-word forms, `DEF PROC`, `ON ERROR LOCAL`…) `k`, functions and pseudo-variables
 * `nb`, operators `o`, `TRUE FALSE` `no`, variables `nv`, strings `s`, numbers (`%` binary,
 * `&` hex), `REM` comments `c` (`REM >` `cs`), `*` star commands `k`; `[ … ]` assembler blocks with
 * `.labels` `nl`, opcodes `k` and `;` comments. Rouge's alternations are matched in its order
 * (`BEATS` before `BEAT`, `GET$#` before `GET$`), with no word boundaries, as in Rouge.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const FUNCTIONS = String.raw`ABS|ACS|ADVAL|ASC|ASN|ATN|BEATS|BEAT|BGET#|CHR\$|COS|COUNT|DEG|DIM|EOF#|ERL|ERR|EVAL|EXP|EXT#|FN|GET\$#|GET\$|GET|HIMEM|INKEY\$|INKEY|INSTR|INT|LEFT\$|LEN|LN|LOG|LOMEM|MID\$|OPENIN|OPENOUT|OPENUP|PAGE|POINT|POS|PTR#|RAD|REPORT\$|RIGHT\$|RND|SGN|SIN|SQR|STR\$|STRING\$|SUM|SUMLEN|TAN|TEMPO|TIME\$|TIME|TOP|USR|VAL|VPOS`;
const OPERATORS = String.raw`<<|<=|<>|<|>=|>>>|>>|>|[-!$()*+/=?^|]|AND|DIV|EOR|MOD|NOT|OR`;
const STATEMENTS = String.raw`BEATS|BPUT#|CALL|CASE|CHAIN|CLEAR|CLG|CLOSE#|CLS|COLOR|COLOUR|DATA|ELSE|ENDCASE|ENDIF|ENDPROC|ENDWHILE|END|ENVELOPE|FOR|GCOL|GOSUB|GOTO|IF|INSTALL|LET|LIBRARY|MODE|NEXT|OFF|OF|ON|ORIGIN|OSCI|OTHERWISE|OVERLAY|PLOT|PRINT#|PRINT|PROC|QUIT|READ|REPEAT|REPORT|RETURN|SOUND|STEP|STEREO|STOP|SWAP|SYS|THEN|TINT|TO|VDU|VOICES|VOICE|UNTIL|WAIT|WHEN|WHILE|WIDTH|CIRCLE(?: *FILL)?|DEF *(?:FN|PROC)|DRAW(?: *BY)?|DIM(?!\()|ELLIPSE(?: *FILL)?|ERROR(?: *EXT)?|FILL(?: *BY)?|INPUT(?:#| *LINE)?|LINE(?: *INPUT)?|LOCAL(?: *DATA| *ERROR)?|MOUSE(?: *COLOUR| *OFF| *ON| *RECTANGLE| *STEP| *TO)?|MOVE(?: *BY)?|ON(?! *ERROR)|ON *ERROR *(?:LOCAL|OFF)?|POINT(?: *BY)?(?!\()|RECTANGE(?: *FILL)?|RESTORE(?: *DATA| *ERROR)?|TRACE(?: *CLOSE| *ENDPROC| *OFF| *STEP(?: *FN| *ON| *PROC)?| *TO)?`;
/** Rouge's `/i` letters (with U+017F ſ and U+212A K, which Ruby's `/i` takes); `\w` unaffected. */
const NAME_START = '[a-zA-Z_`\\u017F\\u212A]';

export const bbcbasic: LexerDef = lazyLexer('bbcbasic', () => ({
  states: {
    expression: [
      rule(FUNCTIONS, 'nb'),
      rule(OPERATORS, 'o'),
      rule(/FALSE|TRUE/, 'no'),
      rule(/"[^"]*"/, 's'),
      rule(`${NAME_START}[\\w\`]*[$%]?`, 'nv'),
      rule(/@%/, 'nv'),
      rule(/[\d.]+/, 'm'),
      rule(/%[01]+/, 'mb'),
      rule(/&[\h]+/, 'mh'),
    ],
    root: [
      rule(/(:+)( *)(\*)(.*)/, ['p', '', 'k', '']),
      rule(/(\n+ *)(\*)(.*)/, ['', 'k', '']),
      rule(/(ELSE|OTHERWISE|REPEAT|THEN)( *)(\*)(.*)/, ['k', '', 'k', '']),
      rule(/[ \n]+/, ''),
      rule(/:+/, 'p'),
      rule(/[\[]/, 'k', 'assembly1'),
      rule(/REM *>.*/, 'cs'),
      rule(/REM.*/, 'c'),
      rule(`(?:${STATEMENTS})`, 'k'),
      mixin('expression'),
      rule(/[,;'~]|SPC|TAB/, 'p'),
    ],
    assembly1: [
      rule(/ +/, ''),
      rule(/\]/, 'k', '#pop'),
      rule(/[:\n]/, 'p'),
      rule(`\\.${NAME_START}[\\w\`]*%? *`, 'nl'),
      rule(/(?:REM|;)[^:\n]*/, 'c'),
      rule(/[^ :\n]+/, 'k', 'assembly2'),
    ],
    assembly2: [
      rule(/ +/, ''),
      rule(/[:\n]/, 'p', '#pop'),
      rule(/(?:REM|;)[^:\n]*/, 'c', '#pop'),
      mixin('expression'),
      rule(/[!#,@\[\]^{}]/, 'p'),
    ],
  },
}));
