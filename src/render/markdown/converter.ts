// Writes markdown-it's token stream the way kramdown's HTML converter (kramdown/converter/html.rb)
// writes its element tree. Two kramdown ideas drive the layout:
// - blank lines in the source are elements of their own and write "\n" (a run of blank lines, even
//   interrupted by link/abbreviation/footnote definitions, is one blank), so we recover them from the
//   tokens' line maps;
// - block elements are indented by 2 spaces per nesting level, and a list item's first paragraph is
//   "transparent" (no <p>) by kramdown's per-item rule, not by CommonMark's tight/loose list rule.
import type { Token } from 'markdown-it';
import { type Attrs, ELEMENTS_WITHOUT_BODY, TAG_CLOSE_RE, TAG_RE, escapeAll, escapeAttr, escapeText, htmlAttributes, normaliseTagName, parseAttributes, KNOWN_ELEMENTS } from './html.js';
import type { HtmlChild, HtmlNode } from './plugins/html-block.js';
import { ENTITY_CODE_POINTS, codePointOf, entityToString, numericEntityCodePoint } from './entities.js';
import { BuildError } from '../../errors.js';
import { CJK_CHARACTER, removeCjkLineBreaks, type KramdownOptions } from './options.js';
import { basicId, gfmId, rawText, strippedText } from './header-id.js';
import { parseIal, applyIal, mergeIal, IAL_BODY, type Ial } from './ial.js';
import { type KramdownHighlighter, highlighterClass } from '../highlight/kramdown.js';
import type { MathEngine } from './math.js';
import { emptyLastItems } from './list-blanks.js';

/** A footnote definition, taken out of the flow (index.ts extractFootnotes). */
export interface FootnoteDef {
  tokens: Token[];
  start: number;
  end: number;
  src?: string;
  /** Its footnote_reference_open token: what its span `{::options}` were recorded with. */
  open: Token;
}

export interface ConvertContext {
  opts: KramdownOptions;
  /** kramdown's Rouge integration (../highlight/kramdown.ts), or null when highlighting is off. */
  highlight: KramdownHighlighter | null;
  env: any;
  gfmIds: Map<string, number>;
  basicIds: Map<string, number>;
  toc: Array<{ level: number; id: string; inline: Token[] }>;
  tocPlaceholder: { attrs: Attrs; ordered: boolean; key: string } | null;
  footnotes: Array<{ label: string; number: number; repeat: number }>;
  footnotesByLabel: Map<string, { label: string; number: number; repeat: number }>;
  /** `src`: the text the definition's line numbers refer to, when not the document's. */
  footnoteDefs: Map<string, FootnoteDef>;
  alds: Map<string, string>;
  autoIds: boolean;
  /**
   * Whether a header's id comes from its text elements (auto_id_stripping) rather than its text
   * as written, header by header (index.ts's idStrippingAt).
   */
  idStripping?: (open: Token) => boolean;
  /** What `$$…$$` becomes (kramdown's `math_engine`). */
  math: MathEngine;
}

/** One block of the tree: a token range, the lines it spans, and IAL attributes for it. */
interface Block {
  open: Token;
  tokens: Token[]; // the tokens strictly inside open…close (or [] for single tokens)
  start: number;
  end: number; // exclusive, last content line + 1
  ial?: Ial;
  /** A list whose last item ends in an HTML element that left its line's newline as a blank. */
  trailingBlank?: boolean;
  /** A list ended by an end-of-block marker `^` (parse_list's eob_found). */
  eobFound?: boolean;
}
// `def`: a link, abbreviation or footnote definition, which kramdown keeps in the tree as an end-of-
// block element: it writes nothing, but a list item holding one after a blank line is not
// "transparent" and keeps that blank; blank lines around it still count as one.
type Item = Block | { blank: true } | { eob: true; def?: true };
const LEADING_IAL = new RegExp(String.raw`^\s*\{:(?!:|\/)${IAL_BODY}\}\s*`);
const isBlank = (i: Item | undefined): i is { blank: true } => !!i && 'blank' in i;

/**
 * The lines of a text (`text.split('\n')`), kept as offsets into the text: only a few lines are ever
 * looked at, so none is copied out.
 */
class Lines {
  /** Where each line starts; a line ends before the next one's start (its `\n`) or at the end. */
  private readonly starts: number[] = [0];
  constructor(readonly src: string) {
    for (let p = src.indexOf('\n'); p >= 0; p = src.indexOf('\n', p + 1)) this.starts.push(p + 1);
  }
  /** As many as `split('\n')` gives. */
  get length(): number { return this.starts.length; }
  /** Line `n` (if it exists) holds only characters of `chars` (char codes; at most 3). */
  private only(n: number, a: number, b: number, c: number): boolean {
    const start = this.starts[n];
    const end = n + 1 < this.starts.length ? this.starts[n + 1] - 1 : this.src.length;
    for (let i = start; i < end; i++) {
      const ch = this.src.charCodeAt(i);
      if (ch !== a && ch !== b && ch !== c) return false;
    }
    return true;
  }
  /** Lines of a paragraph, header or definition term: text, whatever they hold (see markText). */
  private textLines: Uint8Array | null = null;
  /**
   * Marks the lines of the paragraphs, headers, terms and code among `tokens` as text. A line of only `>` is
   * blank inside a blockquote (the quote's marker), but paragraph text where no quote starts:
   * `para\n>` is one paragraph in kramdown (with kramdown's own parser, and inside a quote's
   * lazy lines with either), and that `>` must not count as a blank line after it.
   */
  markText(tokens: Token[]): this {
    for (const t of tokens) {
      if ((t.type !== 'paragraph_open' && t.type !== 'kd_raw_text_open' && t.type !== 'heading_open' && t.type !== 'dt_open' && t.type !== 'code_block' && t.type !== 'fence') || !t.map) continue;
      // (A term's map may be empty, [n, n]: its line n is text all the same. A code block's truly
      // empty lines stay blank: only `>` lines, its lazy text, are marked.)
      // (One flag per line rather than a Set of line numbers: most of a document's lines are text.
      // Lines past the end are blank whatever they are marked, see blank.)
      const end = Math.min(Math.max(t.map[1], t.map[0] + 1), this.starts.length);
      for (let l = t.map[0]; l < end; l++) if (!this.only(l, 0x20, 0x09, 0x20)) (this.textLines ??= new Uint8Array(this.starts.length))[l] = 1;
    }
    return this;
  }
  /** A missing line, or one of spaces, tabs and `>` only (not in a paragraph: markText). */
  blank(n: number): boolean {
    return n < 0 || n >= this.starts.length || (this.only(n, 0x20, 0x09, 0x3e) && this.textLines?.[n] !== 1);
  }
  /** Line `n`'s text (without its `\n`), or '' past the end. */
  text(n: number): string {
    if (n < 0 || n >= this.starts.length) return '';
    return this.src.slice(this.starts[n], n + 1 < this.starts.length ? this.starts[n + 1] - 1 : this.src.length);
  }
  onlyBlank(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (!this.blank(i)) return false;
    return true;
  }
  anyBlank(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.blank(i)) return true;
    return false;
  }
  lastNonEmpty(start: number, end: number): number {
    let e = end;
    while (e > start + 1 && (e - 1 >= this.starts.length || this.only(e - 1, 0x20, 0x09, 0x20))) e--;
    return e;
  }
  lastContent(start: number, end: number): number {
    let e = end;
    while (e > start + 1 && this.blank(e - 1)) e--;
    return e;
  }
}

/**
 * `end`, or past the last line of a quote among tokens (from, to), where that is later: its last
 * `>` lines are the quote's. A footnote definition there (`* [^1]:\n      b\n>`) counts with
 * its own lines, its quote's among them (extractFootnotes took the quote's tokens out).
 */
function quotesEnd(tokens: Token[], from: number, to: number, end: number): number {
  for (let k = from + 1; k < to; k++) {
    const m = tokens[k].type === 'blockquote_open' || tokens[k].type === 'kd_def' ? tokens[k].map : null;
    if (m && m[1] > end) end = m[1];
  }
  return end;
}

/** The lines of a token without a map (read only). */
const NO_MAP: readonly [number, number] = [0, 0];

