// How deep YAML collections may nest. js-yaml stops at 100 by default, with "nesting exceeded
// maxDepth", which the error words then took for an unclosed `[`; Psych (libyaml) reads any depth
// its stack allows (a data file nested 1,000 deep builds in Jekyll 4.3.1; about 9,000 is a Ruby
// SystemStackError). 1,000 keeps every document Jekyll reads in practice and bounds the parser's
// recursion; deeper is refused with its own message (yaml.ts).
export const YAML_MAX_DEPTH = 1000;

/** The options every js-yaml parse of site input takes. */
export const YAML_PARSER_OPTIONS = { maxDepth: YAML_MAX_DEPTH } as const;

/** Whether a js-yaml error's reason is the nesting bound. */
export function isNestingBound(reason: string): boolean {
  return /^nesting exceeded maxDepth/.test(reason);
}
