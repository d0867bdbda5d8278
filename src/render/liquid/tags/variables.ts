// Ruby Liquid 5.4's tags that set or print variables, and the ones that write nothing:
// assign, capture, increment, decrement, echo, cycle, comment, raw, `#`, `liquid` and `render`
// (tags/*.rb). Each reads its markup with the Ruby tag's Syntax regex (ruby-syntax/tag-syntax.ts);
// `assign`'s and `echo`'s values are Variables, read in the template's error mode.
// - assign/capture store in the outermost scope (`context.scopes.last`), under any name the
//   regex takes (`{% assign = x = 1 %}` assigns x; `{% capture a.b %}` stores "a.b");
// - increment/decrement count in the first environment (not the scopes `assign` writes), under
//   the stripped markup as name. In Jekyll that environment is the site payload, one object for
//   the whole render pass (Site#render hands the same UnifiedPayloadDrop to every document and
//   page), so counters carry over from page to page in render order: see SharedCounters;
// - cycle: a named cycle counts per evaluated name; an unnamed one per list of literals (Ruby
//   keys it by the list's inspect), or per tag when the list holds a variable;
// - comment parses its body (so a malformed output inside still warns) and skips unknown tags.
// All render synchronously (see sync-render.ts).
import type { Context, Emitter, Liquid, Parser, TagToken, Template, TopLevelToken, Value } from "liquidjs";
import { compileExpression, compileVariable } from "../compile.js";
import { storedValue } from "../operators.js";
import { LIQUID_TAG_END } from "../front-end.js";
import { LiquidSyntaxError } from "../ruby-syntax/strict.js";
import { assignSyntax, captureSyntax, counterSyntax, cycleSyntax, renderSyntax } from "../ruby-syntax/tag-syntax.js";
import { runSync, valueSync } from "../sync-values.js";
import { joinArray, outputS, plain, RubyRange, toS } from "../../../ruby/values.js";
import { LiquidArgumentError } from "../filters/standard.js";
import { isBlank, parseBody, readSyntax, rubyMarkup, type BlankAware, RubyTag } from "./block-body.js";

export class RubyAssignTag extends RubyTag implements BlankAware {
  readonly blank = true;
  private readonly key: string;
  private readonly value: Value;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const ruby = rubyMarkup(token);
    const { to, from } = readSyntax(token, assignSyntax);
    this.key = to;
    this.value = compileVariable(liquid, ruby.parser.variable(from, { line: ruby.site.line, begin: ruby.site.begin + ruby.markup.length - from.length }), ruby.span);
  }
  render(ctx: Context): void {
    ctx.bottom()[this.key] = storedValue(valueSync(this.value as never, ctx, !!this.liquid.options.lenientIf));
  }
}

export class RubyCaptureTag extends RubyTag implements BlankAware {
  readonly blank = true;
  private readonly key: string;
  private readonly templates: Template[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    this.key = readSyntax(token, captureSyntax);
    parseBody(liquid, parser, remain, token, token.name, (tpl) => this.templates.push(tpl));
  }
  render(ctx: Context): void {
    ctx.bottom()[this.key] = runSync(this.liquid.renderer.renderTemplates(this.templates, ctx));
  }
}

/**
 * The counters of one render pass, shared by every document and page (Jekyll keeps them in the
 * payload's fallback data). The renderer puts this store on each scope under SHARED_COUNTERS and
 * copies its values into the scope, so `{{ name }}` on a later page sees the count too.
 */
export class SharedCounters {
  readonly values = new Map<string, unknown>();
  /** Called when a counter is used: the page's output now depends on the pages rendered before it. */
  onUse?: () => void;
}
export const SHARED_COUNTERS: unique symbol = Symbol("build-site:shared-counters");

/** increment (`step` 1) and decrement (`step` -1). */
class Counter extends RubyTag {
  private readonly key: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, private readonly step: number) {
    super(token, remain, liquid);
    this.key = readSyntax(token, counterSyntax);
  }
  render(ctx: Context, emitter: Emitter): void {
    const env = ctx.environments as Record<string | symbol, unknown>;
    const shared = env[SHARED_COUNTERS] as SharedCounters | undefined;
    shared?.onUse?.();
    let value = env[this.key];
    // `context.environments.first[name] ||= 0`
    if (value === null || value === undefined || value === false) value = 0;
    if (typeof value !== "number") throw new Error(`no implicit conversion of Integer into ${typeof value === "string" ? "String" : "Object"}`);
    const next = value + this.step;
    env[this.key] = next;
    shared?.values.set(this.key, next);
    emitter.write(String(this.step > 0 ? value : next));
  }
}

export class RubyIncrementTag extends Counter {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid, 1);
  }
}

export class RubyDecrementTag extends Counter {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid, -1);
  }
}

