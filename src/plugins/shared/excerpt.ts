// Regenerating a document's excerpt after a plugin rewrote its content (jekyll-titles-from-headings
// `strip_title`, jekyll-relative-links), as those plugins do with `Jekyll::Excerpt.new(doc)`.
import { Excerpt, extractExcerpt, warnExcerptModified, type Document } from "../../site/document.js";

/** Replaces the document's excerpt with one made from its current content (when it generates one). */
export function regenerateExcerpt(doc: Document): void {
  const sep = doc.excerptSeparator;
  if (sep === "") return;
  doc.excerpt = new Excerpt(doc, extractExcerpt(doc.content, sep, () => warnExcerptModified(doc)));
}

/**
 * `data["excerpt"] = Jekyll::Excerpt.new(doc) if data["excerpt"]`: a document that has an
 * excerpt — generated, or a front matter `excerpt:` — gets a fresh generated one.
 */
export function replaceExcerpt(doc: Document): void {
  const fromFrontMatter = doc.data.excerpt !== undefined && doc.data.excerpt !== null && doc.data.excerpt !== false;
  if (!doc.excerpt && !fromFrontMatter) return;
  delete doc.data.excerpt;
  doc.excerpt = new Excerpt(doc, extractExcerpt(doc.content, doc.excerptSeparator, () => warnExcerptModified(doc)));
}
