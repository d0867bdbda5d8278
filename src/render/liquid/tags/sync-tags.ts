// liquidjs's `if`, `unless`, `assign` and `capture`, parsed by liquidjs, with a render that is a
// plain function instead of a generator resumed by toValueSync at every step (see
// sync-render.ts). `assign` stores its value and `capture` its rendered body in the outermost
// scope, as liquidjs does. For `if`/`unless` the steps are liquidjs 10's: each branch's value (with
// `lenientIf`), unwrapped with toValue, tested with liquidjs's truthiness (`unless`'s first
// branch negated), and the first branch that passes, or the else branch, is rendered. Unlike
// liquidjs, the value is not probed for `.next` (runSync): `{% if page.next %}` must not count as
// reading the neighbour post.
import { AssignTag, CaptureTag, IfTag, UnlessTag, isTruthy, toValue } from "liquidjs";
import type { Context, Emitter, Template } from "liquidjs";
import { runSync } from "../sync-values.js";

interface Branch {
  value: { value(ctx: Context, lenient?: boolean): unknown };
  templates: Template[];
}

function branchValue(branch: Branch, ctx: Context): unknown {
  return toValue(runSync(branch.value.value(ctx, ctx.opts.lenientIf)));
}

function renderList(tag: { liquid: { renderer: { renderTemplates(t: Template[], c: Context, e: Emitter): unknown } } }, templates: Template[], ctx: Context, emitter: Emitter): void {
  runSync(tag.liquid.renderer.renderTemplates(templates, ctx, emitter));
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

export class SyncAssignTag extends AssignTag {
  override render(ctx: Context): any {
    const self = this as unknown as { key: string; value: Branch["value"] };
    ctx.bottom()[self.key] = runSync(self.value.value(ctx, this.liquid.options.lenientIf));
  }
}

export class SyncCaptureTag extends CaptureTag {
  override render(ctx: Context): any {
    const self = this as unknown as { variable: string; templates: Template[] };
    ctx.bottom()[self.variable] = runSync(this.liquid.renderer.renderTemplates(self.templates, ctx));
  }
}
