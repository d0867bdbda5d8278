// The tags Ruby Liquid 5.4 parses with one regular expression in every error mode (assign,
// capture, case/when, cycle, tablerow, increment/decrement): their `Syntax` regexes, which
// match anywhere in the markup and ignore what is around the match. Each function names the Ruby
// constant it reproduces. (`assign`'s value is a Variable, which does have error modes: the
// caller parses it.)
import { parseExpression, type Expr } from "./expression.js";
import { DOT_ALL, QUOTED_FRAGMENT, QUOTED_STRING, S, TAG_ATTRIBUTES_SCAN, VARIABLE_SIGNATURE, rubyStrip, scan } from "./patterns.js";
import { LiquidSyntaxError } from "./strict.js";

const QF = QUOTED_FRAGMENT;

// Assign::Syntax = /(#{VariableSignature}+)\s*=\s*(.*)\s*/om
const ASSIGN = new RegExp(`((?:${VARIABLE_SIGNATURE})+)${S}*=${S}*(${DOT_ALL}*)`);

/** Assign::Syntax: the variable name and the markup of its value. */
export function assignSyntax(markup: string): { to: string; from: string } {
  const m = ASSIGN.exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]");
  return { to: m[1]!, from: m[2]! };
}

// Capture::Syntax = /(#{VariableSignature}+)/o
const CAPTURE = new RegExp(`((?:${VARIABLE_SIGNATURE})+)`);

/** Capture::Syntax: the variable name. */
export function captureSyntax(markup: string): string {
  const m = CAPTURE.exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'capture' - Valid syntax: capture [var]");
  return m[1]!;
}

// Case::Syntax = /(#{QuotedFragment})/o
const CASE = new RegExp(`(${QF})`);

/** Case::Syntax: the value compared against each `when`. */
export function caseSyntax(markup: string): Expr {
  const m = CASE.exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'case' - Valid syntax: case [condition]");
  return parseExpression(m[1]);
}

// Case::WhenSyntax = /(#{QuotedFragment})(?:(?:\s+or\s+|\s*\,\s*)(#{QuotedFragment}.*))?/om
const WHEN = new RegExp(`(${QF})(?:(?:${S}+or${S}+|${S}*,${S}*)(${QF}${DOT_ALL}*))?`);

/** Case#record_when_condition: each value of `when a, b or c` (a `when` listing a value twice matches twice). */
export function whenSyntax(markup: string): Expr[] {
  const values: Expr[] = [];
  let rest: string | undefined = markup;
  while (rest !== undefined) {
    const m = WHEN.exec(rest);
    if (!m) throw new LiquidSyntaxError("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}");
    rest = m[2];
    values.push(parseExpression(m[1]));
  }
  return values;
}

/** Case#record_else_condition: `else` takes no markup inside `case`. */
export function caseElseSyntax(markup: string): void {
  if (rubyStrip(markup) !== "") throw new LiquidSyntaxError("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ");
}

// Cycle::SimpleSyntax = /\A#{QuotedFragment}+/o, Cycle::NamedSyntax = /\A(#{QuotedFragment})\s*\:\s*(.*)/om
const CYCLE_SIMPLE = new RegExp(`^(?:${QF})+`);
const CYCLE_NAMED = new RegExp(`^(${QF})${S}*:${S}*(${DOT_ALL}*)`);
const CYCLE_VARIABLE = new RegExp(`${S}*(${QF})${S}*`);

export interface CycleSyntax {
  /** The group (`{% cycle "g": … %}`), evaluated; without one, `key` names the cycle. */
  group?: Expr;
  /**
   * Without a group Ruby keys the cycle by `@variables.to_s`: the values' inspect, shared by every
   * cycle tag listing the same literals; a list holding a variable prints its object address,
   * so each such tag counts on its own (null here).
   */
  key?: string | null;
  values: Expr[];
}

/** Cycle's two syntaxes and #variables_from_string (split on commas, one fragment from each). */
export function cycleSyntax(markup: string): CycleSyntax {
  const named = CYCLE_NAMED.exec(markup);
  if (named) return { group: parseExpression(named[1]), values: cycleValues(named[2]!) };
  if (CYCLE_SIMPLE.test(markup)) {
    const values = cycleValues(markup);
    const shown = values.map(inspectLiteral);
    return { key: shown.includes(null) ? null : `[${shown.join(", ")}]`, values };
  }
  throw new LiquidSyntaxError("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]");
}

function cycleValues(markup: string): Expr[] {
  // Ruby's String#split drops trailing empty strings.
  const parts = markup.split(",");
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  const values: Expr[] = [];
  for (const part of parts) {
    const m = CYCLE_VARIABLE.exec(part);
    if (!m) continue;
    const value = parseExpression(m[1]);
    // `.compact`: a value that parses to nil (`nil`, `null`) is dropped.
    if (!(value.kind === "literal" && value.value === null)) values.push(value);
  }
  return values;
}

/** A literal cycle value as it shows in the cycle's key (Ruby's inspect); null for a lookup. */
function inspectLiteral(e: Expr): string | null {
  if (e.kind === "float") return Number.isInteger(e.value) ? `${e.value}.0` : String(e.value);
  if (e.kind === "range") {
    const from = inspectLiteral(e.from);
    const to = inspectLiteral(e.to);
    return from === null || to === null || e.from.kind === "range" ? null : `${from}..${to}`;
  }
  // Jekyll's frozen Liquid::Expression::MethodLiteral: one object, so one inspect, in a build.
  if (e.kind === "method") return `#<Liquid::Expression::MethodLiteral ${e.name}>`;
  if (e.kind !== "literal") return null;
  const v = e.value;
  if (v === null) return "nil";
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

// TableRow::Syntax = /(\w+)\s+in\s+(#{QuotedFragment}+)/o
const TABLEROW = new RegExp(`(\\w+)${S}+in${S}+((?:${QF})+)`);

export interface TablerowSyntax {
  variable: string;
  collection: Expr;
  /** Every `key: value` of the markup (Ruby reads cols, limit and offset from them). */
  attributes: Map<string, Expr>;
}

/** TableRow::Syntax and its TagAttributes. */
export function tablerowSyntax(markup: string): TablerowSyntax {
  const m = TABLEROW.exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3");
  const attributes = new Map<string, Expr>();
  for (const [, key, value] of scan(TAG_ATTRIBUTES_SCAN, markup)) attributes.set(key!, parseExpression(value));
  return { variable: m[1]!, collection: parseExpression(m[2]!), attributes };
}

// Render::SYNTAX = /(#{QuotedString}+)(\s+(with|#{FOR})\s+(#{QuotedFragment}+))?(\s+(?:as)\s+(#{VariableSegment}+))?/o
const RENDER = new RegExp(`(?:${QUOTED_STRING})+`);

/** Render::SYNTAX: the template name must be a quoted string (only the name decides whether it matches). */
export function renderSyntax(markup: string): void {
  if (!RENDER.test(markup)) throw new LiquidSyntaxError("Syntax error in tag 'render' - Template name must be a quoted string");
}

/** Increment/Decrement: the whole markup, stripped, is the counter's name. */
export function counterSyntax(markup: string): string {
  return rubyStrip(markup);
}
