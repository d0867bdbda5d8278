/**
 * Motorola 68000 assembly (tag `m68k`), as Rouge 3.30 lexes it (lexers/m68k.rb): a line's first
 * word (at the very start of the line) `nl`, instructions `k`, `dc ds dcb` `kt`, assembler
 * directives `kr`, registers `nb`, other names `nv` (all looked up lower-cased); `.b .w .l .s`
 * size suffixes and `#` `nd`; numbers `$hex` `mh`, `@oct` `mo`, `%bin` `mb`, decimal `mi`;
 * `"…"` `s` with escapes `se`, `'c'` `sc`; `*` (at a line start) and `;` comments `c1`;
 * operators `o`, punctuation `p`, `\x` macro arguments `cp`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { cStringState } from './c.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = set(`abcd add adda addi addq addx and andi asl asr bcc bcs beq bge bgt bhi ble bls blt
  bmi bne bpl bvc bvs bhs blo bchg bclr bfchg bfclr bfests bfextu bfffo bfins bfset bftst bkpt bra bse
  bsr btst callm cas cas2 chk chk2 clr cmp cmpa cmpi cmpm cmp2 dbcc dbcs dbeq dbge dbgt dbhi dble dbls
  dblt dbmi dbne dbpl dbvc dbvs dbhs dblo dbra dbf dbt divs divsl divu divul eor eori exg ext extb
  illegal jmp jsr lea link lsl lsr move movea move16 movem movep moveq muls mulu nbcd neg negx nop not
  or ori pack pea rol ror roxl roxr rtd rtm rtr rts sbcd seq sne spl smi svc svs st sf sge sgt sle slt
  scc shi sls scs shs slo sub suba subi subq subx swap tas trap trapcc TODO trapv tst unlk unpk eori`);
const KEYWORDS_TYPE = set('dc ds dcb');
const RESERVED = set(`include incdir incbin end endf endfunc endmain endproc fpu func machine main mmu
  opword proc set opt section rept endr ifeq ifne ifgt ifge iflt ifle iif ifd ifnd ifc ifnc elseif else
  endc even cnop fail machine output radix __G2 __LK list nolist plen llen ttl subttl spc page listchar
  format equ equenv equr set reg rsreset rsset offset cargs fequ.s fequ.d fequ.x fequ.p fequ.w fequ.l
  fopt macro endm mexit narg`);
const BUILTINS = set("d0 d1 d2 d3 d4 d5 d6 d7 a0 a1 a2 a3 a4 a5 a6 a7 a7' pc usp ssp ccr");

export const m68k: LexerDef = lazyLexer('m68k', () => ({
  start: (run) => run.push('expr_bol'),
  states: {
    expr_bol: [mixin('inline_whitespace'), rule(/(?:)/, (run) => run.pop())],
    inline_whitespace: [rule(/\s+/, '')],
    whitespace: [
      rule(/\n+/, '', 'expr_bol'),
      // Rouge's (\\.|.)*?$: every path reaches the line's end, so these are the rest of the line
      rule(/^\*[^\n]*/, 'c1', 'expr_bol'),
      rule(/;[^\n]*/, 'c1', 'expr_bol'),
      mixin('inline_whitespace'),
    ],
    root: [rule(/(?:)/, (run) => run.push('statements'))],
    statements: [
      mixin('whitespace'),
      rule(/"/, 's', 'string'),
      rule(/#/, 'nd'),
      rule(/^\.?[a-zA-Z0-9_]+:?/, 'nl'),
      rule(/\.[bswl]\s/i, 'nd'),
      rule(/'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'/i, 'sc'),
      rule(/\$[0-9a-f]+/i, 'mh'),
      rule(/@[0-8]+/i, 'mo'),
      rule(/%[01]+/i, 'mb'),
      rule(/\d+/i, 'mi'),
      rule(/[*~&+=\|?:<>\/-]/, 'o'),
      rule(/\\./, 'cp'),
      rule(/[(),.]/, 'p'),
      rule(/\[[a-zA-Z0-9]*\]/, 'p'),
      rule(/[a-zA-Z_][a-zA-Z0-9_]*/, (run, m) => {
        const name = m[0].toLowerCase();
        if (KEYWORDS.has(name)) run.token('k');
        else if (KEYWORDS_TYPE.has(name)) run.token('kt');
        else if (RESERVED.has(name)) run.token('kr');
        else if (BUILTINS.has(name)) run.token('nb');
        else run.token(/[a-zA-Z0-9]/.test(m[0]) ? 'nv' : 'n');
      }),
    ],
    string: cStringState(),
  },
}));
