// Liquid 5.4's StandardFilters with Ruby's semantics: `to_s` of arrays and hashes is their
// inspect form, InputIterator flattens arrays, `size` of a string counts characters, `first` of a
// string is nil, `truncatewords` appends nothing when the words fit (counted by split with a limit,
// which keeps a trailing empty field: `'a b ' | truncatewords: 2` is "a b..."), `split: " "` drops empty
// fields, numbers follow ruby/number.ts. Jekyll replaces `sort` and `where` (see jekyll.ts).
import { Drop } from "liquidjs";
import { abs, arithmetic, ceilFloor, checkLong, clamp, kernelInteger, round, ZeroDivision } from "../../../ruby/number.js";
import { awkSplit, RUBY_SPACE, capitalize, escapeHtml, rubyDowncase, rubyLstrip, rubyRstrip, rubySplit, rubyStrip, stringIndex } from "../../../ruby/strings.js";
import { cgiEscape, cgiUnescapeValid } from "../../../ruby/uri.js";
import { rubyGsub, rubySub } from "../../../ruby/sub-replacement.js";
import { asEvaluated, compareStrings, dropEachKeys, hashEntries, hashFind, hasRubyKeys, hooksOf, inspect, isFloat, isHash, isKeyedDrop, isOpaqueDrop, isUnsizedDrop, joinArray, plain, RubyBigRange, rubyClass, rubyFlatten, RubyFloat, rubyInteger, rubyKeyOf, RubyRange, rubySort, RubySymbol, toS, truthy } from "../../../ruby/values.js";
import type { FilterTable } from "./types.js";
import { LimitError, reserveIterations, reserveSplit } from "../budget.js";
import { ExpressionMethodLiteral } from "../operators.js";
import { JekyllTime } from "../../../ruby/time.js";
import { timeToA } from "../../../ruby/local-time.js";

/** A Liquid::ArgumentError-style failure: the message a user reads. */
export class LiquidArgumentError extends Error {}

/** A filter's input that Ruby uses as a String as it is (no to_s): anything else fails with `message`. */
export function stringOnly(input: unknown, message: (v: unknown) => string, kind: new (m: string) => Error = TypeError): string {
  const v = plain(input);
  if (typeof v === "string") return v;
  throw new kind(message(v === undefined ? null : v));
}

/** How Ruby's "no implicit conversion of X" names a value: nil, true and false themselves, else the class. */
export function implicitName(v: unknown): string {
  return v === null || v === undefined ? "nil" : v === true || v === false ? String(v) : rubyClass(v);
}

/**
 * Liquid::Utils.to_integer: an Integer as it is, anything else `Integer(to_s)` (kernelInteger:
 * Ruby's whitespace only, `0x`/`0b`/`0o`/leading-0 prefixes), else "invalid integer". As a JavaScript
 * number: these are counts and offsets, where a Bignum is past any collection all the same.
 */
export function toInteger(v: unknown): number {
  return Number(toRubyInteger(v));
}

/** Liquid::Utils.to_integer with every digit of a Bignum. */
function toRubyInteger(v: unknown): number | bigint {
  v = plain(v);
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "bigint") return v;
  const n = kernelInteger(toS(v));
  if (n === null) throw new LiquidArgumentError("invalid integer");
  return n;
}

/** Liquid::Utils.to_integer used as a C long (an index, a count): a Bignum past one is Ruby's RangeError. */
export function toLong(v: unknown): number {
  return checkLong(toRubyInteger(v));
}

/** What walks a RubyBigRange's items: more than the render may loop over (Jekyll runs out of memory). */
export function refuseRange(range: RubyBigRange): never {
  const n = range.size;
  if (typeof n === "number") reserveIterations(n);
  throw new LimitError(`this loop would run ${n.toLocaleString("en-US")} times (the range ${range.rubyToS()}), past what one page may loop over`, "Loop over a smaller range (or add limit: to the for tag).");
}

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Base64.strict_decode64's test: whole groups of four, `=` padding only at the end, and no bits
 * left over in the character before the padding ("YR==" fails, "YQ==" is "a").
 */
