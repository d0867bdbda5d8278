// HTML fragments parsed as libxml2's HTML 4 parser parses them inside <body> (Nokogiri's
// HTML::DocumentFragment.parse, which html-pipeline uses). Its rules differ from HTML5's:
//  - no tree fixing beyond its own tables: no <tbody> is added, nothing is foster-parented, a
//    <div> may sit in a <span>; a start tag closes the open element only when libxml2's
//    htmlStartClose table says so (START_CLOSES: `<p>` closes an open `<p>`, `<li>` an `<li>`…),
//    and then again for the next open element;
//  - an end tag closes the elements above its match unless one of them has a higher end
//    priority (div 150, td/th 160, tr 170, thead/tbody/tfoot 180, table 190, others 100); an end
//    tag with no open match is dropped;
//  - names are lower-cased; a `/>` ends the element at once; void elements have no content;
//  - `&name;` decodes only for libxml2's HTML 4 entities and only with the `;`; numeric
//    references decode with or without it; anything else stays literal text;
//  - <script> and <style> content is raw text; <title> and <textarea> are parsed as markup;
//  - DOCTYPEs and processing instructions inside the body are dropped; whitespace is kept.
import { element, type HElement, type HNode } from "./dom.js";
import { EMPTY, ENTITIES, START_CLOSES } from "./tables.js";

const END_PRIORITY: Record<string, number> = {
  div: 150, td: 160, th: 160, tr: 170, thead: 180, tbody: 180, tfoot: 180, table: 190, head: 200, body: 200, html: 220,
};
const priority = (name: string) => END_PRIORITY[name] ?? 100;
const RAW_TEXT = new Set(["script", "style"]);
/** Tags of the document's frame, ignored inside a body fragment. */
const FRAME_TAGS = new Set(["html", "head", "body"]);
const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[A-Za-z0-9_:.-]/;

function codePoint(n: number): string {
  // libxml2 rejects code points outside Unicode and NUL; they vanish.
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff) return "";
  return String.fromCodePoint(n);
}

/** Decodes character references as libxml2's HTML parser does. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);)/g, (m, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
    if (dec !== undefined) return codePoint(Number.parseInt(dec, 10));
    const cp = ENTITIES[name!];
    return cp === undefined ? m : String.fromCodePoint(cp);
  });
}

class TreeBuilder {
  readonly root: HElement;
  private readonly stack: HElement[];

  constructor(contextName: string) {
    this.root = element(contextName);
    this.stack = [this.root];
  }

  private get current(): HElement {
    return this.stack[this.stack.length - 1]!;
  }

  text(value: string): void {
    if (value === "") return;
    const cur = this.current;
    const last = cur.children[cur.children.length - 1];
    if (last && last.type === "text") last.value += value;
    else cur.children.push({ type: "text", value, parent: cur });
  }

  comment(value: string): void {
    const cur = this.current;
    cur.children.push({ type: "comment", value, parent: cur });
  }

  start(name: string, attrs: Array<[string, string | null]>, selfClosing: boolean): HElement | null {
    if (FRAME_TAGS.has(name)) return null;
    const closes = START_CLOSES[name];
    while (closes && this.stack.length > 1 && closes.includes(this.current.name)) this.stack.pop();
    const el = element(name, attrs, this.current);
    this.current.children.push(el);
    if (!EMPTY.has(name) && !selfClosing) this.stack.push(el);
    return el;
  }

  end(name: string): void {
    if (FRAME_TAGS.has(name)) return;
    const p = priority(name);
    let i = this.stack.length - 1;
    for (; i >= 1; i--) {
      const open = this.stack[i]!.name;
      if (open === name) break;
      // A misplaced end tag only closes elements of lower or equal priority.
      if (priority(open) > p) return;
    }
    if (i < 1) return;
    this.stack.length = i;
  }
}

/** Parses `html` as the content of a `contextName` element (default: body); returns that element. */
export function parseFragment(html: string, contextName = "body"): HElement {
  const b = new TreeBuilder(contextName);
  const n = html.length;
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) b.text(decodeEntities(html.slice(textStart, end)));
  };
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    i = lt;
    const next = html[i + 1] ?? "";
    if (html.startsWith("<!--", i)) {
      flushText(i);
      const close = html.indexOf("-->", i + 4);
      const end = close < 0 ? n : close;
      b.comment(html.slice(i + 4, end));
      i = close < 0 ? n : close + 3;
      textStart = i;
      continue;
    }
    if (next === "!" || next === "?") {
      // DOCTYPE or processing instruction: dropped inside a body.
      flushText(i);
      const close = html.indexOf(">", i);
      i = close < 0 ? n : close + 1;
      textStart = i;
      continue;
    }
    if (next === "/" && NAME_START.test(html[i + 2] ?? "")) {
      flushText(i);
      let j = i + 2;
      while (j < n && NAME_CHAR.test(html[j]!)) j++;
      const name = html.slice(i + 2, j).toLowerCase();
      const close = html.indexOf(">", j);
      i = close < 0 ? n : close + 1;
      textStart = i;
      b.end(name);
      continue;
    }
    if (!NAME_START.test(next)) {
      // A `<` that starts no tag is text.
      i += 1;
      continue;
    }
    flushText(i);
    let j = i + 1;
    while (j < n && NAME_CHAR.test(html[j]!)) j++;
    const name = html.slice(i + 1, j).toLowerCase();
    const attrs: Array<[string, string | null]> = [];
    const seen = new Set<string>();
    let selfClosing = false;
    for (;;) {
      while (j < n && /\s/.test(html[j]!)) j++;
      if (j >= n) break;
      const c = html[j]!;
      if (c === ">") { j++; break; }
      if (c === "/" && html[j + 1] === ">") { selfClosing = true; j += 2; break; }
      if (!NAME_START.test(c)) { j++; continue; }
      let k = j;
      while (k < n && NAME_CHAR.test(html[k]!)) k++;
      const attrName = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && /\s/.test(html[j]!)) j++;
      let value: string | null = null;
      if (html[j] === "=") {
        j++;
        while (j < n && /\s/.test(html[j]!)) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const close = html.indexOf(q, j + 1);
          const end = close < 0 ? n : close;
          value = decodeEntities(html.slice(j + 1, end));
          j = close < 0 ? n : close + 1;
        } else {
          let k2 = j;
          while (k2 < n && !/[\s>]/.test(html[k2]!)) k2++;
          value = decodeEntities(html.slice(j, k2));
          j = k2;
        }
      }
      // A repeated attribute keeps its first value.
      if (!seen.has(attrName)) { seen.add(attrName); attrs.push([attrName, value]); }
    }
    i = j;
    textStart = i;
    const el = b.start(name, attrs, selfClosing);
    if (el && RAW_TEXT.has(name) && !selfClosing) {
      const re = new RegExp(`</${name}`, "ig");
      re.lastIndex = i;
      const m = re.exec(html);
      const end = m ? m.index : n;
      if (end > i) el.children.push({ type: "text", value: html.slice(i, end), parent: el });
      i = end;
      textStart = i;
    }
  }
  flushText(n);
  return b.root;
}

export type { HNode };
