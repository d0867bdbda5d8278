/**
 * Rouge 3.30's language guessing, for the language name `guess` (`guess?mimetype=…`), which
 * Rouge::Lexer.find_fancy answers with Lexer.guess(source:, mimetype:) (lib/rouge/lexer.rb):
 *
 * - the candidates start as every lexer; each guesser in turn narrows them, and a guesser that
 *   would leave none keeps them unchanged (lib/rouge/guesser.rb);
 * - Mimetype (only with `?mimetype=`): the lexers declaring that mimetype;
 * - Modeline: an Emacs `-*- mode: x -*-` or Vim `vim: ft=x` line among the first and last five
 *   lines names the lexers (by tag or alias) to keep (guessers/modeline.rb);
 * - Source: the lexers whose own `detect?` accepts the text — shebangs, doctypes and a few
 *   signatures (guessers/source.rb and each lexer's `self.detect?`, reproduced in DETECT below);
 * - if nothing was narrowed, or one lexer is left, that is the answer (PlainText when nothing
 *   was narrowed); several left is Rouge's Guesser::Ambiguous error, which fails Jekyll's build.
 */
import { rougeLexerList } from './rouge-languages.js';

/** Rouge's TextAnalyzer over the normalised source (BOM dropped, CRLF → LF). */
class TextAnalyzer {
  readonly text: string;
  private shebangLine: string | null | undefined;
  private doctypeName: string | null | undefined;

  constructor(source: string) {
    this.text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  }

  /** What follows `#!` on the first non-blank line, if the text starts with one. */
  get shebang(): string | null {
    if (this.shebangLine === undefined) this.shebangLine = /^\s*#!(.*)/.exec(this.text)?.[1] ?? null;
    return this.shebangLine;
  }

  /** TextAnalyzer#shebang?: `match` (a regex source) as a word of the shebang line. */
  shebangIs(match: string): boolean {
    const line = this.shebang;
    return line !== null && new RegExp(String.raw`\b(?:${match})(?:\s|$)`).test(line);
  }

  /** The `<!DOCTYPE …>` the text starts with (after an optional `<?…?>`), if any. */
  get doctype(): string | null {
    if (this.doctypeName === undefined) {
      this.doctypeName = /^\s*(?:<\?[^]*?\?>\s*)?<!DOCTYPE\s+([^]+?)>/.exec(this.text)?.[1] ?? null;
    }
    return this.doctypeName;
  }
}

/** Each detectable lexer's `self.detect?` (lib/rouge/lexers/<tag>.rb), by Rouge tag. */
const DETECT: Record<string, (t: TextAnalyzer) => boolean> = {
  awk: (t) => t.shebangIs('awk'),
  biml: (t) => /<\s*Biml\b/.test(t.text),
  coffeescript: (t) => t.shebangIs('coffee'),
  crystal: (t) => t.shebangIs('crystal'),
  diff: (t) =>
    t.text.startsWith('Index: ') ||
    /^diff[^\n]*?\ba\/[^\n]*\bb\//.test(t.text) ||
    /---.*?\n[+][+][+]/.test(t.text) ||
    /[+][+][+].*?\n---/.test(t.text),
  factor: (t) => t.shebangIs('factor'),
  gherkin: (t) => t.shebangIs('cucumber'),
  groovy: (t) => t.shebangIs('groovy'),
  hack: (t) =>
    /<\?hh/.test(t.text) ||
    t.shebangIs('hhvm') ||
    /async function [a-zA-Z]/.test(t.text) ||
    /\): Awaitable</.test(t.text),
  haskell: (t) => t.shebangIs('runhaskell'),
  haxe: (t) => t.shebangIs('haxe'),
  html: (t) => {
    if (t.doctype !== null && /\bhtml\b/i.test(t.doctype)) return true;
    if (/^<\?xml\b/.test(t.text)) return false;
    return /<\s*html\b/.test(t.text);
  },
  io: (t) => t.shebangIs('io'),
  javascript: (t) => t.shebangIs('node') || t.shebangIs('jsc'),
  julia: (t) => t.shebangIs('julia'),
  lasso: (t) => t.shebangIs('lasso9') || /^.*?<\?(?:lasso(?:script)?|=)/.test(t.text),
  livescript: (t) => t.shebangIs('lsc'),
  lua: (t) => t.shebangIs('lua'),
  moonscript: (t) => t.shebangIs('moon'),
  mosel: (t) => /^\s*(?:model|package)\s+/m.test(t.text),
  perl: (t) => t.shebangIs('perl'),
  php: (t) => {
    if (t.shebangIs('php')) return true;
    if (/^<\?hh/m.test(t.text)) return false;
    return /^<\?php/m.test(t.text);
  },
  postscript: (t) => /^%!/m.test(t.text),
  praat: (t) => t.shebangIs('praat'),
  puppet: (t) => t.shebangIs('puppet-apply') || t.shebangIs('puppet'),
  python: (t) => t.shebangIs('pythonw?(?:[23](?:\\.\\d+)?)?'),
  r: (t) => t.shebangIs('Rscript'),
  racket: (t) => {
    const lang = /^#lang\s*(.*)/.exec(t.text)?.[1];
    return lang !== undefined && /racket|scribble/.test(lang);
  },
  ruby: (t) => t.shebangIs('ruby'),
  rust: (t) => t.shebangIs('rustc'),
  sed: (t) => t.shebangIs('sed'),
  shell: (t) => t.shebangIs('(?:ba|z|k)?sh'),
  solidity: (t) => t.text.startsWith('pragma solidity'),
  tcl: (t) => t.shebangIs('tclsh') || t.shebangIs('wish') || t.shebangIs('jimsh'),
  tex: (t) => /^\s*\\(?:documentclass|input|documentstyle|relax|ProvidesPackage|ProvidesClass)/.test(t.text),
  tulip: (t) => t.shebangIs('tulip'),
  xml: (t) => {
    if (t.doctype !== null && /html/.test(t.doctype)) return false;
    return /^<\?xml\b/.test(t.text) || t.doctype !== null;
  },
  yaml: (t) => /^\s*%YAML/.test(t.text),
};

