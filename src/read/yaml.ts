// YAML with the semantics of Ruby's Psych (what Jekyll loads `_config.yml`, front matter and
// `_data/*.yml` with). js-yaml's YAML 1.1 schema gets closest; on top of it:
//  - timestamps become JekyllTime, not JS Dates: Psych reads `2025-05-30` as a Date (prints
//    `2025-05-30`), `2025-05-30 14:05:09 +0800` as a Time with that offset, and a time with no offset
//    as that instant in UTC, shown in the local zone (Psych: `Time.at(Time.utc(...).to_i)`); what
//    Psych cannot make a Date or Time of stays a string;
//  - booleans are Psych's set: `y`/`n` stay strings (js-yaml's YAML 1.1 makes them booleans);
//  - an integral float (`3.0`, `1.0e+3`) stays a Ruby Float (RubyFloat), so Liquid prints `1000.0`.
//  - a plain scalar starting with a colon (`:sym`, `meta: :PLATFORM ve :THEME`) stays that string,
//    colon included, as upstream Jekyll 4.3 reads it (SafeYAML, symbols not deserialised). Debian's
//    Jekyll, patched to Psych.safe_load, stops on it instead ("Tried to load unspecified class:
//    Symbol"); a real theme (Chirpy 5.3's tr-TR locale) has one, so here we follow upstream.
import {
  COLLECTION_STYLE_BLOCK, EVENT_DOCUMENT, EVENT_MAPPING, EVENT_POP, EVENT_SCALAR, EVENT_SEQUENCE, SCALAR_STYLE_DOUBLE_QUOTED, SCALAR_STYLE_PLAIN, SCALAR_STYLE_SINGLE_QUOTED,
  YAML11_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, parseEvents, floatYaml11Tag, intYaml11Tag, load as yamlLoad, NOT_RESOLVED, YAMLException, type Schema,
} from "js-yaml";
import { noteKey, orderedKeys, preserveOrder, recordedCount, renameKey } from "../ruby/ordered-hash.js";
import { isNestingBound, YAML_MAX_DEPTH, YAML_PARSER_OPTIONS, yamlEvents } from "./yaml-depth.js";
import { RubyTime } from "../ruby/local-time.js";
import { RubyFloat, hashFind, nameRubyKey, noteRubyKey, rubyKeyOf, toS, yieldNameToString } from "../ruby/values.js";
import { BuildError } from "../errors.js";
import { DEFAULT_LIMITS, raiseHint } from "../config/limits.js";
import { civilToMs, JekyllTime } from "../ruby/time.js";
import { subMillisecondDigits } from "../ruby/time-parse.js";
import { loadFlatYaml, plainScalarResolver, type PlainResolver } from "./yaml-flat.js";
import { emptyImplicitKey } from "./yaml-empty-key.js";
import { anchorNameCuts, insertSpaces, invalidAnchorName, offsetBeforeSpaces, separateAnchorNames } from "./yaml-anchor-names.js";
import { compactMappingValue } from "./yaml-compact-mapping.js";
import { stripFinalBlockBreak } from "./yaml-final-break.js";
import { rootBlockScalar } from "./yaml-root-block.js";
import { repeatedRootProperty, rootProperties } from "./yaml-root-properties.js";
import { separateFlowKeys } from "./yaml-flow-keys.js";
import { blockCollectionAt, libyamlError } from "./yaml-error-words.js";
import { tagWithHash } from "./yaml-tag-chars.js";
import { GENERIC_HINT, libyamlFirstDocument, type FirstDocument } from "./yaml-syntax.js";
import { eventsToYaml } from "./yaml-events-text.js";
import type { LibyamlEvent } from "./libyaml-parser.js";

// Psych's ScalarScanner: a plain scalar is a Date when it is a real calendar day written
// yyyy-m-d (`2024-02-30` stays a string), and a Time when it has a time of day with seconds; a
// time whose fields Time.utc refuses (month 13, hour 25, offset ±24h or more) stays a string too.
const DATE_RE = /^(\d{4})-(1[012]|0\d|\d)-([12]\d|3[01]|0\d|\d)$/;
const TIME_RE = /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(civilToMs(year, month + 1, 1) - 86400000).getUTCDate();
}

/** Psych's ScalarScanner#parse_time, for a plain scalar; undefined where Psych keeps the string. */
export function parseRubyTime(source: string, zone: string | undefined): JekyllTime | undefined {
  if (!TIME_RE.test(source)) return undefined;
  // Psych splits at the first space or T (a tab between date and time leaves no time: it fails).
  const cut = source.search(/[ tT]/);
  if (cut < 0) return undefined;
  const d = /^(-?\d{4})-(\d{1,2})-(\d{1,2})/.exec(source.slice(0, cut))!;
  const t = /(\d+:\d+:\d+)(?:\.(\d*))?\s*(Z|[-+]\d+(:\d\d)?)?/.exec(source.slice(cut + 1));
  if (!t) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = t[1]!.split(":").map(Number) as [number, number, number];
  // Time.utc's checks; a day past the month's end (up to 31) rolls into the next month.
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  if (hour === 24 && (minute > 0 || second > 0)) return undefined;
  // Psych's fraction is a Rational of every digit written: the milliseconds, then the rest.
  const ms = t[2] ? Number(t[2].padEnd(3, "0").slice(0, 3)) : 0;
  const subMs = t[2] && t[2].length > 3 ? subMillisecondDigits(t[2]) : "";
  const utc = civilToMs(year, month, day, hour, minute, second, ms);
  if (t[3] === undefined) return withSubMs(JekyllTime.at(utc, zone), subMs);
  if (t[3] === "Z") return withSubMs(new JekyllTime(utc, 0, false, true), subMs);
  const tz = /^([+-]?\d{1,2}):?(\d{1,2})?$/.exec(t[3]);
  if (!tz) return undefined;
  // Psych's arithmetic: the minutes take the sign of the hours, so "-00:30" is +00:30.
  const hours = Number(tz[1]);
  const minutes = Number(tz[2] ?? 0);
  const offset = hours * 60 + (hours < 0 ? -minutes : minutes);
  if (Math.abs(offset) >= 1440) return undefined;
  // Time.new with an offset: a fixed-offset Time, whose zone name (`%Z`) is empty.
  return withSubMs(new RubyTime(utc - offset * 60000, offset, ""), subMs);
}

function withSubMs<T extends JekyllTime>(t: T, subMs: string): T {
  if (subMs) t.subMs = subMs;
  return t;
}

function timestampTag(zone: string | undefined) {
  return defineScalarTag<JekyllTime>("tag:yaml.org,2002:timestamp", {
    implicit: true,
    implicitFirstChars: ["-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    resolve(source) {
      const d = DATE_RE.exec(source);
      if (d) {
        const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
        if (month < 1 || day < 1 || day > daysInMonth(year, month)) return NOT_RESOLVED;
        return JekyllTime.date(year, month, day, zone);
      }
      return parseRubyTime(source, zone) ?? NOT_RESOLVED;
    },
    identify: (v) => v instanceof JekyllTime,
    represent: (v) => String(v),
  });
}

// Psych's booleans and null ignore case (`tRUE`, `nULL`); js-yaml takes three spellings of each.
// `y` and `n` stay strings.
const PSYCH_TRUE = /^(?:yes|true|on)$/i;
const PSYCH_FALSE = /^(?:no|false|off)$/i;
const PSYCH_NULL = /^(?:~|null|)$/i;
const psychBool = defineScalarTag<boolean>("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["y", "Y", "n", "N", "t", "T", "f", "F", "o", "O"],
  resolve(source) {
    if (PSYCH_TRUE.test(source)) return true;
    if (PSYCH_FALSE.test(source)) return false;
    return NOT_RESOLVED;
  },
  identify: (v) => typeof v === "boolean",
  represent: (v) => String(v),
});

const psychNull = defineScalarTag<null>("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["", "~", "n", "N"],
  resolve: (source) => (PSYCH_NULL.test(source) ? null : NOT_RESOLVED),
  identify: (v) => v === null,
  represent: () => "null",
});

// `!!binary`: Psych decodes the base64 into a String (of bytes), which Liquid prints as text;
// js-yaml's tag gives a Uint8Array, which printed as a hash of numbers.
const psychBinary = defineScalarTag<string>("tag:yaml.org,2002:binary", {
  resolve: (source) => Buffer.from(source.replace(/\s+/g, ""), "base64").toString("utf8"),
  identify: () => false,
  represent: (v) => Buffer.from(v, "utf8").toString("base64"),
});

// Psych's base-60 numbers: at most three parts, each after the first 0-59, and the first part is
// the largest unit: `12:30` is 12 × 3600 + 30 × 60 = 45000 (js-yaml: 750), `-12:30` is -41400
// (the sign belongs to the first part), `1:2:3:4` is a string.
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/;
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$/;

function sexagesimal(source: string, part: (s: string) => number): number {
  const parts = source.split(":");
  return parts.reduce((sum, n, e) => sum + part(n) * 60 ** Math.abs(e - 2), 0);
}
/** An integer's base-60 value, exact past 2^53 (a bigint, as rubyInteger below). */
function sexagesimalInteger(source: string): number | bigint {
  const n = sexagesimal(source, rubyToI);
  if (Number.isSafeInteger(n)) return n;
  const big = (s: string) => {
    const m = /^([-+]?)((?:[0-9]+(?:_[0-9]+)*)?)/.exec(s)!;
    const v = BigInt(m[2]!.replace(/_/g, "") || 0);
    return m[1] === "-" ? -v : v;
  };
  return source.split(":").reduce((sum, p, e) => sum + big(p) * 60n ** BigInt(Math.abs(e - 2)), 0n);
}
// Ruby's String#to_i and #to_f, which Psych applies to each part: an underscore counts only
// between two digits (`0__19` reads as 0, `2._8` as 2.0).
const rubyToI = (s: string) => {
  const m = /^([-+]?)((?:[0-9]+(?:_[0-9]+)*)?)/.exec(s)!;
  const n = Number(m[2]!.replace(/_/g, "") || 0);
  return m[1] === "-" ? -n : n;
};
const rubyToF = (s: string) => {
  const m = /^[-+]?(?:[0-9]+(?:_[0-9]+)*)?(?:\.[0-9]+(?:_[0-9]+)*)?(?:[eE][-+]?[0-9]+)?/.exec(s)!;
  return Number.parseFloat(m[0].replace(/_/g, "")) || 0;
};

// Psych's decimal, binary, octal and hex integers (ScalarScanner::INTEGER): commas may group
// digits (`1,000` is 1000) and an underscore must be followed by a digit in base 10 (`10_` is a
// string); js-yaml's YAML 1.1 integers take neither. Psych then drops every `,` and `_` and reads
// the rest with Ruby's Integer(): a leading 0 is octal, 0b binary, 0x hex.
const PSYCH_INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;

// An Integer past 2^53 (a Ruby Bignum, read to its last digit) is a bigint: see rubyInteger in
// src/ruby/values.ts.
function rubyInteger(source: string): number | bigint | typeof NOT_RESOLVED {
  const s = source.replace(/[,_]/g, "");
  const sign = s[0] === "-" ? -1 : 1;
  const digits = s[0] === "-" || s[0] === "+" ? s.slice(1) : s;
  let n: number;
  let exact: string;
  if (digits.startsWith("0b")) n = Number.parseInt((exact = digits.slice(2)), 2), exact = "0b" + exact;
  else if (digits.startsWith("0x")) n = Number.parseInt((exact = digits.slice(2)), 16), exact = "0x" + exact;
  else if (digits.length > 1 && digits[0] === "0") n = Number.parseInt((exact = digits.slice(1)), 8), exact = "0o" + exact;
  else n = Number.parseInt((exact = digits), 10);
  // `0b_` leaves nothing to read: Ruby's Integer() raises there; keep the text.
  if (!Number.isFinite(n)) return NOT_RESOLVED;
  if (Number.isSafeInteger(n)) return sign * n;
  const big = BigInt(exact);
  return sign < 0 ? -big : big;
}

