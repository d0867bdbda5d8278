// What Ruby Liquid makes of a tag's or an output's markup, whichever parser (strict or lax) read
// it: the shapes the engine's tags are built from.
import type { Expr } from "./expression.js";

/** A Liquid::Variable: `{{ name | filter: args, key: value }}` (also `assign`'s and `echo`'s value). */
export interface VariableSyntax {
  /** nil when the markup held no expression (`{{ }}`): it renders nothing. */
  name: Expr | null;
  filters: FilterSyntax[];
}

export interface FilterSyntax {
  name: string;
  args: Expr[];
  /** Keyword arguments, in first-seen order (a later duplicate replaces the value): Ruby passes them as one Hash after the positional ones. */
  kwargs: Array<[string, Expr]>;
}

/**
 * An `if`/`elsif`/`unless` condition: Liquid::Condition objects chained left to right. Each is
 * evaluated in turn; `relation` joins it to the next (`or` stops at the first truthy one, `and`
 * at the first falsy one), so `a and b or c` is `a and (b or c)`.
 */
export type ConditionChain = Array<{
  left: Expr;
  /** Any word the lax parser found (`[=!<>a-z_]+`); an unknown one fails when evaluated. */
  operator?: string;
  right?: Expr;
  relation?: "and" | "or";
}>;

/** A `for` tag. */
export interface ForSyntax {
  variable: string;
  collection: Expr;
  /** `"#{variable}-#{collection markup}"`: the key of `offset: continue` and `forloop.name`. */
  name: string;
  reversed: boolean;
  limit?: Expr;
  offset?: Expr | "continue";
}
