// The memo of fence.ts's closingLine, which kramdown-blocks.ts's paragraph rule opens a scope of.

/** closingLine's answers: the search from `from` stopped at line `to` with `result`. */
export type FenceMemo = Map<string, { from: number; to: number; result: number }>;

/**
 * A scope's memo before its first question: closingLine makes the Map then. Every paragraph and
 * every tokenize call opens a scope, and most never ask (a paragraph of one line, a document
 * without fences): a Map each was ~3 MB of a 1,000-post build's ~160 MB of allocations. A scope
 * that starts with this marker behaves as one that started with an empty Map.
 */
export const NEW_FENCE_MEMO = Symbol('new fence memo');