function strictBase64(s: string): boolean {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return false;
  if (s.endsWith("==")) return (BASE64_ALPHABET.indexOf(s[s.length - 3]!) & 0xf) === 0;
  if (s.endsWith("=")) return (BASE64_ALPHABET.indexOf(s[s.length - 2]!) & 0x3) === 0;
  return true;
}

/**
 * Liquid's InputIterator: arrays flattened, a hash is one item, nil is empty, anything else
 * Kernel#Array of it (one item, but a Time is its to_a), each item's to_liquid. `zone`: the
 * site's timezone, which a Time's to_a names.
 */
export function inputItems(input: unknown, zone?: string): unknown[] {
  input = plain(input);
  if (input instanceof RubyBigRange) refuseRange(input);
  // InputIterator#each yields each element's to_liquid: a Symbol (kramdown's, see RubySymbol) its name.
  if (Array.isArray(input)) return liquidSymbols(rubyFlatten(input));
  if (input === null || input === undefined) return [];
  // Liquid's InputIterator walks an Enumerable as it is: a Jekyll Drop (a document, as
  // `site.posts | first` gives one) yields its keys (`join` writes them, `map` looks in each).
  if (isKeyedDrop(input)) return dropEachKeys(input as object);
  // Array(time) is Time#to_a (a Date has no to_a: one item).
  if (input instanceof JekyllTime && !input.dateOnly) return timeToA(input, zone);
  // `empty`/`blank` in a filter's input: Jekyll's MethodLiteral, whose to_liquid is "".
  if (input instanceof ExpressionMethodLiteral) return [""];
  return [input];
}

/** Symbol#to_liquid (to_s) of an array's Symbols, if it has any (nearly no array does). */
function liquidSymbols(items: unknown[]): unknown[] {
  if (!items.some((x) => x instanceof RubySymbol)) return items;
  return items.map((x) => (x instanceof RubySymbol ? x.rubyToS() : x));
}

/**
 * Ruby's `#size` where it exists (strings in characters), else 0. Integer#size is the bytes of the
 * machine word (8) for a Fixnum and the bytes the magnitude needs for a Bignum (so never below 8).
 */
export function rubySize(v: unknown): number | bigint {
  v = plain(v);
  if (v instanceof RubyBigRange) return v.size;
  if (typeof v === "string") return [...v].length;
  if (Array.isArray(v)) return v.length;
  // A Jekyll Drop (document, static file, `site`, `jekyll`) is no Hash and has no #size: 0.
  if (isHash(v)) return isUnsizedDrop(v) ? 0 : Object.keys(v).length;
  if (typeof v === "number" && Number.isInteger(v)) return 8;
  if (typeof v === "bigint") return Math.max(8, Math.ceil((v < 0n ? -v : v).toString(16).length / 2));
  return 0;
}

/** `item[property]` as Liquid filters do it; TypeError where Ruby raises one. */
export function lookup(item: unknown, property: unknown): unknown {
  item = plain(item);
  if (isHash(item)) {
    // A Hash with a storing default block (site.tags, site.categories) grows the missing key.
    const makeDefault = hooksOf(item)?.defaultValue;
    if (makeDefault) {
      const has = hasRubyKeys(item) ? hashFind(item, property) !== undefined : typeof property === "string" && Object.hasOwn(item, property);
      if (!has) return makeDefault.call(item, property);
    }
    if (hasRubyKeys(item)) {
      const k = hashFind(item, property);
      return k === undefined ? undefined : item[k];
    }
    if (typeof property !== "string") return undefined;
    return item[property];
  }
  if (typeof item === "string") return typeof property === "string" ? stringIndex(item, property) : null;
  if (item === null || item === undefined) return null;
  // A Float has no `[]`; an Integer's is its bits, which a String index cannot be.
  if (item instanceof RubyFloat || (typeof item === "number" && !Number.isInteger(item))) return null;
  if (Array.isArray(item) || typeof item === "number") {
    throw new TypeError(`no implicit conversion of ${rubyClass(property)} into Integer`);
  }
  if (item instanceof Drop) return (item as any)[String(property)];
  return null;
}

/** What rubyIndex returns for a value without `[]` (Ruby raises NoMethodError). */
export const NO_INDEX: unique symbol = Symbol("no []");

