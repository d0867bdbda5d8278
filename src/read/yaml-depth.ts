// How deep YAML collections may nest. js-yaml stops at 100 by default, with "nesting exceeded
// maxDepth", which the error words then took for an unclosed `[`; Psych (libyaml) reads any depth
// its stack allows (a data file nested 1,000 deep builds in Jekyll 4.3.1; about 9,000 is a Ruby
// SystemStackError). 1,000 keeps every document Jekyll reads in practice and bounds the parser's
// recursion; deeper is refused with its own message (yaml.ts).
import { parseEvents } from "js-yaml";

export const YAML_MAX_DEPTH = 1000;

/** The options every js-yaml parse of site input takes. */
export const YAML_PARSER_OPTIONS = { maxDepth: YAML_MAX_DEPTH } as const;

/**
 * js-yaml's events for `text` (with the bound above), as the readers that look at a document's
 * shape before it is loaded want them; null when js-yaml cannot read it (the load then reports why).
 */
export function yamlEvents<E>(text: string): E[] | null {
  try {
    return parseEvents(text, YAML_PARSER_OPTIONS) as E[];
  } catch {
    return null;
  }
}

/** Whether a js-yaml error's reason is the nesting bound. */
export function isNestingBound(reason: string): boolean {
  return /^nesting exceeded maxDepth/.test(reason);
}
