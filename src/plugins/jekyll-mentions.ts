// jekyll-mentions 1.6 (html-pipeline 2.14 MentionFilter): `@name` in rendered HTML pages becomes
// a link to the user's profile. Spec: test/conformance/PLUGINS.md §9.
//
// A post-render hook: it runs on the final output (layout included) of every page and written
// document whose output is HTML. When the body contains a mention the body is parsed and
// re-serialised the way Nokogiri does it (src/plugins/html4/), which also normalises the rest of
// that HTML (quotes, entities, line breaks around block elements).
// build-site runs the hook after every page is rendered; Jekyll runs it as each page finishes, so
// a page that prints another page's `output` sees it before the rewrite here (a rare case).
import { BuildError } from "../errors.js";
import type { Site } from "../site/site.js";
import { rewriteBody, rewriteTextNodes } from "./html4/rewrite.js";
import { htmlOutputItems } from "./shared/post-render.js";
import { registerPlugin } from "./registry.js";

/**
 * MentionPatterns[/[\w][\w-]*\/]: a mention after the start of a line or a non-word character,
 * not followed by `/`, and followed by dots then a space or non-word character, dots at the end
 * of a line, a character outside [0-9A-Za-z_.], or the end of a line. Ruby's atomic group
 * `(?>…)` is written as a capturing lookahead plus a backreference; Ruby's line anchors (at "\n"
 * only) as `(?<![^\n])` and `(?![^\n])`.
 */
export const MENTION_PATTERN = /(?:(?<![^\n])|\W)@(?=([\w][\w-]*))\1(?!\/)(?=\.+[ \t\W]|\.+(?![^\n])|[^0-9a-zA-Z_.]|(?![^\n]))/gi;
const RESERVED = new Set(["mention", "mentions", "mentioned", "mentioning"]);
const IGNORE_PARENTS = new Set(["pre", "code", "a", "style", "script"]);

/** MentionFilter#mention_link_filter on a text node's HTML. */
export function linkMentions(text: string, base: string): string {
  const url = /[/~]$/.test(base) ? base : `${base}/`;
  return text.replace(MENTION_PATTERN, (match: string, login: string) => {
    if (RESERVED.has(login.toLowerCase())) return match;
    return match.replace(`@${login}`, `<a href='${url}${login}' class='user-mention'>@${login}</a>`);
  });
}

function defaultBase(): string {
  const ssl = process.env.SSL ?? "";
  const host = process.env.GITHUB_HOSTNAME ?? "";
  if (ssl !== "" && host !== "") return `${ssl === "true" ? "https://" : "http://"}${host.replace(/\/$/, "")}`;
  return "https://github.com";
}

/** Mentions.mention_base: `jekyll-mentions` from the page's data (when it has the key) or the site's config. */
export function mentionBase(siteConfig: Record<string, any>, data: Record<string, any>): string {
  const value = "jekyll-mentions" in data ? data["jekyll-mentions"] : siteConfig["jekyll-mentions"];
  if (value === undefined || value === null) return defaultBase();
  if (typeof value === "string") return value;
  if (typeof value === "object" && !Array.isArray(value)) return "base_url" in value ? String(value.base_url) : defaultBase();
  throw new BuildError(`Your jekyll-mentions config has to either be a string or a hash. It's a ${Array.isArray(value) ? "Array" : typeof value} right now.`);
}

/** Mentions.mentionify on one output. */
export function mentionify(output: string, base: string): string {
  if (!output.includes("@")) return output;
  return rewriteBody(output, (part) => {
    MENTION_PATTERN.lastIndex = 0;
    if (!MENTION_PATTERN.test(part)) return null;
    MENTION_PATTERN.lastIndex = 0;
    return rewriteTextNodes(part, IGNORE_PARENTS, (text) => linkMentions(text, base));
  });
}

registerPlugin({
  name: "jekyll-mentions",
  postRender(site: Site) {
    // Mentions.mentionable?: HTML output, unless the page says `jekyll-mentions: false`.
    for (const item of htmlOutputItems(site, "jekyll-mentions")) {
      item.output = mentionify(item.output!, mentionBase(site.config, item.data));
    }
  },
});
