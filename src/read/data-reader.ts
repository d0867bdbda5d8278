// Jekyll's DataReader: `_data/*.{yaml,yml,json,csv,tsv}` become `site.data.<name>`, and folders
// become nested hashes. File names are sanitised into keys the way Jekyll does (punctuation
// dropped, spaces to "_").
import fs from "node:fs";
import { LoopGuard } from "./loop-guard.js";
import path from "node:path";
import { BuildError } from "../errors.js";
import type { Site } from "../site/site.js";
import { MalformedCsvError, readTable } from "./csv.js";
import type { EntryFilter } from "./entry-filter.js";
import { loadYaml } from "./yaml.js";
import { readSiteSource } from "./source-text.js";
import { compareStrings, rubyClass, toS } from "../ruby/values.js";
import { floatValue, kernelFloat, kernelInteger } from "../ruby/number.js";
import { dateParse } from "../ruby/date-parse.js";
import { JekyllTime } from "../ruby/time.js";

export function sanitizeDataKey(name: string): string {
  return name.replace(/[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)/g, "").replace(/\s+/g, "_");
}

export function readData(site: Site, dir: string, filter: EntryFilter): Record<string, any> {
  const data: Record<string, any> = {};
  readInto(site, dir, data, filter, new LoopGuard(dir, (p) => site.displayPath(p), site.limits.linkedFolderVisits));
  return data;
}

function readInto(site: Site, dir: string, data: Record<string, any>, filter: EntryFilter, chain: LoopGuard): void {
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory() || filter.isSymlinkOutside(dir)) return;
  const names = fs.readdirSync(dir).filter((n) => !n.startsWith(".")).sort(compareStrings);
  // Dir["*.{yaml,yml,json,csv,tsv}"] expands the braces in order, so keys come grouped by extension.
  const files = ["yaml", "yml", "json", "csv", "tsv"].flatMap((ext) =>
    names.filter((n) => n.endsWith(`.${ext}`) && fs.statSync(path.join(dir, n)).isFile()));
  const dirs = names.filter((n) => fs.statSync(path.join(dir, n)).isDirectory());
  for (const entry of [...files, ...dirs]) {
    const abs = path.join(dir, entry);
    if (filter.isSymlinkOutside(abs)) continue;
    if (dirs.includes(entry)) {
      const sub: Record<string, any> = {};
      // A link back to a folder being read (`_data/loop -> .`) is not followed (loop-guard.ts):
      // it makes no key. Jekyll fails there with Errno::ELOOP.
      if (!chain.enter(abs, entry, fs.lstatSync(abs).isSymbolicLink())) continue;
      data[sanitizeDataKey(entry)] = sub;
      readInto(site, abs, sub, filter, chain);
      chain.leave();
    } else {
      data[sanitizeDataKey(path.basename(entry, path.extname(entry)))] = readDataFile(site, abs);
    }
  }
}

function startsWithBom(abs: string): boolean {
  const fd = fs.openSync(abs, "r");
  try {
    const head = Buffer.alloc(3);
    return fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    fs.closeSync(fd);
  }
}

// CSV::DateMatcher.
const CSV_DATE = /^(?:(?:\w+,?\s+)?\w+\s+\d{1,2},?\s+\d{2,4}|\d{4}-\d{2}-\d{2})$/;

/**
 * The reader's `csv_converters` (Jekyll passes them to CSV.read as `converters:`): each data field
 * goes through Ruby's built-in converters in order until one gives something other than a String.
 * `integer` is Kernel#Integer (`017` octal, `0x1A`, `1_000`), `float` Kernel#Float (`1e3`, `.5`),
 * `numeric` both, `date` Date.parse (a Ruby Date). `date_time` (a DateTime, which no value here
 * prints as Ruby does) is not reproduced: `all` is numeric alone, and such fields stay Strings.
 */
