// Ruby Liquid 5.4's `for`, `tablerow` and `ifchanged` (tags/for.rb, table_row.rb, ifchanged.rb).
//
// for: the markup is read in the template's error mode (strict, or For's lax regex: see
// ruby-syntax/error-mode.ts); offset, then limit, then `reversed`; `offset: continue` resumes
// where the last loop with the same name (`variable-collection markup`) stopped; a range is its
// array, a hash its [key, value] pairs (a Jekyll drop: its keys), a non-empty string one item;
// `forloop.parentloop` is the enclosing loop; `{{ forloop }}` prints the Ruby class name.
// tablerow: TableRow::Syntax (any `key: value` in the markup is an attribute), Ruby's exact
// markup, `<tr class="row1">\n` first and `</tr>\n` after each row.
// All three render synchronously (see sync-render.ts).
import { Drop } from "liquidjs";
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken, Value } from "liquidjs";
import { ExpressionMethodLiteral, methodLiteral } from "../operators.js";
import { compileExpression } from "../compile.js";
import { stringToI } from "../../../ruby/number.js";
import { tablerowSyntax } from "../ruby-syntax/tag-syntax.js";
import { JekyllTime } from "../../../ruby/time.js";
import { RubyBigRange, RubyFloat, eachItems, inspect, isHash, plain, rubyClass, rubyInteger } from "../../../ruby/values.js";
import { refuseRange, toInteger } from "../filters/standard.js";
import { runSync, valueSync } from "../sync-values.js";
import { iteration, reserveIterations } from "../budget.js";
import { isBlank, parseBody, readSyntax, removeBlankStrings, rubyMarkup, type BlankAware, RubyTag } from "./block-body.js";
import { interruptPending, popInterrupt } from "./interrupts.js";

export class RubyForloop extends Drop {
  i = 0;
  constructor(readonly length: number, readonly name: string, private readonly parent: RubyForloop | null) {
    super();
  }
  index() { return this.i + 1; }
  index0() { return this.i; }
  rindex() { return this.length - this.i; }
  rindex0() { return this.length - this.i - 1; }
  first() { return this.i === 0; }
  last() { return this.i === this.length - 1; }
  parentloop() { return this.parent; }
  rubyToS() { return "Liquid::ForloopDrop"; }
}

class RubyTablerowloop extends Drop {
  i = 0;
  colNo = 1;
  rowNo = 1;
  constructor(readonly length: number, private readonly cols: number) {
    super();
  }
  col() { return this.colNo; }
  col0() { return this.colNo - 1; }
  col_first() { return this.colNo === 1; }
  col_last() { return this.colNo === this.cols; }
  row() { return this.rowNo; }
  index() { return this.i + 1; }
  index0() { return this.i; }
  rindex() { return this.length - this.i; }
  rindex0() { return this.length - this.i - 1; }
  first() { return this.i === 0; }
  last() { return this.i === this.length - 1; }
  increment() {
    this.i++;
    if (this.colNo === this.cols) {
      this.colNo = 1;
      this.rowNo++;
    } else this.colNo++;
  }
  rubyToS() { return "Liquid::TablerowloopDrop"; }
}

/** Liquid::Utils.slice_collection over what Ruby can iterate. */
function sliceCollection(collection: unknown, from: number, to: number | null): unknown[] {
  const v = plain(collection);
  // For#collection_segment makes `to_a` of a Range before it slices: the whole Range.
  if (v instanceof RubyBigRange) refuseRange(v);
  let items: unknown[];
  // A String is one item whatever the offset and limit (slice_collection_using_each).
  if (typeof v === "string") return v === "" ? [] : [v];
  else if (Array.isArray(v)) items = v;
  else if (isHash(v)) items = eachItems(v); // a Hash its pairs, a Jekyll drop its keys
  else items = [];
  // Index `from` up to (not including) `to`, counted from the start: a negative offset takes
  // everything, a limit that ends before the offset nothing.
  const end = to === null ? items.length : Math.min(Math.max(to, 0), items.length);
  return items.slice(Math.max(from, 0), Math.max(end, Math.max(from, 0)));
}

