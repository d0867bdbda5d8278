// Ruby's view of the values a Jekyll template sees: how they print (`to_s`, `inspect`, what
// `{{ }}` writes), how they compare (`==`, `<=>`), and how `jsonify` serialises them.
//
// JavaScript has one number type; Ruby has Integer and Float, and prints them differently
// (`3` vs `3.0`). A JS number that is not an integer is unambiguously a Ruby Float; an integral
// Float (`3.0` in YAML or a template, or `2.0 | minus: 2`) is carried as a RubyFloat so it still
// prints `3.0`. Everything else that is integral is an Integer.
// Loaded on first use in the bundle (scripts/bundle.mjs): reading a site's YAML (the configuration
// of every build) goes through this module, and liquidjs's initialisation, with node:stream and
// node:crypto that it loads, was a tenth of an empty site's start-up (bench/PROFILE.md, "Start-up").
import * as liquidjs from "liquidjs"; // bundle: lazy
import { JekyllTime } from "./time.js";
import { lazyRegExp } from "../lazy-regexp.js";

let floatIsDrop = false;

/**
 * A Ruby Float. A liquidjs Drop, so liquidjs unwraps it (valueOf) wherever it needs a number: its
 * prototype is put under Drop's when the first one is made, rather than by `extends`, which would
 * load liquidjs with this module. No instance exists before, so none is ever seen without it.
 */
export class RubyFloat {
  constructor(readonly value: number) {
    if (!floatIsDrop) {
      Object.setPrototypeOf(RubyFloat.prototype, liquidjs.Drop.prototype);
      floatIsDrop = true;
    }
  }
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    return formatFloat(this.value);
  }
  toJSON(): number {
    return this.value;
  }
}

/**
 * A Ruby Range of Integers (`(1..3)`), as its elements: filters and loops use it as the Array
 * Ruby would make of it, while it prints, inspects and serialises as the Range (`1..3`).
 */
export class RubyRange extends Array<number | bigint> {
  static override get [Symbol.species]() {
    return Array;
  }
  /**
   * Whoever makes one from template input counts its length against the render's bounds first.
   * Ends past 2^53 are bigints, and so are the Integers between them (`(9007199254740990..9007199254740993)`).
   */
  constructor(readonly first: number | bigint, readonly last: number | bigint) {
    super();
    if (typeof first === "number" && typeof last === "number") for (let i = first; i <= last; i++) this.push(i);
    else for (let i = BigInt(first); i <= BigInt(last); i++) this.push(rubyInteger(i));
  }
  rubyToS(): string {
    return `${this.first}..${this.last}`;
  }
}

/**
 * A Range longer than a render may loop over (budget.ts): Ruby's Range is lazy, so `{{ r }}`,
 * `first`, `last`, `size`, `inspect`, `jsonify` and `contains` work on `(1..9007199254740993)` in
 * Jekyll without making its items; only what walks the items (a `for`, `join`, `map`…) would, and
 * that is refused here (Jekyll runs out of memory or never ends). It holds no items.
 */
export class RubyBigRange {
  constructor(readonly first: number | bigint, readonly last: number | bigint) {}
  /** Range#size: the count of Integers, 0 for a backward range. */
  get size(): number | bigint {
    const n = BigInt(this.last) - BigInt(this.first) + 1n;
    return n > 0n ? rubyInteger(n) : 0;
  }
  /** Range#include? of a number: between the ends (cover); false for anything else. */
  includes(v: unknown): boolean {
    if (!isNumeric(v)) return false;
    const x = typeof v === "bigint" ? v : Number(v);
    return x >= this.first && x <= this.last;
  }
  rubyToS(): string {
    return `${this.first}..${this.last}`;
  }
}

/**
 * A Ruby Symbol. No value read from a site is one (Jekyll's YAML, JSON and Liquid never make
 * Symbols); kramdown makes them, in place, of the keys of some of the site's `kramdown:` options
 * when it reads them (see kramdownOptionsAsValidated in render/markdown/options.ts), and Liquid
 * then shows them: `{{ sym }}` writes the name, `inspect` `:name` (`:"with-dash"`), jsonify the
 * name as a string; a Symbol equals only the same Symbol (`:a == "a"` is false), so a String key
 * does not find a Symbol key (`opts.default_lang` is nil once kramdown made it `:default_lang`).
 */
export class RubySymbol implements RubyPrintable {
  constructor(readonly symbolName: string) {}
  rubyToS(): string {
    return this.symbolName;
  }
  rubyInspect(): string {
    return inspectSymbol(this.symbolName);
  }
}

// Symbol#inspect writes `:name` bare when the name reads back as a Symbol literal: an identifier
// (letters, digits, `_`, non-ASCII; not starting with a digit) with an optional `?`, `!` or `=`
// (`:a?`, `:a=`; Ruby refuses `:a?=`), an instance, class or global variable name, or an
// operator method's name; anything else quoted as a String (`:"with-dash"`, `:""`).
const SYMBOL_OPERATORS = new Set(["+", "-", "*", "/", "%", "**", "==", "===", "!=", "=~", "!~", "!", "<", "<=", ">", ">=", "<=>", "<<", ">>", "&", "|", "^", "~", "+@", "-@", "[]", "[]=", "`"]);
const SYMBOL_PLAIN = lazyRegExp(String.raw`^(?:(?:\$|@@?)?[\p{L}_\u0080-\u{10FFFF}][\p{L}\p{N}_\u0080-\u{10FFFF}]*|[\p{L}_\u0080-\u{10FFFF}][\p{L}\p{N}_\u0080-\u{10FFFF}]*[?!=])$`, 'u');

/** Symbol#inspect. */
export function inspectSymbol(name: string): string {
  if (SYMBOL_OPERATORS.has(name) || SYMBOL_PLAIN().test(name)) return `:${name}`;
  return `:${inspectString(name)}`;
}

