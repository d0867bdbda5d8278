// Jekyll 4.3's own filters (lib/jekyll/filters.rb, filters/grouping_filters.rb) on Ruby values.
import type { Value } from "liquidjs";
import { emptySlugWarning, slugify as jekyllSlugify } from "../../../site/slugify.js";
import { JekyllTime } from "../../../ruby/time.js";
import type { LiquidHost } from "../host.js";
import { ExpressionMethodLiteral, methodLiteral } from "../operators.js";
import { runSync } from "../sync-values.js";
import { cgiEscape, uriEscape } from "../../../ruby/uri.js";
import { awkSplit, rubyStrip, xmlEscape } from "../../../ruby/strings.js";
import { FloatDomainError, stringToInteger } from "../../../ruby/number.js";
import { LiquidSyntaxError, strictCondition } from "../ruby-syntax/strict.js";
import { MarkupParser, errorModeOf } from "../ruby-syntax/error-mode.js";
import { compileVariable } from "../compile.js";
import { compileCondition, evaluateCondition, type CompiledCondition } from "../tags/conditions.js";
import { RubyFloat, RubyRange, asEvaluated, dropEachKeys, formatFloat, hashEntries, inspect, isHash, joinArray, kernelArray, isKeyedDrop, isOpaqueDrop, isUnsizedDrop, jsonify, plain, rubyClass, rubySort, spaceship, toS, truthy } from "../../../ruby/values.js";
import { LiquidArgumentError, hasIndex, implicitName, lookup, rubyKey, stringOnly, toInteger, toLong } from "./standard.js";
import type { FilterTable, FilterThis } from "./types.js";

// Jekyll's INTEGER_LIKE and FLOAT_LIKE (`\A\s*-?\d+\s*\Z`): Ruby's `\s` is ASCII whitespace,
// so a value with a no-break space stays a string.
const INTEGER_LIKE = /^[ \t\r\n\f\v]*-?\d+[ \t\r\n\f\v]*$/;
const FLOAT_LIKE = /^[ \t\r\n\f\v]*-?(?:\d+\.?\d*|\.\d+)[ \t\r\n\f\v]*$/;

/** Jekyll's parse_sort_input: numeric-looking properties compare as numbers (`to_i`: every digit). */
function parseSortInput(v: unknown): unknown {
  const s = toS(v).replace(/\n$/, "");
  if (INTEGER_LIKE.test(s)) return typeof plain(v) === "string" ? stringToInteger(s) : plain(v);
  if (FLOAT_LIKE.test(s)) {
    // `to_f` is a Float even when integral: group_by names it "2023.0" (a Float year in the
    // data, or the String "3.0"), and `where` compares that to_s.
    const x = Number.parseFloat(rubyStrip(s).replace(/^(-?)\./, "$10."));
    return Number.isInteger(x) ? new RubyFloat(x) : x;
  }
  return v;
}

/** Jekyll's item_property: `a.b` walks nested hashes. */
function itemProperty(item: unknown, property: unknown): unknown {
  const prop = toS(property);
  let value: unknown;
  if (!prop.includes(".")) {
    // read_liquid_attribute's `liquid_data[property]`: nil, true, a Float or a Time has no `[]`.
    if (!hasIndex(item)) throw new Error(`undefined method '[]' for ${inspect(plain(item))}:${rubyClass(item)}`);
    value = lookup(item, prop);
  }
  else {
    value = item;
    for (const key of prop.split(".")) {
      const v = plain(value);
      // `data.respond_to?(:[]) && data[key]`: past a nil, the property is false, not nil.
      if (v === null || v === undefined || v === false) { value = false; break; }
      value = lookup(v, key);
    }
  }
  return parseSortInput(value);
}

/**
 * Liquid::Parser.new and Liquid::Variable.new take only a String: where_exp's, find_exp's and
 * group_by_exp's expression of another class fails as Ruby's implicit conversion does.
 */
