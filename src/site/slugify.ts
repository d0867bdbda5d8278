// Jekyll's Utils.slugify and Utils.titleize_slug (used for :slug/:title in URLs, and by the
// `slugify` filter).
import { capitalize, rubyDowncase, rubySplit } from "../ruby/strings.js";
import { lazyRegExp } from "../lazy-regexp.js";

const MODES = new Set(["raw", "default", "pretty", "ascii", "latin"]);
const RAW = /\s+/gu;
const DEFAULT = lazyRegExp(String.raw`[^\p{M}\p{L}\p{Nd}]+`, "gu");
const PRETTY = lazyRegExp(String.raw`[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+`, "gu");
const ASCII = /[^A-Za-z0-9]+/g;
// DEFAULT and PRETTY for a text that is all ASCII, where \p{M}\p{L}\p{Nd} are A-Z a-z 0-9: the
// same replacements (DEFAULT's is the ascii mode's ASCII). Nearly every slug is ASCII (file
// names, titles in English), and a pattern with Unicode property classes costs V8 ~1 M
// instructions or more to compile, once per subject kind and tier (bytecode, then native code):
// up to seven compiles of PRETTY in a 100-post build, which these small classes spare
// (bench/PROFILE.md, eighteenth session, "speed3").
const NON_ASCII = /[^\x00-\x7f]/;
const PRETTY_ASCII = /[^A-Za-z0-9._~!$&'()+,;=@]+/g;

/**
 * I18n.transliterate with the i18n gem's default approximations: only Latin-1's letters (and
 * ×) and Latin Extended-A (U+00C0-U+017E but ÷) have one, every other non-ASCII character is "?"
 * (Vietnamese ạ, Latin Extended-B ǎ, Cyrillic, CJK alike). Within those ranges the
 * approximation is the letter without its accents, except for the letters below.
 */
const LATIN_APPROXIMATIONS: Record<string, string> = {
  Æ: "AE", Ð: "D", "×": "x", Ø: "O", Þ: "Th", ß: "ss", æ: "ae", ð: "d", ø: "o", þ: "th",
  Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ĳ: "IJ", ĳ: "ij", ĸ: "k", Ŀ: "L", ŀ: "l", Ł: "L",
  ł: "l", ŉ: "'n", Ŋ: "NG", ŋ: "ng", Œ: "OE", œ: "oe", Ŧ: "T", ŧ: "t",
};

function transliterate(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0xc0 || cp > 0x17e || cp === 0xf7) out += "?";
    else out += LATIN_APPROXIMATIONS[ch] ?? ch.normalize("NFD").replace(/\p{M}/gu, "");
  }
  return out;
}

/**
 * What Jekyll's Utils.slugify warns when a slug comes out empty (`Warning: Empty \`slug\` generated
 * for '!!!'.`), for every call that does: the `slugify` filter on "", "!!!" or "日本" (ascii), and a
 * permalink's `:name`, `:slug`, `:title` or `:slugified_categories` made of nothing a slug keeps
 * (`_posts/2020-01-01-.md`, `slug: "***"`, a collection file `@@.md`). Whitespace is collapsed as
 * Jekyll's logger collapses it.
 */
export function emptySlugWarning(input: string): string {
  return `Empty \`slug\` generated for '${input}'.`.replace(/\s+/g, " ");
}

/** Utils.slugify; `onEmpty` is told the input whose slug came out empty (where Jekyll warns). */
export function slugify(input: string | null | undefined, mode: string | null = "default", cased = false, onEmpty?: (input: string) => void): string | null {
  if (input === null || input === undefined) return null;
  let s = String(input);
  const m = mode ?? "default";
  if (!MODES.has(m)) return cased ? s : rubyDowncase(s);
  if (m === "latin") s = transliterate(s);
  const re = m === "raw" ? RAW : m === "ascii" ? ASCII : !NON_ASCII.test(s) ? (m === "pretty" ? PRETTY_ASCII : ASCII) : (m === "pretty" ? PRETTY : DEFAULT)();
  let slug = s.replace(re, "-").replace(/^-|-$/g, "");
  if (!cased) slug = rubyDowncase(slug);
  if (slug === "" && onEmpty) onEmpty(s);
  return slug;
}

/** `slug.split("-")` drops trailing empty fields as Ruby's split does: "trailing-" is "Trailing". */
export function titleizeSlug(slug: string): string {
  return rubySplit(slug, "-").map(capitalize).join(" ");
}
