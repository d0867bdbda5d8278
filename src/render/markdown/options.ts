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

export type EntityOutput = 'as_char' | 'as_input' | 'numeric' | 'symbolic';

export interface KramdownOptions {
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

export function normaliseOptions(kramdown: Record<string, any> | undefined): KramdownOptions {
  const o = { ...JEKYLL_KRAMDOWN_DEFAULTS, ...(kramdown ?? {}) };
  const sq = String(o.smart_quotes ?? 'lsquo,rsquo,ldquo,rdquo').split(',').map((s) => s.trim());
  const entity = String(o.entity_output ?? 'as_char') as EntityOutput;
  return {
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
  };
}
