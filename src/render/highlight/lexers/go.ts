/**
 * Go (tags `go`, `golang`), as Rouge 3.30 lexes it: keywords `k`, predeclared types `kt`,
 * builtin functions `nb`, `true false iota nil` `no`, all numbers `m`, runes `sc`, strings `s`
 * with `se` escapes, comments `c` (both kinds), operators `o`, separators `p`, names `n`.
 */
import { type LexerDef, rule, lazyLexer } from '../engine.js';

const KEYWORD = String.raw`\b(?:break|default|func|interface|select|case|defer|go|map|struct|chan|else|goto|package|switch|const|fallthrough|if|range|type|continue|for|import|return|var)\b`;
const LETTER = String.raw`(?:\p{Alphabetic}|_)`;
const HEX = '[0-9A-Fa-f]';
const DECIMALS = '[0-9]+';
const EXPONENT = String.raw`[eE][+\-]?${DECIMALS}`;
const FLOAT = String.raw`(?:${DECIMALS}\.(?:${DECIMALS})?(?:${EXPONENT})?|${DECIMALS}${EXPONENT}|\.${DECIMALS}(?:${EXPONENT})?)`;
const ESCAPED_CHAR = String.raw`\\[abfnrtv\\'"]`;
const UNICODE_VALUE = String.raw`(?:[^\n]|\\u${HEX}{4}|\\U${HEX}{8}|${ESCAPED_CHAR})`;
const BYTE_VALUE = String.raw`(?:\\[0-7]{3}|\\x${HEX}{2})`;

export const go: LexerDef = lazyLexer('go', () => ({
  states: {
    simple_tokens: [
      rule(/\/\/(?:(?!\n).)*|\/\*(?:(?!\*\/)[\s\S])*\*\//, 'c'),
      rule(KEYWORD, 'k'),
      rule(
        String.raw`\b(?:bool|byte|complex64|complex128|error|float32|float64|int8|int16|int32|int64|int|rune|string|uint8|uint16|uint32|uint64|uintptr|uint)\b`,
        'kt',
      ),
      rule(
        String.raw`\b(?:append|cap|close|complex|copy|delete|imag|len|make|new|panic|print|println|real|recover)\b`,
        'nb',
      ),
      rule(/\b(?:true|false|iota|nil)\b/, 'no'),
      rule(String.raw`(?:${DECIMALS}|${FLOAT})i`, 'm'),
      rule(FLOAT, 'm'),
      rule(String.raw`0[xX]${HEX}+|[0-9][0-9]*|0[0-7]*`, 'm'),
      rule(String.raw`'(?:${UNICODE_VALUE}|${BYTE_VALUE})'`, 'sc'),
      rule(
        /\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|!=|!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<|\*=|\*|\^=|\^|>>=|>>|>=|>|\/|\/=|:=|%|%=|\.\.\.|\.|:/,
        'o',
      ),
      rule(/\(|\)|\[|\]|\{|\}|,|;/, 'p'),
      rule(String.raw`(?!${KEYWORD})${LETTER}(?:${LETTER}|\p{Nd})*`, 'n'),
      rule(/\s+/, ''),
    ],
    root: [{ mixin: 'simple_tokens' }, rule(/`/, 's', 'raw_string'), rule(/"/, 's', 'interpreted_string')],
    interpreted_string: [
      rule(String.raw`${ESCAPED_CHAR}|\\u${HEX}{4}|\\U${HEX}{8}|\\x${HEX}{2}`, 'se'),
      rule(/\\./, 'err'),
      rule(/"/, 's', '#pop'),
      rule(/[^"\\]+/, 's'),
    ],
    raw_string: [rule(/`/, 's', '#pop'), rule(/[^`]+/, 's')],
  },
}));
