// YAML with the semantics of Ruby's Psych (what Jekyll loads `_config.yml`, front matter and
// `_data/*.yml` with). js-yaml's YAML 1.1 schema gets closest; on top of it:
//  - timestamps become JekyllTime, not JS Dates: Psych reads `2025-05-30` as a Date (prints
//    `2025-05-30`), `2025-05-30 14:05:09 +0800` as a Time with that offset, and a time with no offset
//    as that instant in UTC, shown in the local zone (Psych: `Time.at(Time.utc(...).to_i)`);
//  - booleans are Psych's set: `y`/`n` stay strings (js-yaml's YAML 1.1 makes them booleans);
//  - an integral float (`3.0`, `1.0e+3`) stays a Ruby Float (RubyFloat), so Liquid prints `1000.0`.
import {
  YAML11_SCHEMA, defineScalarTag, floatYaml11Tag, load as yamlLoad, NOT_RESOLVED, YAMLException, type Schema,
} from "js-yaml";
import { RubyFloat } from "../render/liquid/ruby/values.js";
import { BuildError } from "../errors.js";
import { DEFAULT_LIMITS, raiseHint } from "../config/limits.js";
import { JekyllTime } from "../site/time.js";
import { loadFlatYaml, plainScalarResolver, type PlainResolver } from "./yaml-flat.js";

const DATE_RE = /^(-?\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME_RE =
  /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?(?:\s*(Z|[-+]\d{1,2}(?::?\d\d)?))?$/;

/** Psych's ScalarScanner#parse_time, for a string already known to match TIME_RE. */
export function parseRubyTime(source: string, zone: string | undefined): JekyllTime | undefined {
  const m = TIME_RE.exec(source);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  // Psych's parse_time raises on fields Time.utc refuses, and the scalar stays a string.
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 24 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (tz === undefined) return JekyllTime.at(utc, zone);
  if (tz === "Z") return new JekyllTime(utc, 0, false, true);
  const tm = /^([+-])(\d{1,2}):?(\d\d)?$/.exec(tz)!;
  const minutes = (Number(tm[2]) * 60 + Number(tm[3] ?? 0)) * (tm[1] === "-" ? -1 : 1);
  return new JekyllTime(utc - minutes * 60000, minutes);
}

function timestampTag(zone: string | undefined) {
  return defineScalarTag<JekyllTime>("tag:yaml.org,2002:timestamp", {
    implicit: true,
    implicitFirstChars: ["-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    resolve(source) {
      const d = DATE_RE.exec(source);
      if (d) return JekyllTime.date(Number(d[1]), Number(d[2]), Number(d[3]), zone);
      return parseRubyTime(source, zone) ?? NOT_RESOLVED;
    },
    identify: (v) => v instanceof JekyllTime,
    represent: (v) => String(v),
  });
}

const PSYCH_TRUE = new Set(["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const PSYCH_FALSE = new Set(["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
const psychBool = defineScalarTag<boolean>("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["y", "Y", "n", "N", "t", "T", "f", "F", "o", "O"],
  resolve(source) {
    if (PSYCH_TRUE.has(source)) return true;
    if (PSYCH_FALSE.has(source)) return false;
    return NOT_RESOLVED;
  },
  identify: (v) => typeof v === "boolean",
  represent: (v) => String(v),
});

const rubyFloat = defineScalarTag<number | RubyFloat>("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: floatYaml11Tag.implicitFirstChars,
  resolve(source, isExplicit, tagName) {
    const v = floatYaml11Tag.resolve(source, isExplicit, tagName);
    if (v === NOT_RESOLVED) return v;
    return typeof v === "number" && Number.isInteger(v) ? new RubyFloat(v) : (v as number);
  },
  identify: (v) => v instanceof RubyFloat || (typeof v === "number" && !Number.isInteger(v)),
  represent: (v) => String(v),
});

const schemas = new Map<string, { schema: Schema; plain: PlainResolver }>();
function schemaFor(zone: string | undefined): { schema: Schema; plain: PlainResolver } {
  const key = zone ?? "";
  let s = schemas.get(key);
  if (!s) {
    const schema = YAML11_SCHEMA.withTags(timestampTag(zone), psychBool, rubyFloat);
    s = { schema, plain: plainScalarResolver(schema) };
    schemas.set(key, s);
  }
  return s;
}

export interface YamlOptions {
  /** The file, as the user should see it in an error. */
  file: string;
  /** Lines before `text` in the file (front matter starts on line 2), so errors name file lines. */
  lineOffset?: number;
  /** The site's timezone: where times without an offset are shown. */
  zone?: string;
  /** false: always js-yaml (the tests compare both paths). */
  fast?: boolean;
  /** build_site.limits.yaml_alias_nodes (config/limits.ts). */
  maxAliasNodes?: number;
}

/**
 * How many values the document's aliases add when it is walked as a tree (what `jsonify`,
 * `inspect` or a for loop do): a billion-laughs document of 1 KB adds 10^9. Psych, like js-yaml,
 * shares an alias's value instead of copying it, so loading is cheap and the walk is what never
 * ends; Jekyll hangs there. Counted with one visit per distinct value. Infinity for an alias
 * inside its own anchor (a cycle).
 */
export function aliasExpansion(root: unknown): number {
  const sizes = new Map<object, number>();
  const onPath = new Set<object>();
  let distinct = 0;
  const size = (v: unknown): number => {
    if (typeof v !== "object" || v === null || v instanceof JekyllTime || v instanceof RubyFloat) {
      distinct++;
      return 1;
    }
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (onPath.has(v)) return Infinity;
    onPath.add(v);
    distinct++;
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) n += size(child);
    onPath.delete(v);
    sizes.set(v, n);
    return n;
  };
  const total = size(root);
  return total - distinct;
}

