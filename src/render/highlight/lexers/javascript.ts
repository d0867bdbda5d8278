/**
 * JavaScript (tags `javascript`, `js`) and TypeScript (`typescript`, `ts`), as Rouge 3.30 lexes
 * them. TypeScript is Rouge's JavaScript lexer with larger word lists and two extra rules.
 *
 * Rouge conventions reproduced: quote marks are `dl` and string bodies `s2`/`s1`; identifiers
 * `nx` (Name::Other), `var let const function class extends constructor get set static` → `kd`;
 * object keys before `:` → `na` (inside `{…}` literals) or `nl` (statement labels, TS annotations);
 * a `/` where an expression may start is a regex (`sr`, with `se` for classes, groups, escapes).
 * Rouge's rule "newline then whitespace starts an expression" uses a lookbehind that Ruby's
 * StringScanner can never satisfy, so it never fires (see rubyRe in ../engine.ts).
 */
import { type LexerDef, type RuleSpec, lazyLexer, mixin, rule } from '../engine.js';
// The HTML lexer (for JSX text) is found through the registry: html.ts imports this module.
import { sublexers } from './sublexers.js';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

interface Lists {
  keywords: Set<string>;
  declarations: Set<string>;
  reserved: Set<string>;
  constants: Set<string>;
  builtins: Set<string>;
}

const JS: Lists = {
  keywords: words(`as async await break case catch continue debugger default delete do else export
    finally from for if import in instanceof new of return super switch this throw try typeof void
    while yield`),
  declarations: words('var let const with function class extends constructor get set static'),
  reserved: words('enum implements interface package private protected public'),
  constants: words('true false null NaN Infinity undefined'),
  builtins: words(`Array Boolean Date Error Function Math netscape Number Object Packages RegExp
    String sun decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval isFinite isNaN
    parseFloat parseInt document window navigator self global Promise Set Map WeakSet WeakMap Symbol
    Proxy Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray
    Int32Array Uint32Array Uint32ClampedArray Float32Array Float64Array DataView ArrayBuffer`),
};

const union = (a: Set<string>, more: string) => new Set([...a, ...words(more)]);
const TS: Lists = {
  keywords: union(JS.keywords, 'is namespace static private protected public implements readonly'),
  declarations: union(JS.declarations, 'type abstract'),
  reserved: union(JS.reserved, 'string any void number namespace module declare default interface keyof'),
  constants: JS.constants,
  builtins: union(JS.builtins, 'Pick Partial Readonly Record'),
};

/** Rouge's id_regex: [\p{L}\p{Nl}$_][\p{Word}]* (Onigmo's \p{Word}: letters, marks, digits, Pc). */
export const JS_ID = String.raw`[\p{L}\p{Nl}$_][\p{L}\p{M}\p{Nd}\p{Pc}]*`;

function makeLexer(name: string, lists: Lists, typescript: boolean, jsx = false): LexerDef {
  return lazyLexer(name, () => (jsx ? withJsx(buildLexer(lists, typescript), typescript) : buildLexer(lists, typescript)));
}

/**
 * Rouge's JSX lexer (and TSX, JSX with TypeScript's lists): JavaScript whose expressions may start
 * with an element. The lexer starts in `expr_start`; an element's name is `nt` (`nc` when
 * capitalised), attributes `na`, `{…}` inside an element `si`, its text lexed by one HTML lexer
 * that keeps its state for the whole block. TSX reads `<T,>` (a generic arrow function) as a name
 * and a comma.
 */
