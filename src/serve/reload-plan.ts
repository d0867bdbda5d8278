// What open pages are told after a rebuild: nothing, swap the stylesheets, or reload.
//
// A page change is an output that changed in what it says. Left out are the outputs whose source
// matches `--livereload-ignore` (as Jekyll's reload hook leaves them out) and those whose only
// change is the build time printed in them (build-time.ts: jekyll-feed's `<updated>` would
// otherwise turn every Sass edit into a page reload). When what is left is all stylesheets (and
// their source maps), the stylesheets are swapped in place; anything else reloads the page.
import { outputsToReload } from "./livereload-ignore.js";

export interface ReloadPlan {
  kind: "page" | "css";
  /** Destination-relative paths of the outputs that changed. */
  paths: string[];
}

export interface ChangedOutputs {
  changedOutputs: string[];
  timeOnlyOutputs: string[];
  sourceOf(output: string): string | undefined;
}

const STYLESHEET = /\.css(\.map)?$/;

/** null when no open page needs telling. */
export function reloadPlan(report: ChangedOutputs, livereloadIgnore: string[]): ReloadPlan | null {
  const timeOnly = new Set(report.timeOnlyOutputs);
  const changed = report.changedOutputs.filter((o) => !timeOnly.has(o));
  const paths = outputsToReload(changed, livereloadIgnore, report.sourceOf);
  if (paths.length === 0) return null;
  return { kind: paths.every((p) => STYLESHEET.test(p)) ? "css" : "page", paths };
}
