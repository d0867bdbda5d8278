/**
 * C (tag `c`) and C++ (tags `cpp`, `c++`), as Rouge 3.30 lexes them. C++ is Rouge's C lexer with
 * more keywords and extra rules tried first.
 *
 * Rouge conventions reproduced: a function definition or declaration at the top level is found
 * by one big rule (return type, name `nf`, signature), whose pieces are lexed again from scratch;
 * `#…` lines are `cp` (an `#include`'s file `cpf`, a trailing comment `c1`); `#if 0` blocks `c`;
 * `true false NULL` (and C++'s `nullptr`) `nb`; type keywords `kt`; strings `s` with `se`;
 * chars `sc`; `label:` at the start of a line `nl`; C++ `class X` → `k nc`.
 * CUDA (tag `cuda`) is Rouge's C++ lexer with CUDA's qualifiers as keywords and its vector types
 * (`float4`, `dim3`…) as types: Rouge's `CUDA < Cpp` only extends those two word lists. GLSL
 * (tag `glsl`) is the C lexer with its own four word lists (`Glsl < C`). Objective-C (tag
 * `objective_c`) and Objective-C++ (`objective_cpp`) are the C and C++ lexers with Rouge's
 * ObjectiveCCommon rules added (addObjectiveC). HLSL (tag `hlsl`) is the C lexer with its word
 * lists and a function rule whose signature may end in a semantic (Rouge's `HLSL < C`).
 */
import { type LexerDef, type RuleSpec, type WordList, lazyLexer, mixin, rule, wordList } from '../engine.js';
import { guarded, isRubySpace, onlyWhereRunSpacedThen, onlyWhereRunThen, runEnds } from './loop-match.js';
import {
  C_BUILTINS,
  C_KEYWORDS,
  C_KEYWORDS_TYPE,
  C_RESERVED,
  CPP_KEYWORDS,
  CPP_KEYWORDS_TYPE,
  CPP_RESERVED,
  GLSL_BUILTINS,
  GLSL_KEYWORDS,
  GLSL_KEYWORDS_TYPE,
  GLSL_RESERVED,
  HLSL_BUILTINS,
  HLSL_KEYWORDS,
  HLSL_KEYWORDS_TYPE,
  HLSL_RESERVED,
} from '../rouge-words.js';

const WS = String.raw`(?:\s|\/\/.*?\n|\/[*].*?[*]\/)+`;
const ID = String.raw`[a-zA-Z_][a-zA-Z0-9_]*`;
const DQ = String.raw`\d(?:'?\d)*`;

/** Ruby's `[\w*\s]` (ASCII word characters, `*`, ASCII whitespace) on a UTF-16 code unit. */
const isWordStarOrSpace = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 42 || c === 32 || (c >= 9 && c <= 13);