/** Items `from` up to `to` (exclusive) of a RubyBigRange, counted against the render's bounds first. */
function bigRangeSlice(range: RubyBigRange, from: number, to: number): unknown[] {
  const start = Math.max(from, 0);
  const size = range.size;
  const end = typeof size === "bigint" ? to : Math.min(to, size);
  if (end <= start) return [];
  reserveIterations(end - start);
  const first = BigInt(range.first);
  const out: unknown[] = [];
  for (let i = start; i < end; i++) out.push(rubyInteger(first + BigInt(i)));
  return out;
}

const FOR_STACK = "jekyll:for_stack";
const FOR_OFFSETS = "jekyll:for_offsets";

function value(v: Value | undefined, ctx: Context): unknown {
  return v === undefined ? undefined : plain(valueSync(v as never, ctx));
}

/** Ruby's `for`: its markup read in the template's error mode (For#strict_parse / #lax_parse). */
export class RubyForTag extends RubyTag implements BlankAware {
  private readonly variable: string;
  private readonly loopName: string;
  private readonly collection: Value;
  private readonly reversed: boolean;
  private readonly limit?: Value;
  private readonly offset?: Value | "continue";
  private templates: Template[] = [];
  private elseTemplates: Template[] | null = null;
  readonly blank: boolean;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    const ruby = rubyMarkup(token);
    const syntax = ruby.parser.forLoop(ruby.markup, ruby.site);
    this.variable = syntax.variable;
    this.loopName = syntax.name;
    this.collection = compileExpression(syntax.collection, ruby.span);
    this.reversed = syntax.reversed;
    if (syntax.limit) this.limit = compileExpression(syntax.limit, ruby.span);
    if (syntax.offset) this.offset = syntax.offset === "continue" ? "continue" : compileExpression(syntax.offset, ruby.span);
    let blank = true;
    let body = this.templates;
    // For#parse: the loop body, then (after `else`) the else body; a second `else` ends the tag
    // there, as in Ruby, leaving the rest to the enclosing block.
    let elseSeen = 0;
    try {
      parseBody(liquid, parser, remain, token, token.name, (tpl) => {
        blank &&= isBlank(tpl);
        body.push(tpl);
      }, (t) => {
        if (t.name !== "else") return false;
        if (elseSeen++) throw SECOND_ELSE;
        body = this.elseTemplates = [];
        return true;
      });
    } catch (e) {
      if (e !== SECOND_ELSE) throw e;
      this.elseTemplates = [];
    }
    this.blank = blank;
    if (blank) {
      this.templates = removeBlankStrings(this.templates);
      if (this.elseTemplates) this.elseTemplates = removeBlankStrings(this.elseTemplates);
    }
  }

  // A plain function rather than a generator: we only render synchronously (sync-render.ts).
  render(ctx: Context, emitter: Emitter): void {
    const r = this.liquid.renderer;
    const name = this.loopName;
    const offsets = ctx.getRegister(FOR_OFFSETS, {}) as Record<string, number>;
    let from = 0;
    if (this.offset === "continue") from = offsets[name] ?? 0;
    else if (this.offset !== undefined) {
      const v = value(this.offset, ctx);
      from = v === null || v === undefined ? 0 : toInteger(v);
    }
    const collection = valueSync(this.collection as never, ctx);
    let to: number | null = null;
    if (this.limit !== undefined) {
      const l = value(this.limit, ctx);
      if (l !== null && l !== undefined) to = toInteger(l) + from;
    }
    // For#collection_segment makes the whole Range an Array before slicing (Jekyll runs out of
    // memory on a long one); within a limit the same items are made without the rest.
    const range = plain(collection);
    const segment = range instanceof RubyBigRange && to !== null ? bigRangeSlice(range, from, to) : sliceCollection(collection, from, to);
    if (this.reversed) segment.reverse();
    offsets[name] = from + segment.length;
    if (!segment.length) {
      if (this.elseTemplates) runSync(r.renderTemplates(this.elseTemplates, ctx, emitter));
      return;
    }
    reserveIterations(segment.length);
    const stack = ctx.getRegister(FOR_STACK, []) as RubyForloop[];
    const forloop = new RubyForloop(segment.length, name, stack[stack.length - 1] ?? null);
    stack.push(forloop);
    const scope: Record<string, unknown> = { forloop };
    ctx.push(scope);
    try {
      for (const item of segment) {
        scope[this.variable] = item;
        iteration();
        runSync(r.renderTemplates(this.templates, ctx, emitter));
        forloop.i++;
        // For#render_segment: one interrupt, the last pushed, is handled per iteration; others
        // stay pending (interrupts.ts).
        if (interruptPending(ctx) && popInterrupt(ctx) === "break") break;
      }
    } finally {
      ctx.pop();
      stack.pop();
    }
  }
}

