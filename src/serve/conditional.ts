// HTTP validators and byte ranges for static files (RFC 9110 §8.8, §13, §14).

import { createHash } from "node:crypto";
import type { BigIntStats } from "node:fs";

/**
 * A strong ETag from inode, size and nanosecond mtime. The write stage swaps whole directories in,
 * so a rebuilt file has a new inode even when its size and mtime second are unchanged; `variant`
 * distinguishes the bytes we send from the bytes on disk (the live-reload script is injected).
 */
export function etagFor(stats: BigIntStats, variant = ""): string {
  const parts = [stats.ino.toString(36), stats.size.toString(36), stats.mtimeNs.toString(36)];
  if (variant) parts.push(createHash("sha1").update(variant).digest("hex").slice(0, 8));
  return `"${parts.join("-")}"`;
}

function opaque(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}

/** Splits an If-None-Match / If-Match list; commas cannot occur inside an entity tag. */
function tagList(header: string): string[] {
  return header.split(",").map((t) => t.trim()).filter((t) => t !== "");
}

/** Seconds since the epoch, as HTTP dates carry (no sub-second part). */
function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * Whether a GET/HEAD may be answered 304. If-None-Match wins over If-Modified-Since when both are
 * present (RFC 9110 §13.2.2); If-None-Match uses the weak comparison.
 */
export function isNotModified(headers: { "if-none-match"?: string; "if-modified-since"?: string }, etag: string, mtimeMs: number): boolean {
  const inm = headers["if-none-match"];
  if (inm !== undefined) {
    const tags = tagList(inm);
    return tags.includes("*") || tags.some((t) => opaque(t) === opaque(etag));
  }
  const ims = headers["if-modified-since"];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    if (Number.isNaN(since)) return false;
    return seconds(mtimeMs) <= seconds(since);
  }
  return false;
}

/**
 * If-Range: the Range header only applies when the validator still matches — an ETag with the
 * strong comparison (a weak tag never matches), or exactly the Last-Modified date.
 */
export function ifRangeMatches(ifRange: string | undefined, etag: string, mtimeMs: number): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return !value.startsWith("W/") && value === etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && seconds(date) === seconds(mtimeMs);
}

export type RangeResult = { start: number; end: number } | "unsatisfiable" | null;

/**
 * Parses a `Range` header for a file of `size` bytes. Returns the inclusive byte span, or
 * "unsatisfiable" (→ 416), or null when the header is to be ignored (→ 200 with the whole file):
 * other units, syntax errors, `last < first`, and multiple ranges (allowed by RFC 9110 §14.2, and
 * media players only ask for one).
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (header === undefined) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const last = m[2] === "" ? Infinity : Number(m[2]);
  if (last < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(last, size - 1) };
}
