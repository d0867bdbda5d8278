// Small numeric helpers for the benchmark report.

/** Median; the mean of the two middle values for an even count; null for no values. */
export function median(values: number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..1); with few samples the 95th is the largest. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Smallest and largest value, to show the spread next to a median. */
export function range(values: number[]): [number, number] | null {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return null;
  return [Math.min(...v), Math.max(...v)];
}

/** `a / b`, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0) return null;
  return a / b;
}

/** Seconds with a resolution that suits the magnitude: 0.012 s, 1.23 s, 123 s. */
export function fmtSeconds(s: number | null | undefined): string {
  if (s == null) return "–";
  if (s < 1) return `${s.toFixed(3)} s`;
  if (s < 100) return `${s.toFixed(2)} s`;
  return `${s.toFixed(0)} s`;
}

export function fmtMs(ms: number | null | undefined): string {
  if (ms == null) return "–";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(0)} ms`;
}

export function fmtMiB(kib: number | null | undefined): string {
  if (kib == null) return "–";
  return `${(kib / 1024).toFixed(0)} MiB`;
}

/**
 * A speed ratio as a reader wants it: "3.1× faster" when the subject's time is smaller than the
 * other's, "2.0× slower" otherwise. `subject` and `other` are times (smaller is better).
 */
export function fmtSpeed(subject: number | null | undefined, other: number | null | undefined): string {
  if (subject == null || other == null || subject <= 0 || other <= 0) return "–";
  const r = other / subject;
  return r >= 1 ? `${r.toFixed(2)}× faster` : `${(1 / r).toFixed(2)}× slower`;
}
