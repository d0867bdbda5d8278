// TOML configuration files. Jekyll reads a config file whose extension matches /\.toml/i with
// Tomlrb (Configuration#safe_load_file), and finds `_config.toml` by itself when the source has
// neither `_config.yml` nor `_config.yaml`. The document is parsed by smol-toml (TOML 1.0), and
// its values are given the classes Tomlrb 1.3 gives them:
// - every date and time is a Ruby Time: an offset date-time keeps its offset, a local date-time and
//   a local date are that wall clock at +0000 (a date at midnight), never the site's zone;
// - a local time alone (`t = 07:32:00`) is refused, as Tomlrb's grammar refuses it;
// - a Float stays a Float when written whole (`3.0` prints 3.0), an Integer past 2**53 stays exact.
// Where TOML 1.0 accepts more than Tomlrb 1.3 (hexadecimal integers, `inf`), the value is read.
// Bounded: the file's size by readSourceText, its nesting by smol-toml (1,000 levels, then an error).
import { parse, TomlError } from "smol-toml";
import { BuildError } from "../errors.js";
import { JekyllTime } from "../ruby/time.js";
import { RubyFloat } from "../ruby/values.js";

type TomlValue = string | number | bigint | boolean | Date | TomlValue[] | { [key: string]: TomlValue };

/** The settings of a TOML file's text; `file` names it in errors. */
export function loadToml(text: string, opts: { file: string }): Record<string, unknown> {
  let data: Record<string, TomlValue>;
  try {
    // Integers as bigints, so that a Float written whole (`3.0`, `1e2`) stays apart from them.
    data = parse(text, { integersAsBigInt: true }) as Record<string, TomlValue>;
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    throw new BuildError(`invalid TOML: ${e.message.split("\n")[0].replace(/^Invalid TOML document: /, "")}`, {
      file: opts.file,
      line: e.line,
      column: e.column,
      hint: "Fix the TOML at that place (https://toml.io), or write the configuration as _config.yml.",
    });
  }
  return convertTable(data, opts.file);
}

function convertTable(table: Record<string, TomlValue>, file: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) out[key] = convertValue(value, file, key);
  return out;
}

function convertValue(value: TomlValue, file: string, key: string): unknown {
  if (value instanceof Date) return tomlTime(value, file, key);
  if (Array.isArray(value)) return value.map((v) => convertValue(v, file, key));
  if (typeof value === "object") return convertTable(value, file);
  // An Integer is a number, or a bigint past 2**53 (exact, as the YAML reader keeps a Bignum).
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  // A Float with no fraction is a RubyFloat, which prints as Ruby does (`3.0`).
  if (typeof value === "number" && Number.isInteger(value)) return new RubyFloat(value);
  return value;
}

/** A TOML date or time as Tomlrb's Time: the wall clock written, at its offset or at +0000. */
function tomlTime(value: Date, file: string, key: string): JekyllTime {
  const toml = value as Date & { isTime?: () => boolean; isLocal?: () => boolean };
  if (toml.isTime?.()) {
    throw new BuildError(`invalid TOML: the local time in '${key}' (Jekyll's TOML reader, Tomlrb, has no local times)`, {
      file,
      hint: "Write a full date and time (1979-05-27T07:32:00Z), or quote the time as a string.",
    });
  }
  // toISOString gives back the wall clock and the offset as written ("…T07:32:00.000-07:00").
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value.toISOString());
  if (!m) throw new BuildError(`invalid TOML: the date in '${key}' cannot be read`, { file });
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", zone] = m;
  let offset = 0;
  if (zone && zone !== "Z") offset = (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return JekyllTime.withOffset(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0").slice(0, 3)), offset);
}