const psychInt = defineScalarTag<number | bigint>("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: intYaml11Tag.implicitFirstChars,
  resolve(source, isExplicit, tagName) {
    if (source.includes(":")) return SEXAGESIMAL_INT.test(source) ? sexagesimalInteger(source) : NOT_RESOLVED;
    if (isExplicit) return intYaml11Tag.resolve(source, isExplicit, tagName);
    return PSYCH_INTEGER.test(source) ? rubyInteger(source) : NOT_RESOLVED;
  },
  identify: (v) => (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint",
  represent: (v) => String(v),
});

// Psych's floats (ScalarScanner::FLOAT and its special values): commas may group the integer
// part, the fraction is digits only (`1.0_0` is a string; js-yaml reads 1.0), the exponent needs
// its sign, and `.inf`/`.nan` are matched without regard to case. Psych drops `,` and `_` and a
// dot before the exponent or at the end (`1.` is 1.0) and reads the rest with Float().
const PSYCH_FLOAT = /^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/;

function psychFloat(source: string): number | typeof NOT_RESOLVED {
  if (/^\+?\.inf$/i.test(source)) return Number.POSITIVE_INFINITY;
  if (/^-\.inf$/i.test(source)) return Number.NEGATIVE_INFINITY;
  if (/^\.nan$/i.test(source)) return Number.NaN;
  if (!PSYCH_FLOAT.test(source) || /^[-+]?\.$/.test(source)) return NOT_RESOLVED;
  const text = source.replace(/[,_]|\.([Ee]|$)/g, "$1");
  // What Float() refuses (`-.e+5` becomes `-e+5`) stays the text.
  if (!/^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(text)) return NOT_RESOLVED;
  return Number(text);
}

const rubyFloat = defineScalarTag<number | RubyFloat>("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: floatYaml11Tag.implicitFirstChars,
  resolve(source, isExplicit, tagName) {
    let v: unknown;
    if (source.includes(":")) {
      if (!SEXAGESIMAL_FLOAT.test(source)) return NOT_RESOLVED;
      v = sexagesimal(source, rubyToF);
    } else v = isExplicit ? floatYaml11Tag.resolve(source, isExplicit, tagName) : psychFloat(source);
    // `!!float 1`: Psych's Float(tokenize("1")), an integer made a Float.
    if (v === NOT_RESOLVED && isExplicit && PSYCH_INTEGER.test(source)) {
      const n = rubyInteger(source);
      if (n !== NOT_RESOLVED) v = Number(n);
    }
    if (v === NOT_RESOLVED) return v;
    return typeof v === "number" && Number.isInteger(v) ? new RubyFloat(v) : (v as number);
  },
  identify: (v) => v instanceof RubyFloat || (typeof v === "number" && !Number.isInteger(v)),
  represent: (v) => String(v),
});

// A mapping key's property name is its to_s: Psych's keys are any scalar (a Date for `2024-01-05:`,
// a Float for `1.0:`, nil for `~:`), and what jsonify writes of them is their to_s (js-yaml
// refused the date and float keys: the file did not load). The Ruby key itself is kept beside the
// mapping (noteRubyKey, src/ruby/values.ts), so Liquid finds keys by type as Ruby does
// (`hash[1]` finds the Integer key 1, `hash["1"]` does not) and a `for`, `first`, `sort` and
// `inspect` see the typed keys. A collection as a key (`? [a, b]`) is kept the same way: its
// property name is its to_s, which for an Array or Hash is its inspect (`["a", "b"]`), as
// jsonify writes it. Pinned by conformance fixtures data-scalar-keys, data-typed-keys and
// data-complex-keys.

// Mappings as js-yaml's default `{}` ones, but remembering their insertion order where an
// integer-like key would make JavaScript reorder them (Psych builds Ruby hashes: ordered). See
// ../ruby/ordered-hash.ts.
const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
function addMapPair(container: Record<string, unknown>, key: unknown, value: unknown): string {
  if (key === EXPLICIT_SHOVEL) key = "<<";
  if (value === EXPLICIT_SHOVEL) value = "<<";
  if (Array.isArray(value)) PLACED.add(value);
  if (Array.isArray(key)) PLACED.add(key);
  // Psych's Hash compares keys with eql?: the same key again replaces its value in place.
  const found = hashFind(container, key);
  let k = found ?? toS(key);
  if (found === undefined && Object.prototype.hasOwnProperty.call(container, k)) {
    // Another key with the same to_s (`1:` and `"1":`, `true:` and `"true":`, `? [a, b]` and
    // `'["a", "b"]':`) is a second key in Ruby: the String keeps its text as its name and the other
    // key is named apart (nameRubyKey), whichever came first; order and Ruby keys are kept.
    if (typeof key === "string") renameKey(container, k, yieldNameToString(container, k));
    else k = nameRubyKey(container, key)!;
  }
  noteKey(container, k);
  noteRubyKey(container, k, key);
  if (k === "__proto__") Object.defineProperty(container, k, { value, enumerable: true, configurable: true, writable: true });
  else container[k] = value;
  return "";
}

/** Hash#merge!: every pair of `source`, in its order, replacing the values of keys already there. */
function mergeInto(container: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const k of orderedKeys(source)) addMapPair(container, rubyKeyOf(source, k), source[k]);
}

/**
 * A `<<` key as Psych's ToRuby#revive_hash reads it (Ruby 3.1, Psych 4), which is not what
 * js-yaml's merge keys do (their merge is switched off: psychMergeKey): the key is `<<` plain or
 * quoted (only `!!str <<` is a plain key); a mapping value is merged with Hash#merge!, so its
 * values replace the keys written before the `<<` and a later `<<` replaces an earlier one's; a
 * sequence of mappings is merged last to first into one Hash first (the first mapping's values
 * win, the last one's keys come first), then merged in; anything else (`<<: 5`, `<<: ~`, a
 * sequence holding a non-mapping, where merge! raises TypeError) is kept as the key "<<". Psych
 * merges a sequence only when it is written there: an alias to one (`<<: *list`) is given to
 * merge! as an Array, which raises TypeError, and stays under the key "<<" too (PLACED tells an
 * alias: its sequence was placed before, where its anchor is). A `!!str <<` key is never a merge
 * (Psych checks the key's tag; `!str <<`, a local tag, merges): see EXPLICIT_SHOVEL.
 */
function psychMerge(container: Record<string, unknown>, value: unknown): void {
  if (isPlain(value)) return mergeInto(container, value);
  if (Array.isArray(value) && !PLACED.has(value) && value.every(isPlain)) {
    PLACED.add(value);
    const h: Record<string, unknown> = {};
    for (let i = value.length - 1; i >= 0; i--) mergeInto(h, value[i] as Record<string, unknown>);
    return mergeInto(container, h);
  }
  addMapPair(container, "<<", value);
}

/** Sequences already placed in the document (as a value, item or key): a later use is an alias. */
const PLACED = new WeakSet<unknown[]>();

/**
 * What `!!str <<` reads as until its mapping (or sequence) takes it: Psych reads a `<<` key tagged
 * `tag:yaml.org,2002:str` as the plain key "<<", never a merge; as a value it is the String "<<".
 */
const EXPLICIT_SHOVEL: object = Object.freeze({});

/** The default sequence, noting each sequence placed in it (PLACED). */
const placingSeqTag = defineSequenceTag<unknown[], unknown[]>("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    if (item === EXPLICIT_SHOVEL) item = "<<";
    else if (Array.isArray(item)) PLACED.add(item);
    container.push(item);
  },
  identify: Array.isArray,
});

/** Switches off js-yaml's merge keys: `<<` reads as the String "<<", merged by psychMerge. */
const psychMergeKey = defineScalarTag<string>("tag:yaml.org,2002:merge", {
  resolve: () => NOT_RESOLVED,
  identify: () => false,
  represent: (v) => String(v),
});

const orderedMapTag = defineMappingTag<Record<string, unknown>, Record<string, unknown>>("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlain,
  represent: (o) => new Map(orderedKeys(o).map((k) => [k, o[k]])),
  addPair: (container, key, value) => {
    if (key === "<<") {
      psychMerge(container, value);
      return "";
    }
    return addMapPair(container, key, value);
  },
  has: (container, key) => hashFind(container, key) !== undefined,
  // The Ruby keys, so that a `<<` merge keeps them typed (`2:` stays the Integer 2 in the mapping merged into).
  keys: (container) => orderedKeys(container).map((k) => rubyKeyOf(container, k)),
  get: (container, key) => {
    const k = hashFind(container, key);
    return k === undefined ? null : container[k];
  },
});

/** Psych.safe_load's Psych::DisallowedClass (Jekyll permits only Date and Time): fatal in Jekyll. */
export class DisallowedClassError extends Error {
  constructor(readonly className: string, readonly tagName: string) {
    super(`Tried to load unspecified class: ${className}`);
  }
}

/** The tag name a scalar `!` (YAML's non-specific tag) is given before loading: see nonSpecificTags. */
const NON_SPECIFIC = "tag:build-site,2026:non-specific";

/**
 * Explicit tags as Psych's ToRuby visitor reads them under Psych.safe_load (what Jekyll loads
 * front matter, `_config.yml` and `_data` with), where js-yaml's readings differ:
 *  - a scalar tag other than str/binary/float is read as if the scalar had none (ScalarScanner
 *    #tokenize): `!!int "12"` is 12, `!!int abc` "abc", `!!bool yes` true, `! 123` 123,
 *    `!Important notice` "notice", `!!set x` "x" (js-yaml refused most of them, and the file lost
 *    its front matter);
 *  - a sequence tag other than omap and `!ruby/array:Class` gives an Array (`!!set [x]`), a mapping
 *    tag other than Ruby's object tags a Hash (`!foo {a: 1}`, `!!seq {a: 1}`);
 *  - `!!omap [a: 1, b: 2]` is a Hash of the pairs (each item's first key, its last value);
 *  - every tag that makes a Ruby object of a class other than Date and Time fails the load with
 *    "Tried to load unspecified class: X" (DisallowedClass): `!!set {a, b}` (Psych::Set), a mapping
 *    `!!omap` (Psych::Omap), `!ruby/object:Foo`, `!ruby/struct`, `!ruby/range`, `!ruby/regexp`,
 *    `!ruby/sym`, `!ruby/class X`, `!ruby/hash:X`, `!ruby/array:X`, `!ruby/exception`… (js-yaml,
 *    and build-site before, read most of them as plain values).
 * Plain `:symbol` scalars are the exception kept on purpose (see the top of this file).
 */