function fieldConverter(names: unknown, zone: string | undefined): ((field: string) => unknown) | undefined {
  if (!Array.isArray(names) || names.length === 0) return undefined;
  const steps: Array<(f: string) => unknown> = [];
  // CSV's :date: a field that matches its DateMatcher (`2020-01-02`, `Jan 2 2020`,
  // `Monday, Jan 2, 2020`) becomes Date.parse's Date; one Date.parse refuses stays a String.
  const date = (f: string) => {
    if (!CSV_DATE.test(f)) return f;
    let d;
    try {
      d = dateParse(f);
    } catch {
      return f;
    }
    const year = d.year;
    const mon = d.mon ?? (d.mday === undefined ? 1 : undefined);
    const mday = d.mday ?? (d.mon === undefined ? 1 : undefined);
    if (year === undefined || mon === undefined || mday === undefined) return f;
    if (mon < 1 || mon > 12 || mday < 1 || mday > new Date(Date.UTC(year, mon, 0)).getUTCDate()) return f;
    return JekyllTime.date(year, mon, mday, zone);
  };
  const integer = (f: string) => kernelInteger(f) ?? f;
  const float = (f: string) => {
    const x = kernelFloat(f);
    return x === null ? f : floatValue(x);
  };
  for (const n of names.map((x) => toS(x))) {
    if (n === "integer") steps.push(integer);
    else if (n === "float") steps.push(float);
    else if (n === "numeric" || n === "all") steps.push(integer, float);
    else if (n === "date") steps.push(date);
  }
  if (!steps.length) return undefined;
  return (field) => {
    let v: unknown = field;
    for (const step of steps) {
      v = step(v as string);
      if (typeof v !== "string") break;
    }
    return v;
  };
}

export function readDataFile(site: Site, abs: string): unknown {
  const text = readSiteSource(site, abs);
  const ext = path.extname(abs).toLowerCase();
  const conf = (key: string) => (site.config[key] ?? {}) as Record<string, any>;
  if (ext === ".csv" || ext === ".tsv") {
    const reader = conf(ext === ".csv" ? "csv_reader" : "tsv_reader");
    // Jekyll's CSV.read opens the file as `encoding` (the reader's, else the site's: "utf-8"),
    // not "bom|utf-8": a byte order mark (Excel's UTF-8 export) stays on the first header, so
    // `row.name` of the first column is nil there. Kept the same here.
    // `csv_config.fetch("encoding", site.config["encoding"])` handed to CSV.read, whose File.open
    // takes a String or nil: `encoding: false` is Ruby's TypeError there.
    const chosen = Object.prototype.hasOwnProperty.call(reader, "encoding") ? reader.encoding : site.config.encoding;
    if (chosen !== null && chosen !== undefined && typeof chosen !== "string") {
      throw new BuildError(`no implicit conversion of ${chosen === true || chosen === false ? String(chosen) : rubyClass(chosen)} into String (TypeError)`, { file: site.displayPath(abs), hint: "encoding: (of the site, or of csv_reader/tsv_reader) names a Ruby encoding as a String, e.g. utf-8." });
    }
    const encoding = (chosen ?? "utf-8").toLowerCase();
    const table = !encoding.startsWith("bom|") && startsWithBom(abs) ? "\uFEFF" + text : text;
    try {
      return readTable(table, ext === ".csv" ? "," : "\t", reader.headers ?? true, fieldConverter(reader.csv_converters, site.zone));
    } catch (e) {
      if (!(e instanceof MalformedCsvError)) throw e;
      throw new BuildError(`invalid ${ext.slice(1).toUpperCase()}: ${e.message} (Ruby: CSV::MalformedCSVError)`, {
        file: site.displayPath(abs),
        line: e.line,
        hint: 'A field with a quote, comma or line break must be quoted whole, with its quotes doubled: "say ""hi""".',
      });
    }
  }
  if (ext === ".json") {
    // Jekyll reads `.json` data with its YAML loader, not a JSON parser, and the two disagree on
    // numbers: `1e3` is the string "1e3" (Psych's floats need a dot), `3.0` stays a Float that
    // jsonify writes as `3.0`. So JSON goes through the same loader as YAML; only its error
    // message says JSON.
    try {
      return loadYaml(text, { file: site.displayPath(abs), zone: site.zone, maxAliasNodes: site.limits.yamlAliasNodes });
    } catch (ye) {
      let jsonError: Error | null = null;
      try {
        JSON.parse(text);
      } catch (je) {
        jsonError = je as Error;
      }
      // Valid JSON that Psych refuses (a surrogate-pair escape): its own message and advice.
      if (!jsonError && ye instanceof BuildError) {
        throw new BuildError(`${ye.message} (Jekyll reads .json data files with its YAML parser)`, { file: site.displayPath(abs), line: ye.line, column: ye.column, hint: ye.hint });
      }
      const reason = jsonError ? jsonError.message : ye instanceof Error ? ye.message : String(ye);
      const where = ye instanceof BuildError ? { line: ye.line, column: ye.column } : {};
      throw new BuildError(`invalid JSON: ${reason}`, {
        file: site.displayPath(abs),
        ...where,
        hint: "Fix the JSON syntax near that place: a missing comma or closing bracket, a trailing comma, or an unquoted key.",
      });
    }
  }
  return loadYaml(text, { file: site.displayPath(abs), zone: site.zone, maxAliasNodes: site.limits.yamlAliasNodes });
}