/** Splits a token slice into top-level blocks. */
function splitBlocks(tokens: Token[], lines: Lines): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.nesting === 0) {
      const map = t.map ?? NO_MAP;
      const toEof = t.type === 'kd_html' && (t.meta as any)?.toEof;
      // A footnote definition's last `>` line is its quote's (`[^1]:\n    b\n>`), not a blank
      // line after it, as for a blockquote below.
      // (Nor is a `>` line an HTML element's close tag ends on, `</div\n>`.)
      const end = toEof ? map[1] : t.type === 'kd_def' || t.type === 'kd_html' ? lines.lastNonEmpty(map[0], map[1]) : lines.lastContent(map[0], map[1]);
      out.push({ open: t, tokens: [], start: map[0], end });
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < tokens.length; j++) {
      depth += tokens[j].nesting;
      if (depth === 0) break;
    }
    const map = t.map ?? NO_MAP;
    // A blockquote's trailing `>` lines are blank lines inside it (kramdown writes them as "\n"
    // before </blockquote>); only truly empty lines are outside.
    let end = t.type === 'blockquote_open' ? lines.lastNonEmpty(map[0], map[1]) : lines.lastContent(map[0], map[1]);
    // kramdown's parse_list (and parse_definition_list) gives the last item the blank lines after it
    // and then moves that item's trailing :blank out after the list. An HTML element left open at the
    // end of the last item (`* a\n  <ol>\n  <li>x</li>\n\nPara`) has already read those blank lines
    // into its body, so there is no :blank to move and the list is followed directly by the next block.
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'dl_open') {
      let k = j - 1;
      while (k > i && tokens[k].nesting === -1) k--;
      const last = tokens[k];
      if (last.type === 'kd_html' && (last.meta as any)?.toEof && last.map && last.map[1] > end) end = last.map[1];
      // A quote inside the list ends with its last `>` line, which the line model counts as blank
      // (`m\n: a\n>`, `* a\n> b\n>`): the list does too, so no blank follows it.
      end = quotesEnd(tokens, i, j, end);
    }
    // So does a definition, so that no blank line seems to come before the next one (`e\n: a\n>\n: b`
    // keeps `b` transparent).
    if (t.type === 'dd_open') end = quotesEnd(tokens, i, j, end);
    // An HTML element that leaves its line's newline to the blank parser (`* <hr>`) ends the last
    // item with a blank (so does a blank line before a block IAL that goes to nothing), which parse_list and parse_definition_list move out after the list (and
    // an enclosing list moves it out after itself); a blockquote keeps it.
    let trailingBlank = false;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'dl_open') {
      let k = j - 1;
      while (k > i && /^(?:list_item|bullet_list|ordered_list|dd|dl)_close$/.test(tokens[k].type)) k--;
      const lt = tokens[k];
      trailingBlank = (lt.type === 'kd_html' && !!(lt.meta as any)?.trailingBlank) ||
        // A block IAL after a blank line at the end waits for a next block that never comes, so
        // the item still ends with that blank (`1. :\n\n   {:f}`).
        // (Not an item's own IAL on its marker line: `* {:.x}`.)
        // (Nor one on the line of the block before it, that block's: `* \n\n* $$$${:c}`.)
        (lt.type === 'kd_ial' && !!lt.map && lt.map[0] > map[0] && tokens[k - 1].type !== 'list_item_open' && tokens[k - 1].type !== 'dd_open' && lines.blank(lt.map[0] - 1) &&
          !(tokens[k - 1].nesting === 0 && tokens[k - 1].map && tokens[k - 1].map![1] > lt.map[0]));
    }
    if (!trailingBlank && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || t.type === 'dl_open')) trailingBlank = emptyLastItems(tokens, i, j, (n) => lines.blank(n)) || nestedTrailingBlank(tokens, i, j, lines);
    const after = tokens[j + 1];
    // (parse_list reads blank lines, then the `^`: `* a\n\n^`.)
    const eobFound = (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && after?.type === 'kd_eob' && !!after.map &&
      after.map[0] >= map[1] && lines.onlyBlank(map[1], after.map[0]);
    // (Set only when true, as before; without spreading a fresh object in for each: this runs for
    // every block of every document.)
    const block: Block = { open: t, tokens: tokens.slice(i + 1, j), start: map[0], end };
    if (trailingBlank) block.trailingBlank = true;
    if (eobFound) block.eobFound = true;
    out.push(block);
    i = j;
  }
  return out;
}


/**
 * The blank a list or definition list inside the last item moved out after itself is that item's
 * last child, which the enclosing list moves out after itself in turn (`>* r\n: \n>\n  : ` has
 * a blank after the <ul> inside the quote). Whether the list `open` … `close` (tokens i and j)
 * ends so.
 */
function nestedTrailingBlank(tokens: Token[], i: number, j: number, lines: Lines): boolean {
  let depth = 0;
  let last = -1;
  for (let k = i + 1; k < j; k++) {
    if (depth === 0 && (tokens[k].type === 'list_item_open' || tokens[k].type === 'dd_open')) last = k;
    depth += tokens[k].nesting;
  }
  if (last < 0) return false;
  depth = 0;
  let close = last + 1;
  for (; close < j; close++) {
    if (depth === 0 && tokens[close].nesting === -1) break;
    depth += tokens[close].nesting;
  }
  const inner = splitBlocks(tokens.slice(last + 1, close), lines);
  const b = inner[inner.length - 1];
  return !!b?.trailingBlank && !b.eobFound && !!tokens[last].map && b.end <= tokens[last].map![1] && !lines.anyBlank(b.end, tokens[last].map![1]);
}

/**
 * A class kramdown-parser-gfm set while parsing, before the element's IAL was applied: first in the
 * class list and first among the attributes (an attribute hash keeps insertion order).
 */
function classFirst(attrs: Attrs, cls: string): void {
  const rest = [...attrs].filter(([k]) => k !== 'class');
  const value = attrs.has('class') ? `${cls} ${attrs.get('class')}` : cls;
  attrs.clear();
  attrs.set('class', value);
  for (const [k, v] of rest) attrs.set(k, v);
}

/** Whether a block IAL is on one line (LIST_ITEM_IAL looks at an item's first line only). */
function oneLine(b: Block): boolean {
  return !b.open.map || b.open.map[1] - b.open.map[0] <= 1;
}

/** Blocks with blank items between them; block IALs/ALDs applied and removed, as kramdown does. */
function withBlanks(blocks: Block[], lines: Lines, ctx: ConvertContext, start: number, end: number): Item[] {
  const items: Item[] = [];
  let pos = start;
  let pendingIal: Ial | null = null;
  let lastDefEnd = start;
  const lastBlock = () => {
    for (let k = items.length - 1; k >= 0; k--) { const it = items[k]; if (!('blank' in it) && !('eob' in it)) return k === items.length - 1 ? it as Block : null; return null; }
    return null;
  };
  // End-of-block elements (definitions, ALDs, `^`, a block IAL's, `{::options /}`) do not separate
  // blank lines: the blank lines around them are one blank (kramdown's update_tree drops an :eob
  // and joins the blanks on each side).
  const lastNonDef = () => {
    for (let k = items.length - 1; k >= 0; k--) {
      const it = items[k];
      if ('eob' in it) continue;
      return it;
    }
    return undefined;
  };
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi];
    if (lines.anyBlank(pos, b.start)) {
      // A new blank element takes a pending block IAL (kramdown's new_block_el), so the IAL applies
      // to nothing; blank lines that join an earlier blank leave it for the next block
      // (`a\n\n{: .x}\n\nb` gives b the class).
      if (!isBlank(lastNonDef())) { items.push({ blank: true }); pendingIal = null; }
    }
    pos = Math.max(pos, b.end);
    // A list ended by `^` took the blank lines before it and writes none (eob_found).
    if (b.eobFound) pos = Math.max(pos, b.open.map![1]);
    const type = b.open.type;
    // ALDs were all collected before conversion (aldsFrom in index.ts).
    // kramdown leaves an end-of-block element where an ALD was, and where a block IAL went to the
    // block before it (unless another IAL follows on the next line): it writes nothing, but counts
    // as a child of a list item or definition (`* a\n  {:r:d}` writes `<li>a\n  </li>`).
    // Like any new block element it takes a pending IAL (new_block_el).
    if (type === 'kd_ald') { items.push({ eob: true }); pendingIal = null; continue; }
    // `{::options /}` as a block leaves an end-of-block element too (new_block_el(:eob,
    // :extension)): `* {::options /}` is an empty item, `<li></li>`.
    if (type === 'kd_extension' && b.open.info === 'options') { items.push({ eob: true }); pendingIal = null; continue; }
    if (type === 'kd_ial') {
      const ial = parseIal(b.open.content, ctx.alds);
      // After a link/abbreviation/footnote definition the IAL is the definition's (kramdown lets it
      // style the links that use it); that is not supported, so it is dropped.
      // (Right after it: a blank line between makes the IAL wait for the next block, as
      // parse_block_extensions sees the :blank as the last child.)
      const lastItem = items[items.length - 1];
      if (lastItem && 'def' in lastItem && !lines.anyBlank(lastDefEnd, b.start)) continue;
      const prev = lastBlock();
      if (prev) {
        prev.ial = mergeIal(prev.ial, ial);
        const next = blocks[bi + 1];
        // Its end-of-block element is a new_block_el, which takes an IAL still waiting: one that
        // lines of raw text (kd_raw_text, to which this IAL went) did not take, so it is lost
        // (`{:.c}\n  \te\n{:.d}\nt` writes <p>t</p>).
        if (!(next && next.open.type === 'kd_ial' && next.start === b.end)) { items.push({ eob: true }); pendingIal = null; }
      } else pendingIal = mergeIal(pendingIal ?? undefined, ial);
      continue;
    }
    if (type === 'kd_eob') {
      // The `^` that ended a list is the list's (eob_found): no element, so a block IAL after it
      // is the list's (`* a\n^\n{:.c}`).
      if (blocks[bi - 1]?.eobFound && items[items.length - 1] === blocks[bi - 1]) continue;
      items.push({ eob: true });
      // The end-of-block element takes a pending block IAL (new_block_el), which so applies to nothing.
      pendingIal = null;
      continue;
    }
    if (type === 'kd_def') { items.push({ eob: true, def: true }); pendingIal = null; lastDefEnd = b.end; continue; }
    // A block comment is no new_block_el: kramdown's parse_block_html adds it without taking the
    // pending block IAL, which so goes to the block after it (`{: .x}\n<!-- c -->\npara`).
    const commentOnly = type === 'kd_html' && ((b.open.meta as any)?.children as Array<{ kind: string }> | undefined)?.every((c) => c.kind === 'comment');
    // Nor is a line no block parser takes (` \tx`, kd_raw_text): parse_blocks adds it as text to
    // the tree, and the IAL goes on to the next block (`{:.c}\n \tx\nt`: the paragraph t's).
    if (pendingIal && !commentOnly && type !== 'kd_raw_text_open') {
      // (Not to a paragraph whose lines kramdown's table parser tried first: see table.ts.)
      if (!(b.open.meta as any)?.ialLost) b.ial = mergeIal(b.ial, pendingIal);
      pendingIal = null;
    }
    items.push(b);
    if (b.trailingBlank) {
      // (Not when a list ended at an end-of-block marker: parse_list's eob_found; a definition
      // list moves it out all the same.)
      if (!b.eobFound) items.push({ blank: true });
    }
    else if (type === 'kd_html' && (b.open.meta as any)?.trailingBlank) {
      items.push({ blank: true });
      pos = Math.max(pos, b.open.map![1]);
    }
  }
  if (lines.anyBlank(pos, end) && !isBlank(lastNonDef())) items.push({ blank: true });
  return items;
}

function tokAttrs(t: Token): Attrs {
  const attrs: Attrs = new Map();
  if (t.attrs) for (const [k, v] of t.attrs) attrs.set(k, String(v));
  return attrs;
}
/** htmlAttributes(tokAttrs(t)) without building a Map for the many tokens that have no attributes. */
const tokAttrString = (t: Token): string => (t.attrs ? htmlAttributes(tokAttrs(t)) : '');
const ind = (n: number) => ' '.repeat(n);

