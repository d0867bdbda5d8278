// The guard around the parts of liquidjs that build-site's Ruby front end and synchronous
// renderer build on or replace (src/render/liquid/liquidjs-version.ts): the installed liquidjs
// is the verified one; the internals they read and construct have the shapes they expect; and a
// set of templates renders the same, and fails with the same messages, through plain liquidjs
// and through ours (Ruby's parsing, compiled Values, synchronous tags). A liquidjs upgrade that
// breaks any of these fails here first.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { Context, Drop, Expression, Filter, Liquid, Output, Parser, TagToken, Token, TokenKind, Tokenizer, Value, version } from "liquidjs";
import { BuildError } from "../../../src/errors.js";
import { LIQUIDJS_VERIFIED, assertLiquidjsVerified } from "../../../src/render/liquid/liquidjs-version.js";
import { installRubyLiquid } from "../../../src/render/liquid/ruby-liquid.js";
import { installSyncValues } from "../../../src/render/liquid/sync-values.js";
import { ROOT } from "../../conformance/harness.js";

test("the installed and pinned liquidjs are the version the synchronous renderer was checked against", () => {
  assert.equal(version, LIQUIDJS_VERIFIED);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  assert.equal(pkg.devDependencies.liquidjs ?? pkg.dependencies.liquidjs, LIQUIDJS_VERIFIED, "pinned exactly");
  assert.doesNotThrow(() => assertLiquidjsVerified());
  assert.throws(() => assertLiquidjsVerified("10.31.0"), (e: unknown) => e instanceof BuildError && /checked against liquidjs 10\.30\.1, but liquidjs 10\.31\.0/.test(e.message) && /npm ci/.test(e.hint ?? ""));
});

test("the liquidjs internals the synchronous renderer reads have the shapes it expects", () => {
  const liquid = new Liquid();
  const renderer = liquid.renderer as unknown as { renderTemplates: unknown };
  assert.equal((renderer.renderTemplates as { constructor: { name: string } }).constructor.name, "GeneratorFunction", "Render#renderTemplates");

  const [html] = liquid.parse("plain text") as unknown as Array<{ str?: string }>;
  assert.equal(html!.str, "plain text", "the HTML template class keeps its text in `str`");
  assert.ok(!(html instanceof Output));

  const [out] = liquid.parse("{{ a.b[0] | f: 1, k: 2 }}") as unknown as Output[];
  assert.ok(out instanceof Output);
  const value = (out as unknown as { value: Value }).value;
  assert.ok(value instanceof Value);
  assert.equal(typeof (value as unknown as { value: unknown }).value, "function", "Value#value");
  const initial = (value as unknown as { initial: Expression & { postfix: any[] } }).initial;
  assert.ok(initial instanceof Expression);
  const access = initial.postfix[0];
  assert.equal(access.kind, TokenKind.PropertyAccess);
  assert.equal(access.variable, undefined);
  assert.deepEqual(access.props.map((p: any) => p.content), ["a", "b", 0], "PropertyAccess props carry literal `content`");
  const filter = (value as unknown as { filters: any[] }).filters[0];
  assert.equal(filter.name, "f");
  assert.equal(filter.args.length, 2);
  assert.ok(Array.isArray(filter.args[1]) && filter.args[1][0] === "k", "keyword arguments are [name, token]");
  for (const key of ["handler", "token", "liquid"]) assert.ok(key in filter, `Filter#${key}`);

  // What the front end constructs or borrows (front-end.ts, compile.ts).
  const [htmlToken, outputToken] = new Tokenizer("x{{y}}").readTopLevelTokens() as unknown as Array<Record<string, unknown>>;
  assert.equal(htmlToken!.kind, TokenKind.HTML, "an HTML token comes first");
  assert.equal(outputToken!.kind, TokenKind.Output, "then an Output token");
  for (const key of ["trimLeft", "trimRight"]) assert.ok(key in htmlToken!, `HTMLToken#${key}`);
  assert.equal(typeof (htmlToken as { getContent?: unknown }).getContent, "function", "HTMLToken#getContent");
  assert.equal(typeof TagToken.prototype.getText, "function");
  assert.equal(typeof Token.prototype.getPosition, "function");
  const parser = new Parser(liquid) as unknown as Record<string, unknown>;
  for (const key of ["parse", "parseTokens", "parseToken", "parseStream"]) assert.equal(typeof parser[key], "function", `Parser#${key}`);
  assert.equal(typeof (parser.parseLimit as { use?: unknown }).use, "function", "Parser#parseLimit");
  const made = new Filter({ name: "f", args: [] } as never, ((v: unknown) => v) as never, liquid) as unknown as Record<string, unknown>;
  assert.deepEqual([made.name, made.args], ["f", []], "Filter keeps its token's name and args");
  assert.equal(typeof made.handler, "function");
  const literals = ["empty", "blank"].map((w) => (new Tokenizer(w).readValue() as unknown as { content: object }).content.constructor.name);
  assert.deepEqual(literals, ["EmptyDrop", "BlankDrop"], "the operators recognise liquidjs's literal drops by class name");

  const ctx = new Context({}, liquid.options) as unknown as Record<string, any>;
  assert.equal(typeof ctx.readProperty, "function");
  assert.equal(typeof ctx.findScope, "function");
  assert.equal(ctx.strictVariables, false);
  assert.equal(typeof ctx.opts.operators["=="], "function");
  assert.equal(ctx.ownPropertyOnly, true);
});

