// Regenerating a document's excerpt after a plugin rewrote its content (jekyll-titles-from-headings
// `strip_title`, jekyll-relative-links), as those plugins do with `Jekyll::Excerpt.new(doc)`.
//
// Jekyll's Excerpt#extract_excerpt: the text before the separator, with open Liquid blocks closed
// and the link reference definitions it uses appended. This repeats what src/site/document.ts
// does when reading (its extractExcerpt is not exported); keep the two in step.
import { Excerpt, type Document } from "../../site/document.js";

const LIQUID_TAG = /{%-?\s*(\w+)\s*.*?-?%}/gs;
const LINK_REF = /^ {0,3}(?:(\[[^\]]+\])(:.+))$/gm;
const LIQUID_BLOCKS = new Set(["if", "unless", "for", "case", "capture", "comment", "raw", "tablerow", "highlight", "ifchanged"]);

export function extractExcerpt(content: string, separator: string): string {
  const idx = content.indexOf(separator);
  if (idx < 0) return content;
  let head = content.slice(0, idx);
  const tail = content.slice(idx + separator.length);
  if (tail === "") return head;
  if (head.includes("{%")) {
    const names = [...head.matchAll(LIQUID_TAG)].map((m) => m[1]!);
    for (const name of names.reverse()) {
      if (!LIQUID_BLOCKS.has(name)) continue;
      if (new RegExp(`{%-?\\s*end${name}.*?\\s*-?%}`, "s").test(head)) continue;
      head += `\n{% end${name} %}`;
    }
  }
  const defs: string[] = [];
  for (const m of tail.matchAll(LINK_REF)) if (head.includes(m[1]!)) defs.push(m[1]! + m[2]!);
  return defs.length === 0 ? head : `${head}\n\n${defs.join("\n")}`;
}

/** Replaces the document's excerpt with one made from its current content (when it generates one). */
export function regenerateExcerpt(doc: Document): void {
  const sep = doc.excerptSeparator;
  if (sep === "") return;
  doc.excerpt = new Excerpt(doc, extractExcerpt(doc.content, sep));
}

/**
 * `data["excerpt"] = Jekyll::Excerpt.new(doc) if data["excerpt"]`: a document that has an
 * excerpt — generated, or a front matter `excerpt:` — gets a fresh generated one.
 */
export function replaceExcerpt(doc: Document): void {
  const fromFrontMatter = doc.data.excerpt !== undefined && doc.data.excerpt !== null && doc.data.excerpt !== false;
  if (!doc.excerpt && !fromFrontMatter) return;
  delete doc.data.excerpt;
  doc.excerpt = new Excerpt(doc, extractExcerpt(doc.content, doc.excerptSeparator));
}