export class Converter {
  constructor(private ctx: ConvertContext) {}

  /**
   * Inside footnote definitions and HTML elements: kramdown-parser-gfm's pass that turns line ends
   * into <br /> (hard_wrap) and `\` + newline into <br /> walks the document tree, but not into
   * `html_element`s nor footnote definitions (kept apart from the tree), so there they stay text.
   */
  private outsideGfmPass = 0;

  /** Converts a token list (a document or a `markdown="1"` body) at the given indent. */
  blocks(tokens: Token[], lines: Lines, indent: number, start: number, end: number, inHtml: boolean, root = false): string {
    const items = withBlanks(splitBlocks(tokens, lines), lines, this.ctx, start, end);
    let out = '';
    items.forEach((it, k) => {
      if (isBlank(it)) out += '\n';
      else if ('eob' in it) return;
      else out += this.childBlock(it, lines, indent, inHtml, root || !lastChild(items, k));
    });
    return out;
  }

  /**
   * A child block of a container. hard_wrap: the <br /> of a raw text's last line break is left
   * out where the text is the last child of a block element (kramdown-parser-gfm's
   * update_text_type, after end-of-block elements are gone), kept at the document's root.
   */
  private childBlock(it: Block, lines: Lines, indent: number, inHtml: boolean, keepTrailingBreak: boolean): string {
    if (it.open.type !== 'kd_raw_text_open') return this.block(it, lines, indent, inHtml);
    this.keepTrailingBreak = keepTrailingBreak;
    try {
      return this.block(it, lines, indent, inHtml);
    } finally {
      this.keepTrailingBreak = false;
    }
  }

  /** See blocks(): whether a line break ending the text being written still gets its <br />. */
  private keepTrailingBreak = false;

  private docLines = NO_LINES;

  document(tokens: Token[], src: string): string {
    const lines = new Lines(src).markText(tokens);
    // Footnote definitions were taken out of the document's tokens; their lines are the document's.
    for (const def of this.ctx.footnoteDefs.values()) if (def.src === undefined) lines.markText(def.tokens);
    this.docLines = lines;
    const n = src.endsWith('\n') ? lines.length - 1 : lines.length;
    return this.blocks(tokens, lines, 0, 0, n, false, true);
  }

  private attrsOf(b: Block, base?: Attrs): Attrs {
    const attrs: Attrs = base ? new Map(base) : new Map();
    if (b.ial) applyIal(attrs, b.ial);
    return attrs;
  }

  /**
   * kramdown 2.4's standalone image: a paragraph that is only an image whose IAL names
   * `standalone` (`![alt](src){: standalone}`) becomes a <figure> with the alt text as its
   * caption (written as it is, as kramdown does); the image's class and id move to the figure
   * unless the paragraph has its own.
   */
  private standaloneImage(inline: Token[], attrs: Attrs, indent: number): string | null {
    if (inline.length === 0 || inline.length > 3) return null;
    // Nothing to do without an image, and nothing to apply without a span IAL: the usual short
    // paragraph (one text token) is not filtered into a new array.
    let imageOrIal = false;
    for (const t of inline) if (t.type === 'image' || t.type === 'kd_span_ial') { imageOrIal = true; break; }
    if (!imageOrIal) return null;
    applySpanIals(inline, this.ctx);
    const parts = inline.filter((t) => t.type !== 'text' || t.content !== '');
    const img = parts[0];
    if (parts.length !== 1 || img.type !== 'image' || !(img.meta as { standalone?: boolean } | null)?.standalone) return null;
    const imgAttrs: Attrs = tokAttrs(img);
    if (!imgAttrs.has('alt')) imgAttrs.set('alt', plainText(img.children ?? []));
    const figureAttrs: Attrs = new Map(attrs);
    for (const k of ['class', 'id']) {
      if (imgAttrs.has(k) && !figureAttrs.has(k)) { figureAttrs.set(k, imgAttrs.get(k)!); imgAttrs.delete(k); }
    }
    const inner = ind(indent + 2);
    return `${ind(indent)}<figure${htmlAttributes(figureAttrs)}>\n${inner}<img${htmlAttributes(imgAttrs)} />\n` +
      `${inner}<figcaption>${imgAttrs.get('alt') ?? ''}</figcaption>\n${ind(indent)}</figure>\n`;
  }

  private block(b: Block, lines: Lines, indent: number, inHtml: boolean): string {
    const t = b.open;
    switch (t.type) {
      case 'paragraph_open': {
        const inline = b.tokens[0]?.children ?? [];
        const attrs = this.attrsOf(b);
        const figure = this.standaloneImage(inline, attrs, indent);
        if (figure !== null) return figure;
        // A paragraph holding only block-level HTML-looking spans still gets <p> in kramdown.
        return `${ind(indent)}<p${htmlAttributes(attrs)}>${this.inline(inline)}</p>\n`;
      }
      case 'heading_open': return this.heading(b, indent, inHtml);
      // Text kramdown's block parser added as it is (kramdown-blocks.ts's rawText): no element, no
      // indentation, its line breaks its own.
      case 'kd_raw_text_open': return this.inline(b.tokens[0]?.children ?? []);
      case 'hr': return `${ind(indent)}<hr${htmlAttributes(this.attrsOf(b))} />\n`;
      case 'bullet_list_open':
      case 'ordered_list_open': return this.list(b, lines, indent, inHtml);
      case 'blockquote_open': {
        let inner = this.blocks(b.tokens, lines, indent + 2, b.start, b.end, inHtml);
        // `* >`: the quote's text starts with a blank line that the source line does not show
        // (blocks' output starts with "\n" only for a blank).
        if ((t.meta as { firstLineBlank?: boolean } | null)?.firstLineBlank && !inner.startsWith('\n')) inner = '\n' + inner;
        return `${ind(indent)}<blockquote${htmlAttributes(this.attrsOf(b))}>\n${inner}${ind(indent)}</blockquote>\n`;
      }
      case 'fence': {
        const info = t.info.trim();
        const m = /^((\S+?)(?:\?\S*)?)(?:\s|$)/.exec(info);
        return this.codeblock(t.content, m ? m[2] : null, b, indent, m ? m[1] : null);
      }
      case 'code_block': return this.codeblock(t.content.replace(/\n+$/, '\n'), null, b, indent);
      case 'table_open': return this.table(b, indent);
      case 'dl_open': return this.deflist(b, lines, indent, inHtml);
      case 'kd_math_block': return this.ctx.math.block(t.content, this.attrsOf(b), indent);
      case 'kd_html': return this.htmlChildren((t.meta as any).children, indent, false, lines, b.ial);
      case 'kd_extension': return this.extension(t, indent);
      case 'kd_toc_placeholder': return '';
      default: return '';
    }
  }

  /**
   * A list item's or definition's transparent first paragraph, with the "\n" parse_list and
   * parse_definition_list add to its text when more follows. They add it to the raw text before
   * spans are parsed, so an HTML element left open at the end takes it in (`: q<x>` then a block:
   * `q<x>\n</x>`).
   */
  private transparentText(para: Token | undefined, newline: boolean, inHtml: boolean): string {
    const inline = para?.children ?? [];
    if (!newline) return this.inline(inline);
    let k = inline.length;
    while (k > 0 && inline[k - 1].type === 'kd_html_close' && (inline[k - 1].meta as { autoClosed?: boolean } | null)?.autoClosed) k--;
    if (k === inline.length) return this.endingInBackslashes(inline, para!.content, inHtml) ?? this.inlineBeforeNewline(inline) + '\n';
    const Tok = inline[k].constructor as new (type: string, tag: string, nesting: number) => Token;
    const nl = new Tok('text', '', 0);
    nl.content = '\n';
    return this.inline([...inline.slice(0, k), nl, ...inline.slice(k)]);
  }

  /**
   * Inline tokens followed by the "\n" transparentText adds: a line break at their end is no
   * longer the block's last text (hard_wrap: `1. x\n{::options /}` then a block keeps its <br />).
   */
  private inlineBeforeNewline(inline: Token[]): string {
    const keep = this.keepTrailingBreak;
    this.keepTrailingBreak = true;
    try {
      return this.inline(inline);
    } finally {
      this.keepTrailingBreak = keep;
    }
  }

  /**
   * A transparent first paragraph whose text ends in backslashes, with the "\n" added: kramdown
   * parses its spans after, so `\\` then the newline is kramdown's LINE_BREAK (a <br />, unless
   * hard_wrap took that parser out), and one backslash left over is kramdown-parser-gfm's
   * hard line break, whose <br /> is left out at the end of the block: the backslash goes, the
   * newline stays (not where the GFM pass does not go: HTML elements, footnote definitions).
   * Null when the text does not end in a backslash (or the paragraph's last text is no text).
   */
  private endingInBackslashes(inline: Token[], raw: string, inHtml: boolean): string | null {
    const last = inline[inline.length - 1];
    const run = /\\*$/.exec(raw)![0].length;
    if (run === 0 || last?.type !== 'text' || !last.content.endsWith('\\')) return null;
    const o = this.ctx.opts;
    const lineBreak = run % 2 === 0 && !(o.hardWrap && o.gfm);
    const gfmBreak = run % 2 === 1 && o.gfm && !o.hardWrap && !inHtml && !this.outsideGfmPass;
    if (!lineBreak && !gfmBreak) return null;
    const Tok = last.constructor as new (type: string, tag: string, nesting: number) => Token;
    const text = new Tok('text', '', 0);
    text.content = last.content.slice(0, -1);
    const body = this.inline([...inline.slice(0, -1), text]);
    return body + (lineBreak ? '<br />\n' : '\n');
  }

  private extension(t: Token, indent: number): string {
    if (t.info === 'comment') return `${ind(indent)}<!-- ${t.content} -->\n`;
    if (t.info === 'nomarkdown') return nomarkdownForHtml((t.meta as { attrs?: string } | null)?.attrs) ? `${t.content}\n` : '';
    // `{::options /}` was applied before conversion (see autoIdsFromOptions in index.ts).
    return '';
  }