/**
 * Ruby's `item[property]` for any property, as Liquid 5.4's map, compact, uniq and sort_natural
 * call it (Jekyll's own filters stringify the property first and use lookup()). Integer: its bit
 * (two's complement); String: the character at an integer index or the substring when present;
 * Array: the element; a Float index is truncated. NO_INDEX for nil, true, false, a Float, a Time
 * or Date (no `[]` in Ruby); a TypeError where Ruby raises one ("no implicit conversion of …").
 */
export function rubyIndex(item: unknown, property: unknown): unknown {
  item = plain(item);
  if (!hasIndex(item)) return NO_INDEX;
  if (typeof item === "string" && typeof property === "string") return stringIndex(item, property);
  if (typeof item === "string" || Array.isArray(item) || typeof item === "number" || typeof item === "bigint") {
    const p = plain(property);
    if (p instanceof RubyRange) return rangeIndex(item, p);
    const index = typeof p === "number" || typeof p === "bigint" ? p : p instanceof RubyFloat ? Math.trunc(p.value) : undefined;
    if (index === undefined) {
      // Ruby words nil differently from the other classes here ("from nil to integer").
      throw new TypeError(p === null || p === undefined ? "no implicit conversion from nil to integer" : `no implicit conversion of ${rubyClass(p)} into Integer`);
    }
    if (typeof item === "number" || typeof item === "bigint") {
      const i = typeof index === "bigint" ? index : BigInt(Math.trunc(Number(index)));
      if (i < 0n) return 0;
      return Number((BigInt(item) >> i) & 1n);
    }
    const seq = typeof item === "string" ? [...item] : item;
    const n = typeof index === "bigint" ? checkLong(index) : Math.trunc(index);
    const at = n < 0 ? seq.length + n : n;
    return at < 0 || at >= seq.length ? null : seq[at];
  }
  return lookup(item, property);
}

/**
 * `item[range]`: a String's or an Array's slice (ends from the back when negative; nil when the
 * start is past the end), an Integer's bits i..j (shifted right by i, or left for a negative i,
 * and masked to j - i + 1 bits unless j < i).
 */
function rangeIndex(item: string | unknown[] | number | bigint, range: RubyRange): unknown {
  const i = Number(range.first);
  const j = Number(range.last);
  if (typeof item === "number" || typeof item === "bigint") {
    const n = BigInt(item);
    const shifted = i >= 0 ? n >> BigInt(i) : n << BigInt(-i);
    return rubyInteger(j < i ? shifted : shifted & ((1n << BigInt(j - i + 1)) - 1n));
  }
  const seq = typeof item === "string" ? [...item] : item;
  const start = i < 0 ? seq.length + i : i;
  if (start < 0 || start > seq.length) return null;
  const end = j < 0 ? seq.length + j : j;
  const part = seq.slice(start, Math.max(start, end + 1));
  return typeof item === "string" ? (part as string[]).join("") : part;
}

/** `respond_to?(:[])`: nil, true, false, a Float, a Time, a Date and a Range have no `[]`. */
export function hasIndex(item: unknown): boolean {
  item = plain(item);
  if (item === null || item === undefined || typeof item === "boolean" || isFloat(item)) return false;
  const cls = rubyClass(item);
  return cls !== "Time" && cls !== "Date" && cls !== "Range";
}

/** String#gsub with a plain string: an empty pattern matches before every character and at the end. */

function propertyError(property: unknown): LiquidArgumentError {
  return new LiquidArgumentError(`cannot select the property '${toS(property)}'`);
}

/** rubyIndex, with Ruby's TypeError turned into Liquid's "cannot select the property" error. */
function rubyIndexOrPropertyError(item: unknown, property: unknown): unknown {
  try {
    return rubyIndex(item, property);
  } catch (e) {
    if (e instanceof TypeError) throw propertyError(property);
    throw e;
  }
}

function charSlice(s: string, offset: number, length: number): string | null {
  const chars = [...s];
  const start = offset < 0 ? chars.length + offset : offset;
  if (start < 0 || start > chars.length || length < 0) return null;
  return chars.slice(start, start + length).join("");
}

/** A key that tells values apart the way Ruby's Hash/uniq does (1 and 1.0 differ). */
export function rubyKey(v: unknown): string {
  return `${rubyClass(v)}:${inspect(plain(v))}`;
}

