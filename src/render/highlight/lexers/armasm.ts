/**
 * Arm assembly in armasm syntax (tag `armasm`; `.s` files), as Rouge 3.30 lexes it
 * (lib/rouge/lexers/armasm.rb): at a line's start a label `nl` (or `$macroarg` `nn`) and `#`
 * preprocessor lines `cp`; after whitespace the command: directives (`AREA`, `DCD`, `EXPORT`…)
 * `k`, an all-upper-case or all-lower-case opcode (with `.W`/`.F32`-style suffixes) `nb`, other
 * names `nf`, `GET`/`INCLUDE` `k` then the file name `sx`; its operands: shifts and condition
 * codes `nb`, symbols and registers `nv`, `%b1`-style local labels `nl`, numbers `mh`/`mf`/`mi`
 * (`&FF`, `0x1F`, `2_1010`), `@`/`.` and `{PC}`-style builtins `no`, `:AND:`-style and other
 * operators `o`, `'…'` `sc` and `"…"` `s2` (with `$var` substitution `nn`); `;` comments `c`.
 * Rouge's word lists are regex fragments joined as they are (`DCI.N` takes any character for
 * the dot, `TARGET_ARCH_[0-9A-Z_]+`); its `{,3}` is written `{0,3}`. Names under Rouge's `/i`
 * (`[a-z_]\w*`) are written without the flag as `[a-zA-Zſ\u212A_]\w*`: Onigmo's `[a-z]` takes `ſ` and
 * `K` under `/i`, its `\w` does not.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const PREPROC_KEYWORD = 'define elif else endif error if ifdef ifndef include line pragma undef warning';
const FILE_DIRECTIVE = 'BIN GET INCBIN INCLUDE LNK';
const GENERAL_DIRECTIVE = String.raw`ALIAS ALIGN AOF AOUT AREA ARM ASSERT ATTR CN CODE16 CODE32 COMMON CP
  DATA DCB DCD DCDO DCDU DCFD DCFDU DCFH DCFHU DCFS DCFSU DCI DCI.N DCI.W
  DCQ DCQU DCW DCWU DN ELIF ELSE END ENDFUNC ENDIF ENDP ENTRY EQU EXPORT
  EXPORTAS EXTERN FIELD FILL FN FRAME FUNCTION GBLA GBLL GBLS GLOBAL IF
  IMPORT INFO KEEP LCLA LCLL LCLS LEADR LEAF LTORG MACRO MAP MEND MEXIT
  NOFP OPT ORG PRESERVE8 PROC QN RELOC REQUIRE REQUIRE8 RLIST RN ROUT
  SETA SETL SETS SN SPACE STRONG SUBT THUMB THUMBX TTL WEND WHILE
  \[ \] [|!#*=%&^]`;
const SHIFT_OR_CONDITION = `ASR LSL LSR ROR RRX AL CC CS EQ GE GT HI HS LE LO LS LT MI NE PL VC VS
  asr lsl lsr ror rrx al cc cs eq ge gt hi hs le lo ls lt mi ne pl vc vs`;
const BUILTIN = `ARCHITECTURE AREANAME ARMASM_VERSION CODESIZE COMMANDLINE CONFIG CPU
  ENDIAN FALSE FPIC FPU INPUTFILE INTER LINENUM LINENUMUP LINENUMUPPER
  OBJASM_VERSION OPT PC PCSTOREOFFSET REENTRANT ROPI RWPI TRUE VAR`;
const OPERATOR = `AND BASE CC CC_ENCODING CHR DEF EOR FATTR FEXEC FLOAD FSIZE INDEX LAND
  LEFT LEN LEOR LNOT LOR LOWERCASE MOD NOT OR RCONST REVERSE_CC RIGHT ROL
  ROR SHL SHR STR TARGET_ARCH_[0-9A-Z_]+ TARGET_FEATURE_[0-9A-Z_]+
  TARGET_FPU_[A-Z_] TARGET_PROFILE_[ARM] UAL UPPERCASE`;

/** Rouge's `list.join('|')`: the words are regex fragments, joined unescaped. */
const alt = (words: string) => words.trim().split(/\s+/).join('|');

const NAMESPACE = String.raw`\$[a-zA-Zſ\u212A]\w*\.?`;
const SYMBOL = String.raw`[a-zA-Zſ\u212A_]\w*|\|[^|\n]+\|`;

