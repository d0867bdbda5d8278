// What Liquid sees: `site`, `page` and friends as Jekyll's drops expose them. Values are computed
// on access (getters), because Jekyll's are too: `post.content` is the raw text before that post
// is rendered and its HTML after, and `post.excerpt` renders the excerpt when first read.
//
// How they are built (this runs for every page and document of a build): the page, document
// and static-file drops are plain objects whose keys are own enumerable accessors (what
// `jsonify`, `inspect`, `for … in` and liquidjs's `ownPropertyOnly` lookups see), but the
// getters are shared functions that find their item through a hidden symbol property, and the
// property descriptors are made once per set of front matter keys. Drops with the same keys then
// share one V8 hidden class instead of each getting ~20 fresh closures and a map of its own.
import { asWritten } from "../config/as-written.js";
import { JEKYLL_VERSION } from "../config/defaults.js";
import { deepMerge } from "../config/merge.js";
import { compareDocuments, type Collection } from "../site/collection.js";
import type { Document, Excerpt } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { GemDependency } from "../site/theme.js";
import type { StaticFile } from "../site/static-file.js";
import { compareStrings, dropEachKeys, hooksOf, inspect, inspectString, nameRubyKey, RUBY_OBJECT, rubyKeyedHash, rubyKeyOf, rubySort, shareRubyKeys, toJson, toS, truthy } from "../ruby/values.js";
import { isIndexKey, orderedKeys, withInsertionOrder } from "../ruby/ordered-hash.js";
import type { RubyObjectHooks, RubyPrintable } from "../ruby/values.js";
import { Drop as LiquidDrop } from "liquidjs";

export interface DropContext {
  /** Renders (once) and returns a document's excerpt HTML. */
  excerptOutput(excerpt: Excerpt): string;
}

type Obj = Record<string, any>;

/**
 * Dependency token: the page read the content or output of a document other than itself. (It
 * also gets `content:<label>`; `collection:<label>` is for the documents' URLs and data.)
 */
export const OTHER_CONTENT = "other-content";
/** The dependency token of `site.kramdown`, which the Markdown converter's setup fills in (build.ts). */
export const KRAMDOWN_CONFIG = "site:kramdown";

function defineLazy(target: Obj, key: string, get: () => unknown, enumerable = true): void {
  Object.defineProperty(target, key, { get, enumerable, configurable: true });
}

/** The page, document or static file behind a drop (non-enumerable, so no listing shows it). */
const ITEM = Symbol("drop item");

type Getter = (this: Obj) => unknown;

/** Shared getters of front matter keys: `this[ITEM].<field>[key]`, one function per field and key. */
const fieldGetters = new Map<string, Getter>();

function fieldGetter(field: "data" | "liquidData", key: string): Getter {
  const id = `${field}\0${key}`;
  let g = fieldGetters.get(id);
  if (!g) {
    g = function (this: Obj) { return this[ITEM as any][field][key]; };
    fieldGetters.set(id, g);
  }
  return g;
}

/** An unambiguous cache key for a list of keys (length-prefixed, so no separator can collide). */
function keysSignature(keys: string[]): string {
  let sig = "";
  for (const k of keys) sig += `${k.length}:${k}`;
  return sig;
}

/**
 * Enumerable's methods that Liquid lets a template call on a Jekyll::Drops::Drop (a document,
 * excerpt, static file, collection or the site). Drop includes Enumerable over Drop#each (which
 * yields each key with its value); VariableLookup finds `post.count` because Drop#key? is
 * respond_to?, and Drop#[] calls the method when Liquid::Drop.invokable? allows it: of
 * Enumerable's methods only sort, count, first, min and max, besides the Drop's own public
 * methods (keys, to_hash) and to_liquid. A method wins over a front matter key of the same name (`[]` asks
 * invokable? before fallback_data), so such a key still lists in keys but reads the method.
 * Enumerable#min/max/sort compare the [key, value] pairs, which the distinct keys decide.
 * Jekyll 4.3.1, measured: `post.count` 20, `post.min` ["author", "Zed"], `post.keys` the key list.
 */
const ENUMERABLE_METHODS: Record<string, Getter> = {
  first() { return dropPairs(this, false)[0] ?? null; },
  count() { return dropPairs(this, true).length; },
  min() { return sortedPairs(this)[0] ?? null; },
  max() { return sortedPairs(this).at(-1) ?? null; },
  sort() { return sortedPairs(this); },
  keys() { return Object.keys(this); },
  to_hash() { dropPairs(this, true); return dropToH(this); },
  // Drop#hash_for_json with no JSON state: to_h (DocumentDrop's collapsing of next/previous
  // happens only from a JSON depth of 2, which a call from Liquid never has).
  hash_for_json() { dropPairs(this, true); return dropToH(this); },
  // Drop#content_methods: the drop class's own getters (Drop#keys without the data keys).
  content_methods() { return [...((this as { [CONTENT_METHODS]?: string[] })[CONTENT_METHODS] ?? [])]; },
  // Drop's public methods that take an argument: called from Liquid with none, they raise.
  fetch() { throw new Error("wrong number of arguments (given 0, expected 1..2)"); },
  merge() { throw new Error("wrong number of arguments (given 0, expected 1)"); },
  "merge!"() { throw new Error("wrong number of arguments (given 0, expected 1)"); },
  // Drop#each_key without a block is `keys.each`, an Enumerator, which has no to_liquid: Liquid's
  // lookup raises NoMethodError on it, fatal in Jekyll (`{{ post.each_key }}`, `site.each_key`).
  each_key() { throw new Error(`undefined method \`to_liquid' for #<Enumerator: ${inspect(Object.keys(this))}:each>`); },
  // Liquid::Drop.invokable_methods always lets to_liquid through: the drop itself.
  to_liquid() { return this; },
};

