// Jekyll's `{% highlight lang [linenos] [opt=value] %}` block (lib/jekyll/tags/highlight.rb).
// Its body is Liquid, rendered first; leading and trailing line breaks are removed; the
// language is downcased and the options parsed as Jekyll does. host.highlight answers the whole
// block, as src/render/highlight's highlightTag writes it:
//   <figure class="highlight"><pre><code class="language-LANG" data-lang="LANG">…</code></pre></figure>
// `highlighter_prefix`/`_suffix` from the context surround it. With a highlighter other than
// rouge (or its pygments alias), Jekyll only HTML-escapes the code; that wrapper is written here.
import { Tag } from "liquidjs";
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken } from "liquidjs";
import type { LiquidHost } from "../host.js";
import { escapeHtml, rubyStrip } from "../../../ruby/strings.js";
import { plain, toS } from "../../../ruby/values.js";

const SYNTAX = /^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$/;
const OPTIONS = /(?:\w="[^"]*"|\w=\w|\w)+/g;

function parseOptions(input: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [opt] of input.matchAll(OPTIONS)) {
    const [key, raw] = opt.split("=") as [string, string | undefined];
    let value: unknown = raw;
    if (raw?.includes('"')) value = raw.replace(/"/g, "").trim().split(/\s+/);
    options[key] = value ?? true;
  }
  if (options.linenos === true) options.linenos = "inline";
  return options;
}

export function highlightTag(host: LiquidHost) {
  return class HighlightTag extends Tag {
    private readonly lang: string;
    private readonly options: Record<string, unknown>;
    private readonly templates: Template[] = [];
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remain, liquid);
      const m = SYNTAX.exec(token.args.trim());
      if (!m) {
        throw new Error(`Syntax Error in tag 'highlight' while parsing the following markup:\n\n${token.args}\n\nValid syntax: highlight <lang> [linenos]\n`);
      }
      this.lang = m[1]!.toLowerCase();
      this.options = parseOptions(m[2]!);
      const stream = parser.parseStream(remain)
        .on("tag:endhighlight", () => stream.stop())
        .on("template", (tpl: Template) => this.templates.push(tpl))
        .on("end", () => { throw new Error(`tag ${token.getText()} not closed`); });
      stream.start();
    }
    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const get = function* (name: string): Generator<unknown, string, unknown> {
        const v = plain(yield ctx._get([name]));
        return v === null || v === undefined || v === false ? "" : toS(v);
      };
      const prefix = (yield* get("highlighter_prefix")) as string;
      const suffix = (yield* get("highlighter_suffix")) as string;
      const body = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
      const code = body.replace(/^[\n\r]+|[\n\r]+$/g, "");
      const highlighter = host.config.highlighter ?? "rouge";
      // Jekyll 4's highlight tag (render_pygments) warns at every block when `highlighter:
      // pygments` (Jekyll 2's default, left in old configs), then renders with Rouge anyway.
      if (highlighter === "pygments") {
        host.warn?.("Warning:", "Highlight Tag no longer supports rendering with Pygments.");
        host.warn?.("", "Using the default highlighter, Rouge, instead.");
      }
      const block = highlighter === "rouge" || highlighter === "pygments"
        ? host.highlight(code, this.lang, this.options)
        : `<figure class="highlight"><pre><code class="language-${this.lang.replace(/\+/g, "-")}" data-lang="${this.lang}">${rubyStrip(escapeHtml(code))}</code></pre></figure>`;
      emitter.write(`${prefix}${block}${suffix}`);
    }
  };
}