/** Values that print themselves the Ruby way (drops standing in for Ruby objects). */
export interface RubyPrintable {
  rubyToS(): string;
  /** Its #inspect where that is not its to_s. */
  rubyInspect?(): string;
}

function isRubyPrintable(v: unknown): v is RubyPrintable {
  return typeof v === "object" && v !== null && typeof (v as RubyPrintable).rubyToS === "function";
}

export function isFloat(v: unknown): boolean {
  return v instanceof RubyFloat || (typeof v === "number" && !Number.isInteger(v));
}

export function isInteger(v: unknown): v is number | bigint {
  return (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
}

export function isNumeric(v: unknown): boolean {
  return typeof v === "number" || typeof v === "bigint" || v instanceof RubyFloat;
}

/**
 * Ruby Integers beyond JavaScript's exact range (Bignums, and Fixnums from 2^53 on): a YAML or
 * Liquid integer literal, or integer arithmetic, that leaves ±(2^53 - 1) gives a `bigint`, and one
 * that comes back into it a plain number again, so each Integer has one form. Reading, printing,
 * inspect, jsonify, ==, <=>, plus/minus/times/divided_by/modulo/abs/at_least/at_most/round/ceil/
 * floor and size take them; where they meet other JavaScript code (a range's ends, dates, string
 * filters) they are Number()ed, losing digits past 2^53.
 */
export function rubyInteger(n: bigint): number | bigint {
  return n >= -MAX_SAFE && n <= MAX_SAFE ? Number(n) : n;
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A JSON.stringify replacer for keys and fingerprints of data that may hold such bigints (JSON.stringify throws on them). */
export function bigintReplacer(_key: string, v: unknown): unknown {
  return typeof v === "bigint" ? `${v}n` : v;
}

/** A numeric Liquid value as the JS primitive that compares exactly (`==`, `<`) with another one. */
function numericValue(v: unknown): number | bigint {
  return typeof v === "bigint" ? v : Number(v);
}

/**
 * How the Ruby object behind one of our drop objects differs from a plain Hash. Document and
 * static file drops are Jekyll::Drops::Drop instances (not Hashes): `jsonify`/`inspect` write
 * them through Drop#hash_for_json / Drop#inspect (pretty JSON), `for` over one yields its keys
 * (Drop#each yields key and value, and Liquid's one-parameter block keeps the key), `{{ }}` is
 * Document#to_s. A page's `page` is a Hash (Convertible#to_liquid) but a page inside an array
 * (`site.pages`, `where` results) is still the Page object, and `inspect` shows that. The drops
 * module stores one shared hooks object per kind under this symbol (non-enumerable).
 */
export const RUBY_OBJECT = Symbol("ruby object hooks");

export interface RubyObjectHooks {
  /**
   * Drop#hash_for_json(state): the key/value pairs to write when the drop is `depth` containers
   * deep in the JSON being generated (Ruby's State#depth); absent for a Hash. `this` is the drop.
   */
  hashForJson?(this: object, depth: number): Record<string, unknown>;
  /** Ruby's `to_s` of the object, when it is not Hash#inspect. */
  toS?(this: object): string;
  /** `inspect` of the underlying Jekyll object, as it shows inside an array (`#<Jekyll::Document …>`). */
  objectInspect?(this: object): string;
  /** The Ruby object's `<=>` with another value (Document#<=>), null where Ruby's gives nil. */
  compare?(this: object, other: unknown): number | null;
  /**
   * The Ruby object is a Liquid::Drop, whose `==` is Object#== (identity; no Drop class defines
   * `==`, and DocumentDrop's `<=>` does not make it Comparable): the Jekyll object it stands for,
   * since Document, Excerpt and StaticFile memoize their to_liquid (`page`, `site.posts[i]` and
   * `page.next` are one drop). Two drops are equal only when these are the same object; a drop is
   * never equal to a Hash or a String.
   */
  identity?(this: object): unknown;
  /**
   * The Jekyll object is not a Drop (Document, Page, StaticFile): the arrays Jekyll gives Liquid
   * (`site.posts`, `site.pages`, `site.tags[t]`, and what its own filters make of them: where,
   * sort, group_by items, slice, first) hold these objects themselves, which equal no Liquid value
   * (Document#== goes through Document#<=>, nil for a drop; Page and StaticFile have Object#==).
   * A variable, or an element Liquid's InputIterator walked (`reverse`, `uniq`, `map`, `concat`'s
   * input, `sort_natural`, `compact`) or `push` added, is the to_liquid drop (asEvaluated).
   */
  rawInArrays?: boolean;
  /**
   * The `to_s` of the Jekyll object itself, where Ruby writes an array element as it is (Liquid's
   * render_obj_to_output and Array#join, no to_liquid): Page#to_s is Convertible#to_s, the page's
   * content as it is now, while its to_liquid is a Hash written in inspect form.
   */
  rawToS?(this: object): string;
  /** The Ruby object is a Drop (SiteDrop, JekyllDrop…), which has no `#size`: the `size` filter gives 0. */
  unsized?: boolean;
  /**
   * A Hash made with a default block that stores (`Hash.new { |h, k| h[k] = [] }`, Site#tags and
   * Site#categories): Ruby's `hash[key]` for a key it does not have adds the key with this value
   * and returns it. Liquid's lookups ask key? first and never get there; filters that index items
   * (`map`, `compact` with a property) do.
   */
  defaultValue?(this: object, key: unknown): unknown;
  /**
   * A Jekyll::Drops::Drop (Enumerable over its keys, no #size) without a hashForJson of its own
   * (SiteDrop): `for` and InputIterator yield its keys. Implied by hashForJson.
   */
  keyed?: boolean;
  /**
   * A Liquid::Drop that is not Enumerable (JekyllDrop): `for` over it runs nothing, `first` is nil,
   * and `inspect` is objectInspect.
   */
  opaque?: boolean;
}

/** Whether `v` is a drop that Ruby cannot enumerate (RubyObjectHooks.opaque). */
export function isOpaqueDrop(v: unknown): boolean {
  return typeof v === "object" && v !== null && hooksOf(v)?.opaque === true;
}

/** Whether Ruby's object behind `v` has no `#size` (a Jekyll Drop rather than a Hash). */
export function isUnsizedDrop(v: object): boolean {
  const h = hooksOf(v);
  return h !== undefined && (h.unsized === true || h.keyed === true || h.hashForJson !== undefined);
}

/** The Ruby-object hooks of one of build-site's drops or hashes, if it has any. */
export function hooksOf(v: object): RubyObjectHooks | undefined {
  return (v as { [RUBY_OBJECT]?: RubyObjectHooks })[RUBY_OBJECT];
}

/** A Jekyll::Drops::Drop (document, static file): Drop#hash_for_json when it is one. */
function dropHash(v: unknown, depth: number): Record<string, unknown> | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const h = hooksOf(v)?.hashForJson;
  return h ? h.call(v, depth) : undefined;
}

/** A Jekyll::Drops::Drop behind `v` (document, excerpt, static file, collection, site): Enumerable over its keys. */
export function isKeyedDrop(v: unknown): boolean {
  if (typeof v !== "object" || v === null) return false;
  const h = hooksOf(v);
  return h !== undefined && (h.keyed === true || h.hashForJson !== undefined);
}

/**
 * What a Jekyll Drop's keys read when Drop#each (`yield key, self[key]`) reads every value and
 * the key names a method Liquid may call (Drop#[] asks invokable? before the data): Enumerable's
 * count/min/max/sort and Drop#to_hash/hash_for_json walk `each` again, without end (Ruby's
 * SystemStackError, "stack level too deep"); fetch, merge and merge! need an argument (key? is
 * Liquid::Drop's own, which invokable? leaves out).
 */
const DROP_EACH_FAILURES = new Map<string, string>([
  ...["count", "min", "max", "sort", "to_hash", "hash_for_json"].map((k) => [k, "stack level too deep"] as [string, string]),
  ["fetch", "wrong number of arguments (given 0, expected 1..2)"],
  ["merge", "wrong number of arguments (given 0, expected 1)"],
  ["merge!", "wrong number of arguments (given 0, expected 1)"],
]);

/**
 * A Jekyll Drop's keys as Drop#each walks them (a `for`, InputIterator's `join`/`map`, `where`,
 * `sort`, `jsonify`): it reads every value, so a front matter or config key named after one of
 * the methods in DROP_EACH_FAILURES fails the walk as it does in Jekyll (up to `upTo` keys).
 */
export function dropEachKeys(v: object, upTo = Infinity): string[] {
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length && i < upTo; i++) {
    const failure = DROP_EACH_FAILURES.get(keys[i]!);
    if (failure !== undefined) throw new Error(failure);
  }
  return keys;
}

