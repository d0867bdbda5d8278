// jemoji (html-pipeline 2.14 EmojiFilter): `:alias:` in rendered HTML becomes GitHub's emoji
// image. Spec: test/conformance/PLUGINS.md §16 (no fixture: Debian has no jemoji to measure).
//
// A post-render hook like jekyll-mentions (see there for what re-serialising the HTML does).
// The alias list comes from the npm `gemoji` package plus GitHub's custom emoji; GitHub Pages'
// jemoji uses the Ruby gemoji 3.x data, so aliases added or renamed since then differ.
import { gemoji } from "gemoji";
import type { Site } from "../site/site.js";
import { rewriteBody, rewriteTextNodes } from "./html4/rewrite.js";
import { htmlOutputItems } from "./shared/post-render.js";
import { registerPlugin } from "./registry.js";

/** GitHub's own emoji (images named after the alias, not a code point). */
const CUSTOM_EMOJI = ["atom", "basecamp", "basecampy", "bowtie", "electron", "feelsgood", "finnadie", "fishsticks", "goberserk", "godmode", "hurtrealbad", "neckbeard", "octocat", "rage1", "rage2", "rage3", "rage4", "shipit", "suspect", "trollface"];
const IGNORED_ANCESTORS = new Set(["pre", "code", "tt"]);

let table: { files: Map<string, string>; pattern: RegExp } | null = null;

/**
 * gemoji's image_filename: `unicode/` + the code points in hex (at least 4 digits) joined by
 * `-`, without the variation selector and zero-width joiners that follow another code point.
 */
export function imageFilename(emoji: string): string {
  const hex = [...emoji].map((c) => c.codePointAt(0)!.toString(16).padStart(4, "0")).join("-");
  return `unicode/${hex.replace(/-(fe0f|200d)\b/g, "")}.png`;
}

function emojiTable(): { files: Map<string, string>; pattern: RegExp } {
  if (table) return table;
  const files = new Map<string, string>();
  for (const e of gemoji) for (const name of e.names) files.set(name, imageFilename(e.emoji));
  for (const name of CUSTOM_EMOJI) files.set(name, `${name}.png`);
  const names = [...files.keys()].sort().map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  table = { files, pattern: new RegExp(`:(${names.join("|")}):`, "g") };
  return table;
}

/** File.join: one `/` between the parts. */
function fileJoin(...parts: string[]): string {
  return parts.reduce((a, b) => (a === "" ? b : `${a.replace(/\/+$/, "")}/${b.replace(/^\/+/, "")}`), "");
}

/** Where the images live: `emoji.src`, else ASSET_HOST_URL + /images/icons/, else GitHub's asset host. */
export function emojiSource(config: Record<string, any>): string {
  const emoji = config.emoji;
  if (emoji && typeof emoji === "object" && "src" in emoji) return String(emoji.src);
  const host = process.env.ASSET_HOST_URL ?? "";
  if (host !== "") return `${host.replace(/\/$/, "")}/images/icons/`;
  return "https://github.githubassets.com/images/icons/";
}

/** The <img> that replaces `:name:` (html-pipeline's attributes, without the `align` jemoji removes). */
export function emojiImage(name: string, src: string): string {
  const file = emojiTable().files.get(name)!;
  return `<img class="emoji" title=":${name}:" alt=":${name}:" src="${fileJoin(src, "emoji", file)}" height="20" width="20">`;
}

/** Jekyll::Emoji.emojify on one output. */
export function emojify(output: string, src: string): string {
  const { pattern } = emojiTable();
  pattern.lastIndex = 0;
  if (!pattern.test(output)) return output;
  return rewriteBody(output, (part) => rewriteTextNodes(part, IGNORED_ANCESTORS, (text) => {
    if (!text.includes(":")) return text;
    pattern.lastIndex = 0;
    return text.replace(pattern, (_m, name: string) => emojiImage(name, src));
  }, "raw"));
}

registerPlugin({
  name: "jemoji",
  postRender(site: Site) {
    const src = emojiSource(site.config);
    // jemoji has no per-page opt-out.
    for (const item of htmlOutputItems(site)) item.output = emojify(item.output!, src);
  },
});