/**
 * A drop's Drop#content_methods, in Jekyll 4.3.1's order (a hidden property). Configurable: a
 * proxy that keeps a YAML mapping's key order (ruby/ordered-hash.ts) may stand for the site
 * drop, and its ownKeys trap, which lists the string keys only, may leave out no
 * non-configurable property.
 */
const CONTENT_METHODS = Symbol("content methods");

/**
 * Drop#each's pairs. `each` reads every value (`yield key, self[key]`), so a key named after one
 * of the methods above that walk `each` again (a front matter `count:`, `sort:`…) calls itself
 * without end: Ruby's SystemStackError, which Jekyll reports as "stack level too deep" (see
 * dropEachKeys). `first` stops at the first key, which is never such a name.
 */
function dropPairs(drop: Obj, all: boolean): [unknown, unknown][] {
  const keys = dropEachKeys(drop, all ? Infinity : 1);
  if (!all) keys.length = Math.min(keys.length, 1);
  return keys.map((k) => [rubyKeyOf(drop, k), drop[k]]);
}

function sortedPairs(drop: Obj): [unknown, unknown][] {
  const pairs = dropPairs(drop, true);
  // Array#<=> of two pairs compares their keys first, and keys differ; a key that is no String
  // (a front matter `5:`) does not compare with one that is.
  if (pairs.some(([k]) => typeof k !== "string")) throw new Error("comparison of Array with Array failed");
  return pairs.sort((a, b) => compareStrings(a[0] as string, b[0] as string));
}

/** The Enumerable methods of ENUMERABLE_METHODS that no key took, as hidden (unlisted) properties. */
function enumerableDescriptors(taken: (key: string) => boolean): PropertyDescriptorMap {
  const map: PropertyDescriptorMap = {};
  for (const [k, get] of Object.entries(ENUMERABLE_METHODS)) if (!taken(k)) map[k] = { get, enumerable: false, configurable: true };
  return map;
}

/** Adds ENUMERABLE_METHODS to a drop built key by key: a listed key of the same name reads the method. */
function addEnumerableMethods(drop: Obj): void {
  for (const [k, get] of Object.entries(ENUMERABLE_METHODS)) {
    const listed = Object.prototype.propertyIsEnumerable.call(drop, k);
    Object.defineProperty(drop, k, { get, enumerable: listed, configurable: true });
  }
}

/**
 * The descriptors for a drop, in the key order Jekyll shows (`jsonify`, `inspect`, `for … in`),
 * then the hidden (non-enumerable) ones. A key both fixed and in the front matter reads the fixed
 * value and is listed once. `fixedFirst`: a Jekyll::Drops::Drop lists `content_methods |
 * fallback_data.keys` (Drop#keys: its methods, then the data keys not among them); a page's Hash
 * (Convertible#to_liquid) is `deep_merge(data, further_data)`, so its front matter keys come
 * first and the fixed ones not already there after them. `enumerable`: a Drop, with Enumerable's
 * methods (ENUMERABLE_METHODS) unlisted, or reading them where a data key has their name.
 */
function descriptorsFor(ownKeys: string[], own: (key: string) => Getter, fixed: Record<string, Getter>, hidden: PropertyDescriptorMap, fixedFirst: boolean, enumerable: boolean): PropertyDescriptorMap {
  const map: PropertyDescriptorMap = {};
  const addFixed = () => {
    for (const k of Object.keys(fixed)) if (!Object.hasOwn(map, k)) map[k] = { get: fixed[k], enumerable: true, configurable: true };
  };
  // A Drop's Enumerable methods (ENUMERABLE_METHODS) come before its data; a page's Hash has none.
  const getter = (k: string) => (Object.hasOwn(fixed, k) ? fixed[k]! : enumerable && Object.hasOwn(ENUMERABLE_METHODS, k) ? ENUMERABLE_METHODS[k]! : own(k));
  if (fixedFirst) addFixed();
  for (const k of ownKeys) if (!Object.hasOwn(map, k)) map[k] = { get: getter(k), enumerable: true, configurable: true };
  if (!fixedFirst) addFixed();
  if (enumerable) Object.assign(map, enumerableDescriptors((k) => Object.hasOwn(map, k)));
  for (const k of Reflect.ownKeys(hidden)) map[k as string] = hidden[k as string]!;
  return map;
}

function makeDrop(item: object, descriptors: PropertyDescriptorMap): Obj {
  const drop: Obj = {};
  // (configurable: an order-keeping proxy's key list may leave out only configurable properties)
  Object.defineProperty(drop, ITEM, { value: item, configurable: true });
  Object.defineProperties(drop, descriptors);
  // Front matter keys that are not Strings (`5:` an Integer): found by type, as in the data Hash
  // Jekyll's drop falls back to (src/ruby/values.ts, noteRubyKey).
  const data = (item as { liquidData?: unknown }).liquidData ?? (item as { data?: unknown }).data;
  if (typeof data === "object" && data !== null) shareRubyKeys(data, drop);
  return drop;
}

/**
 * A page's Hash lists its keys in the order Ruby built it: the defaults' and the front matter's as
 * written, then content, dir, excerpt, name, path and url. A plain object lists integer-like keys
 * (`2024:`, `5:` in front matter) first; then the drop becomes an order-keeping proxy, whose
 * plain object is kept here (Drops#renderingPage copies its properties, symbols included).
 */
const ORDERED_DROP_TARGET = new WeakMap<object, Obj>();

function pageKeyOrder(dataKeys: string[], fixed: Record<string, Getter>): string[] {
  const order = dataKeys.slice();
  for (const k of Object.keys(fixed)) if (!order.includes(k)) order.push(k);
  return order;
}

