// Jekyll's Utils.deep_merge_hashes: hashes merge key by key, everything else is replaced — except
// that a nil (null) new value keeps the old one. That is why `layout: null` in front matter still
// gets the layout from `defaults`, while `layout: none` turns layouts off.
import { hasRubyKeys, noteRubyKey, rubyKeyOf } from "../ruby/values.js";

export function isPlainObject(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function deepMerge(master: Record<string, any>, other: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...master };
  for (const [k, v] of Object.entries(other)) {
    if ((v === null || v === undefined) && k in out) continue;
    out[k] = isPlainObject(out[k]) && isPlainObject(v) ? deepMerge(out[k], v) : v;
  }
  // Keys that are not Strings in Ruby (YAML's `5:`) stay typed in the merged hash (Hash#merge
  // keeps the first key object of equal keys).
  if (hasRubyKeys(master) || hasRubyKeys(other)) {
    for (const k of Object.keys(out)) noteRubyKey(out, k, Object.hasOwn(master, k) ? rubyKeyOf(master, k) : rubyKeyOf(other, k));
  }
  return out;
}