/** What Ruby's `each` yields to a one-parameter block: a Drop's keys, a Hash's [key, value] pairs. */
export function eachItems(v: Record<string, unknown>): unknown[] {
  const h = hooksOf(v);
  if (h?.opaque) return [];
  return isKeyedDrop(v) ? dropEachKeys(v) : hashEntries(v);
}

// Psych's mapping keys are whatever scalar the key reads as: `1:` an Integer, `1.5:` a Float,
// `true:`, `~:` (nil), `2024-01-05:` a Date. A JavaScript object's keys are strings, so a YAML
// mapping keeps each key's `to_s` as its property name (what jsonify writes) and, beside it, the
// Ruby key of every property whose key was not a String. Liquid then finds a key as Ruby's
// Hash#[] does, by type: `data[1]` finds the Integer key 1 and `data["1"]` does not, `data[1.5]`
// finds the Float key; a `for` over the hash, `first`, `sort` and `inspect` see the typed keys
// (`{1=>"a", nil=>"b"}`). Hashes without such keys (nearly all) have no entry and cost nothing.
// Two Ruby keys with one to_s (`2020` and `"2020"`, `true` and `"true"`) are two keys in Ruby: a
// hash built at run time (rubyKeyedHash) gives the String its own name and the other key a name
// of its own that no String can have; so does a YAML mapping with both `1:` and `"1":`
// (yieldNameToString).
const RUBY_KEYS = new WeakMap<object, Map<string, unknown>>();

/** While a mapping is built: `jsKey` (the key's to_s) stands for the Ruby key `key`. */
export function noteRubyKey(hash: object, jsKey: string, key: unknown): void {
  let keys = RUBY_KEYS.get(hash);
  if (typeof key === "string") {
    keys?.delete(jsKey);
    return;
  }
  if (!keys) RUBY_KEYS.set(hash, (keys = new Map()));
  keys.set(jsKey, key);
}

// What follows a key's to_s in the property name of a key whose to_s another key already holds:
// no String read from a site has it.
const SHADOWED = "\u0000";

/** The Ruby identity of a hash key (Hash#[] compares keys with eql?: 1, 1.0 and "1" are three keys). */
export function rubyKeyIdentity(key: unknown): string {
  key = plain(key);
  if (key === undefined || key === null) return "nil";
  if (typeof key === "string") return `s${key}`;
  if (isFloat(key)) return `f${Number(key)}`;
  if (typeof key === "number" || typeof key === "bigint") return `i${key}`;
  if (typeof key === "boolean") return `b${key}`;
  if (key instanceof JekyllTime) return `t${key.dateOnly ? "d" : ""}${key.epochMs}`;
  if (key instanceof RubySymbol) return `y${key.symbolName}`;
  return `o${inspect(key)}`;
}

