// The synchronous renderer (sync-render.ts, sync-values.ts, tags/sync-tags.ts, tags/loops.ts)
// replaces parts of liquidjs that are not its public API, step for step as liquidjs 10.30.1 does
// them: Render#renderTemplates, Value#value, Output#render, Expression#evaluate's operand loop,
// Context#readProperty and #findScope, the shapes of tokens (PropertyAccess `variable`/`props`,
// Operator `operator`), filters (`name`, `args`, `handler`) and of the if/unless tags'
// `branches`, and liquidjs's unexported HTML template class (`str`). Another liquidjs may change
// any of them without notice, so the renderer is installed only on the version it was checked
// against; test/unit/liquid/liquidjs-internals.test.ts checks those internals and renders a set
// of templates both ways. To upgrade liquidjs: change the pin in package.json, run that test,
// re-read the functions above against the new liquidjs, then change LIQUIDJS_VERIFIED.
import { version } from "liquidjs";
import { BuildError } from "../../errors.js";

export const LIQUIDJS_VERIFIED = "10.30.1";

export function assertLiquidjsVerified(installed: string = version): void {
  if (installed === LIQUIDJS_VERIFIED) return;
  throw new BuildError(`build-site's Liquid renderer was checked against liquidjs ${LIQUIDJS_VERIFIED}, but liquidjs ${installed} is installed`, {
    hint: "Install build-site's pinned dependencies (npm ci). To upgrade liquidjs, follow the steps in src/render/liquid/liquidjs-version.ts.",
  });
}
