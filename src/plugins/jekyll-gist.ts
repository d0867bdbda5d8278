// jekyll-gist 1.5: `{% gist ID [FILENAME] %}` writes the gist's <script> embed. Spec:
// test/conformance/PLUGINS.md §7.
//
// build-site never fetches anything, so the <noscript> copy of the gist's code is never made.
// Jekyll, when its fetch fails (offline), logs a warning and — a Ruby quirk: the logger's return
// value `true` is interpolated — prints the literal text `true` before the script. build-site
// writes exactly what Jekyll writes offline, and warns as Jekyll does; set `gist.noscript: false`
// to get the script alone (as Jekyll does online or off).
import type { PluginLiquidContext } from "./api.js";
import { BuildError } from "../errors.js";
import type { Site } from "../site/site.js";
import { lookupWord, toS } from "./shared/liquid.js";
import { registerPlugin } from "./registry.js";

/** The tag's markup as jekyll-gist splits it: an id (or a path with a slash) and an optional file name. */
export function gistArguments(markup: string): [string, string] | null {
  const m = /^([\S]+|.*(?=\/).+)\s?(\S*)$/.exec(markup.trim());
  // Ruby's \A…\Z: the whole string (a final newline aside).
  return m ? [m[1]!.trim(), m[2]!.trim()] : null;
}

export function gistTag(site: Site, markup: string, lookup: (path: string[]) => unknown): string {
  const args = gistArguments(markup);
  if (!args) {
    throw new BuildError(`Syntax error in tag 'gist' while parsing the following markup:\n\n  ${markup.trim()}\n\nValid syntax:\n  {% gist user/1234567 %}\n  {% gist user/1234567 foo.js %}\n  {% gist 28949e1d5ee2273f9fd3 %}\n  {% gist 28949e1d5ee2273f9fd3 best.md %}`);
  }
  let [id, file] = args as [unknown, unknown];
  // Both words are looked up as variables first (`{% gist page.gist_id %}`).
  const idValue = lookupWord(String(id), lookup);
  if (idValue !== null) id = idValue;
  if (String(file) !== "") {
    const fileValue = lookupWord(String(file), lookup);
    if (fileValue !== null) file = fileValue;
  }
  let url = `https://gist.github.com/${toS(id)}.js`;
  if (toS(file) !== "") url += `?file=${toS(file)}`;
  const script = `<script src="${url}"> </script>`;
  const settings = site.config.gist;
  if (settings && typeof settings === "object" && (settings as Record<string, unknown>).noscript === false) return script;
  site.logger.warn("Warning:", `The <noscript> tag for your gist ${toS(id)} `);
  site.logger.warn("", "could not be generated. This will affect users who do ");
  site.logger.warn("", "not have JavaScript enabled in their browsers.");
  return `true${script}`;
}

registerPlugin({
  name: "jekyll-gist",
  liquidTags(ctx: PluginLiquidContext) {
    return { gist: (markup, lookup) => gistTag(ctx.site(), markup, lookup) };
  },
});