export const armasm: LexerDef = lazyLexer('armasm', () => ({
  states: {
    root: [
      rule(/\n/, ''),
      rule(String.raw`^([ \t]*)(#[ \t]*(?:(?:${alt(PREPROC_KEYWORD)})(?:[ \t].*)?)?)(\n)`, ['', 'cp', '']),
      rule(/[ \t]+/, '', 'command'),
      rule(/;.*/, 'c'),
      rule(String.raw`\$[a-zA-Zſ\u212A_]\w*\.?`, 'nn'),
      rule(/\w+|\|[^|\n]+\|/, 'nl'),
    ],
    command: [
      rule(/\n/, '', '#pop'),
      rule(/[ \t]+/, (run) => {
        run.token('');
        run.goto('args');
      }),
      rule(/;.*/, 'c', '#pop'),
      rule(String.raw`(?:${alt(FILE_DIRECTIVE)})\b`, (run) => {
        run.token('k');
        run.goto('filespec');
      }),
      rule(`(?:${alt(GENERAL_DIRECTIVE)})(?=[; \\t\\n])`, 'k'),
      rule(/(?:[A-Z][\dA-Z]*|[a-z][\da-z]*)(?:\.[NWnw])?(?:\.[DFIPSUdfipsu]?(?:8|16|32|64)?){0,3}\b/, 'nb'),
      rule(SYMBOL, 'nf'),
      rule(NAMESPACE, 'nn'),
    ],
    args: [
      rule(/\n/, '', '#pop'),
      rule(/[ \t]+/, ''),
      rule(/;.*/, 'c', '#pop'),
      rule(String.raw`(?:${alt(SHIFT_OR_CONDITION)})\b`, 'nb'),
      rule(SYMBOL, 'nv'),
      rule(/%[bfBF]?[atAT]?\d+(?:[a-zA-Zſ\u212A_]\w*)?/, 'nl'),
      rule(/(?:&|0x)\h+(?!p)/i, 'mh'),
      rule(/(?:&|0x)[.\h]+(?:p[-+]?\d+)?/i, 'mf'),
      rule(/0f_\h{8}|0d_\h{16}/i, 'mf'),
      rule(/(?:2_[01]+|3_[0-2]+|4_[0-3]+|5_[0-4]+|6_[0-5]+|7_[0-6]+|8_[0-7]+|9_[0-8]+|\d+)(?!e)/i, 'mi'),
      rule(
        /(?:2_[.01]+|3_[.0-2]+|4_[.0-3]+|5_[.0-4]+|6_[.0-5]+|7_[.0-6]+|8_[.0-7]+|9_[.0-8]+|[.\d]+)(?:e[-+]?\d+)?/i,
        'mf',
      ),
      rule(/[@:](?=[ \t]*(?:8|16|32|64|128|256)[^\d])/, 'o'),
      rule(String.raw`[.@]|\{(?:${alt(BUILTIN)})\}`, 'no'),
      rule(
        String.raw`[-!#%&()*+,\/<=>?^{|}]|\[|\]|!=|&&|\/=|<<|<=|<>|==|><|>=|>>|\|\||:(?:${alt(OPERATOR)}):`,
        'o',
      ),
      rule(NAMESPACE, 'nn'),
      rule(/'/, (run) => {
        run.token('sc');
        run.goto('singlequoted');
      }),
      rule(/"/, (run) => {
        run.token('s2');
        run.goto('doublequoted');
      }),
    ],
    singlequoted: [
      rule(/\n/, '', '#pop'),
      rule(/\$\$/, 'sc'),
      rule(NAMESPACE, 'nn'),
      rule(/'/, (run) => {
        run.token('sc');
        run.goto('args');
      }),
      rule(/[^$'\n]+/, 'sc'),
    ],
    doublequoted: [
      rule(/\n/, '', '#pop'),
      rule(/\$\$/, 's2'),
      rule(NAMESPACE, 'nn'),
      rule(/"/, (run) => {
        run.token('s2');
        run.goto('args');
      }),
      rule(/[^$"\n]+/, 's2'),
    ],
    filespec: [rule(/\n/, '', '#pop'), rule(/\$\$/, 'sx'), rule(NAMESPACE, 'nn'), rule(/[^$\n]+/, 'sx')],
  },
}));
