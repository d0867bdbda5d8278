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
import { isRubySpace, onlyWhereRunSpacedThen } from './loop-match.js';

/** `[$a-zA-Z0-9_.]`: ID's characters, first and rest */
const isIdChar = (c: number) => c === 36 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const ID = '[$a-zA-Z_][a-zA-Z0-9_.]*';

export const qml: LexerDef = lazyLexer('qml', () => {
  const base = javascript.states;
  return {
    states: {
      ...base,
      root: [
        // The `(ID)(\s*)…` rules, tried only where the run of ID characters is followed by blanks
        // and the next character they need: the greedy ID gives back only ID characters, never a
        // blank or that character. Otherwise a long run of them (`_._._.…`) is scanned again from
        // each of its positions (quadratic). `$`, only ID's first character, is in the run too: a
        // longer run than the ID's ends where the ID is followed by neither.
        onlyWhereRunSpacedThen(isIdChar, isRubySpace, 123 /* { */, rule(`(${ID})(\\s*)(\\{)`, ['kt', '', 'p'], 'type_block')),
        onlyWhereRunSpacedThen(isIdChar, isRubySpace, 111 /* o */, rule(`(${ID})(\\s+)(on)(\\s+)(${ID})(\\s*)(\\{)`, ['kt', '', 'k', '', 'nl', '', 'p'], 'type_block')),
        rule(/[{]/, 'p', '#push'),
        ...base.root,
      ],
      type_block: [
        rule(`(id)(\\s*)(:)(\\s*)(${ID})`, ['nl', '', 'p', '', 'kd']),
        onlyWhereRunSpacedThen(isIdChar, isRubySpace, 58 /* : */, rule(`(${ID})(\\s*)(:)`, ['nl', '', 'p'], 'expr_start')),
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
