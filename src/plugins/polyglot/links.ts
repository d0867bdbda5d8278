// jekyll-polyglot's link rewriting (Site#process_documents, after rendering): in another
// language's pass, `href="<baseurl>/<path>"` becomes `href="<baseurl>/<lang>/<path>"` (and the
// same after `url`), unless the path starts with an `exclude` entry or a language; in every pass,
// `ferh="…"` (what `{% static_href %}` writes) becomes `href="…"` untouched.
//
// The gem builds its patterns from `exclude` entries and languages written into a regular
// expression as they are (so an entry is a pattern: `.` matches any character). Its path part,
// `((?:(?!…)[^,'"\s/?.]+\.?)*(?:/[^\][)("'\s]*)?)`, can split a run of characters into pieces in
// exponentially many ways, so a long first segment followed by `?` takes Ruby (and JavaScript)
// seconds to minutes to reject. The pattern here lets a piece end only at a dot, which matches
// exactly the same links (splitting elsewhere only adds lookahead checks, never removes one) in
// linear time. `\s` is Ruby's: the six ASCII white-space characters.
import { BuildError } from "../../errors.js";
import { toS, truthy } from "../../ruby/values.js";
import type { PolyglotSettings } from "../jekyll-polyglot.js";

const WS = " \\t\\n\\v\\f\\r";
/** A piece of the first path segment: no `, ' " / ? .` or white space. */
const PIECE = `[^,'"${WS}/?.]+`;
/** The rest of the path after a "/": anything but brackets, parentheses, quotes and white space. */
const REST = `(?:/[^\\][)("'${WS}]*)?`;

export interface LinkPatterns {
  lang: string;
  isDefault: boolean;
  baseurl: string;
  /** `url` when set (Ruby-truthy), else null. */
  url: string | null;
  relative: RegExp;
  nonRelative: RegExp;
  absolute: RegExp | null;
  nonAbsolute: RegExp | null;
}

/**
 * A user-given string as the gem puts it into a Ruby regular expression. `**` is Ruby's redundant
 * nested repeat (a `*`), which JavaScript rejects; anything else JavaScript cannot read is an error.
 */
function rubyPatternPart(s: string, what: string): string {
  const part = s.replace(/\*{2,}/g, "*");
  try {
    new RegExp(`(?!${part})`);
  } catch (e) {
    throw new BuildError(`jekyll-polyglot: the ${what} ${JSON.stringify(s)} is not a valid regular expression, and the gem writes it into one (${(e as Error).message})`, {
      file: "_config.yml",
      hint: "jekyll-polyglot fails on such an entry too (a glob like \"*.psd\" in `exclude` is one); remove it or write it without a leading * .",
    });
  }
  return part;
}

function pathPattern(lookahead: string): string {
  return `((?:${lookahead}${PIECE}(?:\\.${lookahead}${PIECE})*\\.?)?${REST})`;
}

export function linkPatterns(config: Record<string, any>, s: PolyglotSettings, lang: string): LinkPatterns {
  const baseurl = config.baseurl === null || config.baseurl === undefined ? "" : toS(config.baseurl);
  const urlValue = Object.hasOwn(config, "url") ? config.url : false;
  const url = truthy(urlValue) ? toS(urlValue) : null;
  const excludes = (Array.isArray(config.exclude) ? config.exclude : []).map((x: unknown) => `(?!${rubyPatternPart(toS(x), "`exclude` entry")})`).join("");
  const langs = s.languages.map((l) => `(?!${rubyPatternPart(l, "language")}/)`).join("");
  const base = rubyPatternPart(baseurl, "baseurl");
  const relative = (start: string, lookahead: string) => new RegExp(`${start}="?${base}/${pathPattern(lookahead)}"`, "g");
  const absolute = (start: string, lookahead: string, u: string) =>
    new RegExp(`(?<!hreflang="${rubyPatternPart(s.defaultLang, "default_lang")}" )${start}="?${rubyPatternPart(u, "url")}${base}/${pathPattern(lookahead)}"`, "g");
  return {
    lang,
    isDefault: lang === s.defaultLang,
    baseurl,
    url,
    relative: relative("href", excludes + langs),
    nonRelative: relative("ferh", ""),
    absolute: url === null ? null : absolute("href", excludes + langs, url),
    nonAbsolute: url === null ? null : absolute("ferh", "", url),
  };
}

/** The four rewrites of Site#process_documents, in the gem's order. */
export function relinkOutput(output: string, p: LinkPatterns): string {
  let out = output;
  if (!p.isDefault) out = out.replace(p.relative, (_m, path: string) => `href="${p.baseurl}/${p.lang}/${path}"`);
  out = out.replace(p.nonRelative, (_m, path: string) => `href="${p.baseurl}/${path}"`);
  if (p.url !== null) {
    if (!p.isDefault) out = out.replace(p.absolute!, (_m, path: string) => `href="${p.url}${p.baseurl}/${p.lang}/${path}"`);
    out = out.replace(p.nonAbsolute!, (_m, path: string) => `href="${p.url}${p.baseurl}/${path}"`);
  }
  return out;
}
