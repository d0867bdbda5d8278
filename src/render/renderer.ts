// The render stage, in Jekyll's order (Site#render, Renderer#run): every collection's documents
// (posts first), then pages. For each: Liquid (when the content has `{{` or `{%`), then the
// converter chosen by extension, then the layout chain, innermost first.
import { BuildError } from "../errors.js";
import type { Document, Excerpt } from "../site/document.js";
import type { Layout } from "../site/layout.js";
import { Page as PageClass, type Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { flattened } from "../site/strings.js";
import { Drops, OTHER_CONTENT } from "./drops.js";
import { SHARED_COUNTERS, SharedCounters, type JekyllLiquid, type Template } from "./liquid/index.js";
import type { MarkdownConverter } from "./markdown/index.js";
import type { SassConverter } from "./sass.js";
import { nowMs } from "../clock.js";
import { toS } from "../ruby/values.js";

/** What an item's outermost layout received as `content` (Renderer#contentAfter). */
export const LAYOUT_INPUT = Symbol("layoutInput");

export interface Converters {
  markdown: MarkdownConverter;
  sass: SassConverter;
}

type Renderable = Page | Document | Excerpt;

/**
 * Which pages to render (serve --watch): the rest get their previous result back, in render
 * order, so that a page rendered later sees other pages' content exactly as a full build would.
 */
export interface RenderPlan {
  mustRender(item: Page | Document): boolean;
  /** Restores an item's converted content and output from the previous build. */
  reuse(item: Page | Document): void;
  /**
   * After rendering: what the item read (files and list tokens, see Site#dependencyTracker), and
   * what of it its content read before its layouts (`contentDependencies`), or null when the
   * content's render cannot be told apart from the layouts' (hooks, or its Liquid set variables
   * the layouts see: `increment`).
   */
  rendered?(item: Page | Document, dependencies: Set<string>, contentDependencies: Set<string> | null): void;
  /**
   * For an item that must render: its converted content from the last build, when only what its
   * layouts read has changed; its layouts alone then render around it (serve --watch).
   */
  convertedContent?(item: Page | Document): string | undefined;
  /** Between the documents and the pages (parallel rendering merges the other thread's work here). */
  beforePages?(): void;
}

export interface ProfileRow {
  file: string;
  count: number;
  bytes: number;
  ms: number;
}

export class Renderer {
  readonly drops: Drops;
  private readonly profile = new Map<string, ProfileRow>();
  profiling = false;
  /** `{% increment %}`/`{% decrement %}` counters of the current render pass (see SharedCounters). */
  private counters = new SharedCounters();
  /**
   * The `layout` value Jekyll's shared render payload holds after the items rendered so far (see
   * layoutAfter): what the next item's content sees under its own layout's keys.
   */
  private layoutLeft: Record<string, any> | null = null;
  /** layoutAfter's last answer, kept so visit() does not merge the layouts render() just merged. */
  private lastLayout: { item: Page | Document; left: Record<string, any> | null; result: ReturnType<Renderer["layoutAfter"]> } | null = null;
  /** The `content` the shared payload holds after the items rendered so far (see contentAfter). */
  private contentLeft: string | null = null;

  /**
   * `refreshDrops`: the site has plugins of its own, whose generators and hooks may change an
   * item's data after its drop was made, so each item's drop is made again when it renders.
   */
  constructor(
    private readonly site: Site,
    private readonly liquid: JekyllLiquid,
    private readonly converters: Converters,
    private readonly refreshDrops = false,
  ) {
    this.drops = new Drops(site, { excerptOutput: (e) => this.renderExcerpt(e) });
  }

  /**
   * Renders every document, then every page. `onOutput` hears of each item once its output is
   * final (the write stage starts writing it then); an item whose output is still null (rendered
   * by the other thread of a parallel build) is left for the write stage's end.
   */
  renderSite(plan?: RenderPlan, onOutput?: (item: Page | Document) => void): void {
    this.resetCounters();
    this.layoutLeft = null;
    this.contentLeft = null;
    const visit = (item: Page | Document) => {
      if (plan && !plan.mustRender(item)) plan.reuse(item);
      else this.render(item, plan);
      // Whoever rendered it (this thread, the other, or an earlier build), the payload's layout
      // after it is the same: it depends only on the item's layouts.
      const last = this.lastLayout;
      this.layoutLeft = (last && last.item === item && last.left === this.layoutLeft ? last.result : this.layoutAfter(item, this.layoutLeft)).after;
      this.lastLayout = null;
      this.contentLeft = this.contentAfter(item, this.contentLeft);
      if (onOutput && item.output !== null) onOutput(item);
    };
    for (const c of this.site.collections.values()) {
      for (const doc of c.docs) visit(doc);
    }
    plan?.beforePages?.();
    // Indexed loop: stylesheets add their source maps to site.pages while pages render.
    for (let i = 0; i < this.site.pages.length; i++) {
      const page = this.site.pages[i]!;
      if (!page.generated || page.output === null) visit(page);
    }
  }

  /**
   * Jekyll renders every document and page with one payload (Site#render), and two of its steps
   * leave `payload["layout"]` to the next item: Renderer#assign_layout_data! merges the item's
   * layout data (looked up by the raw `layout:` value, so only a String finds one) over what the
   * payload holds, and that is what the item's own Liquid sees as `layout`; #place_in_layouts
   * empties it and merges the item's layouts (the first looked up by `layout.to_s`, the parents
   * again by the raw value) one by one. So a page's content reads the previous item's layout keys
   * over its own layout's (`{{ layout.x }}` in a post shows the last post's layout x), and a page
   * without a layout reads the previous item's. Excerpts render with a payload of their own.
   * `content`: the item's content-phase `layout`; `after`: what the next item starts from.
   */
  layoutAfter(item: Page | Document, left: Record<string, any> | null): { content: Record<string, any> | null; after: Record<string, any> | null } {
    let layoutData = left;
    const name = item.data.layout;
    const own = typeof name === "string" ? this.site.layouts.get(name) : undefined;
    if (own) layoutData = Drops.mergeLayoutData(own.data, layoutData);
    const content = layoutData;
    if (item.placeInLayout) {
      layoutData = null;
      let layout = this.firstLayout(name);
      const used = new Set<Layout>();
      while (layout && !used.has(layout)) {
        used.add(layout);
        layoutData = Drops.mergeLayoutData(layout.data, layoutData);
        layout = this.parentLayout(layout);
      }
    }
    return { content, after: layoutData };
  }

  /** The payload's layout before `items[index]` when the items before it rendered elsewhere. */
  layoutBefore(items: ReadonlyArray<Page | Document>, index: number): Record<string, any> | null {
    let left: Record<string, any> | null = null;
    for (let i = 0; i < index; i++) left = this.layoutAfter(items[i]!, left).after;
    return left;
  }

  /** Sets the payload's layout the next render starts from (parallel.ts's in-order re-render). */
  startLayoutFrom(left: Record<string, any> | null): void {
    this.layoutLeft = left;
  }

  /**
   * The same shared payload keeps `content`: Renderer#render_layout sets it to what each layout
   * receives, and nothing empties it, so an item's own Liquid reads as `content` what the last
   * item placed in a layout gave its outermost layout (nil before any), and an item not placed in
   * a layout passes it on. The value is the other item's render, read at the time (see run()).
   */
  contentAfter(item: Page | Document, left: string | null): string | null {
    if (!item.placeInLayout || !this.firstLayout(item.data.layout)) return left;
    return (item as { [LAYOUT_INPUT]?: string })[LAYOUT_INPUT] ?? null;
  }

  /** The payload's `content` before `items[index]`, from what their renders kept. */
  contentBefore(items: ReadonlyArray<Page | Document>, index: number): string | null {
    let left: string | null = null;
    for (let i = 0; i < index; i++) left = this.contentAfter(items[i]!, left);
    return left;
  }

  /** Sets the payload's `content` the next render starts from (parallel.ts). */
  startContentFrom(left: string | null): void {
    this.contentLeft = left;
  }

  /**
   * Starts counting afresh. Parallel rendering calls it before redoing in order the documents from
   * the first that read others (counting is such a read: no document before it counted).
   */
  resetCounters(): void {
    this.counters = new SharedCounters();
    // A page that counts depends on every page rendered before it: parallel rendering (which
    // reads OTHER_CONTENT) then renders it and what follows in order.
    this.counters.onUse = () => this.site.dependencyTracker?.(OTHER_CONTENT);
  }

  render(item: Page | Document, plan?: RenderPlan): void {
    if (!plan?.rendered) {
      item.output = this.run(item);
      this.site.hooks.triggerItem(item, "post_render");
      return;
    }
    const deps = new Set<string>();
    if (item.path) deps.add(item.path);
    let contentDeps: Set<string> | null = null;
    this.depStack.push(deps);
    const previous = this.site.dependencyTracker;
    this.site.dependencyTracker = (t) => { for (const set of this.depStack) set.add(t); };
    try {
      item.output = this.run(item, plan, () => { contentDeps = new Set(deps); });
      this.site.hooks.triggerItem(item, "post_render");
    } finally {
      this.depStack.pop();
      this.site.dependencyTracker = previous;
    }
    plan.rendered(item, deps, contentDeps);
  }

  private readonly depStack: Array<Set<string>> = [];

  renderExcerpt(excerpt: Excerpt): string {
    if (excerpt.output !== null) return excerpt.output;
    // Excerpt#output keeps its result only once rendered: an excerpt whose own Liquid reads it
    // again (`{% for p in site.pages %}{{ p.excerpt }}{% endfor %}` in a page's first paragraph
    // under page_excerpts, or a post's in site.posts) starts over until Ruby's stack gives out,
    // and Jekyll stops with "stack level too deep". Stopped here at the first turn.
    if (this.excerptsRendering.has(excerpt)) {
      throw new BuildError("stack level too deep", {
        file: `${this.site.displayPath(excerpt.doc.path ?? excerpt.doc.relativePath)}/#excerpt`,
        hint: "The excerpt (the first paragraph, up to excerpt_separator) reads the excerpts of its own list: put the loop after the first paragraph, or give the page an `excerpt:` of its own.",
      });
    }
    this.excerptsRendering.add(excerpt);
    try {
      excerpt.output = this.run(excerpt);
    } finally {
      this.excerptsRendering.delete(excerpt);
    }
    return excerpt.output;
  }

  /** The excerpts being rendered now, outermost first (renderExcerpt). */
  private readonly excerptsRendering = new Set<Excerpt>();

  /** Jekyll's LiquidRenderer stats table (`--profile`), slowest first. */
  profileRows(): ProfileRow[] {
    return [...this.profile.values()].sort((a, b) => b.ms - a.ms);
  }

  private pageDrop(item: Renderable): Record<string, any> {
    if (item.kind === "page") return this.drops.renderingPage(item);
    if (item.kind === "document") return this.drops.document(item);
    return this.drops.excerpt(item);
  }

  /**
   * `plan` and `contentRendered` (serve's rebuilds): the plan may hand back the item's converted
   * content, and is told when the content's own render is over (before the layouts).
   */
  private run(item: Renderable, plan?: RenderPlan, contentRendered?: () => void): string {
    const isExcerpt = item.kind === "excerpt";
    const doc = isExcerpt ? item.doc : item;
    const file = doc.path ?? doc.relativePath;
    // Renderer#assign_pages! makes the page's Hash, which reads its excerpt (Page#to_liquid).
    if (doc.kind === "page" && !isExcerpt) doc.assertExcerptRenders();
    const prevCurrent = this.drops.current;
    this.drops.current = item;
    const pluginsChangeData = this.refreshDrops && !isExcerpt;
    if (pluginsChangeData) this.drops.forget(doc);
    try {
      const ext = doc.kind === "page" ? doc.ext : doc.extname;
      // Jekyll's Markdown converter sets highlighter_prefix and _suffix to "\n" (others leave them
      // nil): in a Markdown page or post, and in its layouts and includes, `{% highlight %}`'s
      // figure stands on its own lines, so kramdown sees a blank line after it.
      const around = this.site.converters.kindFor(ext) === "markdown" ? "\n" : "";
      // An excerpt renders with a payload of its own (Excerpt#output makes a new site_payload):
      // its counters start afresh and are not kept.
      const counters = isExcerpt ? new SharedCounters() : this.counters;
      const scope: Record<string | symbol, any> = {
        // Counters first: the payload's own keys win over a counter of the same name, as in Jekyll.
        ...(counters.values.size ? Object.fromEntries(counters.values) : undefined),
        [SHARED_COUNTERS]: counters,
        site: this.drops.siteDrop(),
        page: this.pageDrop(item),
        // An excerpt has no pager (Renderer#assign_pages! asks the excerpt, not its page).
        paginator: !isExcerpt && doc.kind === "page" && doc.pager ? doc.pager : null,
        jekyll: this.drops.jekyll,
        theme: this.drops.themeDrop(),
        highlighter_prefix: around,
        highlighter_suffix: around,
        content: null,
        layout: null,
      };
      const data = isExcerpt ? item.data : doc.data;
      if (isExcerpt) {
        // Excerpt#output's payload of its own: only the post's layout (by its raw `layout:`).
        const own = typeof data.layout === "string" ? this.site.layouts.get(data.layout) : undefined;
        if (own) scope.layout = Drops.mergeLayoutData(own.data, null);
      } else {
        const result = this.layoutAfter(doc, this.layoutLeft);
        // Kept only without hooks: a pre_render hook may change `layout:` before the layouts apply.
        if (this.site.hooks.empty) this.lastLayout = { item: doc, left: this.layoutLeft, result };
        scope.layout = result.content;
      }
      // `content` before the layouts: what the previous item left in the payload (contentAfter).
      // Reading it depends on another item's render: reported as OTHER_CONTENT (parallel.ts then
      // renders in order from here), during the content's own render only.
      let readingCarried = false;
      if (!isExcerpt) {
        const carried = this.contentLeft;
        Object.defineProperty(scope, "content", {
          configurable: true,
          enumerable: true,
          get: () => {
            if (readingCarried) this.site.dependencyTracker?.(OTHER_CONTENT);
            return carried;
          },
          set: (v) => Object.defineProperty(scope, "content", { value: v, writable: true, enumerable: true, configurable: true }),
        });
      }

      if (!isExcerpt && !this.site.hooks.empty) {
        const keys = pluginsChangeData && doc.kind !== "page" ? Object.keys(doc.data).join("\0") : "";
        this.site.hooks.triggerItem(doc, "pre_render", scope);
        // A pre_render hook that added keys to a document's data: its drop shows them (a
        // DocumentDrop reads the data at each lookup). Not a page's: Renderer#assign_pages! made
        // the page's Hash (Convertible#to_liquid, a copy) before the hook ran, so what the hook
        // adds to a page's data shows from its next render on, not in this one.
        if (pluginsChangeData && doc.kind !== "page" && Object.keys(doc.data).join("\0") !== keys) {
          this.drops.forget(doc);
          scope.page = this.pageDrop(item);
        }
      }
      // Without hooks, the content's render is apart from the layouts' but for what its Liquid
      // leaves in the scope; serve may then keep the converted content and render the layouts only.
      const apart = !isExcerpt && this.site.hooks.empty && contentRendered !== undefined;
      const kept = apart ? plan?.convertedContent?.(doc) : undefined;
      let output: string;
      if (kept !== undefined) {
        output = doc.content = kept;
      } else {
        const before = apart ? Object.entries(scope) : null;
        output = isExcerpt ? item.content : doc.content;
        const unrendered = output;
        const withLiquid = isExcerpt
          ? data.render_with_liquid !== false && (output.includes("{%") || output.includes("{{"))
          : doc.renderWithLiquid;
        if (withLiquid) {
          readingCarried = !isExcerpt;
          try {
            output = this.renderLiquid(output, file, isExcerpt ? 0 : doc.lineOffset, scope);
          } finally {
            readingCarried = false;
          }
        }
        // (A Markdown error's line is the file's where Liquid changed nothing.)
        output = this.convert(output, ext, file, isExcerpt ? 0 : doc.lineOffset, item, !isExcerpt && output === unrendered);
        // Kept for the rest of the build (later pages may show it): one piece, not the converter's
        // joins (site/strings.ts).
        flattened(output);
        if (isExcerpt) return output;
        doc.content = output;
        // Renderer#render_document: post_convert hooks may change the converted content.
        this.site.hooks.triggerItem(doc, "post_convert");
        output = doc.content;
        if (before && before.length === Object.keys(scope).length && before.every(([k, v]) => scope[k] === v)) contentRendered!();
      }
      if (doc.placeInLayout) output = this.placeInLayouts(output, doc, scope);
      return output;
    } finally {
      this.drops.current = prevCurrent;
    }
  }

  /** Renderer#place_in_layouts' first layout: `layouts[layout.to_s]` (`[post]` names '["post"]'). */
  private firstLayout(name: unknown): Layout | undefined {
    return this.site.layouts.get(toS(name));
  }

  /** Its parents: `site.layouts[layout.data["layout"]]`, the raw value (only a String names one). */
  private parentLayout(layout: Layout): Layout | undefined {
    const name = layout.data.layout;
    return typeof name === "string" ? this.site.layouts.get(name) : undefined;
  }

  private placeInLayouts(content: string, doc: Page | Document, scope: Record<string, any>): string {
    let layout = this.firstLayout(doc.data.layout);
    if (!layout) {
      if (doc.data.layout !== undefined && doc.data.layout !== null && doc.data.layout !== "none") {
        this.site.logger.warn("Build Warning:", `Layout '${toS(doc.data.layout)}' requested in ${doc.relativePath} does not exist.`);
      }
      return content;
    }
    const used = new Set<Layout>([layout]);
    let output = content;
    scope.layout = null;
    while (layout) {
      scope.content = output;
      scope.layout = Drops.mergeLayoutData(layout.data, scope.layout);
      this.site.dependencyTracker?.(layout.path);
      output = this.renderLiquid(layout.content, layout.path, layout.lineOffset, scope);
      const parent = this.parentLayout(layout);
      if (!parent || used.has(parent)) break;
      used.add(parent);
      layout = parent;
    }
    (doc as { [LAYOUT_INPUT]?: string })[LAYOUT_INPUT] = scope.content;
    return output;
  }

  private renderLiquid(source: string, file: string, lineOffset: number, scope: Record<string, any>): string {
    const start = this.profiling ? nowMs() : 0;
    const template: Template = this.liquid.parse(source, file, lineOffset);
    const out = this.liquid.render(template, scope);
    if (this.profiling) {
      const key = this.site.displayPath(file);
      const row = this.profile.get(key) ?? { file: key, count: 0, bytes: 0, ms: 0 };
      row.count++;
      row.bytes += Buffer.byteLength(out);
      row.ms += nowMs() - start;
      this.profile.set(key, row);
    }
    return out;
  }

  /**
   * jekyll-sass-converter's SourceMapPage: a page named `<basename>.css.map` in the stylesheet's
   * folder that shares its data, so a `permalink` of the stylesheet's places the map too, with
   * `:basename` "<basename>.css" and `:output_ext` ".map" (`/:path/:basename-:hash:output_ext` on
   * main.scss puts the CSS at `main-:hash.css` and the map at `main.css-:hash.map`).
   */
  private addSourceMap(page: Page, map: string): void {
    const name = `${page.basename}.css.map`;
    const data: Record<string, unknown> = { layout: "none", render_with_liquid: false, sitemap: false };
    if (page.data.permalink !== undefined) data.permalink = page.data.permalink;
    const mapPage = new PageClass(this.site, page.sourceDir, name, data, map, 0, null);
    mapPage.output = map;
    mapPage.generated = true;
    if (!this.site.pages.some((p) => p.url === mapPage.url)) this.site.pages.push(mapPage);
  }

  private convert(content: string, ext: string, file: string, lineOffset: number, owner?: Renderable, linesAsFile = false): string {
    const kind = this.site.converters.kindFor(ext);
    try {
      if (kind === "markdown") return this.converters.markdown.convert(content);
      if (kind === "plugin") return String(this.site.converters.pluginFor(ext)!.convert(content) ?? "");
      if (kind === "sass" || kind === "scss") {
        if (!owner || owner.kind !== "page") return this.converters.sass.convert({ source: content, syntax: kind, file, lineOffset });
        // The map's `file` and the CSS's sourceMappingURL name the source page, whatever its URL.
        const cssName = `${(owner as Page).basename}.css`;
        const out = this.converters.sass.convertPage({ source: content, syntax: kind, file, lineOffset }, cssName);
        if (out.map !== undefined) this.addSourceMap(owner, out.map);
        return out.css;
      }
      return content;
    } catch (e) {
      // (The Markdown converter's errors about the text know its line, not the file: Jekyll names
      // the file in its "Conversion error" too.)
      if (e instanceof BuildError && kind === "markdown" && e.file === undefined && e.line !== undefined) {
        throw new BuildError(e.message, { file: this.site.displayPath(file), line: linesAsFile ? lineOffset + e.line : undefined, hint: e.hint, cause: e });
      }
      if (e instanceof BuildError) throw e;
      throw new BuildError(`conversion error (${kind}): ${(e as Error).message}`, { file: this.site.displayPath(file), cause: e });
    }
  }
}
