// Ruby Liquid 5.4's lax parsers: the regular expressions Variable, If and For fall back to when
// the strict parser fails (Jekyll's default `error_mode: warn`, or `lax`). Each function names
// the Ruby method it reproduces; the regexes are Ruby's (patterns.ts explains the translation).
import { parseExpression } from "./expression.js";
import { DOT_ALL, NS, QUOTED_FRAGMENT, S, TAG_ATTRIBUTES_SCAN, VARIABLE_SEGMENT, scan } from "./patterns.js";
import { LiquidSyntaxError, filterExpressions, setForAttribute } from "./strict.js";
import type { ConditionChain, ForSyntax, VariableSyntax } from "./syntax.js";

const QF = QUOTED_FRAGMENT;

// Variable::MarkupWithQuotedFragment = /(#{QuotedFragment})(.*)/om
const MARKUP_WITH_QUOTED_FRAGMENT = new RegExp(`(${QF})(${DOT_ALL}*)`);
// Variable::FilterMarkupRegex = /#{FilterSeparator}\s*(.*)/om
const FILTER_MARKUP = new RegExp(`\\|${S}*(${DOT_ALL}*)`);
// Variable::FilterParser = /(?:\s+|#{QuotedFragment}|#{ArgumentSeparator})+/o
const FILTER_PARSER = new RegExp(`(?:${S}+|${QF}|,)+`, "g");
// Variable::FilterArgsRegex = /(?:#{FilterArgumentSeparator}|#{ArgumentSeparator})\s*((?:\w+\s*\:\s*)?#{QuotedFragment})/o
const FILTER_ARGS = new RegExp(`(?::|,)${S}*((?:\\w+${S}*:${S}*)?${QF})`, "g");
const WORD = /\w+/;

/** Variable#lax_parse: the first fragment is the value; after the first `|`, each run between pipes is a filter named by its first word. */
export function laxVariable(markup: string): VariableSyntax {
  const m = MARKUP_WITH_QUOTED_FRAGMENT.exec(markup);
  if (!m) return { name: null, filters: [] };
  const result: VariableSyntax = { name: parseExpression(m[1]!), filters: [] };
  const f = FILTER_MARKUP.exec(m[2]!);
  if (f) {
    for (const [piece] of scan(FILTER_PARSER, f[1]!)) {
      const name = WORD.exec(piece!);
      if (!name) continue;
      const args = scan(FILTER_ARGS, piece!).map((a) => a[1]!);
      result.filters.push(filterExpressions(name[0], args));
    }
  }
  return result;
}

// If::Syntax = /(#{QuotedFragment})\s*([=!<>a-z_]+)?\s*(#{QuotedFragment})?/o
const IF_SYNTAX = new RegExp(`(${QF})${S}*([=!<>a-z_]+)?${S}*(${QF})?`);
// If::ExpressionsAndOperators = /(?:\b(?:\s?and\s?|\s?or\s?)\b|(?:\s*(?!\b(?:\s?and\s?|\s?or\s?)\b)(?:#{QuotedFragment}|\S+)\s*)+)/o
const AND_OR = `\\b(?:${S}?and${S}?|${S}?or${S}?)\\b`;
const EXPRESSIONS_AND_OPERATORS = new RegExp(`(?:${AND_OR}|(?:${S}*(?!${AND_OR})(?:${QF}|${NS}+)${S}*)+)`, "g");
const IF_ERROR = "Syntax Error in tag 'if' - Valid syntax: if [expression]";

function laxComparison(piece: string | undefined): ConditionChain[number] {
  const m = piece === undefined ? null : IF_SYNTAX.exec(piece);
  if (!m) throw new LiquidSyntaxError(IF_ERROR);
  const condition: ConditionChain[number] = { left: parseExpression(m[1]) };
  if (m[2] !== undefined) {
    condition.operator = m[2];
    condition.right = parseExpression(m[3]);
  }
  return condition;
}

/** If#lax_parse: fragments and `and`/`or` words, joined from the last one back. */
export function laxCondition(markup: string): ConditionChain {
  const pieces = scan(EXPRESSIONS_AND_OPERATORS, markup).map((m) => m[0]);
  const chain: ConditionChain = [laxComparison(pieces.pop())];
  while (pieces.length) {
    const operator = rubyStripAscii(pieces.pop()!);
    const condition = laxComparison(pieces.pop() ?? "");
    if (operator !== "and" && operator !== "or") throw new LiquidSyntaxError(IF_ERROR);
    condition.relation = operator;
    chain.unshift(condition);
  }
  return chain;
}

function rubyStripAscii(s: string): string {
  return s.replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g, "");
}

// For::Syntax = /\A(#{VariableSegment}+)\s+in\s+(#{QuotedFragment}+)\s*(reversed)?/o
const FOR_SYNTAX = new RegExp(`^(${VARIABLE_SEGMENT}+)${S}+in${S}+((?:${QF})+)${S}*(reversed)?`);

/** For#lax_parse: the loop, then every `key: value` anywhere in the markup. */
export function laxFor(markup: string): ForSyntax {
  const m = FOR_SYNTAX.exec(markup);
  if (!m) throw new LiquidSyntaxError("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]");
  const result: ForSyntax = {
    variable: m[1]!,
    collection: parseExpression(m[2]!),
    name: `${m[1]!}-${m[2]!}`,
    reversed: m[3] !== undefined,
  };
  for (const [, key, value] of scan(TAG_ATTRIBUTES_SCAN, markup)) setForAttribute(result, key!, value!);
  return result;
}