/**
 * A Ruby Hash built at run time from [key, value] pairs, keys of any class, in insertion order
 * (a key seen again replaces its value, as Hash#[]= does): what Site#post_attr_hash makes of
 * `tags: [2019, true]` (Integer and boolean keys) or of `categories: [blog, 2020]` (Jekyll's
 * populate_categories unions the raw list with its to_s'd copy, so both 2020 and "2020" are keys).
 * Returns the object and its property names in order (see withInsertionOrder).
 */
export function rubyKeyedHash(pairs: Iterable<readonly [unknown, unknown]>): { hash: Record<string, unknown>; names: string[] } {
  const byId = new Map<string, [unknown, unknown]>();
  for (const [k, v] of pairs) {
    const id = rubyKeyIdentity(k);
    const seen = byId.get(id);
    if (seen) seen[1] = v;
    else byId.set(id, [plain(k) ?? null, v]);
  }
  // The String keys first, so that each keeps its own text as its name (nameRubyKey then names
  // a key of another class with the same to_s apart).
  const hash: Record<string, unknown> = {};
  for (const [k, v] of byId.values()) if (typeof k === "string") hash[k] = v;
  const names: string[] = [];
  for (const [k, v] of byId.values()) {
    if (typeof k === "string") names.push(k);
    else {
      const name = nameRubyKey(hash, k)!;
      hash[name] = v;
      names.push(name);
    }
  }
  return { hash, names };
}

/**
 * The property name a new key `key` of `hash` gets, as rubyKeyedHash names them: a String its own
 * text, another key its to_s, or a name apart when a key already holds that (noted as the Ruby
 * key). undefined for a String whose name a key of another class holds.
 */
export function nameRubyKey(hash: Record<string, unknown>, key: unknown): string | undefined {
  key = plain(key) ?? null;
  if (typeof key === "string") return RUBY_KEYS.get(hash)?.has(key) ? undefined : key;
  let name = toS(key);
  for (let n = 1; Object.prototype.hasOwnProperty.call(hash, name); n++) name = `${toS(key)}${SHADOWED}${n}`;
  noteRubyKey(hash, name, key);
  return name;
}

/**
 * A String key comes whose text names a key of another class (`"1":` after `1:` in a YAML
 * mapping): that key takes a name apart, returned (the caller moves its property there), so that
 * the String key keeps its own text, as rubyKeyedHash names them.
 */
export function yieldNameToString(hash: Record<string, unknown>, name: string): string {
  const keys = RUBY_KEYS.get(hash)!;
  const key = keys.get(name);
  let to = name;
  for (let n = 1; Object.prototype.hasOwnProperty.call(hash, to) || keys.has(to); n++) to = `${name}${SHADOWED}${n}`;
  keys.delete(name);
  keys.set(to, key);
  return to;
}

/** `to` (a proxy standing for `from`) has the same Ruby keys. */
export function shareRubyKeys(from: object, to: object): void {
  const keys = RUBY_KEYS.get(from);
  if (keys) RUBY_KEYS.set(to, keys);
}

/** Whether `hash` has keys that are not Strings in Ruby (then look keys up with hashFind). */
export function hasRubyKeys(hash: object): boolean {
  return RUBY_KEYS.has(hash);
}

/** The Ruby key behind property `jsKey` of `hash`. */
export function rubyKeyOf(hash: object, jsKey: string): unknown {
  const keys = RUBY_KEYS.get(hash);
  return keys !== undefined && keys.has(jsKey) ? keys.get(jsKey) : jsKey;
}

/** Hash#each's pairs, with the Ruby keys. */
export function hashEntries(hash: Record<string, unknown>): [unknown, unknown][] {
  const keys = RUBY_KEYS.get(hash);
  const entries = Object.entries(hash);
  if (keys) for (const e of entries) if (keys.has(e[0])) e[0] = keys.get(e[0]) as string;
  return entries;
}

/** Kernel#Array: nil is [], an Array itself, a Hash its [key, value] pairs, anything else [it]. */
export function kernelArray(v: unknown): unknown[] {
  v = plain(v);
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (isHash(v)) return hashEntries(v);
  return [v];
}

/**
 * The property that Ruby's `hash[key]` (`key?`) finds, by `eql?`: a String finds a String key, an
 * Integer an Integer key (not 1.0), a Float a Float key, nil, true and false themselves, a Date or
 * Time an equal one. undefined when there is none. Only for hashes with hasRubyKeys: elsewhere
 * the callers keep their own reading (a string key; JSON's keys are all strings).
 */
export function hashFind(hash: Record<string, unknown>, key: unknown): string | undefined {
  const keys = RUBY_KEYS.get(hash);
  key = plain(key);
  if (key === undefined) key = null;
  if (typeof key === "string") return Object.prototype.hasOwnProperty.call(hash, key) && !keys?.has(key) ? key : undefined;
  if (!keys) return undefined;
  const jsKey = toS(key);
  const k = keys.get(jsKey);
  if (keys.has(jsKey) && isFloat(k) === isFloat(key) && rubyEquals(k, key)) return jsKey;
  // A key whose to_s a String key of the same hash holds has a name of its own (rubyKeyedHash).
  for (const [name, other] of keys) {
    if (name.startsWith(jsKey + SHADOWED) && isFloat(other) === isFloat(key) && rubyEquals(other, key)) return name;
  }
  return undefined;
}

/** `v instanceof Drop` (liquidjs's): asked of objects only, so that reading plain values does not load liquidjs. */
function isDrop(v: unknown): v is liquidjs.Drop {
  return typeof v === "object" && v !== null && v instanceof liquidjs.Drop;
}

export function isHash(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isDrop(v) &&
    !(v instanceof JekyllTime) && !(v instanceof RubyFloat) && !(v instanceof RubyBigRange) && !(v instanceof RubySymbol);
}

