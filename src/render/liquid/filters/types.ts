import type { Context, Liquid } from "liquidjs";

/** `this` of a liquidjs filter. */
export interface FilterThis {
  context: Context;
  liquid: Liquid;
}

// Filters may be generator functions: liquidjs runs what they yield (expressions of where_exp…).
export type FilterFn = (this: FilterThis, input: any, ...args: any[]) => unknown;
export type FilterTable = Record<string, FilterFn>;