/** Thrown to stop reading a `for` at its second `else` (For#parse reads one else body). */
const SECOND_ELSE = new Error("second else");

/** `to_i` as TableRow uses it: nil 0, numbers truncated, strings by their leading digits, a Time its epoch; other values (a Date among them) have none. */
function toI(v: unknown): number {
  // `blank`/`empty` (Jekyll's method literals) have no to_i either.
  if (methodLiteral(v) || v instanceof ExpressionMethodLiteral) throw new Error("undefined method `to_i' for a method literal");
  v = plain(v);
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return Math.trunc(v);
  // A Bignum: as a count (cols, limit, offset) it is past any collection, which Number() keeps.
  if (typeof v === "bigint") return Number(v);
  if (v instanceof RubyFloat) return Math.trunc(v.value);
  if (typeof v === "string") return stringToI(v);
  // Time#to_i is its epoch; a Date has no to_i.
  if (v instanceof JekyllTime && !v.dateOnly) return Math.floor(v.epochMs / 1000);
  throw new Error(`undefined method \`to_i' for ${inspect(v)}:${rubyClass(v)}`);
}

/** Ruby's `tablerow`: TableRow::Syntax and its attributes (cols, limit, offset). */
export class RubyTablerowTag extends RubyTag implements BlankAware {
  private readonly variable: string;
  private readonly collection: Value;
  private readonly attributes = new Map<string, Value>();
  private readonly templates: Template[] = [];
  readonly blank: boolean;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    const syntax = readSyntax(token, tablerowSyntax);
    const span = rubyMarkup(token).span;
    this.variable = syntax.variable;
    this.collection = compileExpression(syntax.collection, span);
    for (const [k, v] of syntax.attributes) this.attributes.set(k, compileExpression(v, span));
    let blank = true;
    parseBody(liquid, parser, remain, token, token.name, (tpl) => {
      blank &&= isBlank(tpl);
      this.templates.push(tpl);
    });
    this.blank = blank;
  }

  render(ctx: Context, emitter: Emitter): void {
    const collection = plain(valueSync(this.collection as never, ctx));
    if (collection === null || collection === undefined || collection === false) return;
    const attr = (k: string) => (this.attributes.has(k) ? valueSync(this.attributes.get(k) as never, ctx) : undefined);
    const from = this.attributes.has("offset") ? toI(attr("offset")) : 0;
    const to = this.attributes.has("limit") ? from + toI(attr("limit")) : null;
    // TableRow slices with `each`, which stops at the limit: a long Range with one is fine.
    const items = collection instanceof RubyBigRange && to !== null ? bigRangeSlice(collection, from, to) : sliceCollection(collection, from, to);
    reserveIterations(items.length);
    const cols = toI(attr("cols"));
    emitter.write('<tr class="row1">\n');
    const loop = new RubyTablerowloop(items.length, cols);
    const scope: Record<string, unknown> = { tablerowloop: loop };
    ctx.push(scope);
    try {
      for (const item of items) {
        scope[this.variable] = item;
        iteration();
        emitter.write(`<td class="col${loop.col()}">`);
        runSync(this.liquid.renderer.renderTemplates(this.templates, ctx, emitter));
        emitter.write("</td>");
        if (loop.col_last() && !loop.last()) emitter.write(`</tr>\n<tr class="row${loop.row() + 1}">`);
        loop.increment();
      }
    } finally {
      ctx.pop();
    }
    emitter.write("</tr>\n");
  }
}

/** `{% ifchanged %}`: writes its block only when it differs from the last time it was written. */
export class IfchangedTag extends RubyTag implements BlankAware {
  private readonly templates: Template[] = [];
  readonly blank: boolean;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    let blank = true;
    parseBody(liquid, parser, remain, token, token.name, (tpl) => {
      blank &&= isBlank(tpl);
      this.templates.push(tpl);
    });
    this.blank = blank;
  }
  render(ctx: Context, emitter: Emitter): void {
    const html = runSync(this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    if (ctx.getRegister("jekyll:ifchanged") !== html) {
      ctx.setRegister("jekyll:ifchanged", html);
      emitter.write(html);
    }
  }
}
