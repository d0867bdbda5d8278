/**
 * Literate CoffeeScript (tag `literate_coffeescript`; `litcoffee`), as Rouge 3.30 lexes it
 * (lexers/literate_coffeescript.rb): runs of lines indented by four spaces are CoffeeScript,
 * every other run of lines Markdown, each through one lexer kept for the whole block (Rouge's
 * `delegate` to its two instances).
 * Rouge quirk kept: both rules need each line to end with a newline, so a last line without one
 * matches neither, and its characters are errors.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { coffeescript } from './coffeescript.js';
import { markdown } from './markdown.js';

export const literateCoffeescript: LexerDef = lazyLexer('literate_coffeescript', () => ({
  states: {
    root: [
      rule(/^( {4}.*?\n)+/s, (run) => run.delegate(coffeescript)),
      rule(/^([ ]{0,3}(\S.*?|)\n)*/s, (run) => run.delegate(markdown)),
    ],
  },
}));