function psychTags(schema: Schema): Schema {
  const scalar = schema.lookupScalarTag.bind(schema);
  const untaggedScalar = defineScalarTag<unknown>("tag:build-site,2026:untagged", {
    resolve: (source) => schema.resolveImplicitScalarTag(source).value,
    identify: () => false,
    represent: (v) => String(v),
  });
  const str = scalar("tag:yaml.org,2002:str")!;
  const explicitStr = defineScalarTag<unknown>("tag:yaml.org,2002:str", {
    resolve: (source, explicit, tagName) => (source === "<<" ? EXPLICIT_SHOVEL : str.nodeKind === "scalar" ? str.resolve(source, explicit, tagName) : source),
    identify: () => false,
    represent: (v) => String(v),
  });
  const cache = new Map<string, unknown>();
  const cached = <T>(key: string, make: () => T): T => {
    let t = cache.get(key) as T | undefined;
    if (t === undefined) cache.set(key, (t = make()));
    return t;
  };
  const disallowedScalar = (name: string, className: ((source: string) => string) | string) =>
    cached(`s:${name}`, () => defineScalarTag<never>(name, {
      resolve: (source) => {
        throw new DisallowedClassError(typeof className === "string" ? className : className(source), name);
      },
      identify: () => false,
      represent: () => "",
    }));
  const fail = (className: string) => (): never => {
    throw new Error(`Tried to load unspecified class: ${className}`);
  };
  const disallowedMapping = (name: string, className: string) =>
    cached(`m:${name}`, () => defineMappingTag<Record<string, unknown>, never>(name, {
      create: () => ({}), addPair: () => "", has: () => false, keys: () => [], get: () => null,
      finalize: fail(className), identify: () => false,
    }));
  const disallowedSequence = (name: string, className: string) =>
    cached(`q:${name}`, () => defineSequenceTag<unknown[], never>(name, {
      create: () => [], addItem: () => undefined, finalize: fail(className), identify: () => false,
    }));
  // `!!omap [a: 1]`: Psych::Omap (a Hash) of each item's first key and last value.
  const omapSequence = (name: string) =>
    cached(`q:${name}`, () => defineSequenceTag<Record<string, unknown>, Record<string, unknown>>(name, {
      create: () => orderedMapTag.create(name),
      addItem: (carrier, item) => {
        if (Array.isArray(item)) return item.length ? orderedMapTag.addPair(carrier, item[0], item[item.length - 1]) : "undefined method `first' for nil:NilClass (an empty omap item)";
        if (typeof item !== "object" || item === null) return "undefined method `first' for nil:NilClass (an omap item that is not a collection)";
        const keys = orderedKeys(item);
        if (!keys.length) return "";
        const first = rubyKeyOf(item, keys[0]!);
        return orderedMapTag.addPair(carrier, first, (item as Record<string, unknown>)[keys[keys.length - 1]!]);
      },
      identify: () => false,
    }));
  // `!ruby/hash-with-ivars {elements: {…}}`: the Hash under `elements`.
  const hashWithIvars = cached("m:hash-with-ivars", () => defineMappingTag<Record<string, unknown>, Record<string, unknown>>("!ruby/hash-with-ivars", {
    create: () => ({}),
    addPair: (carrier, key, value) => {
      if (key === "elements" && typeof value === "object" && value !== null && !Array.isArray(value)) carrier.elements = value;
      return "";
    },
    has: () => false, keys: () => [], get: () => null,
    finalize: (carrier) => (carrier.elements as Record<string, unknown> | undefined) ?? {},
    identify: () => false,
  }));
  // `!!str {str: x}`: Psych's String revived from its `str` key; without one it fails.
  const strMapping = cached("m:str", () => defineMappingTag<Record<string, unknown>, unknown>("tag:yaml.org,2002:str", {
    create: () => ({}),
    addPair: (carrier, key, value) => {
      if (key === "str") carrier.str = value;
      else if (!("other" in carrier)) carrier.other = key;
      return "";
    },
    has: () => false, keys: () => [], get: () => null,
    finalize: (carrier) => {
      // Psych sets each other key as an instance variable of the String (nil without `str`):
      // the first other key's name is checked before nil's frozenness.
      if ("other" in carrier && !/^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*$/.test(toS(carrier.other).replace(/^@/, ""))) {
        throw new Error(`\`@${toS(carrier.other).replace(/^@/, "")}' is not allowed as an instance variable name`);
      }
      if (!("str" in carrier)) {
        if (!("other" in carrier)) return null;
        throw new Error("can't modify frozen NilClass: nil");
      }
      return carrier.str;
    },
    identify: () => false,
  }));
  let m: RegExpExecArray | null;
  const lookupScalarTag = (name: string) => {
    switch (name) {
      case "tag:yaml.org,2002:str": return explicitStr;
      case "!str": case "!ruby/string": case "!ruby/encoding": return str;
      case "tag:yaml.org,2002:binary": case "!binary": return psychBinary;
      case "tag:yaml.org,2002:float": case "!float": return rubyFloat;
      case "!ruby/object:BigDecimal": return disallowedScalar(name, "BigDecimal");
      case "!ruby/object:DateTime": return disallowedScalar(name, "DateTime");
      case "!ruby/object:Complex": return disallowedScalar(name, "Complex");
      case "!ruby/object:Rational": return disallowedScalar(name, "Rational");
      case "!ruby/regexp": return disallowedScalar(name, "Regexp");
      case "!ruby/range": return disallowedScalar(name, "Range");
      case "!ruby/class": case "!ruby/module": return disallowedScalar(name, (source) => source);
    }
    if (/^!ruby\/sym(?:bol)?(?::.*)?$/.test(name)) return disallowedScalar(name, "Symbol");
    if ((m = /^!(?:str|ruby\/string):(.+)$/.exec(name))) return disallowedScalar(name, m[1]!);
    return untaggedScalar;
  };
  const lookupSequenceTag = (name: string) => {
    if (name === "tag:yaml.org,2002:omap" || name === "!omap") return omapSequence(name);
    if ((m = /^!(?:seq|ruby\/array):(.+)$/.exec(name))) return disallowedSequence(name, m[1]!);
    return placingSeqTag;
  };
  const lookupMappingTag = (name: string) => {
    if ((m = /^!ruby\/struct(?::(.+))?$/.exec(name))) return disallowedMapping(name, m[1] ?? "Struct");
    if ((m = /^!ruby\/object(?::(.+))?$/.exec(name))) return m[1] === "Hash" ? orderedMapTag : disallowedMapping(name, m[1] ?? "Object");
    if ((m = /^!(?:str|ruby\/string|ruby\/array|map|ruby\/hash|ruby\/marshalable):(.+)$/.exec(name))) return disallowedMapping(name, m[1]!);
    if ((m = /^!ruby\/exception(?::(.+))?$/.exec(name))) return disallowedMapping(name, m[1] ?? "Exception");
    if ((m = /^!ruby\/hash-with-ivars:(.+)$/.exec(name))) return disallowedMapping(name, m[1]!);
    switch (name) {
      case "!ruby/range": return disallowedMapping(name, "Range");
      case "!set": case "tag:yaml.org,2002:set": return disallowedMapping(name, "Psych::Set");
      case "!omap": case "tag:yaml.org,2002:omap": return disallowedMapping(name, "Psych::Omap");
      case "!ruby/hash-with-ivars": return hashWithIvars;
      case "tag:yaml.org,2002:str": case "!str": case "!ruby/string": return strMapping;
    }
    return orderedMapTag;
  };
  Object.defineProperties(schema, {
    lookupScalarTag: { value: lookupScalarTag },
    lookupSequenceTag: { value: lookupSequenceTag },
    lookupMappingTag: { value: lookupMappingTag },
  });
  return schema;
}

const schemas = new Map<string, { schema: Schema; plain: PlainResolver }>();
function schemaFor(zone: string | undefined): { schema: Schema; plain: PlainResolver } {
  const key = zone ?? "";
  let s = schemas.get(key);
  if (!s) {
    const schema = psychTags(YAML11_SCHEMA.withTags(timestampTag(zone), psychNull, psychBool, psychInt, rubyFloat, psychBinary, psychMergeKey, orderedMapTag));
    s = { schema, plain: plainScalarResolver(schema) };
    schemas.set(key, s);
  }
  return s;
}

export interface YamlOptions {
  /** The file, as the user should see it in an error. */
  file: string;
  /** Lines before `text` in the file (front matter starts on line 2), so errors name file lines. */
  lineOffset?: number;
  /** The site's timezone: where times without an offset are shown. */
  zone?: string;
  /** false: always js-yaml (the tests compare both paths). */
  fast?: boolean;
  /** build_site.limits.yaml_alias_nodes (config/limits.ts). */
  maxAliasNodes?: number;
}

/**
 * How many values the document's aliases add when it is walked as a tree (what `jsonify`,
 * `inspect` or a for loop do): a billion-laughs document of 1 KB adds 10^9. Psych, like js-yaml,
 * shares an alias's value instead of copying it, so loading is cheap and the walk is what never
 * ends; Jekyll hangs there. Counted with one visit per distinct value. Infinity for an alias
 * inside its own anchor (a cycle).
 */
export function aliasExpansion(root: unknown): number {
  const sizes = new Map<object, number>();
  const onPath = new Set<object>();
  let distinct = 0;
  const size = (v: unknown): number => {
    if (typeof v !== "object" || v === null || v instanceof JekyllTime || v instanceof RubyFloat) {
      distinct++;
      return 1;
    }
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (onPath.has(v)) return Infinity;
    onPath.add(v);
    distinct++;
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) n += size(child);
    onPath.delete(v);
    sizes.set(v, n);
    return n;
  };
  const total = size(root);
  return total - distinct;
}

/** A bound of build-site's, not a syntax error: fatal even where Jekyll forgives bad YAML. */
export class YamlBoundError extends BuildError {}

function checkAliases(value: unknown, text: string, options: YamlOptions): void {
  const limit = options.maxAliasNodes ?? DEFAULT_LIMITS.yamlAliasNodes;
  const added = aliasExpansion(value);
  if (added <= limit) return;
  const before = text.slice(0, Math.max(0, text.search(/(?:^|[\s[{,:-])\*[^\s,\]}]/m)));
  const line = before.split("\n").length + (options.lineOffset ?? 0);
  const what = added === Infinity ? "an alias refers to the value it is part of, so it never ends" : `its aliases expand it by ${added.toLocaleString("en-US")} values`;
  throw new YamlBoundError(`invalid YAML: ${what} (a "billion laughs" document)`, {
    file: options.file,
    line,
    hint: `Use fewer or smaller aliases (*name). ${raiseHint("yaml_alias_nodes", String(limit))}`,
  });
}

/** The fast path alone (src/read/yaml-flat.ts): the mapping, or undefined when js-yaml must read it. */
export function tryFlatYaml(text: string, zone?: string): Record<string, unknown> | undefined {
  return loadFlatYaml(text, schemaFor(zone).plain);
}

interface Opening { char: string; line: number; column: number }

/**
 * What is still open at `end` (comments skipped): the innermost `[` or `{`, and a quoted scalar
 * whose closing quote never comes, each with its 1-based line and column.
 */
