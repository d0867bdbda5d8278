/**
 * QML (tag `qml`), as Rouge 3.30 lexes it (lexers/qml.rb, a subclass of its JavaScript lexer):
 * JavaScript, plus object declarations `Name {` / `Behavior on x {` whose type is `kt` (the
 * target of `on` `nl`), and inside them `id: name` (`nl`, `kd`), `prop:` bindings `nl`,
 * `signal name(type arg…)` and `property type name` declarations `kd`/`kt`/`nl`.
 * Rouge quirks kept: names may contain dots but not start with a digit; any other `{` at the top
 * level pushes the top level again, and a binding's value is lexed as a JavaScript expression
 * start, so `width: parent.width` leaves the binding's state only at the next statement.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { javascript } from './javascript.js';

const ID = '[$a-zA-Z_][a-zA-Z0-9_.]*';

export const qml: LexerDef = lazyLexer('qml', () => {
  const base = javascript.states;
  return {
    states: {
      ...base,
      root: [
        rule(`(${ID})(\\s*)(\\{)`, ['kt', '', 'p'], 'type_block'),
        rule(`(${ID})(\\s+)(on)(\\s+)(${ID})(\\s*)(\\{)`, ['kt', '', 'k', '', 'nl', '', 'p'], 'type_block'),
        rule(/[{]/, 'p', '#push'),
        ...base.root,
      ],
      type_block: [
        rule(`(id)(\\s*)(:)(\\s*)(${ID})`, ['nl', '', 'p', '', 'kd']),
        rule(`(${ID})(\\s*)(:)`, ['nl', '', 'p'], 'expr_start'),
        rule(`(signal)(\\s+)(${ID})`, ['kd', '', 'nl'], 'signal'),
        rule(`(property)(\\s+)(${ID})(\\s+)(${ID})(\\s*)(:?)`, ['kd', '', 'kt', '', 'nl', '', 'p'], 'expr_start'),
        rule(/[}]/, 'p', '#pop'),
        mixin('root'),
      ],
      signal: [
        mixin('comments_and_whitespace'),
        rule(/\(/, (run) => {
          run.token('p');
          run.goto('signal_args');
        }),
        rule(/(?:)/, '', '#pop'),
      ],
      signal_args: [
        mixin('comments_and_whitespace'),
        rule(`(${ID})(\\s+)(${ID})(\\s*)(,?)`, ['kt', '', 'n', '', 'p']),
        rule(/\)/, 'p', '#pop'),
      ],
    },
  };
});
