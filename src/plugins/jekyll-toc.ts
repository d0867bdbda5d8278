// jekyll-toc 0.18.0: a table of contents from the headings of a page's HTML (the `toc`,
// `toc_only` and `inject_anchors` filters and the `{% toc %}` tag), configured by `toc:` in
// _config.yml and switched on per page by `toc: true`. Spec: test/conformance/PLUGINS.md §17.
//
// The gem parses the HTML with Nokogiri (libxml2's HTML 4 parser) and writes it back, so the
// filters that return HTML (`toc`, `inject_anchors`) re-serialise the whole fragment the way
// html4/ does; the list itself is written as text, so an explicit `id` appears in it unescaped.
import { BuildError } from "../errors.js";
import type { PluginLiquidContext } from "./api.js";
import { isPlainObject } from "../config/merge.js";
import { plain, toS, truthy } from "../ruby/values.js";
import type { HElement, HNode } from "./html4/dom.js";
import { parseFragment } from "./html4/parse.js";
import { serializeChildren } from "./html4/serialize.js";
import { registerPlugin } from "./registry.js";

/** Configuration::DEFAULT_CONFIG. */
const DEFAULTS: Record<string, unknown> = {
  min_level: 1,
  max_level: 6,
  ordered_list: false,
  no_toc_section_class: "no_toc_section",
  list_id: "toc",
  list_class: "section-nav",
  sublist_class: "",
  item_class: "toc-entry",
  item_prefix: "toc-",
};

export interface TocConfiguration {
  levels: number[];
  orderedList: boolean;
  noTocSectionClasses: string[];
  listId: string;
  listClass: string;
  sublistClass: string;
  itemClass: string;
  itemPrefix: string;
}

/**
 * Configuration.new: the defaults merged with `toc:` when it is a hash; anything else (`toc: true`,
 * a list) makes Hash#merge raise TypeError, which the gem answers with the defaults alone.
 */
export function tocConfiguration(options: unknown): TocConfiguration {
  const o = isPlainObject(options) ? { ...DEFAULTS, ...options } : DEFAULTS;
  const min = Number(o.min_level);
  const max = Number(o.max_level);
  const levels: number[] = [];
  if (Number.isInteger(min) && Number.isInteger(max)) for (let l = min; l <= max && levels.length < 100; l++) levels.push(l);
  const section = o.no_toc_section_class;
  return {
    levels,
    orderedList: truthy(o.ordered_list),
    noTocSectionClasses: Array.isArray(section) ? section.map(toS) : [toS(section)],
    listId: toS(o.list_id),
    listClass: toS(o.list_class),
    sublistClass: toS(o.sublist_class),
    itemClass: toS(o.item_class),
    itemPrefix: toS(o.item_prefix),
  };
}

/**
 * Helper#generate_toc_id: downcased (Ruby's String#downcase maps each character on its own, so a
 * final Σ becomes σ, not the ς JavaScript's toLowerCase gives), everything but word characters
 * (Ruby's \p{Word}: alphabetic characters — letters, letter numbers like Ⅻ, circled letters —,
 * marks, decimal digits and connector punctuation), `-` and spaces
 * removed, spaces made dashes, then CGI.escape (every byte outside A–Z a–z 0–9 _ . - ~ as %XX).
 */
