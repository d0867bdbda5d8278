// Jekyll's kramdown defaults (Jekyll 4.3 `Configuration::DEFAULTS['kramdown']` plus kramdown's own
// defaults for keys Jekyll does not set), and their normalised, typed form.
import { BuildError } from '../../errors.js';
import { kernelInteger } from '../../ruby/number.js';
import { withInsertionOrder } from '../../ruby/ordered-hash.js';
import { rubyStrip } from '../../ruby/strings.js';
import { RubySymbol, hashEntries, isFloat, isHash, rubyKeyIdentity, rubyKeyedHash, shareRubyKeys, toS } from '../../ruby/values.js';

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
  /** `html_to_native`: HTML elements that kramdown can write itself become its own (span level only here). */
  htmlToNative: boolean;
  /** `parse_span_html` (default true): span HTML elements' contents parsed as Markdown. */
  parseSpanHtml: boolean;
  footnoteNr: number;
  footnoteBacklink: string;
  /** kramdown's footnote_prefix: put before every footnote's name in its ids. */
  footnotePrefix: string;
  /** `header_offset`: added to each Markdown header's level when written (clamped to 1–6). */
  headerOffset: number;
  /** `auto_id_stripping` (kramdown's own parser): header ids from the text elements only. */
  autoIdStripping: boolean;
  /** `transliterated_header_ids`: needs the stringex gem, so converter ids fail (see converter.ts). */
  transliteratedHeaderIds: boolean;
  /** `remove_line_breaks_for_cjk`: a line break between two CJK characters of one text is dropped. */
  removeCjkBreaks: boolean;
  /** `footnote_backlink_inline`: the backlink goes into the last (nested) paragraph or header. */
  footnoteBacklinkInline: boolean;
  /** kramdown's `typographic_symbols` overrides: symbol name → replacement text. */
  typographicSymbols: Record<string, string>;
}

/**
 * kramdown's Boolean options (Options.parse): true and false as they are; anything else as its
 * Ruby to_s, false only when it is empty or, stripped and downcased, `false` (`"no"`, `"off"` and
 * `0` are true). Jekyll's config merge keeps its own default where the site writes null (auto_ids);
 * for the keys Jekyll has no default for, null reaches kramdown and is false.
 */
function toBool(v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v === 'boolean') return v;
  const s = v === null ? '' : String(v);
  return s !== '' && s.trim().toLowerCase() !== 'false';
}

const configError = (message: string) => new BuildError(`Conversion error: ${message}`, {
  file: '_config.yml', hint: "Jekyll's kramdown stops at this option value too; see kramdown's documentation of the option.",
});

/**
 * kramdown's toc_levels validator: a list (each to_i'd, Ruby's `"2"` → 2, `"a"` → 0), a range
 * string `2..3` (`3..2` is empty: no TOC) or a comma list `1,3`, each level 1–6; anything else
 * (`2-3`, a bare number) fails the conversion.
 */
function parseLevels(v: unknown): Set<number> {
  let levels: number[];
  if (Array.isArray(v)) levels = v.map((x) => (typeof x === 'number' ? Math.trunc(x) : parseInt(String(x ?? ''), 10) || 0));
  else if (typeof v === 'string') {
    const range = /^(\d)\.\.(\d)$/.exec(v);
    if (range) {
      levels = [];
      for (let i = Number(range[1]); i <= Number(range[2]); i++) levels.push(i);
    } else if (/^\d(?:,\d)*$/.test(v)) levels = v.split(',').map(Number);
    else throw configError('Invalid syntax for option toc_levels');
  } else throw configError(`Invalid type ${rubyClassName(v)} for option toc_levels`);
  if (levels.some((n) => n < 1 || n > 6)) throw configError('Level numbers for option toc_levels have to be integers from 1 to 6');
  return new Set(levels);
}

/**
 * kramdown's Integer options (footnote_nr, header_offset): an Integer as it is, anything else
 * through Ruby's Integer() of its to_s (`"2"`, `"0x10"`; null is `""`), which fails the
 * conversion on `1.5` or `abc`.
 */
function integerOption(v: unknown, name: string): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const text = v == null ? '' : String(v);
  const n = kernelInteger(text);
  if (n === null) throw configError(`Invalid integer value for option '${name}': '${text}'`);
  return Number(n);
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

