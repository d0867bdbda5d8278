// The arguments of jekyll-scholar's tags (Utilities#optparse): `--file F` / `-f F` (repeatable),
// `--query Q` / `-q Q`, `--template T` / `-T T`, `--max N` / `-m N`, `--cited` / `-c`,
// `--cited_in_order` / `-C`, `--prefix P` / `-p P`, `--style S` / `-s S`. Like jekyll-scholar, the
// text is cut at each option (a `-` not preceded by a letter or digit), so a query may hold spaces:
// `-q @*[title~=Deep Learning]`. Options build-site does not implement are read and ignored.
export interface ScholarArgs {
  files: string[];
  query?: string;
  template?: string;
  max?: number;
  cited: boolean;
  citedInOrder: boolean;
  prefix?: string;
  style?: string;
}

const WITH_VALUE: Record<string, string> = {
  f: "file", q: "query", h: "bibliography_list_tag", p: "prefix", t: "text", l: "locator", L: "label",
  o: "offset", m: "max", s: "style", g: "group_by", G: "group_order", O: "type_order", T: "template", r: "remove_duplicates",
};
const FLAGS: Record<string, string> = { c: "cited", C: "cited_in_order", A: "suppress_author" };
const LONG = [...Object.values(WITH_VALUE), ...Object.values(FLAGS), "clear"];
const OPTION = new RegExp(`(?<![\\w])(--(?:${LONG.sort((a, b) => b.length - a.length).join("|")})|-[cCfhqptTsgGOlLomAr])(?=\\s|$)`, "g");

export function parseScholarArgs(markup: string): ScholarArgs {
  const args: ScholarArgs = { files: [], cited: false, citedInOrder: false };
  const found = [...markup.matchAll(OPTION)];
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    const raw = m[1]!;
    const name = raw.startsWith("--") ? raw.slice(2) : (WITH_VALUE[raw.slice(1)] ?? FLAGS[raw.slice(1)]!);
    const end = i + 1 < found.length ? found[i + 1]!.index! : markup.length;
    const value = markup.slice(m.index! + raw.length, end).trim();
    switch (name) {
      case "file": if (value) args.files.push(value); break;
      case "query": args.query = value; break;
      case "template": args.template = value; break;
      case "max": { const n = Number.parseInt(value, 10); if (Number.isFinite(n)) args.max = n; break; }
      case "cited": args.cited = true; break;
      case "cited_in_order": args.cited = true; args.citedInOrder = true; break;
      case "prefix": args.prefix = value; break;
      case "style": args.style = value; break;
      default: break;
    }
  }
  return args;
}
