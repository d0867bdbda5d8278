// Ruby Liquid 5.4's Expression.parse, VariableLookup.new and RangeLookup.parse
// (expression.rb, variable_lookup.rb, range_lookup.rb): what a piece of markup means once a tag
// or the lax parser has cut it out. Every parser, strict or lax, ends here, so this is where a
// markup's meaning is decided; canonical.ts writes the result back as liquidjs markup.
import { VARIABLE_PARSER, rubyStrip, scan } from "./patterns.js";
import { rubyInteger } from "../../../ruby/values.js";
import { stringToInteger } from "../../../ruby/number.js";

export type Expr =
  /** nil, true, false, a String, or an Integer. */
  | { kind: "literal"; value: null | boolean | string | number | bigint }
  | { kind: "float"; value: number }
  /** A Range: literal when both ends are literals (RangeLookup.parse builds `a.to_i..b.to_i`). */
  | { kind: "range"; from: Expr; to: Expr }
  /** A VariableLookup: `name` is nil when the markup held no name at all. */
  | { kind: "lookup"; name: string | Expr | null; keys: LookupKey[] }
  /** `blank`/`empty`: Jekyll's Liquid::Expression::MethodLiteral. */
  | { kind: "method"; name: "blank" | "empty" };

/** A lookup after the name: `.key` (a `command` when it is size/first/last) or `[expr]`. */
export type LookupKey = { name: string; command: boolean } | { expr: Expr };

const INTEGERS = /^(-?\d+)$/;
const FLOATS = /^(-?\d[\d.]+)$/;
// RANGES_REGEX = /\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z/ — the atomic group as (?=(…))\1.
const RANGES = /^\([ \t\r\n\f\v]*(?=(([^ \t\r\n\f\v]+)[ \t\r\n\f\v]*\.\.))\1[ \t\r\n\f\v]*([^ \t\r\n\f\v]+)[ \t\r\n\f\v]*\)$/;
const COMMAND_METHODS = new Set(["size", "first", "last"]);

const NIL: Expr = { kind: "literal", value: null };

/** Expression.parse(markup); `undefined` (Ruby's nil markup) is nil. */
export function parseExpression(markup: string | undefined): Expr {
  if (markup === undefined) return NIL;
  markup = rubyStrip(markup);
  const first = markup[0];
  if ((first === '"' || first === "'") && markup.endsWith(first)) {
    return { kind: "literal", value: markup.slice(1, -1) };
  }
  let m = INTEGERS.exec(markup);
  if (m) return { kind: "literal", value: integerLiteral(m[1]!) };
  m = RANGES.exec(markup);
  if (m) return parseRange(m[2]!, m[3]!);
  m = FLOATS.exec(markup);
  if (m) return { kind: "float", value: stringToF(m[1]!) };
  switch (markup) {
    case "": case "nil": case "null": return NIL;
    case "true": return { kind: "literal", value: true };
    case "false": return { kind: "literal", value: false };
    // Liquid's LITERALS map these to "", but Jekyll replaces them with method literals
    // (jekyll/liquid_expr_method_literal.rb) that print "" and that `where` and conditions
    // compare as emptiness.
    case "blank": case "empty": return { kind: "method", name: markup };
  }
  return parseLookup(markup);
}

/** `to_i` of an integer literal: a bigint past 2^53 (see rubyInteger in src/ruby/values.ts). */
function integerLiteral(digits: string): number | bigint {
  const n = Number.parseInt(digits, 10);
  return Number.isSafeInteger(n) ? n : rubyInteger(BigInt(digits));
}

/** VariableLookup.new(markup): the name and lookups VariableParser scans out of it. */
function parseLookup(markup: string): Expr {
  const parts = scan(VARIABLE_PARSER, markup).map((m) => m[0]);
  const first = parts.shift();
  let name: string | Expr | null = first ?? null;
  if (first !== undefined && first.startsWith("[") && first.endsWith("]")) name = parseExpression(first.slice(1, -1));
  const keys: LookupKey[] = parts.map((p) =>
    p.startsWith("[") && p.endsWith("]") ? { expr: parseExpression(p.slice(1, -1)) } : { name: p, command: COMMAND_METHODS.has(p) });
  return { kind: "lookup", name, keys };
}

/** RangeLookup.parse: a Range of `to_i`s when neither end is a lookup, else evaluated per render. */
function parseRange(start: string, end: string): Expr {
  const from = parseExpression(start);
  const to = parseExpression(end);
  if (isEvaluated(from) || isEvaluated(to)) return { kind: "range", from, to };
  return { kind: "range", from: { kind: "literal", value: toI(from) }, to: { kind: "literal", value: toI(to) } };
}

function isEvaluated(e: Expr): boolean {
  return e.kind === "lookup" || (e.kind === "range" && (isEvaluated(e.from) || isEvaluated(e.to)));
}

/** `to_i` of a literal end of a range (Ruby raises NoMethodError for true/false and ranges). */
function toI(e: Expr): number | bigint {
  if (e.kind === "float") return Math.trunc(e.value);
  if (e.kind === "literal") {
    const v = e.value;
    if (v === null) return 0;
    if (typeof v === "number") return v;
    if (typeof v === "bigint") return v;
    if (typeof v === "string") return stringToInteger(v);
    throw new Error(`undefined method \`to_i' for ${v}:${v ? "TrueClass" : "FalseClass"}`);
  }
  throw new Error("undefined method `to_i' for a Range");
}

/** Ruby's String#to_f on what FLOATS_REGEX matched: the longest `-?\d+(\.\d+)?` prefix. */
function stringToF(s: string): number {
  const m = /^-?\d+(?:\.\d+)?/.exec(s)!;
  return Number.parseFloat(m[0]);
}