/** Rouge's C `string` state (a stray backslash is string text), which its M68k, Pony and Verilog lexers copy. */
export function cStringState(): RuleSpec[] {
  return [
    rule(/"/, 's', '#pop'),
    rule(/\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})/, 'se'),
    rule(/[^\\"\n]+/, 's'),
    rule(/\\\n/, 's'),
    rule(/\\/, 's'),
  ];
}

export interface Words {
  keywords: WordList;
  types: WordList;
  reserved: WordList;
  builtins: WordList;
}

/**
 * `adjust` replaces or adds states after the C (or C++) ones are built, as a Rouge subclass that
 * redefines a state does (FreeFEM < Cpp, ./freefem.ts); `self` is the lexer being built.
 */
export function makeLexer(
  name: string,
  words: Words,
  cpp: boolean,
  objc = false,
  hlsl = false,
  adjust?: (states: Record<string, RuleSpec[]>, self: LexerDef) => void,
): LexerDef {
  const self: LexerDef = lazyLexer(name, () => {
    const def = buildLexer(self, words, cpp, objc, hlsl);
    adjust?.(def.states, self);
    return def;
  });
  return self;
}

// Objective-C's identifiers (ObjectiveCCommon's `id = /[a-z$_][a-z0-9$_]*/i`: Onigmo's `[a-z]`
// takes `ſ` and the Kelvin sign under `/i`).
const OBJC_ID = '[a-zA-Z$_\u017F\u212A][a-zA-Z0-9$_\u017F\u212A]*';
/** `[a-zA-Z0-9$_ſK]` (code units): OBJC_ID's characters */
const isObjcIdChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95 || c === 0x17f || c === 0x212a;
const objcSpaceEnd = runEnds((c) => c === 32 || (c >= 9 && c <= 13));
const OBJC_ID_START = /[a-zA-Z$_\u017F\u212A]/;
function objcMethodAhead(text: string, pos: number): boolean {
  const p = objcSpaceEnd(text, pos + 1);
  if (OBJC_ID_START.test(text[p] ?? '')) return true;
  if (text[p] !== '(') return false;
  const close = text.indexOf(')', p);
  const nl = text.indexOf('\n', p);
  return close >= 0 && (nl < 0 || close < nl);
}
const OBJC_AT_KEYWORDS = new Set(`selector private protected public encode synchronized try
  throw catch finally end property synthesize dynamic optional
  interface implementation import autoreleasepool`.split(/\s+/));
const OBJC_AT_BUILTINS = new Set(['true', 'false', 'YES', 'NO']);

/**
 * Rouge's ObjectiveCCommon (objective_c/common.rb), which ObjectiveC < C and ObjectiveCpp < Cpp
 * extend: `@…` literals and keywords tried before the statements, `[receiver message:…]` sends
 * (`nf` selectors), `@interface Name : Super` / `(Category)` heads, `- (type)name:(type)arg`
 * method definitions (`nf` selector parts, `nv` parameters), and `YES NO nil` as builtins.
 */
function addObjectiveC(statements: RuleSpec[], root: RuleSpec[], extra: Record<string, RuleSpec[]>): void {
  statements.unshift(
    rule(/@"/, 's', 'string'),
    rule(/@'(\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|\\.|[^\\'\n]')/, 'sc'),
    rule(/@(\d+[.]\d*|[.]\d+|\d+)e[+-]?\d+l?/i, 'mf'),
    rule(/@(\d+[.]\d*|[.]\d+|\d+f)f?/i, 'mf'),
    rule(/@0x\h+[lL]?/, 'mh'),
    rule(/@0[0-7]+l?/i, 'mo'),
    rule(/@\d+l?/, 'mi'),
    rule(/\bin\b/, 'k'),
    rule(/@(?:interface|implementation)\b/, 'k', 'objc_classname'),
    rule(/@(?:class|protocol)\b/, 'k', 'forward_classname'),
    rule(String.raw`@([\p{Alphabetic}\p{Nd}]+)`, (run, m) => {
      if (OBJC_AT_KEYWORDS.has(m[1])) run.token('k');
      else if (OBJC_AT_BUILTINS.has(m[1])) run.token('nb');
      else run.token('err');
    }),
    rule(/[?]/, 'p', 'ternary'),
    rule(/\[/, 'p', 'message'),
    rule(/@\[/, 'p', 'array_literal'),
    rule(/@\{/, 'p', 'dictionary_literal'),
  );
  root.unshift(
    // tried only where, past the sign and its whitespace, a name or a `(` with a `)` after it on
    // its line follows (no other split of the whitespace can match): after a sign and a long run of
    // spaces the regex gives the spaces back one at a time between its two `\s*` (quadratic)
    guarded(rule(new RegExp(String.raw`([-+])(\s*)([(].*?[)])?(\s*)(?=${OBJC_ID}:?)`, 'i'), (run, m) => {
      run.token('k', m[1]);
      run.token('', m[2]);
      if (m[3]) run.recurse(m[3]);
      run.token('', m[4]);
      run.push('method_definition');
    }), objcMethodAhead),
  );
  extra.ternary = [rule(/:/, 'p', '#pop'), mixin('statements')];
  extra.message_shared = [rule(/\]/, 'p', '#pop'), rule(/\{/, 'p', '#pop'), rule(/;/, 'err'), mixin('statements')];
  // the `(id)(\s*)(:)` and `(id)(\s*)(\])` rules are tried only where the run of identifier
  // characters is followed by blanks and that character (onlyWhereRunSpacedThen): on `[$$$…` each
  // position scanned the rest of the run (quadratic)
  extra.message = [
    onlyWhereRunSpacedThen(isObjcIdChar, isRubySpace, 58, rule(String.raw`(${OBJC_ID})(\s*)(:)`, (run) => {
      run.groups('nf', '', 'p');
      run.goto('message_with_args');
    })),
    onlyWhereRunSpacedThen(isObjcIdChar, isRubySpace, 93, rule(String.raw`(${OBJC_ID})(\s*)(\])`, ['nf', '', 'p'], '#pop')),
    mixin('message_shared'),
  ];
  extra.message_with_args = [
    rule(/\{/, 'p', 'function'),
    onlyWhereRunSpacedThen(isObjcIdChar, isRubySpace, 58, rule(String.raw`(${OBJC_ID})(\s*)(:)`, ['nf', '', 'p'], '#pop')),
    mixin('message_shared'),
  ];
  extra.array_literal = [rule(/\]/, 'p', '#pop'), rule(/,/, 'p'), mixin('statements')];
  extra.dictionary_literal = [rule(/\}/, 'p', '#pop'), rule(/,/, 'p'), mixin('statements')];
  extra.objc_classname = [
    mixin('whitespace'),
    rule(String.raw`(${OBJC_ID})(\s*)(:)(\s*)(${OBJC_ID})`, ['nc', '', 'p', '', 'nc'], '#pop'),
    rule(String.raw`(${OBJC_ID})(\s*)([(])(\s*)(${OBJC_ID})(\s*)([)])`, ['nc', '', 'p', '', 'nl', '', 'p'], '#pop'),
    rule(OBJC_ID, 'nc', '#pop'),
  ];
  extra.forward_classname = [
    mixin('whitespace'),
    rule(String.raw`(${OBJC_ID})(\s*)(,)(\s*)`, ['nc', '', 'p', ''], '#push'),
    rule(String.raw`(${OBJC_ID})(\s*)(;?)`, ['nc', '', 'p'], '#pop'),
  ];
  extra.method_definition = [
    rule(/,/, 'p'),
    rule(/[.][.][.]/, 'p'),
    rule(String.raw`([(].*?[)])(${OBJC_ID})`, (run, m) => {
      run.recurse(m[1]);
      run.token('nv', m[2]);
    }),
    rule(String.raw`(${OBJC_ID})(\s*)(:)`, ['nf', '', 'p']),
    rule(/;/, 'p', '#pop'),
    rule(/\{/, (run) => {
      run.token('p');
      run.goto('function');
    }),
    mixin('inline_whitespace'),
    rule(/\/\/.*?\n/, 'c1'),
    rule(/\s+/, ''),
    rule(/(?:)/, (run) => run.pop()),
  ];
}

function buildLexer(self: LexerDef, words: Words, cpp: boolean, objc: boolean, hlsl: boolean): Omit<LexerDef, 'name'> & { states: Record<string, RuleSpec[]> } {
  const statements: RuleSpec[] = [
    mixin('whitespace'),
    rule(/(u8|u|U|L)?"/, 's', 'string'),
    rule(/(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'/i, 'sc'),
    rule(/(\d+[.]\d*|[.]?\d+)e[+\-]?\d+[lu]*/i, 'mf'),
    rule(/\d+e[+\-]?\d+[lu]*/i, 'mf'),
    rule(/0x[0-9a-f]+[lu]*/i, 'mh'),
    rule(/0[0-7]+[lu]*/i, 'mo'),
    rule(/\d+[lu]*/i, 'mi'),
    rule(/\*\//, 'err'),
    rule(/[~!%^&*+=|?:<>\/\-]/, 'o'),
    rule(/[()\[\],.;]/, 'p'),
    rule(/\bcase\b/, 'k', 'case'),
    rule(/(?:true|false|NULL)\b/, 'nb'),
    rule(ID, (run, m) => {
      const w = m[0];
      if (words.keywords.has(w)) run.token('k');
      else if (words.types.has(w)) run.token('kt');
      else if (words.reserved.has(w)) run.token('kr');
      else if (words.builtins.has(w)) run.token('nb');
      else run.token('n');
    }),
  ];
  const root: RuleSpec[] = [
    mixin('expr_whitespace'),
    // HLSL's signature may end in a semantic (`: SV_Target`). Everything before the `(` is
    // `[\w*\s]`: only tried where such a run ends at a `(` (linear on long runs of words).
    onlyWhereRunThen(isWordStarOrSpace, '(', rule(String.raw`([\w*\s]+?[\s*])(${ID})(\s*\([^;]*?\)${hlsl ? String.raw`(?:\s*:\s+${ID})?` : ''})((?:${WS})?)(\{|;)`, (run, m) => {
      run.delegateFresh(self, m[1]);
      run.token('nf', m[2]);
      run.delegateFresh(self, m[3]);
      run.delegateFresh(self, m[4]);
      run.token('p', m[5]);
      if (m[5] === '{') run.push('function');
    })),
    rule(/\{/, 'p', 'function'),
    mixin('statements'),
  ];
  let caseState: RuleSpec[] = [rule(/:/, 'p', '#pop'), mixin('statements')];
  const extra: Record<string, RuleSpec[]> = {};
  if (cpp) {
    root.unshift(rule(/(?:__offload|__blockingoffload|__outer)\b/, 'kp'));
    statements.unshift(
      rule(/(?:class|struct)\b/, 'k', 'classname'),
      rule(/template\b/, 'k', 'template'),
      rule(String.raw`${DQ}(?:\.${DQ})?(?:y|d|h|min|s|ms|us|ns|i|if|il)\b`, 'mx'),
      rule(new RegExp(String.raw`(?:${DQ}[.](?:${DQ})?|[.]${DQ})(?:e[+\-]?${DQ}[lu]*)?`, 'i'), 'mf'),
      rule(new RegExp(String.raw`${DQ}e[+\-]?${DQ}[lu]*`, 'i'), 'mf'),
      rule(/0x\h(?:'?\h)*[lu]*/i, 'mh'),
      rule(/0b[01]+(?:'[01]+)*/, 'mb'),
      rule(/0[0-7](?:'?[0-7])*[lu]*/i, 'mo'),
      rule(new RegExp(String.raw`${DQ}[lu]*`, 'i'), 'mi'),
      rule(/\bnullptr\b/, 'nb'),
      rule(/(?:u8|u|U|L)?R"([a-zA-Z0-9_{}\[\]#<>%:;.?*+\-\/\^&|~!=,"']{0,16})\(.*?\)\1"/s, 's'),
      rule(/(?:::|<=>)/, 'o'),
      rule(/[{}]/, 'p'),
    );
    caseState = [rule(/:(?!:)/, 'p', '#pop'), mixin('statements')];
    extra.classname = [
      rule(ID, 'nc', '#pop'),
      mixin('whitespace'),
      rule(/[.]{3}/, 'o'),
      rule(/,/, 'p', '#pop'),
      rule(/(?:)/, (run) => run.pop()),
    ];
    extra.template = [rule(/[>;]/, 'p', '#pop'), rule(/typename\b/, 'k', 'classname'), mixin('statements')];
  }
  if (objc) {
    addObjectiveC(statements, root, extra);
    // ObjectiveCpp's own rules, prepended after ObjectiveCCommon's
    if (cpp) {
      statements.unshift(
        rule(/(\.)(class)/, ['o', 'bp']),
        rule(/(@selector)(\()(class)(\))/, ['k', 'p', 'bp', 'p']),
      );
    }
  }
  return {
    start: (run) => run.push('bol'),
    states: {
      expr_bol: [
        mixin('inline_whitespace'),
        rule(/#if\s0/, 'c', 'if_0'),
        rule(/#/, 'cp', 'macro'),
        rule(/(?:)/, (run) => run.pop()),
      ],
      bol: [rule(String.raw`${ID}:(?!:)`, 'nl'), mixin('expr_bol')],
      inline_whitespace: [
        rule(/[ \t\r]+/, ''),
        rule(/\\\n/, ''), // line continuation
        rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm'),
      ],
      whitespace: [
        rule(/\n+/, '', 'bol'),
        rule(/\/\/(\\.|.)*?$/, 'c1', 'bol'),
        mixin('inline_whitespace'),
      ],
      expr_whitespace: [rule(/\n+/, '', 'expr_bol'), mixin('whitespace')],
      statements,
      case: caseState,
      root,
      function: [
        mixin('whitespace'),
        mixin('statements'),
        rule(/;/, 'p'),
        rule(/\{/, 'p', 'function'),
        rule(/\}/, 'p', '#pop'),
      ],
      string: cStringState(),
      macro: [
        mixin('include'),
        rule(/[^\/\n\\]+/, 'cp'),
        rule(/\\./s, 'cp'),
        mixin('inline_whitespace'),
        rule(/\//, 'cp'),
        rule(/\n/, 'cp', '#pop'),
      ],
      include: [
        rule(/(include)(\s*)(<[^>]+>)([^\n]*)/, ['cp', '', 'cpf', 'c1']),
        rule(/(include)(\s*)("[^"]+")([^\n]*)/, ['cp', '', 'cpf', 'c1']),
      ],
      if_0: [
        rule(/^\s*#if/, 'c', 'if_0'),
        rule(/^\s*#\s*el(?:se|if)/, 'c', '#pop'),
        rule(/^\s*#\s*endif\b.*?(?<!\\)\n/s, 'c', '#pop'),
        rule(/.*?\n/, 'c'),
      ],
      ...extra,
    },
  };
}

export const c = makeLexer(
  'c',
  { keywords: C_KEYWORDS, types: C_KEYWORDS_TYPE, reserved: C_RESERVED, builtins: C_BUILTINS },
  false,
);
export const cpp = makeLexer(
  'cpp',
  { keywords: CPP_KEYWORDS, types: CPP_KEYWORDS_TYPE, reserved: CPP_RESERVED, builtins: C_BUILTINS },
  true,
);

const CUDA_KEYWORDS = ['__global__', '__device__', '__host__', '__noinline__', '__forceinline__', '__constant__',
  '__shared__', '__managed__', '__restrict__'];
const CUDA_TYPES = (): string[] => {
  const out = ['dim3'];
  for (const base of ['char', 'uchar', 'short', 'ushort', 'int', 'uint', 'long', 'ulong', 'longlong', 'ulonglong', 'float', 'double']) {
    for (let n = 1; n <= 4; n++) out.push(base + n);
  }
  return out;
};
export const cuda = makeLexer(
  'cuda',
  {
    keywords: wordList(() => [...CPP_KEYWORDS, ...CUDA_KEYWORDS]),
    types: wordList(() => [...CPP_KEYWORDS_TYPE, ...CUDA_TYPES()]),
    reserved: CPP_RESERVED,
    builtins: C_BUILTINS,
  },
  true,
);

const OBJC_BUILTINS = wordList(() => ['YES', 'NO', 'nil']);

/** Objective-C (tag `objective_c`): Rouge's `ObjectiveC < C` extended by ObjectiveCCommon. */
export const objectiveC = makeLexer(
  'objective_c',
  { keywords: C_KEYWORDS, types: C_KEYWORDS_TYPE, reserved: C_RESERVED, builtins: OBJC_BUILTINS },
  false,
  true,
);

/** Objective-C++ (tag `objective_cpp`): Rouge's `ObjectiveCpp < Cpp` with ObjectiveCCommon. */
export const objectiveCpp = makeLexer(
  'objective_cpp',
  { keywords: CPP_KEYWORDS, types: CPP_KEYWORDS_TYPE, reserved: CPP_RESERVED, builtins: OBJC_BUILTINS },
  true,
  true,
);

/** GLSL (tag `glsl`): Rouge's `Glsl < C`, the C lexer with the shading language's word lists. */
export const glsl = makeLexer(
  'glsl',
  { keywords: GLSL_KEYWORDS, types: GLSL_KEYWORDS_TYPE, reserved: GLSL_RESERVED, builtins: GLSL_BUILTINS },
  false,
);

/**
 * HLSL (tag `hlsl`): Rouge's `HLSL < C`, the C lexer with Direct3D's word lists (semantics such
 * as `SV_POSITION` are builtins, `float4x4` types) and a function rule that takes `: SEMANTIC`
 * after the signature.
 */
export const hlsl = makeLexer(
  'hlsl',
  { keywords: HLSL_KEYWORDS, types: HLSL_KEYWORDS_TYPE, reserved: HLSL_RESERVED, builtins: HLSL_BUILTINS },
  false,
  false,
  true,
);