/**
 * kramdown's smart_quotes validator: a list, or a string split at commas (Ruby's split: trailing
 * empty fields dropped, nothing stripped); exactly four entries, else the conversion fails. Each
 * is looked up when a quote is written (codePointOf in entities.ts).
 */
function smartQuotes(v: unknown): [string, string, string, string] {
  if (v === undefined || v === null) return ['lsquo', 'rsquo', 'ldquo', 'rdquo'];
  let list: string[];
  if (typeof v === 'string') {
    list = v.split(',');
    while (list.length && list[list.length - 1] === '') list.pop();
  } else if (Array.isArray(v)) list = v.map((x) => (x == null ? '' : String(x)));
  else throw new BuildError(`Conversion error: Invalid type ${rubyClassName(v)} for option smart_quotes`, { file: '_config.yml', hint: 'Write kramdown: smart_quotes: as four entity names or code points, e.g. "lsquo,rsquo,ldquo,rdquo".' });
  if (list.length !== 4) {
    throw new BuildError('Conversion error: Option smart_quotes needs exactly 4 values', { file: '_config.yml', hint: 'Write kramdown: smart_quotes: as four entity names or code points, e.g. "lsquo,rsquo,ldquo,rdquo".' });
  }
  return list as [string, string, string, string];
}

function rubyClassName(v: unknown): string {
  if (v === null || v === undefined) return 'NilClass';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  if (typeof v === 'boolean') return v ? 'TrueClass' : 'FalseClass';
  if (Array.isArray(v)) return 'Array';
  return typeof v === 'object' ? 'Hash' : 'String';
}

/**
 * kramdown's typographic_symbols validator: each key is a symbol name (kramdown's str_to_sym: stripped,
 * a leading `:` dropped), each value its to_s (null is the empty string).
 */
function typographicSymbols(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    out[k.trim().replace(/^:/, '')] = val == null ? '' : String(val);
  }
  return out;
}