/** The lexer tags whose detect? Rouge consults (for the golden test). */
export const DETECTABLE: readonly string[] = Object.keys(DETECT);

const EMACS_MODELINE =
  /-\*-\s*(?:(?!mode)[\w-]+\s*:\s*(?:[\w+-]+)\s*;?\s*)*(?:mode\s*:)?\s*([\w+-]+)\s*(?:;\s*(?!mode)[\w-]+\s*:\s*[\w+-]+\s*)*;?\s*-\*-/i;
const VIM_MODELINE_1 = /(?:vim|vi|ex):\s*(?:ft|filetype|syntax)=(\w+)\s?/i;
const VIM_MODELINE_2 = /(?:vim|vi|Vim|ex):\s*se(?:t)?.*\s(?:ft|filetype|syntax)=(\w+)\s?.*:/i;

type LexerInfo = [tag: string, aliases: string[], mimetypes: string[]];

/** Guessers::Modeline: the lexers a modeline in the first or last 5 lines names, or all. */
function modeline(text: string, lexers: LexerInfo[]): LexerInfo[] {
  // Ruby's String#split drops trailing empty strings
  const lines = text.split('\n');
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const space = [...lines.slice(0, 5), ...lines.slice(Math.max(0, lines.length - 5))].join('\n');
  const names = new Set<string>();
  for (const re of [EMACS_MODELINE, VIM_MODELINE_1, VIM_MODELINE_2]) {
    const m = re.exec(space);
    if (m) names.add(m[1]);
  }
  if (!names.size) return lexers;
  return lexers.filter(([tag, aliases]) => names.has(tag) || aliases.some((a) => names.has(a)));
}

/** Rouge's Lexer.guess(source:, mimetype:) as find_fancy calls it: a lexer tag, or throws. */
export function guessLanguage(source: string, mimetype?: string | null): string {
  const all = rougeLexerList();
  let lexers = all;
  const narrow = (next: LexerInfo[]) => {
    if (next.length) lexers = next;
  };
  if (mimetype) narrow(lexers.filter(([, , mimes]) => mimes.includes(mimetype)));
  const text = new TextAnalyzer(source);
  if (lexers.length !== 1) narrow(modeline(text.text, lexers));
  if (lexers.length !== 1) narrow(lexers.filter(([tag]) => DETECT[tag]?.(text)));
  if (lexers.length === all.length) return 'plaintext';
  if (lexers.length === 1) return lexers[0][0];
  const names = lexers.map(([tag]) => JSON.stringify(tag)).join(', '); // Ruby's Array#inspect
  throw new Error(`Ambiguous guess: can't decide between [${names}]`);
}
