// Synchronous evaluation of Liquid values (`{{ page.title | date: "%Y" }}`, `if` conditions,
// `assign` right-hand sides), installed on liquidjs's parse tree after parsing.
//
// Why: liquidjs evaluates every value through ~10 nested generators (Value → Expression →
// evalToken → evalPropertyAccessToken → evalTokenValue per segment → Context._get →
// _getFromScope), each resumed by `toValueSync`, which probes every yielded value with
// `isIterator` (reading its `.next`). On the 1,000-post benchmark that machinery was a third of
// the Liquid render time. We render synchronously only (`renderSync`), so the same steps can be
// plain function calls. (With sync-render.ts and the synchronous tags, the synthetic blog's
// layout renders 1,000 times in ~20 ms once warm, against ~150-250 ms before.)
//
// The evaluation is liquidjs 10's, step for step (same calls to `Context#readProperty`,
// `findScope`, the filters' `this` and arguments, the operators), with these limits:
// - with `strict_variables`, property access goes through liquidjs's own generators, which raise
//   its UndefinedVariableError; when a property read throws (a drop's getter), it is evaluated
//   again the liquidjs way so the error is the one liquidjs reports;
// - liquidjs would also run a property value that is itself an iterator (has `next`, `throw` and
//   `return` functions); Jekyll's values (YAML data, drops, numbers, times) never are, and not
//   probing them is what keeps a document drop's `next` getter from running on every `page.x`;
// - grouped/filtered sub-expressions and unary operators are left to liquidjs; the range and
//   keyword-argument tokens compile.ts makes are evaluated here (RangeLookup's `to_i` ends, one
//   Hash of keyword arguments);
// - a lookup follows Ruby's VariableLookup where liquidjs differs: a top-level `size` no scope
//   holds is nil, a String answers only `size`, an Array only Integer keys, a Float key nothing.
// A filter or operator may still return a generator (a plugin's): runSync runs it with
// toValueSync. Other results are not probed, so `{% if page.next %}` does not read the neighbour.
import { Drop, LiquidError, Output, RenderError, TokenKind, UndefinedVariableError, Value, evalToken, toValue, toValueSync } from "liquidjs";
import type { Context, Emitter } from "liquidjs";
import { rubySize, toInteger } from "./filters/standard.js";
import { checkLong, stringToInteger } from "../../ruby/number.js";
import { RubyBigRange, RubyFloat, RubyRange, RubySymbol, hasRubyKeys, hashEntries, hashFind, hooksOf, inspect, isHash, isUnsizedDrop, plain } from "../../ruby/values.js";
import { checkValue, remainingIterations, reserveIterations } from "./budget.js";
import { JekyllTime } from "../../ruby/time.js";
import { ExpressionMethodLiteral } from "./operators.js";

/** Outside a budgeted render (no loop bound), the longest range made into an Array. */
const MAX_UNBUDGETED_RANGE = 10_000_000;

interface Tok {
  kind: number;
  content?: unknown;
  variable?: Tok;
  props?: Tok[];
  /** compile.ts: which props were bracketed, where one is computed at render time. */
  brackets?: boolean[];
  operator?: string;
}

interface FilterLike {
  name: string;
  args: Array<Tok | [string, Tok]>;
  handler: (this: unknown, ...args: unknown[]) => unknown;
  token: unknown;
  liquid: unknown;
}

interface ValueLike {
  initial: { postfix: Tok[]; evaluate(ctx: Context, lenient: boolean): Generator<unknown, unknown, unknown> };
  filters: FilterLike[];
}

interface CtxInternals {
  strictVariables: boolean;
  opts: { lenientIf?: boolean; operators: Record<string, (l: unknown, r: unknown, ctx: Context) => unknown> };
  findScope(key: unknown): unknown;
  readProperty(obj: unknown, key: unknown): unknown;
}

const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as object;

/**
 * A generator (a liquidjs evaluation, a generator filter) run to its value; anything else as is.
 * Unlike toValueSync this reads no property of the value: isPrototypeOf asks a drop's neighbour
 * Proxy for its prototype, not for `.next`.
 */