/** A liquidjs drop other than ours (EmptyDrop, forloop…) becomes its plain value; ours stay. */
export function plain(v: unknown): unknown {
  if (v instanceof RubyFloat) return v;
  if (isDrop(v) && !isRubyPrintable(v)) return liquidjs.toValue(v);
  return v;
}

/** Ruby's Float#to_s: shortest round-trip digits, `.0` on integral values, exponent form below 1e-4 and from 1e15. */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expStr] = x.toExponential().split("e");
  const exp = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let out: string;
  if (exp >= -4 && exp < 15) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      out = `${intPart}.${frac || "0"}`;
    } else {
      out = `0.${"0".repeat(-exp - 1)}${digits}`;
    }
  } else {
    const frac = digits.slice(1) || "0";
    const e = Math.abs(exp);
    out = `${digits[0]}.${frac}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  return neg ? `-${out}` : out;
}

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return Object.is(v, -0) ? "0" : v.toFixed(0);
  return formatFloat(v);
}

/** Ruby's `to_s`: what `append`, `capture` of a value, `join` of a nested value… produce. Arrays and hashes give their `inspect`. */
export function toS(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (v instanceof RubyRange) return v.rubyToS();
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof RubyFloat) return formatFloat(v.value);
  if (v instanceof JekyllTime) return v.toString();
  if (isRubyPrintable(v)) return v.rubyToS();
  if (typeof v === "object") {
    const h = hooksOf(v);
    if (h?.toS) return h.toS.call(v);
  }
  if (Array.isArray(v) || isHash(v)) return inspect(v);
  if (isDrop(v)) return toS(liquidjs.toValue(v));
  return String(v);
}

/** What `{{ value }}` writes (Liquid's Variable#render): an array is joined (flattened, nil as ""), anything else `to_s`. */
export function outputS(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof RubyRange) return v.rubyToS();
  if (Array.isArray(v)) return joinArray(v, "");
  return toS(v);
}

/**
 * Ruby's Array#join: flattens nested arrays, `to_s` of each element; an element that is a Jekyll
 * object itself (isRawElement) is written by its own to_s (RubyObjectHooks.rawToS), not its drop's.
 */
export function joinArray(arr: unknown[], glue: string): string {
  const parts: string[] = [];
  const walk = (a: unknown[]) => {
    for (const x of a) {
      // A Range inside is no Array (no to_ary): its to_s, "1..3".
      if (Array.isArray(x) && !(x instanceof RubyRange)) walk(x);
      else parts.push(isRawElement(x) && hooksOf(x as object)?.rawToS ? hooksOf(x as object)!.rawToS!.call(x as object) : toS(x));
    }
  };
  walk(arr);
  return parts.join(glue);
}

/** Array#flatten: nested arrays' items in order; a Range inside stays one item (it is no Array in Ruby). */
export function rubyFlatten(a: unknown[]): unknown[] {
  let nested = false;
  for (const x of a) {
    if (Array.isArray(x)) {
      nested = true;
      break;
    }
  }
  if (!nested) return a.slice();
  const out: unknown[] = [];
  const walk = (items: unknown[]) => {
    for (const x of items) {
      if (Array.isArray(x) && !(x instanceof RubyRange)) walk(x);
      else out.push(x);
    }
  };
  walk(a);
  return out;
}

// Characters Ruby 3.1 (Onigmo) does not count as printable in a UTF-8 string, measured over every
// code point: the controls but U+0085, the line and paragraph separators, unassigned code points
// (Ruby's Unicode is 13.0; JavaScript's \p{Cn} is its own, newer version's).
const NOT_PRINTABLE = lazyRegExp(String.raw`^[\0-\x84\x86-\x9f\u2028\u2029\p{Cn}]$`, 'u');

/**
 * Ruby's String#inspect of a UTF-8 string: printable characters kept, the usual escapes, any other
 * character as `\uXXXX` (`\u{XXXXX}` beyond the BMP), as rb_str_buf_cat_escaped_char writes it.
 */
export function inspectString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    let ch = s[i]!;
    const c = s.codePointAt(i)!;
    if (c > 0xffff) { ch = s.slice(i, i + 2); i++; }
    switch (ch) {
      case '"': out += '\\"'; break;
      case "\\": out += "\\\\"; break;
      case "\n": out += "\\n"; break;
      case "\t": out += "\\t"; break;
      case "\r": out += "\\r"; break;
      case "\f": out += "\\f"; break;
      case "\v": out += "\\v"; break;
      case "\b": out += "\\b"; break;
      case "\x07": out += "\\a"; break;
      case "\x1b": out += "\\e"; break;
      case "#": {
        const next = s[i + 1];
        out += next === "{" || next === "$" || next === "@" ? "\\#" : "#";
        break;
      }
      default:
        if ((c < 0x20 || c >= 0x7f) && NOT_PRINTABLE().test(ch)) {
          const hex = c.toString(16).toUpperCase();
          out += c > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, "0")}`;
        } else out += ch;
    }
  }
  return out + '"';
}

/** Julian Day Number of a proleptic Gregorian date (what Date#inspect shows). */
function julianDay(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}

/** Time#inspect: to_s with the fraction of a second after the seconds when there is one (`21:59:43.1 -0500`). */
function timeInspect(t: JekyllTime): string {
  const ms = ((t.epochMs % 1000) + 1000) % 1000;
  const s = t.toString();
  if (ms === 0 && t.subMs === "") return s;
  const fraction = (String(ms).padStart(3, "0") + t.subMs).replace(/0+$/, "");
  // A fraction finer than nanoseconds is a Rational to Time#inspect: " n/d" after the seconds.
  // (Reduced by Euclid's algorithm on BigInts: bounded to fractions of up to 300 digits, beyond
  // which the decimal digits are printed instead.)
  if (fraction.length > 9 && fraction.length <= 300) {
    let n = BigInt(fraction);
    let d = 10n ** BigInt(fraction.length);
    for (let a = n, b = d; ; ) {
      if (b === 0n) { n /= a; d /= a; break; }
      [a, b] = [b, a % b];
    }
    return s.replace(/(\d\d:\d\d:\d\d)/, `$1 ${n}/${d}`);
  }
  return s.replace(/(\d\d:\d\d:\d\d)/, `$1.${fraction}`);
}

