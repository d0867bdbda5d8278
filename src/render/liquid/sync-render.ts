// Synchronous rendering of a template list, installed on our Liquid instance's renderer.
//
// liquidjs renders a list of templates (a page, a block's body, an include) with a generator
// that yields each template's render generator to `toValueSync`, and reads `performance.now()`
// twice per template for its render time limit (a lazy global getter in Node, then the clock).
// For a page of our benchmark that is ~90 templates, most of them plain HTML and `{{ }}`
// outputs. We only render synchronously, so this version is a plain loop: HTML is written as
// is, outputs with a synchronous render (sync-values.ts) are called directly, and tags (still
// liquidjs generators, or our synchronous ones) are run with runSync.
//
// Behaviour kept from liquidjs 10's Render#renderTemplates: a missing emitter is a new string
// buffer that writes each value as liquidjs's `stringify` does; a tag's returned HTML is
// written; `break`/`continue` stop the list; an error that is not a LiquidError is wrapped as a
// RenderError of the template that threw (its file and line). Options we never set
// (`keepOutputType`, `catchAllErrors`, `renderLimit`) make it use liquidjs's own version.
// Callers `yield` the result, and liquidjs passes a non-iterator (the string) through.
import { LiquidError, RenderError, toValue } from "liquidjs";
import type { Context, Emitter, Liquid, Template } from "liquidjs";
import { checkOutput, step } from "./budget.js";
import { assertLiquidjsVerified } from "./liquidjs-version.js";
import { hasSyncRender, renderOutputSync, runSync } from "./sync-values.js";
import { interruptPending } from "./tags/interrupts.js";

/** liquidjs's `stringify`: what its SimpleEmitter writes for a value. */
function stringify(value: unknown): string {
  value = toValue(value);
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((x) => stringify(x)).join("");
  return String(value);
}

class StringEmitter implements Emitter {
  buffer = "";
  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

interface RenderOpts {
  keepOutputType?: boolean;
  catchAllErrors?: boolean;
  renderLimit?: number;
}

type Ctor = abstract new (...args: never[]) => unknown;

/** liquidjs does not export its HTML template class; this is what it parses plain text into. */
let HTMLClass: Ctor | undefined;

function renderTemplatesSync(templates: Template[], ctx: Context, emitter: Emitter | undefined): string {
  const out = emitter ?? new StringEmitter();
  // The render's bounds (budget.ts): a step per template, the output's size after each.
  const buffered = out as unknown as { buffer?: unknown };
  for (const tpl of templates) {
    try {
      step();
      if (tpl instanceof HTMLClass!) {
        out.write((tpl as unknown as { str: string }).str);
      } else if (hasSyncRender(tpl)) {
        renderOutputSync(tpl, ctx, out);
      } else {
        const html = runSync(tpl.render(ctx, out));
        if (html) out.write(html);
      }
      if (typeof buffered.buffer === "string") checkOutput(buffered.buffer.length);
      // BlockBody#render_to_output_buffer tests for a pending interrupt after each tag or output,
      // never after text (tags/interrupts.ts).
      if (tpl instanceof HTMLClass!) continue;
      if (interruptPending(ctx)) break;
    } catch (e) {
      throw LiquidError.is(e) ? e : new RenderError(e as Error, tpl);
    }
  }
  return (out as unknown as { buffer: string }).buffer;
}

/** Makes `liquid.renderer.renderTemplates` synchronous (unless an option needs liquidjs's own). */
export function installSyncRender(liquid: Liquid): void {
  assertLiquidjsVerified();
  const renderer = liquid.renderer as unknown as { renderTemplates: (t: Template[], c: Context, e?: Emitter) => unknown };
  const generic = renderer.renderTemplates.bind(renderer);
  HTMLClass ??= (liquid.parse("html")[0] as object).constructor as Ctor;
  renderer.renderTemplates = (templates, ctx, emitter) => {
    const opts = ctx.opts as RenderOpts;
    if (opts.keepOutputType || opts.catchAllErrors || (opts.renderLimit !== undefined && opts.renderLimit !== Infinity)) {
      return generic(templates, ctx, emitter);
    }
    return renderTemplatesSync(templates, ctx, emitter);
  };
}