export function runSync(v: unknown): unknown {
  return typeof v === "object" && v !== null && GeneratorPrototype.isPrototypeOf(v) ? toValueSync(v) : v;
}

/** Binary operators (liquidjs's `not` is unary; Ruby Liquid has none). */
function isBinary(op: string | undefined): boolean {
  return op !== undefined && op !== "not";
}

/** Token kinds of our own (compile.ts), beside liquidjs's TokenKind bits. */
export const RUBY_RANGE = 1 << 20;
export const RUBY_HASH = 1 << 21;

/** evalToken(token, ctx, lenient) run to its value. */
export function evalTokenSync(token: Tok | undefined, ctx: Context, lenient = false): unknown {
  if (!token) return undefined;
  if ("content" in token) return token.content;
  if (token.kind === TokenKind.PropertyAccess) return evalPropertyAccess(token, ctx, lenient);
  if (token.kind === RUBY_RANGE) {
    const t = token as unknown as { from: Tok; to: Tok };
    const first = rangeEnd(evalTokenSync(t.from, ctx, lenient));
    const last = rangeEnd(evalTokenSync(t.to, ctx, lenient));
    // Counted before it is made: `(1..100000000)` would otherwise take gigabytes before a loop
    // over it (or a filter) could be stopped by the iteration bound (budget.ts). One longer than
    // the render may still loop over stays lazy, as Ruby's Range is (RubyBigRange).
    const n = BigInt(last) - BigInt(first) + 1n;
    if (n <= 0n) return new RubyRange(first, last);
    if (n > BigInt(Math.min(remainingIterations(), MAX_UNBUDGETED_RANGE))) return new RubyBigRange(first, last);
    reserveIterations(Number(n));
    return new RubyRange(first, last);
  }
  if (token.kind === RUBY_HASH) {
    const hash: Record<string, unknown> = {};
    for (const [k, v] of (token as unknown as { entries: Array<[string, Tok]> }).entries) hash[k] = evalTokenSync(v, ctx, false);
    return hash;
  }
  return toValueSync(evalToken(token as never, ctx, lenient));
}

/**
 * RangeLookup#to_integer: an Integer as it is, nil and strings by `to_i`, anything else
 * Utils.to_integer. An end past 2^53 is a bigint.
 */
function rangeEnd(v: unknown): number | bigint {
  v = plain(v);
  if (v === null || v === undefined) return 0;
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "bigint") return v;
  if (typeof v === "string") return stringToInteger(v);
  return toInteger(v);
}

/**
 * A bracketed key that names one of VariableLookup's commands, `a['last']`: Ruby reads it as a key
 * (only `.last` written with a dot is the command), so an Array has no such key and a Hash only
 * its own. compile.ts makes one for a quoted literal, computedKey for a key computed at render
 * time in brackets.
 */
export class BracketKey {
  constructor(readonly name: "size" | "first" | "last") {}
  toString(): string {
    return this.name;
  }
}

/** The key of a prop computed at render time: a command name in brackets is a key (BracketKey). */
function computedKey(token: Tok, i: number, ctx: Context): unknown {
  const key = lookupKey(evalTokenSync(token.props![i]!, ctx, false));
  return token.brackets?.[i] && (key === "size" || key === "first" || key === "last") ? new BracketKey(key) : key;
}

/** VariableLookup with a BracketKey: a Hash's own key (hashFind, typed keys or not), a Drop's method (Drop#[]), else nothing. */
function bracketLookup(c: CtxInternals, obj: unknown, name: string): unknown {
  if (obj instanceof Drop) return c.readProperty(obj, name);
  if (!isHash(obj)) return undefined;
  const k = hashFind(obj, name);
  return k === undefined ? undefined : obj[k];
}

/** On a property access token whose segments are all literal (`page.title`, `a[0]`): their values, worked out once. */
const LITERAL_KEYS = Symbol("literal keys");

/** A lookup key as Ruby sees it: a drop unwrapped, but a Float kept (Ruby finds nothing under a Float). */
function lookupKey(v: unknown): unknown {
  return v instanceof RubyFloat ? v : toValue(v);
}

