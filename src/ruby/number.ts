// Liquid 5's number filters (plus, minus, times, divided_by, modulo, round, abs, ceil, floor,
// at_least, at_most). Liquid::Utils.to_number turns a Float (or a "1.5"-shaped string) into a
// BigDecimal of its printed digits, so `0.1 | plus: 0.2` is exactly 0.3, and converts the result
// back with `to_f`; Integers stay Integers (`10 | divided_by: 4` is 2, floored like Ruby's `/`,
// and `-7 | modulo: 3` is 2, with the divisor's sign). decimal.js stands in for BigDecimal.
import { Decimal as DecimalJs } from "decimal.js";
import { RubyFloat, formatFloat, isFloat, plain, rubyInteger } from "./values.js";
import { JekyllTime } from "./time.js";

const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, modulo: DecimalJs.ROUND_FLOOR });
type Dec = InstanceType<typeof Decimal>;

/** Integer (a JS integer, or a bigint beyond 2^53: see rubyInteger) or BigDecimal. */
export type RubyNumber = { int: number | bigint } | { dec: Dec };

const DECIMAL_STRING = /^-?\d+\.\d+$/;

/** Ruby's String#to_i: leading whitespace, sign, digits (underscores between digits), anything after ignored. */
export function stringToI(s: string): number {
  return Number(stringToInteger(s));
}

/** String#to_i with every digit (a bigint past 2^53), for the number filters. */
export function stringToInteger(s: string): number | bigint {
  const m = /^\s*([+-]?)(\d+(?:_\d+)*)/.exec(s);
  if (!m) return 0;
  const digits = m[2]!.replace(/_/g, "");
  if (digits.length < 16) {
    const n = Number(digits);
    return m[1] === "-" ? -n : n;
  }
  const n = BigInt(digits);
  return rubyInteger(m[1] === "-" ? -n : n);
}

/** Liquid::Utils.to_number. */
export function toNumber(v: unknown): RubyNumber {
  v = plain(v);
  if (isFloat(v)) return { dec: new Decimal(formatFloat(Number(v))) };
  if (typeof v === "number" || typeof v === "bigint") return { int: v };
  if (typeof v === "string") {
    const t = v.trim();
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

/** An integral BigDecimal's Integer (BigDecimal#to_i: every digit). */
function decimalInteger(d: Dec): number | bigint {
  return d.isFinite() && d.abs().gt(Number.MAX_SAFE_INTEGER) ? rubyInteger(BigInt(d.toFixed(0))) : d.toNumber();
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
      return floatValue(x.mod(y).toNumber());
  }
}

/** Liquid's `round`: BigDecimal rounds half away from zero; `round` without digits gives an Integer. */
export function round(input: unknown, digits: unknown): number | bigint | RubyFloat {
  const n = toNumber(input);
  const d = toNumber(digits ?? 0);
  const places = "int" in d ? Number(d.int) : Math.trunc(d.dec.toNumber());
  if ("int" in n) {
    if (places >= 0) return n.int;
    if (typeof n.int === "bigint") {
      // Integer#round(-k) on a Bignum: to a multiple of 10^k, halves away from zero.
      const f = 10n ** BigInt(-places);
      const abs = n.int < 0n ? -n.int : n.int;
      const q = abs / f + ((abs % f) * 2n >= f ? 1n : 0n);
      return rubyInteger(n.int < 0n ? -q * f : q * f);
    }
    const f = 10 ** -places;
    return Math.sign(n.int) * Math.round(Math.abs(n.int) / f) * f;
  }
  const r = places >= 0 ? n.dec.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) : n.dec.div(10 ** -places).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(10 ** -places);
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
