// Jekyll's Utils.slugify and Utils.titleize_slug (used for :slug/:title in URLs, and by the
// `slugify` filter).
import { capitalize, rubyDowncase, rubySplit } from "../ruby/strings.js";

const MODES = new Set(["raw", "default", "pretty", "ascii", "latin"]);
const RAW = /\s+/gu;
const DEFAULT = /[^\p{M}\p{L}\p{Nd}]+/gu;
const PRETTY = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;
const ASCII = /[^A-Za-z0-9]+/g;

/** I18n.transliterate with the default (en) rules: accents dropped, other non-ASCII letters become "?". */
function transliterate(s: string): string {
  const special: Record<string, string> = { ß: "ss", Æ: "AE", æ: "ae", Ø: "O", ø: "o", Œ: "OE", œ: "oe", Đ: "D", đ: "d", Ł: "L", ł: "l", Þ: "Th", þ: "th", Ð: "D", ð: "d" };
  let out = "";
  for (const ch of s) {
    if (ch.charCodeAt(0) < 128) { out += ch; continue; }
    if (special[ch]) { out += special[ch]; continue; }
    const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
    out += base.length && [...base].every((c) => c.charCodeAt(0) < 128) ? base : "?";
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
  const re = m === "raw" ? RAW : m === "pretty" ? PRETTY : m === "ascii" || m === "latin" ? (m === "latin" ? DEFAULT : ASCII) : DEFAULT;
  let slug = s.replace(re, "-").replace(/^-|-$/g, "");
  if (!cased) slug = rubyDowncase(slug);
  if (slug === "" && onEmpty) onEmpty(s);
  return slug;
}

/** `slug.split("-")` drops trailing empty fields as Ruby's split does: "trailing-" is "Trailing". */
export function titleizeSlug(slug: string): string {
  return rubySplit(slug, "-").map(capitalize).join(" ");
}
