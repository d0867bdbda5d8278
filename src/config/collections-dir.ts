// `collections_dir` as Jekyll 4.3 uses it where YAML gave no String. A non-empty list gets past
// the config's `empty?` question and is then used three ways: interpolated (`"/#{dir}"` in
// Reader#outside_configured_directory?, `"#{dir}/"` in FrontmatterDefaults: its to_s, the inspect
// text `["a"]`, so no post folder matches and no posts are read), joined (`File.join(dir,
// "_label")`, Collection#directory: File.join flattens a list, so it is `a/_label`), and as one
// path piece (Collection#collection_dir, Site#in_source_dir: sanitized_path's start_with? on the
// list, a NoMethodError, met as soon as a collection's folder holds an entry). A non-empty mapping
// is interpolated the same way (its inspect, `{"a"=>"b"}`: no posts are read), but File.join
// takes no Hash: Collection#directory raises TypeError as soon as a collection other than posts
// is read (collectionsDirRefused), whether its folder exists or not.
import type { Config } from "./types.js";
import { inspect, toS } from "../ruby/values.js";

/** Ruby's `"#{collections_dir}"`: the String itself, or a list's inspect text. */
export function collectionsDirText(config: Config): string {
  const dir = config.collections_dir;
  if (dir === null || dir === undefined) return "";
  return typeof dir === "string" ? dir : inspect(dir);
}

/** The first part of `File.join(collections_dir, …)`: a list's items joined with "/" (File.join flattens it). */
export function collectionsDirJoined(config: Config): string {
  const dir = config.collections_dir;
  if (dir === null || dir === undefined) return "";
  return Array.isArray(dir) ? dir.flat(Infinity).map((d) => toS(d)).join("/") : String(dir);
}

/**
 * Collection#directory's `File.join(collections_dir, "_label")` for a mapping: Ruby's TypeError
 * (File.join converts each piece with to_str; a Hash has none), or null where it joins.
 */
export function collectionsDirRefused(config: Config): string | null {
  const dir = config.collections_dir as unknown;
  return typeof dir === "object" && dir !== null && !Array.isArray(dir) ? "no implicit conversion of Hash into String (TypeError)" : null;
}
