/**
 * Lexers written for the Rouge-compatible engine, keyed by Rouge's lexer tag (the alias → tag
 * table is in ../rouge-languages.ts).
 */
import type { LexerDef } from '../engine.js';
import { ROUGE_LEXERS } from '../rouge-languages.js';
import { consoleLanguages, consoleLexer } from './console.js';
import { css } from './css.js';
import { diff } from './diff.js';
import { html, xml } from './html.js';
import { scss } from './scss.js';
import { javascript, typescript } from './javascript.js';
import { json } from './json.js';
import { python } from './python.js';
import { shell } from './shell.js';
import { yaml } from './yaml.js';

export const LEXERS: ReadonlyMap<string, LexerDef> = new Map<string, LexerDef>([
  ['python', python],
  ['shell', shell],
  ['json', json],
  ['diff', diff],
  ['yaml', yaml],
  ['console', consoleLexer],
  ['javascript', javascript],
  ['typescript', typescript],
  ['html', html],
  ['xml', xml],
  ['css', css],
  ['scss', scss],
]);

consoleLanguages.find = (lang) => {
  const tag = ROUGE_LEXERS.get(lang);
  return tag ? LEXERS.get(tag) : undefined;
};
