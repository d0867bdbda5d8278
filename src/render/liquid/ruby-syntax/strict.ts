// Ruby Liquid 5.4's strict parser: Liquid::Lexer and Liquid::Parser (lexer.rb, parser.rb) and
// the `strict_parse` methods built on them (Variable, If, For). What it accepts is what Ruby
// accepts without a warning; its error messages are Ruby's word for word, because `warn` mode
// prints them. As in Ruby, an expression is re-assembled as text (`Parser#expression`) and that
// text goes through Expression.parse.
import { inspectString } from "../../../ruby/values.js";
import { parseExpression, type Expr } from "./expression.js";
import { QUOTED_FRAGMENT } from "./patterns.js";
import type { ConditionChain, ForSyntax, VariableSyntax } from "./syntax.js";

/** A Liquid::SyntaxError: Ruby's message and, when known, where in the markup it happened. */
export class LiquidSyntaxError extends Error {
  constructor(message: string, readonly offset?: number) {
    super(message);
    this.name = "LiquidSyntaxError";
  }
}

type Kind = "comparison" | "string" | "number" | "id" | "dotdot" | "pipe" | "dot" | "colon" | "comma" |
  "open_square" | "close_square" | "open_round" | "close_round" | "question" | "dash" | "end_of_string";

interface Token {
  kind: Kind;
  text: string;
  offset: number;
}

const SPECIALS: Record<string, Kind> = {
  "|": "pipe", ".": "dot", ":": "colon", ",": "comma", "[": "open_square", "]": "close_square",
  "(": "open_round", ")": "close_round", "?": "question", "-": "dash",
};

// Lexer#tokenize's patterns, tried in this order at each position (sticky).
const WHITESPACE = /[ \t\r\n\f\v]*/y;
const COMPARISON = /==|!=|<>|<=?|>=?|contains(?=[ \t\r\n\f\v])/y;
const SINGLE_STRING = /'[^']*'/y;
const DOUBLE_STRING = /"[^"]*"/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;
const IDENTIFIER = /[a-zA-Z_][\w-]*\??/y;
const DOTDOT = /\.\./y;

function sticky(re: RegExp, s: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? m[0] : null;
}

/** Liquid::Lexer#tokenize. */
export function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let p = 0;
  while (p < input.length) {
    p += sticky(WHITESPACE, input, p)!.length;
    if (p >= input.length) break;
    let t: string | null;
    let kind: Kind;
    if ((t = sticky(COMPARISON, input, p)) !== null) kind = "comparison";
    else if ((t = sticky(SINGLE_STRING, input, p)) !== null) kind = "string";
    else if ((t = sticky(DOUBLE_STRING, input, p)) !== null) kind = "string";
    else if ((t = sticky(NUMBER, input, p)) !== null) kind = "number";
    else if ((t = sticky(IDENTIFIER, input, p)) !== null) kind = "id";
    else if ((t = sticky(DOTDOT, input, p)) !== null) kind = "dotdot";
    else {
      t = String.fromCodePoint(input.codePointAt(p)!);
      const special = SPECIALS[t];
      if (!special) throw new LiquidSyntaxError(`Unexpected character ${t}`, p);
      kind = special;
    }
    out.push({ kind, text: t, offset: p });
    p += t.length;
  }
  out.push({ kind: "end_of_string", text: "", offset: input.length });
  return out;
}

/** How Ruby prints a token in "… is not a valid expression" (Array#inspect). */
function inspectToken(t: Token): string {
  return t.kind === "end_of_string" ? "[:end_of_string]" : `[:${t.kind}, ${inspectString(t.text)}]`;
}

/** Liquid::Parser. */
export class Parser {
  private readonly tokens: Token[];
  private p = 0;

  constructor(input: string) {
    this.tokens = tokenize(input);
  }

  consume(kind?: Kind): string {
    const token = this.tokens[this.p]!;
    if (kind && token.kind !== kind) throw new LiquidSyntaxError(`Expected ${kind} but found ${token.kind}`, token.offset);
    this.p++;
    return token.text;
  }

  /** consume? — the token's text when it is of `kind`, else false. */
  consumeIf(kind: Kind): string | false {
    const token = this.tokens[this.p];
    if (!token || token.kind !== kind) return false;
    this.p++;
    return token.text;
  }

  /** id? — consumes an identifier with this exact text. */
  id(str: string): string | false {
    const token = this.tokens[this.p];
    if (!token || token.kind !== "id" || token.text !== str) return false;
    this.p++;
    return token.text;
  }

  look(kind: Kind, ahead = 0): boolean {
    const token = this.tokens[this.p + ahead];
    return !!token && token.kind === kind;
  }

