// A block scalar that ends the input on a line without a line break (`a: |\n  x` at the end of a
// data file without a final newline): libyaml's scanner reads no break after its last line, so
// with clip or keep chomping Psych's value ends without one ({"a" => "x"}). js-yaml appends a
// line break to any input that lacks one before it reads it, and so gives "x\n". Where that is
// the case, the scalar's header is given strip chomping (`|` → `|-`, `>+` → `>-`), which reads
// exactly libyaml's value: its text has no trailing break and, its last line holding text, no
// trailing empty lines. (Applied to the text as js-yaml finally reads it, after the rewrites that
// make it readable, such as a header moved off its key's column.)
import { CHOMPING_STRIP, EVENT_SCALAR, SCALAR_STYLE_FOLDED_BLOCK, SCALAR_STYLE_LITERAL_BLOCK } from "js-yaml";
import { yamlEvents } from "./yaml-depth.js";

/** A line that ends in a block scalar header (`|`, `>-`, `|2+`, maybe then a comment). */
const BLOCK_HEADER_LINE = /(?:^|[\s:\-?])[|>][-+1-9]*[ \t]*(?:#[^\n]*)?\r?$/m;

/** The text with the final block scalar's chomping made strip, where libyaml reads its last line without a break; the text itself otherwise. */
export function stripFinalBlockBreak(text: string): string {
  if (text === "" || /[\r\n]$/.test(text) || !BLOCK_HEADER_LINE.test(text)) return text;
  // (Its last line holds text, or spaces past the scalar's indentation, which both read as
  // content (`|2\n    ` is "  " to Psych): a line of no more than the indentation's spaces is an
  // empty line, which js-yaml and libyaml count alike; checked below, where the scalar's value
  // ends at the end of the input only if that line is content.)
  if (text.slice(text.lastIndexOf("\n") + 1).trim() === "" && !/ $/.test(text)) return text;
  const events = yamlEvents<{ type: number; style?: number; chomping?: number; valueStart?: number; valueEnd?: number }>(text);
  if (!events) return text;
  let last: (typeof events)[number] | undefined;
  for (const ev of events) if (ev.type === EVENT_SCALAR) last = ev;
  if (!last || (last.style !== SCALAR_STYLE_LITERAL_BLOCK && last.style !== SCALAR_STYLE_FOLDED_BLOCK)) return text;
  if (last.chomping === CHOMPING_STRIP || last.valueEnd !== text.length || last.valueStart === undefined) return text;
  // The header is on the line before the content's first line.
  const contentLine = text.lastIndexOf("\n", last.valueStart - 1);
  if (contentLine < 0) return text;
  const headerLineStart = text.lastIndexOf("\n", contentLine - 1) + 1;
  const header = /[|>]([-+1-9]*)(?=[ \t]*(?:#[^\n]*)?\r?$)/.exec(text.slice(headerLineStart, contentLine));
  if (!header) return text;
  const at = headerLineStart + header.index;
  const indicators = header[1]!.replace("+", "");
  return `${text.slice(0, at + 1)}${indicators}-${text.slice(at + 1 + header[1]!.length)}`;
}
