// `if` and `unless` rendered synchronously: liquidjs's tags, parsed by liquidjs, with a render
// that is a plain function instead of a generator resumed by toValueSync for every condition
// and branch (see sync-render.ts). The steps are liquidjs 10's: each branch's value (with
// `lenientIf`), unwrapped with toValue, tested with liquidjs's truthiness (`unless`'s first
// branch negated), and the first branch that passes, or the else branch, is rendered.
import { IfTag, UnlessTag, isTruthy, toValue, toValueSync } from "liquidjs";
import type { Context, Emitter, Template } from "liquidjs";

interface Branch {
  value: { value(ctx: Context, lenient?: boolean): unknown };
  templates: Template[];
}

function branchValue(branch: Branch, ctx: Context): unknown {
  return toValueSync(toValue(toValueSync(branch.value.value(ctx, ctx.opts.lenientIf))));
}

function renderList(tag: { liquid: { renderer: { renderTemplates(t: Template[], c: Context, e: Emitter): unknown } } }, templates: Template[], ctx: Context, emitter: Emitter): void {
  toValueSync(tag.liquid.renderer.renderTemplates(templates, ctx, emitter));
}

export class SyncIfTag extends IfTag {
  override render(ctx: Context, emitter: Emitter): any {
    const self = this as unknown as { branches: Branch[]; elseTemplates?: Template[] };
    for (const branch of self.branches) {
      if (isTruthy(branchValue(branch, ctx), ctx)) {
        renderList(this, branch.templates, ctx, emitter);
        return;
      }
    }
    renderList(this, self.elseTemplates || [], ctx, emitter);
  }
}

export class SyncUnlessTag extends UnlessTag {
  override render(ctx: Context, emitter: Emitter): any {
    const self = this as unknown as { branches: Array<Branch & { test(v: unknown, ctx: Context): boolean }>; elseTemplates: Template[] };
    for (const branch of self.branches) {
      if (branch.test(branchValue(branch, ctx), ctx)) {
        renderList(this, branch.templates, ctx, emitter);
        return;
      }
    }
    renderList(this, self.elseTemplates, ctx, emitter);
  }
}