class Person extends Drop {
  name = "Ada";
  get upper(): string { return "ADA"; }
}

const SCOPE = {
  a: { b: { c: "deep" }, list: [1, 2] },
  key: "b",
  n: 2,
  list: [1, 2, 3, 4],
  drop: new Person(),
  obj: { fn() { return "called"; } },
  tl: { toLiquid() { return { x: "from toLiquid" }; } },
};

const TEMPLATES = [
  "{{ a.b.c }}|{{ a['b'].c }}|{{ a[key].c }}|{{ list[1] }}|{{ a.list[0] }}",
  "{{ list.size }} {{ list.first }} {{ list.last }} {{ a.list.size }}",
  "[{{ missing }}][{{ missing.x.y }}][{{ a.nope }}]",
  "{{ a.b.c | upcase }} {{ 'x' | append: a.b.c }} {{ n | plus: 2 | times: 3 }}",
  "{% if a.b.c == 'deep' and n > 1 %}yes{% else %}no{% endif %}{% if missing %}m{% elsif n == 2 %}two{% endif %}",
  "{% unless n < 1 %}u{% endunless %}{% unless n == 2 %}v{% else %}w{% endunless %}",
  "{% assign x = a.b.c | upcase %}{{ x }}{% capture y %}{{ n }}-{{ a.b.c }}{% endcapture %}[{{ y }}]",
  "{% for i in list %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% if i == 3 %}{% break %}{% endif %}{% endfor %}",
  "{{ drop.name }} {{ drop.upper }} {{ obj.fn }} {{ tl.x }}",
  "{% if list contains 2 %}c{% endif %}{% if a.list contains 9 %}k{% endif %}{{ (1..3) | join: ',' }}",
  "{% case n %}{% when 1 %}one{% when 2 %}two{% else %}other{% endcase %}",
  "{% assign xs = list | reverse %}{% for x in xs limit: 2 %}{{ forloop.index }}:{{ x }} {% endfor %}",
];

function engines(options: Record<string, unknown> = {}) {
  const plain = new Liquid(options);
  const fast = new Liquid(options);
  installRubyLiquid(fast, () => "warn");
  for (const l of [plain, fast]) l.registerFilter("boom", () => { throw new Error("bang"); });
  const renderFast = (src: string, scope: object) => {
    const tpl = fast.parse(src);
    installSyncValues(tpl);
    return fast.renderSync(tpl, scope);
  };
  return { plain: (src: string, scope: object) => plain.parseAndRenderSync(src, scope), fast: renderFast };
}

test("templates render the same through liquidjs's generators and the synchronous renderer", () => {
  const { plain, fast } = engines();
  for (const src of TEMPLATES) assert.equal(fast(src, SCOPE), plain(src, SCOPE), src);
});

test("errors are the same: strict_variables, a throwing filter", () => {
  const message = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
    return "no error";
  };
  const strict = engines({ strictVariables: true });
  for (const src of ["{{ nope }}", "{{ a.nope.x }}", "{% if nope %}x{% endif %}"]) {
    const want = message(() => strict.plain(src, SCOPE));
    assert.notEqual(want, "no error", src);
    assert.equal(message(() => strict.fast(src, SCOPE)), want, src);
  }
  const { plain, fast } = engines();
  for (const src of ["{{ a.b.c | boom }}", "line one\n{% if n == 2 %}{{ n | boom }}{% endif %}"]) {
    const want = message(() => plain(src, SCOPE));
    assert.match(want, /bang/);
    assert.equal(message(() => fast(src, SCOPE)), want, src);
  }
});