function inKeyOrder(drop: Obj, order: string[]): Obj {
  if (!order.some(isIndexKey)) return drop;
  const ordered = withInsertionOrder(drop, order);
  if (ordered === drop) return drop;
  shareRubyKeys(drop, ordered);
  ORDERED_DROP_TARGET.set(ordered, drop);
  return ordered;
}

/** On the `page` a page renders with: its content when rendering began (Drops#renderingPage). */
const CONTENT_SNAPSHOT = Symbol("content before rendering");

const staticItem = (drop: Obj) => drop[ITEM as any] as StaticFile;

/** A static file drop's own keys, in Jekyll 4.3.1's order (StaticFileDrop's delegated methods). */
const STATIC_GETTERS: Record<string, Getter> = {
  name() { return staticItem(this).name; },
  basename() { return staticItem(this).basename; },
  extname() { return staticItem(this).extname; },
  path() { return staticItem(this).relativePath; },
  collection() { return staticItem(this).collection?.label ?? null; },
  modified_time() { return staticItem(this).modifiedTime; },
};

/** For JavaScript's JSON.stringify: what `jsonify` writes (a finite tree: see hashForJson). */
function dropToJSON(this: Obj): unknown {
  return JSON.parse(toJson(this));
}

/** Drop#to_h: every key (Drop#keys) with its value, read through the drop's getters. */
function dropToH(drop: Obj): Obj {
  const out: Obj = {};
  const keys = Object.keys(drop);
  for (const k of keys) out[k] = drop[k];
  // (A drop's integer-like key, as a config's `2024:` in the site drop, keeps its place.)
  return withInsertionOrder(out, keys);
}

/** Keys Jekyll leaves out of next/previous when it writes a document as JSON (DocumentDrop#collapse_document). */
const NESTED_BLACKLIST = new Set(["content", "output", "excerpt", "next", "previous"]);

function collapseDocument(drop: Obj): Obj {
  const out: Obj = {};
  for (const k of Object.keys(drop)) if (!NESTED_BLACKLIST.has(k)) out[k] = drop[k];
  return out;
}

/**
 * DocumentDrop#hash_for_json: to_h, and from JSON depth 2 on (two arrays/hashes around it) its
 * next/previous collapsed. So `page | jsonify` writes next and previous in full, their neighbours
 * in full but with collapsed neighbours of their own (Jekyll 4.3.1, measured); without the
 * collapse next → previous → next … never ends.
 */
const DOCUMENT_HOOKS: RubyObjectHooks = {
  hashForJson(this: Obj, depth: number): Obj {
    const h = dropToH(this);
    if (depth >= 2) {
      if (h.next) h.next = collapseDocument(h.next);
      if (h.previous) h.previous = collapseDocument(h.previous);
    }
    return h;
  },
  // Drop#[] (what `map`, `where`, `sort`, `group_by` index a document with) is
  // `fallback_data[key]`, the data Hash's own `[]`, whose default_proc answers with the front
  // matter defaults; Liquid's `doc.key` asks key? first and never gets there. Only a document
  // whose defaults failed to merge (Document#defaultsUnread) keeps defaults outside its data:
  // its data's prototype. (`site.things | map: "layout"` is ["base"] for it, `t.layout` nil.)
  defaultValue(this: Obj, key: unknown): unknown {
    const data = (this[ITEM as any] as Document).data as Record<string, unknown>;
    const defaults = Object.getPrototypeOf(data) as Record<string, unknown> | null;
    return defaults !== null && defaults !== Object.prototype && typeof key === "string" && Object.hasOwn(defaults, key) ? defaults[key] : undefined;
  },
  // Document#to_s: `output || content || "NO CONTENT"`, through the getters so reading another
  // document's content is recorded.
  toS(this: Obj): string {
    const out = this.output ?? this.content;
    return out === null || out === undefined ? "NO CONTENT" : String(out);
  },
  objectInspect(this: Obj): string {
    return `#<Jekyll::Document ${this.relative_path} collection=${this.collection}>`;
  },
  // Document#<=>: the dates (`data["date"]`), then the paths where the dates are equal or do not
  // compare; anything but another document gives nil (`site.posts | sort` sorts this way).
  identity(this: Obj): unknown {
    return this[ITEM as any];
  },
  rawInArrays: true,
  compare(this: Obj, other: unknown): number | null {
    const a = this[ITEM as any] as Document | undefined;
    const b = (typeof other === "object" && other !== null ? (other as Obj)[ITEM as any] : undefined) as Document | undefined;
    if (!a || !b || (other as Obj)[RUBY_OBJECT as any] !== DOCUMENT_HOOKS) return null;
    return compareDocuments(a, b);
  },
};

/**
 * A page's `page` is a Hash, written as one; inside an array it is the Page (Page#inspect), which
 * `{{ site.html_pages }}` or `{{ site.pages | where: … }}` write by Convertible#to_s: the page's
 * content as it is now (its source before it renders, its HTML once converted).
 */
const PAGE_HOOKS: RubyObjectHooks = {
  rawInArrays: true,
  rawToS(this: Obj): string {
    return String(((this as Obj)[ITEM as any] as Page).content ?? "");
  },
  objectInspect(this: Obj): string {
    const page = this[ITEM as any] as Page;
    // Generated pages are plugin classes (PageWithoutAFile, RedirectPage…): no one name to give.
    if (page.generated) return inspect(this);
    return `#<Jekyll::Page @relative_path=${inspectString(page.relativePath)}>`;
  },
};

