// Liquid 5's number filters (plus, minus, times, divided_by, modulo, round, abs, ceil, floor,
// at_least, at_most). Liquid::Utils.to_number turns a Float (or a "1.5"-shaped string) into a
// BigDecimal of its printed digits, so `0.1 | plus: 0.2` is exactly 0.3, and converts the result
// back with `to_f`; Integers stay Integers (`10 | divided_by: 4` is 2, floored like Ruby's `/`,
// and `-7 | modulo: 3` is 2, with the divisor's sign). decimal.js stands in for BigDecimal.
import { Decimal as DecimalJs } from "decimal.js";
import { RubyFloat, formatFloat, isFloat, plain } from "./values.js";
import { JekyllTime } from "./time.js";

const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, modulo: DecimalJs.ROUND_FLOOR });
type Dec = InstanceType<typeof Decimal>;

/** Integer (a JS integer) or BigDecimal. */
export type RubyNumber = { int: number } | { dec: Dec };

const DECIMAL_STRING = /^-?\d+\.\d+$/;

/** Ruby's String#to_i: leading whitespace, sign, digits (underscores between digits), anything after ignored. */
export function stringToI(s: string): number {
  const m = /^\s*([+-]?)(\d+(?:_\d+)*)/.exec(s);
  if (!m) return 0;
  const n = Number(m[2]!.replace(/_/g, ""));
  return m[1] === "-" ? -n : n;
}

/** Liquid::Utils.to_number. */
export function toNumber(v: unknown): RubyNumber {
  v = plain(v);
  if (isFloat(v)) return { dec: new Decimal(formatFloat(Number(v))) };
  if (typeof v === "number") return { int: v };
  if (typeof v === "string") {
    const t = v.trim();
    return DECIMAL_STRING.test(t) ? { dec: new Decimal(t) } : { int: stringToI(v) };
  }
  if (v instanceof JekyllTime) return { int: 0 };
  return { int: 0 };
}

/** A Float result as a Liquid value: integral floats keep their Float-ness. */
export function floatValue(x: number): number | RubyFloat {
  return Number.isInteger(x) ? new RubyFloat(x) : x;
}

/** BigDecimal#to_f, or the Integer itself. */
export function fromNumber(n: RubyNumber): number | RubyFloat {
  return "int" in n ? n.int : floatValue(n.dec.toNumber());
}

function toDec(n: RubyNumber): Dec {
  return "int" in n ? new Decimal(n.int) : n.dec;
}

export class ZeroDivision extends Error {
  constructor() {
    super("divided by 0");
  }
}

export type Op = "+" | "-" | "*" | "/" | "%";

/** Liquid's apply_operation. */
export function arithmetic(left: unknown, right: unknown, op: Op): number | RubyFloat {
  const a = toNumber(left);
  const b = toNumber(right);
  if ("int" in a && "int" in b) {
    const x = a.int;
    const y = b.int;
    switch (op) {
      case "+": return x + y;
      case "-": return x - y;
      case "*": return x * y;
      case "/":
        if (y === 0) throw new ZeroDivision();
        return Math.floor(x / y);
      case "%":
        if (y === 0) throw new ZeroDivision();
        return x - y * Math.floor(x / y);
    }
  }
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
export function round(input: unknown, digits: unknown): number | RubyFloat {
  const n = toNumber(input);
  const d = toNumber(digits ?? 0);
  const places = "int" in d ? d.int : Math.trunc(d.dec.toNumber());
  if ("int" in n) {
    if (places >= 0) return n.int;
    const f = 10 ** -places;
    return Math.sign(n.int) * Math.round(Math.abs(n.int) / f) * f;
  }
  const r = places >= 0 ? n.dec.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) : n.dec.div(10 ** -places).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(10 ** -places);
  // BigDecimal#round(n) with n <= 0 answers an Integer (and Liquid calls to_i when n == 0).
  return places <= 0 ? r.toNumber() : floatValue(r.toNumber());
}

export function ceilFloor(input: unknown, up: boolean): number {
  const n = toNumber(input);
  if ("int" in n) return n.int;
  return (up ? n.dec.ceil() : n.dec.floor()).toNumber();
}

export function abs(input: unknown): number | RubyFloat {
  const n = toNumber(input);
  return "int" in n ? Math.abs(n.int) : floatValue(n.dec.abs().toNumber());
}

/** at_least / at_most: the larger / smaller of the two, as to_f when it is a BigDecimal. */
export function clamp(input: unknown, limit: unknown, atLeast: boolean): number | RubyFloat {
  const v = toNumber(input);
  const l = toNumber(limit);
  const c = toDec(l).comparedTo(toDec(v));
  const pick = atLeast ? (c > 0 ? l : v) : (c < 0 ? l : v);
  return fromNumber(pick);
}
