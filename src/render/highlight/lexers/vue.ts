/**
 * Vue single-file components (tags `vue`, `vuejs`), as Rouge 3.30 lexes them
 * (lib/rouge/lexers/vue.rb, `Vue < HTML`): HTML's states, with `<template`, `<style` and
 * `<script` heads as `nt`, `k` (their `lang="…"` attribute picks the lexer of the body: html,
 * css, javascript, sass, scss, coffee, else plain text), attribute names such as `:prop=`,
 * `@click=`, `v-bind:[key]=` `na`, and `{{ … }}` interpolations `si` around JavaScript.
 * Rouge quirks kept: a template's text is cut at every `<` and `{` and each piece lexed by a
 * fresh lexer of the body's language (Rouge delegates to the class, not an instance), likewise
 * each piece of a `<style>` body; a `<script>` body goes to HTML's one JavaScript lexer whatever
 * its `lang`; the interpolations share a second JavaScript lexer, reset at each `{{`, where a
 * lone `}` is `err` and a `{` pushes the interpolation state again (so `}}` may close it early);
 * a nested `</template>` closes the outer template.
 */
import { type LexRun, type LexerDef, type RuleSpec, lazyLexer, plainLexer, rule } from '../engine.js';
import { coffeescript } from './coffeescript.js';
import { css } from './css.js';
import { html } from './html.js';
import { javascript } from './javascript.js';
import { isRubySpace, onlyWhereRunSpacedThen } from './loop-match.js';
import { sass } from './sass.js';
import { scss } from './scss.js';

const plaintext = plainLexer('plaintext', '');

/** Vue's attribute-name characters `[a-zA-Z0-9_:#\[\]()*.-]`. */
const isAttributeChar = (c: number) =>
  (c >= 48 && c <= 58) || (c >= 65 && c <= 91) || (c >= 97 && c <= 122) || c === 93 || c === 95 || c === 35 || c === 40 || c === 41 || c === 42 || c === 46 || c === 45;

/** Vue's own JavaScript lexer (`@js`), a separate instance from HTML's `@javascript`. */
const interpolJs: LexerDef = {
  name: 'javascript',
  get states() {
    return javascript.states;
  },
  get start() {
    return javascript.start;
  },
};

/** Vue#lookup_lang: the lexer class for a `lang` attribute's value. */
function lookupLang(value: string): LexerDef {
  switch (value.toLowerCase().replace(/["']/g, '')) {
    case 'html':
      return html;
    case 'css':
      return css;
    case 'javascript':
      return javascript;
    case 'sass':
      return sass;
    case 'scss':
      return scss;
    case 'coffee':
      return coffeescript;
    default:
      return plaintext;
  }
}

const lang = (run: LexRun): LexerDef => run.data.lang ?? plaintext;

const head = (name: string, def: LexerDef, state: string): RuleSpec =>
  rule(String.raw`(<)(\s*)(${name})`, (run) => {
    run.groups('nt', '', 'k');
    run.data.lang = def;
    run.push(state);
    run.push('lang_tag');
  });

const close = (name: string): RuleSpec => rule(String.raw`(<\s*\/\s*)(${name})(\s*>)`, (run) => {
  run.groups('nt', 'k', 'nt');
  run.pop();
});

export const vue: LexerDef = lazyLexer('vue', () => {
  const base = html.states;
  return {
    start: (run) => {
      html.start?.(run);
      run.childRun(interpolJs).reset();
    },
    states: {
      ...base,
      root: [head('template', html, 'template'), head('style', css, 'style'), head('script', javascript, 'script'), ...base.root],
      // tried only where the run of name characters is followed by `\s*=`: a long run of them
      // (`((((…`) would otherwise be scanned again from each of its positions (quadratic)
      tag: [onlyWhereRunSpacedThen(isAttributeChar, isRubySpace, 61 /* = */, rule(/[a-zA-Z0-9_:#\[\]()*.-]+\s*=\s*/, 'na', 'attr')), ...base.tag],
      style: [close('style'), { mixin: 'style_content' }, { mixin: 'embed' }],
      script: [close('script'), { mixin: 'script_content' }, { mixin: 'embed' }],
      // Vue's style bodies go to `@lang`, a class: a fresh lexer for each piece
      style_content: [
        rule(/[^<]+/, (run) => run.delegateFresh(lang(run))),
        rule(/<\s*\/\s*style\s*>/, 'nt', '#pop'),
        rule(/</, (run) => run.delegateFresh(lang(run))),
      ],
      lang_tag: [
        rule(/(lang\s*=)(\s*)("(?:\\.|[^\\])*?"|'(\\.|[^\\])*?'|[^\s>]+)/, (run, m) => {
          run.token('na', m[1]);
          run.token('', m[2]);
          run.token('s', m[3]);
          run.data.lang = lookupLang(m[3]);
        }),
        { mixin: 'tag' },
      ],
      template: [
        close('template'),
        rule(/\{\{/, (run) => {
          run.token('si');
          run.push('template_interpol');
          run.childRun(interpolJs).reset();
        }),
        { mixin: 'embed' },
      ],
      template_interpol: [rule(/\}\}/, 'si', '#pop'), rule(/\}/, 'err'), { mixin: 'template_interpol_inner' }],
      template_interpol_inner: [
        rule(/\{/, (run) => {
          run.delegate(interpolJs);
          run.push();
        }),
        rule(/\}/, (run) => {
          run.delegate(interpolJs);
          run.pop();
        }),
        rule(/[^{}]+/, (run) => run.delegate(interpolJs)),
      ],
      embed: [
        rule(/[^{<]+/, (run) => run.delegateFresh(lang(run))),
        rule(/[<{][^<{]*/, (run) => run.delegateFresh(lang(run))),
      ],
    },
  };
});