  private heading(b: Block, indent: number, inHtml: boolean): string {
    const level = Number(b.open.tag.slice(1));
    const inline = b.tokens[0]?.children ?? [];
    const attrs = this.attrsOf(b);
    const explicit = b.open.meta?.id as string | undefined;
    if (explicit && !attrs.has('id')) {
      const a = new Map([['id', explicit]]);
      for (const [k, v] of attrs) a.set(k, v);
      attrs.clear();
      for (const [k, v] of a) attrs.set(k, v);
    }
    if (this.ctx.autoIds && !attrs.has('id')) {
      // kramdown-parser-gfm assigns GFM ids in the parser, but skips headers inside HTML elements;
      // those get kramdown's converter ids (ASCII-only algorithm, separate counter), from the
      // header's parsed text (the GFM parser's auto_id_stripping). kramdown's own parser leaves
      // every id to the converter, which reads the header's text as written in the source
      // (`raw_text`, kept by the kd_header_id rule in index.ts): `## A [link](http://x.y)` gets
      // `a-linkhttpxy`.
      // With auto_id_stripping kramdown's own parser replaces that raw text by the text elements'
      // (strippedText: no code spans, entities, smart quotes or typographic symbols).
      // The GFM parser turns auto_id_stripping on, and a `{::options auto_id_stripping="false" /}`
      // turns it off again: its ids then come from the text as written too.
      const gfm = this.ctx.opts.gfm;
      const strip = this.ctx.idStripping ? this.ctx.idStripping(b.open) : gfm || this.ctx.opts.autoIdStripping;
      const written = (b.open.meta?.raw as string | undefined) ?? b.tokens[0]?.content ?? '';
      const text = gfm ? (strip ? rawText(withLeadingIalText(inline)) : written)
        : strip ? strippedText(withLeadingIalText(inline))
        : written;
      if ((inHtml || !gfm) && this.ctx.opts.transliteratedHeaderIds) {
        // kramdown's generate_id transliterates with the stringex gem, which Debian's Jekyll lacks:
        // the conversion fails there (Gem::MissingSpecError). The GFM parser's own ids never ask.
        throw new BuildError("Conversion error: kramdown's transliterated_header_ids needs the gem stringex: Could not find 'stringex' (>= 0)", {
          file: '_config.yml', hint: 'Remove kramdown: transliterated_header_ids: (Jekyll cannot build with it either).',
        });
      }
      const id = inHtml || !gfm ? basicId(text, this.ctx.basicIds) : gfmId(text, this.ctx.gfmIds);
      // The GFM parser adds the id after the IAL was applied, so it comes last.
      attrs.set('id', this.ctx.opts.autoIdPrefix + id);
    }
    const id = attrs.get('id');
    const cls = attrs.get('class');
    // (The class list is split only when it names no_toc at all: most headings have no class.)
    const noToc = cls !== undefined && cls.includes('no_toc') && cls.split(/\s+/).includes('no_toc');
    if (id !== undefined && this.ctx.opts.tocLevels.has(level) && !noToc) this.ctx.toc.push({ level, id, inline });
    // kramdown's output_header_level: the TOC (toc_levels) sees the level as written, the tag
    // the level moved by `header_offset`.
    const out = Math.min(6, Math.max(1, level + this.ctx.opts.headerOffset));
    return `${ind(indent)}<h${out}${htmlAttributes(attrs)}>${this.inline(inline)}</h${out}>\n`;
  }

  /**
   * kramdown's convert_codeblock. `lang` is the fence's language word (the class names it), `info`
   * the fence's whole first word, `?options` included, which is what Rouge is asked for
   * (kramdown's `el.options[:lang]`).
   */
  private codeblock(code: string, lang: string | null, b: Block, indent: number, info: string | null = null): string {
    let attrs = this.attrsOf(b);
    // A fence's language is its class from the parser on (`language-yaml`), before an IAL adds
    // to it, so a class the IAL adds stays in that first place: `{: file='x' .nolineno}` after
    // a yaml fence writes class="… nolineno …" before file="x".
    if (lang !== null && attrs.has('class') && attrs.keys().next().value !== 'class') {
      attrs = new Map([['class', attrs.get('class')!], ...[...attrs].filter(([k]) => k !== 'class')]);
    }
    // kramdown's extract_code_language!: a `language-x` class names the language and is removed.
    let cls = attrs.get('class');
    if (cls) {
      const m = /\blanguage-(\S+)/.exec(cls);
      if (m) { lang ??= m[1]; cls = cls.replace(m[0], '').replace(/\s+/g, ' ').trim(); }
      if (cls) attrs.set('class', cls); else attrs.delete('class');
    }
    const hl = this.ctx.highlight ? this.ctx.highlight(code, info ?? lang, 'block') : null;
    if (hl !== null) {
      const a: Attrs = new Map();
      for (const [k, v] of attrs) a.set(k, v);
      a.set('class', highlighterClass(attrs.get('class'), lang ?? this.ctx.highlight!.defaultLang('block')));
      return `${ind(indent)}<div${htmlAttributes(a)}>${hl}${ind(indent)}</div>\n`;
    }
    const codeAttr = lang ? ` class="language-${escapeAttr(lang)}"` : '';
    return `${ind(indent)}<pre${htmlAttributes(attrs)}><code${codeAttr}>${escapeAll(code).replace(/\n$/, '')}\n</code></pre>\n`;
  }

