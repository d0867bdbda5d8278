// html-pipeline's way of rewriting text in rendered HTML (MentionFilter, EmojiFilter): parse the
// fragment, give each text node's HTML (`node.to_html`: the text with & < > escaped) to a
// function, and where it returns something else, put the parsed result in the node's place;
// then write the whole fragment back. The fragment is re-serialised even where nothing was
// replaced, exactly as Nokogiri does (see serialize.ts).
import { hasAncestor, replaceNode, textNodes } from "./dom.js";
import { parseFragment } from "./parse.js";
import { serializeChildren } from "./serialize.js";

/**
 * `text: "html"` gives the function the text node's HTML (MentionFilter's `node.to_html`);
 * `text: "raw"` gives the plain text (EmojiFilter's `node.text`) — whose result is still parsed as
 * HTML, so a `&lt;b&gt;` in such a text node comes back as a <b> element, as in html-pipeline.
 */
export function rewriteTextNodes(html: string, ignoreParents: Set<string>, rewrite: (text: string) => string, text: "html" | "raw" = "html"): string {
  const root = parseFragment(html);
  for (const node of textNodes(root)) {
    const content = text === "raw" ? node.value : node.value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    if (hasAncestor(node, ignoreParents)) continue;
    const replaced = rewrite(content);
    if (replaced === content) continue;
    replaceNode(node, parseFragment(replaced, node.parent?.name ?? "body").children);
  }
  return serializeChildren(root);
}

/**
 * Jekyll's plugins process only the body of a full page: from the `<body…>` tag and the
 * whitespace after it (`/<body(.*?)>\s*`/m) to the first `</body>`. `process` gets that part
 * (or the whole output when there is no `<body`) and returns it rewritten, or null to leave the
 * output as it is.
 */
export function rewriteBody(output: string, process: (part: string) => string | null): string {
  if (!output.includes("<body")) return process(output) ?? output;
  const m = /<body([\s\S]*?)>\s*/.exec(output);
  if (!m) return process(output) ?? output;
  const head = output.slice(0, m.index);
  const opener = m[0];
  const tail = output.slice(m.index + opener.length);
  const end = tail.indexOf("</body>");
  const body = end < 0 ? tail : tail.slice(0, end);
  const rest = end < 0 ? "" : tail.slice(end);
  const processed = process(body);
  return processed === null ? output : head + opener + processed + rest;
}
