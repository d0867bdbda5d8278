// Ruby Liquid's parse of a markup, written back as markup liquidjs reads to the same meaning:
// every lookup, literal and filter spelled the one way liquidjs's parser takes it. A value liquidjs
// cannot spell (a string with a backslash, which liquidjs reads as an escape, or holding both
// quote characters; a float that prints with an exponent) is written as an empty string and
// recorded in `literals` by its offset, for the caller to put in the parsed token (see
// front-end.ts).
import type { Expr } from "./expression.js";
import type { VariableSyntax } from "./syntax.js";

export interface Canonical {
  text: string;
  /** Offset in `text` of a placeholder `""` → the value it stands for. */
  literals: Map<number, LiteralValue>;
}

export type LiteralValue = { string: string } | { float: number } | { integer: number };

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;
// Words liquidjs reads as literals rather than names.
const LIQUIDJS_LITERALS = new Set(["true", "false", "nil", "null", "empty", "blank"]);

class Writer {
  text = "";
  readonly literals = new Map<number, LiteralValue>();

  placeholder(value: LiteralValue): void {
    this.literals.set(this.text.length, value);
    this.text += '""';
  }

  expr(e: Expr): void {
    switch (e.kind) {
      case "literal": {
        const v = e.value;
        if (v === null) this.text += "nil";
        else if (typeof v === "boolean") this.text += String(v);
        else if (typeof v === "number") {
          const s = String(v);
          if (/^-?\d+$/.test(s)) this.text += s;
          else this.placeholder({ integer: v });
        } else this.string(v);
        return;
      }
      case "float": {
        const v = e.value;
        const s = Object.is(v, -0) ? "-0.0" : Number.isInteger(v) ? `${v}.0` : String(v);
        if (/^-?\d+\.\d+$/.test(s)) this.text += s;
        else this.placeholder({ float: v });
        return;
      }
      case "range":
        this.text += "(";
        this.expr(e.from);
        this.text += "..";
        this.expr(e.to);
        this.text += ")";
        return;
      case "method":
        this.text += e.name;
        return;
      case "lookup": {
        const name = e.name;
        if (name === null) this.text += "nil";
        else if (typeof name === "string") {
          if (IDENTIFIER.test(name) && !LIQUIDJS_LITERALS.has(name)) this.text += name;
          else this.bracketString(name);
        } else {
          this.text += "[";
          this.expr(name);
          this.text += "]";
        }
        for (const key of e.keys) {
          if ("expr" in key) {
            this.text += "[";
            this.expr(key.expr);
            this.text += "]";
          } else if (IDENTIFIER.test(key.name)) this.text += "." + key.name;
          else this.bracketString(key.name);
        }
      }
    }
  }

  private bracketString(s: string): void {
    this.text += "[";
    this.string(s);
    this.text += "]";
  }

  string(s: string): void {
    if (s.includes("\\")) this.placeholder({ string: s });
    else if (!s.includes('"')) this.text += `"${s}"`;
    else if (!s.includes("'")) this.text += `'${s}'`;
    else this.placeholder({ string: s });
  }

  variable(v: VariableSyntax): void {
    if (v.name === null) this.text += "nil";
    else this.expr(v.name);
    for (const f of v.filters) {
      // A strict-parsed name may end in `?`, which liquidjs does not read; no filter has one, so
      // any name that is not a filter does (the input passes through).
      this.text += " | " + f.name.replace("?", "\u00bf");
      let sep = ": ";
      for (const a of f.args) {
        this.text += sep;
        this.expr(a);
        sep = ", ";
      }
      for (const [k, value] of f.kwargs) {
        this.text += `${sep}${k}: `;
        this.expr(value);
        sep = ", ";
      }
    }
  }
}

/** An expression (a tag's operand, a range end, a `for` collection) as liquidjs markup. */
export function canonicalExpression(e: Expr): Canonical {
  const w = new Writer();
  w.expr(e);
  return { text: w.text, literals: w.literals };
}

/** A Variable (`{{ }}`, `assign`'s value) as liquidjs markup: value, then filters with keyword arguments last. */
export function canonicalVariable(v: VariableSyntax): Canonical {
  const w = new Writer();
  w.variable(v);
  return { text: w.text, literals: w.literals };
}
