/**
 * BrightScript, Roku's channel language (tags `brightscript`, `bs`, `brs`), as Rouge 3.30 lexes
 * it (lexers/brightscript.rb): a name before `(` `nf`; other names looked up as written among the
 * `ro…` component names `kr` (BRIGHTSCRIPT_BUILTINS in ../rouge-words.ts), then upper-cased among
 * the reserved words `kr`, types `kt`, builtin functions `nb` and word operators `ow`, else `n`;
 * `'` and `REM` comments `c1` (`REM` also where a longer name starts with it, as in Rouge);
 * strings `s2`, numbers, operators `o`, punctuation `p`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { BRIGHTSCRIPT_BUILTINS } from '../rouge-words.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const NAME_BUILTIN = set(`ABS ASC ATN CDBL CHR CINT CONTROL COPYFILE COS CREATEDIRECTORY CSNG
  DELETEDIRECTORY DELETEFILE EXP FINDMEMBERFUNCTION FINDNODE FIX FORMATDRIVEFORMATJSON GETINTERFACE
  INSTR INT LCASE LEFT LEN LISTDIR LOG MATCHFILES MID MOVEFILE OBSERVEFIELD PARSEJSON PARSEXML
  READASCIIFILE REBOOTSYSTEM RIGHT RND RUNGARBAGECOLLECTOR SGN SIN SLEEP SQR STR STRI STRING STRINGI
  STRTOI SUBSTITUTE TANTEXTTOP TEXT TRUCASE UPTIME VALVISIBLE VISIBLE WAIT`);
const KEYWORD_RESERVED = set(`BOX CREATEOBJECT DIM EACH ELSE ELSEIF END ENDFUNCTION ENDIF ENDSUB ENDWHILE
  EVAL EXIT EXITWHILE FALSE FOR FUNCTION GETGLOBALAA GETLASTRUNCOMPILEERROR GETLASTRUNRUNTIMEERROR GOTO
  IF IN INVALID LET LINE_NUM M NEXT OBJFUN POS PRINT REM RETURN RUN STEP STOP SUB TAB TO TRUE TYPE
  WHILE`);
const KEYWORD_RESERVED_UNSUPPORTED = set('CLASS CONST IMPORT LIBRARY NAMESPACE PRIVATE PROTECTED PUBLIC');
const KEYWORD_TYPE = set(`BOOLEAN DIM DOUBLE DYNAMIC FLOAT FUNCTION INTEGER INTERFACE INVALID LONGINTEGER
  OBJECT STRING VOID`);
const OPERATOR_WORD = set('AND AS MOD NOT OR THEN');

/** Rouge's `id = /[$a-z_][a-z0-9_]*\/i`: letters in both cases, with U+017F ſ and U+212A K. */
const ID = '[$a-zA-Z_\\u017F\\u212A][a-zA-Z0-9_\\u017F\\u212A]*';

export const brightscript: LexerDef = lazyLexer('brightscript', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/'.*/, 'c1'),
      rule(/REM.*/i, 'c1'),
      rule(/[~!%^&*+=|?:<>\/-]/, 'o'),
      rule(/\d*\.\d+(e-?\d+)?/i, 'mf'),
      rule(/\d+[lu]*/i, 'mi'),
      rule(/".*?"/, 's2'),
      rule(`${ID}(?=\\s*[(])`, 'nf'),
      rule(/[()\[\],.;{}]/, 'p'),
      rule(ID, (run, m) => {
        const upper = m[0].toUpperCase();
        if (BRIGHTSCRIPT_BUILTINS.has(m[0]) || KEYWORD_RESERVED.has(upper) || KEYWORD_RESERVED_UNSUPPORTED.has(upper)) run.token('kr');
        else if (KEYWORD_TYPE.has(upper)) run.token('kt');
        else if (NAME_BUILTIN.has(upper)) run.token('nb');
        else if (OPERATOR_WORD.has(upper)) run.token('ow');
        else run.token('n');
      }),
    ],
  },
}));
