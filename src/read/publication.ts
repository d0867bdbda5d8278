// A BibTeX entry as data for templates: the fields jekyll-scholar gives a bibliography template
// as `entry` (key, type, bibtex, every field as text, `author_array` with first/last/prefix/suffix
// per name), plus the fields the homepage's pub-box include reads from _data/publications.yml
// (title, url, authors, date, venue, venue_badge, venue_icon, excerpt, image, image_alt,
// image_url, arxiv, doi, code, project, pdf), so a .bib file can stand in for that YAML.
//
// Where a pub-box field comes from, first match wins:
//   a field of that very name in the entry (custom fields: `image`, `venue`, `excerpt`…);
//   image        thumbnail, preview (al-folio: a file name under /assets/img/publication_preview/)
//   venue_badge  abbr (al-folio)
//   excerpt      abstract
//   arxiv        arxiv (al-folio), eprint when archiveprefix/eprinttype is arXiv
//   project      html, website (al-folio)
//   pdf          pdf (al-folio: a bare file name is under /assets/pdf/)
//   url          url, then the arXiv abstract page, then the DOI's page
//   authors      the names, "First von Last, Jr"; a name written with a trailing "*" (equal
//                contribution) keeps it
//   date         "Mon YYYY" from month and year (or the year alone)
//   venue        journal, booktitle, publisher/institution for reports; else "Technical Report"
//                (techreport), "PhD Thesis"…, "Preprint" (an arXiv eprint)
//   venue_icon   a book for articles and proceedings, a page otherwise
import type { BibEntry, BibName } from "./bibtex.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const BOOKISH = new Set(["article", "inproceedings", "conference", "incollection", "inbook", "book", "proceedings"]);
const TYPE_VENUES: Record<string, string> = {
  techreport: "Technical Report", phdthesis: "PhD Thesis", mastersthesis: "Master's Thesis", thesis: "Thesis",
  unpublished: "Unpublished", manual: "Manual", misc: "Preprint",
};

export function displayName(n: BibName): string {
  const main = [n.first, n.prefix, n.last].filter(Boolean).join(" ");
  return n.suffix ? `${main}, ${n.suffix}` : main;
}

function arxivId(f: Record<string, string>): string | undefined {
  if (f.arxiv) return f.arxiv.replace(/^arxiv:/i, "");
  const archive = (f.archiveprefix ?? f.eprinttype ?? "").toLowerCase();
  if (f.eprint && archive === "arxiv") return f.eprint.replace(/^arxiv:/i, "");
  return undefined;
}

function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith("/");
}

/**
 * The template data for one entry (see the table above). For site.data the pub-box fields win
 * (`pdf` becomes a path, `doi` loses a resolver prefix…); for jekyll-scholar's `entry`
 * (`fieldsFirst`) every field stays as the .bib has it, as jekyll-scholar gives it, and the
 * pub-box fields only fill in names the entry does not use.
 */
export function publicationData(entry: BibEntry, fieldsFirst = false): Record<string, unknown> {
  const f = entry.fields;
  const data: Record<string, unknown> = { key: entry.key, type: entry.type, bibtex: entry.source };
  // jekyll-scholar's liquidify: every field as text, and per name list `<field>_array` and the
  // flat `<field>_<i>_<part>` keys.
  for (const [name, value] of Object.entries(f)) data[name] = value;
  for (const [name, list] of Object.entries(entry.names)) {
    data[`${name}_array`] = list.map((n) => ({ first: n.first, last: n.last, prefix: n.prefix, suffix: n.suffix }));
    list.forEach((n, i) => {
      for (const part of ["first", "last", "prefix", "suffix"] as const) if (n[part]) data[`${name}_${i}_${part}`] = n[part];
    });
  }

  const arxiv = arxivId(f);
  const doi = f.doi?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, "");
  const isoDate = f.date && /^\d{4}(-\d\d){0,2}$/.test(f.date) ? f.date : undefined;
  const month = Number.parseInt(f.month ?? isoDate?.slice(5, 7) ?? "", 10);
  const year = f.year ?? (f.date ? f.date.slice(0, 4) : undefined);
  let image = f.image ?? f.thumbnail ?? f.preview;
  if (image && !f.image && !f.thumbnail && !isUrl(image)) image = `/assets/img/publication_preview/${image}`;
  let pdf = f.pdf;
  if (pdf && !isUrl(pdf) && !pdf.includes("/")) pdf = `/assets/pdf/${pdf}`;
  const venue = f.venue ?? f.journal ?? f.booktitle
    ?? (entry.type === "techreport" ? (f.institution ? `${TYPE_VENUES.techreport}, ${f.institution}` : TYPE_VENUES.techreport) : undefined)
    ?? (entry.type === "misc" && !arxiv ? (f.howpublished ?? f.publisher) : undefined)
    ?? TYPE_VENUES[entry.type];

  const derived: Record<string, unknown> = {
    title: f.title,
    url: f.url ?? (arxiv ? `https://arxiv.org/abs/${arxiv}` : doi ? `https://doi.org/${doi}` : undefined),
    authors: (entry.names.author ?? entry.names.editor ?? []).map(displayName),
    date: f.date && !isoDate ? f.date
      : year ? (month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${year}` : year) : undefined,
    venue,
    venue_badge: f.venue_badge ?? f.abbr,
    venue_icon: f.venue_icon ?? (BOOKISH.has(entry.type) ? "fa fa-book" : "fa fa-file-alt"),
    excerpt: f.excerpt ?? f.abstract,
    image,
    image_alt: f.image_alt ?? f.thumbnail_alt,
    image_url: f.image_url,
    arxiv,
    doi,
    code: f.code,
    project: f.project ?? f.html ?? f.website,
    pdf,
  };
  for (const [k, v] of Object.entries(derived)) {
    if (fieldsFirst && Object.prototype.hasOwnProperty.call(data, k)) continue;
    if (v === undefined) delete data[k];
    else data[k] = v;
  }
  return data;
}
