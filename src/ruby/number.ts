// Liquid 5's number filters (plus, minus, times, divided_by, modulo, round, abs, ceil, floor,
// at_least, at_most). Liquid::Utils.to_number turns a Float (or a "1.5"-shaped string) into a
// BigDecimal of its printed digits, so `0.1 | plus: 0.2` is exactly 0.3, and converts the result
// back with `to_f`; Integers stay Integers (`10 | divided_by: 4` is 2, floored like Ruby's `/`,
// and `-7 | modulo: 3` is 2, with the divisor's sign). decimal.js stands in for BigDecimal.
import { Decimal as DecimalJs } from "decimal.js";
import { RubyFloat, formatFloat, isFloat, plain, rubyInteger } from "./values.js";
import { JekyllTime } from "./time.js";
import { rubyStrip } from "./strings.js";

const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, modulo: DecimalJs.ROUND_FLOOR });
type Dec = InstanceType<typeof Decimal>;

/** Integer (a JS integer, or a bigint beyond 2^53: see rubyInteger) or BigDecimal. */
export type RubyNumber = { int: number | bigint } | { dec: Dec };

const DECIMAL_STRING = /^-?\d+\.\d+$/;

// Ruby's ISSPACE (" \t\n\v\f\r") is the only whitespace String#to_i, Kernel#Integer and
// String#strip skip: `"\u00a05".to_i` is 0 in Ruby, where JavaScript's `\s` and trim() would take
// the no-break space (and every other Unicode space) as whitespace and read 5.

/**
 * Ruby's String#to_i: ISSPACE, a sign, an optional `0d` prefix (base 10's own), digits with single
 * underscores between them; anything after is ignored, and no digits is 0. Every digit is kept: a
 * bigint past 2^53 (see rubyInteger). The one String#to_i of the project: the number filters,
 * `to_integer`, range ends, `tablerow`'s attributes and Jekyll's sort keys all read strings here.
 */
export function stringToInteger(s: string): number | bigint {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:0[dD](?=\d))?(\d+(?:_\d+)*)/.exec(s);
  if (!m) return 0;
  return digitsValue(m[2]!.replace(/_/g, ""), m[1] === "-", 10);
}

/** String#to_i as a JavaScript number (a count, an index, a range end: exact up to 2^53). */
export function stringToI(s: string): number {
  return Number(stringToInteger(s));
}

/**
 * Kernel#Integer(string), which Liquid::Utils.to_integer uses (slice, truncate, truncatewords, a
 * for loop's limit and offset, pop/shift/sample): stricter than to_i (the whole string, ISSPACE
 * either side, or an ArgumentError: null here) and with Ruby's literal prefixes: `0x1A` is 26,
 * `0b101` 5, `0o17` and `017` 15 (a leading 0 is octal, so `09` fails), `0d09` 9.
 */
export function kernelInteger(s: string): number | bigint | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:0([xX])([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)|0([bB])([01]+(?:_[01]+)*)|0([oO]?)_?([0-7]+(?:_[0-7]+)*)|0[dD](\d+(?:_\d+)*)|(0|[1-9]\d*(?:_\d+)*))[ \t\n\v\f\r]*$/.exec(s);
  if (!m) return null;
  const negative = m[1] === "-";
  if (m[2]) return digitsValue(m[3]!.replace(/_/g, ""), negative, 16);
  if (m[4]) return digitsValue(m[5]!.replace(/_/g, ""), negative, 2);
  if (m[7] !== undefined) return digitsValue(m[7].replace(/_/g, ""), negative, 8);
  return digitsValue((m[8] ?? m[9]!).replace(/_/g, ""), negative, 10);
}

/**
 * Kernel#Float(string), as Ruby's CSV :float converter calls it: the whole string (ISSPACE either
 * side) a decimal number with an optional fraction (`.5` yes, `5.` no) and exponent, underscores
 * only between digits, or a hexadecimal one (`0x1A`, `0x1.8p1`); no `Infinity`, `NaN` or binary.
 * An exponent past the range gives Infinity or 0.0, as strtod does. null: ArgumentError.
 */
