// Front matter exactly as Jekyll finds it.
//  - A file is a page/document only when its first line is `---` (Utils.has_yaml_header?: the raw
//    bytes must match /\A---\s*\r?\n/, so a BOM before `---` makes it a static file).
//  - The block closes at a line of `---` or `...` (Document::YAML_FRONT_MATTER_REGEXP). Its `\s*$\n?`
//    also swallows blank lines right after the closing line, which changes where the body starts.
//  - Empty front matter (`---\n---`) is an empty hash; anything that is not a hash is an error.
//  - YAML that does not parse is, by default, not an error: Jekyll's readers (Convertible#read_yaml
//    for pages and layouts, Document#read for posts and collection documents) log "YAML Exception
//    reading …" and go on with the body after the closing `---` and no front matter of its own;
//    `strict_front_matter: true` makes it fatal. `lenient` asks for that: the error comes back in
//    `yamlError` instead of being thrown. build-site's own bounds (a "billion laughs" document)
//    stay fatal.
import { BuildError } from "../errors.js";
import { detached } from "../site/strings.js";
import { loadYaml, YamlBoundError } from "./yaml.js";

const HEADER_RE = /^---\s*\r?\n/;
const FRONT_MATTER_RE = /(---\s*\n[\s\S]*?\n?)^((?:---|\.\.\.)\s*$\n?)/my;

export function hasFrontMatter(raw: Buffer | string): boolean {
  if (typeof raw === "string") return HEADER_RE.test(raw);
  // Only the first line matters; avoid decoding large binary files.
  const head = raw.subarray(0, Math.min(raw.length, 256)).toString("latin1");
  return HEADER_RE.test(head);
}

export interface ParsedFile {
  data: Record<string, unknown>;
  /** The body after the front matter. */
  content: string;
  /** Lines taken by the front matter, so body line N is file line N + lineOffset. */
  lineOffset: number;
  /** With `lenient`: the front matter's YAML did not parse, so `data` is empty. */
  yamlError?: BuildError;
  /**
   * With `lenient`: the front matter is YAML but no mapping (a list, a text), so `data` is empty.
   * Fatal for pages and layouts (Convertible#validate_data!); a document's merge_data! fails on
   * it inside Document#read's rescue, which logs it and goes on (src/site/document.ts).
   */
  notMapping?: BuildError;
}

/** Splits front matter from a file's text. `file` is the name shown in errors. */
export function parseFrontMatter(text: string, file: string, zone?: string, maxAliasNodes?: number, lenient = false): ParsedFile {
  FRONT_MATTER_RE.lastIndex = 0;
  const m = FRONT_MATTER_RE.exec(text);
  if (!m) return { data: {}, content: text, lineOffset: 0 };
  // A copy, not a view into the file's text: the values parsed from it (titles, dates, tags) live
  // as long as the site, the body only until it is rendered (site/strings.ts).
  const yamlText = detached(m[1]!.replace(/^---[^\n]*\n/, ""));
  let parsed: unknown;
  try {
    parsed = loadYaml(yamlText, { file, lineOffset: 1, zone, maxAliasNodes });
  } catch (e) {
    if (!lenient || !(e instanceof BuildError) || e instanceof YamlBoundError) throw e;
    return { data: {}, ...body(text, m[0]), yamlError: e };
  }
  if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
    const error = new BuildError("invalid YAML front matter: it must be a set of `key: value` lines", {
      file,
      line: 2,
      hint: "Front matter is a YAML mapping between two `---` lines.",
    });
    if (!lenient) throw error;
    return { data: {}, ...body(text, m[0]), notMapping: error };
  }
  return { data: (parsed ?? {}) as Record<string, unknown>, ...body(text, m[0]) };
}

/** The text after the front matter block, and how many lines the block took. */
function body(text: string, block: string): { content: string; lineOffset: number } {
  let lineOffset = 0;
  for (let i = block.indexOf("\n"); i >= 0; i = block.indexOf("\n", i + 1)) lineOffset++;
  return { content: text.slice(block.length), lineOffset };
}
