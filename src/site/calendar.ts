// The date parts URL placeholders need (`:year`, `:week`, `:short_day` …), read off a JekyllTime's
// own wall clock in the C locale, as Ruby's strftime writes them.
import type { JekyllTime } from "../ruby/time.js";

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function dayOfYear(t: JekyllTime): number {
  const w = t.wall;
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
}

/** ISO 8601 week-based year and week number (%G, %V). */
export function isoWeek(t: JekyllTime): { year: number; week: number } {
  const w = t.wall;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return { year: d.getUTCFullYear(), week: Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7) };
}

/** The URL placeholders a document's date provides (Drops::UrlDrop). */
export function datePlaceholders(t: JekyllTime): Record<string, string> {
  const w = t.wall;
  const iso = isoWeek(t);
  return {
    year: pad(w.year, 4),
    month: pad(w.month),
    day: pad(w.day),
    hour: pad(w.hour),
    minute: pad(w.minute),
    second: pad(w.second),
    i_day: String(w.day),
    i_month: String(w.month),
    short_month: MONTH_NAMES[w.month - 1]!.slice(0, 3),
    long_month: MONTH_NAMES[w.month - 1]!,
    short_year: pad(w.year % 100),
    w_year: String(iso.year),
    week: pad(iso.week),
    w_day: String(w.weekday || 7),
    short_day: DAY_NAMES[w.weekday]!.slice(0, 3),
    long_day: DAY_NAMES[w.weekday]!,
    y_day: pad(dayOfYear(t), 3),
  };
}