export function kernelFloat(s: string): number | null {
  const dec = /^[ \t\n\v\f\r]*([+-]?)(?:(\d+(?:_\d+)*)(?:\.(\d+(?:_\d+)*))?|\.(\d+(?:_\d+)*))(?:[eE]([+-]?\d+(?:_\d+)*))?[ \t\n\v\f\r]*$/.exec(s);
  if (dec) {
    const text = `${dec[1]}${dec[2] ?? "0"}.${dec[3] ?? dec[4] ?? "0"}e${dec[5] ?? "0"}`.replace(/_/g, "");
    return Number(text);
  }
  const hex = /^[ \t\n\v\f\r]*([+-]?)0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)(?:\.([0-9a-fA-F]+))?(?:[pP]([+-]?\d+))?[ \t\n\v\f\r]*$/.exec(s);
  if (!hex) return null;
  const digits = hex[2]!.replace(/_/g, "") + (hex[3] ?? "");
  let x = 0;
  for (const d of digits) x = x * 16 + Number.parseInt(d, 16);
  x = x / 16 ** (hex[3]?.length ?? 0) * 2 ** Number(hex[4] ?? 0);
  return hex[1] === "-" ? -x : x;
}

/** The Integer that `digits` (no sign, no underscores) write in `base`: a bigint past 2^53. */
function digitsValue(digits: string, negative: boolean, base: 2 | 8 | 10 | 16): number | bigint {
  if (digits.length < 14) {
    const n = Number.parseInt(digits, base);
    // 0 - n, not -n: an Integer has no negative zero ("-0".to_i is 0, which `times: 1.0` makes 0.0).
    return negative ? 0 - n : n;
  }
  const prefix = base === 16 ? "0x" : base === 8 ? "0o" : base === 2 ? "0b" : "";
  const n = BigInt(prefix + digits);
  return rubyInteger(negative ? -n : n);
}

/** Liquid::Utils.to_number. */
export function toNumber(v: unknown): RubyNumber {
  v = plain(v);
  if (isFloat(v)) return { dec: new Decimal(formatFloat(Number(v))) };
  if (typeof v === "number" || typeof v === "bigint") return { int: v };
  if (typeof v === "string") {
    // `/\A-?\d+\.\d+\z/.match?(obj.strip)`: Ruby's strip (ISSPACE and NUL), not trim().
    const t = rubyStrip(v);
    return DECIMAL_STRING.test(t) ? { dec: new Decimal(t) } : { int: stringToInteger(v) };
  }
  if (v instanceof JekyllTime) return { int: 0 };
  return { int: 0 };
}

/** A Float result as a Liquid value: integral floats keep their Float-ness. */
export function floatValue(x: number): number | RubyFloat {
  return Number.isInteger(x) ? new RubyFloat(x) : x;
}

/** BigDecimal#to_f, or the Integer itself. */
export function fromNumber(n: RubyNumber): number | bigint | RubyFloat {
  return "int" in n ? n.int : floatValue(n.dec.toNumber());
}

function toDec(n: RubyNumber): Dec {
  return "int" in n ? new Decimal(typeof n.int === "bigint" ? n.int.toString() : n.int) : n.dec;
}

/** Ruby's FloatDomainError: an infinite or NaN value made an Integer (Liquid reports it as its own class). */
export class FloatDomainError extends Error {}

/** An integral BigDecimal's Integer (BigDecimal#to_i: every digit; Infinity and NaN have none). */
function decimalInteger(d: Dec): number | bigint {
  if (d.isNaN()) throw new FloatDomainError("Computation results in 'NaN' (Not a Number)");
  if (!d.isFinite()) throw new FloatDomainError(`Computation results in '${d.isNegative() ? "-" : ""}Infinity'`);
  return d.abs().gt(Number.MAX_SAFE_INTEGER) ? rubyInteger(BigInt(d.toFixed(0))) : d.toNumber();
}

/** Integer arithmetic as Ruby does it (no overflow): exact in bigints once a side or the result leaves 2^53. */
function integerOp(x: number | bigint, y: number | bigint, op: Op): number | bigint {
  if (typeof x === "number" && typeof y === "number") {
    let r: number | undefined;
    switch (op) {
      case "+": r = x + y; break;
      case "-": r = x - y; break;
      case "*": r = x * y; break;
      case "/":
        if (y === 0) throw new ZeroDivision();
        return Math.floor(x / y);
      case "%":
        if (y === 0) throw new ZeroDivision();
        return x - y * Math.floor(x / y);
    }
    if (Number.isSafeInteger(r)) return r;
  }
  const a = BigInt(x);
  const b = BigInt(y);
  switch (op) {
    case "+": return rubyInteger(a + b);
    case "-": return rubyInteger(a - b);
    case "*": return rubyInteger(a * b);
    case "/": {
      if (b === 0n) throw new ZeroDivision();
      // Ruby's Integer#/ floors; BigInt's truncates.
      const q = a / b;
      return rubyInteger(q * b !== a && (a < 0n) !== (b < 0n) ? q - 1n : q);
    }
    case "%": {
      if (b === 0n) throw new ZeroDivision();
      const m = a % b;
      return rubyInteger(m !== 0n && (m < 0n) !== (b < 0n) ? m + b : m);
    }
  }
}