/** ExcerptDrop < DocumentDrop: the same JSON; Excerpt#to_s is `output || content`, Excerpt#inspect `#<Jekyll::Excerpt id=…>`. */
const EXCERPT_HOOKS: RubyObjectHooks = {
  hashForJson: DOCUMENT_HOOKS.hashForJson!,
  identity(this: Obj): unknown {
    return this;
  },
  toS(this: Obj): string {
    const out = this.output ?? this.content;
    return out === null || out === undefined ? "" : String(out);
  },
  objectInspect(this: Obj): string {
    return `#<Jekyll::Excerpt id=${this.id}>`;
  },
};

/**
 * SiteDrop: a Drop (no #size, Enumerable over its keys: `for k in site` yields them). Its JSON
 * (jsonify, and inspect's pretty form) is Drop#to_h, whose values are the Site's own objects, not
 * drops: a Document or Page has no to_json, so it is written as its to_s (a document's output,
 * else its content; a page's content as it is now); a StaticFile's to_json is its drop's, and a
 * collection is a CollectionDrop: both write as the drop. `{{ site }}` is Liquid::Drop#to_s.
 */
const SITE_HOOKS: RubyObjectHooks = {
  toS: () => "Jekyll::Drops::SiteDrop",
  // Liquid's == on the site drop is Object#== (identity), as on every drop.
  identity() { return this; },
  hashForJson(this: Obj): Obj {
    const h = dropToH(this);
    // (Site#documents holds the collections' static files too: those stay drops.)
    const docs = (v: unknown) => (Array.isArray(v) ? v.map((d) => (hooksOf(d as Obj) === DOCUMENT_HOOKS ? DOCUMENT_HOOKS.toS!.call(d as Obj) : d)) : v);
    // Convertible#to_s: the page's content as it is now (its HTML once it was converted).
    const pages = (v: unknown) => (Array.isArray(v) ? v.map((p) => ((p as Obj)[ITEM as any] as Page).content ?? "") : v);
    for (const k of ["posts", "documents", "related_posts"]) if (Object.hasOwn(h, k)) h[k] = docs(h[k]);
    for (const k of ["pages", "html_pages"]) if (Object.hasOwn(h, k)) h[k] = pages(h[k]);
    for (const k of ["tags", "categories"]) {
      const byName = h[k] as Obj | undefined;
      if (byName && typeof byName === "object") {
        const out: Obj = {};
        for (const name of Object.keys(byName)) out[name] = docs(byName[name]);
        h[k] = withInsertionOrder(out, Object.keys(byName));
      }
    }
    return h;
  },
};

/**
 * JekyllDrop is a plain Liquid::Drop (not a Jekyll::Drops::Drop): not Enumerable (`for` over
 * `jekyll` runs nothing, `first` is nil), no #size, and its to_s and inspect are the class name;
 * only its to_json (`jsonify`) writes version and environment.
 */
const JEKYLL_DROP_HOOKS: RubyObjectHooks = {
  unsized: true,
  identity() { return this; },
  opaque: true,
  toS: () => "Jekyll::Drops::JekyllDrop",
  objectInspect: () => "Jekyll::Drops::JekyllDrop",
};

/**
 * ThemeDrop (the payload's `theme`): a Drop, so `{{ theme }}` is its class name, `size` gives 0 and
 * its JSON and `inspect` are its keys' values, the dependencies written as their to_s.
 */
const THEME_HOOKS: RubyObjectHooks = {
  identity() { return this; },
  hashForJson(this: Obj): Obj {
    const h = dropToH(this);
    if (Array.isArray(h.dependencies)) h.dependencies = h.dependencies.map(String);
    return h;
  },
  toS: () => "Jekyll::Drops::ThemeDrop",
};

/**
 * A Gem::Dependency (`theme.dependencies`): prints as its to_s (`jekyll-feed (~> 0.9)`), which is
 * also what JSON writes (the generator's to_s of an object without to_json); `inspect` shows it
 * as RubyGems does. Its own methods are not Liquid's: a lookup on it gives nil here (Jekyll stops,
 * Gem::Dependency having no to_liquid).
 */
class GemDependencyValue extends LiquidDrop implements RubyPrintable {
  readonly #text: string;
  readonly #inspected: string;
  constructor(dep: GemDependency) {
    super();
    const requirement = dep.requirements.join(", ");
    this.#text = `${dep.name} (${requirement})`;
    this.#inspected = `<Gem::Dependency type=:runtime name=${inspectString(dep.name)} requirements=${inspectString(requirement)}>`;
  }
  rubyToS(): string {
    return this.#text;
  }
  rubyInspect(): string {
    return this.#inspected;
  }
  override valueOf(): string {
    return this.#text;
  }
  override toString(): string {
    return this.#text;
  }
}

/**
 * CollectionDrop#to_h as JSON and `inspect` write it: its documents are Document objects there,
 * not drops, and a Document without #to_json is written as its to_s (the output, else the
 * content); its static files as their drops (StaticFile delegates to_json to its drop: Jekyll
 * 4.3.1, measured with a collection file). `{{ collection }}` is CollectionDrop#to_s,
 * docs.to_s (Array#inspect of the Documents).
 */
const COLLECTION_HOOKS: RubyObjectHooks = {
  identity() { return this; },
  hashForJson(this: Obj): Obj {
    const h = dropToH(this);
    if (Array.isArray(h.docs)) h.docs = h.docs.map((doc) => DOCUMENT_HOOKS.toS!.call(doc as Obj));
    return h;
  },
  toS(this: Obj): string {
    return inspect(this.docs);
  },
};

/**
 * A heap address in the form Ruby writes one (`0x00007f` then ten hex digits, a multiple of 8),
 * made up from `key` so that the same object reads the same in every build.
 */
function madeUpAddress(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `0x00007f${(h * 8).toString(16).padStart(10, "0").slice(-10)}`;
}

