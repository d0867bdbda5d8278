// The text of a reference and of a citation, in the APA style that is jekyll-scholar's default.
//
// jekyll-scholar formats both with citeproc-ruby and a CSL style file; build-site has no CSL
// processor, so it writes this common subset of APA 7 for any `style:` — references:
//   Authors (up to 20: "Last, F. M.", the last after "&"; more: the first 19, "…", the last).
//   (Year). Title. <i>Journal</i>, <i>volume</i>(number), pages. https://doi.org/…
//   (proceedings and chapters: "In <i>Book title</i> (pp. pages)."; books and reports: the
//   publisher or institution; an arXiv eprint without a venue: "<i>arXiv</i>. https://arxiv.org/abs/…")
// citations: "(Last, Year)", "(Last & Other, Year)", "(Last et al., Year)"; several joined by "; ".
// Sites that show entries through their own bibliography_template (al-folio does) do not see this text.
import type { BibEntry, BibName } from "../../read/bibtex.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function initials(first: string): string {
  return first.split(/\s+/).filter(Boolean)
    .map((part) => part.split("-").map((p) => (p.endsWith(".") && p.length <= 3 ? p : `${p[0]}.`)).join("-"))
    .join(" ");
}

function referenceName(n: BibName): string {
  const last = [n.prefix, n.last].filter(Boolean).join(" ");
  const given = n.first ? `, ${initials(n.first)}` : "";
  return `${last}${given}${n.suffix ? `, ${n.suffix}` : ""}`;
}

function authorList(names: BibName[]): string {
  const all = names.map(referenceName);
  if (all.length === 0) return "";
  if (all.length === 1) return all[0]!;
  if (all.length > 20) return `${all.slice(0, 19).join(", ")}, … ${all[all.length - 1]}`;
  return `${all.slice(0, -1).join(", ")}, & ${all[all.length - 1]}`;
}

const endWithPeriod = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

function year(entry: BibEntry): string {
  return entry.fields.year ?? entry.fields.date?.slice(0, 4) ?? "n.d.";
}

/** The reference's HTML (without jekyll-scholar's <span id> wrapper). */
export function apaReference(entry: BibEntry): string {
  const f = entry.fields;
  const names = entry.names.author ?? entry.names.editor ?? [];
  const parts: string[] = [];
  const who = authorList(names);
  const title = f.title ? endWithPeriod(esc(f.title)) : "";
  if (who) parts.push(`${esc(who)}${entry.names.author ? "" : " (Ed.)"} (${esc(year(entry))}).`);
  else parts.push(`(${esc(year(entry))}).`);
  const pages = f.pages?.replace(/-+/g, "–");
  if (entry.type === "article") {
    if (title) parts.push(title);
    let journal = f.journal ? `<i>${esc(f.journal)}</i>` : "";
    if (journal && f.volume) journal += `, <i>${esc(f.volume)}</i>${f.number ? `(${esc(f.number)})` : ""}`;
    if (journal && pages) journal += `, ${esc(pages)}`;
    if (journal) parts.push(`${journal}.`);
  } else if (f.booktitle) {
    if (title) parts.push(title);
    parts.push(`In <i>${esc(f.booktitle)}</i>${pages ? ` (pp. ${esc(pages)})` : ""}.`);
    if (f.publisher) parts.push(endWithPeriod(esc(f.publisher)));
  } else {
    if (f.title) parts.push(endWithPeriod(`<i>${esc(f.title)}</i>`));
    const by = f.publisher ?? f.institution ?? f.school ?? f.howpublished ?? f.organization;
    if (by) parts.push(endWithPeriod(esc(by)));
  }
  const doi = f.doi?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, "");
  const archive = (f.archiveprefix ?? f.eprinttype ?? "").toLowerCase();
  if (doi) parts.push(`https://doi.org/${esc(doi)}`);
  else if (f.eprint && archive === "arxiv" && !f.journal && !f.booktitle) parts.push(`<i>arXiv</i>. https://arxiv.org/abs/${esc(f.eprint)}`);
  else if (f.url) parts.push(esc(f.url));
  return parts.join(" ");
}

/** "Last", "Last &amp; Other", "Last et al." for a citation. */
function citationNames(names: BibName[]): string {
  const last = (n: BibName) => esc([n.prefix, n.last].filter(Boolean).join(" "));
  if (names.length === 0) return "";
  if (names.length === 1) return last(names[0]!);
  if (names.length === 2) return `${last(names[0]!)} &amp; ${last(names[1]!)}`;
  return `${last(names[0]!)} et al.`;
}

/** The citation's text for entries cited together, e.g. "(Wang et al., 2025; Peng et al., 2023)". */
export function apaCitation(entries: BibEntry[]): string {
  return `(${entries.map((e) => {
    const who = citationNames(e.names.author ?? e.names.editor ?? []) || (e.fields.title ? `<i>${esc(e.fields.title)}</i>` : esc(e.key));
    return `${who}, ${esc(year(e))}`;
  }).join("; ")})`;
}
