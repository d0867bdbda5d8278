// Jekyll's kramdown defaults (Jekyll 4.3 `Configuration::DEFAULTS['kramdown']` plus kramdown's own
// defaults for keys Jekyll does not set), and their normalised, typed form.

const JEKYLL_KRAMDOWN_DEFAULTS: Record<string, unknown> = {
  auto_ids: true,
  toc_levels: [1, 2, 3, 4, 5, 6],
  entity_output: 'as_char',
  smart_quotes: 'lsquo,rsquo,ldquo,rdquo',
  input: 'GFM',
  hard_wrap: false,
  guess_lang: true,
  footnote_nr: 1,
  show_warnings: false,
};

/**
 * The parser kramdown is given (`kramdown.input`). Jekyll's KramdownParser makes the parser's class
 * name from the value by upper-casing its first character only (`kramdown` → Kramdown, `gFM` → GFM,
 * but `gfm` → Gfm, which does not exist) and raises "kramdown has no parser to handle the specified
 * input format: …" when kramdown has no such class — at the first Markdown conversion, not at load.
 * - `GFM` (Jekyll's default): kramdown-parser-gfm, a subclass of kramdown's parser.
 * - `Kramdown`: kramdown's own parser. The switches (KramdownOptions.gfm) are the GFM parser's
 *   additions, off: fences only with `~~~`, paragraphs ended only by a blank line, an IAL, `^`, an
 *   HTML tag line or a definition (no gfm_quirks paragraph_end), ATX headers after a block boundary
 *   only and without the required space, no `~~strike~~`, no task lists, no `hard_wrap`, no
 *   one-backslash line break, `\~` no escape, and header ids made by the HTML converter
 *   (generate_id) from the header's source text.
 * - `Markdown`, `Html` (and kramdown's `Base`) exist in kramdown but are not implemented here.
 * Returns the parser's class name, or null when kramdown has none.
 */
export function parserName(input: unknown): string | null {
  // `input:` set to null: kramdown's own default parser (`@options[:input] || "kramdown"`); an
  // empty string is no parser (Jekyll fails on it).
  const raw = input == null ? 'kramdown' : String(input);
  if (raw === '') return null;
  const name = raw[0].toUpperCase() + raw.slice(1);
  return ['GFM', 'Kramdown', 'Markdown', 'Html', 'Base'].includes(name) ? name : null;
}

/**
 * kramdown's entity_output; 'as_char_ascii' is as_char for a source String in US-ASCII (Ruby's
 * to_s of a number, or the inspect of an array that starts with one, handed to markdownify).
 */
export type EntityOutput = 'as_char' | 'as_input' | 'numeric' | 'symbolic' | 'as_char_ascii';

export interface KramdownOptions {
  /** `input: GFM` (kramdown-parser-gfm's additions on) rather than kramdown's own parser. */
  gfm: boolean;
  /**
   * kramdown-parser-gfm's `gfm_quirks` (default `paragraph_end`): `paragraph_end` lets a list, ATX
   * header, blockquote or fence line end a paragraph (PARAGRAPH_END_GFM) and an ATX header start
   * anywhere (atx_header_gfm_quirk); without it the GFM parser keeps kramdown's PARAGRAPH_END and
   * its header rule (after a block boundary only, closing hashes dropped without a space), with
   * GFM's fences and its `# ` (space required). `no_auto_typographic` drops the typographic symbols
   * (`--`, `...`, `<<`: no dashes, ellipsis or guillemets). Both false with kramdown's own parser.
   */
  gfmParagraphEnd: boolean;
  noAutoTypographic: boolean;
  autoIds: boolean;
  autoIdPrefix: string;
  tocLevels: Set<number>;
  entityOutput: EntityOutput;
  /** [lsquo, rsquo, ldquo, rdquo] as entity names or code points. */
  smartQuotes: [string, string, string, string];
  hardWrap: boolean;
  /** `parse_block_html`: HTML blocks' contents parsed as Markdown without `markdown="1"`. */
  parseBlockHtml: boolean;
  footnoteNr: number;
  footnoteBacklink: string;
  /** kramdown's footnote_prefix: put before every footnote's name in its ids. */
  footnotePrefix: string;
  /** `header_offset`: added to each Markdown header's level when written (clamped to 1–6). */
  headerOffset: number;
  /** kramdown's `typographic_symbols` overrides: symbol name → replacement text. */
  typographicSymbols: Record<string, string>;
  /** `remove_line_breaks_for_cjk`: a text's line break between two CJK characters is dropped. */
  removeLineBreaksForCjk: boolean;
}

function toBool(v: unknown, dflt: boolean): boolean {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'string') return !['false', 'no', 'off', '0', ''].includes(v.toLowerCase());
  return Boolean(v);
}

