// jekyll-polyglot's merge of `_data/<lang>/` over `site.data`: Hash#merge with a block that merges
// two hashes again and otherwise takes the new value (a nil too, unlike Jekyll's deep merge).
import { BuildError } from "../../errors.js";
import { isPlainObject } from "../../config/merge.js";

export function mergeData(data: Record<string, any>, over: unknown): Record<string, any> {
  if (!isPlainObject(over)) {
    throw new BuildError("jekyll-polyglot: a language's data must be a folder of files or a mapping (Hash#merge fails on anything else)", {
      hint: "Put the language's data files in _data/<lang>/, or make _data/<lang>.yml a mapping.",
    });
  }
  const out: Record<string, any> = { ...data };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isPlainObject(out[k]) && isPlainObject(v) ? mergeData(out[k], v) : v;
  }
  return out;
}