export function normaliseOptions(kramdown: Record<string, any> | undefined): KramdownOptions {
  const o = { ...JEKYLL_KRAMDOWN_DEFAULTS, ...(kramdown ?? {}) };
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
    smartQuotes: smartQuotes(o.smart_quotes),
    hardWrap: toBool(o.hard_wrap, false),
    parseBlockHtml: toBool(o.parse_block_html, false),
    parseSpanHtml: toBool(o.parse_span_html, true),
    htmlToNative: toBool(o.html_to_native, false),
    autoIdStripping: toBool(o.auto_id_stripping, false),
    transliteratedHeaderIds: toBool(o.transliterated_header_ids, false),
    removeCjkBreaks: toBool(o.remove_line_breaks_for_cjk, false),
    footnoteBacklinkInline: toBool(o.footnote_backlink_inline, false),
    footnoteNr: o.footnote_nr === undefined ? 1 : integerOption(o.footnote_nr, 'footnote_nr'),
    footnoteBacklink: o.footnote_backlink == null ? '&#8617;' : String(o.footnote_backlink),
    footnotePrefix: o.footnote_prefix == null ? '' : String(o.footnote_prefix),
    headerOffset: o.header_offset === undefined ? 0 : integerOption(o.header_offset, 'header_offset'),
    typographicSymbols: typographicSymbols(o.typographic_symbols),
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

/**
 * The characters of kramdown's REDUNDANT_LINE_BREAK_REGEX: Han, Hiragana and Katakana (half-width
 * forms too), not Hangul nor CJK punctuation (Common). A regexp source, for the `u` flag.
 */
export const CJK_CHARACTER = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';
const CJK_BEFORE_BREAK = new RegExp(`(?<=${CJK_CHARACTER})\\n(?=${CJK_CHARACTER})`, 'gu');

/**
 * kramdown's fix_cjk_line_break (`remove_line_breaks_for_cjk`), applied by convert_text to each
 * text element of an HTML element's children: every line break with a Han, Hiragana or Katakana
 * character right before and right after it, within the one text, is removed. (Markdown text is
 * handled token by token in converter.ts, cjkBreak.)
 */
export function removeCjkLineBreaks(text: string): string {
  return text.includes('\n') ? text.replace(CJK_BEFORE_BREAK, '') : text;
}

/**
 * kramdown's Options.str_to_sym: stripped, a leading `:` dropped, and `""` or `"nil"` nil (a nil
 * key), else that Symbol.
 */
function strToSym(text: string): RubySymbol | null {
  let t = rubyStrip(text);
  if (t.startsWith(':')) t = t.slice(1);
  return t === '' || t === 'nil' ? null : new RubySymbol(t);
}

/**
 * `val.keys.each { |k| val[k.kind_of?(String) ? str_to_sym(k) : k] = val.delete(k) }` (with
 * `.to_s` of each value for typographic_symbols): each key in turn taken out and put back at the
 * end under its Symbol (a key of another class as it was); a Symbol already there keeps its place
 * and takes the later value.
 */
function symbolizedHash(hash: Record<string, unknown>, value: (v: unknown) => unknown): Record<string, unknown> {
  const entries = new Map<string, [unknown, unknown]>();
  const original = hashEntries(hash);
  for (const [k, v] of original) entries.set(rubyKeyIdentity(k), [k, v]);
  for (const [k] of original) {
    const id = rubyKeyIdentity(k);
    const current = entries.get(id);
    if (!current) continue;
    entries.delete(id);
    const key = typeof k === 'string' ? strToSym(k) : k;
    const existing = entries.get(rubyKeyIdentity(key));
    if (existing) existing[1] = value(current[1]);
    else entries.set(rubyKeyIdentity(key), [key, value(current[1])]);
  }
  const { hash: out, names } = rubyKeyedHash(entries.values());
  const ordered = withInsertionOrder(out, names);
  if (ordered !== out) shareRubyKeys(out, ordered);
  return ordered;
}

/** `Integer(v) rescue v`: a String Kernel#Integer reads, a Float truncated (a finite one), else v. */
function integerOrSame(v: unknown): unknown {
  if (typeof v === 'string') {
    const n = kernelInteger(v);
    return n === null ? v : n;
  }
  if (isFloat(v)) {
    const x = Number(v);
    return Number.isFinite(x) ? Math.trunc(x) || 0 : v;
  }
  return v;
}

const DEFAULT_SMART_QUOTES = ['lsquo', 'rsquo', 'ldquo', 'rdquo'];

/**
 * What kramdown leaves in the site's `kramdown:` hash once it has read it. Jekyll hands that hash
 * itself to Kramdown::Document.new, whose Options.merge runs each option's validator, and some
 * validators change the value they are given in place: `syntax_highlighter_opts` and
 * `math_engine_opts` get Symbol keys (str_to_sym of each String key), `typographic_symbols` too
 * with each value's to_s, the names in a `forbidden_inline_options` list become Symbols, and a
 * four-entry `smart_quotes` list other than the default gets `Integer(v) rescue v` of each entry.
 * So after the first Markdown conversion `{{ site.kramdown.syntax_highlighter_opts }}` writes
 * `{:default_lang=>"plaintext", :guess_lang=>nil}`, and `site.kramdown.syntax_highlighter_opts.default_lang`
 * is nil (a String finds no Symbol key). A value kramdown parses first (a String) is replaced
 * only in kramdown's copy: the site's hash keeps it. Called on the site's copy of the hash that
 * setUpKramdownConfig (build.ts) makes at the first conversion.
 */
export function kramdownOptionsAsValidated(kd: Record<string, unknown>): void {
  for (const name of ['typographic_symbols', 'syntax_highlighter_opts', 'math_engine_opts']) {
    const v = kd[name];
    if (isHash(v)) kd[name] = symbolizedHash(v, name === 'typographic_symbols' ? toS : (x) => x);
  }
  const forbidden = kd.forbidden_inline_options;
  if (Array.isArray(forbidden)) kd.forbidden_inline_options = forbidden.map((x) => (typeof x === 'string' ? strToSym(x) : x));
  const quotes = kd.smart_quotes;
  if (Array.isArray(quotes) && quotes.length === 4 && !quotes.every((q, i) => q === DEFAULT_SMART_QUOTES[i])) {
    kd.smart_quotes = quotes.map(integerOrSame);
  }
}
