// Jekyll's Utils.deep_merge_hashes: hashes merge key by key, everything else is replaced — except
// that a nil (null) new value keeps the old one. That is why `layout: null` in front matter still
// gets the layout from `defaults`, while `layout: none` turns layouts off.
import { isIndexKey, orderedKeys, withInsertionOrder } from "../ruby/ordered-hash.js";
import { hasRubyKeys, noteRubyKey, rubyKeyOf, shareRubyKeys } from "../ruby/values.js";

export function isPlainObject(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function deepMerge(master: Record<string, any>, other: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...master };
  for (const [k, v] of Object.entries(other)) {
    if ((v === null || v === undefined) && k in out) continue;
    out[k] = isPlainObject(out[k]) && isPlainObject(v) ? deepMerge(out[k], v) : v;
  }
  return asRubyMerge(master, other, out);
}

/**
 * `{ ...master, ...other }` as a Ruby Hash#merge: `other`'s values win (a nil too), keys not
 * Strings in Ruby (YAML's `5:`) stay typed (the first key object of equal keys), and the order is
 * the master's keys, then the other's new ones (a plain object would list integer-like keys first).
 */
export function mergeShallow(master: Record<string, any>, other: Record<string, any>): Record<string, any> {
  return asRubyMerge(master, other, { ...master, ...other });
}

/** `out`, the merge of `master` and `other`, given what a Ruby Hash#merge of the two has besides its values. */
function asRubyMerge(master: Record<string, any>, other: Record<string, any>, out: Record<string, any>): Record<string, any> {
  // Keys that are not Strings in Ruby (YAML's `5:`) stay typed in the merged hash (Hash#merge
  // keeps the first key object of equal keys).
  if (hasRubyKeys(master) || hasRubyKeys(other)) {
    for (const k of Object.keys(out)) noteRubyKey(out, k, Object.hasOwn(master, k) ? rubyKeyOf(master, k) : rubyKeyOf(other, k));
  }
  // Hash#merge! keeps the master's keys where they are and appends the new ones, in order. A plain
  // object lists integer-like keys (`2024:` in _config.yml) first, so when one is present the
  // merged hash gets that order explicitly. (JavaScript lists such keys first, so looking at the
  // first key tells whether there is any: the common case pays for one step of a for-in.)
  let first: string | undefined;
  for (const k in out) { first = k; break; }
  if (first !== undefined && isIndexKey(first)) {
    const keys = orderedKeys(master);
    for (const k of orderedKeys(other)) if (!Object.hasOwn(master, k)) keys.push(k);
    const ordered = withInsertionOrder(out, keys);
    if (ordered !== out) shareRubyKeys(out, ordered);
    return ordered;
  }
  return out;
}

