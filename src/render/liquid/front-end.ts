// liquidjs reading templates the way Ruby Liquid 5.4 does. liquidjs's own tokenizer and markup
// parser are stricter than Ruby's in some places and looser in others, so templates are read by a
// port of Ruby's (ruby-syntax/) and liquidjs gets the result:
// - the template is cut into text, outputs and tags by Ruby's tokenizer, with Ruby's whitespace
//   control, `raw` bodies and `{% liquid %}` lines (ruby-syntax/template-tokenizer.ts);
// - an output's markup is read by Ruby's Variable parser in the site's error mode and compiled
//   to liquidjs objects (compile.ts);
// - a tag token carries its Ruby markup and this template's MarkupParser, from which the engine's
//   tags (tags/) read their syntax; plugins' tags read `token.args` (or `token.tokenizer`).
// Errors keep the template position of the markup (file, line, column).
import { ParseError, Parser, TagToken, Token, TokenKind, Tokenizer } from "liquidjs";
import type { Liquid, Template, TopLevelToken } from "liquidjs";
import { compileOutput, type MarkupSpan } from "./compile.js";
import { MarkupParser, MarkupSyntaxError, type ErrorMode, type MarkupSite, type SyntaxProblem } from "./ruby-syntax/error-mode.js";
import { lstripLength } from "./ruby-syntax/patterns.js";
import { TemplateSyntaxError, tokenizeTemplate } from "./ruby-syntax/template-tokenizer.js";

/** What a tag or output token carries for the engine's tags. */
export interface RubyMarkup {
  /** This template's parse (error mode, warnings). */
  parser: MarkupParser;
  /** The markup as Ruby's tokenizer cut it (after the tag name). */
  markup: string;
  /** Ruby's line and the markup's offset. */
  site: MarkupSite;
  /** The markup in the template, for errors raised while rendering. */
  span: MarkupSpan;
  /** A line of a `{% liquid %}` tag. */
  inLiquidTag: boolean;
}

export type RubyTagToken = TagToken & { ruby: RubyMarkup };

/** Name of the token that ends the lines of one `{% liquid %}` tag (not a name Ruby's tokenizer can produce). */
export const LIQUID_TAG_END = "liquid tag end";

export interface FrontEnd {
  /** The warnings of the last parse (warn mode), in template order. */
  warnings: SyntaxProblem[];
}

/** A liquidjs Token standing for one place of a template (where an error points). */
export function positionToken(input: string, at: number, file: string | undefined): Token {
  const t = Object.create(Token.prototype) as Token;
  Object.assign(t, { kind: TokenKind.Tag, input, begin: at, end: at, file });
  return t;
}

/** Errors of the Ruby syntax as liquidjs ParseErrors at their place in the template. */
function locatedError(e: unknown, source: string, file: string | undefined, fallbackAt: number): unknown {
  if (e instanceof MarkupSyntaxError) return new ParseError(e, positionToken(source, e.problem.offset, file));
  if (e instanceof TemplateSyntaxError) return new ParseError(new Error(`Liquid syntax error: ${e.message}`), positionToken(source, e.at, file));
  if (e instanceof Error && !(e as { token?: unknown }).token) return new ParseError(e, positionToken(source, fallbackAt, file));
  return e;
}

/**
 * Makes `liquid.parse` read templates the Ruby way, in the error mode `mode()` answers at each
 * parse. Returns where the last parse's warnings are.
 */
