import type { Context, Liquid } from "liquidjs";

/** `this` of a liquidjs filter. */
export interface FilterThis {
  context: Context;
  liquid: Liquid;
}

// Filters may be generator functions (liquidjs, and sync-values.ts's runSync, run what they
// yield); ours evaluate expressions synchronously instead (where_exp, group_by_exp).
export type FilterFn = (this: FilterThis, input: any, ...args: any[]) => unknown;
export type FilterTable = Record<string, FilterFn>;

