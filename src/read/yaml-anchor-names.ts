// Anchor and alias names as libyaml scans them: letters, digits, `_` and `-` only. js-yaml takes
// any other character up to the next space as part of the name (`&x.y`, `*x/y`); libyaml stops
// at it and, unless it is one that may follow a token (`?`, `:`, `,`, `]`, `}`, `%`, `@`, a
// backquote), refuses it: "did not find expected alphabetic or numeric character while scanning
// an anchor" (or "an alias"), at the `&` or `*`. Where such a character follows, libyaml reads the
// shorter name and then that token: `&x: v` is an anchored empty key ({nil => "v"}), `*x: v` the
// aliased value as a key.
import { EVENT_ALIAS } from "js-yaml";
import { yamlEvents } from "./yaml-depth.js";

/** An anchor or alias whose name has a character outside libyaml's, at a word boundary. */
const MAYBE_BAD_NAME = /(?:^|[\s[{,])[&*][\w-]*[^\w\s?:,\]}%@`-]/m;

/** An anchor or alias name followed, without a space, by a character libyaml ends it at. */
const MAYBE_ENDED_NAME = /(?:^|[\s[{,])[&*][\w-]+[?:,\]}%@`]/m;

/** The first anchor or alias libyaml refuses: where (its `&` or `*`) and libyaml's words; null when none. */
export function invalidAnchorName(text: string): { at: number; reason: string } | null {
  if (!MAYBE_BAD_NAME.test(text)) return null;
  const root = invalidRootAnchorName(text);
  if (root !== undefined) return root;
  const events = yamlEvents<{ type: number; anchorStart?: number; anchorEnd?: number }>(text);
  if (!events) return null;
  for (const ev of events) {
    if (ev.anchorStart === undefined || ev.anchorEnd === undefined || ev.anchorStart < 1) continue;
    const name = text.slice(ev.anchorStart, ev.anchorEnd);
    const bad = name.search(/[^A-Za-z0-9_-]/);
    if (bad < 0 || "?:,]}%@`".includes(name[bad]!)) continue;
    return { at: ev.anchorStart - 1, reason: `did not find expected alphabetic or numeric character while scanning an ${ev.type === EVENT_ALIAS ? "alias" : "anchor"}` };
  }
  return null;
}

/**
 * The root's properties, read before anything else (`&x#c\n 'q'`): libyaml's scanner meets a bad
 * name there whatever js-yaml makes of the rest, which it may not read at all. The error; null
 * when a tag before it has a `#` (libyaml's error there comes first, yaml-tag-chars.ts);
 * undefined when the properties hold no bad name (the events decide the rest).
 */
function invalidRootAnchorName(text: string): { at: number; reason: string } | null | undefined {
  let at = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---[ \t]+)?[ \t]*/.exec(text)![0].length;
  // (A node takes two properties; libyaml reads a few more before it stops on a repeat.)
  for (let n = 0; n < 4; n++) {
    const token = /^[!&][^\s]*/.exec(text.slice(at));
    if (!token) return undefined;
    if (token[0][0] === "!") {
      if (token[0].includes("#")) return null;
    } else {
      const name = token[0].slice(1);
      const bad = name.search(/[^A-Za-z0-9_-]/);
      if (bad >= 0 && !"?:,]}%@`".includes(name[bad]!)) return { at, reason: "did not find expected alphabetic or numeric character while scanning an anchor" };
      if (bad >= 0) return undefined;
    }
    at += token[0].length;
    at += /^(?:[ \t\r\n]+(?:#[^\n]*)?)*/.exec(text.slice(at))![0].length;
  }
  return undefined;
}

/**
 * The text with a space between each anchor or alias name and a character libyaml ends the name
 * at without an error (`&x: v` → `&x : v`), so that js-yaml reads the tokens libyaml reads. The
 * text as it was when there is none (or js-yaml cannot read it: the load reports that).
 */
export function separateAnchorNames(text: string): string {
  return insertSpaces(text, anchorNameCuts(text));
}

/** Rounds of trial cuts where js-yaml cannot read the text as written (anchorNameCuts). */
const MAX_CUT_ROUNDS = 4;

/** Where separateAnchorNames puts its spaces: offsets in the text, in ascending order. */
export function anchorNameCuts(text: string): number[] {
  if (!MAYBE_ENDED_NAME.test(text)) return [];
  const cuts = endedNameCuts(text);
  if (cuts !== null) return cuts.sort((a, b) => a - b);
  // js-yaml cannot read the text as written: it may be the names themselves that stop it, as a
  // name running into the `:` of a compact mapping in a sequence entry (`- &a: v\n  b: c`) or an
  // alias used as a key (`*a: v`). Cut before each such character where the text shows one, and
  // keep the cuts that js-yaml then reads as the end of a name (not those inside quotes or
  // comments); each round drops at least one cut, and after MAX_CUT_ROUNDS the text is left as
  // it is (each round reads the whole text).
  let candidates: number[] = [];
  for (const m of text.matchAll(new RegExp(MAYBE_ENDED_NAME.source, "gm"))) {
    candidates.push(m.index + m[0].length - 1);
  }
  for (let round = 0; round < MAX_CUT_ROUNDS && candidates.length > 0; round++) {
    const ended = endedNameCuts(insertSpaces(text, candidates), true);
    if (ended === null) return [];
    // Where each candidate's space is in the cut text (the spaces before it shifted it).
    const kept = candidates.filter((at, i) => ended.includes(at + i));
    if (kept.length === candidates.length) return candidates;
    candidates = kept;
  }
  return [];
}

/**
 * Where js-yaml's events show an anchor or alias name that libyaml ends early: the offsets of
 * the characters it ends them at; with `separated`, the offsets of the spaces before such
 * characters (a name followed by a space and one of them). Null when js-yaml cannot read the text.
 */
function endedNameCuts(text: string, separated = false): number[] | null {
  const events = yamlEvents<{ anchorStart?: number; anchorEnd?: number }>(text);
  if (!events) return null;
  const cuts: number[] = [];
  for (const ev of events) {
    if (ev.anchorStart === undefined || ev.anchorEnd === undefined || ev.anchorStart < 1) continue;
    if (separated) {
      if (text[ev.anchorEnd] === " " && "?:,]}%@`".includes(text[ev.anchorEnd + 1] ?? "")) cuts.push(ev.anchorEnd);
      continue;
    }
    const bad = text.slice(ev.anchorStart, ev.anchorEnd).search(/[^A-Za-z0-9_-]/);
    if (bad > 0) cuts.push(ev.anchorStart + bad);
  }
  return cuts;
}

/** The text with a space inserted before each of the offsets (ascending). */
export function insertSpaces(text: string, cuts: number[]): string {
  let out = text;
  for (let i = cuts.length - 1; i >= 0; i--) out = `${out.slice(0, cuts[i])} ${out.slice(cuts[i])}`;
  return out;
}

/** The offset in the text of an offset in insertSpaces(text, cuts). */
export function offsetBeforeSpaces(at: number, cuts: number[]): number {
  let shift = 0;
  for (let i = 0; i < cuts.length && cuts[i]! + i < at; i++) shift++;
  return at - shift;
}