/** `{% echo value %}`: an output written as a tag. */
export class RubyEchoTag extends RubyTag {
  private readonly value: Value;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const ruby = rubyMarkup(token);
    this.value = compileVariable(liquid, ruby.parser.variable(ruby.markup, ruby.site), ruby.span);
  }
  render(ctx: Context, emitter: Emitter): void {
    emitter.write(outputS(valueSync(this.value as never, ctx)));
  }
}

const CYCLES = "jekyll:cycle";

export class RubyCycleTag extends RubyTag {
  private readonly group?: Value;
  private readonly key: string | object;
  private readonly values: Value[];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const syntax = readSyntax(token, cycleSyntax);
    const span = rubyMarkup(token).span;
    if (syntax.group) this.group = compileExpression(syntax.group, span);
    // A list holding a variable is keyed by its own identity in Ruby (its inspect shows object ids).
    this.key = syntax.key ?? {};
    this.values = syntax.values.map((v) => compileExpression(v, span));
  }
  render(ctx: Context, emitter: Emitter): void {
    const cycles = ctx.getRegister(CYCLES, new Map()) as Map<unknown, number>;
    const key = this.group ? plain(valueSync(this.group as never, ctx)) ?? null : this.key;
    let iteration = cycles.get(key) ?? 0;
    const value = this.values[iteration];
    const v = value === undefined ? null : plain(valueSync(value as never, ctx));
    // Cycle#render joins an Array and to_s's anything else: a Range prints as `1..3` (it is an
    // Array here, RubyRange, but not in Ruby).
    emitter.write(Array.isArray(v) && !(v instanceof RubyRange) ? joinArray(v, "") : toS(v));
    iteration++;
    if (iteration >= this.values.length) iteration = 0;
    cycles.set(key, iteration);
  }
}

/** `{% comment %}`: its body is parsed (unknown tags skipped) and never rendered. */
export class RubyCommentTag extends RubyTag implements BlankAware {
  readonly blank = true;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    parseBody(liquid, parser, remain, token, token.name, () => {}, () => true);
  }
  render(): void {}
}

/** `{% raw %}`: the tokenizer made its body one text token (template-tokenizer.ts). */
export class RubyRawTag extends RubyTag implements BlankAware {
  readonly blank: boolean;
  private readonly text: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    // Inside `{% liquid %}` there is no `{% endraw %}` to find.
    if (rubyMarkup(token).inLiquidTag) throw new Error("Liquid syntax error: 'raw' tag was never closed");
    const body = remain.shift()!;
    const end = remain.shift();
    if (!end || (end as TagToken).name !== "endraw") throw new Error("'raw' tag was never closed");
    this.text = body.getText();
    this.blank = this.text === "";
  }
  render(_ctx: Context, emitter: Emitter): void {
    emitter.write(this.text);
  }
}

/**
 * `{% render 'name' %}`: Ruby Liquid has the tag, but Jekyll gives Liquid no file system, so it
 * fails when it renders (and only then), with Liquid's message: a Liquid::FileSystemError, a
 * Liquid::Error, so Jekyll writes it "Liquid error (line 4): This liquid context does not allow
 * includes." (a LiquidArgumentError here, for that prefix).
 */
export class RubyRenderTag extends RubyTag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    readSyntax(token, renderSyntax);
  }
  render(): void {
    throw Object.assign(new LiquidArgumentError("This liquid context does not allow includes."), {
      hint: "Jekyll gives Liquid's {% render %} no files to read, so it always fails there: use {% include name.html key=value %}, whose parameters the included file reads as include.key.",
    });
  }
}

/** `{% # comment %}`: every line must start with `#` (InlineComment). */
export class RubyInlineCommentTag extends RubyTag implements BlankAware {
  readonly blank = true;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    readSyntax(token, (markup) => {
      if (/\n[ \t\r\n\f\v]*[^# \t\r\n\f\v]/.test(markup)) {
        throw new LiquidSyntaxError("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character");
      }
    });
  }
  render(): void {}
}

/** `{% liquid %}`: the tags of its lines (the tokenizer made them tokens), up to their end marker. */
export class RubyLiquidTag extends RubyTag implements BlankAware {
  readonly blank: boolean;
  private readonly templates: Template[] = [];
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remain, liquid);
    let blank = true;
    let t: TopLevelToken | undefined;
    while ((t = remain.shift()) && (t as TagToken).name !== LIQUID_TAG_END) {
      const tpl = parser.parseToken(t, remain);
      blank &&= isBlank(tpl);
      this.templates.push(tpl);
    }
    this.blank = blank;
  }
  render(ctx: Context, emitter: Emitter): void {
    runSync(this.liquid.renderer.renderTemplates(this.templates, ctx, emitter));
  }
}
