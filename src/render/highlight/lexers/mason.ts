/**
 * HTML::Mason templates (tag `mason`), as Rouge 3.30 lexes them (lexers/mason.rb, a
 * TemplateLexer): `<%text>`/`<%doc>` blocks `c`, `<%perl>`, `<%args>`, `<%init>`… blocks, `% …`
 * lines, `<% … %>` calls and `<& … &>` substitutions lexed by one Perl lexer for the whole block;
 * `<%def name>`/`<%method name>` components `cp n cp`; the text between them by one HTML lexer (or
 * the `parent` option's).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { parent } from './erb.js';
import { onlyWhereLater } from './loop-match.js';
import { perl } from './perl.js';

const TEXT_BLOCKS = 'text|doc';
const PERL_BLOCKS = 'args|flags|attr|init|once|shared|perl|cleanup|filter';
const COMPONENTS = 'def|method';

/** A block's end, `#` comment lines, and its body up to `</%` (a body ending in `"` runs on). */
const blockEnd = (names: string) => [
  rule(new RegExp(`<\\/%(${names})>`, 'i'), 'cp', '#pop'),
  rule(/\s+/, 'w'),
  rule(/^(#.*)$/, 'c'),
];

export const mason: LexerDef = lazyLexer('mason', () => ({
  start: (run) => {
    parent(run);
  },
  states: {
    root: [mixin('mason_tags')],
    mason_tags: [
      rule(/\s+/, 'w'),
      rule(new RegExp(`<%(${TEXT_BLOCKS})>`, 'i'), 'cp', 'text_block'),
      rule(new RegExp(`<%(${PERL_BLOCKS})>`, 'i'), 'cp', 'perl_block'),
      rule(new RegExp(`(<%(${COMPONENTS}))([^>]*)(>)`, 'i'), (run, m) => {
        run.token('cp', m[1]);
        run.token('n', m[3]);
        run.token('cp', m[4]);
        run.push('component_block');
      }),
      rule(/^(%)(.*)$/, (run, m) => {
        run.token('cp', m[1]);
        run.delegate(perl, m[2]);
      }),
      rule(/<%/, 'cp', 'component_call'),
      rule(/<&\|/, (run) => {
        run.token('cp');
        run.push('component_with_content');
        run.push('component_sub');
      }),
      rule(/<&/, 'cp', 'component_sub'),
      rule(/(.+?)(?=(<\/?&|<\/?%|^%|^#))/s, (run) => run.delegate(parent(run))),
      rule(/.+/s, (run) => run.delegate(parent(run))),
    ],
    // the lazy bodies scan to the text's end where no closer follows: tried only before one
    perl_block: [...blockEnd(PERL_BLOCKS), onlyWhereLater('</%', 1, rule(/(.*?[^"])(?=<\/%)/s, (run) => run.delegate(perl)))],
    text_block: [...blockEnd(TEXT_BLOCKS), onlyWhereLater('</%', 1, rule(/(.*?[^"])(?=<\/%)/s, 'c'))],
    component_block: [...blockEnd(COMPONENTS), mixin('mason_tags')],
    component_with_content: [rule(/<\/&>/, 'cp', '#pop'), mixin('mason_tags')],
    component_sub: [rule(/&>/, 'cp', '#pop'), onlyWhereLater('&>', 0, rule(/(.*?)(?=&>)/s, (run) => run.delegate(perl)))],
    component_call: [rule(/%>/, 'cp', '#pop'), onlyWhereLater('%>', 0, rule(/(.*?)(?=%>)/s, (run) => run.delegate(perl)))],
  },
}));
