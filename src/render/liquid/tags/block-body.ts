// What Ruby Liquid's Block and BlockBody do for every block tag (block.rb, block_body.rb):
// - a block's body runs to `end<name>`; a tag Liquid does not know inside it is handed to the
//   block (`else`, `elsif`, `when`), and otherwise fails as Block.raise_unknown_tag words it;
// - `blank?`: a body holding only whitespace and tags that write nothing (assign, capture,
//   comment, empty raw, and blocks made of those) is blank; `if`, `unless`, `for` and `case` drop
//   the whitespace text of a blank body (BlockBody#remove_blank_strings), so
//   `{% if x %}\n  {% assign y = 1 %}\n{% endif %}` writes nothing at all;
// - blocks nest 100 deep at most ("Nesting too deep").
import { ParseError, TokenKind } from "liquidjs";
import type { Context, Emitter, Liquid, Parser, TagToken, Template, Token, TopLevelToken } from "liquidjs";
import { LIQUID_TAG_END, positionToken, type RubyMarkup, type RubyTagToken } from "../front-end.js";

/**
 * The engine's tags: what liquidjs's Tag base class keeps (token, name, liquid) without asking
 * for liquidjs's tokenizer of the markup, which these tags never read.
 */
export abstract class RubyTag {
  readonly name: string;
  constructor(readonly token: TagToken, _remain: TopLevelToken[], readonly liquid: Liquid) {
    this.name = token.name;
  }
  abstract render(ctx: Context, emitter: Emitter): unknown;
}

/** Tags that set this say whether they write nothing (Ruby's Tag#blank?); others are not blank. */
export interface BlankAware {
  readonly blank: boolean;
}

/** The Ruby markup the front end attached to a tag token. */
export function rubyMarkup(token: TagToken): RubyMarkup {
  const ruby = (token as RubyTagToken).ruby;
  if (!ruby) throw new Error(`tag ${token.name} was not read by the Ruby front end`);
  return ruby;
}

/** A tag's one-regex syntax (ruby-syntax/tag-syntax.ts), its error located at the markup. */
export function readSyntax<T>(token: TagToken, read: (markup: string) => T): T {
  const ruby = rubyMarkup(token);
  try {
    return read(ruby.markup);
  } catch (e) {
    return ruby.parser.error(e, ruby.site);
  }
}

export function isHtml(tpl: Template): boolean {
  return (tpl as { token?: { kind?: number } }).token?.kind === TokenKind.HTML;
}

const WHITESPACE_OR_NOTHING = /^[ \t\r\n\f\v]*$/;

/** BlockBody's @blank for one node. */
export function isBlank(tpl: Template): boolean {
  if (isHtml(tpl)) return WHITESPACE_OR_NOTHING.test((tpl as unknown as { str: string }).str);
  return (tpl as Partial<BlankAware>).blank === true;
}

/** BlockBody#remove_blank_strings. */
export function removeBlankStrings(templates: Template[]): Template[] {
  return templates.filter((t) => !isHtml(t));
}

/** Block.raise_unknown_tag's messages. */
function unknownTag(token: TagToken, blockName: string): ParseError {
  const tag = token.name;
  let message: string;
  if (tag === "else") message = `${blockName} tag does not expect 'else' tag`;
  else if (tag.startsWith("end")) message = `'${tag}' is not a valid delimiter for ${blockName} tags. use end${blockName}`;
  else message = `Unknown tag '${tag}'`;
  return new ParseError(new Error(`Liquid syntax error: ${message}`), markupPosition(token));
}

/** Where a tag's markup starts (the line Ruby names for the tag). */
function markupPosition(tag: TagToken): Token {
  return positionToken(tag.input, (tag as RubyTagToken).ruby?.site.begin ?? tag.begin, tag.file);
}

/**
 * Block#parse_body: reads `remain` up to `end<blockName>`, giving each parsed node to `onNode`
 * and each tag Liquid does not know to `onUnknownTag` (which answers whether it took it).
 */
export function parseBody(
  liquid: Liquid, parser: Parser, remain: TopLevelToken[], opening: TagToken, blockName: string,
  onNode: (tpl: Template) => void, onUnknownTag: (token: TagToken) => boolean = () => false,
): void {
  // Block::MAX_DEPTH: 100 blocks deep at most (which also bounds this recursion).
  if (depth >= MAX_DEPTH) throw new ParseError(new Error("Liquid error: Nesting too deep"), markupPosition(opening));
  depth++;
  try {
    readBody(liquid, parser, remain, opening, blockName, onNode, onUnknownTag);
  } finally {
    depth--;
  }
}

const MAX_DEPTH = 100;
/** Blocks being read, innermost last (parsing is synchronous: one count serves every template). */
let depth = 0;

function readBody(
  liquid: Liquid, parser: Parser, remain: TopLevelToken[], opening: TagToken, blockName: string,
  onNode: (tpl: Template) => void, onUnknownTag: (token: TagToken) => boolean,
): void {
  const tags = liquid.tags as Record<string, unknown>;
  const delimiter = `end${blockName}`;
  const neverClosed = () => new ParseError(new Error(`Liquid syntax error: '${blockName}' tag was never closed`), markupPosition(opening));
  let token: TopLevelToken | undefined;
  while ((token = remain.shift())) {
    if (token.kind === TokenKind.Tag && !tags[(token as TagToken).name]) {
      const tag = token as TagToken;
      if (tag.name === delimiter) return;
      // The lines of a `{% liquid %}` tag ended: a block opened there must close there.
      if (tag.name === LIQUID_TAG_END) throw neverClosed();
      if (onUnknownTag(tag)) continue;
      throw unknownTag(tag, blockName);
    }
    onNode(parser.parseToken(token, remain));
  }
  throw neverClosed();
}
