// HTML written back as Nokogiri's `to_html` writes a fragment (libxml2's htmlNodeDumpFormatOutput
// with formatting on, UTF-8):
//  - text escapes only `&`, `<`, `>` (raw inside script/style); other characters are written as
//    they are, so entities like `&copy;` come out as `©`;
//  - attribute values escape `&`, `<`, `>`; they are double-quoted unless the value holds a `"`
//    and no `'` (then single-quoted; with both, `"` becomes `&quot;`); href, action, src (and
//    name on <a>) are also URI-escaped: blanks and non-ASCII become %XX;
//  - boolean attributes (checked, disabled…) are written bare;
//  - void elements have no end tag, an empty <li> none either;
//  - "formatting" adds a newline after a start tag and before the end tag of a known block
//    element (not p…, pre, param) with more than one child whose first (last) child is not
//    text, and after the end of a known block element followed by a non-text sibling unless its
//    parent is a p/pre… or it is at the top of the fragment.
import type { HElement, HNode } from "./dom.js";
import { EMPTY, INLINE, KNOWN, SAVE_END_TAG } from "./tables.js";

const RAW_TEXT = new Set(["script", "style"]);

/** xmlURIEscapeStr(value, "@/:=?;#%&,+<>"): what libxml2 leaves unescaped in URI attributes. */
function uriEscape(s: string): string {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.!~*'()@/:=?;#%&,+<>]/.test(c)) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function isUriAttribute(name: string, elementName: string): boolean {
  return name === "href" || name === "action" || name === "src" || (name === "name" && elementName === "a");
}

/** HTML 4's boolean attributes: libxml2 writes them bare, whatever their value (`checked=checked` → `checked`). */
const BOOLEAN_ATTRIBUTES = new Set(["checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize", "noshade", "nowrap", "readonly", "selected"]);

function attribute(name: string, value: string | null, elementName: string): string {
  if (value === null || BOOLEAN_ATTRIBUTES.has(name)) return ` ${name}`;
  let v = isUriAttribute(name, elementName) ? uriEscape(value.replace(/^[ \t\n\r]+/, "")) : value;
  v = v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (v.includes('"')) {
    if (!v.includes("'")) return ` ${name}='${v}'`;
    v = v.replace(/"/g, "&quot;");
  }
  return ` ${name}="${v}"`;
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A known block element (libxml2 has an entry for it and it is not inline). */
const isBlock = (name: string) => KNOWN.has(name) && !INLINE.has(name);

function serializeNode(node: HNode, topLevel: boolean, out: string[]): void {
  if (node.type === "text") {
    out.push(node.parent && RAW_TEXT.has(node.parent.name) ? node.value : escapeText(node.value));
    return;
  }
  if (node.type === "comment") {
    out.push(`<!--${node.value}-->`);
    return;
  }
  const el = node;
  out.push(`<${el.name}${el.attrs.map(([k, v]) => attribute(k, v, el.name)).join("")}`);
  const block = isBlock(el.name);
  const notP = !el.name.startsWith("p");
  if (EMPTY.has(el.name) || (el.children.length === 0 && SAVE_END_TAG.has(el.name))) {
    out.push(">");
  } else if (el.children.length === 0) {
    out.push(`></${el.name}>`);
  } else {
    out.push(">");
    const first = el.children[0]!;
    const last = el.children[el.children.length - 1]!;
    const several = el.children.length > 1;
    if (block && several && first.type !== "text" && notP) out.push("\n");
    for (const child of el.children) serializeNode(child, false, out);
    if (block && several && last.type !== "text" && notP) out.push("\n");
    out.push(`</${el.name}>`);
  }
  // A newline between a block element and a following element or comment.
  if (!topLevel && block && el.parent) {
    const siblings = el.parent.children;
    const next = siblings[siblings.indexOf(el) + 1];
    if (next && next.type !== "text" && !el.parent.name.startsWith("p")) out.push("\n");
  }
}

/** The fragment's content (the children of `root`) as Nokogiri's to_html writes it. */
export function serializeChildren(root: HElement): string {
  const out: string[] = [];
  for (const child of root.children) serializeNode(child, true, out);
  return out.join("");
}
