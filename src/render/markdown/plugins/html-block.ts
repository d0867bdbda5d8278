// Block-level HTML as kramdown 2.4 reads it (parse_block_html off, Jekyll's default; on, every
// element outside raw HTML gets its default content model, as with `markdown="1"`):
// - a line starting (≤3 spaces) with a start tag that is not a span element, or with `<!--`, opens an
//   HTML block that runs to the matching close tag, across blank lines (CommonMark stops at a blank);
// - its content is kept as written (re-serialised tag by tag) unless the tag has `markdown="1"`
//   (or "block"/"span"), which parses it as Markdown, also when nested inside a raw block;
// - void elements and <script>/<style> do not swallow the rest of their line, so the newline after
//   them becomes a blank element in kramdown's tree (`<hr>` → `<hr />\n\n`).
// The result is one `kd_html` token whose meta is an HtmlNode tree; Markdown children are parsed here,
// once, with the same env (link definitions and footnotes are shared with the page).
import { gfmParagraphEnd } from '../options.js';
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import type { Token } from 'markdown-it';
import {
  type Attrs, type ContentModel, COMMENT_RE, ELEMENTS_WITHOUT_BODY, INSTRUCTION_RE, KNOWN_ELEMENTS,
  SPAN_ELEMENTS, TAG_CLOSE_RE, TAG_RE, defaultContentModel, markdownAttrModel, normaliseTagName,
  isNameStart, parseAttributes,
  UNAME,
} from '../html.js';
import { nestedListCut } from './kramdown-blocks.js';
import { fenceEndInText } from './fence.js';
import { listBlankLine } from './list-text.js';
import { firstLineIndentation, kdLineText, stripIndent } from './indent.js';
import { ITEM_IAL_ONLY } from '../ial.js';
import { openFootnoteDef } from './footnote-def.js';
import { asciiFirst } from '../ascii-first.js';

export type HtmlChild =
  | { kind: 'text'; value: string; raw?: boolean }
  | { kind: 'comment'; value: string }
  | HtmlNode;

export interface HtmlNode {
  kind: 'element';
  name: string;
  attrs: Attrs;
  model: ContentModel;
  isClosed: boolean;
  /** No close tag was found: the element ran to the end of its text (kramdown auto-closes it there). */
  open?: boolean;
  /** raw model: children; block model: Markdown block tokens; span model: inline tokens. */
  children: HtmlChild[];
  blockTokens?: Token[];
  blockSrc?: string;
  inlineTokens?: Token[];
}

interface Parse { md: MarkdownIt; env: any; }

/** Source position → where kramdown's TRAILING_WHITESPACE (`[ \t]*\n`) ends, or -1. */
function trailingWhitespace(src: string, pos: number): number {
  const m = /^[ \t]*(?:\n|$)/.exec(src.slice(pos));
  return m ? pos + m[0].length : -1;
}

/**
 * Finds where a block-model element's Markdown content ends: the first line that is (≤3 spaces) the
 * element's close tag at nesting depth 0. kramdown stops its nested block parse exactly there.
 * Returns [contentEnd, afterCloseTag] or null when there is none (kramdown then auto-closes at EOF).
 */