/** StaticFileDrop: Drop#to_h as it is (no neighbours); in an array, StaticFile#inspect. */
const STATIC_HOOKS: RubyObjectHooks = {
  hashForJson(this: Obj): Obj {
    return dropToH(this);
  },
  identity(this: Obj): unknown {
    return this[ITEM as any];
  },
  rawInArrays: true,
  // StaticFileDrop has no to_s of its own: Liquid::Drop#to_s, the class name (`{{ file }}`, `join`).
  toS: () => "Jekyll::Drops::StaticFileDrop",
  // The StaticFile itself, as `{{ site.static_files }}` writes each element (render_obj_to_output,
  // no to_liquid): StaticFile has no to_s, so Ruby's Object#to_s, `#<Jekyll::StaticFile:0x…>`,
  // whose address is the object's place in the heap, different in every Jekyll process. This one
  // is made up in the same form from the file's path (as operators.ts does for MethodLiteral).
  rawToS(this: Obj): string {
    return `#<Jekyll::StaticFile:${madeUpAddress(String(this.path))}>`;
  },
  objectInspect(this: Obj): string {
    return `#<Jekyll::StaticFile @relative_path=${inspectString(String(this.path))}>`;
  },
};

export class Drops {
  private readonly docDrops = new WeakMap<Document, Obj>();
  private readonly pageDrops = new WeakMap<Page, Obj>();
  private readonly staticDrops = new WeakMap<StaticFile, Obj>();
  private readonly excerptDrops = new WeakMap<Excerpt, Obj>();
  private siteDropCache: Obj | undefined;
  /** The document being rendered: `site.related_posts` depends on it. */
  current: Page | Document | Excerpt | null = null;
  readonly jekyll: Obj;

  constructor(
    private readonly site: Site,
    private readonly ctx: DropContext,
  ) {
    const environment = process.env.JEKYLL_ENV || "development";
    this.jekyll = { version: JEKYLL_VERSION, environment };
    Object.defineProperty(this.jekyll, RUBY_OBJECT, { value: JEKYLL_DROP_HOOKS });
  }

  private track(token: string): void {
    this.site.dependencyTracker?.(token);
  }

  document(doc: Document): Obj {
    let d = this.docDrops.get(doc);
    if (d) return d;
    const keys = Object.keys(doc.data).filter((k) => k !== "excerpt");
    const sig = keysSignature(keys);
    let descriptors = this.docDescriptors.get(sig);
    if (!descriptors) {
      descriptors = descriptorsFor(keys, (k) => fieldGetter("data", k), this.documentGetters(), {
        toJSON: { value: dropToJSON, enumerable: false },
        toString: { value: DOCUMENT_HOOKS.toS, enumerable: false },
        [RUBY_OBJECT]: { value: DOCUMENT_HOOKS, enumerable: false },
        [CONTENT_METHODS]: { value: Object.keys(this.documentGetters()), enumerable: false, configurable: true },
      }, true, true);
      this.docDescriptors.set(sig, descriptors);
    }
    d = makeDrop(doc, descriptors);
    this.docDrops.set(doc, d);
    return d;
  }

  private readonly docDescriptors = new Map<string, PropertyDescriptorMap>();
  private docGetters: Record<string, Getter> | undefined;

  /** The document drop's own keys, in Jekyll's order; `this` is the drop (or its neighbour view). */
  private documentGetters(): Record<string, Getter> {
    if (this.docGetters) return this.docGetters;
    const drops = this;
    const item = (drop: Obj) => drop[ITEM as any] as Document;
    // Another document's content or output depends on whether it was rendered yet (Jekyll's
    // render order); parallel rendering needs to know when a page reads one.
    const otherContent = (doc: Document) => {
      if (drops.current === doc) return;
      drops.track(OTHER_CONTENT);
      drops.track(`content:${doc.collection.label}`);
    };
    // No neighbour is a fact about the collection too: one may be added later.
    const none = (doc: Document) => { drops.track(`collection:${doc.collection.label}`); return null; };
    // In DocumentDrop#keys order as Jekyll 4.3.1 lists them (Ruby's method table order, measured);
    // the front matter keys that are not among them follow.
    this.docGetters = {
      name() { const doc = item(this); return doc.data.name ?? doc.basename; },
      id() { return item(this).id; },
      relative_path() { return item(this).relativePath; },
      excerpt() {
        const doc = item(this);
        if (drops.current !== doc) drops.track(`content:${doc.collection.label}`);
        // DocumentDrop#excerpt is `data["excerpt"].to_s`, and generate_excerpt's `||=` replaces
        // only nil and false with the generated excerpt: `excerpt: [x]` is its inspect `["x"]`,
        // `excerpt: false` the generated one (or "false" when the separator is empty).
        const e = doc.data.excerpt;
        if (truthy(e)) return toS(e);
        return doc.excerpt ? drops.ctx.excerptOutput(doc.excerpt) : toS(e);
      },
      title() { return item(this).data.title; },
      categories() { return item(this).data.categories; },
      collection() { return item(this).collection.label; },
      next() { const doc = item(this); return doc.nextDoc ? drops.neighbour(doc.nextDoc) : none(doc); },
      tags() { return item(this).data.tags; },
      previous() { const doc = item(this); return doc.previousDoc ? drops.neighbour(doc.previousDoc) : none(doc); },
      content() { const doc = item(this); otherContent(doc); return doc.content; },
      output() { const doc = item(this); otherContent(doc); return doc.output; },
      path() { return item(this).relativePath; },
      url() { return item(this).url; },
      date() { return item(this).date; },
    };
    return this.docGetters;
  }