/** Ruby's `inspect`, in Ruby 3.1's format (`{"a"=>1, "b"=>nil}`, `[1, 2]`). */
export function inspect(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "string") return inspectString(v);
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof RubyFloat) return formatFloat(v.value);
  if (v instanceof JekyllTime) {
    if (!v.dateOnly) return timeInspect(v);
    const w = v.wall;
    return `#<Date: ${v.toString()} ((${julianDay(w.year, w.month, w.day)}j,0s,0n),+0s,2299161j)>`;
  }
  if (v instanceof RubyRange) return v.rubyToS();
  if (Array.isArray(v)) return `[${v.map(inspectElement).join(", ")}]`;
  if (isRubyPrintable(v)) return v.rubyInspect ? v.rubyInspect() : v.rubyToS();
  // Drop#inspect is JSON.pretty_generate(to_h); to_h is hash_for_json at depth 0.
  if (dropHash(v, 0) !== undefined) return generateJson(v, 0, true);
  if (isOpaqueDrop(v)) return hooksOf(v as object)!.objectInspect!.call(v);
  if (isHash(v)) {
    return `{${hashEntries(v).map(([k, x]) => `${inspect(k)}=>${inspect(x)}`).join(", ")}}`;
  }
  if (isDrop(v)) return inspect(liquidjs.toValue(v));
  return String(v);
}

/**
 * An array element's `inspect`. Arrays Jekyll hands to Liquid (`site.posts`, `site.pages`,
 * `where`/`sort` results, `site.tags.x`) hold the Document and Page objects themselves, not their
 * drops (Liquid converts an element only when it is looked up), so Array#inspect shows
 * Document#inspect / Page#inspect, unless Liquid made the element its drop (asEvaluated).
 */
function inspectElement(v: unknown): string {
  if (typeof v === "object" && v !== null) {
    const h = hooksOf(v);
    // An element Liquid made its drop (reverse, push… see asEvaluated) shows as the drop does.
    if (h?.objectInspect && (!h.rawInArrays || isRawElement(v))) return h.objectInspect.call(v);
  }
  return inspect(v);
}

/**
 * On a time that stands for another Ruby object (jekyll-last-modified-at's Determinator, read by
 * Liquid as a Time): its own `to_s`, which a drop's JSON (Drop#to_json, whose values are not made
 * Liquid first) writes instead of the time. Hashes and arrays that `jsonify` makes Liquid first
 * (Jekyll's as_liquid) write the time.
 */
export const RAW_JSON_TEXT = Symbol("text inside a drop's JSON");

/** Ruby's `to_json` as `jsonify` writes it: compact, floats in Ruby form (`3.0`), times as their `to_s`. */
export function toJson(v: unknown): string {
  return generateJson(v, 0, false);
}

/**
 * Jekyll's `jsonify` (Filters#jsonify: `as_liquid(input).to_json`). as_liquid walks arrays and
 * hashes, not drops, and recurses on any other value while its to_liquid is not `==` to it: a
 * NaN, which is not == itself, recurses without end, so a NaN anywhere as_liquid looks fails with
 * Ruby's SystemStackError ("stack level too deep") before any JSON is written, even after an
 * Infinity; inside a drop (a post's data among site.posts) the generator's "1003: NaN" comes instead.
 */
export function jsonify(v: unknown): string {
  const walk = (x: unknown, depth: number): void => {
    if (depth > MAX_AS_LIQUID_DEPTH) return;
    if ((typeof x === "number" && Number.isNaN(x)) || (x instanceof RubyFloat && Number.isNaN(x.value))) throw new Error("stack level too deep");
    if (Array.isArray(x)) for (const item of x) walk(item, depth + 1);
    else if (isHash(x) && dropHash(x, 0) === undefined) for (const k of Object.keys(x)) walk(x[k], depth + 1);
  };
  walk(v, 0);
  return toJson(v);
}

/** How deep jsonify looks for a NaN: YAML aliases share values but make no cycles; drops stop the walk. */
const MAX_AS_LIQUID_DEPTH = 10_000;

function indent(depth: number): string {
  return "  ".repeat(depth);
}

/**
 * json 2.6's State#max_nesting, 100 for `to_json` and `JSON.generate`/`pretty_generate` alike: an
 * array or hash inside 100 others raises JSON::NestingError, whose message counts one less
 * (generator.c decrements the depth before it formats it). Jekyll's jsonify of data nested 101
 * deep fails the build with "nesting of 100 is too deep". It is also what bounds this recursion.
 */
const JSON_MAX_NESTING = 100;

function nestingError(): Error {
  return new Error(`nesting of ${JSON_MAX_NESTING} is too deep`);
}

/**
 * Ruby's JSON generator (json 2.6, Ruby 3.1): `depth` is State#depth, the number of arrays and
 * hashes around `v`; a drop's hash_for_json sees it (DocumentDrop collapses its next/previous
 * from depth 2 on, which is what keeps `page | jsonify` finite). `pretty` is pretty_generate's
 * layout: two-space indent, `": "`, and an empty array as `[\n\n<indent>]`, an empty hash as
 * `{\n<indent>}` (the generator writes array_nl after `[` and object_nl before `}` regardless).
 */