function withJsx(def: Omit<LexerDef, 'name'>, typescript: boolean): Omit<LexerDef, 'name'> {
  const interpolStart = (run: Parameters<NonNullable<LexerDef['start']>>[0]) => {
    run.token('si');
    run.push('interpol');
    run.push('expr_start');
  };
  const elementName: RuleSpec[] = [
    rule(/[A-Z]\w*/, 'nc'),
    rule(/\w+/, 'nt'),
    rule(/\./, 'p'),
    rule(/(?:)/, (run) => run.pop()),
  ];
  if (typescript) {
    elementName.unshift(rule(/(\w+)(,)/, (run) => {
      run.groups('nx', 'p');
      run.pop(3);
    }));
  }
  return {
    ...def,
    start: (run) => run.push('expr_start'),
    states: {
      ...def.states,
      expr_start: [mixin('tag'), ...def.states.expr_start],
      tag: [
        rule(/</, (run) => {
          run.token('p');
          run.push('tag_opening');
          run.push('element');
          run.push('element_name');
        }),
      ],
      tag_opening: [
        rule(/<\//, (run) => {
          run.token('p');
          run.goto('element');
          run.push('element_name');
        }),
        mixin('tag'),
        rule(/[{]/, interpolStart),
        rule(/[^<{]+/, (run) => run.delegate(sublexers.find('html')!)),
      ],
      element: [
        mixin('comments_and_whitespace'),
        rule(/\/>/, (run) => {
          run.token('p');
          run.pop(2);
        }),
        rule(/>/, 'p', '#pop'),
        rule(/[{]/, interpolStart),
        rule(/\w[\w-]*/, 'na'),
        rule(/=/, 'p'),
        rule(/(["']).*?(\1)/, 's'),
      ],
      element_name: elementName,
      interpol: [
        rule(/[}]/, 'si', '#pop'),
        rule(/[{]/, (run) => {
          run.token('p');
          run.push('interpol_inner');
          run.push('statement');
        }),
        mixin('root'),
      ],
      interpol_inner: [
        rule(/[}]/, (run) => {
          run.token('p');
          run.goto('statement');
        }),
        mixin('root'),
      ],
    },
  };
}

function buildLexer(lists: Lists, typescript: boolean): Omit<LexerDef, 'name'> {
  const root: RuleSpec[] = [
    rule(/\A\s*#!.*?\n/s, 'cp', 'statement'),
    rule(/(?<=\n)(?=\s|\/|<!--)/, '', 'expr_start'),
    mixin('comments_and_whitespace'),
    rule(/\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==/, 'o', 'expr_start'),
    rule(/[\-<>+*%&|\^\/!=]=?/, 'o', 'expr_start'),
    rule(/[(\[,]/, 'p', 'expr_start'),
    rule(/;/, 'p', 'statement'),
    rule(/[)\].]/, 'p'),
    rule(/`/, 's2', 'template_string'),
    rule(/[?][.]/, 'p'),
    ternaryRule(),
    rule(/(@)(\w+)?/, ['p', 'nd'], 'expr_start'),
    rule(/[{}]/, 'p', 'statement'),
    rule(new RegExp(JS_ID, 'i'), (run, m) => {
      const w = m[0];
      if (lists.keywords.has(w)) {
        run.token('k');
        run.push('expr_start');
      } else if (lists.declarations.has(w)) {
        run.token('kd');
        run.push('expr_start');
      } else if (lists.reserved.has(w)) run.token('kr');
      else if (lists.constants.has(w)) run.token('kc');
      else if (lists.builtins.has(w)) run.token('nb');
      else run.token('nx');
    }),
    rule(/[0-9][0-9]*\.[0-9]+(?:[eE][0-9]+)?[fd]?/, 'mf'),
    rule(/0x[0-9a-fA-F]+/i, 'mh'),
    rule(/0o[0-7][0-7_]*/i, 'mo'),
    rule(/0b[01][01_]*/i, 'mb'),
    rule(/[0-9]+/, 'mi'),
    rule(/"/, 'dl', 'dq'),
    rule(/'/, 'dl', 'sq'),
    rule(/:/, 'p'),
  ];
  const statement: RuleSpec[] = [
    rule(/case\b/, (run) => {
      run.token('k');
      run.goto('expr_start');
    }),
    rule(String.raw`(${JS_ID})(\s*)(:)`, ['nl', '', 'p']),
    mixin('expr_start'),
  ];
  if (typescript) {
    root.unshift(rule(/[?][.]/, 'p'), rule(/[?]{2}/, 'o'));
    statement.unshift(rule(String.raw`(${JS_ID})(\??)(\s*)(:)`, ['nl', 'p', '', 'p'], 'expr_start'));
  }
  return {
    states: {
      multiline_comment: [rule(/[*]\//, 'cm', '#pop'), rule(/[^*\/]+/, 'cm'), rule(/[*\/]/, 'cm')],
      comments_and_whitespace: [
        rule(/\s+/, ''),
        rule(/<!--/, 'c'),
        rule(/\/\/.*?$/, 'c1'),
        rule(/\/[*]/, 'cm', 'multiline_comment'),
      ],
      expr_start: [
        mixin('comments_and_whitespace'),
        rule(/\//, (run) => {
          run.token('sr');
          run.goto('regex');
        }),
        rule(/[{]/, (run) => {
          run.token('p');
          run.goto('object');
        }),
        rule(/(?:)/, '', '#pop'),
      ],
      ...regexLiteralStates(/[gimuy]+/),
      root,
      dq: [rule(/\\[\\nrt"]?/, 'se'), rule(/[^\\"]+/, 's2'), rule(/"/, 'dl', '#pop')],
      sq: [rule(/\\[\\nrt']?/, 'se'), rule(/[^\\']+/, 's1'), rule(/'/, 'dl', '#pop')],
      statement,
      object: [
        mixin('comments_and_whitespace'),
        rule(/[{]/, 'p', '#push'),
        rule(/[}]/, (run) => {
          run.token('p');
          run.goto('statement');
        }),
        rule(String.raw`(${JS_ID})(\s*)(:)`, ['na', '', 'p'], 'expr_start'),
        rule(/:/, 'p'),
        mixin('root'),
      ],
      ternary: ternaryState(),
      template_string: [
        rule(/[$]\{/, 'p', 'template_string_expr'),
        rule(/`/, 's2', '#pop'),
        rule(/\\[$`]/, 'se'),
        rule(/[^$`\\]+/, 's2'),
        rule(/[\\$]/, 's2'),
      ],
      template_string_expr: [rule(/\}/, 'p', '#pop'), mixin('root')],
    },
  };
}

export const javascript = makeLexer('javascript', JS, false);
export const typescript = makeLexer('typescript', TS, true);
export const jsx = makeLexer('jsx', JS, false, true);
export const tsx = makeLexer('tsx', TS, true, true);

/**
 * `?` opens a conditional, as Rouge's JavaScript lexer has it and the lexers made from it copy it
 * (ActionScript, Haxe, Awk, CFScript, Ruby, Crystal): the `ternary` state, then an expression.
 */
export function ternaryRule(): RuleSpec {
  return rule(/[?]/, (run) => {
    run.token('p');
    run.push('ternary');
    run.push('expr_start');
  });
}

/** The `ternary` state: the `:` (`colon`) that goes on as an expression start; the rest as `root`. */
export function ternaryState(colon: RegExp = /:/): RuleSpec[] {
  return [
    rule(colon, (run) => {
      run.token('p');
      run.goto('expr_start');
    }),
    mixin('root'),
  ];
}

/**
 * Rouge's JavaScript regex-literal states (`regex`, `regex_end`, `regex_group`), which its
 * ActionScript, Haxe and Awk lexers copy with the flags each language takes after the closing
 * `/` (null: none, `regex_end` pops at once, as in Awk's).
 */
export function regexLiteralStates(flags: RegExp | null): Record<'regex' | 'regex_end' | 'regex_group', RuleSpec[]> {
  return {
    regex: [
      rule(/\//, (run) => {
        run.token('sr');
        run.goto('regex_end');
      }),
      rule(/[^\/]\n/, 'err', '#pop'),
      rule(/\n/, 'err', '#pop'),
      rule(/\[\^/, 'se', 'regex_group'),
      rule(/\[/, 'se', 'regex_group'),
      rule(/\\./, 'se'),
      rule(/[(][?][:=<!]/, 'se'),
      rule(/[{][\d,]+[}]/, 'se'),
      rule(/[()?]/, 'se'),
      rule(/./, 'sr'),
    ],
    regex_end: flags ? [rule(flags, 'sr', '#pop'), rule(/(?:)/, (run) => run.pop())] : [rule('', (run) => run.pop())],
    regex_group: [
      rule(/\//, 'se'),
      rule(/[^\/]\n/, (run) => {
        run.token('err');
        run.pop(2);
      }),
      rule(/\]/, 'se', '#pop'),
      rule(/\\./, 'se'),
      rule(/./, 'sr'),
    ],
  };
}