  /**
   * `page.next` / `page.previous`: the neighbour's drop, recording a dependency on the collection
   * only when one of its values is read. liquidjs probes every value for `.next` (is it an
   * iterator?), which would otherwise make every document depend on its whole collection.
   */
  private neighbour(doc: Document): Obj {
    let view = this.neighbourViews.get(doc);
    if (!view) {
      const token = `collection:${doc.collection.label}`;
      view = new Proxy(this.document(doc), {
        get: (target, key) => {
          this.track(token);
          return Reflect.get(target, key);
        },
      });
      this.neighbourViews.set(doc, view);
    }
    return view;
  }

  private readonly neighbourViews = new WeakMap<Document, Obj>();

  /**
   * Forgets an item's drop, so the next one shows the keys its data has now (a drop's keys are
   * fixed when it is made; Jekyll's read the data at each lookup). For plugins that add keys.
   */
  forget(item: Page | Document): void {
    if (item.kind === "page") {
      this.pageDrops.delete(item);
      item.refreshLiquidData();
    } else {
      this.docDrops.delete(item);
      this.neighbourViews.delete(item);
    }
  }

  /**
   * The payload's `theme` (UnifiedPayloadDrop#theme, Jekyll 4.3): a ThemeDrop of the site's gem
   * theme, nil without one. Its keys, in Drop#keys order: the gemspec's version and metadata, the
   * gem's folder, its runtime dependencies (Gem::Dependency objects), authors joined with ", ",
   * and the description, else the summary. (`theme.name` is nil: ThemeDrop has no such method.)
   * Themes that are not installed gems (node_modules, downloads) get none here.
   */
  themeDrop(): Obj | null {
    if (this.themeCache !== undefined) return this.themeCache;
    const theme = this.site.theme;
    const facts = theme?.gemspecFacts;
    if (!theme || !facts) return (this.themeCache = null);
    const d: Obj = {
      version: facts.version,
      metadata: { ...facts.metadata },
      root: theme.root,
      dependencies: facts.dependencies.map((dep) => new GemDependencyValue(dep)),
      authors: facts.authors.join(", "),
      description: facts.description ?? facts.summary,
    };
    addEnumerableMethods(d);
    Object.defineProperty(d, RUBY_OBJECT, { value: THEME_HOOKS });
    return (this.themeCache = d);
  }

  private themeCache: Obj | null | undefined;

  excerpt(excerpt: Excerpt): Obj {
    let d = this.excerptDrops.get(excerpt);
    if (d) return d;
    if (excerpt.doc.kind === "page") {
      // PageExcerpt#to_liquid is the page's own hash without what Page#excerpt adds
      // (`doc.to_liquid(EXCERPT_ATTRIBUTES)`): its content, path and url are the page's.
      const pageDrop = this.page(excerpt.doc);
      d = Object.create(null) as Obj;
      for (const k of Object.keys(pageDrop)) {
        if (k !== "excerpt") defineLazy(d, k, () => pageDrop[k]);
      }
      addEnumerableMethods(d);
      this.excerptDrops.set(excerpt, d);
      return d;
    }
    const doc = excerpt.doc;
    const docDrop = this.document(doc);
    d = Object.create(null) as Obj;
    for (const k of Object.keys(docDrop)) {
      if (k === "layout") continue;
      defineLazy(d, k, () => docDrop[k]);
    }
    defineLazy(d, "content", () => excerpt.content);
    defineLazy(d, "output", () => excerpt.output);
    defineLazy(d, "excerpt", () => null);
    defineLazy(d, "layout", () => doc.data.layout);
    defineLazy(d, "id", () => `${doc.id}#excerpt`);
    defineLazy(d, "path", () => `${doc.relativePath}/#excerpt`);
    addEnumerableMethods(d);
    Object.defineProperty(d, RUBY_OBJECT, { value: EXCERPT_HOOKS });
    this.excerptDrops.set(excerpt, d);
    return d;
  }

  /** Convertible#to_liquid for pages: data with defaults, plus content, dir, excerpt, name, path, url. */
  page(page: Page): Obj {
    let d = this.pageDrops.get(page);
    if (d) return d;
    const keys = Object.keys(page.liquidData);
    const sig = `${page.ownLiquidHash ? "own" : ""}\0${keysSignature(keys)}`;
    let descriptors = this.pageDescriptors.get(sig);
    if (!descriptors) {
      descriptors = descriptorsFor(keys, (k) => fieldGetter("liquidData", k), page.ownLiquidHash ? {} : this.pageGetters(), {
        toJSON: { value: dropToJSON, enumerable: false, configurable: true },
        [RUBY_OBJECT]: { value: PAGE_HOOKS, enumerable: false, configurable: true },
      }, false, false);
      this.pageDescriptors.set(sig, descriptors);
    }
    d = inKeyOrder(makeDrop(page, descriptors), pageKeyOrder(keys, page.ownLiquidHash ? {} : this.pageGetters()));
    this.pageDrops.set(page, d);
    return d;
  }

  /**
   * The `page` a page renders with: Renderer#assign_pages! takes `document.to_liquid` (a Hash)
   * before rendering, so its `content` stays the source text even in the layouts, after the page
   * was converted (fixture plugin-toc: `{% toc %}` in a page's layout sees the raw Markdown). The
   * same page reached through `site.pages` is read when used, so it shows the converted HTML then.
   */
  renderingPage(page: Page): Obj {
    const d = this.page(page);
    const copy = makeDrop(page, Object.getOwnPropertyDescriptors(ORDERED_DROP_TARGET.get(d) ?? d));
    Object.defineProperty(copy, CONTENT_SNAPSHOT, { value: page.content, configurable: true });
    return ORDERED_DROP_TARGET.has(d) ? inKeyOrder(copy, Object.keys(d)) : copy;
  }