  /**
   * The headers of the list the TOC replaces: kramdown-parser-gfm gave them their ids while
   * parsing (update_elements walks the whole tree), so they take their names from the counter
   * though the list is never written: `* # h\n{:toc}\n# H` writes the header H as `h-1`.
   * (kramdown's own parser leaves ids to the converter, which never converts the list.) A header
   * with an id of its own (`{#x}`) takes none.
   */
  private reserveGfmIds(tokens: Token[]): void {
    if (!this.ctx.opts.gfm || !this.ctx.autoIds) return;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'heading_open' || t.meta?.id || tokens[i + 1].type !== 'inline') continue;
      gfmId(rawText(withLeadingIalText(tokens[i + 1].children ?? [])), this.ctx.gfmIds);
    }
  }

  private list(b: Block, lines: Lines, indent: number, inHtml: boolean): string {
    const ordered = b.open.type === 'ordered_list_open';
    const attrs = this.attrsOf(b);
    if (b.ial?.refs.includes('toc') && !this.ctx.tocPlaceholder) {
      // kramdown-parser-gfm gave the list its task-list class while parsing; the TOC that
      // replaces it takes the list's attributes, that class too.
      if (this.ctx.opts.gfm && this.hasTaskBox(b, lines)) classFirst(attrs, 'task-list');
      const key = `\u0000toc${Math.random().toString(36).slice(2)}\u0000`;
      this.ctx.tocPlaceholder = { attrs, ordered, key };
      this.reserveGfmIds(b.tokens);
      return key;
    }
    const items = splitBlocks(b.tokens, lines);
    const itemIals: Array<Ial | null> = [];
    const kids: Item[][] = items.map((it, i) => {
      const end = i + 1 < items.length ? items[i + 1].start : lines.lastContent(it.start, b.open.map![1]);
      const inner = splitBlocks(it.tokens, lines);
      // `* {: .cls}` alone on the item's first line: kramdown's LIST_ITEM_IAL, for the <li>.
      // (One on that line only: a block IAL over several lines, `* {:\n  #t}`, is a block IAL of
      // the item's text, with no block after it.)
      itemIals.push(inner[0]?.open.type === 'kd_ial' && inner[0].start === it.start && oneLine(inner[0]) ? parseIal(inner.shift()!.open.content, this.ctx.alds) : null);
      const seq = withBlanks(inner, lines, this.ctx, it.start, i + 1 < items.length ? end : Math.min(b.open.map![1], it.end + 1));
      // parse_list drops the end-of-block element a block IAL leaves after the item's first
      // paragraph (`* Para\n  {: .x}` is `<li>Para</li>`: transparent, the attributes unwritten).
      const p0 = seq[0];
      if (p0 && 'open' in p0 && p0.open.type === 'paragraph_open' && p0.ial && seq[1] && 'eob' in seq[1]) seq.splice(1, 1);
      // The item's own IAL `* {: .cls} text` sits at the start of its first paragraph.
      return seq;
    });
    // kramdown's transparency rule for each item's first paragraph (parse_list).
    const transparent: boolean[] = [];
    kids.forEach((seq, i) => {
      const isLast = i === kids.length - 1;
      const first = seq[0] as Block | undefined;
      let t = false;
      if (first && !isBlank(first) && !('eob' in first) && first.open.type === 'paragraph_open' &&
        (seq.length < 2 || !isBlank(seq[1]) || (isLast && seq.length === 2 && !b.eobFound))) {
        t = !isLast || kids.length === 1 || kids.slice(0, -1).some((s, k) => {
          const f = s[0] as Block | undefined;
          return !f || isBlank(f) || ('eob' in f) || f.open.type !== 'paragraph_open' || transparent[k];
        });
      }
      transparent.push(t);
    });
    let taskList = false;
    let out = '';
    const itemsHtml: string[] = [];
    kids.forEach((seq, i) => {
      const liAttrs: Attrs = new Map();
      if (itemIals[i]) applyIal(liAttrs, itemIals[i]!);
      const first = seq[0] as Block | undefined;
      let prefix = '';
      const firstIsPara = !!first && !isBlank(first) && !('eob' in first) && first.open.type === 'paragraph_open';
      if (firstIsPara) {
        const inline = first.tokens[0]?.children ?? [];
        // (Only on the item's first line: LIST_ITEM_IAL. Later, as after `* \n`, a span IAL
        // with nothing before it is text.)
        // (Not when the item's IAL was taken off its line already, text following: `* {:x}{:e} t`
        // keeps `{:e}` as text.)
        const ial = first.start === items[i].start && !itemIals[i] ? takeLeadingIal(inline, this.ctx) : null;
        if (ial) applyIal(liAttrs, ial);
        // Task lists are kramdown-parser-gfm's (its parse_list); kramdown's own parser has none.
        const box = this.ctx.opts.gfm ? takeTaskBox(inline, first.tokens[0]?.content ?? '') : null;
        if (box !== null) {
          taskList = true;
          prefix = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" ${box ? 'checked="checked" ' : ''}/>`;
        }
      } else if (first && 'open' in first && first.open.type === 'dl_open' && first.start === items[i].start && first.tokens[1]?.type === 'inline') {
        // parse_list takes the IAL off the item's first line before parsing its text, so in
        // `* {:.t}e\n  : d` it is the <li>'s, not the term's.
        const ial = takeLeadingIal(first.tokens[1].children ?? [], this.ctx);
        if (ial) applyIal(liAttrs, ial);
      }
      // kramdown-parser-gfm sets the task classes while parsing; IALs are applied afterwards, so
      // their classes come after (`task-list-item cls`). Once a box was found every later item
      // gets the class, but one whose first block is no paragraph (its loop skips those): no class.
      // The class so is also the element's first attribute, before an IAL's id or key (`<li
      // class="task-list-item" id="i">`): IAL attributes are added to the hash after it.
      if (taskList && firstIsPara) classFirst(liAttrs, 'task-list-item');
      while (seq.length && isBlank(seq[seq.length - 1])) seq.pop();
      let res = '';
      seq.forEach((it, k) => {
        if (isBlank(it)) { res += '\n'; return; }
        if ('eob' in it) return;
        if (k === 0 && transparent[i]) {
          res += prefix + this.transparentText(it.tokens[0], seq.length > 1 && !isBlank(seq[1]), inHtml);
          return;
        }
        if (k === 0 && prefix && it.open.type === 'paragraph_open') {
          const inline = it.tokens[0]?.children ?? [];
          res += `${ind(indent + 4)}<p${htmlAttributes(this.attrsOf(it))}>${prefix}${this.inline(inline)}</p>\n`;
          return;
        }
        res += this.childBlock(it, lines, indent + 4, inHtml, !lastChild(seq, k));
      });
      let li = `${ind(indent + 2)}<li${htmlAttributes(liAttrs)}>`;
      // End-of-block elements (definitions, `^`) count for transparency but are gone from the tree
      // when kramdown writes it (update_tree drops them): an item holding only those is empty.
      const empty = seq.every((it) => 'eob' in it);
      if (empty || transparent[i]) li += res + (res.endsWith('\n') ? ind(indent + 2) : '');
      else li += '\n' + res + ind(indent + 2);
      itemsHtml.push(li + '</li>\n');
    });
    if (taskList) classFirst(attrs, 'task-list');
    const tag = ordered ? 'ol' : 'ul';
    out += `${ind(indent)}<${tag}${htmlAttributes(attrs)}>\n${itemsHtml.join('')}${ind(indent)}</${tag}>\n`;
    return out;
  }

  /**
   * Whether an item of the list starts with a task box (kramdown-parser-gfm's parse_list test), for
   * a list that is not written. Takes the IALs and boxes off the items' first paragraphs as list()
   * does.
   */
  private hasTaskBox(b: Block, lines: Lines): boolean {
    for (const it of splitBlocks(b.tokens, lines)) {
      const inner = splitBlocks(it.tokens, lines);
      if (inner[0]?.open.type === 'kd_ial' && inner[0].start === it.start && oneLine(inner[0])) inner.shift();
      const first = inner[0];
      // (After a blank line the item's first child is the blank: no box.)
      if (!first || first.open.type !== 'paragraph_open' || lines.anyBlank(it.start, first.start)) continue;
      const inline = first.tokens[0]?.children ?? [];
      if (first.start === it.start) takeLeadingIal(inline, this.ctx);
      if (takeTaskBox(inline, first.tokens[0]?.content ?? '') !== null) return true;
    }
    return false;
  }

  private deflist(b: Block, lines: Lines, indent: number, inHtml: boolean): string {
    const parts = splitBlocks(b.tokens, lines);
    let res = '';
    let prevEnd = -1;
    for (const p of parts) {
      if (p.open.type === 'dt_open') {
        // A term's IAL at its start (`{:.cls} term`) is the <dt>'s, as a list item's is the <li>'s.
        const inline = p.tokens[0]?.children ?? [];
        const dtAttrs: Attrs = new Map();
        const ial = takeLeadingIal(inline, this.ctx);
        if (ial) applyIal(dtAttrs, ial);
        res += `${ind(indent + 2)}<dt${htmlAttributes(dtAttrs)}>${this.inline(inline)}</dt>\n`;
        prevEnd = p.end;
      } else if (p.open.type === 'dd_open') {
        // The definition's IAL (kramdown's LIST_ITEM_IAL): alone on its first line, or at the start
        // of its text (`: {:.cls} text`).
        const ddAttrs: Attrs = new Map();
        const blocks = splitBlocks(p.tokens, lines);
        // (Only one: after one its line's block rule took, a second at the text's start is text.)
        const taken = blocks[0]?.open.type === 'kd_ial' && blocks[0].start === p.start && oneLine(blocks[0]);
        if (taken) applyIal(ddAttrs, parseIal(blocks.shift()!.open.content, this.ctx.alds));
        const seq = withBlanks(blocks, lines, this.ctx, p.start, p.end);
        const first = seq[0] as Block | undefined;
        if (taken) {
          // (Its IAL is the definition's already.)
        } else if (first && !isBlank(first) && !('eob' in first) && first.open.type === 'paragraph_open' && first.start === p.start) {
          const ial = takeLeadingIal(first.tokens[0]?.children ?? [], this.ctx);
          if (ial) applyIal(ddAttrs, ial);
        } else if (first && 'open' in first && first.open.type === 'dl_open' && first.start === p.start && first.tokens[1]?.type === 'inline') {
          // (`: {:.t}e\n  : d`: the IAL comes off the first line before the text is parsed, so a
          // definition list there does not get it for its term.)
          const ial = takeLeadingIal(first.tokens[1].children ?? [], this.ctx);
          if (ial) applyIal(ddAttrs, ial);
        }
        const loose = prevEnd >= 0 && lines.anyBlank(prevEnd, p.start);
        const transparent = !!first && !isBlank(first) && !('eob' in first) && first.open.type === 'paragraph_open' && !loose;
        // parse_definition_list moves a trailing blank out of the definition, then gives a
        // transparent first paragraph a "\n" when anything else is left in it: blank lines and
        // end-of-block elements (link definitions, block IALs, ALDs) too (`: a\n\n  [c]:z` writes
        // `<dd>a\n\n  </dd>`).
        while (seq.length && isBlank(seq[seq.length - 1])) seq.pop();
        let inner = '';
        seq.forEach((it, k) => {
          if (isBlank(it)) { inner += '\n'; return; }
          if ('eob' in it) return;
          if (k === 0 && transparent) inner += this.transparentText(it.tokens[0], seq.length > 1, inHtml);
          else inner += this.childBlock(it, lines, indent + 4, inHtml, !lastChild(seq, k));
        });
        // convert_dd (convert_li): a definition with nothing in it (end-of-block elements are gone
        // from the tree by then) is `<dd></dd>`.
        const empty = seq.every((it) => 'eob' in it);
        res += `${ind(indent + 2)}<dd${htmlAttributes(ddAttrs)}>` + (transparent || empty ? inner + (inner.endsWith('\n') ? ind(indent + 2) : '') : '\n' + inner + ind(indent + 2)) + '</dd>\n';
        prevEnd = p.end;
      }
    }
    return `${ind(indent)}<dl${htmlAttributes(this.attrsOf(b))}>\n${res}${ind(indent)}</dl>\n`;
  }

  /** kramdown's convert_table: sections, rows and cells as tokens from plugins/table.ts. */
  private table(b: Block, indent: number): string {
    let out = `${ind(indent)}<table${htmlAttributes(this.attrsOf(b))}>\n`;
    let depth = 1;
    const toks = b.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.type === 'th_open' || t.type === 'td_open') {
        const body = this.inline(toks[i + 1].children ?? []);
        // An empty cell holds a no-break space (kramdown's ENTITY_NBSP, written per entity_output).
        out += `${ind(indent + 2 * depth)}<${t.tag}${tokAttrString(t)}>${body === '' ? entityToString(0xa0, this.ctx.opts.entityOutput) : body}</${t.tag}>\n`;
        i += 2;
      } else if (t.nesting === 1) {
        out += `${ind(indent + 2 * depth)}<${t.tag}>\n`;
        depth++;
      } else if (t.nesting === -1) {
        depth--;
        out += `${ind(indent + 2 * depth)}</${t.tag}>\n`;
      }
    }
    return out + `${ind(indent)}</table>\n`;
  }

  /** kramdown's convert_html_element for a list of children of a raw parent (or a block's root). */
  private htmlChildren(children: HtmlChild[], indent: number, parentRaw: boolean, lines: Lines, ial?: Ial): string {
    let out = '';
    for (const c of children) {
      if (c.kind === 'text') out += c.raw ? c.value : escapeText(this.ctx.opts.removeCjkBreaks ? removeCjkLineBreaks(c.value) : c.value);
      else if (c.kind === 'comment') out += parentRaw ? c.value : `${ind(indent)}${c.value}\n`;
      else out += this.htmlElement(c, indent, parentRaw, ial);
    }
    return out;
  }

  private htmlElement(el: HtmlNode, indent: number, parentRaw: boolean, ial?: Ial): string {
    const attrs: Attrs = new Map(el.attrs);
    if (ial) applyIal(attrs, ial);
    let res: string;
    if (el.model === 'block' && el.blockTokens) {
      const src = el.blockSrc ?? '';
      const lines = new Lines(src).markText(el.blockTokens);
      const n = src === '' ? 0 : src.endsWith('\n') ? lines.length - 1 : lines.length;
      this.outsideGfmPass++;
      try {
        res = this.blocks(el.blockTokens, lines, indent + 2, 0, n, true);
      } finally {
        this.outsideGfmPass--;
      }
    } else if (el.model === 'span' && el.inlineTokens) {
      this.outsideGfmPass++;
      try {
        res = this.inline(el.inlineTokens);
      } finally {
        this.outsideGfmPass--;
      }
    } else {
      res = this.htmlChildren(el.children, indent + 2, true, new Lines(''));
    }
    let out = parentRaw ? '' : ind(indent);
    out += `<${el.name}${htmlAttributes(attrs)}`;
    if (el.isClosed && el.model === 'raw') out += ' />';
    else if (res !== '' && el.model !== 'block') out += `>${res}</${el.name}>`;
    else if (res !== '') out += `>\n${res.replace(/\n$/, '')}\n${ind(indent)}</${el.name}>`;
    else if (ELEMENTS_WITHOUT_BODY.has(el.name)) out += ' />';
    else out += `></${el.name}>`;
    if (!parentRaw) out += '\n';
    return out;
  }

  // ---- span level ----

  inline(tokens: Token[]): string {
    tokens = withLeadingIalText(tokens);
    applySpanIals(tokens, this.ctx);
    if (this.ctx.opts.htmlToNative) nativeSpans(tokens);
    let out = '';
    const o = this.ctx.opts;
    let spanHtml = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      switch (t.type) {
        // Markdown text: every `&`, `<`, `>` is escaped (entity references were parsed into their own
        // tokens, so an unknown one such as `&foo;` is text and becomes `&amp;foo;`, as in kramdown).
        case 'text': out += escapeAll(t.content); break;
        case 'text_special':
          if (t.info === 'entity') {
            const cp = (t.meta as { cp?: number } | null)?.cp ?? t.content.codePointAt(0)!;
            out += [...t.content].length === 1 ? entityToString(cp, o.entityOutput, t.markup) : escapeAll(t.content);
          } else out += escapeAll(t.content);
          break;
        // hard_wrap: every line break in a paragraph is a <br /> (kramdown-parser-gfm's hard_wrap).
        case 'softbreak':
          // (kramdown-parser-gfm's update_text_type leaves out the <br /> of a line break that ends
          // the last text of a block, as a list item's text before `{::options /}` or a raw-text
          // line has it.)
          if (o.hardWrap && o.gfm && !spanHtml && !this.outsideGfmPass && (i < tokens.length - 1 || this.keepTrailingBreak)) out += '<br />\n';
          else if (!(o.removeCjkBreaks && cjkBreak(tokens, i))) out += '\n';
          break;
        case 'hardbreak': out += t.markup === '\\' && (spanHtml || this.outsideGfmPass) ? '\\\n' : '<br />\n'; break;
        case 'code_inline': {
          // kramdown's convert_codespan: a `language-x` class (kept) names the language.
          const attrs: Attrs = tokAttrs(t);
          const lang = /\blanguage-(\S+)/.exec(attrs.get('class') ?? '')?.[1] ?? null;
          const hl = this.ctx.highlight ? this.ctx.highlight(t.content, lang, 'span') : null;
          if (hl !== null) attrs.set('class', highlighterClass(attrs.get('class'), lang ?? this.ctx.highlight!.defaultLang('span')));
          out += `<code${htmlAttributes(attrs)}>${hl ?? escapeAll(t.content)}</code>`;
          break;
        }
        // (kramdown-parser-gfm's strikethrough is an HTML element, del, whose text its
        // update_elements leaves alone, as a span HTML element's: no hard_wrap <br /> in it, a
        // backslash before a line break kept.)
        case 's_open': spanHtml++; out += `<del${tokAttrString(t)}>`; break;
        case 's_close': spanHtml--; out += '</del>'; break;
        case 'em_open': case 'strong_open': out += `<${t.tag}${tokAttrString(t)}>`; break;
        case 'em_close': case 'strong_close': out += `</${t.tag}>`; break;
        case 'link_open': {
          const attrs: Attrs = tokAttrs(t);
          // kramdown writes `<mailto:x@y>` with the text `x@y`.
          if (t.markup === 'autolink' && tokens[i + 1]?.type === 'text') tokens[i + 1].content = tokens[i + 1].content.replace(/^mailto:/, '');
          out += `<a${htmlAttributes(attrs)}>`;
          break;
        }
        case 'link_close': out += '</a>'; break;
        case 'image': {
          // Attributes in the token's order (a link definition's IAL, src, alt, title, span IAL).
          const a: Attrs = tokAttrs(t);
          if (!a.has('src')) a.set('src', '');
          if (!a.has('alt')) a.set('alt', plainText(t.children ?? []));
          out += `<img${htmlAttributes(a)} />`;
          break;
        }
        case 'html_inline': out += reserialiseTag(t.content); break;
        case 'kd_html_open': spanHtml++; out += `<${t.tag}${tokAttrString(t)}>`; break;
        case 'kd_html_close': spanHtml--; out += `</${t.tag}>`; break;
        // html_to_native's <em>/<strong>/<a>: kramdown elements, written as the tags were.
        case 'kd_native_open': out += `<${t.tag}${tokAttrString(t)}>`; break;
        case 'kd_native_close': out += `</${t.tag}>`; break;
        // kramdown's span convert_html_element: only void elements are written self-closed.
        case 'kd_html_empty': out += `<${t.tag}${tokAttrString(t)}${ELEMENTS_WITHOUT_BODY.has(t.tag) ? ' />' : `></${t.tag}>`}`; break;
        case 'kd_raw_text': out += escapeText(t.content); break;
        // Left only at the start of a paragraph (not a list item's): with nothing before it to
        // take it, kramdown keeps it as text, its spans parsed (kramdown-inline.ts).
        case 'kd_span_ial': out += t.children ? this.inline(t.children) : escapeAll(`{:${t.content}}`); break;
        case 'kd_math_inline': out += this.ctx.math.inline(t.content, tokAttrs(t)); break;
        case 'kd_smart_quote': {
          const idx = { lsquo: 0, rsquo: 1, ldquo: 2, rdquo: 3 }[t.info as 'lsquo'];
          const spec = o.smartQuotes[idx];
          const cp = codePointOf(spec);
          // kramdown looks the entity up only here, and fails the conversion on a name it lacks.
          if (cp === undefined) {
            throw new BuildError(`Conversion error: Can't handle generic non-integer character reference '${spec}'`, {
              file: '_config.yml', hint: 'kramdown: smart_quotes: takes entity names (lsquo, rsquo, ldquo, rdquo, laquo…) or code points, separated by commas without spaces.',
            });
          }
          out += entityToString(cp, o.entityOutput);
          break;
        }
        case 'kd_typographic': out += this.typographic(t.info); break;
        case 'kd_backlink': out += t.content; break;
        case 'kd_span_extension': out += t.info === 'comment' ? `<!-- ${t.content} -->` : nomarkdownForHtml((t.meta as { attrs?: string } | null)?.attrs) ? t.content : ''; break;
        case 'footnote_ref': out += this.footnoteRef(t); break;
        // (The definition's IAL's attributes, then the title unless it is empty.)
        case 'abbr_open': out += `<abbr${htmlAttributes(new Map((t.attrs ?? []).filter(([k, v]) => k !== 'title' || v !== '').map(([k, v]) => [k, String(v)])))}>`; break;
        case 'abbr_close': out += '</abbr>'; break;
        default: out += t.content ? escapeText(t.content) : '';
      }
    }
    return out;
  }

  private typographic(sym: string): string {
    const o = this.ctx.opts;
    const override = o.typographicSymbols[sym];
    if (override !== undefined) return escapeText(override);
    const e = (n: string) => entityToString(codePointOf(n)!, o.entityOutput);
    switch (sym) {
      case 'mdash': case 'ndash': case 'hellip': case 'laquo': case 'raquo': return e(sym);
      case 'laquo_space': return e('laquo') + e('nbsp');
      case 'raquo_space': return e('nbsp') + e('raquo');
      case 'lt_lt': return '&lt;&lt;';
      case 'gt_gt': return '&gt;&gt;';
      default: return '';
    }
  }

  private footnoteRef(t: Token): string {
    const label = String((t.meta as any).label);
    let fn = this.ctx.footnotesByLabel.get(label);
    let repeat = '';
    if (fn) repeat = `:${++fn.repeat}`;
    else {
      fn = { label, number: this.ctx.opts.footnoteNr + this.ctx.footnotes.length, repeat: 0 };
      this.ctx.footnotes.push(fn);
      this.ctx.footnotesByLabel.set(label, fn);
    }
    // kramdown's convert_footnote: the ids use the name, footnote_prefix + label.
    const name = this.ctx.opts.footnotePrefix + label;
    return `<sup id="fnref:${name}${repeat}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${fn.number}</a></sup>`;
  }

  /**
   * Whether a footnote definition leaves kramdown any element: IALs, ALDs, link and abbreviation
   * definitions, `{::options /}` (end-of-block elements, which update_tree drops), definitions
   * inside it and self-closed comments leave none.
   */
  private hasElements(def: FootnoteDef, lines: Lines, first: number): boolean {
    return withBlanks(splitBlocks(def.tokens, lines), lines, this.ctx, first, first).some((it) => !('eob' in it));
  }

  /** kramdown's footnote_content, appended after the document. */
  footnotes(): string {
    if (this.ctx.footnotes.length === 0) return '';
    let ol = '';
    for (let i = 0; i < this.ctx.footnotes.length; i++) {
      const fn = this.ctx.footnotes[i];
      const def = this.ctx.footnoteDefs.get(fn.label);
      if (!def) continue;
      const name = this.ctx.opts.footnotePrefix + fn.label;
      // kramdown's footnote_content writes its no-break spaces as the nbsp entity, per entity_output.
      const nbsp = entityToString(0xa0, this.ctx.opts.entityOutput);
      // footnote_backlink is escaped as text (entity references kept); an empty one means no backlinks.
      const text = escapeText(this.ctx.opts.footnoteBacklink);
      const withBacklinks = this.ctx.opts.footnoteBacklink !== '';
      const backlinks = !withBacklinks ? '' : `<a href="#fnref:${name}" class="reversefootnote" role="doc-backlink">${text}</a>` +
        Array.from({ length: fn.repeat }, (_, k) => `${nbsp}<a href="#fnref:${name}:${k + 1}" class="reversefootnote" role="doc-backlink">${text}<sup>${k + 2}</sup></a>`).join('');
      // footnote_backlink_inline: the backlinks go to the end of the last paragraph or header,
      // followed down through the last block (a list's last item, a blockquote); where that path
      // ends at something else (a code block, a table), in a new paragraph as without the option.
      const target = this.ctx.opts.footnoteBacklinkInline ? backlinkTarget(def.tokens, 0, def.tokens.length) : null;
      if (target) {
        if (withBacklinks) {
          const link: Token = Object.assign(Object.create(Object.getPrototypeOf(target)), target, {
            type: 'kd_backlink', tag: '', nesting: 0, children: null, content: nbsp + backlinks, markup: '', info: '', meta: null, map: null,
          });
          target.children = [...(target.children ?? []), link];
        }
      }
      const first = def.tokens.find((t) => t.map)?.map?.[0] ?? def.start;
      // Footnote content is not in the tree kramdown-parser-gfm walks, so its headers get
      // kramdown's own ids (as inside HTML elements).
      const lines = def.src === undefined ? this.docLines : new Lines(def.src).markText(def.tokens);
      this.outsideGfmPass++;
      let body: string;
      try {
        body = this.blocks(def.tokens, lines, 6, first, first, true);
      } finally {
        this.outsideGfmPass--;
      }
      // A definition with nothing after its `]:` starts with that empty line: kramdown parses it as
      // a blank element, written as an empty line at the top of the item.
      // (The line as its container sees it: a definition inside a blockquote or on a list item's
      // first line has the container's markers before it, `> [^1]:`.)
      // (Or after an HTML element that ended on the line: `<div></div>[^1]:`, the rest of the
      // line parsed as a block of its own.)
      const defLine = lines.text(def.start);
      const leadingBlank = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d+\.(?=[ \t])|:(?=[ \t])))*\s*\[\^[^\]]*\]:\s*$/.test(defLine) ||
        (/^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d+\.(?=[ \t])|:(?=[ \t])))*[ \t]*</.test(defLine) && afterHtmlOnLine(defLine, `[^${fn.label}]:`));
      if (leadingBlank) body = `\n${body}`;
      else if (body === '' && !this.hasElements(def, lines, first)) throw emptyFootnoteError(fn.label, def);
      // The backlink goes into the last paragraph (after a no-break space), else into a new one.
      // (A <p> element of HTML is no paragraph: kramdown's footnote_content asks for a last
      // element of type :p, and an HTML element is :html_element, so `[^1]: <p>a` gets a new <p>.)
      const lastP = body.lastIndexOf('</p>\n');
      // (Blocks that write nothing after it, an IAL or a link definition, leave it the last to write.)
      const base = def.tokens[0]?.level;
      const endsInHtml = [...def.tokens].reverse().find((t) => t.level === base && !WRITES_NOTHING.has(t.type))?.type === 'kd_html';
      if (target) { /* placed above */ } else if (lastP >= 0 && !endsInHtml && lastP + 5 === body.replace(/\n+$/, '\n').length) body = body.slice(0, lastP) + (withBacklinks ? nbsp : '') + backlinks + body.slice(lastP);
      else body += `${ind(6)}<p>${backlinks}</p>\n`;
      ol += `${ind(4)}<li id="fn:${name}" role="doc-endnote">\n${body}${ind(4)}</li>\n`;
    }
    const start = this.ctx.opts.footnoteNr !== 1 ? ` start="${this.ctx.opts.footnoteNr}"` : '';
    return `<div class="footnotes" role="doc-endnotes">\n${ind(2)}<ol${start}>\n${ol}${ind(2)}</ol>\n</div>\n`;
  }

  /** kramdown's generate_toc_tree, written where the `{:toc}` list stood. */
  toc(): string {
    const p = this.ctx.tocPlaceholder;
    if (!p || this.ctx.toc.length === 0) return '';
    type N = { entry?: { level: number; id: string; inline: Token[] }; level: number; kids: N[] };
    const root: N = { level: 0, kids: [] };
    const stack: N[] = [root];
    for (const e of this.ctx.toc) {
      const n: N = { entry: e, level: e.level, kids: [] };
      while (stack.length > 1 && stack[stack.length - 1].level >= e.level) stack.pop();
      stack[stack.length - 1].kids.push(n);
      stack.push(n);
    }
    const tag = p.ordered ? 'ol' : 'ul';
    // `attr['id'] ||= 'markdown-toc'`: an id written in the list's IAL stays, in its place, and
    // prefixes the entries' ids; otherwise the id comes after the IAL's attributes
    // (`{:toc .toc__menu}` → class="toc__menu" id="markdown-toc").
    const attrs: Attrs = new Map(p.attrs);
    if (!attrs.has('id')) attrs.set('id', 'markdown-toc');
    const prefix = attrs.get('id')!;
    const render = (kids: N[], indent: number, attrs: Attrs): string => {
      let s = `${ind(indent)}<${tag}${htmlAttributes(attrs)}>\n`;
      for (const k of kids) {
        const link = `<a href="#${k.entry!.id}" id="${escapeAttr(prefix)}-${k.entry!.id}">${this.inline(stripForToc(k.entry!.inline))}</a>`;
        s += `${ind(indent + 2)}<li>${link}`;
        if (k.kids.length) s += render(k.kids, indent + 4, new Map()) + ind(indent + 2);
        s += '</li>\n';
      }
      return s + `${ind(indent)}</${tag}>\n`;
    };
    return render(root.kids, 0, attrs);
  }
}

