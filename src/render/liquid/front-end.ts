// liquidjs reading templates the way Ruby Liquid 5.4 does. liquidjs's own tokenizer and markup
// parser are stricter than Ruby's in some places and looser in others, so templates are read by a
// port of Ruby's (ruby-syntax/) and liquidjs is handed the result:
// - the template is cut into text, outputs and tags by Ruby's tokenizer, with Ruby's whitespace
//   control, `raw` bodies and `{% liquid %}` lines (ruby-syntax/template-tokenizer.ts);
// - an output's markup is read by Ruby's Variable parser in the site's error mode and written back
//   as canonical markup (ruby-syntax/canonical.ts) that liquidjs compiles to the same meaning;
// - a tag token carries its Ruby markup and this template's MarkupParser, from which the tags
//   (tags/ruby-tags.ts) read their syntax; tags of plugins read `token.args` as before.
// Errors keep the template position of the markup (file, line, column).
import { Output, ParseError, Parser, TagToken, Token, TokenKind, Tokenizer, Value } from "liquidjs";
import type { Liquid, Template, TopLevelToken } from "liquidjs";
import { canonicalExpression, canonicalVariable, type Canonical } from "./ruby-syntax/canonical.js";
import type { Expr } from "./ruby-syntax/expression.js";
import { MarkupParser, MarkupSyntaxError, type ErrorMode, type MarkupSite, type SyntaxProblem } from "./ruby-syntax/error-mode.js";
import { TemplateSyntaxError, tokenizeTemplate, type RubyToken } from "./ruby-syntax/template-tokenizer.js";
import type { VariableSyntax } from "./ruby-syntax/syntax.js";
import { markFixedLiteral } from "./float-literals.js";
import { RubyFloat } from "./ruby/values.js";

/** What a tag token carries for the tags that read Ruby's syntax. */
export interface RubyMarkup {
  parser: MarkupParser;
  /** The markup as Ruby's tokenizer cut it (after the tag name). */
  markup: string;
  site: MarkupSite;
  /** A line of a `{% liquid %}` tag. */
  inLiquidTag: boolean;
}

export type RubyTagToken = TagToken & { ruby: RubyMarkup };

/** Name of the token that ends the lines of one `{% liquid %}` tag (not a name Ruby's tokenizer can produce). */
export const LIQUID_TAG_END = "liquid tag end";

const OUTPUT_SOURCE = Symbol("ruby output");

interface FrontEnd {
  /** The warnings of the last parse (warn mode), in template order. */
  warnings: SyntaxProblem[];
}

/** A liquidjs Token standing for `[begin, end)` of a template (for error positions). */
function positionToken(input: string, begin: number, end: number, file: string | undefined): Token {
  const t = Object.create(Token.prototype) as Token;
  Object.assign(t, { kind: TokenKind.Tag, input, begin, end, file });
  return t;
}

/** Errors of the Ruby syntax as liquidjs ParseErrors at their place in the template. */
export function locatedError(e: unknown, source: string, file: string | undefined, fallbackAt: number): unknown {
  if (e instanceof MarkupSyntaxError) return new ParseError(e, positionToken(source, e.problem.offset, e.problem.offset, file));
  if (e instanceof TemplateSyntaxError) return new ParseError(new Error(`Liquid syntax error: ${e.message}`), positionToken(source, e.at, e.at, file));
  if (e instanceof Error && !(e as { token?: unknown }).token && !("originalError" in e)) {
    return new ParseError(e, positionToken(source, fallbackAt, fallbackAt, file));
  }
  return e;
}

/**
 * Makes `liquid.parse` read templates the Ruby way, in the error mode `mode()` answers at each
 * parse. Returns where the last parse's warnings are.
 */
