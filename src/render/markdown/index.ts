// The Markdown converter: markdown-it 15 set up to read Markdown the way kramdown 2.4 (GFM input, as
// Jekyll 4.3 configures it) does, and a converter that writes kramdown's HTML. Built once per build;
// `convert` does no per-call setup beyond a fresh per-document state (ids, footnotes, TOC).
// Where kramdown reads differently, a plugin replaces markdown-it's rule (each documents the
// kramdown behaviour it reproduces): plugins/html-block (block HTML), kramdown-blocks (math, IALs,
// extensions, lists, boundaries), fence, code-block, table, blockquote, reference, abbreviation,
// deflist, footnote-def; inline: kramdown-inline (math, span IALs, typography, escapes, line
// breaks), emphasis, codespan, span-html, link, autolink, entity. converter.ts writes the tokens.
import markdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import deflist from 'markdown-it-deflist';
import abbr from 'markdown-it-abbr';
import { htmlBlockPlugin, type HtmlChild } from './plugins/html-block.js';
import { kramdownBlocksPlugin } from './plugins/kramdown-blocks.js';
import { kramdownInlinePlugin } from './plugins/kramdown-inline.js';
import { emphasisPlugin, spanOptionsIn } from './plugins/emphasis.js';
import { codespanPlugin } from './plugins/codespan.js';
import { fenceMemoAcrossRules, fenceMemoPerTokenize, fencePlugin } from './plugins/fence.js';
import { abbreviationPlugin } from './plugins/abbreviation.js';
import { tablePlugin } from './plugins/table.js';
import { linkPlugin } from './plugins/link.js';
import { deflistPlugin } from './plugins/deflist.js';
import { autolinkPlugin } from './plugins/autolink.js';
import { referencePlugin } from './plugins/reference.js';
import { footnoteDefPlugin } from './plugins/footnote-def.js';
import { blockquotePlugin } from './plugins/blockquote.js';
import { codeBlockPlugin } from './plugins/code-block.js';
import { entityPlugin } from './plugins/entity.js';
import { spanHtmlPlugin } from './plugins/span-html.js';
import { normaliseOptions, parserName, type KramdownOptions } from './options.js';
export { kramdownOptionsAsValidated } from './options.js';
import { BuildError } from '../../errors.js';
import { Converter, type ConvertContext, type FootnoteDef } from './converter.js';
import { strikethroughPlugin } from './plugins/strikethrough.js';
import { smartifyWith } from './smartify.js';
import { escapeAll } from './html.js';
import { installFastState } from './fast-state.js';
import { kramdownHighlighter, type KramdownHighlighter } from '../highlight/kramdown.js';
import { mathEngineFor, mathjax, noMathEngine } from './math.js';

export interface MarkdownOptions {
  /** The site's `kramdown:` config merged over Jekyll's defaults (keys as in _config.yml). */
  kramdown: Record<string, any>;
  /** `highlighter:` from _config.yml: "rouge" (default); anything else writes code unhighlighted. */
  highlighter?: string | null | false;
  /**
   * Highlights a code block's text as Rouge would: returns the inner HTML of <code> (token spans with
   * Rouge's short classes), or null when Rouge does not know the language.
   */
  highlight?: (code: string, lang: string) => string | null;
  /**
   * The tag of the Rouge lexer a language name finds (null: none), so that kramdown's plaintext
   * and guessing rules apply; without it only `plaintext` and `text` count as plain text.
   */
  lexerTag?: (lang: string, code: string) => string | null;
  /** `build_site_extras` (default on): false leaves out what Jekyll's own gems cannot do (the KaTeX math engine). */
  extras?: boolean;
}
export interface MarkdownConverter {
  /** `asciiSource`: the source is a US-ASCII String in Ruby (see EntityOutput's 'as_char_ascii'). */
  convert(markdown: string, asciiSource?: boolean): string;
}

