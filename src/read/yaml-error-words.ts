// libyaml's words (and place) for YAML syntax errors that js-yaml words its own way. Jekyll prints
// Psych's message ("YAML Exception reading x.md: (<unknown>): mapping values are not allowed in
// this context at line 3 column 10"; for `_data` and `_config.yml` the build stops with it), so a
// user searching for it, or comparing with a Jekyll log, should read the same sentence. Only the
// cases whose libyaml place follows from js-yaml's are translated; the others keep js-yaml's words:
//  - a `: ` where js-yaml stopped (`title: Foo: bar`, a line without a colon before `key: v`): the
//    scanner's "mapping values are not allowed in this context", at that colon;
//  - `@` or a backquote where a token would start (`title: @home`): "found character that cannot
//    start any token while scanning for the next token", at it;
//  - an alias whose anchor is not defined before it: Psych's "Unknown alias: x";
//  - `&` or `*` without a name: "did not find expected alphabetic or numeric character while
//    scanning an anchor" (or "an alias"), at it;
//  - text after a block scalar's `|` or `>` (`title: >draft`): "did not find expected comment or
//    line break while scanning a block scalar", at the indicator;
//  - a plain scalar where a key was due that runs past its line without `: `: "could not find
//    expected ':' while scanning a simple key", at its start;
//  - anything else after a complete value in a block collection (`title: "Quoted" rest`,
//    `title: [Draft] post`, a key indented between two levels): the parser's "did not find expected
//    key while parsing a block mapping" or "did not find expected '-' indicator while parsing a
//    block collection", at the start of the collection that was waiting (Psych's context mark);
//    so is an alias after a tag or an anchor (`a: !t *x`), whose properties make an empty node,
//    and a second anchor or tag on one node (`- &y &x v`).
import { COLLECTION_STYLE_BLOCK, EVENT_MAPPING, EVENT_POP, EVENT_SEQUENCE } from "js-yaml";
import { yamlEvents } from "./yaml-depth.js";

export interface LibyamlError { reason: string; at: number }

/** js-yaml's reasons for stopping where libyaml's scanner or parser stops on the same place. */
const STRAY_TOKEN_REASONS = new Set([
  "bad indentation of a mapping entry",
  "bad indentation of a sequence entry",
  "end of the stream or a document separator is expected",
]);

/** js-yaml's reasons for a plain scalar that runs on where a key was due. */
const UNFINISHED_KEY_REASONS = new Set([
  "can not read a block mapping entry; a multiline key may not be an implicit key",
  "expected ':' after a mapping key",
]);

