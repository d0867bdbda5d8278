// kramdown's math engines: what a `$$…$$` block or span becomes, by the `math_engine` option.
//
// - `mathjax` (kramdown's default, Jekyll's too): the TeX, HTML-escaped, between `\[…\]` (block,
//   attributes on a wrapping <div>) or `\(…\)` (span), for MathJax to typeset in the browser
//   (kramdown/converter/math_engine/mathjax.rb).
// - no engine (`math_engine: null`): kramdown's own fallback in Converter::Html#convert_math,
//   `<div class="kdmath">$$ … $$</div>` / `<span class="kdmath">$…$</span>`, the TeX written as is.
// - `katex`: what the kramdown-math-katex gem writes: KaTeX's server-side HTML (and MathML) for the
//   TeX, `displayMode` for blocks, `throwOnError: false` (a TeX error is shown in place, in KaTeX's
//   error colour, and does not stop the build), the site's `math_engine_opts` passed to KaTeX over
//   those; the element's attributes (but `xmlns` and `display`) go into the first tag; a block is
//   indented like other blocks and ends its line. Pages then need only KaTeX's CSS and fonts,
//   served by the site: no script, no CDN. build-site's own: with `build_site_extras: false` it
//   is unavailable, as in a Jekyll without the gem.
import katex from "katex";
import { BuildError } from "../../errors.js";
import { type Attrs, escapeAll, htmlAttributes } from "./html.js";

export interface MathEngine {
  /** A block's HTML at `indent` (spaces), ending with a newline. */
  block(tex: string, attrs: Attrs, indent: number): string;
  /** A span's HTML. */
  inline(tex: string, attrs: Attrs): string;
}

export const mathjax: MathEngine = {
  block(tex, attrs, indent) {
    const body = `\\[${escapeAll(tex)}\\]\n`;
    return attrs.size === 0 ? body : `${" ".repeat(indent)}<div${htmlAttributes(attrs)}>${body}</div>\n`;
  },
  // With attributes a span is kramdown's <span> around `$…$`, the TeX as written.
  inline(tex, attrs) {
    return attrs.size === 0 ? `\\(${escapeAll(tex)}\\)` : `<span${htmlAttributes(attrs)}>$${tex}$</span>`;
  },
};

function withClass(attrs: Attrs, cls: string): Attrs {
  const out: Attrs = new Map(attrs);
  out.set("class", `${attrs.get("class") ?? ""} ${cls}`.trimStart());
  return out;
}

export const noMathEngine: MathEngine = {
  block(tex, attrs, indent) {
    return `${" ".repeat(indent)}<div${htmlAttributes(withClass(attrs, "kdmath"))}>$$\n${tex}\n$$</div>\n`;
  },
  inline(tex, attrs) {
    return `<span${htmlAttributes(withClass(attrs, "kdmath"))}>$${tex}$</span>`;
  },
};

/** KaTeX with the site's options; a fresh copy of `macros` per formula, as each gem call gets. */
function katexEngine(options: Record<string, unknown>): MathEngine {
  const render = (tex: string, displayMode: boolean, attrs: Attrs) => {
    const opts: Record<string, unknown> = { displayMode, throwOnError: false, ...options };
    if (opts.macros && typeof opts.macros === "object") opts.macros = { ...(opts.macros as object) };
    const html = katex.renderToString(tex, opts as katex.KatexOptions);
    const rest: Attrs = new Map([...attrs].filter(([k]) => k !== "xmlns" && k !== "display"));
    if (rest.size === 0) return html;
    const at = html.search(/[\s>]/);
    return at < 0 ? html : html.slice(0, at) + htmlAttributes(rest) + html.slice(at);
  };
  return {
    block: (tex, attrs, indent) => `${" ".repeat(indent)}${render(tex, true, attrs)}\n`,
    inline: (tex, attrs) => render(tex, false, attrs),
  };
}

/**
 * The engine for kramdown's `math_engine` option as Jekyll passes it: unset is `mathjax`; null or
 * false is no engine (kramdown's Options.str_to_sym of ""). Jekyll requires the gem
 * kramdown-math-<value> for any other value Ruby calls true but the exact string "mathjax"
 * (KramdownParser#load_dependencies) and stops when it is missing: `""`, `nil`, ` mathjax` or
 * `:mathjax`, which kramdown would read as no engine or MathJax, fail there first. So does
 * build-site, for every engine but `katex` (its own, see above).
 */
export function mathEngineFor(kramdown: Record<string, any> | undefined, extras: boolean): MathEngine {
  const hasKey = !!kramdown && Object.prototype.hasOwnProperty.call(kramdown, "math_engine");
  const raw = hasKey ? kramdown!.math_engine : "mathjax";
  if (raw === null || raw === undefined || raw === false) return noMathEngine;
  if (raw === "mathjax") return mathjax;
  if (raw === "katex" && extras) {
    const opts = kramdown!.math_engine_opts;
    return katexEngine(opts && typeof opts === "object" && !Array.isArray(opts) ? opts : {});
  }
  const name = String(raw);
  const why = name === "katex"
    ? "build-site's KaTeX is switched off by `build_site_extras: false`"
    : `build-site has no math engine '${name}' (it has mathjax and katex)`;
  throw new BuildError(`Dependency Error: kramdown's math_engine '${name}' is not available: ${why} (Jekyll would need the gem kramdown-math-${name}).`, {
    file: "_config.yml",
    hint: `Set kramdown: math_engine: to mathjax or katex${name === "katex" ? ", or remove build_site_extras: false" : ""}, or to null for no engine.`,
  });
}