function checkAliases(value: unknown, text: string, options: YamlOptions): void {
  const limit = options.maxAliasNodes ?? DEFAULT_LIMITS.yamlAliasNodes;
  const added = aliasExpansion(value);
  if (added <= limit) return;
  const before = text.slice(0, Math.max(0, text.search(/(?:^|[\s[{,:-])\*[^\s,\]}]/m)));
  const line = before.split("\n").length + (options.lineOffset ?? 0);
  const what = added === Infinity ? "an alias refers to the value it is part of, so it never ends" : `its aliases expand it by ${added.toLocaleString("en-US")} values`;
  throw new BuildError(`invalid YAML: ${what} (a "billion laughs" document)`, {
    file: options.file,
    line,
    hint: `Use fewer or smaller aliases (*name). ${raiseHint("yaml_alias_nodes", String(limit))}`,
  });
}

/** The fast path alone (src/read/yaml-flat.ts): the mapping, or undefined when js-yaml must read it. */
export function tryFlatYaml(text: string, zone?: string): Record<string, unknown> | undefined {
  return loadFlatYaml(text, schemaFor(zone).plain);
}

/**
 * The innermost `[` or `{` still open at `end` (quotes and comments skipped), with its 1-based
 * line and column; null when every flow collection before `end` is closed.
 */
export function unclosedFlow(text: string, end: number): { char: string; line: number; column: number } | null {
  const stack: Array<{ char: string; line: number; column: number }> = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") { line++; lineStart = i + 1; continue; }
    if (c === "#" && (i === lineStart || /\s/.test(text[i - 1]!))) {
      while (i + 1 < end && text[i + 1] !== "\n") i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === lineStart || /[\s[{,:]/.test(text[i - 1]!))) {
      for (i++; i < end && i < text.length; i++) {
        if (text[i] === "\n") { line++; lineStart = i + 1; }
        if (c === '"' && text[i] === "\\") { i++; continue; }
        if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") { i++; continue; }
          break;
        }
      }
      continue;
    }
    if (c === "[" || c === "{") {
      // Only where a flow collection can start (not inside a plain scalar such as `a[1]`).
      const before = text.slice(lineStart, i).trimEnd();
      if (before === "" || /[:\-,[{?]$/.test(before)) stack.push({ char: c, line, column: i - lineStart + 1 });
    }
    else if ((c === "]" || c === "}") && stack.length) stack.pop();
  }
  return stack.length ? stack[stack.length - 1]! : null;
}

/** Parses one YAML document; an empty document is null. Throws a located BuildError. */
export function loadYaml(text: string, options: YamlOptions): unknown {
  // Psych reads a document of only blank and comment lines as nil; js-yaml calls it an error.
  if (/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:#[^\n]*)?$/.test(text)) return null;
  // Flat `key: value` front matter (nearly all of it) is read by a scanner that gives the same
  // values; anything else, and every error, goes through js-yaml.
  if (options.fast !== false) {
    const flat = tryFlatYaml(text, options.zone);
    if (flat !== undefined) return flat;
  }
  const { schema } = schemaFor(options.zone);
  try {
    const value = yamlLoad(text, { schema, json: true, filename: options.file });
    if (text.includes("*")) checkAliases(value, text, options);
    return value;
  } catch (e) {
    if (e instanceof YAMLException) {
      const mark = (e as any).mark as { line?: number; column?: number; position?: number } | undefined;
      let line = mark?.line !== undefined ? mark.line + 1 + (options.lineOffset ?? 0) : undefined;
      let column = mark?.column !== undefined ? mark.column + 1 : undefined;
      let reason = e.reason;
      // An unclosed `[` or `{`: js-yaml stumbles on a later line ("deficient indentation");
      // Psych names the collection that was never closed, where it opens. So do we.
      const open = mark?.position !== undefined ? unclosedFlow(text, mark.position) : null;
      if (open) {
        line = open.line + (options.lineOffset ?? 0);
        column = open.column;
        reason = `did not find expected ',' or '${open.char === "[" ? "]" : "}"}' while parsing the flow ${open.char === "[" ? "sequence" : "mapping"} that starts here`;
      }
      throw new BuildError(`invalid YAML: ${reason}`, {
        file: options.file,
        line,
        column,
        hint: "Fix the YAML syntax (indent with spaces, quote values that contain ': ' or start with '{', '[', '*', '&' or '@').",
        cause: e,
      });
    }
    throw e;
  }
}
