// Plugins' Liquid tags and block tags (host.customTags / host.customBlocks), built-in and the
// site's own alike. A tag gets its markup and a lookup into the render scope; a block tag also
// gets its body, rendered (Liquid::Block#render's default), and writes what it returns. A value
// that is not a string is written as Ruby's to_s would write it (nil as nothing).
import { Tag } from "liquidjs";
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken } from "liquidjs";
import type { LiquidHost, TagScope } from "../host.js";
import { outputS } from "../../../ruby/values.js";
import { compileExpression } from "../compile.js";
import { parseExpression } from "../ruby-syntax/expression.js";
import { lookupSync, runSync } from "../sync-values.js";

function written(value: unknown): string {
  return typeof value === "string" ? value : outputS(value);
}

/** The scope a tag of a Ruby plugin reaches through its `context`: `context[markup]`, and templates parsed and rendered in it. */
function tagScope(liquid: Liquid, ctx: Context, token: TagToken): TagScope {
  return {
    evaluate(expression) {
      const value = compileExpression(parseExpression(expression), { input: token.input, begin: token.begin, end: token.end, file: token.file });
      return runSync(value.value(ctx, false));
    },
    render(source, locals) {
      const templates = liquid.parse(source);
      if (!locals) return runSync(liquid.renderer.renderTemplates(templates, ctx)) as string;
      ctx.push(locals);
      try {
        return runSync(liquid.renderer.renderTemplates(templates, ctx)) as string;
      } finally {
        ctx.pop();
      }
    },
  };
}

export function registerPluginTags(liquid: Liquid, host: LiquidHost): void {
  for (const [name, fn] of Object.entries(host.customTags ?? {})) {
    liquid.registerTag(name, class extends Tag {
      render(ctx: Context, emitter: Emitter): void {
        emitter.write(written(fn(this.token.args, (path) => lookupSync(ctx, path), tagScope(this.liquid, ctx, this.token))));
      }
    } as any);
  }
  for (const [name, fn] of Object.entries(host.customBlocks ?? {})) {
    liquid.registerTag(name, class extends Tag {
      private readonly templates: Template[] = [];
      constructor(token: TagToken, remain: TopLevelToken[], engine: Liquid, parser: Parser) {
        super(token, remain, engine);
        const stream = parser.parseStream(remain)
          .on(`tag:end${name}`, () => stream.stop())
          .on("template", (tpl: Template) => this.templates.push(tpl))
          .on("end", () => { throw new Error(`'${name}' tag was never closed`); });
        stream.start();
      }
      render(ctx: Context, emitter: Emitter): void {
        const body = runSync(this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
        emitter.write(written(fn(body, this.token.args, (path) => lookupSync(ctx, path))));
      }
    } as any);
  }
}
