// `serve --livereload-ignore GLOB[,GLOB]`: changes to matching source files reload no page.
// Jekyll matches each changed item's source path (`relative_path`) with Ruby's File.fnmatch and no
// flags: `*` and `?` match any character, `/` included, and `[...]` a class; a changed item that
// matches is left out of the reload message (Jekyll 4.3.1 commands/serve.rb, register_reload_hooks).
// Jekyll 4.3.1's own hook calls Jekyll.sanitized_path with one argument there and fails; this is
// the behaviour its documentation describes.
import { bracketExpression } from "../ruby/dir-glob.js";

/** File.fnmatch(pattern, path) without flags, as a RegExp. */
export function fnmatchRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      const bracket = bracketExpression(pattern, i);
      re += bracket.re;
      i = bracket.last;
    } else if (c === "\\" && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/**
 * The outputs to announce: those whose source matches no pattern. `sourceOf` maps an output
 * (destination-relative) to its source path (source-relative).
 */
export function outputsToReload(outputs: string[], patterns: string[], sourceOf: (output: string) => string | undefined): string[] {
  if (!patterns.length) return outputs;
  const res = patterns.map(fnmatchRegExp);
  return outputs.filter((o) => {
    const source = sourceOf(o) ?? o;
    return !res.some((re) => re.test(source));
  });
}
