// jekyll-avatar 0.8: `{% avatar USER [size=N] [lazy=true] %}` / `{% avatar user=VAR %}` writes a
// GitHub avatar <img>. Spec: test/conformance/PLUGINS.md §8.
import { createRequire } from "node:module";
import type { PluginLiquidContext } from "./api.js";
import { lookupWord, renderMarkupOutputs, toS } from "./shared/liquid.js";
import { registerPlugin } from "./registry.js";

/** node:zlib only when used: every build starts without loading it. */
const zlib = () => createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib");

const SCALES = [1, 2, 3, 4];

/** The avatar `<img>` for a tag's markup; `customHost` is PAGES_AVATARS_URL ("" when unset). */
export function avatarTag(markup: string, lookup: (path: string[]) => unknown, customHost: string): string {
  const raw = markup.trim();
  // The size and the `user=` variable are read from the markup as written (when the tag is
  // parsed); the user name and `lazy=true` from the markup after its Liquid is rendered.
  const size = /\bsize=(\d+)\b/i.exec(raw)?.[1] ?? "40";
  const userVariable = /\buser=([\w.]+)\b/.exec(raw)?.[1];
  const text = renderMarkupOutputs(raw, lookup);
  let username: string;
  if (userVariable !== undefined) {
    const v = lookupWord(userVariable, lookup);
    username = v === null || v === false ? userVariable : toS(v);
  } else {
    const first = text.includes(" ") ? (text.split(" ").filter(Boolean)[0] ?? "") : text;
    username = first.startsWith("@") ? first.slice(1) : first;
  }
  const pathFor = (scale: number) => `${username}?v=3&s=${scale === 1 ? size : Number.parseInt(size, 10) * scale}`;
  // Without a custom host the server is chosen by the CRC-32 of the scale-1 path (zlib's, as Ruby's Zlib.crc32).
  const server = zlib().crc32(pathFor(1)) % 4;
  const base = customHost === "" ? `https://avatars${server}.githubusercontent.com/` : customHost.endsWith("/") ? customHost : `${customHost}/`;
  const url = (scale: number) => `${base}${pathFor(scale)}`;
  const srcset = SCALES.map((s) => `${url(s)} ${s}x`).join(", ");
  const lazy = text.includes("lazy=true");
  const cls = Number.parseInt(size, 10) < 48 ? "avatar avatar-small" : "avatar";
  const head = `<img class="${cls}" alt="${username}" width="${size}" height="${size}" data-proofer-ignore="true"`;
  return lazy ? `${head} src="" data-src="${url(1)}" data-srcset="${srcset}" />` : `${head} src="${url(1)}" srcset="${srcset}" />`;
}

registerPlugin({
  name: "jekyll-avatar",
  liquidTags(_ctx: PluginLiquidContext) {
    return { avatar: (markup, lookup) => avatarTag(markup, lookup, process.env.PAGES_AVATARS_URL ?? "") };
  },
});
