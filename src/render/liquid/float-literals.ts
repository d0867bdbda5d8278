// Literals as Ruby Liquid reads them, fixed up in liquidjs's parse tree (literal tokens are
// evaluated by returning their `content`):
// - liquidjs reads `3.0` as the JS number 3, which would print `3`; Ruby Liquid reads a Float and
//   prints `3.0`. Number tokens with a decimal point and an integral value get a RubyFloat.
// - liquidjs unescapes `\n`, `\b`… inside quoted strings; Ruby Liquid keeps the backslash.
import { Liquid, TokenKind } from "liquidjs";
import { RubyFloat } from "../../ruby/values.js";

/** Values compiled from Ruby's parse (compile.ts): their literals are Ruby's already. */
const compiled = new WeakSet<object>();

export function markCompiled(node: object): void {
  compiled.add(node);
}

export function fixFloatLiterals(root: unknown): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    if (node instanceof Liquid || compiled.has(node)) continue;
    seen.add(node);
    const tok = node as { kind?: number; content?: unknown; getText?: () => string };
    if (tok.kind === TokenKind.Number && typeof tok.content === "number" && Number.isInteger(tok.content) &&
      typeof tok.getText === "function" && tok.getText().includes(".")) {
      tok.content = new RubyFloat(tok.content);
      continue;
    }
    // Ruby Liquid's quoted strings have no escape sequences: 'a\n' is a, backslash, n.
    if (tok.kind === TokenKind.Quoted && typeof tok.content === "string" && typeof tok.getText === "function") {
      tok.content = tok.getText().slice(1, -1);
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