export class ZeroDivision extends Error {
  constructor() {
    super("divided by 0");
  }
}

export type Op = "+" | "-" | "*" | "/" | "%";

/** Liquid's apply_operation. */
export function arithmetic(left: unknown, right: unknown, op: Op): number | bigint | RubyFloat {
  const a = toNumber(left);
  const b = toNumber(right);
  if ("int" in a && "int" in b) return integerOp(a.int, b.int, op);
  const x = toDec(a);
  const y = toDec(b);
  switch (op) {
    case "+": return floatValue(x.plus(y).toNumber());
    case "-": return floatValue(x.minus(y).toNumber());
    case "*": return floatValue(x.times(y).toNumber());
    case "/":
      // Float (or BigDecimal) division by zero is ±Infinity or NaN, not an error.
      if (y.isZero()) return floatValue(x.toNumber() / 0);
      return floatValue(x.div(y).toNumber());
    case "%":
      if (y.isZero()) throw new ZeroDivision();
      // BigDecimal's modulo has no negative zero (BigDecimal("-0.0") % 100 is 0.0).
      const m = x.mod(y).toNumber();
      return floatValue(m === 0 ? 0 : m);
  }
}

/** Liquid's `round`: BigDecimal rounds half away from zero; `round` without digits gives an Integer. */
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Ruby's NUM2LONG: an Integer past a C long (a count or an index) raises RangeError. */
export function checkLong(n: number | bigint): number {
  if (typeof n === "bigint" && (n < LONG_MIN || n > LONG_MAX)) throw new RangeError("bignum too big to convert into `long'");
  return Number(n);
}

/** Ruby's NUM2INT: past a C int (round's digits, split's limit) raises RangeError. */
export function checkInt(n: number | bigint): number {
  checkLong(n);
  const x = Number(n);
  if (x > INT_MAX) throw new RangeError(`integer ${n} too big to convert to \`int'`);
  if (x < INT_MIN) throw new RangeError(`integer ${n} too small to convert to \`int'`);
  return x;
}

export function round(input: unknown, digits: unknown): number | bigint | RubyFloat {
  const n = toNumber(input);
  const d = toNumber(digits ?? 0);
  // Integer#round and BigDecimal#round take the digits as a C int.
  const places = checkInt("int" in d ? d.int : Math.trunc(d.dec.toNumber()));
  if ("int" in n) {
    if (places >= 0) return n.int;
    if (typeof n.int === "bigint") {
      // Integer#round(-k) on a Bignum: to a multiple of 10^k, halves away from zero.
      const f = 10n ** BigInt(-places);
      const abs = n.int < 0n ? -n.int : n.int;
      const q = abs / f + ((abs % f) * 2n >= f ? 1n : 0n);
      return rubyInteger(n.int < 0n ? -q * f : q * f);
    }
    // Past 10^16 every Integer of this size (below 2^53) rounds to 0.
    if (places < -16) return 0;
    const f = 10 ** -places;
    return Math.sign(n.int) * Math.round(Math.abs(n.int) / f) * f;
  }
  // Digits beyond any Float's (±400) round as those do: to the value itself, or to 0.
  const p = Math.max(-400, Math.min(400, places));
  const r = p >= 0 ? n.dec.toDecimalPlaces(p, Decimal.ROUND_HALF_UP) : n.dec.div(new Decimal(10).pow(-p)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(new Decimal(10).pow(-p));
  // BigDecimal#round(n) with n <= 0 answers an Integer (and Liquid calls to_i when n == 0).
  return places <= 0 ? decimalInteger(r) : floatValue(r.toNumber());
}

export function ceilFloor(input: unknown, up: boolean): number | bigint {
  const n = toNumber(input);
  if ("int" in n) return n.int;
  return decimalInteger(up ? n.dec.ceil() : n.dec.floor());
}

export function abs(input: unknown): number | bigint | RubyFloat {
  const n = toNumber(input);
  if ("int" in n) return typeof n.int === "bigint" ? (n.int < 0n ? -n.int : n.int) : Math.abs(n.int);
  return floatValue(n.dec.abs().toNumber());
}

/** at_least / at_most: the larger / smaller of the two, as to_f when it is a BigDecimal. */
export function clamp(input: unknown, limit: unknown, atLeast: boolean): number | bigint | RubyFloat {
  const v = toNumber(input);
  const l = toNumber(limit);
  const c = toDec(l).comparedTo(toDec(v));
  const pick = atLeast ? (c > 0 ? l : v) : (c < 0 ? l : v);
  return fromNumber(pick);
}
