// Liquid's error modes (`liquid.error_mode` in _config.yml; Jekyll's default is `warn`), in one
// place: Ruby Liquid 5.4's ParserSwitching, applied where Ruby applies it.
// - An output, `echo` and `assign`'s value (Variable) always try the strict parser first; when it
//   fails, `strict` stops with the error, `warn` records a warning, and both `warn` and `lax` read
//   the markup with the lax parser (strict_parse_with_error_mode_fallback).
// - `if`/`elsif`/`unless` conditions and `for` (parse_with_selected_parser): `strict` uses only
//   the strict parser, `lax` only the lax one, `warn` tries strict and falls back with a warning.
// - Every other tag has a single regex-based syntax in every mode (tag-syntax.ts), and a template
//   that cannot be tokenized fails in every mode (template-tokenizer.ts).
import { laxCondition, laxFor, laxVariable } from "./lax.js";
import { rubyStrip } from "./patterns.js";
import { LiquidSyntaxError, strictCondition, strictFor, strictVariable } from "./strict.js";
import type { ConditionChain, ForSyntax, VariableSyntax } from "./syntax.js";

export type ErrorMode = "warn" | "lax" | "strict";

const MODES: readonly string[] = ["warn", "lax", "strict"];

/** `liquid.error_mode` from the site configuration (Jekyll's default `warn` when absent). */
export function errorModeOf(config: Record<string, any>): ErrorMode {
  const mode = config.liquid?.error_mode ?? "warn";
  // Jekyll hands any string to Liquid, which then fails on the first `if` with a NoMethodError;
  // a clear message is kinder.
  if (!MODES.includes(String(mode))) {
    throw new Error(`liquid.error_mode must be one of warn, lax or strict, not ${JSON.stringify(mode)}`);
  }
  return mode as ErrorMode;
}

/** A markup the strict parser refused, as Liquid::SyntaxError#message words it (without the line prefix). */
export interface SyntaxProblem {
  /** Ruby's message: `Expected id but found string in "{{ x | 'a' }}"`. */
  message: string;
  /** Ruby's line number within the template (1 = its first line). */
  line: number;
  /** Offset in the template source where the problem is. */
  offset: number;
}

/** Where a markup sits in its template. */
export interface MarkupSite {
  line: number;
  /** Offset of the markup's first character in the template source. */
  begin: number;
}

/** A strict-mode failure (and every syntax error no mode lets through), located. */
export class MarkupSyntaxError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(`Liquid syntax error: ${problem.message}`);
    this.name = "MarkupSyntaxError";
  }
}

/** One template's parse: Ruby's ParseContext with its error mode and its warnings. */
export class MarkupParser {
  readonly warnings: SyntaxProblem[] = [];

  constructor(readonly mode: ErrorMode) {}

  /** Variable.new: strict, else (warn/lax) the lax parser. */
  variable(markup: string, at: MarkupSite): VariableSyntax {
    try {
      return strictVariable(markup);
    } catch (e) {
      this.fallBack(e, `{{${markup}}}`, at);
      return laxVariable(markup);
    }
  }

  /**
   * If/Unless#push_block: the condition of `if`, `elsif` and `unless`. `tagLine`: the `if`/`unless`
   * tag's own line, which Ruby gives the strict parse's error of every `elsif` of the tag
   * (strict_parse_with_error_context sets the Tag's line_number); a lax parse's error has the
   * elsif's line.
   */
  condition(markup: string, at: MarkupSite, tagLine = at.line): ConditionChain {
    return this.selected(markup, at, strictCondition, laxCondition, tagLine);
  }

  /**
   * For.new. In warn mode the lax parse follows a failed strict one on the same object: a limit
   * or offset the strict parse had read stays unless the lax scan sets that attribute again
   * (`limit:  2offset: 1..` loops with offset 1: the lax scan reads only `limit: 2offset:`).
   */
  forLoop(markup: string, at: MarkupSite): ForSyntax {
    let kept: Pick<ForSyntax, "limit" | "offset"> | undefined;
    const syntax = this.selected(markup, at, (m) => {
      try {
        return strictFor(m);
      } catch (e) {
        kept = (e as { forAttributes?: Pick<ForSyntax, "limit" | "offset"> }).forAttributes;
        throw e;
      }
    }, laxFor);
    if (kept) {
      if (syntax.limit === undefined && kept.limit !== undefined) syntax.limit = kept.limit;
      if (syntax.offset === undefined && kept.offset !== undefined) syntax.offset = kept.offset;
    }
    return syntax;
  }

  /** A syntax error of a tag with one syntax: the same in every mode. */
  error(e: unknown, at: MarkupSite): never {
    if (!(e instanceof LiquidSyntaxError)) throw e;
    throw new MarkupSyntaxError({ message: e.message, line: at.line, offset: at.begin + (e.offset ?? 0) });
  }

  private selected<T>(markup: string, at: MarkupSite, strict: (m: string) => T, lax: (m: string) => T, strictLine = at.line): T {
    if (this.mode === "lax") return this.laxOnly(markup, at, lax);
    try {
      return strict(markup);
    } catch (e) {
      this.fallBack(e, rubyStrip(markup), strictLine === at.line ? at : { line: strictLine, begin: at.begin });
      return this.laxOnly(markup, at, lax);
    }
  }

  private laxOnly<T>(markup: string, at: MarkupSite, lax: (m: string) => T): T {
    try {
      return lax(markup);
    } catch (e) {
      return this.error(e, at);
    }
  }

  /** ParserSwitching's rescue: strict raises (with the markup as context), warn records, lax goes on. */
  private fallBack(e: unknown, context: string, at: MarkupSite): void {
    if (!(e instanceof LiquidSyntaxError)) throw e;
    const problem = { message: `${e.message} in "${context}"`, line: at.line, offset: at.begin + (e.offset ?? 0) };
    if (this.mode === "strict") throw new MarkupSyntaxError(problem);
    if (this.mode === "warn") this.warnings.push(problem);
  }
}