function expressionString(expr: unknown): string {
  return stringOnly(expr, (v) => `no implicit conversion of ${implicitName(v)} into String`);
}

/**
 * `is_a?(Array)` (push, pop, shift, unshift, sample; array_to_sentence_string's `length`): a Range
 * is no Array in Ruby, though it is one here (RubyRange), so `(1..3) | push: 4` is the range.
 */
function isRubyArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && !(v instanceof RubyRange);
}

function isMethodLiteral(v: unknown): boolean {
  return v instanceof ExpressionMethodLiteral || methodLiteral(v) !== null;
}

/** Jekyll's compare_property_vs_target (where, find). */
function matches(property: unknown, target: unknown): boolean {
  if (isMethodLiteral(target)) return property === "" || kernelArray(property).map(toS).join("") === "";
  target = plain(target);
  if (target === null || target === undefined) return property === null || property === undefined;
  const t = toS(target);
  if (typeof property === "string") return property === t;
  return kernelArray(property).some((p) => toS(p) === t);
}

/**
 * The collection `where`/`find` and their `_exp` forms walk: a Hash gives its values (`input.values
 * if input.is_a?(Hash)`); a Jekyll Drop is Enumerable, and its select/find get Drop#each's key and
 * value packed as one [key, value] item; JekyllDrop and other values have no `select`.
 */
function selectable(input: unknown): unknown[] | null {
  input = plain(input);
  if (Array.isArray(input)) return input;
  if (isOpaqueDrop(input)) return null;
  if (isKeyedDrop(input)) return hashEntries(input as Record<string, unknown>);
  if (isHash(input)) return Object.values(input);
  return null;
}

/**
 * Whether Ruby's `to_s` of `v` (which is `s`) is a US-ASCII String rather than UTF-8: a String is
 * UTF-8 as read; nil, a boolean, a number or a time writes US-ASCII; Array#inspect and Hash#inspect
 * take the encoding of their first element's (first key's) inspect, where a String's is UTF-8; any
 * character past ASCII makes the whole UTF-8.
 */
function usAsciiToS(v: unknown, s: string): boolean {
  v = plain(v);
  if (typeof v === "string" || !/^[\x00-\x7f]*$/.test(s)) return false;
  return usAsciiInspect(v);
}

function usAsciiInspect(v: unknown): boolean {
  v = plain(v);
  if (v === null || v === undefined || typeof v === "boolean" || typeof v === "number" || typeof v === "bigint") return true;
  if (v instanceof RubyFloat || v instanceof JekyllTime || v instanceof RubyRange) return true;
  if (Array.isArray(v)) return v.length === 0 || usAsciiInspect(v[0]);
  if (isHash(v) && !isUnsizedDrop(v)) {
    const first = hashEntries(v)[0];
    return first === undefined || usAsciiInspect(first[0]);
  }
  return false;
}

