// The synchronous renderer and the Ruby front end (sync-render.ts, sync-values.ts, front-end.ts,
// compile.ts, tags/) replace or build parts of liquidjs that are not its public API, as
// liquidjs 10.30.1 has them: Render#renderTemplates, Value#value, Output#render, Expression's
// postfix, Context#readProperty and #findScope, Parser#parseTokens/#parseToken/#parseLimit, the
// shapes of tokens (HTML/Output/Tag tokens, PropertyAccess `variable`/`props`, literal `content`,
// Operator `operator`), filters (`name`, `args`, `handler`), the literal drops' class names and
// liquidjs's unexported HTML template class (`str`). Another liquidjs may change any of them
// without notice, so the renderer is installed only on the version it was checked against;
// test/unit/liquid/liquidjs-internals.test.ts checks those internals and renders a set of
// templates both ways. To upgrade liquidjs: change the pin in package.json, run that test,
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