/** Whether item k is its container's last child once end-of-block elements are gone. */
function lastChild(items: readonly object[], k: number): boolean {
  for (let j = k + 1; j < items.length; j++) if (!('eob' in items[j])) return false;
  return true;
}

/**
 * Where footnote_backlink_inline puts a footnote's backlinks: kramdown follows the last child from
 * the definition down until it is a paragraph or header (returned: its inline token), through
 * lists, list items, blockquotes and definition lists. null: the path ends at an element without
 * children (a code block, a table cell's text), where kramdown adds a paragraph.
 */
function backlinkTarget(tokens: Token[], from: number, to: number): Token | null {
  let end = to - 1;
  while (end >= from && (tokens[end].type === 'kd_def' || tokens[end].type === 'kd_ald')) end--;
  if (end < from) return null;
  const last = tokens[end];
  let start = end;
  if (last.nesting === -1) {
    for (let depth = 0; start >= from; start--) {
      depth += tokens[start].nesting;
      if (depth === 0) break;
    }
  }
  const open = tokens[start];
  switch (open.type) {
    case 'paragraph_open': case 'heading_open': return tokens[start + 1]?.type === 'inline' ? tokens[start + 1] : null;
    case 'bullet_list_open': case 'ordered_list_open': case 'list_item_open': case 'blockquote_open':
    case 'dl_open': case 'dd_open':
      return backlinkTarget(tokens, start + 1, end);
    // An HTML element: on through its last child, a Markdown block (`markdown="1"`) or an element.
    case 'kd_html': return htmlBacklinkTarget((open.meta as { children?: HtmlChild[] } | null)?.children ?? []);
    default: return null;
  }
}

