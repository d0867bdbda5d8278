// liquidjs reads the literal `3.0` as the JS number 3, which would print `3`; Ruby Liquid reads
// a Float and prints `3.0`. After parsing, every number token whose text has a decimal point and
// whose value is integral gets a RubyFloat as its value (number tokens are evaluated by
// returning their `content`).
import { Liquid, TokenKind } from "liquidjs";
import { RubyFloat } from "./ruby/values.js";

export function fixFloatLiterals(root: unknown): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    if (node instanceof Liquid) continue;
    seen.add(node);
    const tok = node as { kind?: number; content?: unknown; getText?: () => string };
    if (tok.kind === TokenKind.Number && typeof tok.content === "number" && Number.isInteger(tok.content) &&
      typeof tok.getText === "function" && tok.getText().includes(".")) {
      tok.content = new RubyFloat(tok.content);
      continue;
    }
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === "liquid" || key === "input") continue;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
}
