/**
 * NESASM, 6502 assembly for the NES (tags `nesasm`, `nes`), as Rouge 3.30 lexes it
 * (lexers/nesasm.rb): words (with an optional `#` and `:`) looked up upper-cased among the
 * opcodes `k`, data directives `kt` and assembler directives `kr`, else labels `nf`; `%0101`,
 * `$1f` and decimal numbers (with an optional `#`); `;` comments `c1`; strings `s` with `\`
 * escapes `se`, `'A'` `sc`, macro parameters `\1` `\?1` `\#` `\@` `nb`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = set(`ADC AND ASL BIT BRK CMP CPX CPY DEC EOR INC JMP JSR LDA LDX LDY LSR NOP ORA ROL ROR
  RTI RTS SBC STA STX STY TAX TXA DEX INX TAY TYA DEY INY BPL BMI BVC BVS BCC BCS BNE BEQ CLC SEC CLI SEI
  CLV CLD SED TXS TSX PHA PLA PHP PLP`);
const KEYWORDS_TYPE = set('DB DW BYTE WORD');
const KEYWORDS_RESERVED = set(`INCBIN INCLUDE ORG BANK RSSET RS MACRO ENDM DS PROC ENDP PROCGROUP
  ENDPROCGROUP INCCHR DEFCHR ZP BSS CODE DATA IF IFDEF IFNDEF ELSE ENDIF FAIL INESPRG INESCHR INESMAP
  INESMIR FUNC`);

export const nesasm: LexerDef = lazyLexer('nesasm', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/;.*/, 'c1'),
      rule(/[(),.\[\]]/, 'p'),
      rule(/#?%[0-1]+/, 'mb'),
      rule(/#?\$\h+/, 'mh'),
      rule(/#?\d+/, 'm'),
      rule(/[~&*+=|?:<>\/-]/, 'o'),
      rule(/#?\w+:?/i, (run, m) => {
        const name = m[0].toUpperCase();
        if (KEYWORDS.has(name)) run.token('k');
        else if (KEYWORDS_TYPE.has(name)) run.token('kt');
        else if (KEYWORDS_RESERVED.has(name)) run.token('kr');
        else run.token('nf');
      }),
      rule(/#?(?:LOW|HIGH)\(.*\)/i, 'kr'),
      rule(/#\(/, 'p'),
      rule(/"/, 's', 'string'),
      rule(/'\w'/, 'sc'),
      rule(/\\\??[\d@#]/, 'nb'),
    ],
    string: [rule(/"/, 's', '#pop'), rule(/\\"?/, 'se'), rule(/[^"\\]+/, 's')],
  },
}));