function generateJson(v: unknown, depth: number, pretty: boolean, inDrop = false): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  // Ruby's generator refuses them (JSON::GeneratorError); Jekyll's jsonify fails the build. The
  // message starts with the line of json 2.6's generator.c that raises (Ruby's own words:
  // "1000: Infinity not allowed in JSON", "1003: NaN not allowed in JSON").
  if (typeof v === "number" || v instanceof RubyFloat) {
    const x = typeof v === "number" ? v : v.value;
    if (!Number.isFinite(x)) throw new Error(`${Number.isNaN(x) ? 1003 : 1000}: ${formatFloat(x)} not allowed in JSON`);
    return typeof v === "number" ? formatNumber(v) : formatFloat(x);
  }
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof JekyllTime) {
    const raw = inDrop ? (v as { [RAW_JSON_TEXT]?: () => string })[RAW_JSON_TEXT] : undefined;
    return JSON.stringify(raw ? raw.call(v) : v.toString());
  }
  if (v instanceof RubyRange || v instanceof RubyBigRange || v instanceof RubySymbol) return JSON.stringify(v.rubyToS());
  if (Array.isArray(v)) {
    const inner = depth + 1;
    if (inner > JSON_MAX_NESTING) throw nestingError();
    if (!pretty) return `[${v.map((x) => generateJson(x, inner, false, inDrop)).join(",")}]`;
    const items = v.map((x) => indent(inner) + generateJson(x, inner, true, inDrop));
    return `[\n${items.join(",\n")}\n${indent(depth)}]`;
  }
  const fromDrop = dropHash(v, depth);
  const hash = fromDrop ?? (isHash(v) ? v : undefined);
  if (hash) {
    const inner = depth + 1;
    if (inner > JSON_MAX_NESTING) throw nestingError();
    const below = inDrop || fromDrop !== undefined;
    const keys = Object.keys(hash);
    // Ruby's generator writes each key's to_s (the property name, but for a key named apart).
    const typed = hasRubyKeys(hash);
    const name = (k: string) => JSON.stringify(typed ? toS(rubyKeyOf(hash, k)) : k);
    if (!pretty) return `{${keys.map((k) => `${name(k)}:${generateJson(hash[k], inner, false, below)}`).join(",")}}`;
    const pairs = keys.map((k) => `\n${indent(inner)}${name(k)}: ${generateJson(hash[k], inner, true, below)}`);
    return `{${pairs.join(",")}\n${indent(depth)}}`;
  }
  if (isDrop(v)) {
    const value = liquidjs.toValue(v);
    // A drop that is its own to_liquid (Liquid's ForloopDrop, TablerowloopDrop): as_liquid keeps
    // it, and Object#to_json writes its to_s, the class name ("Liquid::ForloopDrop").
    if (value === v) return JSON.stringify(isRubyPrintable(v) ? v.rubyToS() : String(v));
    return generateJson(value, depth, pretty, inDrop);
  }
  return JSON.stringify(String(v));
}

/** Ruby's `==` between Liquid values (1 == 1.0, arrays and hashes by content, times by instant). */
export function rubyEquals(a: unknown, b: unknown): boolean {
  a = plain(a);
  b = plain(b);
  // The common case (`page.layout == "post"`) first.
  if (typeof a === "string" && typeof b === "string") return a === b;
  // Drops compare by identity (RubyObjectHooks.identity), never by their keys: a document's
  // keys lead to its neighbours and back (`tab == tablist.first` over a collection).
  const idA = dropIdentity(a);
  const idB = dropIdentity(b);
  if (idA !== undefined || idB !== undefined) return idA === idB;
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  // Symbol#== is identity: the same name (`:a == "a"` is false).
  if (a instanceof RubySymbol || b instanceof RubySymbol) {
    return a instanceof RubySymbol && b instanceof RubySymbol && a.symbolName === b.symbolName;
  }
  // (`==` between a number and a bigint compares their exact values.)
  if (isNumeric(a) && isNumeric(b)) return numericValue(a) == numericValue(b);
  // Date#== is Comparable's, through Date#<=>, which takes a Numeric (its Julian day); a Numeric's
  // == asks the Date back.
  if (a instanceof JekyllTime && a.dateOnly && isNumeric(b)) return spaceship(a, b) === 0;
  if (b instanceof JekyllTime && b.dateOnly && isNumeric(a)) return spaceship(b, a) === 0;
  if (a instanceof JekyllTime || b instanceof JekyllTime) {
    return a instanceof JekyllTime && b instanceof JekyllTime && a.dateOnly === b.dateOnly && a.epochMs === b.epochMs;
  }
  // A Range equals only a Range with the same ends (Range#==); an Array is never one (no to_ary).
  const rangeA = a instanceof RubyRange || a instanceof RubyBigRange;
  const rangeB = b instanceof RubyRange || b instanceof RubyBigRange;
  if (rangeA || rangeB) {
    return rangeA && rangeB && rubyEquals((a as RubyRange).first, (b as RubyRange).first) && rubyEquals((a as RubyRange).last, (b as RubyRange).last);
  }
  if (Array.isArray(a)) {
    // A Document in one array and a drop in the other are never equal (rawInArrays).
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => isRawElement(x) === isRawElement(b[i]) && rubyEquals(x, b[i]));
  }
  if (isHash(a)) {
    if (!isHash(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && rubyEquals(a[k], b[k]));
  }
  return a === b;
}

const EVALUATED = Symbol("liquid value");
const evaluatedViews = new WeakMap<object, object>();

/**
 * `v` as Liquid holds it once it was looked up (its to_liquid): for a Document, Page or
 * StaticFile object (RubyObjectHooks.rawInArrays), a view that says so; everything else as it is.
 * Only array elements keep the difference (isRawElement); a view behaves as its object otherwise.
 */
export function asEvaluated<T>(v: T): T {
  if (typeof v !== "object" || v === null || !hooksOf(v)?.rawInArrays || (v as { [EVALUATED]?: true })[EVALUATED]) return v;
  let view = evaluatedViews.get(v);
  if (!view) {
    view = new Proxy(v, { get: (target, key, receiver) => (key === EVALUATED ? true : Reflect.get(target, key, receiver)) });
    evaluatedViews.set(v, view);
  }
  return view as T;
}

