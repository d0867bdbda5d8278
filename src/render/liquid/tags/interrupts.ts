// Ruby Liquid's interrupts (context.rb, tags/break.rb, tags/continue.rb, block_body.rb, for.rb):
// `{% break %}` and `{% continue %}` push an interrupt onto a stack of the render's Context; a
// block body stops after any tag or output that leaves the stack non-empty ("might have happened
// in a for-block"; text is written without the test, so a body reached with an interrupt pending
// still writes its leading text and first tag); and a `for` pops one interrupt, the last, after
// each iteration. Nothing else pops. `tablerow` renders every cell whatever is pending, so a break
// reached in two cells leaves two interrupts: a `for` around the table pops one and breaks, and
// the other stops the rest of the template ('{% for i in (1..3) %}{% tablerow j in (1..2)
// %}{% break %}{% endtablerow %}{% endfor %}]' writes no ']' in Jekyll). liquidjs kept one
// flag of each kind, which its `for` cleared on every iteration; the flags now mirror the stack
// (breakCalled: something is pending) for liquidjs's own renderTemplates.
import type { Context } from "liquidjs";
import { RubyTag } from "./block-body.js";

export type Interrupt = "break" | "continue";

const STACK = "ruby:interrupts";

function stackOf(ctx: Context): Interrupt[] {
  return ctx.getRegister(STACK, []) as Interrupt[];
}

function mirror(ctx: Context, stack: Interrupt[]): void {
  ctx.breakCalled = stack.length > 0;
  ctx.continueCalled = false;
}

/** Context#push_interrupt. */
export function pushInterrupt(ctx: Context, interrupt: Interrupt): void {
  const stack = stackOf(ctx);
  stack.push(interrupt);
  mirror(ctx, stack);
}

/**
 * Context#interrupt?: an interrupt nobody has handled yet. Asked after every tag and output, so it
 * reads the mirrored flag (only pushInterrupt and popInterrupt set it) rather than the register.
 */
export function interruptPending(ctx: Context): boolean {
  return ctx.breakCalled;
}

/** Context#pop_interrupt: the last interrupt pushed (undefined when none is pending). */
export function popInterrupt(ctx: Context): Interrupt | undefined {
  const stack = stackOf(ctx);
  const interrupt = stack.pop();
  mirror(ctx, stack);
  return interrupt;
}

/** `{% break %}`. */
export class RubyBreakTag extends RubyTag {
  render(ctx: Context): void {
    pushInterrupt(ctx, "break");
  }
}

/** `{% continue %}`. */
export class RubyContinueTag extends RubyTag {
  render(ctx: Context): void {
    pushInterrupt(ctx, "continue");
  }
}
