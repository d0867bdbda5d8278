// Ruby Liquid's Condition operators (liquid/condition.rb), for liquidjs's `operators` option.
//
// - `==`/`!=`/`<>` are Ruby's `==` (1 == 1.0; arrays and hashes by content). Against `empty`, a value
//   that has `empty?` (string, array, hash) answers it, anything else is nil (false). Plain Ruby
//   has no `blank?`, so `x == blank` is always false in Jekyll (and `x != blank` true).
// - `<`, `>`, `<=`, `>=` apply only when both sides can compare (numbers, strings, times); nil,
//   arrays, hashes and booleans give nil (false); an Integer against a String raises
//   "comparison of Integer with String failed" (String against Integer: "comparison of String with
//   2 failed", Ruby naming nil, booleans and numbers by value), which fails the build.
// - `contains`: a string checks a substring (of the right side's to_s), an array membership, a
//   hash a key; anything else, or a nil side, is false.
// - `and`/`or` keep liquidjs's right-to-left grouping, which is Ruby Liquid's.
import { Tokenizer } from "liquidjs";
import type { Operators } from "liquidjs";
import { JekyllTime } from "../../ruby/time.js";
import { comparisonError, isHash, isNumeric, plain, rubyEquals, spaceship, toS, truthy } from "../../ruby/values.js";

type Literal = "empty" | "blank";

let literalClasses: { empty: Function; blank: Function } | undefined;

/**
 * Whether `v` is liquidjs's `empty` or `blank` literal (an EmptyDrop or a BlankDrop, which extends
 * EmptyDrop). Asked by class, from the literals' own values: the class names are not reliable
 * (the bundle names EmptyDrop `_EmptyDrop`, as it refers to itself).
 */
export function methodLiteral(v: unknown): Literal | null {
  if (typeof v !== "object" || v === null) return null;
  literalClasses ??= {
    empty: (new Tokenizer("empty").readValue() as unknown as { content: object }).content.constructor,
    blank: (new Tokenizer("blank").readValue() as unknown as { content: object }).content.constructor,
  };
  if (v instanceof literalClasses.blank) return "blank";
  if (v instanceof literalClasses.empty) return "empty";
  return null;
}

function isEmptyish(v: unknown): boolean | null {
  v = plain(v);
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  if (isHash(v)) return Object.keys(v).length === 0;
  return null;
}

/**
 * `empty`/`blank` as Liquid::Expression parses them outside `if`/`unless`/`when`: Jekyll's own
 * Liquid::Expression::MethodLiteral, a different class from the Condition's, so where_exp's
 * condition (Jekyll parses it with Liquid::Expression) compares it as a plain object: `== empty` is
 * never true, `!= empty` always, `<`/`>` false; it is truthy and its to_s is "" (a string
 * `contains` it).
 */
export class ExpressionMethodLiteral {
  constructor(readonly name: "blank" | "empty") {}
  rubyToS(): string {
    return "";
  }
}

function equalVariables(l: unknown, r: unknown): boolean | null {
  if (l instanceof ExpressionMethodLiteral || r instanceof ExpressionMethodLiteral) return l === r;
  const ll = methodLiteral(l);
  if (ll) return ll === "empty" ? isEmptyish(r) : null;
  const rl = methodLiteral(r);
  if (rl) return rl === "empty" ? isEmptyish(l) : null;
  return rubyEquals(l, r);
}

type Kind = "number" | "string" | "time" | null;

function comparableKind(v: unknown): Kind {
  if (isNumeric(v)) return "number";
  if (typeof v === "string") return "string";
  if (v instanceof JekyllTime) return "time";
  return null;
}

function compare(l: unknown, r: unknown, test: (c: number) => boolean): boolean {
  if (l instanceof ExpressionMethodLiteral || r instanceof ExpressionMethodLiteral) return false;
  l = plain(l);
  r = plain(r);
  const kl = comparableKind(l);
  const kr = comparableKind(r);
  if (!kl || !kr) return false;
  if (kl !== kr) throw comparisonError(l, r);
  const c = spaceship(l, r);
  if (c === null) throw comparisonError(l, r);
  return test(c);
}

function contains(l: unknown, r: unknown): boolean {
  if (l instanceof ExpressionMethodLiteral) return false;
  if (r instanceof ExpressionMethodLiteral) return typeof plain(l) === "string";
  l = plain(l);
  r = plain(r);
  if (!truthy(l) || !truthy(r)) return false;
  if (typeof l === "string") return l.includes(toS(r));
  if (Array.isArray(l)) return l.some((x) => rubyEquals(x, r));
  if (isHash(l)) return typeof r === "string" && Object.prototype.hasOwnProperty.call(l, r);
  return false;
}

type Binary = (l: unknown, r: unknown) => boolean;

const binary: Record<string, Binary> = {
  // Two strings (`page.url == item.url`, the usual case) compare as strings: no literal or number rules apply.
  "==": (l, r) => (typeof l === "string" && typeof r === "string" ? l === r : truthy(equalVariables(l, r))),
  "!=": (l, r) => (typeof l === "string" && typeof r === "string" ? l !== r : !truthy(equalVariables(l, r))),
  "<>": (l, r) => (typeof l === "string" && typeof r === "string" ? l !== r : !truthy(equalVariables(l, r))),
  "<": (l, r) => compare(l, r, (c) => c < 0),
  ">": (l, r) => compare(l, r, (c) => c > 0),
  "<=": (l, r) => compare(l, r, (c) => c <= 0),
  ">=": (l, r) => compare(l, r, (c) => c >= 0),
  contains: (l, r) => contains(l, r),
  and: (l, r) => truthy(l) && truthy(r),
  or: (l, r) => truthy(l) || truthy(r),
};

export const rubyOperators = binary as unknown as Operators;
