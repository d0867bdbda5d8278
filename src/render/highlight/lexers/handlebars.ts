/**
 * Handlebars and Mustache (tags `handlebars`, `hbs`, `mustache`), as Rouge 3.30 lexes them
 * (lib/rouge/lexers/handlebars.rb, a TemplateLexer): `{{ … }}` and `{{{ … }}}` `k` around
 * names `nv`, `#block`/`/block` names `nn`, `@data` `na`, `this` `bp`, strings and numbers;
 * `{{! … }}` comments `c`; the text between is lexed by one HTML lexer (or the `parent`
 * option's) for the whole block — when that text ends inside an unquoted attribute value, the
 * HTML lexer leaves the attribute state, as Rouge's does.
 */
import { type LexRun, type LexerDef, lazyLexer, rule } from '../engine.js';
import { html } from './html.js';
import { sublexers } from './sublexers.js';

const ID = String.raw`[\w$-]+`;

/** TemplateLexer#parent: the `parent` option's lexer, else HTML. */
function parent(run: LexRun): LexerDef {
  const values = run.options.getAll('parent');
  return (values.length ? sublexers.find(values[values.length - 1]) : undefined) ?? html;
}

export const handlebars: LexerDef = lazyLexer('handlebars', () => ({
  states: {
    root: [
      rule(/\\\{+/, (run) => run.delegate(parent(run))),
      rule(/\{\{!--/, 'c', 'comment'),
      rule(/\{\{!.*?\}\}/, 'c'),
      rule(/\{\{\{?/, (run) => {
        run.token('k');
        run.push('stache');
        run.push('open_sym');
      }),
      rule(/(.+?)(?=\\|\{\{)/s, (run) => {
        const def = parent(run);
        run.delegate(def);
        // an HTML attribute without quotes: return the parent to the tag state
        const child = run.childRun(def);
        if (child.stateName === 'attr') child.pop();
      }),
      rule(/.+/s, (run) => run.delegate(parent(run))),
    ],
    comment: [
      rule(/\{\{/, 'c', '#push'),
      rule(/\}\}/, 'c', '#pop'),
      rule(/[^{}]+/, 'c'),
      rule(/[{}]/, 'c'),
    ],
    stache: [
      rule(/\}\}\}?/, 'k', '#pop'),
      rule(/\|/, 'p'),
      rule(/~/, 'k'),
      rule(/\s+/, ''),
      rule(/[=]/, 'o'),
      rule(/[\[\]]/, 'p'),
      rule(/[()]/, 'p'),
      rule(/[.](?=[}\s])/, 'nv'),
      rule(/[.][.]/, 'nv'),
      rule(/[\/.]/, 'p'),
      rule(/"(\\.|.)*?"/, 's2'),
      rule(/'(\\.|.)*?'/, 's1'),
      rule(/\d+(?=\}\s)/, 'm'),
      rule(/(true|false)(?=[}\s])/, 'kc'),
      rule(/else(?=[}\s])/, 'k'),
      rule(/this(?=[}\s])/, 'bp'),
      rule(`@${ID}`, 'na'),
      rule(ID, 'nv'),
    ],
    open_sym: [
      rule(/[#\/]/, (run) => {
        run.token('k');
        run.goto('block_name');
      }),
      rule(/[>^&~]/, 'k'),
      rule('', (run) => run.pop()),
    ],
    block_name: [rule(/if(?=[}\s])/, 'k'), rule(ID, 'nn', '#pop'), rule('', (run) => run.pop())],
  },
}));