export function generateTocId(text: string): string {
  let lower = "";
  for (const c of text) lower += c.toLowerCase();
  const kept = lower.replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
  let out = "";
  for (const byte of Buffer.from(kept, "utf8")) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.\-~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** CGI.escapeHTML. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Node#text: the text of every text node below (comments are not text). */
function textOf(node: HElement): string {
  let s = "";
  for (const child of node.children) {
    if (child.type === "text") s += child.value;
    else if (child.type === "element") s += textOf(child);
  }
  return s;
}

/** Node#classes: the class attribute split on whitespace. */
function classes(node: HElement): string[] {
  const value = node.attrs.find(([k]) => k === "class")?.[1] ?? "";
  return value.split(/[ \t\n\r\f]+/).filter(Boolean);
}

interface Entry {
  id: string;
  text: string;
  nodeName: string;
  heading: HElement;
  level: number;
}

export class TocParser {
  private readonly root: HElement;
  private readonly config: TocConfiguration;
  private readonly entries: Entry[];

  constructor(html: string, options: unknown = {}) {
    this.root = parseFragment(html);
    this.config = tocConfiguration(options);
    this.entries = this.parseContent();
  }

  /** Parser#toc: the list, then the HTML with anchors. */
  toc(): string {
    return this.buildToc() + this.injectAnchors();
  }

  /** Parser#build_toc. */
  buildToc(): string {
    const tag = this.listTag;
    return `<${tag} id="${this.config.listId}" class="${this.config.listClass}">\n${this.buildTocList(this.entries)}</${tag}>`;
  }

  /** Parser#inject_anchors_into_html: an anchor before each heading's first child, and the fragment written back. */
  injectAnchors(): string {
    for (const entry of this.entries) {
      const first = entry.heading.children[0];
      // The gem calls add_previous_sibling on the heading's first child: an empty heading has none.
      if (!first) throw new BuildError(`jekyll-toc: the empty heading <${entry.nodeName}> has no content to put an anchor before (Ruby raises NoMethodError here)`, { hint: "Give the heading some text, or add class=\"no_toc\" to it." });
      // The anchor is given to Nokogiri as markup, so an id with quotes or entities parses as it would there.
      const nodes = parseFragment(`<a class="anchor" href="#${entry.id}" aria-hidden="true"><span class="octicon octicon-link"></span></a>`, "div").children;
      for (const n of nodes) n.parent = entry.heading;
      entry.heading.children.unshift(...nodes);
    }
    return serializeChildren(this.root);
  }

  private get listTag(): string {
    return this.config.orderedList ? "ol" : "ul";
  }

  /**
   * Parser#parse_content: the headings of the configured levels in document order, less those
   * inside an element with a no_toc_section class and those with the class `no_toc` themselves.
   * A heading's own `id` is used as it is (and, being an attribute object in Ruby, never counts
   * as a duplicate); a generated id gets `-1`, `-2`… when it was generated before.
   */
  private parseContent(): Entry[] {
    const { levels, noTocSectionClasses } = this.config;
    // Nokogiri raises Nokogiri::CSS::SyntaxError on the empty selector a min_level above max_level gives.
    if (levels.length === 0) throw new BuildError("jekyll-toc: toc.min_level is above toc.max_level, so no heading level is selected (the gem fails with Nokogiri::CSS::SyntaxError)", { hint: "Set toc.min_level to at most toc.max_level (1 to 6)." });
    const names = new Set(levels.map((l) => `h${l}`));
    const seen = new Map<string, number>();
    const entries: Entry[] = [];
    const walk = (node: HNode, inSection: boolean) => {
      if (node.type !== "element") return;
      if (names.has(node.name) && !inSection && !classes(node).includes("no_toc")) {
        const text = textOf(node);
        const own = node.attrs.find(([k]) => k === "id");
        let id: string;
        if (own) id = own[1] ?? "";
        else {
          const base = generateTocId(text);
          const n = seen.get(base) ?? 0;
          seen.set(base, n + 1);
          id = n === 0 ? base : `${base}-${n}`;
        }
        entries.push({ id, text: escapeHtml(text), nodeName: node.name, heading: node, level: Number(node.name.slice(1)) });
      }
      const section = inSection || classes(node).some((c) => noTocSectionClasses.includes(c));
      for (const child of node.children) walk(child, section);
    };
    for (const child of this.root.children) walk(child, false);
    return entries;
  }

  /** Parser#build_toc_list, branch for branch (its quirks on lists that start deeper than they go on are kept). */
  private buildTocList(entries: Entry[]): string {
    const c = this.config;
    const tag = this.listTag;
    const ulAttributes = c.sublistClass === "" ? "" : ` class="${c.sublistClass}"`;
    let out = "";
    const min = Math.min(...entries.map((e) => e.level));
    let i = 0;
    while (i < entries.length) {
      const entry = entries[i]!;
      if (entry.level === min) {
        out += `<li class="${c.itemClass} ${c.itemPrefix}${entry.nodeName}"><a href="#${entry.id}">${entry.text}</a>`;
        const next = i + 1;
        if (next < entries.length && entries[next]!.level > min) {
          const nest = nestEntries(entries.slice(next), min);
          out += `\n<${tag}${ulAttributes}>\n${this.buildTocList(nest)}</${tag}>\n`;
          i += nest.length;
        }
        out += "</li>\n";
      } else if (entry.level > min) {
        const nest = nestEntries(entries.slice(i), min);
        out += this.buildTocList(nest);
        i += nest.length - 1;
      }
      i++;
    }
    return out;
  }
}

/** Parser#get_nest_entries: the entries up to (not including) the next one at exactly `min`. */
function nestEntries(entries: Entry[], min: number): Entry[] {
  const out: Entry[] = [];
  for (const e of entries) {
    if (e.level === min) break;
    out.push(e);
  }
  return out;
}

/** The HTML a filter is given: nil parses as an empty fragment, anything else as its string. */
function htmlInput(input: unknown): string {
  const v = plain(input);
  return v === null || v === undefined ? "" : toS(v);
}

function tocFilters(ctx: PluginLiquidContext): Record<string, (input: unknown) => unknown> {
  // TableOfContentsFilter#toc_enabled?: the page being rendered (the render's `page`, not a
  // variable of that name assigned since) has `toc: true`, exactly true.
  function enabled(self: any): boolean {
    const page = plain(self?.context?.environments?.page);
    return page !== null && typeof page === "object" && plain((page as Record<string, unknown>).toc) === true;
  }
  const config = () => ctx.site().config.toc ?? {};
  return {
    toc_only(this: unknown, html: unknown) {
      return enabled(this) ? new TocParser(htmlInput(html), config()).buildToc() : "";
    },
    inject_anchors(this: unknown, html: unknown) {
      return enabled(this) ? new TocParser(htmlInput(html), config()).injectAnchors() : html;
    },
    toc(this: unknown, html: unknown) {
      return enabled(this) ? new TocParser(htmlInput(html), config()).toc() : html;
    },
  };
}

registerPlugin({
  name: "jekyll-toc",
  liquidFilters: tocFilters,
  liquidTags(ctx) {
    return {
      // TocTag: the list for the page's `content`, when the page's `toc` is truthy (any value but nil/false).
      toc(_markup, lookup) {
        if (!truthy(lookup(["page", "toc"]))) return "";
        return new TocParser(htmlInput(lookup(["page", "content"])), ctx.site().config.toc ?? {}).buildToc();
      },
    };
  },
});