  private readonly pageDescriptors = new Map<string, PropertyDescriptorMap>();
  private pageGettersCache: Record<string, Getter> | undefined;

  private pageGetters(): Record<string, Getter> {
    if (this.pageGettersCache) return this.pageGettersCache;
    const drops = this;
    const item = (drop: Obj) => drop[ITEM as any] as Page;
    this.pageGettersCache = {
      content() {
        if (Object.hasOwn(this, CONTENT_SNAPSHOT)) return this[CONTENT_SNAPSHOT as any];
        const page = item(this);
        if (drops.current !== page) drops.track("content:pages");
        return page.content;
      },
      dir() { return item(this).dir; },
      // Page#excerpt: `data["excerpt"] ? data["excerpt"].to_s : nil`, where the data's excerpt is the
      // generated PageExcerpt (`page_excerpts: true`), whose to_s renders it, else the front matter's
      // or a default's. A nil from it leaves the data's own value in the page's Hash (to_liquid's
      // deep merge keeps the old value over a nil): `excerpt: false` stays false.
      excerpt() {
        const page = item(this);
        page.assertExcerptRenders();
        if (page.excerpt) return drops.ctx.excerptOutput(page.excerpt);
        const own = page.data.excerpt;
        return truthy(own) ? toS(own) : own ?? null;
      },
      name() { const page = item(this); return page.liquidName ?? page.name; },
      path() { return item(this).pathForLiquid; },
      url() { return item(this).url; },
    };
    return this.pageGettersCache;
  }

  staticFile(file: StaticFile): Obj {
    let d = this.staticDrops.get(file);
    if (d) return d;
    // The fixed keys first, then front matter defaults whose names are free: not a fixed key and,
    // as the `in` test always had it, not an Object.prototype member either.
    const keys = Object.keys(file.data).filter((k) => !Object.hasOwn(STATIC_GETTERS, k) && !(k in Object.prototype));
    const sig = keysSignature(keys);
    let descriptors = this.staticDescriptors.get(sig);
    if (!descriptors) {
      descriptors = descriptorsFor(keys, (k) => fieldGetter("data", k), STATIC_GETTERS, {
        toJSON: { value: dropToJSON, enumerable: false },
        [RUBY_OBJECT]: { value: STATIC_HOOKS, enumerable: false },
        [CONTENT_METHODS]: { value: Object.keys(STATIC_GETTERS), enumerable: false, configurable: true },
      }, true, true);
      this.staticDescriptors.set(sig, descriptors);
    }
    d = makeDrop(file, descriptors);
    this.staticDrops.set(file, d);
    return d;
  }

  private readonly staticDescriptors = new Map<string, PropertyDescriptorMap>();

  item(x: Page | Document | StaticFile): Obj {
    if (x.kind === "page") return this.page(x);
    if (x.kind === "document") return this.document(x);
    return this.staticFile(x);
  }

  /**
   * CollectionDrop: its methods in Jekyll 4.3.1's order (label, files, docs, output,
   * relative_directory, directory), then the collection's metadata keys not among them
   * (`permalink`, a theme's own settings). A Drop, so `for` yields its keys.
   */
  collection(c: Collection): Obj {
    const d: Obj = {};
    defineLazy(d, "label", () => c.label);
    defineLazy(d, "files", () => c.files.map((x) => this.staticFile(x)));
    defineLazy(d, "docs", () => c.docs.map((x) => this.document(x)));
    defineLazy(d, "output", () => c.write);
    defineLazy(d, "relative_directory", () => c.relativeDirectory);
    defineLazy(d, "directory", () => c.directory);
    Object.defineProperty(d, CONTENT_METHODS, { value: Object.keys(d), configurable: true });
    for (const k of Object.keys(c.metadata)) if (!Object.hasOwn(d, k)) defineLazy(d, k, () => c.metadata[k]);
    addEnumerableMethods(d);
    Object.defineProperty(d, RUBY_OBJECT, { value: COLLECTION_HOOKS });
    return d;
  }

  /**
   * Site#post_attr_hash: tag/category → posts, newest first, keys in order of first appearance.
   * The keys are the values themselves, of any class: `tags: [2019, true]` keeps an Integer and a
   * boolean (populate_tags does not to_s them), and `categories: [blog, 2020]` gives both 2020 and
   * "2020" (populate_categories unions the raw list with its to_s'd copy), each listing the post.
   */
  private postAttrHash(attr: "tags" | "categories"): Obj {
    // The lists as the build first made them (Site#postAttrLists: 2020, 2020.0 and "2020" are three keys).
    const { hash, names } = rubyKeyedHash(this.site.postAttrLists(attr).map(([k, list]) => [k, list.map((p) => this.document(p))] as const));
    // Site#post_attr_hash's `Hash.new { |h, key| h[key] = [] }`: indexing it with a tag it does not
    // have (`site.tags | map: "name"` indexes the hash itself) adds that tag, with no posts, for
    // the rest of the build (Jekyll memoizes the hash per build). Later pages see it, so the page
    // that adds it is one the ones after it depend on, as for reading another page's content.
    const grow = (key: unknown) => this.growPostAttrHash(ordered, key);
    Object.defineProperty(hash, RUBY_OBJECT, { value: { defaultValue: grow }, configurable: true });
    // A Ruby hash: tags in the order the posts brought them, a year tag (`2023`) included.
    const ordered = withInsertionOrder(hash, names, true);
    shareRubyKeys(hash, ordered);
    return ordered;
  }

