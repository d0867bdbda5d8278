/**
 * Lexers written for the Rouge-compatible engine, keyed by Rouge's lexer tag (the alias → tag
 * table is in ../rouge-languages.ts).
 */
import type { LexerDef } from '../engine.js';
import { python } from './python.js';

export const LEXERS: ReadonlyMap<string, LexerDef> = new Map<string, LexerDef>([['python', python]]);
