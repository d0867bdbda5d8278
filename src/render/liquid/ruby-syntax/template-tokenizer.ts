// How Ruby Liquid 5.4 cuts a template into text, `{{ }}` and `{% %}` (Tokenizer, BlockBody):
// - Tokenizer splits on TemplateParser = /(\{%.*?%\}|\{\{.*?\}\}?|\{%|\{\{)/m: a tag ends at its
//   first `%}`, an output at its first `}}` or lone `}` (quotes do not protect them), and a `{{`
//   or `{%` with no end is a token of its own;
// - BlockBody#parse_for_document checks a tag with FullToken and an output with
//   ContentOfVariable; a token that fails them is "not properly terminated", in every error mode;
// - whitespace control (BlockBody#whitespace_handler): `{%-`/`{{-` rstrips the text node just
//   before (String#rstrip), `-%}`/`-}}` lstrips the next text token;
// - `raw` (Raw#parse) takes the following tokens as they are until one matching
//   FullTokenPossiblyInvalid names `endraw` (so `{%- endraw %}` does not end it);
// - `{% liquid %}` (BlockBody#parse_liquid_tag): each non-blank line of its markup is a tag.
// Line numbers are Ruby's: the line a token starts on, plus the newlines around a tag's name.
import { DOT, rstripLength, lstripLength } from "./patterns.js";
import { LiquidSyntaxError } from "./strict.js";

export interface TextToken {
  type: "text";
  begin: number;
  end: number;
  /** Characters String#lstrip / String#rstrip removed (whitespace control). */
  trimLeft: number;
  trimRight: number;
}

export interface TagToken {
  type: "tag";
  begin: number;
  end: number;
  name: string;
  markup: string;
  /** Where the markup starts in the source. */
  markupBegin: number;
  line: number;
  /** A line of a `{% liquid %}` tag (ends at the liquid tag's `liquidEnd` marker). */
  inLiquidTag?: boolean;
}

export interface OutputToken {
  type: "output";
  begin: number;
  end: number;
  markup: string;
  markupBegin: number;
  line: number;
}

/** Ends the tags of one `{% liquid %}` (which starts with a tag named `liquid`): a block left open inside it fails there, as in Ruby. */
export interface LiquidEndToken {
  type: "liquid-end";
  begin: number;
  end: number;
  line: number;
}

export type RubyToken = TextToken | TagToken | OutputToken | LiquidEndToken;

/** A template syntax error that no error mode lets through, with where it is. */
export class TemplateSyntaxError extends LiquidSyntaxError {
  constructor(message: string, readonly at: number, readonly line: number) {
    super(message);
  }
}

