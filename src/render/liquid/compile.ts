// Ruby Liquid's parse of a markup (ruby-syntax/) built directly as the liquidjs objects that
// evaluate it: Values whose expression is one token, and Filters. Nothing is re-read by liquidjs's
// own markup parser, so what Ruby read is exactly what runs:
// - nil, true, false, strings and integers are literal tokens with that value (a Ruby string has
//   no escapes: `'a\'` is `a\`); a Float is a RubyFloat when integral, so it prints `3.0`;
// - `blank`/`empty` are, as operands of `if`/`unless`/`when` (Condition.parse_expression),
//   liquidjs's BlankDrop/EmptyDrop, which the operators treat as the Condition's method literals
//   (`x == empty` asks `x.empty?`); everywhere else (output, filter arguments, assign, case, for…)
//   Jekyll's Liquid::Expression::MethodLiteral (see ExpressionMethodLiteral);
// - a lookup is a property access: its name (or `[expr]`), then each `.key` or `[expr]`;
// - a range evaluates as RangeLookup does (ends by `to_i`) to a RubyRange, which filters use as
//   its Array and which prints as `1..3`;
// - a filter's keyword arguments are one Hash after its positional ones, as Ruby passes them.
// The values get the synchronous evaluation of sync-values.ts straight away.
import { Expression, Filter, Output, Token, TokenKind, Tokenizer, Value } from "liquidjs";
import type { Liquid } from "liquidjs";
import type { Expr } from "./ruby-syntax/expression.js";
import type { VariableSyntax } from "./ruby-syntax/syntax.js";
import { RubyFloat } from "../../ruby/values.js";
import { markCompiled } from "./float-literals.js";
import { expressionMethodLiteral } from "./operators.js";
import { BracketKey, RUBY_HASH, RUBY_RANGE, installSyncValues } from "./sync-values.js";

/** Where the markup is, for errors raised while evaluating it (an undefined variable). */
export interface MarkupSpan {
  input: string;
  begin: number;
  end: number;
  file?: string;
}

interface LiteralToken {
  kind: number;
  content: unknown;
}

let methodLiterals: { blank: unknown; empty: unknown } | undefined;

/** liquidjs's BlankDrop and EmptyDrop (the values of its `blank` and `empty` literals). */
function methodLiteral(name: "blank" | "empty"): unknown {
  methodLiterals ??= {
    blank: (new Tokenizer("blank").readValue() as unknown as LiteralToken).content,
    empty: (new Tokenizer("empty").readValue() as unknown as LiteralToken).content,
  };
  return methodLiterals[name];
}

function literal(kind: number, content: unknown): LiteralToken {
  return { kind, content };
}

/** The liquidjs token that evaluates `e`; `condition`: an operand of a Condition (its own method literals). */
function token(e: Expr, span: MarkupSpan, condition = false): unknown {
  switch (e.kind) {
    case "literal": {
      const v = e.value;
      if (typeof v === "string") return literal(TokenKind.Quoted, v);
      if (typeof v === "number" || typeof v === "bigint") return literal(TokenKind.Number, v);
      return literal(TokenKind.Literal, v);
    }
    case "float":
      return literal(TokenKind.Number, Number.isInteger(e.value) ? new RubyFloat(e.value) : e.value);
    case "method":
      return literal(TokenKind.Literal, condition ? methodLiteral(e.name) : expressionMethodLiteral(e.name));
    case "range":
      return { kind: RUBY_RANGE, from: token(e.from, span), to: token(e.to, span) };
    case "lookup": {
      // A VariableLookup whose markup held no name (`{{ '{{ x }}` reads `{{`): Ruby looks up the
      // name nil, which no scope holds, so it is nil, or "undefined variable" with
      // strict_variables. The empty name stands for it (no scope holds "" either).
      const props: unknown[] = [e.name === null ? literal(TokenKind.Quoted, "") : typeof e.name === "string" ? literal(TokenKind.Quoted, e.name) : token(e.name, span)];
      for (const key of e.keys) props.push("expr" in key ? bracketToken(key.expr, span) : literal(TokenKind.Quoted, key.name));
      const t = Object.create(Token.prototype) as Record<string, unknown>;
      t.kind = TokenKind.PropertyAccess;
      t.input = span.input;
      t.begin = span.begin;
      t.end = span.end;
      t.file = span.file;
      t.variable = undefined;
      t.props = props;
      // Which props were bracketed (`[k]`): a computed key naming a command is a key there too.
      if (e.keys.some((key) => "expr" in key && key.expr.kind !== "literal")) t.brackets = [false, ...e.keys.map((key) => "expr" in key)];
      return t;
    }
  }
}

/** A bracketed key: `['last']` is a key, not the command `.last` (BracketKey). */
function bracketToken(e: Expr, span: MarkupSpan): unknown {
  if (e.kind === "literal" && (e.value === "size" || e.value === "first" || e.value === "last")) return literal(TokenKind.Literal, new BracketKey(e.value));
  return token(e, span);
}

function expression(tokens: unknown[]): Expression {
  const x = Object.create(Expression.prototype) as { postfix: unknown[] };
  x.postfix = tokens;
  return x as unknown as Expression;
}

/** A filter that is not defined: with `strict_filters` it fails when it runs, as in Ruby. */
function undefinedFilter(name: string) {
  return () => {
    throw new Error(`undefined filter ${name}`);
  };
}

function value(initial: unknown, filters: Filter[]): Value {
  const v = Object.create(Value.prototype) as { initial: Expression; filters: Filter[] };
  v.initial = expression([initial]);
  v.filters = filters;
  installSyncValues(v);
  markCompiled(v);
  return v as unknown as Value;
}

function filters(liquid: Liquid, syntax: VariableSyntax, span: MarkupSpan): Filter[] {
  const table = liquid.filters as Record<string, unknown>;
  return syntax.filters.map((f) => {
    const args: unknown[] = f.args.map((a) => token(a, span));
    if (f.kwargs.length) args.push({ kind: RUBY_HASH, entries: f.kwargs.map(([k, v]) => [k, token(v, span)]) });
    const impl = table[f.name] ?? (liquid.options.strictFilters ? undefinedFilter(f.name) : undefined);
    return new Filter({ name: f.name, args } as never, impl as never, liquid);
  });
}

/**
 * An expression (a loop's collection, a cycle value, case's subject…) as a Value; `condition`: an
 * operand of `if`/`unless` or a `when` value, which Ruby parses with Condition.parse_expression.
 */
export function compileExpression(e: Expr, span: MarkupSpan, condition = false): Value {
  return value(token(e, span, condition), []);
}

/** A Variable (`assign`'s value, `echo`) as a Value. */
export function compileVariable(liquid: Liquid, syntax: VariableSyntax, span: MarkupSpan): Value {
  return value(syntax.name === null ? literal(TokenKind.Literal, null) : token(syntax.name, span), filters(liquid, syntax, span));
}

/** `{{ }}`: the Variable, then the engine's output escape (Ruby's to_s), as liquidjs's Output builds it. */
export function compileOutput(liquid: Liquid, syntax: VariableSyntax, outputToken: unknown, span: MarkupSpan): Output {
  const out = Object.create(Output.prototype) as { token: unknown; value: Value };
  out.token = outputToken;
  const v = compileVariable(liquid, syntax, span);
  const escape = liquid.options.outputEscape;
  if (escape) v.filters.push(new Filter({ name: "outputEscape", args: [] } as never, escape as never, liquid));
  out.value = v;
  installSyncValues(out);
  markCompiled(out);
  return out as unknown as Output;
}