/** An array element that is a Jekyll Document, Page or StaticFile itself, not its drop (rawInArrays). */
export function isRawElement(v: unknown): boolean {
  return typeof v === "object" && v !== null && hooksOf(v)?.rawInArrays === true && !(v as { [EVALUATED]?: true })[EVALUATED];
}

function dropIdentity(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return undefined;
  const h = hooksOf(v)?.identity;
  return h ? h.call(v) : undefined;
}

/** The message of Ruby's NoMethodError for `method` called on `receiver`: "undefined method `m' for 5:Integer (NoMethodError)". */
export function noMethodMessage(method: string, receiver: unknown): string {
  return `undefined method \`${method}' for ${inspect(receiver)}:${rubyClass(receiver)} (NoMethodError)`;
}

/** Ruby's class name of a value, for error messages ("comparison of Integer with String failed"). */
export function rubyClass(v: unknown): string {
  v = plain(v);
  if (v === null || v === undefined) return "NilClass";
  if (typeof v === "string") return "String";
  if (isFloat(v)) return "Float";
  if (typeof v === "number" || typeof v === "bigint") return "Integer";
  if (v === true) return "TrueClass";
  if (v === false) return "FalseClass";
  if (v instanceof JekyllTime) return v.dateOnly ? "Date" : "Time";
  if (v instanceof RubyRange) return "Range";
  if (v instanceof RubySymbol) return "Symbol";
  if (Array.isArray(v)) return "Array";
  if (isHash(v)) return "Hash";
  return "Object";
}

/**
 * Ruby's rb_cmperr message: the right side is named by its class, unless it is nil, true, false,
 * an Integer or a Float, which are shown as inspect shows them ("comparison of String with 2 failed").
 */
export function comparisonError(a: unknown, b: unknown): Error {
  const r = plain(b);
  // A Bignum (past 2^62) is no special constant: Ruby names its class.
  const fixnum = typeof r === "bigint" && r >= -(2n ** 62n) && r < 2n ** 62n;
  const special = r === null || r === undefined || typeof r === "boolean" || typeof r === "number" || fixnum || isFloat(r);
  return new Error(`comparison of ${rubyClass(a)} with ${special ? inspect(r) : rubyClass(r)} failed`);
}

/** Ruby's `<=>`: -1, 0, 1, or null when the two cannot be compared. */
export function spaceship(a: unknown, b: unknown): number | null {
  a = plain(a);
  b = plain(b);
  if (isNumeric(a) && isNumeric(b)) {
    const x = numericValue(a);
    const y = numericValue(b);
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : null;
  }
  if (typeof a === "string" && typeof b === "string") return compareStrings(a, b);
  // Symbol#<=> compares the names, and takes nothing but a Symbol.
  if (a instanceof RubySymbol) return b instanceof RubySymbol ? compareStrings(a.symbolName, b.symbolName) : null;
  // Date#<=> with a Numeric compares the astronomical Julian day (jd - 1/2): `d < 10` is false.
  // (Integer#<=> does not take a Date: `10 > d` stays a comparison error.)
  if (a instanceof JekyllTime && a.dateOnly && isNumeric(b)) {
    const w = a.wall;
    const ajd = Date.UTC(w.year, w.month - 1, w.day) / 86400000 + 2440588 - 0.5;
    const y = numericValue(b);
    return ajd < y ? -1 : ajd > y ? 1 : ajd == y ? 0 : null;
  }
  if (a instanceof JekyllTime && b instanceof JekyllTime) {
    // A Date and a Time do not compare in Ruby (Date#<=> takes a Date or a Numeric).
    if (a.dateOnly !== b.dateOnly) return null;
    return JekyllTime.compare(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = spaceship(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length === 0 ? 0 : a.length < b.length ? -1 : 1;
  }
  if ((a === null || a === undefined) && (b === null || b === undefined)) return 0;
  if (typeof a === "object" && a !== null) {
    const cmp = hooksOf(a)?.compare;
    if (cmp) return cmp.call(a, b);
  }
  if (a === b) return 0;
  return null;
}

/** Ruby compares strings bytewise (UTF-8), which is code point order. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * Ruby's Array#sort and sort!: Ruby sorts with the C library's qsort_r, which in glibc is a merge
 * sort (split at n/2, the left element first unless the comparison says it is greater). The same
 * algorithm compares the same pairs in the same order: the pair that cannot be compared and raises
 * ArgumentError is Ruby's ("comparison of String with nil failed" for [1, "a", nil]), and a block
 * that is not antisymmetric (sort_natural's nils) orders as in Ruby.
 */
export function rubySort<T>(items: T[], cmp: (a: T, b: T) => number | null = spaceship): T[] {
  const a = [...items];
  const tmp = new Array<T>(a.length);
  const sort = (lo: number, n: number): void => {
    if (n <= 1) return;
    const n1 = n >> 1;
    const mid = lo + n1;
    sort(lo, n1);
    sort(mid, n - n1);
    let i = lo;
    let j = mid;
    let k = 0;
    const end = lo + n;
    while (i < mid && j < end) {
      const c = cmp(a[i], a[j]);
      if (c === null) throw comparisonError(a[i], a[j]);
      tmp[k++] = c <= 0 ? a[i++] : a[j++];
    }
    while (i < mid) tmp[k++] = a[i++];
    // (What is left of the right half is already in place.)
    for (let x = 0; x < k; x++) a[lo + x] = tmp[x];
  };
  sort(0, a.length);
  return a;
}

/** Liquid's truthiness: only nil and false are false. */
export function truthy(v: unknown): boolean {
  v = plain(v);
  return v !== null && v !== undefined && v !== false;
}
