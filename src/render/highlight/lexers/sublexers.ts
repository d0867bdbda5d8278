/**
 * How lexers that embed other languages (console commands, Markdown fences) find a lexer by
 * Rouge name (Rouge's Lexer.find_fancy). Filled in by ./index.ts, which knows every lexer;
 * kept separate so that embedding lexers do not import the registry (an import cycle).
 */
import type { LexerDef } from '../engine.js';

export const sublexers: { find: (lang: string) => LexerDef | undefined } = {
  find: () => undefined,
};
