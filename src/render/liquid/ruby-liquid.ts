// Ruby Liquid 5.4 on a liquidjs instance: synchronous rendering (sync-render.ts), templates read
// the Ruby way in the error mode `mode()` answers (front-end.ts), and exactly Liquid's own tags,
// Ruby's (tags/): no layout/block/include from liquidjs; break and continue push onto Ruby's
// interrupt stack (tags/interrupts.ts). The engine (index.ts) adds Jekyll's tags and filters on top.
import type { Liquid } from "liquidjs";
import { installRubyFrontEnd, type FrontEnd } from "./front-end.js";
import type { ErrorMode } from "./ruby-syntax/error-mode.js";
import { installSyncRender } from "./sync-render.js";
import { RubyCaseTag, RubyIfTag, RubyUnlessTag } from "./tags/conditions.js";
import { RubyBreakTag, RubyContinueTag } from "./tags/interrupts.js";
import { IfchangedTag, RubyForTag, RubyTablerowTag } from "./tags/loops.js";
import {
  RubyAssignTag, RubyCaptureTag, RubyCommentTag, RubyCycleTag, RubyDecrementTag, RubyEchoTag, RubyIncrementTag,
  RubyInlineCommentTag, RubyLiquidTag, RubyRawTag, RubyRenderTag,
} from "./tags/variables.js";

const RUBY_TAGS = {
  if: RubyIfTag, unless: RubyUnlessTag, case: RubyCaseTag, for: RubyForTag, tablerow: RubyTablerowTag,
  ifchanged: IfchangedTag, assign: RubyAssignTag, capture: RubyCaptureTag, increment: RubyIncrementTag,
  decrement: RubyDecrementTag, echo: RubyEchoTag, cycle: RubyCycleTag, comment: RubyCommentTag, raw: RubyRawTag,
  "#": RubyInlineCommentTag, liquid: RubyLiquidTag, render: RubyRenderTag, break: RubyBreakTag, continue: RubyContinueTag,
};

export function installRubyLiquid(liquid: Liquid, mode: () => ErrorMode): FrontEnd {
  installSyncRender(liquid);
  const frontEnd = installRubyFrontEnd(liquid, mode);
  const tags = liquid.tags as Record<string, unknown>;
  for (const name of ["layout", "block", "include"]) delete tags[name];
  for (const [name, tag] of Object.entries(RUBY_TAGS)) liquid.registerTag(name, tag as never);
  return frontEnd;
}