export function installRubyFrontEnd(liquid: Liquid, mode: () => ErrorMode): FrontEnd {
  const state: FrontEnd = { warnings: [] };
  const sample = new Tokenizer("x{{y}}").readTopLevelTokens();
  const htmlTokenProto = Object.getPrototypeOf(sample[0]) as object;
  const outputTokenProto = Object.getPrototypeOf(sample[1]) as object;
  const tags = liquid.tags as Record<string, unknown>;
  // A tag token; liquidjs's tokenizer over its markup is made only for tags that ask (plugins').
  const tagTokenProto = Object.create(TagToken.prototype, {
    tokenizer: {
      get(this: { input: string; file?: string; contentRange: [number, number]; liquidTokenizer?: Tokenizer }) {
        return (this.liquidTokenizer ??= new Tokenizer(this.input, liquid.options.operators, this.file, this.contentRange, liquid.options.groupedExpressions));
      },
    },
  }) as object;

  // Liquid#parse makes a Parser per template (each with its own parse-length limit); so do we.
  liquid.parse = (html: string, file?: string) => rubyParser().parse(html, file);

  function tokens(html: string, file: string | undefined, parser: MarkupParser): TopLevelToken[] {
    const out: TopLevelToken[] = [];
    for (const t of tokenizeTemplate(html)) {
      let token: Record<string, unknown>;
      if (t.type === "text") {
        token = Object.create(htmlTokenProto);
        token.kind = TokenKind.HTML;
        token.input = html;
        token.begin = t.begin;
        token.end = t.end;
        token.file = file;
        token.trimLeft = t.trimLeft;
        token.trimRight = t.trimRight;
      } else {
        const markup = t.type === "liquid-end" ? "" : t.markup;
        const begin = t.type === "liquid-end" ? t.begin : t.markupBegin;
        const ruby: RubyMarkup = {
          parser, markup, site: { line: t.line, begin },
          // (An error while evaluating points at the markup's first word.)
          span: { input: html, begin: begin + lstripLength(markup), end: begin + markup.length, file },
          inLiquidTag: t.type === "tag" && !!t.inLiquidTag,
        };
        token = Object.create(t.type === "output" ? outputTokenProto : tagTokenProto);
        token.kind = t.type === "output" ? TokenKind.Output : TokenKind.Tag;
        token.input = html;
        token.begin = t.begin;
        token.end = t.end;
        token.file = file;
        token.trimLeft = false;
        token.trimRight = false;
        token.contentRange = [begin, begin + markup.length];
        token.name = t.type === "tag" ? t.name : t.type === "liquid-end" ? LIQUID_TAG_END : undefined;
        token.args = markup;
        token.ruby = ruby;
      }
      out.push(token as unknown as TopLevelToken);
    }
    return out;
  }

  function rubyParser(): Parser {
    const parser = new Parser(liquid) as unknown as {
      parse(html: string, file?: string): Template[];
      parseTokens(tokens: TopLevelToken[]): Template[];
      parseToken(token: TopLevelToken, remain: TopLevelToken[]): Template;
      parseLimit: { use(n: number): void };
    };
    parser.parse = (html, file) => {
      html = String(html);
      parser.parseLimit.use(html.length);
      const markupParser = new MarkupParser(mode());
      let list: TopLevelToken[];
      try {
        list = tokens(html, file, markupParser);
      } catch (e) {
        throw locatedError(e, html, file, 0);
      }
      const templates = parser.parseTokens(list);
      // Set last: a tag may parse a template of its own (an include's `{{ name }}`) on the way.
      state.warnings = markupParser.warnings;
      return templates;
    };
    const parseToken = parser.parseToken.bind(parser);
    parser.parseToken = (token, remain) => {
      try {
        if (token.kind === TokenKind.Output) {
          const { parser: markupParser, markup, site, span } = (token as unknown as { ruby: RubyMarkup }).ruby;
          return compileOutput(liquid, markupParser.variable(markup, site), token, span);
        }
        if (token.kind === TokenKind.Tag) {
          const name = (token as TagToken).name;
          const TagClass = tags[name] as (new (...args: unknown[]) => Template) | undefined;
          if (!TagClass) {
            throw new Error(`Liquid syntax error: ${name === LIQUID_TAG_END ? "a block opened in this {% liquid %} tag was never closed" : `Unknown tag '${name}'`}`);
          }
          // As liquidjs's parseToken does, but an error keeps the place it names.
          return new TagClass(token, remain, liquid, parser);
        }
        return parseToken(token, remain);
      } catch (e) {
        const at = token.kind === TokenKind.Tag ? (token as unknown as RubyTagToken).ruby.site.begin : token.begin;
        throw locatedError(e, token.input, token.file, at);
      }
    };
    return parser as unknown as Parser;
  }

  return state;
}