function literalKeys(token: Tok & { [LITERAL_KEYS]?: unknown[] | null }): unknown[] | null {
  let keys = token[LITERAL_KEYS];
  if (keys === undefined) {
    const props = token.props!;
    keys = props.every((p) => "content" in p) ? props.map((p) => lookupKey(p.content)) : null;
    token[LITERAL_KEYS] = keys;
  }
  return keys;
}

function evalPropertyAccess(token: Tok, ctx: Context, lenient: boolean): unknown {
  const c = ctx as unknown as CtxInternals;
  if (c.strictVariables) return strictPropertyAccess(token, c, ctx, lenient);
  try {
    let keys = literalKeys(token);
    if (!keys) {
      const props = token.props!;
      keys = new Array(props.length);
      for (let i = 0; i < props.length; i++) keys[i] = computedKey(token, i, ctx);
    }
    let scope = token.variable ? evalTokenSync(token.variable, ctx, lenient) : c.findScope(keys[0]);
    // Ruby's find_variable reads the name from the scopes; `size` that no scope holds is nil
    // (liquidjs would count the global scope's keys).
    if (!token.variable && typeof keys[0] === "string" && COMMANDS.has(keys[0]) && !(keys[0] in (scope as object))) return undefined;
    for (let i = 0; i < keys.length; i++) scope = readProperty(c, scope, keys[i]);
    return scope;
  } catch (e) {
    // Ruby's errors (a drop's key?, a Bignum index past a C long) stand.
    if (e instanceof DropKeyError || e instanceof RangeError) throw e;
    // Again through liquidjs, for the error it raises (wrapped with this token's position).
    return toValueSync(evalToken(token as never, ctx, lenient));
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Ruby's TypeError from a Jekyll drop's `key?` (readProperty). */
class DropKeyError extends TypeError {}

/**
 * A lookup with `strict_variables: true`, as Liquid 5's Context#find_variable and
 * VariableLookup#evaluate decide what is undefined: a name no scope holds, and a step on a value
 * that has no such key (rubyHasKey). Not undefined: an Array's Integer index out of range and
 * `first`/`last`/`size` of an empty Array (nil), a Hash key whose value is nil. Undefined, where
 * liquidjs let it pass: a step on nil (`page.nil.x`).
 */
function strictPropertyAccess(token: Tok, c: CtxInternals, ctx: Context, lenient: boolean): unknown {
  let keys = literalKeys(token);
  if (!keys) {
    const props = token.props!;
    keys = new Array(props.length);
    for (let i = 0; i < props.length; i++) keys[i] = computedKey(token, i, ctx);
  }
  const undefinedAt = (i: number) =>
    new UndefinedVariableError(new Error(`undefined variable: ${keys!.slice(0, i + 1).map((k) => String(k)).join(".")}`), token as never);
  let scope: unknown;
  let i = 0;
  if (token.variable) scope = evalTokenSync(token.variable, ctx, lenient);
  else {
    scope = c.findScope(keys[0]);
    if (typeof scope !== "object" || scope === null || !(String(keys[0]) in scope)) throw undefinedAt(0);
    scope = readProperty(c, scope, keys[0]);
    i = 1;
  }
  for (; i < keys.length; i++) {
    if (!rubyHasKey(scope, keys[i])) throw undefinedAt(i);
    scope = readProperty(c, scope, keys[i]);
  }
  return scope;
}

/** VariableLookup#evaluate's test: `[]` with `key?(key)` (or `fetch` and an Integer key), or a command the value has. */
function rubyHasKey(obj: unknown, key: unknown): boolean {
  if (obj === null || obj === undefined || typeof obj === "boolean" || obj instanceof RubyFloat) return false;
  // A bracketed command name is a key: an Array or String has none, a Hash only its own.
  if (key instanceof BracketKey) return obj instanceof Drop ? key.name in obj : isHash(obj) && hashFind(obj, key.name) !== undefined;
  const intKey = typeof key === "number" && Number.isInteger(key);
  if (typeof obj === "string") return key === "size";
  if (typeof obj === "number" || typeof obj === "bigint") return key === "size" && (typeof obj === "bigint" || Number.isInteger(obj));
  if (obj instanceof RubyRange || obj instanceof RubyBigRange) return COMMANDS.has(key as string);
  if (Array.isArray(obj)) return intKey || COMMANDS.has(key as string);
  // A Liquid::Drop (forloop, tablerowloop): its methods; another name is liquid_method_missing,
  // which raises with strict_variables ("undefined method nope").
  if (obj instanceof Drop) return typeof key === "string" && key in obj;
  if (typeof obj !== "object" || obj instanceof JekyllTime) return false;
  // A Hash (or one of Jekyll's drops, plain objects of accessors): its keys and Hash#size/#first.
  // An Integer passes VariableLookup's `fetch` test, but Context#lookup_and_evaluate then asks
  // `key?` (`page.hash[0]` is "undefined variable 0").
  if (hasRubyKeys(obj)) return hashFind(obj as Record<string, unknown>, key) !== undefined || key === "size" || key === "first";
  return (intKey && hasOwn.call(obj, String(key))) || (typeof key === "string" && hasOwn.call(obj, key)) || key === "size" || key === "first";
}

/**
 * Ruby's String#size: characters, not UTF-16 units, so an emoji counts 1 and `slice: s.size`
 * lines up with `slice` (Chirpy cuts each heading with `snippet | slice: left.size`, and a 💡 in a
 * heading made it cut one unit late and drop the `<` of `</h2>`).
 */
function rubyStringSize(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

const COMMANDS = new Set(["size", "first", "last"]);

/**
 * Context#readProperty with its most common case inlined: a string key (not `size`, `first` or
 * `last`) on a plain object or one of our drops — the page, site and data hashes. Exactly
 * liquidjs's steps for that case (a `toLiquid` method, own properties only, a function value is
 * called); everything else is liquidjs's own readProperty.
 */
function readProperty(c: CtxInternals & { ownPropertyOnly?: boolean }, obj: unknown, key: unknown): unknown {
  return liquidized(readValue(c, obj, key));
}

/**
 * Symbol#to_liquid is its to_s, and Liquid calls to_liquid on what each step of a lookup finds
 * (Context#find_variable, VariableLookup#evaluate) and on each filter's result (Context#invoke):
 * a Symbol (a key of a hash kramdown made, see RubySymbol) read or returned alone is its name,
 * `== "name"` and all. Inside an array or hash (inspect, jsonify, contains, sort) it stays one.
 */
function liquidized(v: unknown): unknown {
  return v instanceof RubySymbol ? v.rubyToS() : v;
}

function readValue(c: CtxInternals & { ownPropertyOnly?: boolean }, obj: unknown, key: unknown): unknown {
  if (key instanceof BracketKey) return bracketLookup(c, obj, key.name);
  // VariableLookup#evaluate: a String has no `[]` lookups and of the commands only `size`; an
  // Array is indexed by Integers only (`a["0"]` is nil).
  if (typeof obj === "string") return key === "size" ? rubyStringSize(obj) : undefined;
  // An Integer has only `size` (Integer#size: 8, a Bignum its bytes); a Float, a Time and a Date
  // have nothing (liquidjs counted their fields: `page.date.size` was 4).
  if (typeof obj === "number" || typeof obj === "bigint") return key === "size" && (typeof obj === "bigint" || Number.isInteger(obj)) ? rubySize(obj) : undefined;
  if (obj instanceof JekyllTime || obj instanceof RubyFloat) return undefined;
  // Range#first, #last, #size (it has no `[]`).
  if (obj instanceof RubyBigRange) return key === "first" ? obj.first : key === "last" ? obj.last : key === "size" ? obj.size : undefined;
  if (obj instanceof RubyRange && (key === "first" || key === "last")) return obj[key];
  if (obj instanceof RubyRange && key !== "size") return undefined;
  if (typeof obj === "object" && obj !== null && typeof key !== "string" && key !== null && key !== undefined && isUnsizedDrop(obj)) {
    // Jekyll::Drops::Drop#key? asks respond_to?(key), which takes only a Symbol or String: a
    // document's, the site's or jekyll's drop looked up by a number or boolean (`page[7]`) fails.
    throw new DropKeyError(`${inspect(key)} is not a symbol nor a string`);
  }
  if (typeof obj === "object" && obj !== null && hasRubyKeys(obj)) {
    // A Hash with keys that are not Strings (YAML's `1:`, `1.5:`, `~:`): `key?(key)` by type.
    const k = hashFind(obj as Record<string, unknown>, key);
    if (k !== undefined) return (obj as Record<string, unknown>)[k];
    if (key !== "size" && key !== "first") return undefined;
  }
  if (key instanceof RubyFloat || (typeof key === "number" && !Number.isInteger(key))) return undefined;
  if (Array.isArray(obj) && typeof key === "string" && !COMMANDS.has(key)) return undefined;
  // Array#[] takes a C long: a Bignum past one is Ruby's RangeError, any other past the end nil.
  if (typeof key === "bigint" && Array.isArray(obj)) {
    checkLong(key);
    return undefined;
  }
  if ((key === "first" || key === "size") && isHash(obj) && !hasOwn.call(obj, key)) return hashCommand(obj, key, c);
  if (typeof key !== "string" || typeof obj !== "object" || obj === null || obj instanceof Drop ||
    Array.isArray(obj) || !c.ownPropertyOnly || key === "size" || key === "first" || key === "last") {
    return c.readProperty(obj, key);
  }
  if (typeof (obj as { toLiquid?: unknown }).toLiquid === "function") return c.readProperty(obj, key);
  const value = hasOwn.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
  return typeof value === "function" ? value.call(obj) : value;
}

/**
 * VariableLookup's `first` and `size` commands on what Ruby holds as a Hash or a Jekyll Drop, when
 * it has no such key (a key wins, as `key?` comes first there). liquidjs reads `first` as a
 * property (nil) and counts any object's keys for `size`; Ruby calls the method: Hash#first and a
 * document's or static file's Drop (Enumerable over Drop#each) give the first [key, value] pair,
 * and a Drop has no #size, so `post.size` is nil where a Hash's is its length (Jekyll's drops
 * answer `first` themselves: drops.ts's ENUMERABLE_METHODS). JekyllDrop is not Enumerable.
 */
function hashCommand(obj: Record<string, unknown>, key: "first" | "size", c: CtxInternals): unknown {
  if (key === "size") return isUnsizedDrop(obj) ? undefined : c.readProperty(obj, key);
  if (hooksOf(obj)?.opaque) return undefined;
  return hashEntries(obj)[0]; // written order, also for integer-like keys (data-integer-keys-order)
}

/**
 * Context#getSync(path) (a plugin tag's lookup of `page.title`, `site.url`…): the same reads,
 * without a generator per step and without probing each value (see the top of this file).
 */
export function lookupSync(ctx: Context, path: unknown[]): unknown {
  const c = ctx as unknown as CtxInternals;
  if (c.strictVariables) return ctx.getSync(path as string[]);
  let scope = c.findScope(path[0]);
  for (let i = 0; i < path.length; i++) scope = readProperty(c, scope, path[i]);
  return scope;
}

/** Expression#evaluate run to its value (also `where_exp`'s conditions, filters/jekyll.ts). */
export function evaluateExpression(expr: ValueLike["initial"], ctx: Context, lenient: boolean): unknown {
  const postfix = expr.postfix;
  if (postfix.length === 1) return evalTokenSync(postfix[0], ctx, lenient);
  const operators = (ctx as unknown as CtxInternals).opts.operators;
  const operands: unknown[] = [];
  for (const token of postfix) {
    if (token.kind === TokenKind.Operator) {
      if (!isBinary(token.operator)) return toValueSync(expr.evaluate(ctx, lenient));
      const r = operands.pop();
      const l = operands.pop();
      operands.push(runSync(operators[token.operator!]!(l, r, ctx)));
    } else operands.push(evalTokenSync(token, ctx, lenient));
  }
  return operands[0];
}

/** Filters that take no arguments and ignore `this` (the engine's outputEscape): called directly. */
const plainFilters = new WeakSet<object>();

/** Marks `fn` as a filter that needs neither arguments nor liquidjs's `this` (see applyFilter). */
export function plainFilter<F extends (value: unknown) => unknown>(fn: F): F {
  plainFilters.add(fn);
  return fn;
}

/** Filter#render run to its value. */
function applyFilter(filter: FilterLike, value: unknown, ctx: Context): unknown {
  // `{{ }}`'s output escape runs on every output: no argument array, no `this` object.
  if (filter.args.length === 0 && plainFilters.has(filter.handler)) return liquidized(runSync((filter.handler as (v: unknown) => unknown)(value)));
  const argv: unknown[] = [value];
  for (const arg of filter.args) {
    argv.push(Array.isArray(arg) ? [arg[0], evalTokenSync(arg[1], ctx, false)] : evalTokenSync(arg, ctx, false));
  }
  return invoked(runSync(filter.handler.apply({ context: ctx, token: filter.token, liquid: filter.liquid }, argv)));
}

/**
 * Context#invoke's `strainer.invoke(…).to_liquid`: besides a Symbol's, Jekyll's MethodLiteral
 * (`empty`, `blank` as a filter's input, handed back by a filter that returns its input:
 * `where_exp`, `default`, `sort` on it) is its to_s, "" (`{{ empty | where_exp: "i", "i" |
 * inspect }}` writes `""`, not the literal's inspect).
 */
function invoked(v: unknown): unknown {
  return v instanceof ExpressionMethodLiteral ? v.rubyToS() : liquidized(v);
}

/** Value#value run to its value. */
export function valueSync(value: ValueLike, ctx: Context, lenient = false): unknown {
  const filters = value.filters;
  lenient = lenient || (!!(ctx as unknown as CtxInternals).opts.lenientIf && filters.length > 0 && filters[0]!.name === "default");
  let val = evaluateExpression(value.initial, ctx, lenient);
  for (let i = 0; i < filters.length; i++) {
    val = applyFilter(filters[i]!, val, ctx);
    checkValue(val);
  }
  return val;
}

/**
 * `Value#value` returning the value itself instead of a generator: every caller `yield`s it,
 * and liquidjs's drivers pass a non-iterator through unchanged.
 */
function fastValue(this: ValueLike, ctx: Context, lenient?: boolean): unknown {
  return valueSync(this, ctx, lenient);
}

/** `Output#render` without generators; renderTemplates wraps what it throws as before. */
function fastOutput(this: { value: ValueLike }, ctx: Context, emitter: Emitter): void {
  emitter.write(toValue(valueSync(this.value, ctx, false)));
}

/** An Output rendered by fastOutput (not one that float-literals.ts gave a render of its own). */
export function hasSyncRender(node: unknown): node is Output {
  return node instanceof Output && (node as unknown as { render: unknown }).render === fastOutput;
}

/** Writes an Output the way renderTemplates would, wrapping a plain error as its RenderError. */
export function renderOutputSync(out: Output, ctx: Context, emitter: Emitter): void {
  try {
    fastOutput.call(out as never, ctx, emitter);
  } catch (e) {
    throw LiquidError.is(e) ? e : new RenderError(e as Error, out);
  }
}

/** Installs the synchronous evaluation on every Value and Output of a parse tree. */
export function installSyncValues(root: unknown): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node) || node instanceof Drop) continue;
    seen.add(node);
    if (node instanceof Value) {
      (node as unknown as { value: unknown }).value = fastValue;
      continue;
    }
    if (node instanceof Output) {
      // float-literals.ts gives a bare range output its own render; keep it.
      if (!Object.prototype.hasOwnProperty.call(node, "render")) (node as unknown as { render: unknown }).render = fastOutput;
      (node.value as unknown as { value: unknown }).value = fastValue;
      continue;
    }
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === "liquid" || key === "input" || key === "token" || key === "tokenizer") continue;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
}
