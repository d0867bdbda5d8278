// Ruby Liquid 5.4's `if`, `unless` and `case` (tags/if.rb, unless.rb, case.rb, condition.rb).
// Their markup is read through the template's MarkupParser (the error mode decides strict or lax,
// see ruby-syntax/error-mode.ts); the conditions are Liquid::Condition chains evaluated Ruby's
// way: left to right, `or` stopping at the first truthy comparison and `and` at the first falsy
// one, so an operand after the deciding one is never evaluated (`false and 1 < "a"` is no error).
// - `if`/`unless`: `elsif`s and `else`s (any markup after `else` is ignored; a branch after an
//   `else` is parsed but never taken); `unless` negates its first condition only.
// - `case`: every `when` value equal to the subject renders its body, in order (so `when 1, 1`
//   renders twice), and an `else` renders when no `when` before it matched.
// - A blank block (only whitespace and tags that write nothing) drops its whitespace.
// All render synchronously (see sync-render.ts).
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken, Value } from "liquidjs";
import { compileExpression, type MarkupSpan } from "../compile.js";
import { rubyOperators } from "../operators.js";
import type { ConditionChain } from "../ruby-syntax/syntax.js";
import { caseElseSyntax, caseSyntax, whenSyntax } from "../ruby-syntax/tag-syntax.js";
import { runSync, valueSync } from "../sync-values.js";
import { truthy } from "../../../ruby/values.js";
import { isBlank, parseBody, readSyntax, removeBlankStrings, rubyMarkup, type BlankAware, RubyTag } from "./block-body.js";

type Operator = (l: unknown, r: unknown) => unknown;
const OPERATORS = rubyOperators as unknown as Record<string, Operator>;
// Condition's operators (`and`/`or` join conditions; they are not comparisons).
const COMPARISONS = new Set(["==", "!=", "<>", "<", ">", ">=", "<="]);

interface Comparison {
  left: Value;
  operator?: string;
  right?: Value;
  relation?: "and" | "or";
}

export type CompiledCondition = Comparison[];

/**
 * `conditionLiterals`: the operands are read by Condition.parse_expression (`if`, `unless`), whose
 * `empty`/`blank` are the Condition's method literals; Jekyll's where_exp/find_exp read theirs
 * with Liquid::Expression.parse (ExpressionMethodLiteral).
 */
export function compileCondition(chain: ConditionChain, span: MarkupSpan, conditionLiterals = true): CompiledCondition {
  return chain.map((c) => ({
    left: compileExpression(c.left, span, conditionLiterals),
    operator: c.operator,
    right: c.operator === undefined ? undefined : compileExpression(c.right ?? { kind: "literal", value: null }, span, conditionLiterals),
    relation: c.relation,
  }));
}

function operand(v: Value, ctx: Context): unknown {
  return valueSync(v as never, ctx, !!ctx.opts.lenientIf);
}

/** Condition#interpret_condition. */
function interpret(c: Comparison, ctx: Context): unknown {
  if (c.operator === undefined) return operand(c.left, ctx);
  const left = operand(c.left, ctx);
  const right = operand(c.right!, ctx);
  const op = c.operator;
  if (op !== "contains" && !COMPARISONS.has(op)) throw new Error(`Unknown operator ${op}`);
  return runSync(OPERATORS[op === "<>" ? "!=" : op]!(left, right));
}

/** Condition#evaluate over the chain. */
export function evaluateCondition(condition: CompiledCondition, ctx: Context): unknown {
  let result: unknown;
  for (const c of condition) {
    result = interpret(c, ctx);
    if (c.relation === "or" ? truthy(result) : c.relation === "and" ? !truthy(result) : true) break;
  }
  return result;
}

function renderBody(liquid: Liquid, templates: Template[], ctx: Context, emitter: Emitter): void {
  runSync(liquid.renderer.renderTemplates(templates, ctx, emitter));
}

interface Branch {
  /** null: an `else`. */
  condition: CompiledCondition | null;
  templates: Template[];
}

/** `if` and `unless` (`negateFirst`). */
class RubyIf extends RubyTag implements BlankAware {
  readonly branches: Branch[] = [];
  readonly blank: boolean;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser, private readonly negateFirst: boolean) {
    super(token, remain, liquid);
    const tagLine = rubyMarkup(token).site.line;
    const push = (t: TagToken, isElse: boolean): Branch => {
      let condition: CompiledCondition | null = null;
      if (!isElse) {
        const ruby = rubyMarkup(t);
        condition = compileCondition(ruby.parser.condition(ruby.markup, ruby.site, tagLine), ruby.span);
      }
      const branch = { condition, templates: [] };
      this.branches.push(branch);
      return branch;
    };
    let current = push(token, false);
    let blank = true;
    parseBody(liquid, parser, remain, token, token.name, (tpl) => {
      blank &&= isBlank(tpl);
      current.templates.push(tpl);
    }, (t) => {
      if (t.name !== "elsif" && t.name !== "else") return false;
      current = push(t, t.name === "else");
      return true;
    });
    this.blank = blank;
    if (blank) for (const b of this.branches) b.templates = removeBlankStrings(b.templates);
  }

  render(ctx: Context, emitter: Emitter): void {
    for (let i = 0; i < this.branches.length; i++) {
      const b = this.branches[i]!;
      if (b.condition === null) {
        renderBody(this.liquid, b.templates, ctx, emitter);
        return;
      }
      const taken = truthy(evaluateCondition(b.condition, ctx));
      if (i === 0 && this.negateFirst ? !taken : taken) {
        renderBody(this.liquid, b.templates, ctx, emitter);
        return;
      }
    }
  }
}

export class RubyIfTag extends RubyIf {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid, parser, false);
  }
}

export class RubyUnlessTag extends RubyIf {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid, parser, true);
  }
}

interface WhenBlock {
  /** null: an `else`. */
  value: Value | null;
  body: { templates: Template[] };
}

export class RubyCaseTag extends RubyTag implements BlankAware {
  private readonly subject: Value;
  private readonly blocks: WhenBlock[] = [];
  readonly blank: boolean;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    this.subject = compileExpression(readSyntax(token, caseSyntax), rubyMarkup(token).span);
    // Text before the first `when` belongs to no branch (but its tags are still read).
    let body: { templates: Template[] } = { templates: [] };
    const bodies = [body];
    let blank = true;
    parseBody(liquid, parser, remain, token, token.name, (tpl) => {
      blank &&= isBlank(tpl);
      body.templates.push(tpl);
    }, (t) => {
      if (t.name !== "when" && t.name !== "else") return false;
      const m = rubyMarkup(t);
      body = { templates: [] };
      bodies.push(body);
      try {
        if (t.name === "else") {
          caseElseSyntax(m.markup);
          this.blocks.push({ value: null, body });
        } else {
          for (const v of whenSyntax(m.markup)) this.blocks.push({ value: compileExpression(v, m.span, true), body });
        }
      } catch (e) {
        m.parser.error(e, m.site);
      }
      return true;
    });
    this.blank = blank;
    if (blank) for (const b of bodies) b.templates = removeBlankStrings(b.templates);
  }

  render(ctx: Context, emitter: Emitter): void {
    let elseAllowed = true;
    for (const block of this.blocks) {
      if (block.value === null) {
        if (elseAllowed) renderBody(this.liquid, block.body.templates, ctx, emitter);
        continue;
      }
      const subject = operand(this.subject, ctx);
      if (truthy(runSync(OPERATORS["=="]!(subject, operand(block.value, ctx))))) {
        elseAllowed = false;
        renderBody(this.liquid, block.body.templates, ctx, emitter);
      }
    }
  }
}
