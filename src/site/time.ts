// Ruby's Time and Date, as Jekyll hands them to Liquid.
//
// A JavaScript Date is an instant with no zone; Ruby's Time is an instant *with* a UTC offset,
// and that offset shows whenever Jekyll prints a time: `{{ page.date }}` writes
// `2025-05-30 00:00:00 +0800` in the site's `timezone`, and a front matter time written with its
// own offset (`2025-05-30 14:05:09 -0500`) keeps that offset. A YAML date without a time
// (`2025-05-30`) is a Ruby Date, which prints as `2025-05-30`.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(zone, f);
  }
  return f;
}

/** Throws a RangeError for a zone name the runtime does not know. */
export function assertValidZone(zone: string): void {
  formatterFor(zone);
}

/** UTC offset in minutes (east positive) of `zone` at `epochMs`; no zone means the process's local zone. */
export function zoneOffsetMinutes(zone: string | undefined, epochMs: number): number {
  if (!zone) return -new Date(epochMs).getTimezoneOffset();
  const parts = formatterFor(zone).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const whole = Math.floor(epochMs / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

/** Each JekyllTime's wall clock, once worked out (kept outside the instance, which stays a plain value for equality checks). */
const walls = new WeakMap<JekyllTime, Readonly<WallClock>>();

export class JekyllTime {
  /**
   * @param dateOnly a Ruby Date (prints without time); otherwise a Ruby Time
   * @param utc a Ruby UTC Time (YAML `…Z`): prints its zone as `UTC` instead of `+0000`
   */
  constructor(
    readonly epochMs: number,
    readonly offsetMinutes: number,
    readonly dateOnly = false,
    readonly utc = false,
  ) {}

  /** The instant `epochMs` seen in `zone` (the site's timezone, or the process's local zone). */
  static at(epochMs: number, zone?: string): JekyllTime {
    return new JekyllTime(epochMs, zoneOffsetMinutes(zone, epochMs));
  }

  static now(zone?: string): JekyllTime {
    return JekyllTime.at(Date.now(), zone);
  }

  /** A wall-clock reading in `zone` (what Ruby's Time.local does with ENV['TZ'] set). */
  static fromWallClock(
    year: number, month: number, day: number,
    hour = 0, minute = 0, second = 0, millisecond = 0,
    zone?: string,
  ): JekyllTime {
    const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    // Two passes settle the offset across DST changes.
    let offset = zoneOffsetMinutes(zone, guess);
    offset = zoneOffsetMinutes(zone, guess - offset * 60000);
    return new JekyllTime(guess - offset * 60000, offset);
  }

  /** A wall-clock reading with an explicit offset in minutes. */
  static withOffset(
    year: number, month: number, day: number,
    hour: number, minute: number, second: number, millisecond: number,
    offsetMinutes: number,
  ): JekyllTime {
    const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    return new JekyllTime(utc - offsetMinutes * 60000, offsetMinutes);
  }

  /** A Ruby Date: midnight of that day in `zone`, printed without a time. */
  static date(year: number, month: number, day: number, zone?: string): JekyllTime {
    const t = JekyllTime.fromWallClock(year, month, day, 0, 0, 0, 0, zone);
    return new JekyllTime(t.epochMs, t.offsetMinutes, true);
  }

  /** The same instant seen in another zone (Ruby's Time#getlocal after ENV['TZ'] changes). */
  inZone(zone?: string): JekyllTime {
    return new JekyllTime(this.epochMs, zoneOffsetMinutes(zone, this.epochMs), this.dateOnly);
  }

  /** As a Ruby Time (Jekyll's Utils.parse_date turns front matter Dates into Times). */
  asTime(): JekyllTime {
    return this.dateOnly ? new JekyllTime(this.epochMs, this.offsetMinutes, false, this.utc) : this;
  }

  /**
   * The wall clock at this instant and offset. A JekyllTime never changes, and pages ask it again
   * and again (permalinks, `date` filters, `{{ page.date }}`), so it is worked out once; the
   * object is frozen because every caller shares it.
   */
  get wall(): Readonly<WallClock> {
    let w = walls.get(this);
    if (!w) walls.set(this, (w = Object.freeze(this.computeWall())));
    return w;
  }

  private computeWall(): WallClock {
    const d = new Date(this.epochMs + this.offsetMinutes * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }

  /** `+0800`, or with a colon: `+08:00`. */
  offsetString(colon = false): string {
    const sign = this.offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(this.offsetMinutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, "0");
    const mm = String(abs % 60).padStart(2, "0");
    return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
  }

  toDate(): Date {
    return new Date(this.epochMs);
  }

  valueOf(): number {
    return this.epochMs;
  }

  /** Ruby's Time#to_s (`2025-05-30 14:05:09 +0800`), or Date#to_s (`2025-05-30`). */
  toString(): string {
    const w = this.wall;
    const p = (n: number, l = 2) => String(n).padStart(l, "0");
    const day = `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}`;
    if (this.dateOnly) return day;
    return `${day} ${p(w.hour)}:${p(w.minute)}:${p(w.second)} ${this.utc ? "UTC" : this.offsetString()}`;
  }

  /** Ruby's Time#xmlschema / Date#iso8601, which is what `jsonify` and `date_to_xmlschema` write. */
  toISO(): string {
    const w = this.wall;
    const p = (n: number, l = 2) => String(n).padStart(l, "0");
    const day = `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}`;
    if (this.dateOnly) return day;
    return `${day}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}${this.utc ? "Z" : this.offsetString(true)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