export function installRubyFrontEnd(liquid: Liquid, mode: () => ErrorMode): FrontEnd {
  const state: FrontEnd = { warnings: [] };
  const samples = new Tokenizer("x{{y}}").readTopLevelTokens();
  const HTMLTokenProto = Object.getPrototypeOf(samples[0]) as object;
  const OutputTokenProto = Object.getPrototypeOf(samples[1]) as object;
  const tags = liquid.tags as Record<string, unknown>;

  // Liquid#parse makes a Parser per template (each with its own parse-length limit); so do we.
  liquid.parse = (html: string, file?: string) => rubyParser().parse(html, file);

  function rubyParser() {
    const parser = new Parser(liquid) as unknown as {
      parse(html: string, file?: string): Template[];
      parseTokens(tokens: TopLevelToken[]): Template[];
      parseToken(token: TopLevelToken, remain: TopLevelToken[]): Template;
      parseLimit: { use(n: number): void };
    };

    parser.parse = (html: string, file?: string) => {
      html = String(html);
      parser.parseLimit.use(html.length);
      const markupParser = new MarkupParser(mode());
      let ruby: RubyToken[];
      try {
        ruby = tokenizeTemplate(html);
      } catch (e) {
        throw locatedError(e, html, file, 0);
      }
      const tokens: TopLevelToken[] = [];
      for (const t of ruby) {
        switch (t.type) {
          case "text": {
            const h = Object.create(HTMLTokenProto) as Record<string, unknown>;
            Object.assign(h, { kind: TokenKind.HTML, input: html, begin: t.begin, end: t.end, file, trimLeft: t.trimLeft, trimRight: t.trimRight });
            tokens.push(h as unknown as TopLevelToken);
            break;
          }
          case "output": {
            const o = Object.create(OutputTokenProto) as Record<string | symbol, unknown>;
            Object.assign(o, { kind: TokenKind.Output, input: html, begin: t.begin, end: t.end, file, trimLeft: false, trimRight: false, contentRange: [t.markupBegin, t.markupBegin + t.markup.length] });
            o[OUTPUT_SOURCE] = { parser: markupParser, markup: t.markup, site: { line: t.line, begin: t.markupBegin } };
            tokens.push(o as unknown as TopLevelToken);
            break;
          }
          case "tag":
          case "liquid-end": {
            const name = t.type === "tag" ? t.name : LIQUID_TAG_END;
            const markup = t.type === "tag" ? t.markup : "";
            const markupBegin = t.type === "tag" ? t.markupBegin : t.begin;
            const k = Object.create(TagToken.prototype) as Record<string, unknown>;
            Object.assign(k, {
              kind: TokenKind.Tag, input: html, begin: t.begin, end: t.end, file, trimLeft: false, trimRight: false,
              contentRange: [markupBegin, markupBegin + markup.length], name, args: markup,
              tokenizer: new Tokenizer(html, liquid.options.operators, file, [markupBegin, markupBegin + markup.length], liquid.options.groupedExpressions),
              ruby: { parser: markupParser, markup, site: { line: t.line, begin: markupBegin }, inLiquidTag: t.type === "tag" && !!t.inLiquidTag } satisfies RubyMarkup,
            });
            tokens.push(k as unknown as TopLevelToken);
            break;
          }
        }
      }
      const templates = parser.parseTokens(tokens);
      // Set last: a tag may parse a template of its own (an include's `{{ name }}`) on the way.
      state.warnings = markupParser.warnings;
      return templates;
    };

    const parseToken = parser.parseToken.bind(parser);
    parser.parseToken = (token, remain) => {
      const out = (token as unknown as Record<symbol, RubyMarkup | undefined>)[OUTPUT_SOURCE];
      try {
        if (out) return compileOutput(liquid, token, out);
        if ((token as TagToken).kind === TokenKind.Tag && !tags[(token as TagToken).name]) {
          const name = (token as TagToken).name;
          throw new Error(`Liquid syntax error: ${name === LIQUID_TAG_END ? "a block opened in this {% liquid %} tag was never closed" : `Unknown tag '${name}'`}`);
        }
        return parseToken(token, remain);
      } catch (e) {
        const t = token as unknown as { input: string; begin: number; file?: string };
        throw locatedError(e, t.input, t.file, t.begin);
      }
    };
    return parser;
  }
  return state;
}

/** `{{ markup }}`: Ruby's Variable, compiled by liquidjs from its canonical markup. */
function compileOutput(liquid: Liquid, token: TopLevelToken, src: { parser: MarkupParser; markup: string; site: MarkupSite }): Output {
  const syntax = src.parser.variable(src.markup, src.site);
  const canonical = canonicalVariable(syntax);
  const t = Object.create(Object.getPrototypeOf(token)) as Record<string, unknown>;
  Object.assign(t, { ...token, input: canonical.text, begin: 0, end: canonical.text.length, contentRange: [0, canonical.text.length] });
  const output = new Output(t as never, liquid);
  fillLiterals(output.value, canonical);
  (output as unknown as { token: unknown }).token = token;
  return output;
}

/** A Ruby Variable as a liquidjs Value (an `assign`'s value, an `echo`). */
export function compileVariable(liquid: Liquid, syntax: VariableSyntax): Value {
  const canonical = canonicalVariable(syntax);
  const value = new Value(canonical.text, liquid);
  fillLiterals(value, canonical);
  return value;
}

/** A Ruby expression (a condition operand, a loop's collection) as a liquidjs Value without filters. */
export function compileExpression(liquid: Liquid, expr: Expr): Value {
  const canonical = canonicalExpression(expr);
  const value = new Value(canonical.text, liquid);
  fillLiterals(value, canonical);
  return value;
}

/** Puts the values canonical.ts could not spell into the tokens standing for them. */
function fillLiterals(root: object, canonical: Canonical): void {
  if (!canonical.literals.size) return;
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    const tok = node as { kind?: number; input?: string; begin?: number; content?: unknown };
    if (tok.kind === TokenKind.Quoted && tok.input === canonical.text && canonical.literals.has(tok.begin!)) {
      const v = canonical.literals.get(tok.begin!)!;
      tok.content = "string" in v ? v.string : "float" in v ? (Number.isInteger(v.float) ? new RubyFloat(v.float) : v.float) : v.integer;
      markFixedLiteral(tok);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === "liquid" || key === "handler") continue;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
}