function unclosedAt(text: string, end: number): { flow: Opening | null; quote: Opening | null } {
  const stack: Opening[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") { line++; lineStart = i + 1; continue; }
    if (c === "#" && (i === lineStart || /\s/.test(text[i - 1]!))) {
      while (i + 1 < end && text[i + 1] !== "\n") i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === lineStart || /[\s[{,:]/.test(text[i - 1]!))) {
      const opening = { char: c, line, column: i - lineStart + 1 };
      let closed = false;
      for (i++; i < end && i < text.length; i++) {
        if (text[i] === "\n") { line++; lineStart = i + 1; }
        if (c === '"' && text[i] === "\\") { i++; continue; }
        if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") { i++; continue; }
          closed = true;
          break;
        }
      }
      if (!closed) return { flow: stack.length ? stack[stack.length - 1]! : null, quote: opening };
      continue;
    }
    if (c === "[" || c === "{") {
      // Only where a flow collection can start (not inside a plain scalar such as `a[1]`).
      const before = text.slice(lineStart, i).trimEnd();
      if (before === "" || /[:\-,[{?]$/.test(before)) stack.push({ char: c, line, column: i - lineStart + 1 });
    }
    else if ((c === "]" || c === "}") && stack.length) stack.pop();
  }
  return { flow: stack.length ? stack[stack.length - 1]! : null, quote: null };
}

/** A `\u` escape of a UTF-16 surrogate, or any `\U` escape: what invalidUnicodeEscape checks. */
const SUSPECT_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\U[0-9a-fA-F]{8}/;

/**
 * libyaml refuses a `\u` or `\U` escape that names a UTF-16 surrogate (D800-DFFF) or a code
 * point past 10FFFF in a double-quoted scalar; js-yaml pairs two surrogate escapes into one
 * character. So JSON written with surrogate pairs (Python's json.dump by default: "\ud83d\ude00")
 * fails Jekyll's build, as a data file, or costs a page its front matter. Returns the offending
 * scalar's opening quote (where Psych reports it), or -1.
 */
function invalidUnicodeEscape(text: string): number {
  const events = yamlEvents<{ type?: number; style?: number; valueStart?: number; valueEnd?: number }>(text);
  if (!events) return -1; // the load reports what does not parse
  for (const ev of events) {
    if (ev.style !== SCALAR_STYLE_DOUBLE_QUOTED || ev.valueStart === undefined || ev.valueEnd === undefined) continue;
    const raw = text.slice(ev.valueStart, ev.valueEnd);
    for (let i = raw.indexOf("\\"); i >= 0 && i < raw.length; i = raw.indexOf("\\", i + 2)) {
      const digits = raw[i + 1] === "u" ? 4 : raw[i + 1] === "U" ? 8 : 0;
      if (digits === 0) continue;
      const hex = raw.slice(i + 2, i + 2 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) continue;
      const code = parseInt(hex, 16);
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return ev.valueStart - 1;
    }
  }
  return -1;
}

/**
 * Where libyaml refuses a tab that begins a line (after any spaces) and js-yaml reads on.
 * - On a line a plain scalar spans or is followed by (its continuation lines, and the blank lines
 *   after it up to the next token), a tab left of the scalar's indentation (one column past the
 *   block collection it is in): "found a tab character that violates indentation while scanning
 *   a plain scalar", reported where the scalar starts. So `title: x` followed by a line holding
 *   only a tab fails (in Jekyll a "YAML Exception": the front matter is lost).
 * - Elsewhere in block context, where libyaml looks for the next token (after a quoted scalar, a
 *   `key:`, an alias, a comment), a tab at the start of a line is no whitespace to it: "found
 *   character that cannot start any token", reported at the tab.
 * - In a block scalar (`|`, `>`) or the blank lines after it, a tab left of its content's
 *   indentation: "found a tab character where an indentation space is expected while scanning a
 *   block scalar", reported at its indicator.
 * - Right after a block indicator that starts a line (`-`, `?`, or `:` of an explicit key's value,
 *   maybe after spaces: `-\tb`, `- \tb`): libyaml eats tabs between tokens only where no simple
 *   key may start, and one may after these (after a simple key's `:`, as in `a:\tb`, none may):
 *   "found character that cannot start any token", at the tab. (Where such a line is the text
 *   of a scalar, the tab is text.)
 * Inside a quoted scalar or a flow collection a tab is whitespace. null when no such tab is found, or when js-yaml cannot
 * read the text at all (the load reports that).
 */
function misplacedTab(text: string): { at: number; reason: string } | null {
  const tabLines: number[] = [];
  for (const m of text.matchAll(/(?:^|\n)( *)\t/g)) tabLines.push(m.index! + (m[0].startsWith("\n") ? 1 : 0));
  // The tabs right after a line's block indicators.
  const indicatorTabs: number[] = [];
  for (const m of text.matchAll(INDICATOR_TAB)) indicatorTabs.push(m.index! + m[0].length - 1);
  if (tabLines.length === 0 && indicatorTabs.length === 0) return null;
  let events = eventsUntabbed(text);
  // Where js-yaml stops on the text (it refuses some of these tabs itself, in words of its own),
  // the text before the first such line tells what libyaml is scanning when it reaches the tab.
  let upTo = text.length;
  if (!events) {
    if (tabLines.length === 0) return null;
    upTo = tabLines[0]!;
    events = eventsUntabbed(text.slice(0, upTo));
    if (!events) return null;
    tabLines.length = 1;
    indicatorTabs.length = 0;
  }
  const plain: Array<{ from: number; to: number; indent: number }> = [];
  const whitespace: Array<{ from: number; to: number }> = [];
  const block: Array<{ from: number; to: number; indent: number; unknownUpTo: number; at: number }> = [];
  const open: Array<{ block: number | null; flowStart: number }> = [];
  const columnOf = (at: number) => at - (text.lastIndexOf("\n", at - 1) + 1);
  let last = 0;
  for (const ev of events as Array<{ type: number; start?: number; style?: number; valueStart?: number; valueEnd?: number; indent?: number }>) {
    if (ev.type === EVENT_DOCUMENT) open.push({ block: null, flowStart: -1 });
    else if (ev.type === EVENT_SEQUENCE || ev.type === EVENT_MAPPING) {
      const flow = ev.style !== COLLECTION_STYLE_BLOCK;
      open.push({ block: !flow && ev.start !== undefined ? columnOf(ev.start) : null, flowStart: flow && ev.start !== undefined ? ev.start : -1 });
      if (flow && ev.start !== undefined) last = ev.start + 1;
    } else if (ev.type === EVENT_POP) {
      const closed = open.pop();
      if (closed && closed.flowStart >= 0) {
        // The closing bracket: past the last entry, after whitespace, commas and comments.
        const close = /^(?:[\s,]|#[^\n]*)*[\]}]/.exec(text.slice(last));
        const end = close ? last + close[0].length : text.length;
        whitespace.push({ from: closed.flowStart, to: end });
        last = end;
      }
    } else if (ev.type === EVENT_SCALAR && ev.valueStart !== undefined && ev.valueEnd !== undefined && ev.valueStart >= 0) {
      // (An empty node, as the value of `? k` or of `key:`, has no place in the text: -1, skipped.)
      if (ev.style === SCALAR_STYLE_PLAIN) {
        let block = -1;
        for (let i = open.length - 1; i >= 0; i--) if (open[i]!.block !== null) { block = open[i]!.block!; break; }
        let end = ev.valueEnd;
        while (end < text.length && " \t\r\n".includes(text[end]!)) end++;
        plain.push({ from: ev.valueStart, to: end, indent: block + 1 });
        last = ev.valueEnd;
      } else if (ev.style === SCALAR_STYLE_SINGLE_QUOTED || ev.style === SCALAR_STYLE_DOUBLE_QUOTED) {
        whitespace.push({ from: ev.valueStart - 1, to: ev.valueEnd + 1 });
        last = ev.valueEnd + 1;
      } else {
        // A block scalar, with the blank lines after it: a tab left of its content's indentation
        // is refused, reported at its `|` or `>`.
        let end = ev.valueEnd;
        while (end < text.length && " \t\r\n".includes(text[end]!)) end++;
        const headerStart = text.lastIndexOf("\n", ev.valueStart - 2) + 1;
        const indicator = /[|>][0-9+-]*[ \t]*(?:#[^\n]*)?\r?\n?$/.exec(text.slice(headerStart, ev.valueStart));
        // Without an indentation indicator (`|2`) the indentation is not known before the first
        // line with content, and any tab in the indentation up to there is refused.
        const explicit = indicator !== null && /\d/.test(indicator[0]);
        const content = text.slice(ev.valueStart, ev.valueEnd).search(/[^ \t\r\n]/);
        const firstLine = content < 0 ? end : text.lastIndexOf("\n", ev.valueStart + content) + 1;
        block.push({ from: ev.valueStart - 1, to: end, indent: ev.indent ?? 0, unknownUpTo: explicit ? -1 : firstLine, at: indicator ? headerStart + indicator.index : ev.valueStart });
        last = ev.valueEnd;
      }
    }
  }
  // Plain and block scalars' spans come in text order and never overlap; quoted scalars' and
  // flow collections' (which nest) are merged so. Each tab line then looks its span up by
  // bisection: a data file of tab-indented code in block scalars stays linear-logarithmic.
  whitespace.sort((a, b) => a.from - b.from);
  const merged: Array<{ from: number; to: number }> = [];
  for (const w of whitespace) {
    const prev = merged[merged.length - 1];
    if (prev && w.from <= prev.to) prev.to = Math.max(prev.to, w.to);
    else merged.push({ ...w });
  }
  // The last span starting before `at` (by bisection), if `at` lies in it.
  const lastBefore = <T extends { from: number }>(spans: T[], at: number): T | undefined => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.from < at) lo = mid + 1;
      else hi = mid;
    }
    return spans[lo - 1];
  };
  const spanAt = <T extends { from: number; to: number }>(spans: T[], at: number): T | undefined => {
    const span = lastBefore(spans, at);
    return span && at < span.to ? span : undefined;
  };
  // The span a tab line starts in; one that runs to the end of what is read holds every later line.
  const within = <T extends { from: number; to: number }>(spans: T[], line: number): T | undefined => {
    const span = lastBefore(spans, line);
    return span && (line < span.to || span.to === upTo) ? span : undefined;
  };
  let firstIndicatorTab: number | null = null;
  for (const tab of indicatorTabs) {
    if (spanAt(plain, tab) || spanAt(block, tab) || spanAt(merged, tab)) continue;
    firstIndicatorTab = tab;
    break;
  }
  const indicatorError = firstIndicatorTab === null ? null : { at: firstIndicatorTab, reason: "found character that cannot start any token while scanning for the next token" };
  for (const line of tabLines) {
    if (indicatorError && indicatorError.at < line) return indicatorError;
    const tab = text.indexOf("\t", line);
    const run = within(plain, line);
    if (run) {
      if (tab - line < run.indent) return { at: run.from, reason: "found a tab character that violates indentation while scanning a plain scalar" };
      continue;
    }
    const scalar = within(block, line);
    if (scalar) {
      if (tab - line < scalar.indent || line <= scalar.unknownUpTo) return { at: scalar.at, reason: "found a tab character where an indentation space is expected while scanning a block scalar" };
      continue;
    }
    if (within(merged, line)) continue;
    return { at: tab, reason: "found character that cannot start any token while scanning for the next token" };
  }
  return indicatorError;
}

/** A tab after the block indicators (`-`, `?`, `:` before a blank) that start a line, maybe past spaces. */
const INDICATOR_TAB = /(?:^|\n) *(?:[-?:] +)*[-?:] *\t/g;

/**
 * js-yaml's events for a text, where js-yaml refuses a tab next to a flow indicator only as it
 * reads it in the load (loadIndentingFlowLines: such a tab as a space, which keeps every
 * position); null when it cannot read it so.
 */
function eventsUntabbed(text: string): ReturnType<typeof parseEvents> | null {
  let current = text;
  for (let attempt = 0; attempt < MAX_INDENT_RETRIES; attempt++) {
    try {
      return parseEvents(current, YAML_PARSER_OPTIONS);
    } catch (e) {
      const line = (e as { mark?: { line?: number } }).mark?.line;
      if (!(e instanceof YAMLException) || e.reason !== "deficient indentation" || line === undefined) return null;
      const lines = current.split("\n");
      if (line >= lines.length) return null;
      const untabbed = flowTabsAsSpaces(lines[line]!);
      if (untabbed === lines[line]) return null;
      lines[line] = untabbed;
      current = lines.join("\n");
    }
  }
  return null;
}

/** Throws libyaml's error for a tab that begins a line where it refuses one (misplacedTab). */
function checkTabs(text: string, options: YamlOptions): void {
  if (!/(?:^|\n) *(?:[-?:] *)*\t/.test(text)) return;
  const tab = misplacedTab(text);
  if (!tab) return;
  throw yamlErrorAt(text, tab, options, "A line starts with a tab (perhaps a blank line holding one): YAML indents with spaces only. Remove the tab.");
}

/** libyaml's error `reason` at offset `at` of `text`, located as Psych reports it (1-based line and column). */
function yamlErrorAt(text: string, { at, reason }: { at: number; reason: string }, options: YamlOptions, hint: string): BuildError {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return new BuildError(`invalid YAML: ${reason}`, {
    file: options.file,
    line: text.slice(0, at).split("\n").length + (options.lineOffset ?? 0),
    column: at - lineStart + 1,
    hint,
  });
}

/**
 * Throws libyaml's error for a key left empty without `?` (yaml-empty-key.ts), or for an anchor
 * or alias name it does not scan (yaml-anchor-names.ts), whichever comes first.
 */
function checkEmptyKeys(text: string, options: YamlOptions): void {
  const key = emptyImplicitKey(text);
  const anchor = invalidAnchorNameOf(text);
  const compact = compactMappingOf(text);
  const first = [key, anchor, compact].filter((e) => e !== null).sort((a, b) => a.at - b.at)[0];
  if (!first) return;
  throw yamlErrorAt(text, first, options, first === key
    ? "A line (or a flow entry) starts with ': ', a value without its key: write the key before the colon, or quote the value if the colon belongs to it."
    : first === anchor
      ? "An anchor (&name) or alias (*name) is named with letters, digits, '_' and '-' only; quote a value that starts with '&' or '*'."
      : "A key's value on its own line cannot be a mapping (an anchor or tag then ': '): put the inner mapping on the next lines, indented, or quote the value.");
}

/**
 * invalidAnchorName of the text as the load reads it (anchor names ended as libyaml ends them:
 * `&x: &y*y` is only readable once `&x` is cut at its `:`), placed in the text as written.
 */
function invalidAnchorNameOf(text: string): { at: number; reason: string } | null {
  const cuts = anchorNameCuts(text);
  const found = invalidAnchorName(cuts.length === 0 ? text : insertSpaces(text, cuts));
  return found && { at: offsetBeforeSpaces(found.at, cuts), reason: found.reason };
}

/** compactMappingValue of the text as the load reads it (anchor names ended as libyaml ends them), placed in the text as written. */
function compactMappingOf(text: string): { at: number; reason: string } | null {
  const cuts = anchorNameCuts(text);
  const found = compactMappingValue(insertSpaces(text, cuts));
  return found && { at: offsetBeforeSpaces(found.at, cuts), reason: found.reason };
}

/**
 * A `...` (document end) line before any content: libyaml starts the stream's first document
 * implicitly and finds no node in it ("did not find expected node content while parsing a block
 * node" at that line), so Psych raises (Jekyll fails on such a `_data` file, and drops such front
 * matter with a warning); js-yaml skipped the marker and read on.
 */
function checkLeadingDocumentEnd(text: string, options: YamlOptions): void {
  const m = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*/.exec(text)!;
  if (!/^\.\.\.(?:[ \t]|\r?\n|\r?$)/.test(text.slice(m[0].length))) return;
  throw new BuildError("invalid YAML: did not find expected node content while parsing a block node", {
    file: options.file,
    line: m[0].split("\n").length + (options.lineOffset ?? 0),
    column: 1,
    hint: "A line of three dots ends a YAML document; here it comes before any content. Remove it (or quote it if it is text).",
  });
}

/**
 * After an indented first block (indentedFirstBlock), libyaml's scanner still reads the next
 * line's first token, and where that is a quoted scalar or a flow collection (a possible simple
 * key) it reads on along the line to see whether a `:` follows: a `?` or `- ` indicator right
 * after it is its error ("mapping keys are not allowed in this context", `  a: 1\n"d"?`), raised
 * before the parser can end the document.
 */
function checkTokenAfterFirstBlock(text: string, end: number, options: YamlOptions): void {
  const next = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*/.exec(text.slice(end))![0].length + end;
  const lineEnd = text.indexOf("\n", next);
  const line = text.slice(next, lineEnd < 0 ? text.length : lineEnd);
  // (Only the token right after the node: a `:` first settles the key, and the parser ends the
  // document before the scanner reads on. Flow collections without nested brackets only.)
  const m = /^([ \t]*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|\[[^[\]{}\n]*\]|\{[^[\]{}\n]*\})[ \t]*)([?-])(?:[ \t]|\r?$)/.exec(line);
  if (!m) return;
  const reason = m[2] === "?" ? "mapping keys are not allowed in this context" : "block sequence entries are not allowed in this context";
  throw yamlErrorAt(text, { at: next + m[1]!.length, reason }, options, "A line after the document's first, indented block starts a new token there: indent it with that block, or quote the line.");
}