function number(fn: () => number | bigint | RubyFloat): number | bigint | RubyFloat {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ZeroDivision) throw new LiquidArgumentError(e.message);
    throw e;
  }
}

/** `zone`: the site's timezone (see inputItems). */
export function standardFilters(zone?: string): FilterTable {
  return {
    size: (input) => rubySize(input),
    downcase: (input) => rubyDowncase(toS(input)),
    upcase: (input) => toS(input).toUpperCase(),
    capitalize: (input) => capitalize(toS(input)),
    escape: (input) => (input === null || input === undefined ? null : escapeHtml(toS(input))),
    h: (input) => (input === null || input === undefined ? null : escapeHtml(toS(input))),
    escape_once: (input) => toS(input).replace(/["><']|&(?!([a-zA-Z]+|(#\d+));)/g, (c) => escapeHtml(c)),
    url_encode: (input) => (input === null || input === undefined ? null : cgiEscape(toS(input))),
    // Liquid 5.4 raises Liquid::ArgumentError where the decoded bytes are no UTF-8 (`%E2%82`).
    url_decode: (input) => {
      if (input === null || input === undefined) return null;
      const decoded = cgiUnescapeValid(toS(input));
      if (decoded === null) {
        throw Object.assign(new LiquidArgumentError("invalid byte sequence in UTF-8"), {
          hint: "url_decode turned %-escapes into bytes that are no UTF-8 (a character cut short, as %E2%82, or a lone %FF); Jekyll stops here too. Fix the escapes in the text, or do not url_decode it.",
        });
      }
      return decoded;
    },
    base64_encode: (input) => Buffer.from(toS(input), "utf8").toString("base64"),
    base64_decode: (input) => {
      const s = toS(input);
      if (!strictBase64(s)) throw new LiquidArgumentError("invalid base64 provided to base64_decode");
      return Buffer.from(s, "base64").toString("utf8");
    },
    base64_url_safe_encode: (input) => Buffer.from(toS(input), "utf8").toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
    // Base64.urlsafe_decode64: `-_` for `+/`, padded to a multiple of 4 when it has no `=`, then
    // strict_decode64 (so "YWJ" fails: its last character has bits left over).
    base64_url_safe_decode: (input) => {
      let s = toS(input).replace(/-/g, "+").replace(/_/g, "/");
      if (!s.endsWith("=") && s.length % 4 !== 0) s = s.padEnd((s.length + 3) & ~3, "=");
      if (!strictBase64(s)) throw new LiquidArgumentError("invalid base64 provided to base64_url_safe_decode");
      return Buffer.from(s, "base64").toString("utf8");
    },
    slice: (input, offset, length) => {
      const off = toLong(offset);
      // `length ? to_integer(length) : 1`: false is no length either.
      const len = length === undefined || length === null || plain(length) === false ? 1 : toLong(length);
      input = plain(input);
      // `is_a?(Array)`: a Range is sliced as its to_s ("1..3").
      if (Array.isArray(input) && !(input instanceof RubyRange)) {
        const start = off < 0 ? input.length + off : off;
        if (start < 0 || start > input.length || len < 0) return [];
        return input.slice(start, start + len);
      }
      return charSlice(toS(input), off, len) ?? "";
    },
    truncate: (input, length = 50, ellipsis = "...") => {
      if (input === null || input === undefined) return null;
      const chars = [...toS(input)];
      const len = toInteger(length);
      const tail = toS(ellipsis);
      const keep = Math.max(len - [...tail].length, 0);
      return chars.length > len ? chars.slice(0, keep).join("") + tail : chars.join("");
    },
    truncatewords: (input, words = 15, ellipsis = "...") => {
      if (input === null || input === undefined) return null;
      const s = toS(input);
      const w = toRubyInteger(words);
      // String#split's limit is a C int: Liquid words the RangeError of a larger count itself.
      if (w >= 2147483647) throw new LiquidArgumentError(`integer ${w} too big for truncatewords`);
      let n = Number(w);
      if (n <= 0) n = 1;
      const list = awkSplit(s, n + 1);
      if (list.length <= n) return s;
      list.pop();
      return list.join(" ") + toS(ellipsis);
    },
    split: (input, pattern) => {
      const s = toS(input);
      const sep = toS(pattern);
      reserveSplit(s.length, () => splitPieces(s, sep));
      return rubySplit(s, sep);
    },
    strip: (input) => rubyStrip(toS(input)),
    lstrip: (input) => rubyLstrip(toS(input)),
    rstrip: (input) => rubyRstrip(toS(input)),
    strip_html: (input) => toS(input)
      .replace(/<script[\s\S]*?<\/script>|<!--[\s\S]*?-->|<style[\s\S]*?<\/style>/g, "")
      .replace(/<[\s\S]*?>/g, ""),
    strip_newlines: (input) => toS(input).replace(/\r?\n/g, ""),
    newline_to_br: (input) => toS(input).replace(/\r?\n/g, "<br />\n"),
    // InputIterator#join: each element's to_liquid (a Page's Hash, not its content).
    join: (input, glue = " ") => joinArray(inputItems(input, zone).map(asEvaluated), toS(glue)),
    sort_natural: (input, property) => {
      const items = inputItems(input, zone);
      if (!items.length) return [];
      const cmp = (a: unknown, b: unknown) => {
        if (a !== null && a !== undefined && b !== null && b !== undefined) {
          const x = toS(a).replace(/[A-Z]/g, (c) => c.toLowerCase());
          const y = toS(b).replace(/[A-Z]/g, (c) => c.toLowerCase());
          return compareStrings(x, y);
        }
        return a === null || a === undefined ? 1 : -1;
      };
      if (property === null || property === undefined) return rubySort(items, cmp).map(asEvaluated);
      // `ary.all? { |el| el.respond_to?(:[]) }` is asked before any item is indexed; else nil.
      if (items.some((item) => !hasIndex(item))) return null;
      // Array#sort compares nothing in an array of one: its property is never read.
      if (items.length < 2) return items.map(asEvaluated);
      const keys = items.map((item) => rubyIndexOrPropertyError(item, property));
      const order = rubySort(items.map((_, i) => i), (a, b) => cmp(keys[a], keys[b]));
      return order.map((i) => asEvaluated(items[i]));
    },
    uniq: (input, property) => {
      const items = inputItems(input, zone);
      // Array#uniq returns a copy of an array of one without calling its block.
      if (items.length < 2) return items.map(asEvaluated);
      const seen = new Set<string>();
      const out: unknown[] = [];
      for (const item of items) {
        const value = property === null || property === undefined ? item : rubyIndexOrPropertyError(item, property);
        // An item without `[]` (nil, a Float…) makes Liquid's uniq return nil.
        if (value === NO_INDEX) return null;
        const key = rubyKey(value);
        if (!seen.has(key)) {
          seen.add(key);
          out.push(asEvaluated(item));
        }
      }
      return out;
    },
    // InputIterator#each yields each element's to_liquid: the arrays Liquid's own filters return
    // hold a document's drop, not the Document (asEvaluated; see RubyObjectHooks.rawInArrays).
    reverse: (input) => inputItems(input, zone).map(asEvaluated).reverse(),
    map: (input, property) => inputItems(input, zone).map((item) => {
      if (property === "to_liquid") return asEvaluated(item);
      // Liquid's map asks `respond_to?(:[])` first: an item without `[]` maps to nil.
      const value = rubyIndexOrPropertyError(item, property);
      return value === NO_INDEX ? null : asEvaluated(value);
    }),
    compact: (input, property) => {
      const items = inputItems(input, zone);
      if (property === null || property === undefined) return items.filter((item) => item !== null && item !== undefined).map(asEvaluated);
      const out: unknown[] = [];
      for (const item of items) {
        const value = rubyIndexOrPropertyError(item, property);
        // Liquid rescues the NoMethodError of an item without `[]` by returning nil from compact.
        if (value === NO_INDEX) return null;
        if (value !== null && value !== undefined) out.push(asEvaluated(item));
      }
      return out;
    },
    // gsub and sub read backslash sequences in the replacement (ruby/sub-replacement.ts);
    // replace_last sets the text in place, as it is.
    replace: (input, search, replacement = "") => rubyGsub(toS(input), toS(search), toS(replacement)),
    replace_first: (input, search, replacement = "") => rubySub(toS(input), toS(search), toS(replacement)),
    replace_last: (input, search, replacement) => {
      const s = toS(input);
      const i = s.lastIndexOf(toS(search));
      return i < 0 ? s : s.slice(0, i) + toS(replacement) + s.slice(i + toS(search).length);
    },
    remove: (input, search) => rubyGsub(toS(input), toS(search), ""),
    remove_first: (input, search) => {
      const s = toS(input);
      const i = s.indexOf(toS(search));
      return i < 0 ? s : s.slice(0, i) + s.slice(i + toS(search).length);
    },
    remove_last: (input, search) => {
      const s = toS(input);
      const i = s.lastIndexOf(toS(search));
      return i < 0 ? s : s.slice(0, i) + s.slice(i + toS(search).length);
    },
    append: (input, s) => toS(input) + toS(s),
    prepend: (input, s) => toS(s) + toS(input),
    concat: (input, array) => {
      array = plain(array);
      // `respond_to?(:to_ary)`: a Range has none.
      if (!Array.isArray(array) || array instanceof RubyRange) throw new LiquidArgumentError("concat filter requires an array argument");
      return [...inputItems(input, zone).map(asEvaluated), ...array];
    },
    first: (input) => {
      input = plain(input);
      // Range#first and #last are its ends, also of a backward range (`(5..1) | first` is 5).
      if (input instanceof RubyBigRange || input instanceof RubyRange) return input.first;
      if (Array.isArray(input)) return input[0];
      if (isOpaqueDrop(input)) return null;
      // Enumerable#first stops at the first pair Drop#each yields: no other value is read.
      if (isKeyedDrop(input)) {
        const k = Object.keys(input)[0];
        return k === undefined ? null : [rubyKeyOf(input, k), (input as Record<string, unknown>)[k]];
      }
      if (isHash(input)) return hashEntries(input)[0] ?? null;
      return null;
    },
    last: (input) => {
      input = plain(input);
      if (input instanceof RubyBigRange || input instanceof RubyRange) return input.last;
      if (Array.isArray(input)) return input[input.length - 1];
      return null;
    },
    abs: (input) => abs(input),
    plus: (input, operand) => number(() => arithmetic(input, operand, "+")),
    minus: (input, operand) => number(() => arithmetic(input, operand, "-")),
    times: (input, operand) => number(() => arithmetic(input, operand, "*")),
    divided_by: (input, operand) => number(() => arithmetic(input, operand, "/")),
    modulo: (input, operand) => number(() => arithmetic(input, operand, "%")),
    round: (input, digits = 0) => round(input, digits),
    ceil: (input) => ceilFloor(input, true),
    floor: (input) => ceilFloor(input, false),
    at_least: (input, n) => clamp(input, n, true),
    at_most: (input, n) => clamp(input, n, false),
    default: (input, fallback = "", options = {}) => {
      // Ruby's `default_value = ''` applies only when no argument is written: an argument that
      // names nothing (`| default: site.github.url` on a site without it) arrives as nil, and so
      // is the result, which `{% if %}` then treats as false (AcadHomepage writes no canonical
      // link so). `allow_false: true` arrives in the keyword arguments' Hash.
      const allowFalse = isHash(options) && truthy(options.allow_false);
      const v = plain(input);
      const missing = allowFalse ? v === null || v === undefined : !truthy(v);
      // `respond_to?(:empty?) && empty?`: a Range has no empty? (`(3..1) | default: 'x'` is 3..1).
      const empty = typeof v === "string" || (Array.isArray(v) && !(v instanceof RubyRange)) ? v.length === 0 : isHash(v) ? Object.keys(v).length === 0 : false;
      return missing || empty ? fallback : input;
    },
  };
}


/** How many parts rubySplit(s, sep) makes at most, counted without making them (budget.ts). */
function splitPieces(s: string, sep: string): number {
  let n = 0;
  if (sep === "") {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }
  if (sep === " ") {
    // awk-style: the runs of non-space characters (as awkSplit takes them).
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      const space = RUBY_SPACE.includes(s[i]!);
      if (!space && !inWord) n++;
      inWord = !space;
    }
    return n;
  }
  for (let at = s.indexOf(sep); at !== -1; at = s.indexOf(sep, at + sep.length)) n++;
  return n + 1;
}
