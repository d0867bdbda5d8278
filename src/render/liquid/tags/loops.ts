// Ruby Liquid 5.4's `for`, `tablerow` and `ifchanged`, on liquidjs's parsers for the first two.
//
// for: offset, then limit, then `reversed` (only when written right after the collection); `offset:
// continue` resumes where the last loop over the same variable and collection stopped; a range
// is its array, a hash its [key, value] pairs (a Jekyll drop: its keys), a non-empty string one item; `forloop.parentloop`
// is the enclosing loop; `{{ forloop }}` prints the Ruby class name.
// tablerow: Ruby's exact markup, `<tr class="row1">\n` first and `</tr>\n` after each row.
import { Drop, ForTag, TablerowTag, Tag, TokenKind, evalToken, toValue } from "liquidjs";
import type { Context, Emitter, Liquid, Parser, TagToken, TopLevelToken } from "liquidjs";
import { eachItems, isHash, plain, toS } from "../ruby/values.js";
import { toInteger } from "../filters/standard.js";
import { evalTokenSync, runSync } from "../sync-values.js";
import { iteration, remainingIterations, reserveIterations } from "../budget.js";

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
  let items: unknown[];
  if (typeof v === "string") items = v === "" ? [] : [v];
  else if (Array.isArray(v)) items = v;
  else if (isHash(v)) items = eachItems(v); // a Hash its pairs, a Jekyll drop its keys
  else items = [];
  return items.slice(from, to === null ? undefined : to);
}

/**
 * A loop's collection. A range (`(1..n)`) is counted before it is made: liquidjs would build the
 * whole array first, so `(1..100000000)` took gigabytes before the first iteration. The bounds
 * are read as liquidjs's evalRangeToken reads them (`+value`), so the items are the same.
 */
function evalCollection(token: any, ctx: Context): unknown {
  if (token?.kind !== TokenKind.Range) return evalTokenSync(token, ctx);
  const low = +(toValue(evalTokenSync(token.lhs, ctx)) as number);
  const high = +(toValue(evalTokenSync(token.rhs, ctx)) as number);
  const n = Math.ceil(high + 1 - low);
  if (n > remainingIterations()) reserveIterations(n);
  const items: number[] = [];
  for (let i = low; i < high + 1; i++) items.push(i);
  return items;
}

const FOR_STACK = "jekyll:for_stack";
const FOR_OFFSETS = "jekyll:for_offsets";

export class RubyForTag extends ForTag {
  // A plain function rather than a generator: we only render synchronously (sync-render.ts).
  override render(ctx: Context, emitter: Emitter): any {
    const self = this as any;
    const r = this.liquid.renderer;
    const name = (self.loopName ??= `${self.variable}-${self.collection.getText()}`) as string;
    const offsets = ctx.getRegister(FOR_OFFSETS, {}) as Record<string, number>;
    const hash = self.hash.hash as Record<string, any>;
    let from = 0;
    if (hash.offset !== undefined) {
      if (hash.offset?.getText?.() === "continue") from = offsets[name] ?? 0;
      else {
        const v = plain(evalTokenSync(hash.offset, ctx));
        from = v === null || v === undefined ? 0 : toInteger(v);
      }
    }
    const collection = evalCollection(self.collection, ctx);
    let to: number | null = null;
    if (hash.limit !== undefined) {
      const l = plain(evalTokenSync(hash.limit, ctx));
      if (l !== null && l !== undefined) to = toInteger(l) + from;
    }
    const segment = sliceCollection(collection, from, to);
    // Ruby Liquid honours `reversed` only right after the collection (`for x in a reversed
    // limit:2`); written after an attribute it is ignored.
    self.reversedAfterCollection ??= /^\s*reversed\b/.test(String(self.collection.input).slice(self.collection.end));
    if (self.reversedAfterCollection) segment.reverse();
    offsets[name] = from + segment.length;
    if (!segment.length) {
      runSync(r.renderTemplates(self.elseTemplates, ctx, emitter));
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
        scope[self.variable] = item;
        ctx.continueCalled = ctx.breakCalled = false;
        iteration();
        runSync(r.renderTemplates(self.templates, ctx, emitter));
        forloop.i++;
        if (ctx.breakCalled) break;
      }
    } finally {
      ctx.continueCalled = ctx.breakCalled = false;
      ctx.pop();
      stack.pop();
    }
  }
}

function evalArg(token: any, ctx: Context): unknown {
  return evalToken(token, ctx);
}

export class RubyTablerowTag extends TablerowTag {
  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const self = this as any;
    const collection = plain(evalCollection(self.collection, ctx));
    if (collection === null || collection === undefined || collection === false) return;
    const args = self.args.hash as Record<string, any>;
    const num = (v: unknown) => {
      v = plain(v);
      if (v === null || v === undefined) return 0;
      return typeof v === "number" ? Math.trunc(v) : Number.parseInt(toS(v), 10) || 0;
    };
    const from = args.offset !== undefined ? num(yield evalArg(args.offset, ctx)) : 0;
    const to = args.limit !== undefined ? from + num(yield evalArg(args.limit, ctx)) : null;
    const items = sliceCollection(collection, from, to);
    reserveIterations(items.length);
    const cols = args.cols !== undefined ? num(yield evalArg(args.cols, ctx)) : 0;
    emitter.write('<tr class="row1">\n');
    const loop = new RubyTablerowloop(items.length, cols);
    const scope: Record<string, unknown> = { tablerowloop: loop };
    ctx.push(scope);
    try {
      for (const item of items) {
        scope[self.variable] = item;
        iteration();
        emitter.write(`<td class="col${loop.col()}">`);
        yield this.liquid.renderer.renderTemplates(self.templates, ctx, emitter);
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
export class IfchangedTag extends Tag {
  private readonly templates: any[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    const stream = parser.parseStream(remain)
      .on("tag:endifchanged", () => stream.stop())
      .on("template", (tpl: any) => this.templates.push(tpl))
      .on("end", () => { throw new Error(`tag ${token.getText()} not closed`); });
    stream.start();
  }
  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const html = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    if (ctx.getRegister("jekyll:ifchanged") !== html) {
      ctx.setRegister("jekyll:ifchanged", html);
      emitter.write(html);
    }
  }
}

