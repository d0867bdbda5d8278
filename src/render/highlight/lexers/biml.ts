/**
 * BIML, the Business Intelligence Markup Language (tag `biml`), as Rouge 3.30 lexes it
 * (lexers/biml.rb, `BIML < XML`): html.ts's XML states with two rules before its root's — `<#@ …
 * #>` directives (attributes `na`) and `<# … #>` / `<#= … #>` code blocks, each piece of code lexed
 * by a fresh C# lexer (Rouge delegates to the class), their delimiters `nt`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { csharp } from './csharp.js';
import { xml } from './html.js';
import { onlyWhereLater } from './loop-match.js';

export const biml: LexerDef = lazyLexer('biml', () => ({
  states: {
    ...xml.states,
    root: [rule(/<#@\s*/, 'nt', 'directive_tag'), rule(/<#[=]?\s*/, 'nt', 'directive_as_csharp'), ...xml.states.root],
    directive_as_csharp: [
      rule(/\s*#>\s*/, 'nt', '#pop'),
      // unclosed, the lazy body would scan to the end at each step: tried only before a closer
      onlyWhereLater('#>', 0, rule(/.*?(?=\s*#>\s*)/s, (run) => run.delegateFresh(csharp))),
    ],
    directive_tag: [
      rule(/\s+/, ''),
      rule(/[\w.:-]+\s*=/, 'na', 'attr'),
      rule(/\w+\s*/, 'na'),
      rule(/\/?\s*#>/, 'nt', '#pop'),
    ],
  },
}));