function htmlBacklinkTarget(children: HtmlChild[]): Token | null {
  const last = children[children.length - 1];
  if (!last || last.kind !== 'element') return null;
  if (last.blockTokens) return backlinkTarget(last.blockTokens, 0, last.blockTokens.length);
  return htmlBacklinkTarget(last.children);
}

// kramdown's remove_line_breaks_for_cjk (fix_cjk_line_break in convert_text): a line break inside
// one text element, between a Han, Hiragana or Katakana character and another, is dropped. A text
// element ends at any other span (emphasis, code, an entity, a smart quote), so only the text
// tokens right beside the break count.
const CJK = new RegExp(CJK_CHARACTER, 'u');
const isTextTok = (t: Token | undefined) => !!t && (t.type === 'text' || t.type === 'kd_raw_text' || (t.type === 'text_special' && t.info !== 'entity'));
function cjkBreak(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (!isTextTok(before) || !isTextTok(after) || before!.content === '' || after!.content === '') return false;
  // (The last two UTF-16 units hold the last character, a surrogate pair or not.)
  const lastChar = [...before!.content.slice(-2)].pop()!;
  return CJK.test(lastChar) && CJK.test(String.fromCodePoint(after!.content.codePointAt(0)!));
}

const NO_LINES = new Lines('');

export { Lines };

/** TOC entries drop links (keeping their text) and footnote markers, like kramdown's fix_for_toc_entry. */
function stripForToc(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.type !== 'link_open' && t.type !== 'link_close' && t.type !== 'footnote_ref');
}