// Tokenizer: TemplateParser = /(#{PartialTemplateParser}|#{AnyStartingTag})/om
const TEMPLATE_PARSER = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}?|\{%|\{\{/g;
// BlockBody::FullToken = /\A#{TagStart}#{WhitespaceControl}?(\s*)(#{TagName})(\s*)(.*?)#{WhitespaceControl}?#{TagEnd}\z/om
const FULL_TOKEN = /^\{%-?([ \t\r\n\f\v]*)(#|\w+)([ \t\r\n\f\v]*)([\s\S]*?)-?%\}$/;
// BlockBody::ContentOfVariable = /\A#{VariableStart}#{WhitespaceControl}?(.*?)#{WhitespaceControl}?#{VariableEnd}\z/om
const CONTENT_OF_VARIABLE = /^\{\{-?([\s\S]*?)-?\}\}$/;
// Raw::FullTokenPossiblyInvalid = /\A(.*)#{TagStart}\s*(\w+)\s*(.*)?#{TagEnd}\z/om
const FULL_TOKEN_POSSIBLY_INVALID = /^([\s\S]*)\{%[ \t\r\n\f\v]*(\w+)[ \t\r\n\f\v]*([\s\S]*)?%\}$/;
// BlockBody::LiquidTagToken = /\A\s*(#{TagName})\s*(.*?)\z/o
const LIQUID_TAG_TOKEN = new RegExp(`^[ \\t\\r\\n\\f\\v]*(#|\\w+)[ \\t\\r\\n\\f\\v]*(${DOT}*?)$`);

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** Ruby's token split of `source`: [begin, end) ranges, empty text between tags left out. */
function split(source: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let last = 0;
  TEMPLATE_PARSER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEMPLATE_PARSER.exec(source)) !== null) {
    if (m.index > last) out.push([last, m.index]);
    out.push([m.index, m.index + m[0].length]);
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push([last, source.length]);
  return out;
}

/** The tokens of a template, whitespace control applied, `raw` bodies as one text token. */
export function tokenizeTemplate(source: string): RubyToken[] {
  const pieces = split(source);
  const out: RubyToken[] = [];
  let line = 1;
  let lineAt = 0;
  const lineOf = (offset: number): number => {
    line += countNewlines(source, lineAt, offset);
    lineAt = offset;
    return line;
  };
  let trimNext = false;
  /** The last node of the body being read, when it is text (what `{%-` strips). */
  let lastText: TextToken | null = null;

  // token[2] == "-" and token[-3] == "-", inside the token.
  const whitespace = (begin: number, end: number): void => {
    if (end - begin > 2 && source[begin + 2] === "-" && lastText) {
      const t = lastText;
      t.trimRight = rstripLength(source, t.begin + t.trimLeft, t.end);
    }
    trimNext = end - begin >= 3 && source[end - 3] === "-";
  };

  for (let i = 0; i < pieces.length; i++) {
    const [begin, end] = pieces[i]!;
    const text = source.slice(begin, end);
    if (text.startsWith("{%")) {
      whitespace(begin, end);
      const m = FULL_TOKEN.exec(text);
      if (!m) throw new TemplateSyntaxError(`Tag '${text}' was not properly terminated with regexp: /\\%\\}/`, begin, lineOf(begin));
      const name = m[2]!;
      const markup = m[4]!;
      const markupBegin = begin + 2 + (text[2] === "-" ? 1 : 0) + m[1]!.length + name.length + m[3]!.length;
      const tagLine = lineOf(begin) + countNewlines(m[1]!, 0, m[1]!.length) + countNewlines(m[3]!, 0, m[3]!.length);
      if (name === "liquid") {
        const lines: RubyToken[] = [];
        liquidTagLines(markup, markupBegin, tagLine, lines);
        // Its lines' tags join the body (an empty one adds nothing, so the text before stays last).
        if (lines.length) {
          lastText = null;
          out.push({ type: "tag", begin, end, name, markup: "", markupBegin, line: tagLine }, ...lines, { type: "liquid-end", begin: end, end, line: tagLine });
        }
        continue;
      }
      lastText = null;
      const tag: TagToken = { type: "tag", begin, end, name, markup, markupBegin, line: tagLine };
      out.push(tag);
      if (name === "raw") {
        rawSyntax(markup, begin, tagLine);
        i = rawBody(source, pieces, i, tag, out, lineOf);
      }
      continue;
    }
    if (text.startsWith("{{")) {
      whitespace(begin, end);
      const m = CONTENT_OF_VARIABLE.exec(text);
      if (!m) throw new TemplateSyntaxError(`Variable '${text}' was not properly terminated with regexp: /\\}\\}/`, begin, lineOf(begin));
      lastText = null;
      out.push({ type: "output", begin, end, markup: m[1]!, markupBegin: begin + 2 + (text[2] === "-" ? 1 : 0), line: lineOf(begin) });
      continue;
    }
    const t: TextToken = { type: "text", begin, end, trimLeft: trimNext ? lstripLength(source, begin, end) : 0, trimRight: 0 };
    trimNext = false;
    lastText = t;
    out.push(t);
  }
  return out;
}

/** Raw::Syntax = /\A\s*\z/: `raw` takes no markup (checked before its body is read). */
function rawSyntax(markup: string, at: number, line: number): void {
  if (!/^[ \t\r\n\f\v]*$/.test(markup)) throw new TemplateSyntaxError("Syntax Error in 'raw' - Valid syntax: raw", at, line);
}

/** Raw#parse: the tokens after `{% raw %}` up to the one that ends in `{% endraw %}`. Returns the index of that token. */
function rawBody(source: string, pieces: Array<[number, number]>, i: number, tag: TagToken, out: RubyToken[], lineOf: (offset: number) => number): number {
  const bodyBegin = tag.end;
  for (let j = i + 1; j < pieces.length; j++) {
    const [begin, end] = pieces[j]!;
    const m = FULL_TOKEN_POSSIBLY_INVALID.exec(source.slice(begin, end));
    if (m && m[2] === "endraw") {
      const bodyEnd = begin + m[1]!.length;
      out.push({ type: "text", begin: bodyBegin, end: bodyEnd, trimLeft: 0, trimRight: 0 });
      out.push({ type: "tag", begin: bodyEnd, end, name: "endraw", markup: m[3] ?? "", markupBegin: end - 2 - (m[3] ?? "").length, line: lineOf(begin) });
      return j;
    }
  }
  throw new TemplateSyntaxError("'raw' tag was never closed", tag.begin, lineOf(source.length));
}

/** BlockBody#parse_liquid_tag: one tag per non-blank line. */
function liquidTagLines(markup: string, markupBegin: number, line: number, out: RubyToken[]): void {
  const lines = markup.split("\n");
  // Ruby's String#split drops trailing empty strings.
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  let at = markupBegin;
  for (let n = 0; n < lines.length; n++) {
    const text = lines[n]!;
    const begin = at;
    at += text.length + 1;
    if (/^[ \t\r\n\f\v]*$/.test(text)) continue;
    const m = LIQUID_TAG_TOKEN.exec(text);
    // A line that is not a tag is handed on as a tag named by the whole line: "Unknown tag".
    const name = m ? m[1]! : text;
    const tagMarkup = m ? m[2]! : text;
    out.push({ type: "tag", begin, end: begin + text.length, name, markup: tagMarkup, markupBegin: begin + text.length - tagMarkup.length, line: line + n, inLiquidTag: true });
  }
}