/** libyaml's reason and place for the error js-yaml reports as `reason` at `position`; null: keep js-yaml's. */
export function libyamlError(text: string, reason: string, position: number): LibyamlError | null {
  if (UNFINISHED_KEY_REASONS.has(reason)) {
    const at = unfinishedKeyStart(text, position);
    if (at < 0) return null;
    // Before it finds no `:`, libyaml may stop in the key's own lines: at a tab left of its
    // indentation in a line it runs on to (its block's column plus one; the key is at that column).
    const keyColumn = at - (text.lastIndexOf("\n", at - 1) + 1);
    const runOn = text.slice(text.indexOf("\n", at) + 1, position).split("\n");
    if (text.indexOf("\n", at) >= 0 && runOn.some((line) => /^ *\t/.test(line) && /^ */.exec(line)![0].length <= keyColumn)) {
      return { reason: "found a tab character that violates indentation while scanning a plain scalar", at };
    }
    return { reason: "could not find expected ':' while scanning a simple key", at };
  }
  // `&` or `*` without a name: libyaml reports it at the sigil, js-yaml past it.
  const nameless = /^name of an (anchor|alias) node must contain at least one character$/.exec(reason);
  if (nameless && position > 0 && "&*".includes(text[position - 1]!)) {
    return { reason: `did not find expected alphabetic or numeric character while scanning an ${nameless[1]}`, at: position - 1 };
  }
  // A tag holding a character libyaml's URI scanner refuses (`!t"x"`, `!t{`, `!tü`): libyaml wants
  // whitespace there, and names the tag's start; js-yaml names its end.
  if (/^(?:tag name cannot contain such characters|tag suffix cannot contain flow indicator characters)/.test(reason)) {
    let at = position;
    while (at > 0 && !/\s/.test(text[at - 1]!)) at--;
    const bang = text.indexOf("!", at);
    if (bang >= 0 && bang < position) return { reason: "did not find expected whitespace or line break while scanning a tag", at: bang };
  }
  // An alias to an anchor not (yet) defined: Psych's own error (Psych::BadAlias), which names no place.
  const alias = /^unidentified alias "(.*)"$/.exec(reason);
  if (alias && position >= 0) return { reason: `Unknown alias: ${alias[1]}`, at: position };
  if (reason === "a line break is expected" && position >= 0) {
    // Text after a block scalar's header (`title: >draft`): libyaml names the header's indicator.
    const lineStart = text.lastIndexOf("\n", position - 1) + 1;
    const header = /[|>][-+0-9]*[ \t]*$/.exec(text.slice(lineStart, position));
    return header ? { reason: "did not find expected comment or line break while scanning a block scalar", at: lineStart + header.index } : null;
  }
  // Properties before an alias (`a: !t *x`): libyaml gives the properties an empty node, so the
  // value is complete and the alias is a token the block collection does not expect. (At the root
  // the document ends there instead, which Psych returns: see loadFirstDocument.)
  // So is a second anchor or tag on one node (`- &y &x v`): a node takes one of each, and the
  // repeat starts a token after the empty node (at the root: yaml-root-properties.ts).
  if ((reason === "alias node should not have any properties" || reason === "duplication of an anchor property" || reason === "duplication of a tag property") && position >= 0) {
    const waiting = blockCollectionAt(text, position);
    if (!waiting) return null;
    return waiting.mapping
      ? { reason: "did not find expected key while parsing a block mapping", at: waiting.start }
      : { reason: "did not find expected '-' indicator while parsing a block collection", at: waiting.start };
  }
  if (!STRAY_TOKEN_REASONS.has(reason) || position < 0 || position >= text.length) return null;
  const c = text[position]!;
  const lineStart = text.lastIndexOf("\n", position - 1) + 1;
  const column = position - lineStart;
  const afterText = text.slice(lineStart, position).trim() !== "";
  const indicator = /^[-?:](?:[ \t\r\n]|$)/.test(text.slice(position));
  // The scanner's refusals, at the token: a value, entry or key indicator after other text on its
  // line, where no simple key or block collection may start; a character no token starts with.
  if (indicator && afterText) {
    const what = c === ":" ? "mapping values are" : c === "-" ? "block sequence entries are" : "mapping keys are";
    return { reason: `${what} not allowed in this context`, at: position };
  }
  if (c === "@" || c === "`" || (c === "%" && column > 0)) return { reason: "found character that cannot start any token while scanning for the next token", at: position };
  // (A flow end first on its line is still where a value was due after a `key:` or `-` that ends
  // the line before.)
  const before = text.slice(Math.max(0, text.lastIndexOf("\n", lineStart - 2) + 1), lineStart);
  const awaitingValue = /(?::|^[ \t]*-)[ \t]*(?:[ \t]#[^\n]*)?\r?\n$/.test(before);
  if ((c === "," || c === "]" || c === "}") && (afterText || awaitingValue)) return { reason: "did not find expected node content while parsing a block node", at: position };
  // A token the parser did not expect: only where it is a scalar, a flow collection or a
  // first-on-its-line indicator (anchors, aliases, tags, block scalars and directives fail on words
  // of their own).
  if (!/^(?:[-?:](?:[ \t\r\n]|$)|[^-?:#&*!|>'"%@`\s]|[-?:][^ \t\r\n]|["'])/.test(text.slice(position))) return null;
  const waiting = blockCollectionAt(text, position);
  if (!waiting) return null;
  // A scalar at a block sequence's own column is a simple key libyaml requires (indent ==
  // column): without a `: ` after it on its line it is never one.
  if (!waiting.mapping && waiting.column === column && !indicator && !/^[^\n#]*?:(?:[ \t\r]|$)/m.test(text.slice(position).split("\n")[0]!)) {
    return { reason: "could not find expected ':' while scanning a simple key", at: position };
  }
  return waiting.mapping
    ? { reason: "did not find expected key while parsing a block mapping", at: waiting.start }
    : { reason: "did not find expected '-' indicator while parsing a block collection", at: waiting.start };
}

/**
 * Where the key starts that js-yaml read on past its line (its error comes where the run ends,
 * at a later `:` or at the end): libyaml takes the first token of a line at the block's column as
 * a key it requires, and stops ("could not find expected ':'") as soon as the scanner leaves that
 * line without a `: `. The run is found by walking up from `position` over the lines without a
 * `: ` of their own, each indented no deeper than the one below it (a deeper line is the previous
 * value's), up to a line with a `: `, ending in `:`, or a comment; the key is the first line of
 * the run that is no sequence entry or explicit key. -1 where there is none.
 */
function unfinishedKeyStart(text: string, position: number): number {
  const lines = text.slice(0, Math.min(position, text.length)).split("\n");
  const contentOf = (i: number) => lines[i]!.search(/\S/);
  let top = -1;
  let below = Infinity;
  for (let i = lines.length - 1; i >= 0; i--) {
    const content = contentOf(i);
    if (content < 0) continue;
    const rest = lines[i]!.slice(content).replace(/\r$/, "");
    if (rest.startsWith("#") || /:(?:[ \t]|$)|[ \t]#/.test(rest) || content > below) break;
    top = i;
    below = content;
  }
  if (top < 0) return -1;
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const content = contentOf(i);
    if (i >= top && content >= 0 && !/^[-?](?:[ \t]|$)/.test(lines[i]!.slice(content))) return at + content;
    at += lines[i]!.length + 1;
  }
  return -1;
}

/**
 * The block collection libyaml's parser is in when it meets the token at `position`: of those open
 * there (js-yaml's events for the text before it), the innermost that the token's column does
 * not close (indented no more than the token). A sequence at
 * its parent key's column (`key:\n- a`) ends quietly at any other token (libyaml's indentless
 * sequence), so its mapping is the one waiting. null inside a flow collection, or when js-yaml
 * cannot read the text before the token.
 */
export function blockCollectionAt(text: string, position: number): { mapping: boolean; start: number; column: number } | null {
  const events = yamlEvents<{ type: number; start?: number; style?: number }>(text.slice(0, position));
  if (!events) return null;
  const columnOf = (at: number) => at - (text.lastIndexOf("\n", at - 1) + 1);
  const stack: Array<{ mapping: boolean; start: number; column: number; block: boolean }> = [];
  let open: typeof stack = [];
  for (const ev of events) {
    if (ev.type === EVENT_SEQUENCE || ev.type === EVENT_MAPPING) {
      const start = ev.start ?? -1;
      stack.push({ mapping: ev.type === EVENT_MAPPING, start, column: start < 0 ? -1 : columnOf(start), block: ev.style === COLLECTION_STYLE_BLOCK });
    } else if (ev.type === EVENT_POP) {
      stack.pop();
      continue;
    }
    open = [...stack];
  }
  if (open.some((c) => !c.block || c.start < 0)) return null;
  const column = columnOf(position);
  for (let i = open.length - 1; i >= 0; i--) {
    const c = open[i]!;
    const parent = open[i - 1];
    if (c.column <= column && !(!c.mapping && parent?.mapping && parent.column === c.column)) return c;
  }
  return null;
}
