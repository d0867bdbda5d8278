// Reading a BibTeX file into entries: keys, types, fields with LaTeX decoded to text, and names
// split into parts. The parsing and the LaTeX decoding are @retorquere/bibtex-parser's (the
// parser of Zotero's Better BibTeX: braces, accents such as {\"u} and \'{e}, math, @string
// macros, crossref); this module turns its output into plain strings and locates problems.
//
// A malformed entry stops the build with the file and the line where the entry starts, the
// parser's message and what to check. A LaTeX command the parser does not know is dropped from
// the text with a warning naming the entry (BibTeX would leave it to LaTeX).
import { parse as parseBibtexLibrary } from "@retorquere/bibtex-parser";
import { BuildError } from "../errors.js";

/** A name as BibTeX splits it (bibtex-ruby's Name: first, last, prefix = "von", suffix = "jr"). */
export interface BibName {
  first: string;
  last: string;
  prefix: string;
  suffix: string;
}

export interface BibEntry {
  key: string;
  /** Entry type, lower case (`article`, `inproceedings`…). */
  type: string;
  /** Every field, name lower case, value decoded to plain text; name lists as "Last, First and …". */
  fields: Record<string, string>;
  /** Name-list fields (author, editor…) split into names. */
  names: Record<string, BibName[]>;
  /** The entry as written in the file. */
  source: string;
  /** 1-based line of the entry's `@` in its file. */
  line: number;
}

export interface BibWarning { line: number; message: string }

// Text commands LaTeX knows that the parser does not (seen in real al-folio .bib files).
const SIMPLE_COMMANDS: Record<string, string> = {
  "\\rq": "\u2019", "\\lq": "\u2018", "\\ ": " ", "\\textquoteright": "\u2019", "\\textquoteleft": "\u2018",
  "\\slash": "/", "\\xspace": "",
};

// The parser marks up what LaTeX formats (\emph, \textbf, ^, _, \url, small caps, case
// protection) as HTML; the data holds text, so the tags it writes are taken out again.
const PARSER_MARKUP = /<\/?(?:i|b|em|strong|sup|sub|p|tt|code|span(?:\s[^<>]*)?|a(?:\s[^<>]*)?)>/g;

export function plainText(value: string): string {
  // NFC: the parser writes accents as combining marks (U+0055 U+0308 for {\"U}); composed, they
  // compare equal to the same name typed in _config.yml or a template.
  return value.replace(PARSER_MARKUP, "").replace(/\s+/g, " ").trim().normalize("NFC");
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

interface ParserCreator { name?: string; lastName?: string; firstName?: string; prefix?: string; suffix?: string }

function toName(c: ParserCreator): BibName {
  // A braced name ({Microsoft Research}) is one literal: bibtex-ruby keeps it as the last name.
  if (c.name !== undefined) return { first: "", last: plainText(c.name), prefix: "", suffix: "" };
  return { first: plainText(c.firstName ?? ""), last: plainText(c.lastName ?? ""), prefix: plainText(c.prefix ?? ""), suffix: plainText(c.suffix ?? "") };
}

/** "von Last, Jr, First", as bibtex-ruby writes a name list back (`Names#to_s`), joined by " and ". */
export function namesToString(names: BibName[]): string {
  return names.map((n) => {
    const last = [n.prefix, n.last].filter(Boolean).join(" ");
    return [last, n.suffix, n.first].filter(Boolean).join(", ");
  }).join(" and ");
}

/**
 * Parses one .bib file. `file` is the path shown in messages. Throws BuildError for the first
 * malformed entry or duplicate key; `warn` receives the LaTeX commands that were dropped.
 */
export function parseBibtex(text: string, file: string, warn: (w: BibWarning) => void = () => {}): BibEntry[] {
  const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const dropped: Array<{ key: string; tex: string }> = [];
  const library = parseBibtexLibrary(src, {
    // Titles stay as written (no sentence case), braces only protect case, which is kept anyway.
    english: false,
    sentenceCase: false,
    unsupported: (_node: unknown, tex: string, entry: { key?: string }) => {
      const known = SIMPLE_COMMANDS[tex.trim() === "" ? tex : tex.replace(/\{\}$/, "")];
      if (known !== undefined) return known;
      dropped.push({ key: entry?.key ?? "", tex });
      return "";
    },
  });

  // Where each entry starts: its text as the parser saw it, searched in order.
  const starts = new Map<string, number>();
  let from = 0;
  const locate = (input: string): number => {
    if (!input) return -1;
    const at = src.indexOf(input, from);
    if (at < 0) return src.indexOf(input);
    from = at + input.length;
    return at;
  };

  const error = library.errors[0];
  if (error) {
    const at = locate(error.input ?? "");
    const line = at >= 0 ? lineAt(src, at) : Number(/line (\d+)/.exec(error.error)?.[1] ?? NaN);
    const head = (error.input ?? "").split("\n")[0]!.slice(0, 80);
    throw new BuildError(`cannot read this BibTeX entry${head ? ` (${head})` : ""}: ${error.error.split("\n")[0]}`, {
      file,
      line: Number.isFinite(line) ? line : undefined,
      hint: "Check that braces and quotes are balanced, fields are separated by commas, and every @string used is defined.",
    });
  }

  const entries: BibEntry[] = [];
  const seen = new Map<string, number>();
  from = 0;
  for (const e of library.entries) {
    const at = locate(e.input);
    const line = at >= 0 ? lineAt(src, at) : 1;
    starts.set(e.key, line);
    const earlier = seen.get(e.key);
    if (earlier !== undefined) {
      throw new BuildError(`duplicate BibTeX key '${e.key}' (first used on line ${earlier})`, {
        file, line, hint: "Give each entry its own key: citations and bibliography queries find entries by key.",
      });
    }
    seen.set(e.key, line);
    const fields: Record<string, string> = {};
    const names: Record<string, BibName[]> = {};
    for (const [name, value] of Object.entries(e.fields as Record<string, unknown>)) {
      if (Array.isArray(value) && value.length > 0 && typeof value[0] === "object") {
        names[name] = (value as ParserCreator[]).map(toName);
        fields[name] = namesToString(names[name]!);
      } else if (Array.isArray(value)) {
        fields[name] = value.map((v) => plainText(String(v))).join(", ");
      } else {
        fields[name] = plainText(String(value));
      }
    }
    entries.push({ key: e.key, type: e.type.toLowerCase(), fields, names, source: e.input, line });
  }
  const warned = new Set<string>();
  for (const d of dropped) {
    const message = `entry '${d.key}': unknown LaTeX command ${d.tex.slice(0, 40)} left out of the text`;
    if (warned.has(message)) continue;
    warned.add(message);
    warn({ line: starts.get(d.key) ?? 1, message });
  }
  return entries;
}
