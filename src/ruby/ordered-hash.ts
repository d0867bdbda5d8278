// Ruby hashes keep their keys in insertion order; JavaScript objects list integer-like keys
// ("2024", "3") first, in ascending order. A YAML mapping keyed by year (`_data/publications.yml`
// with `2024:`, `2023:`… newest first) is walked newest first by Jekyll's `{% for %}`, `jsonify` and
// `inspect`, and would come out oldest first here. Such mappings (only those: no other object pays
// anything) are given as a Proxy whose own keys are listed in insertion order.
//
// The YAML loader records the order while it builds a mapping (`noteKey`), and `preserveOrder`
// swaps the recorded mappings for proxies once the document is loaded; the config merge
// (config/merge.ts) keeps the order of the hashes it merges.

import { shareRubyKeys } from "./values.js";

const ORDER = new WeakMap<object, string[]>();
let recorded = 0;

/** An array index as JavaScript orders it: a canonical non-negative integer below 2^32 - 1. */
export function isIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57 || key.length > 10) return false; // (most keys stop here: not a digit)
  if (key !== "0" && !/^[1-9]\d*$/.test(key)) return false;
  return Number(key) < 4294967295;
}

/** Before `container[key] = …` while a mapping is built: keeps its insertion order when it matters. */
export function noteKey(container: Record<string, unknown>, key: string): void {
  const order = ORDER.get(container);
  if (order) {
    if (!Object.prototype.hasOwnProperty.call(container, key)) order.push(key);
  } else if (isIndexKey(key) && !Object.prototype.hasOwnProperty.call(container, key)) {
    // Until now no key was integer-like, so the object's own order was the insertion order.
    ORDER.set(container, [...Object.keys(container), key]);
    recorded++;
  }
}

/**
 * While a mapping is built: the property `from` becomes `to`, keeping its place in the insertion
 * order (a YAML key of another class giving its name up to a String key with the same to_s).
 */
export function renameKey(container: Record<string, unknown>, from: string, to: string): void {
  let order = ORDER.get(container);
  if (!order) {
    ORDER.set(container, (order = Object.keys(container)));
    recorded++;
  }
  order[order.indexOf(from)] = to;
  const value = container[from];
  delete container[from];
  container[to] = value;
}

/** The keys of a mapping in insertion order (the loader's `keys`, used by `<<` merge keys). */
export function orderedKeys(container: object): string[] {
  return ORDER.get(container)?.slice() ?? Object.keys(container);
}

const HANDLER: ProxyHandler<Record<string, unknown>> = {
  ownKeys(target) {
    return ORDER.get(target)!;
  },
  set(target, key, value) {
    if (typeof key === "string" && !Object.prototype.hasOwnProperty.call(target, key)) ORDER.get(target)!.push(key);
    target[key as string] = value;
    return true;
  },
  defineProperty(target, key, descriptor) {
    if (typeof key === "string" && !Object.prototype.hasOwnProperty.call(target, key)) ORDER.get(target)!.push(key);
    return Reflect.defineProperty(target, key, descriptor);
  },
  deleteProperty(target, key) {
    const order = ORDER.get(target)!;
    const i = typeof key === "string" ? order.indexOf(key) : -1;
    if (i >= 0) order.splice(i, 1);
    return Reflect.deleteProperty(target, key);
  },
};

/** How many mappings have had their order recorded so far (a loader compares before and after). */
export function recordedCount(): number {
  return recorded;
}

/**
 * The loaded document with each recorded mapping whose insertion order differs from JavaScript's
 * replaced by an order-keeping proxy (an alias keeps pointing at one shared proxy).
 */
export function preserveOrder(root: unknown): unknown {
  const done = new Map<object, unknown>();
  const visit = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    if (done.has(v)) return done.get(v);
    if (Array.isArray(v)) {
      done.set(v, v);
      for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
      return v;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const obj = v as Record<string, unknown>;
    const order = ORDER.get(obj);
    const keys = Object.keys(obj);
    const differs = order !== undefined && order.some((k, i) => keys[i] !== k);
    const result = differs ? new Proxy(obj, HANDLER) : obj;
    if (differs) shareRubyKeys(obj, result as object);
    done.set(v, result);
    for (const k of keys) obj[k] = visit(obj[k]);
    return result;
  };
  return visit(root);
}

/**
 * `obj` with `keys` (its own keys, in the order they were added) as its key order: the object
 * itself when JavaScript lists them that way anyway, else an order-keeping proxy. For hashes built
 * at run time (site.tags, CSV rows) rather than read from YAML. `growing`: always the proxy, for a
 * hash that may get keys later (in the order they come, whatever they look like).
 */
export function withInsertionOrder<T extends Record<string, unknown>>(obj: T, keys: string[], growing = false): T {
  if (!growing) {
    if (!keys.some(isIndexKey)) return obj;
    const own = Object.keys(obj);
    if (own.length === keys.length && own.every((k, i) => k === keys[i])) return obj;
  }
  ORDER.set(obj, keys.slice());
  return new Proxy(obj, HANDLER as ProxyHandler<T>);
}