function findBlockEnd(src: string, from: number, name: string, parseBlockHtml: boolean, gfm: boolean, listEndsText: boolean): [number, number] | null {
  // Sticky: a close tag, or a whole start tag (on one line), right at the scanner's position.
  const closeAt = new RegExp(` {0,3}</${name}\\s*>`, 'iy');
  const openAt = new RegExp(` {0,3}<${name}(?=[\\s/>])([^>]*)>`, 'iy');
  // Any start or close tag of the name, for the body of a child read raw.
  const anyTag = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, 'gi');
  let depth = 0;
  // Inside a child read raw (or as a span): its nesting, or -1 for a span (ends at its first close tag).
  let raw = 0;
  let pos = from;
  // Reads a raw (or span) child's body from `i` on the line; returns where it ended, or -1.
  const skipRaw = (line: string, i: number): number => {
    anyTag.lastIndex = i;
    for (let t = anyTag.exec(line); t; t = anyTag.exec(line)) {
      if (t[1]) {
        if (raw === -1 || --raw === 0) {
          raw = 0;
          return t.index + t[0].length;
        }
      } else if (raw > 0 && !t[0].endsWith('/>')) raw++;
    }
    return -1;
  };
  // Where to go on inside the line at `pos` after a nested element of another name ended there.
  let resume = 0;
  const items = new ItemLines(listEndsText);
  const unclosedFences = new Set<string>();
  while (pos < src.length) {
    let eol = src.indexOf('\n', pos);
    if (eol < 0) eol = src.length;
    const line = src.slice(pos, eol);
    // kramdown's block HTML parser reads the tags at the start of a line one after another: each
    // close tag ends an element (ours when none is open), and a start tag right after one opens
    // the next element there (`</div><div class="c">` closes one div and opens another). Only
    // a line starting with the tag opens a nested element; a `<div>` inside paragraph text is
    // span text and nests nothing. A nested element parsed as Markdown blocks (parse_block_html,
    // or markdown="1") has its content parsed from right after its start tag, so a close tag
    // later on that line (`<div>x</div>`) is paragraph text and closes nothing; one read raw
    // (or as a span) ends at its close tag wherever it is, and the tags right after that are
    // read as at a line start again (`<div>x</div></div>` closes ours). Bounded: each step
    // consumes a tag of the line.
    let i = resume;
    resume = 0;
    if (i === 0 && raw === 0 && depth === 0) {
      // A line of a list item's (or definition's) text is read with the item, not by the block
      // parser of our content, so a close tag there is the item's text (`* a\n  </div>`).
      if (items.takes(line)) {
        pos = eol + 1;
        continue;
      }
      // A fenced code block is read whole by kramdown's block parser: a close tag inside it is
      // code (`<div markdown="1">\n```\n</div>\n```\n</div>`).
      const fenceEnd = fenceEndInText(src, pos, gfm, unclosedFences);
      if (fenceEnd > pos) {
        pos = fenceEnd;
        continue;
      }
    }
    if (raw !== 0) i = skipRaw(line, i);
    let jumped = false;
    while (i >= 0) {
      // (On the text, not the line: HTML_TAG_CLOSE_RE's `\s*` takes newlines, `</div\n>` closes.)
      closeAt.lastIndex = pos + i;
      const c = closeAt.exec(src);
      if (c) {
        const end = pos + i + c[0].length;
        if (depth === 0) return [pos + i, end];
        depth--;
        if (end > eol) {
          // (Going on where the tag ended, on its last line.)
          pos = src.lastIndexOf('\n', end - 1) + 1;
          resume = end - pos;
          jumped = true;
          break;
        }
        i += c[0].length;
        continue;
      }
      openAt.lastIndex = i;
      const o = openAt.exec(line);
      if (!o) {
        // A block-level element of another name starting here is read to its own end, which
        // may be lines below and mid-line: a raw <pre> pairs nested tags of any name (a
        // {% highlight %} figure inside a figure's <pre>), and the block parse goes on right
        // after it, so `</code></pre></figure>` closes a figure.
        const q = nestedElementEnd(src, pos + i, parseBlockHtml, gfm, listEndsText);
        if (q > pos + i) {
          const ws = trailingWhitespace(src, q);
          const next = ws >= 0 ? ws : q;
          pos = src.lastIndexOf('\n', next - 1) + 1;
          resume = next - pos;
          jumped = true;
        }
        break;
      }
      const attrs = o[1]!;
      i += o[0].length;
      if (attrs.endsWith('/')) continue;
      const md = /\smarkdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(attrs);
      const model = markdownAttrModel(md ? (md[1] ?? md[2] ?? md[3]) : undefined, name) ?? (parseBlockHtml ? defaultContentModel(name) : 'raw');
      if (model === 'block') {
        depth++;
        continue;
      }
      raw = model === 'span' ? -1 : 1;
      i = skipRaw(line, i);
    }
    if (!jumped) pos = eol + 1;
  }
  return null;
}