/**
 * A `---` or `...` line (at column 0, then a space or the line's end) inside a quoted scalar that
 * goes on past it: libyaml stops there ("found unexpected document indicator while scanning a
 * quoted scalar", placed at the opening quote) and Psych raises; js-yaml reads the line as part of
 * the text. Called once js-yaml read the text as one document, so such a line is inside a quote
 * (or trails the document, with nothing but blanks and comments after it: libyaml reads that).
 */
function checkDocumentIndicatorInQuotes(text: string, options: YamlOptions): void {
  if (!/\n(?:---|\.\.\.)(?:[ \t]|\r?\n|\r?$)/.test(text)) return;
  // Where the last content line starts: marker lines after it only trail the document.
  let contentEnd = text.length;
  for (let end = text.length; end > 0;) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    if (!/^(?:[ \t]*(?:#.*)?|(?:---|\.\.\.)(?:[ \t].*)?)\r?$/.test(text.slice(start, end))) break;
    contentEnd = start;
    end = start - 1;
  }
  // Only the first marker line before it matters (one pass over the text): libyaml stops there.
  const marker = /\n((?:---|\.\.\.))(?:[ \t]|\r?\n|\r?$)/g;
  const m = marker.exec(text);
  if (!m || m.index >= contentEnd) return;
  const quote = unclosedAt(text, m.index + 1).quote;
  if (!quote || unclosedAt(text, text.length).quote) return;
  throw new BuildError("invalid YAML: found unexpected document indicator while scanning a quoted scalar", {
    file: options.file,
    line: quote.line + (options.lineOffset ?? 0),
    column: quote.column,
    hint: `A line starting with "${m[1]}" ends a YAML document, even inside quotes: indent that line of the quoted text.`,
  });
}

/**
 * Parses one YAML document; an empty document is null. Throws a located BuildError.
 *
 * libyaml's rules decide first whether Psych reads the text, and where its first document ends
 * (yaml-syntax.ts): a syntax error is Psych's, in its words and place, and js-yaml reads the values
 * of that document only. (Where js-yaml's own checks below name the same error at the same place
 * with a hint of their own, their error is kept: that hint names the tab, the empty key, the run-on
 * quote; their generic hint gives way to libyaml's sentence for the problem.)
 */
export function loadYaml(text: string, options: YamlOptions): unknown {
  // Flat `key: value` front matter (nearly all of it) is read by a scanner that gives the same
  // values, before libyaml's rules are asked: every text it accepts (yaml-flat.ts: identifier keys
  // at column 0, one-line scalars and flow sequences, `- item` lines, no tabs, control characters,
  // BOM, directives or document markers) is one document libyaml reads without error, except a
  // `\u` escape of a surrogate, which the flat scanner would decode and libyaml refuses. The scan
  // below cost about as much as the rest of a post's front matter read together.
  if (options.fast !== false && !SUSPECT_ESCAPE.test(text)) {
    const flat = tryFlatYaml(text, options.zone);
    if (flat !== undefined) return flat;
  }
  let first: FirstDocument | null;
  try {
    first = libyamlFirstDocument(text, options);
  } catch (syntax) {
    if (!(syntax instanceof BuildError)) throw syntax;
    try {
      loadWithJsYaml(text, options);
    } catch (own) {
      // (Only where its hint says more than the generic one: libyaml's table may name the problem.)
      if (own instanceof BuildError && own.message === syntax.message && own.line === syntax.line && own.column === syntax.column && own.hint !== GENERIC_HINT) throw own;
    }
    throw syntax;
  }
  if (first && first.events === null) return null;
  // Psych builds the values in the document's order: an alias before its anchor (or to none) is
  // Psych::BadAlias there, whatever follows.
  const badAlias = first && firstUnknownAlias(first.events!);
  if (badAlias) {
    throw new BuildError(`invalid YAML: Unknown alias: ${badAlias.anchor}`, {
      file: options.file,
      line: badAlias.start.line + 1 + (options.lineOffset ?? 0),
      column: badAlias.start.column + 1,
      hint: "An alias (*name) repeats the value of an anchor (&name) written before it: write the anchor first, or quote a value that starts with '*'.",
    });
  }
  // Psych reads nothing past the first document's end.
  const read = first && first.end < text.length ? text.slice(0, first.end) : text;
  // (The flat scanner may still read the first document of a text that held more.)
  if (options.fast !== false && read !== text && !SUSPECT_ESCAPE.test(read)) {
    const flat = tryFlatYaml(read, options.zone);
    if (flat !== undefined) return flat;
  }
  // js-yaml reads libyaml's nodes, written one a line (yaml-events-text.ts), so that it splits the
  // text into nodes as libyaml does.
  const nodes = first && eventsToYaml(first.events!);
  if (nodes === null || nodes === read) return loadWithJsYaml(read, options);
  try {
    return loadNodesText(nodes, options);
  } catch {
    // (The full reading below says what went wrong, in its words.)
  }
  try {
    return loadWithJsYaml(nodes, options);
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    // An error of the values (an unknown alias, a class Psych refuses, a bound) is named in the
    // text as written: js-yaml's own reading of it names the place where it says the same.
    try {
      loadWithJsYaml(read, options);
    } catch (own) {
      if (own instanceof BuildError && own.message === e.message) throw own;
    }
    // (Otherwise at the document's root: Psych's errors of the values name no place.)
    const at = first!.events![0]?.start;
    throw new BuildError(e.message, { file: options.file, line: at && at.line + 1 + (options.lineOffset ?? 0), column: at && at.column + 1, hint: e.hint, cause: e });
  }
}

/**
 * yaml-events-text.ts's text read by js-yaml alone: it holds none of what loadWithJsYaml's
 * rewrites are for (comments, tabs, flow collections, block scalars, root properties on lines of
 * their own, several documents), so only the values' own steps apply. Throws where that reading
 * fails; loadWithJsYaml then says why.
 */
function loadNodesText(nodes: string, options: YamlOptions): unknown {
  const { schema } = schemaFor(options.zone);
  const before = recordedCount();
  let value = yamlLoad(nonSpecificTags(nodes), { schema, json: true, filename: options.file, ...YAML_PARSER_OPTIONS });
  if (value === EXPLICIT_SHOVEL) value = "<<";
  if (nodes.includes("*")) checkAliases(value, nodes, options);
  if (recordedCount() !== before) value = preserveOrder(value);
  return value;
}

/** The first alias that no anchor before it defines (Psych::BadAlias). */
function firstUnknownAlias(events: LibyamlEvent[]): Extract<LibyamlEvent, { type: "ALIAS" }> | undefined {
  const defined = new Set<string>();
  for (const ev of events) {
    if (ev.type === "ALIAS") {
      if (!defined.has(ev.anchor)) return ev;
    } else if ("anchor" in ev && ev.anchor !== undefined) {
      defined.add(ev.anchor);
    }
  }
  return undefined;
}

/**
 * js-yaml's reading of a text as written, with the checks and rewrites that make it answer as
 * Psych (the tab, empty-key, anchor-name, leading `...`, repeated root property, root block scalar,
 * tag `#`, flow `?` key, tight comment and first-document steps, and the error words of
 * yaml-error-words.ts). Since libyaml's rules (yaml-syntax.ts) decide the syntax, loadYaml calls it
 * only
 *  - where those rules give no answer (LibyamlUnsupported: a control character past the reader's
 *    first 16 KB, flow collections nested 10,000 deep, more than a million events; and a document
 *    eventsToYaml does not write, nested past YAML_MAX_DEPTH): here every step still decides the
 *    value or the error;
 *  - on a syntax error libyaml found, for its hint alone: where this says the same words at the
 *    same place with a hint other than GENERIC_HINT, that hint is kept (it names the tab, the empty
 *    key, the `...` line, the run-on quote or the escape, where libyaml's table has one sentence
 *    per problem);
 *  - where js-yaml cannot read libyaml's nodes (an error of the values), to place that error.
 * Measured when the flat scanner was taken out of it: leaving out any one of these steps changes no
 * value and no error's words or place on a text libyaml's rules read (13,785 texts: yaml-hunt seeds
 * 1-8 of both shapes, the golden documents, the tests' YAML), only hints; on the same texts with a
 * control character past 16 KB every step changes answers (leading `...`: 3, tab: 650, root block
 * scalar: 1,283, error words: 4,050, flow `?` keys: 9). So each stays.
 */
function loadWithJsYaml(text: string, options: YamlOptions): unknown {
  checkTabs(text, options);
  checkEmptyKeys(text, options);
  // Psych reads a document of only blank and comment lines as nil; js-yaml calls it an error.
  if (/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:#[^\n]*)?$/.test(text)) return null;
  checkLeadingDocumentEnd(text, options);
  if (SUSPECT_ESCAPE.test(text)) {
    const at = invalidUnicodeEscape(text);
    if (at >= 0) {
      const lineStart = text.lastIndexOf("\n", at - 1) + 1;
      throw new BuildError("invalid YAML: found invalid Unicode character escape code while parsing a quoted scalar", {
        file: options.file,
        line: text.slice(0, at).split("\n").length + (options.lineOffset ?? 0),
        column: at - lineStart + 1,
        hint: "Jekyll's YAML parser (libyaml) takes no \\u escape of a UTF-16 surrogate: write the character itself, or one \\U0001F600-style escape (JSON from Python: json.dump(..., ensure_ascii=False)).",
      });
    }
  }
  // (No flat scanner here: loadYaml tried it on the text and on its first document before libyaml's
  // rules, and what it accepts it reads as js-yaml does.)
  const { schema } = schemaFor(options.zone);
  const repeated = repeatedRootProperty(text, valueIndicatorOutsideFlow);
  if (repeated && "reason" in repeated) throw yamlErrorAt(text, repeated, options, "A node takes one anchor (&name) and one tag (!tag): remove the second one.");
  if (repeated) text = text.slice(0, repeated.end);
  const rootBlock = rootBlockScalar(text);
  if (rootBlock && "value" in rootBlock) return rootBlock.value;
  if (rootBlock && "reason" in rootBlock) throw yamlErrorAt(text, rootBlock, options, "A document that is one block scalar (| or >) has its text indented: indent these lines, or quote the value.");
  if (rootBlock) text = rootBlock.text;
  const hashTag = tagWithHash(text);
  if (hashTag) throw yamlErrorAt(text, hashTag, options, "A tag (!name) ends at a space: put a space between the tag and a `#` comment.");
  try {
    const before = recordedCount();
    const load = (t: string) => loadIndentingFlowLines(nonSpecificTags(separateFlowKeys(separateAnchorNames(t))), (u) => loadFirstDocument(u, (v) => loadTightComments(v, (w) => loadSecondaryTagSuffixes(w, (x) => loadSeparatingAnchorNames(x, (y) => yamlLoad(stripFinalBlockBreak(y), { schema, json: true, filename: options.file, ...YAML_PARSER_OPTIONS }))))));
    let value: unknown;
    try {
      value = load(text);
    } catch (e) {
      const first = e instanceof YAMLException && e.reason === "end of the stream or a document separator is expected" ? indentedFirstBlock(text) : null;
      if (first === null) throw e;
      // (libyaml reads on into the whitespace after that block, tabs included.)
      checkTabs(text.slice(0, first.length + /^[ \t\r\n]*/.exec(text.slice(first.length))![0].length), options);
      value = load(first);
      checkTokenAfterFirstBlock(text, first.length, options);
    }
    checkDocumentIndicatorInQuotes(text, options);
    if (value === EXPLICIT_SHOVEL) value = "<<";
    if (text.includes("*")) checkAliases(value, text, options);
    if (recordedCount() !== before) value = preserveOrder(value);
    return value;
  } catch (e) {
    if (e instanceof DisallowedClassError) {
      // A scalar's tag: js-yaml gives no position from a resolver, so the tag's first use names the line.
      const short = e.tagName.replace(/^tag:yaml\.org,2002:/, "!!");
      const at = text.indexOf(short);
      throw new BuildError(`invalid YAML: ${e.message}`, {
        file: options.file,
        line: at < 0 ? undefined : text.slice(0, at).split("\n").length + (options.lineOffset ?? 0),
        hint: "Jekyll loads YAML with Psych.safe_load, which makes no Ruby objects but Date and Time: remove the tag (or quote a value starting with ':').",
        cause: e,
      });
    }
    if (e instanceof YAMLException) {
      const mark = (e as any).mark as { line?: number; column?: number; position?: number } | undefined;
      let line = mark?.line !== undefined ? mark.line + 1 + (options.lineOffset ?? 0) : undefined;
      let column = mark?.column !== undefined ? mark.column + 1 : undefined;
      let reason = e.reason;
      if (isNestingBound(reason)) {
        throw new BuildError(`invalid YAML: lists and mappings nested more than ${YAML_MAX_DEPTH} deep`, {
          file: options.file,
          line,
          column,
          hint: "Nest the data less deeply (a list of lists of lists… usually means a bracket or an indentation went wrong).",
          cause: e,
        });
      }
      // An unclosed `[` or `{`: js-yaml stumbles on a later line ("deficient indentation");
      // Psych names the collection that was never closed, where it opens. So do we.
      const unclosed = mark?.position !== undefined ? unclosedAt(text, mark.position) : null;
      // A quote never closed: js-yaml reports the end of the text; Psych, as here, the opening quote.
      // js-yaml's place of the error in the text as written (the text it read may have lines
      // indented by loadIndentingFlowLines: the line is the same).
      const position = mark?.line !== undefined && mark.column !== undefined ? lineStartOf(text, mark.line) + mark.column : -1;
      // (js-yaml may also stop at a quote that is never closed before it reads on.)
      const atQuote = position >= 0 && (text[position] === '"' || text[position] === "'");
      let quote = /^unexpected end of the stream within a (?:single|double) quoted scalar$/.test(reason) || atQuote ? unclosedAt(text, text.length).quote : null;
      if (quote && atQuote && !/quoted scalar$/.test(reason) && (quote.line !== mark!.line! + 1 || quote.column !== mark!.column! + 1)) quote = null;
      const open = unclosed?.flow ?? null;
      // libyaml stops at the first error: an empty key, or a mapping on its key's line
      // (`a: &b : c\n  d: e`), before the place js-yaml stopped at (checkEmptyKeys sees neither in
      // a text js-yaml cannot read; the lines before that place it can).
      const before = position >= 0 ? text.slice(0, lineStartOf(text, mark!.line!)) : "";
      const emptyKey = position >= 0 ? [emptyImplicitKey(before), compactMappingOf(before)].filter((w) => w !== null).sort((a, b) => a.at - b.at)[0] ?? null : null;
      let words = emptyKey ?? (!quote && !open && position >= 0 ? libyamlError(text, reason, position) : null);
      const runOn = !words && !quote && !open && position >= 0 ? quotedRunOn(text, mark!.line!) : null;
      let escapeHint = false;
      if (runOn) words = runOn.words;
      else if (!words && position >= 0 && ESCAPE_ERRORS[reason]) {
        // A bad escape in a double-quoted scalar (`"C:\Users\me"`: `\U` wants eight hex digits):
        // libyaml's words, at the scalar's opening quote (Psych's context mark); js-yaml's place is
        // the escape.
        const opened = unclosedAt(text, position).quote;
        if (opened?.char === '"') {
          words = { reason: ESCAPE_ERRORS[reason]!, at: lineStartOf(text, opened.line - 1) + opened.column - 1 };
          escapeHint = true;
        }
      }
      if (words) {
        const lineStart = text.lastIndexOf("\n", words.at - 1) + 1;
        line = text.slice(0, words.at).split("\n").length + (options.lineOffset ?? 0);
        column = words.at - lineStart + 1;
        reason = words.reason;
      } else if (quote) {
        line = quote.line + (options.lineOffset ?? 0);
        column = quote.column;
        reason = `found unexpected end of stream while scanning a quoted scalar that starts here (its closing ${quote.char} is missing)`;
      } else if (open) {
        line = open.line + (options.lineOffset ?? 0);
        column = open.column;
        // libyaml's words ("while parsing a flow sequence"), reported where the collection opens.
        reason = `did not find expected ',' or '${open.char === "[" ? "]" : "}"}' while parsing a flow ${open.char === "[" ? "sequence" : "mapping"}`;
      }
      throw new BuildError(`invalid YAML: ${reason}`, {
        file: options.file,
        line,
        column,
        hint: runOn
          ? `A closing ${runOn.opened.char} is missing: the value that opens with ${runOn.opened.char} at line ${runOn.opened.line + (options.lineOffset ?? 0)}, column ${runOn.opened.column} runs on to the ${runOn.opened.char} at line ${runOn.closed.line + (options.lineOffset ?? 0)}, column ${runOn.closed.column} (the lines between are one value), and what follows that ${runOn.opened.char} is not YAML. Close the value on its own line.`
          : escapeHint
            ? "In double quotes a backslash starts an escape (\\n, \\t, \\u00e9…): write \\\\ for a backslash, or put the value in single quotes ('C:\\Users\\me')."
            : GENERIC_HINT,
        cause: e,
      });
    }
    throw e;
  }
}

/** js-yaml's refusals of an escape in a double-quoted scalar, in libyaml's words ("hexdecimal" sic). */
const ESCAPE_ERRORS: Record<string, string> = {
  "unknown escape sequence": "found unknown escape character while parsing a quoted scalar",
  "expected hexadecimal character": "did not find expected hexdecimal number while parsing a quoted scalar",
};

/**
 * A quoted value left open at the end of its line and closed by a quote on a later line (an
 * academic homepage's `email: "name@host` above `researchgate: "https://…"`): libyaml reads the
 * lines between as the value (a quoted scalar may run over lines), ends it at that quote, and the
 * rest of the line is a token the block collection waiting for its next key or entry does not
 * expect: Psych says "did not find expected key while parsing a block mapping" (or "… '-'
 * indicator … block collection") at that collection's start. js-yaml stops further on ("bad
 * indentation of a mapping entry"). `line` (0-based) is where js-yaml stopped; null when it holds
 * no quote closing an earlier line's, when only a comment follows the quote (valid YAML), or when
 * libyaml would have stopped inside the value first (a document marker at a line's start, an
 * escape it does not know).
 */
function quotedRunOn(text: string, line: number): { words: { reason: string; at: number }; opened: Opening; closed: Opening } | null {
  const start = lineStartOf(text, line);
  const newline = text.indexOf("\n", start);
  const end = newline < 0 ? text.length : newline;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== '"' && c !== "'") continue;
    const { quote } = unclosedAt(text, i);
    if (!quote) return null;
    if (quote.char !== c) continue;
    // The first such quote on the line closes the value; it must have opened on an earlier line.
    if (quote.line > line) return null;
    // libyaml reads on past blanks to the next token (a `:` too: a value over several lines is no
    // key); a comment ends the line, and the value is complete and valid.
    const after = /^[ \t]*(.?)/.exec(text.slice(i + 1, end))![1];
    if (after === "" || /[#,\]}]/.test(after)) return null;
    const openAt = lineStartOf(text, quote.line - 1) + quote.column - 1;
    const inside = text.slice(openAt + 1, i);
    if (/\n(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(inside)) return null;
    if (c === '"' && /\\(?![0abt\tnvfre "/\\N_LPxuU\r\n])/.test(inside.replace(/\\\\/g, ""))) return null;
    const waiting = blockCollectionAt(text, openAt);
    if (!waiting) return null;
    return {
      words: waiting.mapping
        ? { reason: "did not find expected key while parsing a block mapping", at: waiting.start }
        : { reason: "did not find expected '-' indicator while parsing a block collection", at: waiting.start },
      opened: quote,
      closed: { char: c, line: line + 1, column: i - start + 1 },
    };
  }
  return null;
}

/** Where the 0-based `line` of the text starts (the text's end past its last line). */
function lineStartOf(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf("\n", at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}

/**
 * A line's tabs next to a flow indicator (`[` `]` `{` `}` `,`) or after a `:`, outside quotes, as
 * spaces. libyaml takes such a tab as the whitespace it is (`tags:\t[a,\tb]` is ["a", "b"]); js-yaml
 * calls it "deficient indentation". Tabs inside a plain or quoted scalar are left alone.
 */
function flowTabsAsSpaces(line: string): string {
  let out = "";
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') { out += c + (line[i + 1] ?? ""); i++; continue; }
      if (c === quote) quote = "";
      out += c;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]!))) quote = c;
    if (c === "\t") {
      let j = i;
      while (line[j] === "\t" || line[j] === " ") j++;
      let k = i;
      while (k > 0 && (line[k - 1] === "\t" || line[k - 1] === " ")) k--;
      const prev = k > 0 ? line[k - 1]! : "";
      const next = line[j] ?? "";
      if ("[]{},:".includes(prev) && prev !== "" || "[]{},".includes(next) && next !== "") { out += " "; continue; }
    }
    out += c;
  }
  return out;
}

/**
 * YAML's non-specific tag `!` on a scalar (`a: ! 123`): Psych reads the scalar as if untagged
 * (123), js-yaml as a string. Each such tag is renamed to NON_SPECIFIC (read untagged by
 * psychTags). Found through js-yaml's own event parser, so only real tags are touched; the text is
 * returned as is when it has none (or does not parse: the load reports that).
 */
function nonSpecificTags(text: string): string {
  if (!/(?:^|[\s[{,])!(?=[ \t\r\n]|$)/m.test(text)) return text;
  const events = yamlEvents<{ tagStart?: number; tagEnd?: number; valueStart?: number }>(text);
  if (!events) return text;
  let out = text;
  for (let i = events.length - 1; i >= 0; i--) {
    const ev = events[i]!;
    if (ev.valueStart === undefined || ev.tagStart === undefined || ev.tagStart < 0 || ev.tagEnd! - ev.tagStart !== 1) continue;
    out = `${out.slice(0, ev.tagStart)}!<${NON_SPECIFIC}>${out.slice(ev.tagEnd)}`;
  }
  return out;
}

/**
 * libyaml ends the document when its root node is complete and anything else follows: after a
 * flow collection (`[a] b`, `{a: 1}\n- x`), a quoted scalar (`"x" y`) or a block scalar, and
 * Psych.safe_load returns that first document without reading on, so Jekyll gets `["a"]`. js-yaml
 * calls the rest an error ("end of the stream or a document separator is expected"); the document
 * is read again up to where the rest starts. Where libyaml fails on the rest all the same, so
 * does this: a character that starts no token (`@`, backquote, `%`), or a `key:` on the root's
 * own line (the root becomes that mapping's key, and the mapping is broken).
 */
function loadFirstDocument(text: string, load: (text: string) => unknown): unknown {
  try {
    return load(text);
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    const at = (e as { mark?: { position?: number } }).mark?.position;
    // `[a]\n---\nb`: Psych.safe_load reads the first document of a stream and returns it at its
    // end (a `---` or `...` line), without reading on: whatever follows is never parsed, even
    // text that is no YAML (`- a\n...\n{% if x %}` gives ["a"]). js-yaml parses every document
    // first: it says "found more" (no position), or fails inside a later document (a position
    // past the separator line). Either way the first document is read alone.
    const firstEnd = firstDocumentEnd(text);
    if (firstEnd !== null && (e.reason === "expected a single document in the stream, but found more" || at !== undefined && at >= firstEnd)) {
      return load(text.slice(0, firstEnd));
    }
    if (e.reason === "expected a single document in the stream, but found more") throw e;
    // Properties then an alias at the root (`!t *x`, `&a *x`): libyaml takes the properties for an
    // empty node (an alias takes none) and that node for the whole root; the alias starts what
    // follows the document, and Psych returns the document without reading on (nil; `!!str *x`
    // is ""). Elsewhere the alias is a token the collection does not expect, an error for both.
    // An alias that is a mapping's key (`!t *x: 1`) is no root: on the properties' line the key
    // starts at them (the simple key libyaml saves is the first token of a line) and the mapping
    // meets the alias where it wants a value (libyaml's error at the mapping's start); on a later
    // line it is that mapping's key, which js-yaml reads or refuses.
    if (e.reason === "alias node should not have any properties" && at !== undefined && ROOT_PROPERTIES_ONLY.test(text.slice(0, at))) {
      const lineEnd = text.indexOf("\n", at);
      if (!valueIndicatorOutsideFlow(text.slice(at, lineEnd < 0 ? text.length : lineEnd))) return load(text.slice(0, at));
      const first = rootProperties(text).properties[0];
      if (first && first.lineFirst >= 0 && text.lastIndexOf("\n", at) < first.at) throw libyamlIndicatorError("did not find expected key while parsing a block mapping", text, first.at);
      throw e;
    }
    // A quoted scalar or a flow collection at the root right before a `:` and no blank
    // (`"title":"Hello"`, JSON's spelling; `{a: 1}:x`): to libyaml that `:` is no value indicator,
    // the root is complete at the quote or bracket, and Psych returns it ("title", {"a" => 1})
    // without reading on; js-yaml wants a blank after the `:`.
    if (e.reason === "a whitespace character is expected after the key-value separator within a block mapping" && at !== undefined) {
      // (Maybe after the root's properties: `!!str\n[a]:x` is ["a"].)
      const { contentAt, afterMarker } = rootProperties(text);
      const open = /^(["'[{])/.exec(text.slice(contentAt));
      const close = open ? ({ "[": "]", "{": "}" } as Record<string, string>)[open[1]!] ?? open[1]! : "";
      // A `: ` later on that line makes it a mapping after all, whose key is the quoted scalar or
      // flow collection (with the properties on its line): the scalar `:x` right after it is a
      // token that mapping does not expect, libyaml's error at the mapping's start
      // (`{a: 1}:x: y`). After `--- ` on the line no mapping starts there: the root stands.
      const restOfLine = text.slice(at).split("\n")[0]!;
      if (open && text[at - 1] === ":" && text[at - 2] === close && at - 2 > contentAt && valueIndicatorOutsideFlow(restOfLine)) {
        const lineStart = text.lastIndexOf("\n", contentAt - 1) + 1;
        if (afterMarker < 0 || afterMarker < lineStart) {
          const first = rootProperties(text).properties.find((p) => p.lineFirst >= lineStart)?.lineFirst ?? contentAt;
          throw libyamlIndicatorError("did not find expected key while parsing a block mapping", text, Math.min(first, contentAt));
        }
      }
      if (open && text[at - 1] === ":" && text[at - 2] === close && at - 2 > contentAt && !valueIndicatorOutsideFlow(restOfLine)) {
        try {
          const root = load(text.slice(0, at - 1));
          if (close === open[1] ? typeof root === "string" : root !== null && typeof root === "object") return root;
        } catch {
          // (Not a whole quoted scalar or collection up to there: js-yaml's error stands.)
        }
      }
    }
    if (e.reason !== "end of the stream or a document separator is expected" || at === undefined) throw e;
    // The root's first character (after its properties, if any: `&a [a] b` is ["a"] too).
    const rootProperties_ = rootProperties(text);
    const rootAt = rootProperties_.contentAt;
    const root = /^[[{"'|>]/.test(text.slice(rootAt, rootAt + 1)) ? rootAt : -1;
    if (root < 0) {
      // A plain scalar at the root, then a line starting with `: ` ("title\n: My post"): libyaml
      // ends the document at that line (its `:` opens a new mapping), and Psych returns the scalar.
      if (plainScalarRoot(text) && /^:(?:[ \t\r\n]|$)/.test(text.slice(at)) && /\n[ \t]*$/.test(text.slice(0, at))) return load(text.slice(0, at));
      // A plain scalar at the root ends at a comment, and the document with it: Psych returns the
      // scalar whatever follows ("title:Hello #c\nlayout: post" is "title:Hello").
      if (plainScalarRoot(text)) {
        const lines = text.split("\n");
        // (From the scalar's own line: a comment on a line of the root's properties ends nothing.)
        const { contentAt } = rootProperties(text);
        const through = throughFirstComment(lines, text.slice(0, contentAt).split("\n").length - 1);
        if (through !== null && through.length <= at) {
          // (The scanner still reads the next token to end the document: it may stumble there,
          // on `@` or a backquote, or on a `?` or `- ` after a quoted scalar on its line.)
          const next = through.length + /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ ]*/.exec(text.slice(through.length))![0].length;
          if (text[next] === "@" || text[next] === "`") throw libyamlIndicatorError("found character that cannot start any token while scanning for the next token", text, next);
          // A block scalar's header is scanned whole: after its indicators only blanks and a
          // comment may stand on its line (`a #c\n|9: x`).
          const header = /^[|>](?:[-+]?[1-9]?[-+]?)[ \t]*/.exec(text.slice(next));
          if (header && !/^(?:#|\r?\n|$)/.test(text.slice(next + header[0].length)) && !/^[|>](?:[-+]?0|[-+]{2}|[1-9]{2})/.test(text.slice(next))) {
            throw libyamlIndicatorError("did not find expected comment or line break while scanning a block scalar", text, next);
          }
          const indicator = /^((?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|\[[^[\]{}\n]*\]|\{[^[\]{}\n]*\})[ \t]*)([?-])(?:[ \t]|\r?\n|\r?$)/.exec(text.slice(next));
          if (indicator) throw libyamlIndicatorError(indicator[2] === "?" ? "mapping keys are not allowed in this context" : "block sequence entries are not allowed in this context", text, next + indicator[1]!.length);
          return load(through);
        }
      }
      throw e;
    }
    const rest = text.slice(at);
    if (/^[@`%]/.test(rest)) throw e;
    const rootLineEnd = text.indexOf("\n", root + 1);
    const sameLine = rootLineEnd < 0 || at < rootLineEnd;
    if (sameLine) {
      // On the root's line no simple key may start after it: libyaml's scanner refuses a `?` or
      // `- ` indicator there (`'q'?`, `"d"- 1`, `[a] - b`) before the document can end.
      const indicator = /^([?-])(?:[ \t]|\r?\n|\r?$)/.exec(rest);
      if (indicator) throw libyamlIndicatorError(indicator[1] === "?" ? "mapping keys are not allowed in this context" : "block sequence entries are not allowed in this context", text, at);
      // A `key: ` after the root on its line: the root was a simple key candidate that the new
      // key replaces, and libyaml's parser stops where the block mapping would begin, at the
      // root ("did not find expected key while parsing a block mapping"). After `--- ` on the
      // same line no block collection may start, and the document is just the root.
      if (valueIndicatorOutsideFlow(rest.split("\n")[0]!)) {
        if (/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*---[ \t]/.test(text)) return load(text.slice(0, at));
        // (At the first token of the root's line: its properties there start the key.)
        const rootLineStart = text.lastIndexOf("\n", root - 1) + 1;
        const keyAt = rootProperties_.properties.find((p) => p.lineFirst >= rootLineStart)?.lineFirst ?? root;
        throw libyamlIndicatorError("did not find expected key while parsing a block mapping", text, Math.min(keyAt, root));
      }
    }
    // A root line that is a mapping's first entry (`"d": x`, `{a: 1}: x`): the root is that block
    // mapping, not the quoted scalar or flow collection that starts it, and what js-yaml stopped at
    // on a later line is a token the mapping does not expect: libyaml's error, not the end of the
    // document.
    const rootLine = text.slice(root, rootLineEnd < 0 ? text.length : rootLineEnd);
    if (!sameLine && valueIndicatorOutsideFlow(rootLine)) throw e;
    return load(text.slice(0, at));
  }
}

/** A YAMLException as libyaml's scanner raises it at `at` (js-yaml's mark, which the load's error handling places). */
function libyamlIndicatorError(reason: string, text: string, at: number): YAMLException {
  const line = text.slice(0, at).split("\n").length - 1;
  const column = at - (text.lastIndexOf("\n", at - 1) + 1);
  return new YAMLException(reason, { name: null, buffer: text, position: at, line, column } as any);
}

/**
 * Whether a line has a `:` value indicator (then a blank or the line's end) outside quotes and
 * flow collections: after a complete root node such a `:` makes a mapping libyaml refuses, while
 * a flow collection holding one (`'q' {a: 1}`) only follows the root, which Psych returns.
 */
function valueIndicatorOutsideFlow(line: string): boolean {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = line[i + 1] === "'" && quote === "'" ? (i++, quote) : "";
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "[" || c === "{") depth++;
    else if ((c === "]" || c === "}") && depth > 0) depth--;
    else if (c === ":" && depth === 0 && /^(?:[ \t]|\r?$)/.test(line.slice(i + 1, i + 2) || "")) return true;
    else if (c === "#" && (i === 0 || /[ \t]/.test(line[i - 1]!))) return false;
  }
  return false;
}

/** Text before the root's value that holds only its properties (tags, anchors), after blank or comment lines and an optional `---`; comments may follow them (`&x #c\n  *x`). */
const ROOT_PROPERTIES_ONLY = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---[ \t]+)?[ \t]*(?:[!&][^\s]*(?:[ \t]+#[^\n]*)?[ \t\r\n]+)+$/;

/**
 * Where the stream's first document ends: the offset of the first `---` or `...` line after its
 * start (an optional `---` line), or null when there is none.
 */
function firstDocumentEnd(text: string): number | null {
  const lines = text.split("\n");
  let offset = 0;
  let i = 0;
  const skip = () => { offset += lines[i]!.length + 1; i++; };
  while (i < lines.length && /^[ \t]*(?:#.*)?\r?$/.test(lines[i]!)) skip();
  if (i < lines.length && /^---(?:[ \t]|\r?$)/.test(lines[i]!)) skip();
  for (; i < lines.length; skip()) {
    if (/^(?:---|\.\.\.)(?:[ \t]|\r?$)/.test(lines[i]!)) return offset;
  }
  return null;
}

/** Whether the document's root is a plain scalar: its first line starts no collection, quote or indicator. */
function plainScalarRoot(text: string): boolean {
  // (After the root's properties, if any: `&x a #c` is a plain scalar too.)
  const { contentAt } = rootProperties(text);
  const first = contentAt > 0 ? /^[^\n]*/.exec(text.slice(contentAt))![0] : /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---[ \t]+)?[ \t]*([^\n]*)/.exec(text)![1]!;
  return first !== "" && !/^(?:[-?:](?:[ \t]|\r?$)|[[{"'|>!&*%@`#,\]}])/.test(first) && !/:(?:[ \t]|\r?$)/.test(first);
}

/**
 * A document whose first line is indented (`  title: x\nlayout: post`): libyaml ends its first
 * block at the first line indented less, and Psych.safe_load returns that document and never looks
 * further (Jekyll gets only `title`, whatever follows). js-yaml calls the rest an error. The text
 * up to that line, or null when the document does not start indented. The root's properties may
 * stand on lines of their own before it (`&x\n  q: 1\nfoo` is {"q" => 1}, `!t\n  - x\n&x` is
 * ["x"]): the block is the first line holding more.
 */
function indentedFirstBlock(text: string): string | null {
  const lines = text.split("\n");
  const content = (l: string) => !/^[ \t]*(?:#.*)?\r?$/.test(l);
  const propertiesOnly = (l: string) => /^[ \t]*(?:[!&][^\s]*[ \t]+)*[!&][^\s#]*[ \t]*(?:#.*)?\r?$/.test(l);
  let start = lines.findIndex(content);
  while (start >= 0 && propertiesOnly(lines[start]!)) {
    const next = lines.findIndex((l, i) => i > start && content(l));
    start = next;
  }
  if (start < 0) return null;
  const indent = /^ */.exec(lines[start]!)![0].length;
  if (indent === 0) return null;
  // (The line's own properties stand before its node.)
  const node = lines[start]!.trim().replace(/^(?:[!&][^\s]*[ \t]+)*/, "");
  // Only a block collection ends there: a plain scalar at the root runs on over lines indented
  // less ("  text\nmore" is "text more", and a `key:` among them is an error in libyaml too), up
  // to a comment, where the document's root is complete. (js-yaml takes no line of it indented
  // less than its first: that line loses its indentation, which does not change the value.)
  if (!/^(?:[-?](?:[ \t]|\r?$)|[^#]*?:(?:[ \t]|\r?$))/.test(node)) {
    const through = throughFirstComment(lines, start);
    if (through === null) return null;
    const at = lines.slice(0, start).reduce((n, l) => n + l.length + 1, 0);
    return through.slice(0, at) + through.slice(at + indent);
  }
  for (let i = start + 1; i < lines.length; i++) {
    if (content(lines[i]!) && /^ */.exec(lines[i]!)![0].length < indent) return lines.slice(0, i).join("\n") + "\n";
  }
  return null;
}

/**
 * The text of a plain scalar starting on line `start` up to the comment that ends it (a ` #` on
 * its line, or a comment line after its first), where the root is complete; null when none does.
 */
function throughFirstComment(lines: string[], start: number): string | null {
  if (start < 0) return null;
  for (let i = start; i < lines.length; i++) {
    if (/[ \t]#/.test(lines[i]!)) return lines.slice(0, i + 1).join("\n") + "\n";
    if (i > start && /^[ \t]*#/.test(lines[i]!)) return lines.slice(0, i).join("\n") + "\n";
  }
  return null;
}

/**
 * A `!!` tag whose suffix holds a `!` (`a: !!str!t x`): libyaml scans the suffix as URI
 * characters, `!` among them, so the tag is `tag:yaml.org,2002:str!t`, one Psych does not know,
 * and the value is read as if untagged ({"a" => "x"}; `!!int!x 5` is 5, and with no value nil).
 * js-yaml refuses a `!` in a suffix ("tag suffix cannot contain exclamation marks", at that `!`):
 * the tag is written out verbatim there (`!<tag:yaml.org,2002:str!t>`, which js-yaml reads and
 * psychTags treats as any unknown tag) and the text read again, one tag a round, a bounded number
 * of rounds.
 */
function loadSecondaryTagSuffixes(text: string, load: (text: string) => unknown): unknown {
  return loadMending(text, load, (current, e) => {
    const at = e.mark?.position;
    if (e.reason !== "tag suffix cannot contain exclamation marks" || at === undefined) return null;
    const start = current.lastIndexOf("!!", at);
    if (start < 0 || /[\s]/.test(current.slice(start, at))) return null;
    const end = start + /^\S*/.exec(current.slice(start))![0].length;
    return `${current.slice(0, start)}!<tag:yaml.org,2002:${current.slice(start + 2, end)}>${current.slice(end)}`;
  });
}

/**
 * separateAnchorNames again on the text loadTightComments made readable: the first pass (on the
 * text as written) cuts no name where a tight comment stopped js-yaml (`a: 'q'#c\n&x: 1` is
 * {"a" => "q", nil => 1} to Psych). A no-op where that pass cut them all. Where js-yaml still
 * fails, the error is the one the text without these cuts gives, so that its place is the place
 * in the text as written.
 */
function loadSeparatingAnchorNames(text: string, load: (text: string) => unknown): unknown {
  const separated = separateAnchorNames(text);
  if (separated === text) return load(text);
  try {
    return load(separated);
  } catch (e) {
    load(text);
    throw e;
  }
}

/**
 * libyaml starts a comment at a `#` wherever a token could start, also right after a quoted
 * scalar or a flow collection (`title: "Hello"# draft`, `tags: [a]#x`: Psych reads "Hello" and
 * ["a"]) or a block scalar's header (`x: >#c`, BLOCK_SCALAR_HEADER); YAML and js-yaml want a space before it ("bad indentation of a mapping entry"). Where
 * js-yaml stops at such a `#`, the comment is blanked out (same length: every position is kept)
 * and the text read again. (In a plain scalar, `a#b`, the `#` is text in both.)
 */
function loadTightComments(text: string, load: (text: string) => unknown): unknown {
  return loadMending(text, load, (current, e) => {
    const at = e.mark?.position;
    if (at === undefined) return null;
    if (blockScalarAtKeyColumn(current, at)) return `${current.slice(0, at)} ${current.slice(at)}`;
    if (current[at] !== "#" || !(/["'\]}]/.test(current[at - 1] ?? "") || BLOCK_SCALAR_HEADER.test(current.slice(current.lastIndexOf("\n", at - 1) + 1, at)))) return null;
    const end = current.indexOf("\n", at);
    const lineEnd = end < 0 ? current.length : end;
    return current.slice(0, at) + " ".repeat(lineEnd - at) + current.slice(lineEnd);
  });
}

/**
 * Whether `at` starts a line's block scalar header (`|`, `>2-`…, maybe then a comment) in the
 * column of the key on the line before it, which has no value (`title:\n|\n  text`). libyaml
 * takes it as that key's value, as it takes a `- ` list there (Psych reads {"title" => "text\n"});
 * js-yaml wants it indented past the key. The header is then moved one column right (its content
 * lines are indented past the key for both, and an indentation indicator counts from the key's
 * column for both).
 */
function blockScalarAtKeyColumn(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const column = at - lineStart;
  const lineEnd = text.indexOf("\n", at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  if (!/^ *[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+#.*)?\r?$/.test(line) || /^ */.exec(line)![0].length !== column) return false;
  // The line before it that holds more than blanks or a comment: a key with nothing after its colon.
  const before = text.slice(0, lineStart).split("\n").reverse().find((l, i) => i > 0 && !/^[ \t]*(?:#.*)?\r?$/.test(l));
  if (before === undefined || !/:[ \t]*(?:[ \t]#.*)?\r?$/.test(before) || /^[ \t]*#/.test(before)) return false;
  // (The key may follow block indicators: `- a:`, and an explicit key's `? a:` or value's `: a:`.)
  const key = /^( *)((?:[-?:] +)*)/.exec(before)!;
  return key[1]!.length + key[2]!.length === column;
}

/**
 * A block scalar's header (`|`, `>`, with chomping and indentation indicators) ending the line
 * before a `#`: libyaml's scan_block_scalar eats blanks and then a comment after the indicators,
 * so `x: >#c` is a block scalar (Psych reads {"x" => ""}); js-yaml wants a blank before the `#`.
 */
const BLOCK_SCALAR_HEADER = /(?:^|[ \t])[|>](?:[1-9][+-]?|[+-][1-9]?)?$/;

/** Retries per document at most: each one fixes one line. */
const MAX_INDENT_RETRIES = 1000;

/**
 * libyaml (Psych) lets the continuation lines of a quoted scalar or a flow collection start at any
 * column; js-yaml wants them indented past their key ("deficient indentation"). Real front
 * matter has titles and excerpts like `title: "A long\nsecond line"` with the second line at the
 * left margin. Inside a quoted scalar or a flow collection the indentation of a continuation line
 * carries no meaning (folding drops it), so each line js-yaml refuses is indented and the text
 * read again.
 */
function loadIndentingFlowLines(text: string, load: (text: string) => unknown): unknown {
  return loadMending(text, load, (current, e) => {
    const line = e.mark?.line;
    if (e.reason !== "deficient indentation" || line === undefined) return null;
    const lines = current.split("\n");
    if (line >= lines.length) return null;
    const untabbed = flowTabsAsSpaces(lines[line]!);
    lines[line] = untabbed !== lines[line] ? untabbed : "        " + lines[line];
    return lines.join("\n");
  });
}

/**
 * Reads `text` with `load`; where js-yaml stops with an error that `mend` knows how to mend (it
 * returns the mended text, or null for an error that stands), reads the mended text again, at most
 * MAX_INDENT_RETRIES times.
 */
function loadMending(text: string, load: (text: string) => unknown, mend: (current: string, e: YAMLException & { mark?: { position?: number; line?: number } }) => string | null): unknown {
  let current = text;
  for (let attempt = 0; ; attempt++) {
    try {
      return load(current);
    } catch (e) {
      if (!(e instanceof YAMLException) || attempt >= MAX_INDENT_RETRIES) throw e;
      const mended = mend(current, e as YAMLException & { mark?: { position?: number; line?: number } });
      if (mended === null) throw e;
      current = mended;
    }
  }
}
