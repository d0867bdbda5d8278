// The first document as libyaml parsed it (libyaml-parser.ts's events), written again as YAML
// that js-yaml reads into the same nodes: one node per line, block style, two spaces per level,
// every key explicit (`? key` / `: value`), quoted and block scalars double-quoted (they are never
// resolved: strings, as in Psych), plain scalars plain (js-yaml resolves them as Psych does,
// through the same schema), anchors, aliases and tags kept. Where libyaml and js-yaml split a text
// into nodes differently (a plain root running on at a lesser indentation, properties on lines of
// their own before the root, a key required at the block's column), js-yaml then reads libyaml's
// nodes, not its own.
import type { LibyamlEvent } from "./libyaml-parser.js";
import { YAML_MAX_DEPTH } from "./yaml-depth.js";

const YAML_TAG_PREFIX = "tag:yaml.org,2002:";

/** A tag as js-yaml reads it back: `!!name`, `!name`, or verbatim `!<…>`. */
function tagText(tag: string): string {
  const escaped = (s: string) => s.replace(/[^0-9A-Za-z_\-;/?:@&=+$.~*'()]/g, (c) => [...Buffer.from(c, "utf8")].map((b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join(""));
  if (tag === "!") return "!";
  if (tag.startsWith(YAML_TAG_PREFIX) && /^[0-9A-Za-z_-]/.test(tag.slice(YAML_TAG_PREFIX.length))) return "!!" + escaped(tag.slice(YAML_TAG_PREFIX.length));
  if (/^![0-9A-Za-z_-]/.test(tag) && !/^![0-9A-Za-z_-]*!/.test(tag)) return "!" + escaped(tag.slice(1));
  return `!<${tag.replace(/[^0-9A-Za-z_\-;/?:@&=+$.!~*'(),[\]]/g, (c) => [...Buffer.from(c, "utf8")].map((b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join(""))}>`;
}

function doubleQuoted(value: string): string {
  return `"${value.replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === "\\" || c === '"' ? "\\" + c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`))}"`;
}

/** A plain scalar's value written as a plain scalar (its line breaks as blank lines) at `indent`; null where it cannot be. */
function plainText(value: string, indent: string): string | null {
  if (value === "") return "";
  // libyaml's plain scalars hold no leading or trailing blank, no ': ' and no ' #'; a break is
  // written as an empty line between two words (a single space between them stays a space).
  if (/^[ \t]|[ \t]$|[ \t]\n|\n[ \t]|^\n|\n$|\r|\t|\u2028|\u2029|\u0085/.test(value)) return null;
  // Nor where js-yaml would end it or read a key: a line ending in `:`, a continuation line
  // starting with an indicator.
  if (/:$|:\n|\n[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return null;
  const lines = value.split("\n");
  let out = lines[0]!;
  let k = 1;
  while (k < lines.length) {
    // n breaks in the value are n empty lines in the text.
    let breaks = 0;
    while (k < lines.length && lines[k] === "") { breaks++; k++; }
    if (k >= lines.length) return null;
    out += "\n".repeat(breaks + 2) + indent + lines[k];
    k++;
  }
  return out;
}

/** The document's events as YAML text; null where a node cannot be written so (js-yaml then reads the text as written). */
export function eventsToYaml(events: LibyamlEvent[]): string | null {
  let i = 0;
  const out: string[] = [];
  const properties = (ev: { anchor?: string; tag?: string }): string => {
    const p: string[] = [];
    if (ev.anchor !== undefined) p.push("&" + ev.anchor);
    if (ev.tag !== undefined) p.push(tagText(ev.tag));
    return p.join(" ");
  };
  // Writes the node at events[i] after `lead` (e.g. "? ", "- ") at `indent`; returns false if it
  // cannot, or past YAML_MAX_DEPTH levels (js-yaml's reading of the text as written says so; the
  // recursion and the indentation stay bounded).
  const node = (lead: string, indent: string): boolean => {
    const ev = events[i++];
    if (!ev || indent.length > 2 * YAML_MAX_DEPTH) return false;
    if (ev.type === "ALIAS") {
      out.push(lead + "*" + ev.anchor);
      return true;
    }
    if (ev.type === "SCALAR") {
      const props = properties(ev);
      let body: string;
      // (A plain value that cannot be written plain holds a character no other type's value
      // holds, a trailing `:` or a line break: Psych resolves it to a string, as quoted.)
      body = (ev.style === "plain" ? plainText(ev.value, indent + "  ") : null) ?? doubleQuoted(ev.value);
      out.push(lead + [props, body].filter((s) => s !== "").join(" "));
      return true;
    }
    if (ev.type === "SEQUENCE_START" || ev.type === "MAPPING_START") {
      const props = properties(ev);
      const mapping = ev.type === "MAPPING_START";
      const end = mapping ? "MAPPING_END" : "SEQUENCE_END";
      if (events[i]?.type === end) {
        i++;
        out.push(lead + [props, mapping ? "{}" : "[]"].filter((s) => s !== "").join(" "));
        return true;
      }
      out.push(lead + props);
      const inner = indent + "  ";
      while (events[i] && events[i]!.type !== end) {
        if (mapping) {
          if (!node(inner + "? ", inner + "  ")) return false;
          if (!node(inner + ": ", inner + "  ")) return false;
        } else if (!node(inner + "- ", inner + "  ")) {
          return false;
        }
      }
      if (!events[i]) return false;
      i++;
      return true;
    }
    return false;
  };
  if (!node("", "")) return null;
  if (i !== events.length) return null;
  // (After `--- `, the root's properties stand before a block collection on the next lines.)
  return "--- " + out.join("\n") + "\n";
}
