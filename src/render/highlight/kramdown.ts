/**
 * kramdown 2.4's Rouge integration (lib/kramdown/converter/syntax_highlighter/rouge.rb) as Jekyll
 * 4.3 configures it (lib/jekyll/converters/markdown/kramdown_parser.rb): what a code block or a
 * code span becomes, given the site's `kramdown:` settings.
 *
 * - `syntax_highlighter_opts` applies to both; its `block:` and `span:` hashes override it for
 *   each. Jekyll sets `default_lang: plaintext` unless given, and `guess_lang` from
 *   `kramdown.guess_lang` (default true).
 * - The language is the element's, else `default_lang`; none at all (and no `guess_lang`) means
 *   no highlighting. `disable`, an unknown language, or plaintext without `guess_lang` → null: the
 *   converter then writes the code unhighlighted.
 * - Rouge's HTMLLegacy formatter: the HTML formatter, inside HTMLTable when `line_numbers` (with
 *   `start_line`, `line_format`, `table_class`, `gutter_class`, `code_class`), wrapped in
 *   `<div class="highlight"><pre class="CSS_CLASS"><code>` (css_class defaults to `highlight`)
 *   unless `wrap` is false — and spans are never wrapped.
 * - A `kramdown.coderay` hash (Jekyll 2's) is merged into the options first (modernizeCoderay).
 * Not reproduced: `formatter` (another Rouge formatter class by name) and `inline_theme`.
 */
import { htmlTable } from './formatters.js';

/** The lexing side, injected (the lexers load only when the site highlights something). */
export interface RougeLexing {
  /** Inner HTML of Rouge's HTML formatter for `code` in `lang`, or null for an unknown language. */
  highlight: (code: string, lang: string) => string | null;
  /** Tag of the lexer find_fancy picks, or null; without it `plaintext`/`text` are plaintext. */
  lexerTag?: (lang: string, code: string) => string | null;
}

export interface KramdownHighlighter {
  /** What kramdown's Rouge.call returns for this code: its HTML, or null (not highlighted). */
  (code: string, lang: string | null, type: 'block' | 'span'): string | null;
  /** The language a highlighted element's class names when the element names none. */
  defaultLang(type: 'block' | 'span'): string | null;
}

type Opts = Record<string, unknown>;

/** Ruby truthiness: everything but nil and false. */
const truthy = (v: unknown) => v !== undefined && v !== null && v !== false;

function plainObject(v: unknown): Opts {
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Opts) } : {};
}

const asString = (v: unknown): string | null => (truthy(v) ? String(v) : null);

/** KramdownParser::CODERAY_DEFAULTS, merged in by modernize_coderay_config. */
const CODERAY_DEFAULTS: Opts = { css: 'style', bold_every: 10, line_numbers: 'inline', line_number_start: 1, tab_width: 4, wrap: 'div' };

/**
 * KramdownParser#modernize_coderay_config: a non-empty `kramdown.coderay` hash (Jekyll 2's CodeRay
 * settings, still in old sites' _config.yml) replaces `syntax_highlighter_opts` with
 * `opts.merge(CODERAY_DEFAULTS).merge(coderay)`, each key's `coderay_` prefix then dropped in order
 * (so `coderay_line_numbers` overrides the default `line_numbers`). Rouge reads the result too:
 * `line_numbers: "inline"` is true, so every code block and code span gets Rouge's line-number
 * table unless the site says `coderay_line_numbers:` null or false.
 */
function modernizeCoderay(top: Opts, coderay: unknown): Opts {
  const legacy = plainObject(coderay);
  if (Object.keys(legacy).length === 0) return top;
  const merged: Opts = { ...top, ...CODERAY_DEFAULTS, ...legacy };
  const out: Opts = {};
  for (const [key, value] of Object.entries(merged)) out[key.startsWith('coderay_') ? key.slice('coderay_'.length) : key] = value;
  return out;
}

export function kramdownHighlighter(kramdown: Record<string, any>, lexing: RougeLexing): KramdownHighlighter {
  let top = plainObject(kramdown.syntax_highlighter_opts);
  if (!truthy(top.default_lang)) top.default_lang = 'plaintext';
  top.guess_lang = kramdown.guess_lang === undefined ? true : kramdown.guess_lang;
  top = modernizeCoderay(top, kramdown.coderay);
  const blockOpts = plainObject(top.block);
  const spanOpts = plainObject(top.span);
  delete top.block;
  delete top.span;
  const opts = {
    block: { css_class: 'highlight', ...top, ...blockOpts } as Opts,
    span: { css_class: 'highlight', ...top, ...spanOpts, wrap: false } as Opts,
  };
  if (!truthy(opts.block.css_class)) opts.block.css_class = 'highlight';

  const call = (code: string, lang: string | null, type: 'block' | 'span'): string | null => {
    const o = opts[type];
    const name = lang ?? asString(o.default_lang);
    if (name === null && !truthy(o.guess_lang)) return null;
    // find_fancy(nil) guesses, as `guess` does; an ambiguous guess throws before `disable` counts
    const language = name ?? 'guess';
    const tag = lexing.lexerTag ? lexing.lexerTag(language, code) : undefined;
    if (truthy(o.disable) || tag === null) return null;
    const plaintext = tag === undefined ? language === 'plaintext' || language === 'text' : tag === 'plaintext';
    if (plaintext && !truthy(o.guess_lang)) return null;
    const inner = lexing.highlight(code, language);
    if (inner === null) return null;
    const formatted = truthy(o.line_numbers)
      ? htmlTable(inner, code, {
          startLine: o.start_line === undefined ? 1 : Number(o.start_line),
          lineFormat: asString(o.line_format) ?? undefined,
          tableClass: asString(o.table_class) ?? undefined,
          gutterClass: asString(o.gutter_class) ?? undefined,
          codeClass: asString(o.code_class) ?? undefined,
        })
      : inner;
    if (o.wrap === false || o.wrap === null) return formatted;
    return `<div class="highlight"><pre class="${String(o.css_class)}"><code>${formatted}</code></pre></div>`;
  };
  return Object.assign(call, { defaultLang: (type: 'block' | 'span') => asString(opts[type].default_lang) });
}

/**
 * kramdown's add_syntax_highlighter_to_class_attr: ` highlighter-rouge` appended to the class,
 * then `language-LANG` replacing a `language-…` the class starts with, or put in front.
 */
export function highlighterClass(cls: string | undefined, lang: string | null): string {
  let out = ((cls ?? '') + ' highlighter-rouge').replace(/^\s+/, '');
  if (lang) out = out.replace(/\blanguage-\S+|^/, (m) => (m ? `language-${lang}` : `language-${lang} `));
  return out;
}