/** kramdown's HR_START: three or more `*`, `-` or `_`, spaces and tabs between. */
const HR_LINE = /^ {0,3}([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$/;

/** kramdown's LAZY_END_HTML_START/STOP after at most `spaces` spaces: a tag of an element that is no span element. */
const LAZY_END_HTML_TAG = asciiFirst(String.raw`^( *)<\/?(${UNAME})`, 'u', true);
function lazyEndHtml(line: string, spaces: number): boolean {
  const m = LAZY_END_HTML_TAG.exec(line);
  return !!m && m[1].length <= spaces && !SPAN_ELEMENTS.has(m[2].toLowerCase());
}

/**
 * The lines of the content's top-level list items and definitions, as kramdown's parse_list
 * collects them before it parses anything inside: from an item's first line, each line indented
 * at least as far as the item's text (content_re, tabs four columns), blank lines, and, right
 * after text, any line that is not an HTML tag (lazy_re stops at LAZY_END_HTML_START/STOP).
 * A line less indented after a blank line ends the list. Fed every line of the content in order.
 */
class ItemLines {
  /** The current item's content column (parse_first_list_line's indentation), or -1: no list. */
  private indent = -1;
  private afterBlank = true;
  private afterText = false;

  /**
   * `listEndsText`: a list marker line ends paragraph text (kramdown-parser-gfm's PARAGRAPH_END,
   * gfm_quirks paragraph_end). Without it (input: kramdown) `.\n* a` is one paragraph, and
   * `  </div>` after it is no item's text: it closes the element.
   */
  constructor(private readonly listEndsText: boolean) {}

  /** Whether `line` (a whole line of the content) is a list item's or definition's text. */
  takes(line: string): boolean {
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.length === line.length) {
      this.afterBlank = true;
      return this.indent >= 0;
    }
    let col = 0;
    for (const ch of lead) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
    const wasBlank = this.afterBlank;
    const afterText = this.afterText;
    this.afterBlank = false;
    // (Paragraph text, as far as a line tells: what a definition's term must be.)
    this.afterText = col < 4 && !/^[ \t]*(?:[#<>|^$]|\{:|`{3}|~{3})/.test(line);
    if (this.indent >= 0 && col >= this.indent) return true;
    // A new item: a marker (≤3 spaces in) and a space or tab after it, on a line that is no
    // horizontal rule (`* * *`: kramdown tries that first); a definition's `:` only right under
    // its term's text (or in a definition list already).
    // (PATTERN_TAIL takes a `|` right after the marker too: `*|x`, see list-rule.ts.)
    const m = /^( {0,3})([*+-]|\d+\.|:)([ \t]+|(?=\|))/.exec(line);
    if (m && !HR_LINE.test(line) && (m[2] !== ':' || (!wasBlank && afterText) || this.indent >= 0) &&
      (m[2] === ':' || this.listEndsText || wasBlank || !afterText || this.indent >= 0)) {
      this.indent = ITEM_IAL_ONLY.test(line.slice(m[1].length + m[2].length)) ? 4 : firstLineIndentation(m[1].length + m[2].length, m[3]);
      return true;
    }
    if (this.indent >= 0 && !wasBlank && !lazyEndHtml(line, Math.min(this.indent, 3))) return true;
    this.indent = -1;
    return false;
  }
}

/**
 * Where a block-level HTML element of another name, starting (≤3 spaces in) at `pos`, ends as
 * kramdown's block parser reads it inside ours: raw content (parse_raw_html) pairs nested tags
 * of any name and ends at the element's own close tag wherever it is; span content ends at the
 * first close tag of its name; block content ends where findBlockEnd finds it. Returns the
 * position after the close tag, or `pos` when no such element starts there.
 */
function nestedElementEnd(src: string, pos: number, parseBlockHtml: boolean, gfm: boolean, listEndsText: boolean): number {
  const lead = /^ {0,3}(?=<)/.exec(src.slice(pos, pos + 4));
  if (!lead) return pos;
  const at = pos + lead[0].length;
  const m = TAG_RE.exec(src.slice(at));
  if (!m) return pos;
  const name = normaliseTagName(m[1]);
  if (SPAN_ELEMENTS.has(name)) return pos;
  const after = at + m[0].length;
  if (m[5] !== undefined || ELEMENTS_WITHOUT_BODY.has(name)) return after;
  const attrs = parseAttributes(m[2] ?? '', KNOWN_ELEMENTS.has(name));
  const model = name === 'script' || name === 'style'
    ? 'span' // read verbatim to the first close tag (handle_raw_html_tag)
    : markdownAttrModel(attrs.get('markdown'), name) ?? (parseBlockHtml ? defaultContentModel(name) : 'raw');
  if (model === 'raw') return rawEnd(src, after, name);
  if (model === 'span') {
    const c = new RegExp(`</${name}\\s*>`, 'i').exec(src.slice(after));
    return c ? after + c.index + c[0].length : src.length;
  }
  const ws = trailingWhitespace(src, after);
  const end = findBlockEnd(src, ws >= 0 ? ws : after, name, parseBlockHtml, gfm, listEndsText);
  return end ? end[1] : src.length;
}

/**
 * The next place from `pos` where markup may start, `/<(?:[\p{L}_]|\/|!--|\?)/gu`'s match, or -1.
 * Searched with the class widened to every non-ASCII character (../ascii-first.ts: the `\p{L}`
 * class costs far more to compile than the search), and a non-ASCII character after `<` is
 * then checked against the letters.
 */
function markupStart(src: string, pos: number): number {
  for (;;) {
    MARKUP_START.lastIndex = pos;
    const s = MARKUP_START.exec(src);
    if (!s) return -1;
    if (s[0].charCodeAt(1) < 0x80 || isNameStart(s[0].slice(1))) return s.index;
    pos = s.index + 1;
  }
}
const MARKUP_START = /<(?:[A-Za-z_\u{80}-\u{10FFFF}]|\/|!--|\?)/gu;

/**
 * The position after the close tag of raw element `name` whose content starts at `pos`, as
 * parseRaw reads it (nested elements paired by name, comments skipped), without building nodes.
 * A stack, not recursion: nesting depth is the document's to choose.
 */
function rawEnd(src: string, pos: number, name: string): number {
  const open: string[] = [name];
  while (pos < src.length) {
    const s = markupStart(src, pos);
    if (s < 0) return src.length;
    pos = s;
    const rest = src.slice(pos);
    let m: RegExpExecArray | null;
    const top = open[open.length - 1]!;
    if (top === 'script' || top === 'style') {
      const c = new RegExp(`</${top}\\s*>`, 'i').exec(rest);
      if (!c) return src.length;
      pos += c.index + c[0].length;
      open.pop();
      if (!open.length) return pos;
    } else if ((m = COMMENT_RE.exec(rest)) || (m = INSTRUCTION_RE.exec(rest))) {
      pos += m[0].length;
    } else if ((m = TAG_RE.exec(rest))) {
      pos += m[0].length;
      const child = normaliseTagName(m[1]);
      if (m[5] === undefined && !ELEMENTS_WITHOUT_BODY.has(child)) open.push(child);
    } else if ((m = TAG_CLOSE_RE.exec(rest))) {
      pos += m[0].length;
      // A close tag of another name is text there (kramdown warns and goes on).
      if (normaliseTagName(m[1]) === top) {
        open.pop();
        if (!open.length) return pos;
      }
    } else {
      pos++;
    }
  }
  return src.length;
}

type CoreRule = (state: any) => void;
const coreSplits = new WeakMap<MarkdownIt, { before: CoreRule[]; after: CoreRule[] }>();

/** markdown-it's enabled core rules split at `inline`: those before it, and it with those after. */
function coreSplit(md: MarkdownIt): { before: CoreRule[]; after: CoreRule[] } {
  let split = coreSplits.get(md);
  if (!split) {
    const rules = ((md.core.ruler as any).__rules__ as Array<{ name: string; enabled: boolean; fn: CoreRule }>)
      .filter((r) => r.enabled && r.name !== NESTED_INLINE);
    const at = rules.findIndex((r) => r.name === 'inline');
    split = { before: rules.slice(0, at).map((r) => r.fn), after: rules.slice(at).map((r) => r.fn) };
    coreSplits.set(md, split);
  }
  return split;
}

const NESTED_INLINE = 'kd_nested_inline';

/**
 * A parse of an element's content, sharing the page's env, whose span (inline) phase waits for
 * the page's: kramdown parses every block first and only then the spans (update_tree), so a
 * reference, footnote or abbreviation defined after the element (`<div markdown="1">[x][r]</div>`
 * then `[r]: url`) is known inside it. The block-phase core rules run now; `inline` and the rules
 * after it run for this state from the page's own core chain (the NESTED_INLINE rule).
 */
function parseDeferred(p: Parse, src: string, inlineMode: boolean): any {
  const state = new p.md.core.State(src, p.md, p.env);
  state.inlineMode = inlineMode;
  const { before, after } = coreSplit(p.md);
  // The footnote definition the element is in (its spans' owner: see kdInlineOwner in index.ts),
  // taken now, while the block parse knows it; an element inside an element inherits its owner.
  const owner = openFootnoteDef(p.env) ?? p.env.kdDeferredOwner;
  const wasOwner = p.env.kdDeferredOwner;
  p.env.kdDeferredOwner = owner;
  try {
    for (const fn of before) fn(state);
  } finally {
    p.env.kdDeferredOwner = wasOwner;
  }
  (p.env.kdDeferredInline ??= []).push({ state, after, owner });
  return state;
}

/** The last top-level block of `tokens` is an HTML element that ran to the end of its text open. */
function endsInOpenElement(tokens: Token[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.level !== 0) continue;
    const meta = t.meta as { toEof?: boolean; children?: HtmlChild[] } | null;
    const first = meta?.children?.[0];
    return t.type === 'kd_html' && !!meta?.toEof && first?.kind === 'element' && !!first.open;
  }
  return false;
}

function parseBlockContent(p: Parse, node: HtmlNode, inner: string, toEnd = false): void {
  const src = inner.endsWith('\n') || inner === '' ? inner : inner + '\n';
  // kramdown parses the element's content in place, so the line after it is the close tag, not
  // the end of a text: `kdHtmlBody` tells beforeBlockBoundary that the end is no boundary. (Content
  // that runs to the end of the text, the element never closed, ends where that text ends:
  // `<div markdown="1">.\n\n$$$$` has a math block.)
  // (`kdHtmlBodyLineOpen`: the close tag is on the content's last line, `<div><hr></div>`, so the
  // newline added here is none of kramdown's: an element there leaves no blank line after it.)
  const was = p.env.kdHtmlBody;
  const wasOpen = p.env.kdHtmlBodyLineOpen;
  p.env.kdHtmlBody = toEnd ? was : true;
  p.env.kdHtmlBodyLineOpen = src !== inner;
  try {
    node.blockTokens = parseDeferred(p, src, false).tokens;
  } finally {
    p.env.kdHtmlBody = was;
    p.env.kdHtmlBodyLineOpen = wasOpen;
  }
  node.blockSrc = src;
}

/**
 * Parses the element whose start tag matched `m` at `pos` (the tag already consumed up to `after`).
 * Returns the position after the element. `parentRaw`: the element sits inside raw HTML, where
 * kramdown does not eat the whitespace after a close tag.
 */
function parseElement(p: Parse, src: string, m: RegExpExecArray, after: number, parentRaw: boolean, out: HtmlChild[]): number {
  const name = normaliseTagName(m[1]);
  const attrs = parseAttributes(m[2] ?? '', KNOWN_ELEMENTS.has(name));
  let closed = m[5] !== undefined;
  const node: HtmlNode = { kind: 'element', name, attrs, model: 'raw', isClosed: closed, children: [] };
  out.push(node);
  if (!closed && ELEMENTS_WITHOUT_BODY.has(name)) closed = true;
  const mdAttr = attrs.get('markdown');
  attrs.delete('markdown');
  // kramdown's handle_kramdown_html_tag: with `parse_block_html` an element not inside raw HTML
  // takes its default content model (block, span or raw by name); `markdown="…"` overrides either.
  const model = markdownAttrModel(mdAttr, name) ?? (p.env.kdParseBlockHtml && !parentRaw ? defaultContentModel(name) : 'raw');
  node.model = model;
  node.isClosed = closed;
  let pos = after;
  if (name === 'script' || name === 'style') {
    // kramdown reads their body verbatim up to the close tag (handle_raw_html_tag), unescaped.
    const re = new RegExp(`</${name}\\s*>`, 'i');
    const rest = src.slice(pos);
    const c = re.exec(rest);
    node.children.push({ kind: 'text', value: c ? rest.slice(0, c.index) : rest, raw: true });
    node.isClosed = false;
    if (!c) node.open = true;
    return c ? pos + c.index + c[0].length : src.length;
  }
  if (closed) {
    // handle_kramdown_html_tag scans TRAILING_WHITESPACE for a block-model element before it looks
    // at the body, so a self-closed `<div/>` under parse_block_html takes its line's newline (no
    // blank after it), where a raw one (`<div/>` without it, `<hr>`) leaves it.
    if (model === 'block') {
      const ws = trailingWhitespace(src, pos);
      if (ws >= 0) pos = ws;
    }
    return pos;
  }
  if (model === 'block') {
    const ws = trailingWhitespace(src, pos);
    if (ws >= 0) pos = ws;
    const end = findBlockEnd(src, pos, name, !!p.env.kdParseBlockHtml, (p.md as any).kdGfm, gfmParagraphEnd(p));
    const deferred = p.env.kdDeferredInline?.length ?? 0;
    const spans = p.env.kdSpanBodies?.length ?? 0;
    if (end) parseBlockContent(p, node, src.slice(pos, end[0]));
    if (end && !endsInOpenElement(node.blockTokens!)) {
      pos = end[1];
    } else {
      // kramdown parses an element's content in place, in the page's own text: a child element
      // left open there (`<details>\n<summary>x</summary>` under parse_block_html, where a block
      // element's close tag counts only at the start of a line) reads on past this element's
      // close tag to the end of the text, and this element is closed only there.
      if (end) {
        p.env.kdDeferredInline?.splice(deferred);
        p.env.kdSpanBodies?.splice(spans);
      }
      parseBlockContent(p, node, src.slice(pos), true);
      pos = src.length;
      node.open = true;
    }
  } else if (model === 'span') {
    const re = new RegExp(`</${name}\\s*>`, 'i');
    const rest = src.slice(pos);
    const c = re.exec(rest);
    const text = c ? rest.slice(0, c.index) : rest;
    // Filled when the page's inline phase runs (parseDeferred): the inline token's children.
    const inlineTokens: Token[] = [];
    node.inlineTokens = inlineTokens;
    (p.env.kdSpanBodies ??= []).push({ state: parseDeferred(p, text, true), into: inlineTokens });
    pos = c ? pos + c.index + c[0].length : src.length;
    if (!c) node.open = true;
  } else {
    pos = parseRaw(p, src, pos, node);
  }
  if (!parentRaw) {
    const ws = trailingWhitespace(src, pos);
    if (ws >= 0) pos = ws;
  }
  return pos;
}

/** kramdown's parse_raw_html: text and tags up to the close tag of `node`; returns the end position. */
function parseRaw(p: Parse, src: string, pos: number, node: HtmlNode): number {
  while (pos < src.length) {
    const s = markupStart(src, pos);
    if (s < 0) {
      addText(node.children, src.slice(pos));
      node.open = true;
      return src.length;
    }
    addText(node.children, src.slice(pos, s));
    pos = s;
    const rest = src.slice(pos);
    let m: RegExpExecArray | null;
    if ((m = COMMENT_RE.exec(rest)) || (m = INSTRUCTION_RE.exec(rest))) {
      node.children.push({ kind: 'comment', value: m[0] });
      pos += m[0].length;
    } else if ((m = TAG_RE.exec(rest))) {
      pos = parseElement(p, src, m, pos + m[0].length, node.model === 'raw', node.children);
    } else if ((m = TAG_CLOSE_RE.exec(rest))) {
      pos += m[0].length;
      if (normaliseTagName(m[1]) === node.name) return pos;
      addText(node.children, m[0]); // a stray close tag stays as text (kramdown warns)
    } else {
      addText(node.children, src[pos]);
      pos++;
    }
  }
  node.open = true;
  return pos;
}

function addText(children: HtmlChild[], text: string): void {
  if (!text) return;
  const last = children[children.length - 1];
  if (last && last.kind === 'text' && !last.raw) last.value += text;
  else children.push({ kind: 'text', value: text });
}

// HTML_BLOCK_START: an element's name is REXML's UNAME_STR (html.ts).
const BLOCK_START_RE = asciiFirst(String.raw`^ {0,3}<(${UNAME}|!--)`, 'u', true);

/**
 * `<!-- c --> text`: kramdown's block parser takes the comment and goes on parsing blocks right after
 * it, mid-line, so the rest of the line starts a paragraph (`<!-- c -->\n<p>text</p>`). The line's
 * start is moved past the comment and the rest of the container is parsed from there.
 */
function restOfLine(state: StateBlock, startLine: number, endLine: number, line: number, after: number, out: HtmlChild[]): boolean {
  const token = state.push('kd_html', '', 0);
  token.map = [startLine, line + 1];
  token.meta = { children: out, trailingBlank: false };
  const saved = [state.bMarks[line], state.tShift[line], state.sCount[line]];
  let first = after;
  while (state.src[first] === ' ' || state.src[first] === '\t') first++;
  state.bMarks[line] = after;
  state.tShift[line] = first - after;
  state.sCount[line] = state.blkIndent + (first - after);
  (state as any).kdContinueLine = true;
  state.md.block.tokenize(state, line, endLine);
  [state.bMarks[line], state.tShift[line], state.sCount[line]] = saved;
  return true;
}

/**
 * The text the HTML parser reads. kramdown parses a container's content as its own text (`> `
 * markers and a list item's indentation removed), so inside a blockquote or list item the lines
 * from `startLine` on are copied without their container prefix; at the top level it is the source.
 * `toAbs` maps a position in `src` back to the document (for the lines' bookkeeping).
 */
interface View { src: string; begin: number; endLine: number; lineOf(pos: number): number; toAbs(pos: number): number; }

function viewOf(state: StateBlock, startLine: number, endLine: number): View {
  const bm = state.bMarks[startLine];
  const contained = state.blkIndent > 0 || (bm > 0 && state.src[bm - 1] !== '\n');
  if (!contained) {
    return {
      src: state.src,
      begin: bm + state.tShift[startLine],
      lineOf: (pos) => {
        let line = startLine;
        while (line + 1 < endLine && state.bMarks[line + 1] <= pos) line++;
        return line;
      },
      toAbs: (pos) => pos,
      endLine,
    };
  }
  let src = '';
  const starts: number[] = [];
  const abs: number[] = [];
  for (let l = startLine; l < endLine; l++) {
    if (l > startLine && nestedListCut(state, l)) break;
    // A non-blank line less indented than the container belongs to the next list item or after.
    if (l > startLine && state.sCount[l] < state.blkIndent && state.bMarks[l] + state.tShift[l] < state.eMarks[l]) break;
    // As markdown-it's getLines: up to blkIndent columns of indentation (or masked list marker) go.
    // (A whitespace-only line of list text stays whole: list-text.ts.)
    let first = state.bMarks[l];
    let col = 0;
    // A line a list took lazily keeps its own indentation in the item's text (its sCount was set
    // to the item's column plus that: kramdown-blocks.ts), so ` * <v>\n d` keeps the space.
    let limit = state.blkIndent;
    const lazyLine = l > startLine && !!(state as any).kdLazy?.has(l);
    if (lazyLine) {
      let real = 0;
      for (let p = state.bMarks[l]; p < state.bMarks[l] + state.tShift[l]; p++) real += state.src[p] === '\t' ? 4 - (real % 4) : 1;
      limit = Math.max(0, real - (state.sCount[l] - state.blkIndent));
    }
    while (first < state.eMarks[l] && col < limit && listBlankLine(state, l) === null) {
      const ch = state.src[first];
      if (ch === ' ') col++;
      else if (ch === '\t') col += 4 - (col % 4);
      else if (first - state.bMarks[l] < state.tShift[l]) col++;
      else break;
      first++;
    }
    starts.push(src.length);
    // A tab that straddles the container's indentation (`\te` in a `* ` item's text): kramdown's
    // text has the line's leading tabs as four spaces each (a line starting with tabs: all of
    // them), so what is left of it is spaces (`  e`); so are the tabs after the indentation in a
    // line that starts with tabs (`\t\t1` in a `* * ` item's text is `    1`). (Positions map to
    // the source from the line's text on.)
    let text = state.src.slice(first, state.eMarks[l]);
    // (A lazy line: as kdLineText has it, which knows a text kept for it and the spaces kramdown
    // puts before a lazy list marker line: `1. * <v n="">\n- ` keeps `     - `.)
    if (lazyLine) text = kdLineText(state, l);
    else if ((col > limit || (col === limit && state.src.charCodeAt(state.bMarks[l]) === 0x09 && text.charCodeAt(0) === 0x09)) && limit > 0 && listBlankLine(state, l) === null) {
      text = state.src.charCodeAt(state.bMarks[l]) === 0x09
        ? stripIndent(state.src.slice(state.bMarks[l], state.eMarks[l]), limit, state)
        : ' '.repeat(col - limit) + text;
    }
    abs.push(state.eMarks[l] - text.length);
    src += text + '\n';
  }
  const lineOf = (pos: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= pos) i++;
    return i;
  };
  const firstLine = src.slice(0, starts[1] ?? src.length);
  return {
    src,
    begin: firstLine.length - firstLine.replace(/^ +/, '').length,
    lineOf: (pos) => startLine + lineOf(pos),
    toAbs: (pos) => { const i = lineOf(pos); return abs[i] + (pos - starts[i]); },
    endLine: startLine + starts.length,
  };
}

export function htmlBlockPlugin(md: MarkdownIt): void {
  // The span phase of the elements' contents (parseDeferred), after the page's own, in the order
  // the elements were read; an element's contents may hold elements, whose states come later.
  md.core.ruler.after('inline', NESTED_INLINE, (state: any) => {
    const deferred = state.env.kdDeferredInline as Array<{ state: any; after: CoreRule[]; owner?: Token }> | undefined;
    if (!deferred) return;
    const outer = state.env.kdInlineOwner;
    try {
      for (let i = 0; i < deferred.length; i++) {
        // (A span `{::options}` in an element of a footnote definition belongs to the definition.)
        state.env.kdInlineOwner = deferred[i].owner;
        for (const fn of deferred[i].after) fn(deferred[i].state);
      }
    } finally {
      state.env.kdInlineOwner = outer;
    }
    state.env.kdDeferredInline = undefined;
    const spans = state.env.kdSpanBodies as Array<{ state: any; into: Token[] }> | undefined;
    if (spans) for (const { state: s, into } of spans) into.push(...(s.tokens[0]?.children ?? []));
    state.env.kdSpanBodies = undefined;
  });
  md.block.ruler.at('html_block', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    // (A list item's first line has its marker masked by tShift: start at the content.)
    // The text starts after the indentation, so it must start with `<` (tested before slicing).
    if (state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) !== 0x3c) return false;
    const bm = BLOCK_START_RE.exec(state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]));
    if (!bm) return false;
    const view = viewOf(state, startLine, endLine);
    const src = view.src;
    const begin = view.begin;
    const rest = src.slice(begin);
    const out: HtmlChild[] = [];
    let end: number;
    let trailingBlank = false;
    if (bm[1] === '!--') {
      // kramdown reads a block comment only at the very start of the line (its HTML_COMMENT_RE has no
      // leading spaces: `  <!-- c -->` is a paragraph), and a comment line does not end a paragraph
      // (LAZY_END only stops at element tags), so `text\n<!--more-->\nmore` is one <p>.
      if (silent || state.sCount[startLine] > state.blkIndent) return false;
      const c = COMMENT_RE.exec(rest);
      if (!c) return false;
      out.push({ kind: 'comment', value: c[0] });
      end = trailingWhitespace(src, begin + c[0].length);
      if (end < 0) {
        const after = begin + c[0].length;
        return restOfLine(state, startLine, endLine, view.lineOf(after), view.toAbs(after), out);
      }
    } else {
      const m = TAG_RE.exec(rest);
      if (!m || SPAN_ELEMENTS.has(m[1].toLowerCase())) return false;
      // <script> does not end a paragraph (kramdown's LAZY_END_HTML_SPAN_ELEMENTS has it): inside
      // one it is span HTML.
      if (silent) return m[1].toLowerCase() !== 'script';
      end = parseElement({ md: state.md, env: state.env }, src, m, begin + m[0].length, false, out);
      const node = out[0] as HtmlNode;
      // Elements whose body kramdown does not handle leave their line's newline to the blank parser.
      if (node.isClosed || node.name === 'script' || node.name === 'style') {
        const ws = trailingWhitespace(src, end);
        const addedNewline = ws === src.length && src === state.src && state.env.kdHtmlBodyLineOpen;
        if (ws >= 0 && ws > end && src[ws - 1] === '\n' && !addedNewline) { trailingBlank = true; end = ws; }
      }
    }
    // `<div>a</div> text`: kramdown's block parser goes on right after the close tag, mid-line, so
    // the rest of the line starts the next block (`<div>a</div>\n<p>text</p>`), as after a comment.
    if (end > 0 && end < src.length && src[end - 1] !== '\n') {
      return restOfLine(state, startLine, endLine, view.lineOf(end), view.toAbs(end), out);
    }
    // Map the consumed source back to whole lines.
    let line = end >= src.length ? view.endLine : view.lineOf(end);
    if (line <= startLine) line = startLine + 1;
    const token = state.push('kd_html', '', 0);
    token.map = [startLine, line];
    // An element left open runs to the end of the text: the blank lines at the end are inside it
    // (kramdown writes them before the close tag it adds), not after it.
    const first = out[0];
    const toEof = end >= src.length && first?.kind === 'element' && !first.isClosed && !ELEMENTS_WITHOUT_BODY.has(first.name);
    token.meta = { children: out, trailingBlank, toEof };
    state.line = line;
    return true;
  }, { alt: ['paragraph', 'reference', 'blockquote'] });
}
