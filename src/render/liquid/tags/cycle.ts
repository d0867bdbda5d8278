// Ruby Liquid 5.4's `cycle`, on liquidjs's parsing of the tag:
// - a `nil` (or `null`) value is dropped from the list (Cycle#variables_from_string compacts the
//   parsed expressions), so `{% cycle 'open': '<div class="row">', nil, nil %}` writes the div
//   every time, not every third time (al-folio's CV page opens and closes a row per entry so);
// - a named cycle counts per name, whatever its values; an unnamed one per list of values.
import { CycleTag, Value, evalToken, toValue } from "liquidjs";
import type { Context, Emitter, Liquid, TagToken, TopLevelToken } from "liquidjs";

const NIL_LITERALS = new Set(["nil", "null"]);

export class RubyCycleTag extends CycleTag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const self = this as unknown as { candidates: { getText(): string }[] };
    self.candidates = self.candidates.filter((c) => !NIL_LITERALS.has(c.getText().trim()));
  }

  override *render(ctx: Context, _emitter: Emitter): Generator<unknown, unknown, unknown> {
    const self = this as unknown as { group?: any; candidates: any[]; liquid: Liquid };
    const key = self.group !== undefined
      ? `name:${String(yield evalToken(self.group, ctx))}`
      : `values:${self.candidates.map((c) => c.getText()).join(",")}`;
    const groups = ctx.getRegister("cycle", {}) as Record<string, number>;
    const idx = groups[key] ?? 0;
    groups[key] = idx + 1 >= self.candidates.length ? 0 : idx + 1;
    const token = self.candidates[idx];
    if (token === undefined) return "";
    const candidate = new Value(token, self.liquid);
    let val = yield toValue(yield candidate.value(ctx, false));
    const outputEscape = self.liquid.options.outputEscape;
    if (outputEscape && !candidate.filters[candidate.filters.length - 1]?.raw) {
      val = yield outputEscape.call({ context: ctx, token: this.token, liquid: self.liquid } as any, val);
    }
    return val;
  }
}