/** kramdown accepts toc_levels as an array, a range string `2..3`, or a comma list. */
function parseLevels(v: unknown): Set<number> {
  if (Array.isArray(v)) return new Set(v.map(Number));
  if (typeof v === 'number') return new Set([v]);
  if (typeof v === 'string') {
    const range = /^\s*(\d)\s*\.\.\s*(\d)\s*$/.exec(v);
    if (range) {
      const out = new Set<number>();
      for (let i = Number(range[1]); i <= Number(range[2]); i++) out.add(i);
      return out;
    }
    return new Set(v.split(',').map((s) => Number(s.trim())).filter((n) => n >= 1 && n <= 6));
  }
  return new Set([1, 2, 3, 4, 5, 6]);
}

/**
 * kramdown's validator for `gfm_quirks` (simple_array_validator, then str_to_sym): a list, or a
 * string split at commas; each name stripped, a leading `:` dropped. Unset: `paragraph_end`.
 */
function gfmQuirks(v: unknown): Set<string> {
  if (v === undefined) return new Set(['paragraph_end']);
  const list = v === null ? [] : Array.isArray(v) ? v : String(v).split(',');
  return new Set(list.map((x) => String(x).trim().replace(/^:/, '')).filter((x) => x !== ''));
}

export function normaliseOptions(kramdown: Record<string, any> | undefined): KramdownOptions {
  const o = { ...JEKYLL_KRAMDOWN_DEFAULTS, ...(kramdown ?? {}) };
  const sq = String(o.smart_quotes ?? 'lsquo,rsquo,ldquo,rdquo').split(',').map((s) => s.trim());
  const entity = String(o.entity_output ?? 'as_char') as EntityOutput;
  const gfm = parserName(o.input) === 'GFM';
  const quirks = gfmQuirks(o.gfm_quirks);
  return {
    gfm,
    gfmParagraphEnd: gfm && quirks.has('paragraph_end'),
    noAutoTypographic: gfm && quirks.has('no_auto_typographic'),
    autoIds: toBool(o.auto_ids, true),
    autoIdPrefix: o.auto_id_prefix == null ? '' : String(o.auto_id_prefix),
    tocLevels: parseLevels(o.toc_levels),
    entityOutput: ['as_char', 'as_input', 'numeric', 'symbolic'].includes(entity) ? entity : 'as_char',
    smartQuotes: [sq[0] ?? 'lsquo', sq[1] ?? 'rsquo', sq[2] ?? 'ldquo', sq[3] ?? 'rdquo'],
    hardWrap: toBool(o.hard_wrap, false),
    parseBlockHtml: toBool(o.parse_block_html, false),
    footnoteNr: Number(o.footnote_nr ?? 1) || 1,
    footnoteBacklink: o.footnote_backlink == null ? '&#8617;' : String(o.footnote_backlink),
    footnotePrefix: o.footnote_prefix == null ? '' : String(o.footnote_prefix),
    headerOffset: Math.trunc(Number(o.header_offset ?? 0)) || 0,
    typographicSymbols: (o.typographic_symbols && typeof o.typographic_symbols === 'object') ? o.typographic_symbols : {},
    removeLineBreaksForCjk: toBool(o.remove_line_breaks_for_cjk, false),
  };
}

/**
 * Whether the converter that owns this markdown-it state reads GFM (kramdown-parser-gfm) or kramdown's
 * own syntax: index.ts marks the markdown-it instance with the converter's `input`.
 */
export function isGfm(state: { md: unknown }): boolean {
  return (state.md as { kdGfm?: boolean }).kdGfm !== false;
}

/** kramdown-parser-gfm with its `paragraph_end` quirk (the default): see KramdownOptions.gfmParagraphEnd. */
export function gfmParagraphEnd(state: { md: unknown }): boolean {
  return (state.md as { kdParagraphEnd?: boolean }).kdParagraphEnd !== false;
}

// kramdown's REDUNDANT_LINE_BREAK_REGEX: Han, Hiragana and Katakana (half-width forms too), not
// Hangul nor CJK punctuation (Common).
const CJK_BEFORE_BREAK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\n(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/**
 * kramdown's fix_cjk_line_break (`remove_line_breaks_for_cjk`), applied by convert_text to each
 * text element: every line break with a Han, Hiragana or Katakana character right before and right
 * after it, within the one text, is removed (its gsub! loop ends with none left).
 */
export function removeCjkLineBreaks(text: string): string {
  return text.includes('\n') ? text.replace(CJK_BEFORE_BREAK, '') : text;
}

/** Whether `ch` (one character) is Han, Hiragana or Katakana, as fix_cjk_line_break reads them. */
export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}
