// A monotonic clock in milliseconds, for stage timings and render budgets. Not the `performance`
// global: its first use loads node:perf_hooks and its internal modules, 4-13 ms of a cold build
// that needs nothing else from them (bench/PROFILE.md, "Cold builds"). process.hrtime reads the
// same monotonic clock through a binding Node has already loaded.
export function nowMs(): number {
  const t = process.hrtime();
  return t[0] * 1e3 + t[1] / 1e6;
}