  expression(): string {
    const token = this.tokens[this.p]!;
    switch (token.kind) {
      case "id":
        return this.consume() + this.variableLookups();
      case "open_square": {
        let str = this.consume();
        str += this.expression();
        str += this.consume("close_square");
        return str + this.variableLookups();
      }
      case "string":
      case "number":
        return this.consume();
      case "open_round": {
        this.consume();
        const first = this.expression();
        this.consume("dotdot");
        const last = this.expression();
        this.consume("close_round");
        return `(${first}..${last})`;
      }
      default:
        throw new LiquidSyntaxError(`${inspectToken(token)} is not a valid expression`, token.offset);
    }
  }

  argument(): string {
    let str = "";
    if (this.look("id") && this.look("colon", 1)) str += this.consume() + this.consume() + " ";
    return str + this.expression();
  }

  variableLookups(): string {
    let str = "";
    for (;;) {
      if (this.look("open_square")) {
        str += this.consume();
        str += this.expression();
        str += this.consume("close_square");
      } else if (this.look("dot")) {
        str += this.consume();
        str += this.consume("id");
      } else return str;
    }
  }
}

/** JustTagAttributes = /\A#{TagAttributes}\z/ */
const JUST_TAG_ATTRIBUTES = new RegExp(`^(\\w[\\w-]*)[ \\t\\r\\n\\f\\v]*:[ \\t\\r\\n\\f\\v]*(${QUOTED_FRAGMENT})$`);

/** Variable#parse_filter_expressions: `key: value` arguments become keyword arguments. */
export function filterExpressions(name: string, unparsed: string[]): VariableSyntax["filters"][number] {
  const args: Expr[] = [];
  const kwargs: Array<[string, Expr]> = [];
  for (const a of unparsed) {
    const m = JUST_TAG_ATTRIBUTES.exec(a);
    if (m) {
      const at = kwargs.findIndex(([k]) => k === m[1]);
      const value = parseExpression(m[2]!);
      if (at >= 0) kwargs[at]![1] = value;
      else kwargs.push([m[1]!, value]);
    } else args.push(parseExpression(a));
  }
  return { name, args, kwargs };
}

/** Variable#strict_parse. */
export function strictVariable(markup: string): VariableSyntax {
  const p = new Parser(markup);
  if (p.look("end_of_string")) return { name: null, filters: [] };
  const name = parseExpression(p.expression());
  const filters: VariableSyntax["filters"] = [];
  while (p.consumeIf("pipe") !== false) {
    const filterName = p.consume("id");
    const args: string[] = [];
    if (p.consumeIf("colon") !== false) {
      args.push(p.argument());
      while (p.consumeIf("comma") !== false) args.push(p.argument());
    }
    filters.push(filterExpressions(filterName, args));
  }
  p.consume("end_of_string");
  return { name, filters };
}

/** If#strict_parse (parse_binary_comparisons / parse_comparison). */
export function strictCondition(markup: string): ConditionChain {
  const p = new Parser(markup);
  const chain: ConditionChain = [comparison(p)];
  for (;;) {
    const op = p.id("and") || p.id("or");
    if (!op) break;
    chain[chain.length - 1]!.relation = op as "and" | "or";
    chain.push(comparison(p));
  }
  p.consume("end_of_string");
  return chain;
}

function comparison(p: Parser): ConditionChain[number] {
  const left = parseExpression(p.expression());
  const op = p.consumeIf("comparison");
  if (op === false) return { left };
  return { left, operator: op, right: parseExpression(p.expression()) };
}

/** For#strict_parse. */
export function strictFor(markup: string): ForSyntax {
  const p = new Parser(markup);
  const variable = p.consume("id");
  if (!p.id("in")) throw new LiquidSyntaxError("For loops require an 'in' clause");
  const collectionName = p.expression();
  const result: ForSyntax = {
    variable,
    collection: parseExpression(collectionName),
    name: `${variable}-${collectionName}`,
    reversed: !!p.id("reversed"),
  };
  try {
    while (p.look("id") && p.look("colon", 1)) {
      const attribute = p.id("limit") || p.id("offset");
      if (!attribute) throw new LiquidSyntaxError("Invalid attribute in for loop. Valid attributes are limit and offset");
      p.consume();
      setForAttribute(result, attribute, p.expression());
    }
    p.consume("end_of_string");
  } catch (e) {
    // Ruby's For keeps the limit and offset its strict parse had set when the rest fails (they
    // are instance variables): in warn mode the lax parse then starts from them.
    if (e instanceof LiquidSyntaxError && (result.limit !== undefined || result.offset !== undefined)) {
      (e as LiquidSyntaxError & { forAttributes?: Pick<ForSyntax, "limit" | "offset"> }).forAttributes = { limit: result.limit, offset: result.offset };
    }
    throw e;
  }
  return result;
}

/** For#set_attribute: `offset: continue` resumes; other names are ignored. */
export function setForAttribute(result: ForSyntax, key: string, expr: string): void {
  if (key === "offset") result.offset = expr === "continue" ? "continue" : parseExpression(expr);
  else if (key === "limit") result.limit = parseExpression(expr);
}