/** Without a highlighter module, Rouge's plaintext output: the code, HTML-escaped, no spans. */
const plainHighlight = (code: string, lang: string) => (lang === 'plaintext' || lang === 'text' || lang === 'plain' ? escapeAll(code) : null);

export function createMarkdownConverter(options: MarkdownOptions): MarkdownConverter {
  const opts = normaliseOptions(options.kramdown);
  checkInput(options.kramdown?.input);
  const kd = options.kramdown ?? {};
  const disabled = kd.syntax_highlighter_opts?.disable === true;
  const highlightOff = syntaxHighlighter(kd, options.highlighter) !== 'rouge' || disabled;
  let rouge: KramdownHighlighter | null = null;
  const rougeHighlighter = () => (rouge ??= kramdownHighlighter(kd, { highlight: options.highlight ?? plainHighlight, lexerTag: options.lexerTag }));
  const highlight = highlightOff ? null : rougeHighlighter();
  const math = mathEngineFor(options.kramdown, options.extras !== false);

  // hard_wrap is kramdown-parser-gfm's option: kramdown's own parser has no such thing.
  const md = markdownIt('default', { html: true, linkify: false, typographer: false, breaks: opts.hardWrap && opts.gfm });
  // The parser the rules follow: kramdown-parser-gfm (`input: GFM`) or kramdown's own (see
  // parserName in options.ts); the block and inline rules read it with `isGfm(state)`.
  (md as any).kdGfm = opts.gfm;
  (md as any).kdParagraphEnd = opts.gfmParagraphEnd;
  // kramdown writes link targets as written (only HTML-escaped); markdown-it would percent-encode
  // them and refuse `javascript:` links.
  md.normalizeLink = (url: string) => url;
  md.normalizeLinkText = (s: string) => s;
  md.validateLink = () => true;
  // Same tokens, built without markdown-it's slow field initialiser (see fast-state.ts).
  installFastState(md);
  // (First: the memo is per call of markdown-it's own tokenize; see closingLine in fence.ts.)
  fenceMemoPerTokenize(md);
  md.use(htmlBlockPlugin).use(kramdownBlocksPlugin).use(kramdownInlinePlugin).use(emphasisPlugin).use(codespanPlugin).use(fencePlugin).use(tablePlugin).use(linkPlugin, spanOptionsIn).use(autolinkPlugin).use(referencePlugin).use(blockquotePlugin).use(codeBlockPlugin).use(entityPlugin).use(spanHtmlPlugin).use(strikethroughPlugin);
  md.use(footnote).use(deflist).use(abbr).use(abbreviationPlugin).use(deflistPlugin).use(footnoteDefPlugin);
  // (Last: it wraps the block rules the others installed; see closingLine in fence.ts.)
  fenceMemoAcrossRules(md);
  if (!opts.gfm) {
    // `~~text~~` is kramdown-parser-gfm's strikethrough_gfm span parser; kramdown has none.
    md.inline.ruler.disable('strikethrough');
  }
  // gfm_quirks: no_auto_typographic deletes the typographic_syms span parser.
  if (opts.noAutoTypographic) md.inline.ruler.disable('kd_typographic');
  (md as any).kdTypographic = !opts.noAutoTypographic;
  // markdown-it's first core rule rewrites CR and NUL with two regex passes over the whole text;
  // convert() already turned CRs into LFs, so the passes run only when a CR or NUL is there.
  const rules = (md.core.ruler as any).__rules__ as Array<{ name: string; fn: (s: any) => void }>;
  const normalize = rules.find((r) => r.name === 'normalize')!.fn;
  md.core.ruler.at('normalize', (state) => {
    if (state.src.indexOf('\r') >= 0 || state.src.indexOf('\0') >= 0) normalize(state);
  });
  // markdown-it's inline rule, noting for each inline token the footnote definition it is in
  // (env.kdInlineOwner, its footnote_reference_open): the span `{::options}` of a definition that
  // a later one replaces are none (spanOptionSettings).
  md.core.ruler.at('inline', (state) => {
    const env = state.env as any;
    const outer = env.kdInlineOwner;
    const owners: Token[] = [];
    try {
      const toks = state.tokens as Token[];
      for (let i = 0; i < toks.length; i++) {
        const tok = toks[i];
        if (tok.type === 'inline') {
          env.kdInlineOwner = owners.length ? owners[owners.length - 1] : outer;
          // (The block it is the text of: a term's leading IAL is the <dt>'s, see spanIal.)
          env.kdInlineBlock = toks[i - 1]?.type;
          state.md.inline.parse(tok.content, state.md, state.env, tok.children!);
          // (How many of the document's span options kramdown has met once this header's text
          // is parsed: idStrippingAt.)
          if (toks[i - 1]?.type === 'heading_open' && env.kdSpanOptions?.length) {
            toks[i - 1].meta = { ...(toks[i - 1].meta ?? {}), kdSpanOptionsSeen: env.kdSpanOptions.length };
          }
        } else if (tok.type === 'footnote_reference_open') owners.push(tok);
        else if (tok.type === 'footnote_reference_close') owners.pop();
      }
    } finally {
      env.kdInlineOwner = outer;
      env.kdInlineBlock = undefined;
    }
  });
  // kramdown numbers and places footnotes itself (see Converter.footnotes).
  md.core.ruler.disable('footnote_tail');
  // kramdown has no inline footnotes: `EN^[ORKCHK](url)` is `EN^` and a link, `^[note]` text.
  md.inline.ruler.disable('footnote_inline');
  // Rules that do nothing with this instance's options (linkify and typographer are off, and
  // nothing turns them on): left enabled they would still be called, per document and, for the
  // inline linkify rule, at every character the text rule stops at.
  md.core.ruler.disable(['linkify', 'replacements', 'smartquotes']);
  md.inline.ruler.disable('linkify');
  // Keep entities as their own tokens: kramdown writes them per `entity_output`, not as text.
  md.core.ruler.disable('text_join');
  // The document's ALDs as soon as its blocks are parsed: a link's or abbreviation's IAL (read
  // while the inline rules run) may name one defined further down, as kramdown resolves them all
  // once the document is parsed (`[r]:a\n{:later}\n{:later: .k}`).
  md.core.ruler.after('block', 'kd_alds', (state) => {
    (state.env as any).kdAlds = aldsFrom(state.tokens);
  });
  md.core.ruler.after('block', 'kd_header_id', (state) => {
    const toks = state.tokens;
    const keepRaw = opts.gfm && state.src.includes('auto_id_stripping');
    for (let i = 0; i < toks.length - 1; i++) {
      if (toks[i].type !== 'heading_open') continue;
      const inline = toks[i + 1];
      // kramdown's own ATX rule (kramdown-blocks.ts) took the id and closing hashes off already.
      if (toks[i].meta?.atx) continue;
      // kramdown's converter makes ids from the header's text as written (its `raw_text`): kept
      // for it before the inline rules run.
      // (The GFM parser's ids too, where `{::options auto_id_stripping="false" /}` asks for it.)
      if (!opts.gfm || keepRaw) toks[i].meta = { ...(toks[i].meta ?? {}), raw: inline.content };
      if (inline.content.indexOf('{#') < 0) continue; // (no id here: spares the regex)
      const m = /[\t ]\{#([A-Za-z][\w:-]*)\}\s*$/.exec(inline.content);
      if (m) {
        inline.content = inline.content.slice(0, m.index).trimEnd();
        // The closing hashes come off after the id (`### Header ## {#id}` is "Header"): markdown-it
        // saw them followed by the id, not at the end.
        if (toks[i].markup.startsWith('#')) inline.content = inline.content.replace(/[\t ]+#+$/, '');
        toks[i].meta = { ...(toks[i].meta ?? {}), id: m[1], raw: inline.content };
      }
    }
  });

  return {
    convert(markdown: string, asciiSource = false): string {
      // kramdown's adapt_source: CRLF/CR → LF, one trailing newline.
      // (Tests first: a regex pass over the whole text costs more than indexOf/endsWith.)
      let src = markdown.indexOf('\r') >= 0 ? markdown.replace(/\r\n?/g, '\n') : markdown;
      if (!src.endsWith('\n')) src += '\n';
      if (src === '\n') src = '';
      // `kdParseBlockHtml`: read by the HTML block rule; `{::options parse_block_html=… /}` changes it
      // from where it stands on, as kramdown's parser options (kdParseSpanHtml: span-html.ts).
      const env: any = { kdParseBlockHtml: opts.parseBlockHtml, kdParseSpanHtml: opts.parseSpanHtml };
      const tokens = md.parse(src, env);
      const blockSettings = blockOptionSettings(tokens);
      // markdown-it-footnote records every definition in env.footnotes (also those inside HTML
      // elements, parsed with the same env): without it there is nothing to take out.
      const footnoteDefs = new Map<string, FootnoteDef>();
      const body = env.footnotes ? extractFootnotes(tokens, footnoteDefs) : tokens;
      const settings = [...blockSettings, ...spanOptionSettings(env, footnoteDefs)];
      const ctx: ConvertContext = {
        opts: converterOptionsFrom(settings, opts, options.kramdown), highlight, env,
        gfmIds: new Map(), basicIds: new Map(), toc: [], tocPlaceholder: null,
        footnotes: [], footnotesByLabel: new Map(), footnoteDefs, alds: env.kdAlds ?? aldsFrom(tokens), autoIds: opts.autoIds, math,
      };
      if (asciiSource && ctx.opts.entityOutput === 'as_char') ctx.opts = { ...ctx.opts, entityOutput: 'as_char_ascii' };
      ctx.autoIds = autoIdsFromOptions(settings, ctx.autoIds);
      if (settings.some((x) => x.includes('auto_id_stripping'))) ctx.idStripping = idStrippingAt(blockSettings, env, opts.gfm || opts.autoIdStripping);
      // `{::options syntax_highlighter="…" math_engine="…" /}`: the converter's too, read as
      // symbols (`nil`: none); a name kramdown cannot load (any highlighter but rouge, any engine
      // but mathjax or the site's own) is none, without the gem check Jekyll makes for _config.yml.
      const hlSetting = lastSetting(settings, 'syntax_highlighter');
      if (hlSetting !== undefined) ctx.highlight = symbolName(hlSetting) === 'rouge' && !disabled ? rougeHighlighter() : null;
      const mathSetting = lastSetting(settings, 'math_engine');
      if (mathSetting !== undefined) {
        const name = symbolName(mathSetting);
        ctx.math = name === 'mathjax' ? mathjax : name !== null && name === symbolName(String(kd.math_engine ?? '')) ? math : noMathEngine;
      }
      const conv = new Converter(ctx);
      let html = conv.document(body, src);
      // kramdown's convert_root writes the footnotes before it builds the table of contents, so
      // the headers inside footnote definitions are in the TOC too, after the document's.
      const notes = conv.footnotes();
      if (ctx.tocPlaceholder) html = html.replace(ctx.tocPlaceholder.key, () => conv.toc());
      return html + notes;
    },
  };
}

/**
 * The syntax highlighter kramdown gets from Jekyll (KramdownParser#highlighter): the site's
 * `kramdown.syntax_highlighter` when Ruby calls it true (null and false are not set: Jekyll puts
 * its choice there), else `rouge`... by way of the site's `highlighter` (itself "rouge" when null
 * or false); kramdown then reads the name as a symbol (Options.str_to_sym: stripped, a leading
 * `:` dropped, empty or `nil` meaning none). kramdown highlights with Rouge only; any other name
 * (`pygments`, Jekyll 2's default, still in old al-folio configs; `none`; `Rouge`) is a highlighter
 * it does not have, so code is written plain: `<pre><code class="language-x">`, inline `<code>`.
 * (`enable_coderay` and a `coderay` choice stop the build before this: assertNoCoderay in build.ts.)
 */
export function syntaxHighlighter(kd: Record<string, any>, siteHighlighter: unknown): string | null {
  const set = (v: unknown) => v !== undefined && v !== null && v !== false;
  const chosen = set(kd.syntax_highlighter) ? kd.syntax_highlighter : set(siteHighlighter) ? siteHighlighter : 'rouge';
  const name = String(chosen).trim().replace(/^:/, '');
  return name === '' || name === 'nil' ? null : name;
}

/**
 * Jekyll's check of `kramdown.input` (Kramdown::JekyllDocument.setup), made when the first Markdown
 * document is converted, as there: a value naming no kramdown parser stops the build. kramdown's
 * `Markdown` and `Html` parsers exist but build-site does not have them; rather than write GFM or
 * kramdown output that Jekyll would not, they stop the build too.
 */
function checkInput(input: unknown): void {
  const name = parserName(input);
  if (name === 'GFM' || name === 'Kramdown') return;
  if (name === null) {
    // (An empty string fails earlier in Jekyll, on `""[1..-1]` being nil.)
    const why = input === '' ? 'no implicit conversion of nil into String' : `kramdown has no parser to handle the specified input format: ${String(input)}`;
    throw new BuildError(`Conversion error: ${why}`, {
      file: '_config.yml',
      hint: 'Set kramdown: input: to GFM (Jekyll\'s default) or kramdown; Jekyll upper-cases only the first letter, so `gfm` names no parser.',
    });
  }
  throw new BuildError(`kramdown's ${name} parser (kramdown: input: ${String(input)}) is not implemented by build-site`, {
    file: '_config.yml',
    hint: 'Use input: GFM or input: kramdown.',
  });
}

/**
 * The document's attribute list definitions. kramdown resolves the references of IALs once the
 * whole document is parsed (update_tree), so an ALD applies above its definition too; a name
 * defined again adds to its list (parse_ald parses into the same hash).
 */
function aldsFrom(tokens: Token[], alds = new Map<string, string>()): Map<string, string> {
  for (const t of tokens) {
    // (Also those in the Markdown of HTML elements: `<div markdown="1">\n{:r: .c}\n</div>`.)
    if (t.type === 'kd_html') aldsInHtml((t.meta as any)?.children ?? [], alds);
    if (t.type !== 'kd_ald') continue;
    const before = alds.get(t.info);
    alds.set(t.info, before === undefined ? t.content : `${before} ${t.content}`);
  }
  return alds;
}

function aldsInHtml(children: HtmlChild[], alds: Map<string, string>): void {
  for (const c of children) {
    if (c.kind !== 'element') continue;
    if (c.blockTokens) aldsFrom(c.blockTokens, alds);
    aldsInHtml(c.children, alds);
  }
}

// Options kramdown's HTML converter reads (toc_levels, footnote_nr, …), as opposed to those the
// parser reads where it stands.
// (auto_id_stripping is the parser's, but read in update_tree, after every block: the last setting
// holds for all headers, as for the converter's.)
const CONVERTER_OPTIONS = new Set(['toc_levels', 'footnote_nr', 'footnote_backlink', 'footnote_backlink_inline', 'footnote_prefix', 'entity_output', 'smart_quotes', 'auto_id_prefix', 'header_offset', 'auto_id_stripping', 'transliterated_header_ids', 'remove_line_breaks_for_cjk']);

/**
 * `{::options key="value" /}` also goes into the document root's options, which kramdown merges into
 * the converter's options: a converter option set anywhere holds for the whole document
 * (`{::options toc_levels="2..3" /}` above a `{:toc}` limits it; the last setting wins).
 */
function converterOptionsFrom(settings: string[], opts: KramdownOptions, kramdown: Record<string, any> | undefined): KramdownOptions {
  let set: Record<string, string> | null = null;
  for (const s of settings) {
    const attrs = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    let m: RegExpExecArray | null;
    while ((m = attrs.exec(s))) {
      if (!CONVERTER_OPTIONS.has(m[1])) continue;
      const value = m[2] ?? m[3];
      // A value kramdown's Options.parse rejects is dropped there (rescued): the option keeps
      // what it had.
      try {
        normaliseOptions({ ...(kramdown ?? {}), [m[1]]: value });
      } catch (e) {
        if (e instanceof BuildError) continue;
        throw e;
      }
      (set ??= {})[m[1]] = value;
    }
  }
  return set ? normaliseOptions({ ...(kramdown ?? {}), ...set }) : opts;
}

/**
 * The attribute strings of the document's block `{::options /}`, in the order kramdown applies
 * them: as the block parser meets them (also those in the Markdown of an HTML element with
 * `markdown="1"`, which kramdown parses where the element stands, and in every footnote
 * definition, one a later definition replaces included).
 */
function blockOptionSettings(tokens: Token[]): string[] {
  const out: string[] = [];
  const inHtml = (children: HtmlChild[]) => {
    for (const c of children) {
      if (c.kind !== 'element') continue;
      if (c.blockTokens) blocks(c.blockTokens);
      inHtml(c.children);
    }
  };
  const blocks = (list: Token[]) => {
    for (const t of list) {
      if (t.type === 'kd_extension' && t.info === 'options') out.push((t.meta as any).attrs);
      else if (t.type === 'kd_html') inHtml((t.meta as any).children ?? []);
    }
  };
  blocks(tokens);
  return out;
}

/**
 * The attribute strings of the span `{::options /}` (env.kdSpanOptions, see spanExtension in
 * kramdown-inline.ts), which kramdown meets in update_tree after all blocks: first the document's
 * own, then each footnote definition's, in the order of its @footnotes hash (a name's first
 * definition; extractFootnotes fills `defs` so). A definition a later one of the same name
 * replaced is never span-parsed, so its span options are none.
 */
function spanOptionSettings(env: any, defs: Map<string, FootnoteDef>): string[] {
  const spans = (env.kdSpanOptions ?? []) as Array<{ attrs: string; owner?: Token }>;
  if (!spans.length) return [];
  const out = spans.filter((o) => !o.owner).map((o) => o.attrs);
  for (const def of defs.values()) for (const o of spans) if (o.owner === def.open) out.push(o.attrs);
  return out;
}

/**
 * auto_id_stripping header by header. kramdown reads it in update_tree, which runs after all
 * blocks are parsed (so every block `{::options}` has set it) and parses each text's spans on its
 * way through the document: a header sees the span options met up to its own text's end
 * (`# a &amp; b\n\nx{::options auto_id_stripping="false" /}\n\n# c &amp; d`: only the second
 * id is from the text as written). The GFM parser starts with it on, whatever the configuration.
 * (A footnote definition's span options come after the document's: they change no header of it.)
 */
function idStrippingAt(blockSettings: string[], env: any, initial: boolean): (open: Token) => boolean {
  const parse = (settings: string[], value: boolean): boolean => {
    const v = lastSetting(settings, 'auto_id_stripping')?.trim().toLowerCase();
    // (Options.parse takes "true" and "false"; any other string is an error kramdown rescues.)
    return v === 'true' ? true : v === 'false' ? false : value;
  };
  const afterBlocks = parse(blockSettings, initial);
  const spans = (env.kdSpanOptions ?? []) as Array<{ attrs: string; owner?: Token }>;
  return (open) => {
    const seen = (open.meta?.kdSpanOptionsSeen as number | undefined) ?? 0;
    if (!seen) return afterBlocks;
    return parse(spans.slice(0, seen).filter((o) => !o.owner).map((o) => o.attrs), afterBlocks);
  };
}

/** The value the last `{::options key="…" /}` gives the key, if any sets it. */
function lastSetting(settings: string[], key: string): string | undefined {
  let value: string | undefined;
  const re = new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  for (const s of settings) for (const m of s.matchAll(re)) value = m[1] ?? m[2];
  return value;
}

/** kramdown's Options.str_to_sym: stripped, a leading `:` dropped; empty or `nil` is none. */
function symbolName(value: string): string | null {
  const name = value.trim().replace(/^:/, '');
  return name === '' || name === 'nil' ? null : name;
}

/**
 * `{::options auto_ids="false" /}` changes the parser's options, and kramdown-parser-gfm assigns
 * header ids after the whole document is parsed: the last such setting holds for every header,
 * also those before it.
 */
function autoIdsFromOptions(settings: string[], value: boolean): boolean {
  for (const s of settings) {
    const m = /auto_ids\s*=\s*["']?(\w+)/.exec(s);
    if (m) value = m[1] !== 'false';
  }
  return value;
}

/**
 * Takes footnote definitions out of the flow (they write nothing where they stand), also from the
 * Markdown inside HTML elements (`markdown="1"`), whose lines are those of the element's own text.
 */
function extractFootnotes(tokens: Token[], defs: Map<string, FootnoteDef>, src?: string): Token[] {
  const out: Token[] = [];
  const inHtml = (children: HtmlChild[]) => {
    for (const c of children) {
      if (c.kind !== 'element') continue;
      if (c.blockTokens) c.blockTokens = extractFootnotes(c.blockTokens, defs, c.blockSrc ?? '');
      inHtml(c.children);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'kd_html') inHtml((t.meta as any).children ?? []);
    if (t.type === 'footnote_reference_open') {
      // (Its own close: a definition may hold others, `[^1]:\n\tb\n* [^2]: y`, lazy lines of its
      // text included. kramdown parses the text first, so they are defined before it, and it
      // overwrites one of its own name.)
      let j = i + 1;
      for (let depth = 0; tokens[j].type !== 'footnote_reference_close' || depth > 0; j++) {
        if (tokens[j].type === 'footnote_reference_open') depth++;
        else if (tokens[j].type === 'footnote_reference_close') depth--;
      }
      const inner = extractFootnotes(tokens.slice(i + 1, j), defs, src);
      defs.set(String((t.meta as any).label), { tokens: inner, start: t.map?.[0] ?? 0, end: t.map?.[1] ?? 0, src, open: t });
      // Where the definition stood, a marker for the converter (see `def` in converter.ts).
      // (An empty definition, `* [^1]:` then the item's text, has its own line: kramdown's
      // :eob is the item's first child all the same, and the item is not transparent.)
      const maps = inner.filter((x) => x.map);
      const map = maps.length ? [maps[0].map![0], Math.max(...maps.map((x) => x.map![1]))] : t.map ? [t.map[0], t.map[0] + 1] : null;
      if (map) out.push(Object.assign(Object.create(Object.getPrototypeOf(t)), t, { type: 'kd_def', nesting: 0, map }));
      i = j;
    } else out.push(t);
  }
  return out;
}

/** kramdown's SmartyPants typography on a plain string (Jekyll's `smartify` filter). */
export function smartify(text: string, kramdown?: Record<string, any>, asciiSource = false): string {
  let opts = normaliseOptions(kramdown);
  if (asciiSource && opts.entityOutput === 'as_char') opts = { ...opts, entityOutput: 'as_char_ascii' };
  return smartifyWith(text, opts, (source) => blockHtmlConverter(kramdown).convert(source, asciiSource));
}

/** A converter for smartify's block HTML, made on first use for each kramdown config object. */
const blockHtmlConverters = new WeakMap<object, MarkdownConverter>();
const NO_KRAMDOWN = {};
function blockHtmlConverter(kramdown: Record<string, any> | undefined): MarkdownConverter {
  const key = kramdown ?? NO_KRAMDOWN;
  let converter = blockHtmlConverters.get(key);
  if (!converter) blockHtmlConverters.set(key, (converter = createMarkdownConverter({ kramdown: kramdown ?? {}, highlighter: 'none' })));
  return converter;
}
