// The bounds of one Liquid render (config/limits.ts): time, output size and loop iterations.
//
// liquidjs has `renderLimit` and `memoryLimit`, but its render-time check runs in its own
// (generator) renderTemplates, which our synchronous renderer replaces (sync-render.ts), and
// `memoryLimit` counts every string a filter builds, cumulatively, which Jekyll's filters here do
// not report. So the bounds are counted here, by the synchronous renderer (per template) and the
// loop tags (per iteration): cheap counters, and the clock read once every 1,024 steps.
// Rendering is synchronous and one at a time per thread, so the budget of the render running is
// module state; a render started inside another (a plugin rendering a template) shares it.
import { raiseHint, type Limits } from "../../config/limits.js";
import { nowMs } from "../../clock.js";

/** A bound was reached; `hint` says what to do. */
export class LimitError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = "LimitError";
  }
}

class Budget {
  /**
   * Starts one short of a clock read, so the first step of every render reads it. A render of a
   * few hundred steps (most pages) would otherwise never reach checkTime, and V8 optimised the
   * renderer with step() inlined and no feedback for that call: the first page that did reach it
   * (a listing of every post, rendered late) threw the renderer's optimised code away and had it
   * compiled again (bench/PROFILE.md, speed5).
   */
  steps = 1023;
  iterations = 0;
  readonly deadline: number;
  constructor(readonly limits: Limits) {
    this.deadline = nowMs() + limits.renderMs;
  }
}

let current: Budget | null = null;

/** Runs `render` within the bounds (or within the enclosing render's, when one is running). */
export function withinBudget<T>(limits: Limits, render: () => T): T {
  if (current) return render();
  current = new Budget(limits);
  try {
    return render();
  } finally {
    current = null;
  }
}

function checkTime(b: Budget): void {
  if (nowMs() > b.deadline) {
    throw new LimitError(
      `Liquid rendering took longer than ${b.limits.renderMs / 1000} s and was stopped`,
      `Look for a loop that never ends or runs over far too much (a large range, a loop inside a loop). ${raiseHint("render_seconds", `${b.limits.renderMs / 1000}`)}`,
    );
  }
}

/** Counts a step; the clock is read every 1,024. One call site of checkTime for both counters. */
function tick(b: Budget): void {
  if ((++b.steps & 1023) === 0) checkTime(b);
}

/** One template rendered (sync-render.ts). */
export function step(): void {
  const b = current;
  if (b) tick(b);
}

/** A loop is about to run `n` iterations: refused at once if they cannot fit. */
export function reserveIterations(n: number): void {
  const b = current;
  if (!b) return;
  if (b.iterations + n > b.limits.loopIterations) {
    throw new LimitError(
      `this loop would run ${n.toLocaleString("en-US")} times, past the limit of ${b.limits.loopIterations.toLocaleString("en-US")} loop iterations in one page`,
      `Loop over fewer items (e.g. add limit: to the for tag). ${raiseHint("loop_iterations", String(b.limits.loopIterations))}`,
    );
  }
}

/** One loop iteration ran. */
export function iteration(): void {
  const b = current;
  if (!b) return;
  b.iterations++;
  tick(b);
}

/** The output of the render has grown to `length` characters. */
export function checkOutput(length: number): void {
  const b = current;
  if (b && length > b.limits.outputChars) {
    throw new LimitError(
      `the page's Liquid output passed ${(b.limits.outputChars / 1024 / 1024).toFixed(0)} MB and was stopped`,
      `Look for a loop that writes far more than intended. ${raiseHint("output_mb", `${b.limits.outputChars / 1024 / 1024}`)}`,
    );
  }
}

/** The largest range a for loop may still materialise. */
export function remainingIterations(): number {
  const b = current;
  return b ? b.limits.loopIterations - b.iterations : Infinity;
}

/**
 * A filter made `value`. Liquid's output bound does not see values kept in variables: doubling a
 * string with `assign s = s | append: s` in a loop reaches V8's "Invalid string length" (or the
 * heap's end) after 30 steps. So a string a filter makes is held to the output bound, and an
 * array to the loop bound (the most a loop could go over), with the same settings to raise.
 */
export function checkValue(value: unknown): void {
  const b = current;
  if (!b) return;
  if (typeof value === "string") {
    if (value.length > b.limits.outputChars) {
      throw new LimitError(
        `a filter made a text of ${(value.length / 1024 / 1024).toFixed(0)} MB, past the limit of ${(b.limits.outputChars / 1024 / 1024).toFixed(0)} MB for one value`,
        `Look for a loop that makes a text grow each time (assign s = s | append: …). ${raiseHint("output_mb", `${b.limits.outputChars / 1024 / 1024}`)}`,
      );
    }
  } else if (Array.isArray(value) && value.length > b.limits.loopIterations) {
    throw new LimitError(
      `a filter made a list of ${value.length.toLocaleString("en-US")} items, past the limit of ${b.limits.loopIterations.toLocaleString("en-US")}`,
      `Look for a split or concat that makes far more items than intended. ${raiseHint("loop_iterations", String(b.limits.loopIterations))}`,
    );
  }
}

/**
 * `split` is about to cut `s` into at most `pieces()` parts: refused before the array is made
 * when that passes the loop bound (a 60 MB text split by "" is 60 million strings, gigabytes of
 * heap). Counted only for texts longer than the bound, where it could.
 */
export function reserveSplit(length: number, pieces: () => number): void {
  const b = current;
  if (!b || length < b.limits.loopIterations) return;
  const n = pieces();
  if (n > b.limits.loopIterations) {
    throw new LimitError(
      `split would make ${n.toLocaleString("en-US")} items, past the limit of ${b.limits.loopIterations.toLocaleString("en-US")}`,
      `Split a shorter text, or by a longer separator. ${raiseHint("loop_iterations", String(b.limits.loopIterations))}`,
    );
  }
}