export function jekyllFilters(host: LiquidHost): FilterTable {
  const conditions = new Map<string, CompiledCondition>();
  const condition = (expr: string): CompiledCondition => {
    let c = conditions.get(expr);
    if (!c) {
      // Jekyll's parse_condition reads it with Liquid::Parser, strictly, in every error_mode:
      // comparisons joined by and/or, nothing after (a filter inside is a syntax error, which
      // fails the build). Its operands are Liquid::Expression.parse's: `empty`/`blank` are not
      // the Condition's method literals (see ExpressionMethodLiteral), and `item['size']` is the
      // key "size", not the command.
      let chain;
      try {
        chain = strictCondition(expr);
      } catch (e) {
        if (!(e instanceof LiquidSyntaxError)) throw e;
        throw Object.assign(new Error(`Liquid syntax error: ${e.message} in where_exp/find_exp condition "${expr}"`), {
          hint: "The condition of where_exp and find_exp is comparisons joined by and/or, with no filters (|): assign the filtered value first, or use group_by_exp, which takes filters.",
        });
      }
      c = compileCondition(chain, { input: expr, begin: 0, end: expr.length }, false);
      conditions.set(expr, c);
    }
    return c;
  };
  const expressions = new Map<string, Value>();
  // group_by_exp's expression is a Liquid::Variable parsed in the site's error mode (strict, else
  // lax: `i == 1` is the variable `i`; an empty one is nil), as `{{ }}` is.
  const expression = (self: FilterThis, expr: string): Value => {
    let v = expressions.get(expr);
    if (!v) {
      const syntax = new MarkupParser(errorModeOf(host.config)).variable(expr, { line: 1, begin: 0 });
      v = compileVariable(self.liquid, syntax, { input: expr, begin: 0, end: expr.length });
      expressions.set(expr, v);
    }
    return v;
  };

  // The condition is evaluated synchronously (sync-values.ts), once per item of the collection.
  function findOrSelect(self: FilterThis, items: unknown[], variable: unknown, expr: unknown, first: boolean) {
    const cond = condition(expressionString(expr));
    const scope: Record<string, unknown> = {};
    self.context.push(scope);
    const out: unknown[] = [];
    try {
      for (const item of items) {
        scope[toS(variable)] = item;
        if (truthy(evaluateCondition(cond, self.context))) {
          if (first) return item;
          out.push(item);
        }
      }
    } finally {
      self.context.pop();
    }
    return first ? null : out;
  }

  const grouped = (groups: Map<string, { name: unknown; items: unknown[] }>) =>
    [...groups.values()].map((g) => ({ name: g.name, items: g.items, size: g.items.length }));

  const sortWith = (items: unknown[], cmp: (a: unknown, b: unknown) => number | null) => rubySort(items, cmp);

  return {
    markdownify: (input) => {
      const s = toS(input);
      return host.markdownify(s, usAsciiToS(input, s));
    },
    smartify: (input) => {
      const s = toS(input);
      return host.smartify(s, usAsciiToS(input, s));
    },
    sassify: (input) => host.compileSass(toS(input), "sass"),
    scssify: (input) => host.compileSass(toS(input), "scss"),
    slugify(input, mode) {
      const value = plain(input);
      if (value === null || value === undefined) return null;
      const v = stringOnly(value, (x) => `undefined method 'gsub' for ${inspect(x)}:${rubyClass(x)}`, Error);
      // `mode ||= "default"`: false is the default mode too.
      const m = plain(mode);
      return jekyllSlugify(v, m === undefined || m === null || m === false ? null : toS(m), false, (s) => host.warn?.("Warning:", emptySlugWarning(s)));
    },
    xml_escape: (input) => xmlEscape(toS(input)),
    // CGI.escape takes a String only: anything else is Ruby's TypeError (nil included).
    cgi_escape: (input) => cgiEscape(stringOnly(input, (v) => `no implicit conversion of ${implicitName(v)} into String`)),
    // Addressable::URI.normalize_component: nil passes through, another non-String fails.
    uri_escape: (input) => (input === null || input === undefined ? null : uriEscape(stringOnly(input, (v) => `Can't convert ${rubyClass(v)} into String.`))),
    normalize_whitespace: (input) => toS(input).replace(/[ \t\n\v\f\r]+/g, " ").replace(/^ | $/g, ""),
    number_of_words(input, mode) {
      // Jekyll calls String#split (String#scan for "cjk" and "auto") on the input itself.
      const s = stringOnly(input, (v) => `undefined method \`${mode === "cjk" || mode === "auto" ? "scan" : "split"}' for ${inspect(v)}:${rubyClass(v)}`, Error);
      const cjk = /[\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Hangul}]/gu;
      const words = /[^\p{sc=Han}\p{sc=Katakana}\p{sc=Hiragana}\p{sc=Hangul} \t\n\v\f\r]+/gu;
      const count = (re: RegExp) => s.match(re)?.length ?? 0;
      if (mode === "cjk") return count(cjk) + count(words);
      if (mode === "auto") {
        const c = count(cjk);
        return c === 0 ? awkSplit(s).length : c + count(words);
      }
      return awkSplit(s).length;
    },
    array_to_sentence_string(array, connector = "and") {
      // Ruby's `array.length` and `array[i]`: a string reads as its characters (two-character
      // "ab" is "a and b", a longer one fails at String#join), a hash has its key count and nil
      // at every index (a longer one fails: hash[0...-1] is nil); anything else has no #length.
      const v = plain(array);
      let a: unknown[];
      if (isRubyArray(v)) a = v;
      else if (typeof v === "string") {
        a = [...v];
        if (a.length > 2) throw new Error(`undefined method 'join' for ${inspect(a.slice(0, -1).join(""))}:String`);
      } else if (isHash(v) && !isUnsizedDrop(v)) {
        a = new Array(Object.keys(v).length).fill(null);
        if (a.length > 2) throw new Error("undefined method 'join' for nil:NilClass");
      }
      else throw new Error(`undefined method 'length' for ${inspect(v)}:${rubyClass(v)}`);
      const c = toS(connector);
      switch (a.length) {
        case 0: return "";
        case 1: return toS(a[0]);
        case 2: return `${toS(a[0])} ${c} ${toS(a[1])}`;
        // "#{array[0...-1].join(", ")}, #{connector} #{array[-1]}": Array#join flattens the
        // leading items' nested arrays ([["ml", "ai"], nil, x] writes "ml, ai, , and x"), while
        // the interpolated items, the last one and those of a pair, are to_s (inspect form).
        default: return `${joinArray(a.slice(0, -1), ", ")}, ${c} ${toS(a[a.length - 1])}`;
      }
    },
    jsonify: (input) => jsonify(plain(input)),
    where(input, property, value) {
      const target = plain(value);
      // `!property`: Ruby's truthiness (0 and "" are properties).
      if (!truthy(property) || isRubyArray(target) || isHash(target)) return input;
      const items = selectable(input);
      if (!items) return input;
      return items.filter((item) => matches(itemProperty(item, property), value));
    },
    where_exp(this: FilterThis, input: unknown, variable: unknown, expr: unknown) {
      const items = selectable(input);
      if (!items) return input;
      return findOrSelect(this, items, variable, expr, false);
    },
    find(input, property, value) {
      const target = plain(value);
      if (!truthy(property) || isRubyArray(target) || isHash(target)) return input;
      const items = selectable(input);
      if (!items) return input;
      return items.find((item) => matches(itemProperty(item, property), value)) ?? null;
    },
    find_exp(this: FilterThis, input: unknown, variable: unknown, expr: unknown) {
      const items = selectable(input);
      if (!items) return input;
      return findOrSelect(this, items, variable, expr, true);
    },
    group_by(input, property) {
      const v = plain(input);
      // (groupable?: JekyllDrop has no group_by)
      const items = Array.isArray(v) ? v : isHash(v) && !isOpaqueDrop(v) ? hashEntries(v) : null;
      if (!items) return input;
      const groups = new Map<string, { name: unknown; items: unknown[] }>();
      for (const item of items) {
        const name = toS(itemProperty(item, property));
        let g = groups.get(name);
        if (!g) groups.set(name, (g = { name, items: [] }));
        g.items.push(item);
      }
      return grouped(groups);
    },
    group_by_exp(this: FilterThis, input: unknown, variable: unknown, expr: unknown) {
      const v = plain(input);
      const items = Array.isArray(v) ? v : isHash(v) && !isOpaqueDrop(v) ? hashEntries(v) : null;
      if (!items) return input;
      const value = expression(this, expressionString(expr));
      const scope: Record<string, unknown> = {};
      this.context.push(scope);
      const groups = new Map<string, { name: unknown; items: unknown[] }>();
      try {
        for (const item of items) {
          scope[toS(variable)] = item;
          const name = plain(runSync(value.value(this.context, false)));
          const key = rubyKey(name);
          let g = groups.get(key);
          if (!g) groups.set(key, (g = { name, items: [] }));
          g.items.push(item);
        }
      } finally {
        this.context.pop();
      }
      return grouped(groups);
    },
    to_integer(input) {
      const v = plain(input);
      if (v === true) return 1;
      if (v === false) return 0;
      if (v === null || v === undefined) return 0;
      // Float#to_i: Infinity and NaN have no Integer.
      if (typeof v === "number" || v instanceof RubyFloat) {
        const x = typeof v === "number" ? v : v.value;
        if (!Number.isFinite(x)) throw new FloatDomainError(formatFloat(x));
        return Math.trunc(x);
      }
      if (typeof v === "bigint") return v;
      if (typeof v === "string") return stringToInteger(v);
      // Time#to_i; a Date has no to_i.
      if (v instanceof JekyllTime && !v.dateOnly) return Math.floor(v.epochMs / 1000);
      if (v instanceof JekyllTime) throw new Error(`undefined method 'to_i' for ${inspect(v)}:Date`);
      return toInteger(v);
    },
    sort(input, property, nils = "first") {
      const v = plain(input);
      if (v === null || v === undefined) throw new LiquidArgumentError("Cannot sort a null object.");
      if (property === null || property === undefined) {
        if (Array.isArray(v)) return rubySort(v);
        if (isHash(v) && !isOpaqueDrop(v)) return rubySort(hashEntries(v));
        throw new Error(`undefined method 'sort' for ${inspect(v)}:${rubyClass(v)}`);
      }
      let order: number;
      if (nils === "first") order = -1;
      else if (nils === "last") order = 1;
      else throw new LiquidArgumentError(`Invalid nils order: '${toS(nils)}' is not a valid nils order. It must be 'first' or 'last'.`);
      if (!Array.isArray(v) && (!isHash(v) || isOpaqueDrop(v))) throw new Error(`undefined method 'map' for ${inspect(v)}:${rubyClass(v)}`);
      // sort_input's `input.map { |item| … }`: a Hash's items are its pairs, but a Drop's each
      // yields key and value apart and the one-parameter block keeps the key.
      const items = Array.isArray(v) ? v : isKeyedDrop(v) ? dropEachKeys(v) : hashEntries(v);
      const keyed = items.map((item) => ({ key: itemProperty(item, property), item }));
      const isNil = (x: unknown) => x === null || x === undefined;
      return sortWith(keyed, (a: any, b: any) => {
        if (!isNil(a.key) && isNil(b.key)) return -order;
        if (isNil(a.key) && !isNil(b.key)) return order;
        const c = spaceship(a.key, b.key);
        return c ?? spaceship(toS(a.key), toS(b.key));
      }).map((x: any) => x.item);
    },
    pop(array, num = 1) {
      const a = plain(array);
      if (!isRubyArray(a)) return array;
      const n = toLong(num);
      // Array#pop(n) and #shift(n) refuse a negative count.
      if (n < 0) throw new LiquidArgumentError("negative array size");
      return a.slice(0, Math.max(a.length - n, 0));
    },
    push(array, input) {
      const a = plain(array);
      if (!isRubyArray(a)) return array;
      // The pushed value is Liquid's (to_liquid): a drop, where the array may hold Documents.
      return [...a, asEvaluated(input)];
    },
    shift(array, num = 1) {
      const a = plain(array);
      if (!isRubyArray(a)) return array;
      const n = toLong(num);
      if (n < 0) throw new LiquidArgumentError("negative array size");
      return a.slice(n);
    },
    unshift(array, input) {
      const a = plain(array);
      if (!isRubyArray(a)) return array;
      return [asEvaluated(input), ...a];
    },
    sample(input, num = 1) {
      const a = plain(input);
      if (!isRubyArray(a)) return input;
      let n: number;
      try {
        n = toInteger(num);
      } catch {
        n = 1;
      }
      const pool = [...a];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      return n === 1 ? pool[0] ?? null : pool.slice(0, Math.max(n, 0));
    },
    inspect: (input) => xmlEscape(inspect(plain(input))),
  };
}