  /** post_attr_hash's default block: `h[key] = []`. */
  private growPostAttrHash(hash: Obj, key: unknown): unknown[] {
    this.track(OTHER_CONTENT);
    const value: unknown[] = [];
    // (A String whose name a key of another class holds, as "2020" beside the Integer 2020, is
    // answered but not added: the hash cannot hold both under one name.)
    const jsKey = nameRubyKey(hash, key);
    if (jsKey !== undefined) hash[jsKey] = value;
    return value;
  }

  /** The `site` variable: every config key, plus the site's contents. */
  siteDrop(): Obj {
    if (this.siteDropCache) return this.siteDropCache;
    const site = this.site;
    const d: Obj = {};
    const once = <T>(fn: () => T) => {
      let v: T | undefined;
      let done = false;
      return () => {
        if (!done) { v = fn(); done = true; }
        return v;
      };
    };
    const tracked = <T>(token: string, fn: () => T) => () => { this.track(token); return fn(); };
    // site.pages grows while pages render (a stylesheet's source map page is appended when it is
    // converted, as jekyll-sass-converter does): a listing rendered later sees it, one rendered
    // earlier does not. So these two lists are worked out again when the array has grown.
    const whilePagesUnchanged = <T>(fn: () => T) => {
      let v: T | undefined;
      let length = -1;
      return () => {
        if (length !== site.pages.length) { v = fn(); length = site.pages.length; }
        return v;
      };
    };
    // Drop#keys: SiteDrop's methods in Jekyll 4.3.1's order (Ruby's method table, measured with
    // `{% for k in site %}`), then the config keys not among them, in the config's order.
    // SiteDrop#posts is `posts.docs.sort { |a, b| b <=> a }`, sorted again when a template first
    // asks for it, not the read-time order reversed: a draft whose date came from its file's mtime
    // after the reader sorted (with `future: true` nothing asks a draft for its date while reading,
    // so the reader placed it by path) takes its place by date here, as in Jekyll.
    defineLazy(d, "posts", tracked("collection:posts", once(() => rubySort(site.posts.docs, (a, b) => compareDocuments(b, a)).map((p) => this.document(p)))));
    defineLazy(d, "time", () => site.time);
    defineLazy(d, "html_pages", tracked("pages", whilePagesUnchanged(() => site.pages.filter((p) => p.isHtml || p.url.endsWith("/")).map((p) => this.page(p)))));
    // SiteDrop#config is nil, so that `{{ site.config }}` shows no settings.
    defineLazy(d, "config", () => null);
    defineLazy(d, "documents", tracked("documents", once(() => site.documents.map((x) => this.item(x)))));
    defineLazy(d, "pages", tracked("pages", whilePagesUnchanged(() => site.pages.map((p) => this.page(p)))));
    defineLazy(d, "data", tracked("data", () => site.config.data ?? site.data));
    defineLazy(d, "categories", tracked("collection:posts", once(() => this.postAttrHash("categories"))));
    defineLazy(d, "related_posts", () => {
      this.track("collection:posts");
      const cur = this.current;
      if (!cur || cur.kind !== "document") return null;
      return this.relatedPosts(cur);
    });
    defineLazy(d, "tags", tracked("collection:posts", once(() => this.postAttrHash("tags"))));
    defineLazy(d, "static_files", tracked("static", once(() => site.staticFiles.map((f) => this.staticFile(f)))));
    defineLazy(d, "collections", tracked("documents", once(() => [...site.collections.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)).map((c) => this.collection(c)))));
    const order = Object.keys(d);
    Object.defineProperty(d, CONTENT_METHODS, { value: order.slice(), configurable: true });
    for (const k of orderedKeys(site.config)) {
      if (Object.hasOwn(d, k)) continue;
      // The Markdown converter's setup fills in `kramdown` when it first converts (setUpKramdownConfig
      // in build.ts): what a page sees depends on what was rendered before it. A setting a plugin
      // made lazy (jekyll-github-metadata's fallbacks) is read when used.
      const getter = Object.getOwnPropertyDescriptor(site.config, k)?.get;
      if (k === "kramdown") defineLazy(d, k, tracked(OTHER_CONTENT, tracked(KRAMDOWN_CONFIG, () => site.config.kramdown)));
      else if (getter) defineLazy(d, k, () => getter.call(site.config));
      // `source` and `destination` print as written, as in Jekyll (config/as-written.ts).
      else if (k === "source" || k === "destination") d[k] = asWritten(site.config, k);
      else d[k] = site.config[k];
      order.push(k);
    }
    // SiteDrop#[] gives a collection's documents for its label (posts aside) before anything else,
    // but Drop#keys does not list the labels: a label is a key only where the config has one.
    for (const c of site.collections.values()) {
      if (c.label === "posts") continue;
      const listed = Object.prototype.propertyIsEnumerable.call(d, c.label);
      defineLazy(d, c.label, tracked(`collection:${c.label}`, once(() => c.docs.map((x) => this.document(x)))), listed);
    }
    addEnumerableMethods(d);
    // (configurable, as a Proxy's key list may leave out only configurable properties)
    Object.defineProperty(d, RUBY_OBJECT, { value: SITE_HOOKS, configurable: true });
    // A config key that reads as an array index (`2024:`) stays in its place, as in Ruby's Hash.
    this.siteDropCache = withInsertionOrder(d, order);
    return this.siteDropCache;
  }

  /** RelatedPosts#most_recent_posts (no LSI): the ten newest other posts. */
  private relatedPosts(doc: Document): Obj[] {
    const docs = this.site.posts.docs;
    if (docs.length <= 1) return [];
    return docs.slice(-11).reverse().filter((p) => p !== doc).slice(0, 10).map((p) => this.document(p));
  }

  /** Layout data for `layout.*`: a child layout's keys win over its parents'. */
  static mergeLayoutData(layoutData: Obj, current: Obj | null): Obj {
    return deepMerge(layoutData, current ?? {});
  }
}
