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
//   hash a key, a Jekyll drop a [key, value] pair; anything else, or a nil side, is false.
// - `and`/`or` keep liquidjs's right-to-left grouping, which is Ruby Liquid's.
import { Drop, Tokenizer } from "liquidjs";
import type { Operators } from "liquidjs";
import { JekyllTime } from "../../ruby/time.js";
import { RubyBigRange, RubyRange, comparisonError, dropEachKeys, hasRubyKeys, hashFind, isHash, isKeyedDrop, isNumeric, isOpaqueDrop, isRawElement, plain, rubyEquals, spaceship, toS, truthy } from "../../ruby/values.js";

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
  // A Range has no `empty?` (nil: not equal), though it is an Array here (RubyRange).
  if (v instanceof RubyRange) return null;
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  if (isHash(v)) return Object.keys(v).length === 0;
  return null;
}

/**
 * `empty`/`blank` as Liquid::Expression parses them, i.e. everywhere but the operands of `if`,
 * `unless` and `when` (Condition.parse_expression): Jekyll 4.3 (lib/jekyll/liquid_expr_method_literal.rb,
 * loaded with Liquid 5) replaces Liquid 5's `'empty' => ''` literal with its own
 * Liquid::Expression::MethodLiteral, a different class from the Condition's. So:
 * - a filter gets that object itself: `{{ empty | default: "e" }}` writes "" (it has no `empty?`,
 *   so `default` keeps it), `size` is 0, string filters see its to_s "", `plus` counts it as 0,
 *   `to_integer` fails (no `to_i`); `jsonify` writes `""` (its to_liquid);
 * - `{{ empty }}` writes its to_s, "";
 * - stored by `assign` or an include parameter, it is read back through to_liquid, i.e. as "";
 * - compared (`case empty`, where_exp's condition) it is a plain object: `== empty` is never true,
 *   `!= empty` always, `<`/`>` false; it is truthy and a string `contains` it.
 * A Drop, so that no filter takes it for a Hash.
 */
export class ExpressionMethodLiteral extends Drop {
  constructor(readonly name: "blank" | "empty") {
    super();
  }
  rubyToS(): string {
    return "";
  }
  /**
   * Object#inspect of Jekyll's MethodLiteral: its class, address and two instance variables. The
   * address is the object's place in Ruby's heap, different in every Jekyll process; this one is
   * made up in the same form (the Liquid golden test masks addresses).
   */
  rubyInspect(): string {
    return `#<Liquid::Expression::MethodLiteral:0x00007f0000000${this.name === "empty" ? "e08" : "b18"} @method_name=:${this.name}?, @to_s="">`;
  }
  /** to_liquid (an alias of to_s in Jekyll's class): what jsonify and later lookups see. */
  override valueOf(): string {
    return "";
  }
}

const expressionLiterals = { blank: new ExpressionMethodLiteral("blank"), empty: new ExpressionMethodLiteral("empty") };

/** The one Liquid::Expression::MethodLiteral of `empty` or `blank` (Jekyll's are frozen singletons). */
export function expressionMethodLiteral(name: "blank" | "empty"): ExpressionMethodLiteral {
  return expressionLiterals[name];
}

/** What a value stored by `assign` or an include parameter reads back as: Context#find_variable calls to_liquid. */
export function storedValue(v: unknown): unknown {
  return v instanceof ExpressionMethodLiteral ? "" : v;
}

function equalVariables(l: unknown, r: unknown): boolean | null {
  if (l instanceof ExpressionMethodLiteral || r instanceof ExpressionMethodLiteral) return l === r;
  // Condition#equal_variables: the literal's method asked of the other side, which a method literal
  // itself does not have (`empty == empty` is nil).
  const ll = methodLiteral(l);
  const rl = methodLiteral(r);
  if (ll) return ll === "empty" && !rl ? isEmptyish(r) : null;
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
  // Neither method literal has `<`: nil.
  if (l instanceof ExpressionMethodLiteral || r instanceof ExpressionMethodLiteral) return false;
  if (methodLiteral(l) || methodLiteral(r)) return false;
  l = plain(l);
  r = plain(r);
  const kl = comparableKind(l);
  const kr = comparableKind(r);
  if (!kl || !kr) return false;
  // Date#<=> also takes a Numeric on its right (values.ts spaceship).
  if (kl !== kr && !(l instanceof JekyllTime && l.dateOnly && kr === "number")) throw comparisonError(l, r);
  const c = spaceship(l, r);
  if (c === null) throw comparisonError(l, r);
  return test(c);
}

/** Liquid's `contains`: a String's substring, an Array's element, a Hash's key (Hash#include? is key?). */
export function contains(l: unknown, r: unknown): boolean {
  // A method literal has no `include?` (false); as the right side a string sees its to_s "", an
  // array looks for the object itself.
  if (l instanceof ExpressionMethodLiteral || methodLiteral(l)) return false;
  if (r instanceof ExpressionMethodLiteral || methodLiteral(r)) return typeof plain(l) === "string";
  l = plain(l);
  r = plain(r);
  if (!truthy(l) || !truthy(r)) return false;
  if (typeof l === "string") return l.includes(toS(r));
  // Array#include?: the right side is a Liquid value, which no Document, Page or StaticFile
  // object in the array equals (`site.posts contains post` is false; an array `push` built holds
  // drops, so `related contains post` finds it).
  if (Array.isArray(l)) return l.some((x) => !isRawElement(x) && rubyEquals(x, r));
  if (l instanceof RubyBigRange) return l.includes(r);
  // A Jekyll Drop's include? is Enumerable's, over the [key, value] pairs Drop#each yields: a key
  // alone is never one (`post contains "title"` is false). JekyllDrop has no include? at all.
  if (isOpaqueDrop(l)) return false;
  if (isKeyedDrop(l)) {
    // include? stops at the pair it finds (the values after it are never read) and else reads
    // every value (dropEachKeys).
    const at = Array.isArray(r) && r.length === 2 && typeof r[0] === "string" ? Object.keys(l as object).indexOf(r[0]) : -1;
    if (at >= 0) {
      dropEachKeys(l as object, at + 1);
      if (rubyEquals([(r as string[])[0], (l as Record<string, unknown>)[(r as string[])[0]!]], r)) return true;
    }
    dropEachKeys(l as object);
    return false;
  }
  // Hash#include? is key?: by type where the hash has keys that are not Strings (`1:` in YAML).
  if (isHash(l)) return hasRubyKeys(l) ? hashFind(l, r) !== undefined : typeof r === "string" && Object.prototype.hasOwnProperty.call(l, r);
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