function plainText(tokens: Token[]): string {
  let s = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline') s += t.content;
    else if (t.type === 'kd_smart_quote') s += { lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' }[t.info as 'lsquo'];
    else if (t.type === 'kd_typographic') s += { mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', laquo_space: '« ', raquo_space: ' »' }[t.info] ?? '';
    else if (t.children) s += plainText(t.children);
  }
  return s;
}

/** Re-serialises one inline HTML tag the way kramdown writes span HTML elements. */
function reserialiseTag(src: string): string {
  let m = TAG_RE.exec(src);
  if (m && m[0].length === src.length) {
    const name = normaliseTagName(m[1]);
    const attrs = parseAttributes(m[2] ?? '', KNOWN_ELEMENTS.has(name));
    attrs.delete('markdown');
    for (const [k, v] of attrs) attrs.set(k, v.replace(/\n+/g, ' '));
    const selfClose = m[5] !== undefined || ELEMENTS_WITHOUT_BODY.has(name);
    return `<${name}${htmlAttributes(attrs)}${selfClose ? ' />' : '>'}`;
  }
  m = TAG_CLOSE_RE.exec(src);
  if (m) return `</${normaliseTagName(m[1])}>`;
  return src;
}

/**
 * A footnote that is used and whose definition leaves no element: kramdown's footnote_content asks
 * for the type of the definition's last child, which is nil (`[^1]: [^2]: x` then `[^1]`), and
 * Jekyll's conversion fails with NoMethodError (test/conformance/ERRORS.md). `line`: the
 * definition's 1-based line in the converted text, where it stands in it (not inside an HTML
 * element's content); the renderer adds the file.
 */
function emptyFootnoteError(label: string, def: FootnoteDef): BuildError {
  return new BuildError(`Conversion error: undefined method \`type' for nil:NilClass: the footnote [^${label}] is used, and its definition holds nothing kramdown writes`, {
    line: def.src === undefined ? def.start + 1 : undefined,
    hint: `Give the definition of [^${label}] some text (an IAL, a link, abbreviation or footnote definition, or {::options /} alone is none), or remove the reference to it.`,
  });
}

/** Whether `line` ends with `marker` (then whitespace) right after a tag's `>` (spaces or tabs between). */
function afterHtmlOnLine(line: string, marker: string): boolean {
  const text = line.replace(/\s+$/, '');
  return text.endsWith(marker) && text.slice(0, -marker.length).replace(/[ \t]+$/, '').endsWith('>');
}

/**
 * An inline's tokens, or where it starts with a span IAL nothing took (kramdown-inline.ts's
 * spanIal) whose text spans may run past, kramdown's reading of the whole text from its `{` on.
 */
function withLeadingIalText(tokens: Token[]): Token[] {
  const first = tokens[0];
  return first?.type === 'kd_span_ial' && (first.meta as { full?: Token[] } | null)?.full ? (first.meta as { full: Token[] }).full : tokens;
}

/** Block tokens that write nothing where they stand (IALs, link and abbreviation definitions, `^`). */
const WRITES_NOTHING = new Set(['kd_ial', 'kd_def', 'kd_eob']);

/** `* {: .cls} text`: an IAL at the very start of a list item applies to the <li>. */
function takeLeadingIal(inline: Token[], ctx: ConvertContext): Ial | null {
  const first = inline[0];
  // kramdown's LIST_ITEM_IAL is matched against the item's first line alone: an IAL that closes on
  // a later line (`* {:\n  })`) is none, and the item's text keeps it.
  // (Nor is one that starts like an ALD, `{:r:}` or `{:r:d}`, or with `:` or `/`: LIST_ITEM_IAL's
  // `(?!ALD_ID_NAME?:|\/)`. It stays text.)
  if (first?.type === 'kd_span_ial' && !first.content.includes('\n') && !/^(?:(?:\w[\w-]*)?:|\/)/.test(first.content)) {
    inline.shift();
    if (inline[0]?.type === 'text') inline[0].content = inline[0].content.replace(/^\s+/, '');
    return parseIal(first.content, ctx.alds);
  }
  return null;
}

/** GFM task list: `[ ] ` / `[x] ` at the start of the item's first paragraph. */
function takeTaskBox(inline: Token[], raw: string): boolean | null {
  // kramdown-parser-gfm tests the item's raw text (after its IAL), so an escaped `\[ ]` is no box.
  // (Without a `[` there is no box: tested first, as every list item comes here.)
  if (raw.indexOf('[') < 0) return null;
  if (!/^\s*\[[ xX]\]\s/.test(raw.replace(LEADING_IAL, ''))) return null;
  const first = inline[0];
  // The box is taken before the item's text is parsed: a link definition for `x` (or ` `) that
  // made `[x]` a link does not stop it.
  if (first?.type === 'link_open' && inline[1]?.type === 'text' && /^[ xX]$/.test(inline[1].content) && inline[2]?.type === 'link_close') {
    const checked = inline[1].content !== ' ';
    inline.splice(0, 3);
    if (inline[0]?.type === 'text') inline[0].content = inline[0].content.replace(/^\s+/, '');
    return checked;
  }
  if (!first || first.type !== 'text') return null;
  const m = /^\s*\[([ xX])\]\s+/.exec(first.content);
  if (!m) return null;
  first.content = first.content.slice(m[0].length);
  return m[1] !== ' ';
}

/**
 * kramdown's html_to_native for span HTML elements (Parser::Html::ElementConverter, run on each
 * element right after it is parsed, innermost first):
 * - `<em>`, `<i>` become emphasis and `<strong>`, `<b>` strong emphasis (`<b>` is written
 *   `<strong>`), unless their text starts or ends with whitespace (then the element stays as
 *   written, its text too);
 * - `<a>` with an `href` becomes a link (written the same);
 * - `<code>` holding only text and entity references becomes a code span: highlighted as one, its
 *   `language-` class naming the language, `highlighter-*` classes dropped;
 * - every converted element (and every other span element: `<span>`, `<kbd>`) has the runs of
 *   whitespace in its own text (not that of Markdown emphasis or links inside) turned into one space.
 */
function nativeSpans(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== 'kd_html_open' || (open.meta as { kdNative?: boolean } | null)?.kdNative) continue;
    open.meta = { ...(open.meta ?? {}), kdNative: true };
    let close = i + 1;
    for (let depth = 1; close < tokens.length; close++) {
      if (tokens[close].type === 'kd_html_open') depth++;
      else if (tokens[close].type === 'kd_html_close' && --depth === 0) break;
    }
    if (close >= tokens.length) continue;
    const tag = open.tag;
    let text = '';
    for (let k = i + 1; k < close; k++) {
      const t = tokens[k];
      if (t.type === 'text' || t.type === 'kd_raw_text') text += t.content;
      else if (t.type === 'softbreak') text += '\n';
    }
    if (tag === 'code') {
      const code = nativeCode(tokens.slice(i + 1, close));
      if (code === null) continue;
      const attrs = tokAttrs(open);
      const cls = attrs.get('class');
      if (cls !== undefined) attrs.set('class', cls.replace(/\s+\bhighlighter-\w+\b|\bhighlighter-\w+\b\s*/g, ''));
      const span: Token = Object.assign(Object.create(Object.getPrototypeOf(open)), open, {
        type: 'code_inline', tag: 'code', nesting: 0, content: code, attrs: [...attrs], children: null, markup: '`', meta: null,
      });
      tokens.splice(i, close - i + 1, span);
      continue;
    }
    const emphasis = tag === 'em' || tag === 'i' ? 'em' : tag === 'strong' || tag === 'b' ? 'strong' : null;
    if (emphasis && /^\s|\s$/.test(text)) continue;
    if (tag === 'a' && !tokAttrs(open).has('href')) continue;
    if (emphasis || tag === 'a') {
      open.type = 'kd_native_open';
      tokens[close].type = 'kd_native_close';
      if (emphasis) open.tag = tokens[close].tag = emphasis;
    }
    compressWhitespace(tokens, i + 1, close);
  }
}

/** process_text's `gsub(/\s+/, ' ')` over the element's own text (nested elements left alone). */
function compressWhitespace(tokens: Token[], from: number, to: number): void {
  let depth = 0;
  let run: Token | null = null;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.nesting === 1) depth++;
    else if (t.nesting === -1) depth--;
    const textual = depth === 0 && (t.type === 'text' || t.type === 'kd_raw_text' || t.type === 'softbreak');
    if (!textual) { run = null; continue; }
    const content = t.type === 'softbreak' ? '\n' : t.content;
    if (run) {
      run.content = (run.content + content).replace(/\s+/g, ' ');
      t.type = 'text';
      t.content = '';
    } else {
      run = t;
      if (t.type === 'softbreak') t.type = 'text';
      t.content = content.replace(/\s+/g, ' ');
    }
  }
}

/**
 * convert_code's text: the element's text with entity references decoded (an unknown name is its
 * `&` and the rest as written); null where a reference is beyond Unicode (kramdown keeps the
 * element then).
 */
function nativeCode(inner: Token[]): string | null {
  let raw = '';
  for (const t of inner) {
    if (t.type === 'text' || t.type === 'kd_raw_text') raw += t.content;
    else if (t.type === 'softbreak') raw += '\n';
    else if (t.type === 'text_special') raw += t.markup || t.content;
  }
  let ok = true;
  const code = raw.replace(/&(?:([\w:][\w.:-]*)|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name?: string, dec?: string, hex?: string) => {
    const cp = name !== undefined ? ENTITY_CODE_POINTS.get(name) : numericEntityCodePoint(dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16));
    if (cp === undefined) return _m;
    if (cp > 0x10ffff) { ok = false; return ''; }
    return String.fromCodePoint(cp);
  });
  return ok ? code : null;
}

/** Moves span IALs onto the element just before them (kramdown's span IAL). */
function applySpanIals(tokens: Token[], ctx: ConvertContext): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // (One at the start of a text of its own, a strikethrough's content, is text: children.)
    if (t.type !== 'kd_span_ial' || i === 0 || t.children) continue;
    let p = i - 1;
    while (p > 0 && tokens[p].type === 'text' && tokens[p].content === '') p--;
    const prev = tokens[p];
    let target: Token | null = null;
    if (prev.nesting === -1) {
      let depth = 0;
      for (let k = p; k >= 0; k--) {
        depth += tokens[k].nesting;
        if (depth === 0) { target = tokens[k]; break; }
      }
    } else if (prev.type === 'image' || prev.type === 'code_inline' || prev.type === 'kd_math_inline') target = prev;
    // After an element that takes no attributes (a smart quote, a dash, an entity, a footnote
    // marker) kramdown applies the IAL to it all the same: it is gone from the output.
    if (!target) { tokens.splice(i, 1); i--; continue; }
    const attrs: Attrs = tokAttrs(target);
    const ial = parseIal(t.content, ctx.alds);
    applyIal(attrs, ial);
    target.attrs = [...attrs] as any;
    if (target.type === 'image' && ial.refs.includes('standalone')) target.meta = { ...(target.meta ?? {}), standalone: true };
    tokens.splice(i, 1);
    i--;
  }
}

/**
 * kramdown's convert_raw: a `{::nomarkdown}` body is written only for the HTML converter, i.e. when
 * its `type` attribute (space-separated converter names; quoted, as kramdown's attribute lists
 * need) is missing, empty or names `html`. `{::nomarkdown type="latex"}` writes nothing.
 */
function nomarkdownForHtml(attrs: string | undefined): boolean {
  const m = /(?:^|\s)type=(["'])((?:\\\}|(?!\1)[^}])*?)\1/.exec(attrs ?? '');
  if (!m) return true;
  const types = m[2]!.split(/\s+/).filter(Boolean);
  return types.length === 0 || types.includes('html');
}
