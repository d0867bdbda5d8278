// The folder listing of `serve --show-dir-listing`: what WEBrick's FancyIndexing shows for a
// folder when Jekyll empties its DirectoryIndex (Jekyll 4.3.1 commands/serve.rb): the entries
// with their modification time and size, folders first marked with a slash, a link to the parent,
// and names matching Jekyll's NondisclosureName patterns (`.ht*`, `~*`) left out.
import { promises as fsp } from "node:fs";
import * as path from "node:path";

/** Jekyll's NondisclosureName: files the listing never shows. */
const HIDDEN = [/^\.ht/, /^~/];

/** The most entries listed; a larger folder says how many were left out. */
const MAX_ENTRIES = 5000;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `urlPath` is the decoded request path of the folder, ending in "/". */
export async function renderListing(dir: string, urlPath: string): Promise<string> {
  const names = (await fsp.readdir(dir)).filter((n) => !HIDDEN.some((re) => re.test(n))).sort();
  const rows: string[] = [];
  if (urlPath !== "/") rows.push(`<tr><td><a href="../">Parent Directory</a></td><td></td><td></td></tr>`);
  for (const name of names.slice(0, MAX_ENTRIES)) {
    let stats;
    try {
      stats = await fsp.stat(path.join(dir, name));
    } catch {
      continue; // removed meanwhile, or a broken link
    }
    const shown = stats.isDirectory() ? `${name}/` : name;
    const href = encodeURIComponent(name) + (stats.isDirectory() ? "/" : "");
    const modified = stats.mtime.toISOString().replace("T", " ").slice(0, 16);
    const size = stats.isDirectory() ? "-" : String(stats.size);
    rows.push(`<tr><td><a href="${href}">${escapeHtml(shown)}</a></td><td>${modified}</td><td align="right">${size}</td></tr>`);
  }
  const more = names.length > MAX_ENTRIES ? `<p>${names.length - MAX_ENTRIES} more entries not listed.</p>\n` : "";
  const title = `Index of ${escapeHtml(urlPath)}`;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1>${title}</h1>
<table>
<tr><th align="left">Name</th><th align="left">Last modified</th><th align="right">Size</th></tr>
${rows.join("\n")}
</table>
${more}</body></html>
`;
}
