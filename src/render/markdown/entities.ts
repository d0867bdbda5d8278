// kramdown's entity_to_str: how an entity (from the source, a smart quote or a typographic symbol) is
// written for each `entity_output` setting. as_char writes the character, except `<`, `>`, `&`, which
// fall back to the source spelling (or the symbolic name when there is none).
import type { EntityOutput } from './options.js';

/** Names kramdown knows for the characters our converter emits as entities. */
const NAMES: Record<number, string> = {
  34: 'quot', 38: 'amp', 39: 'apos', 60: 'lt', 62: 'gt', 160: 'nbsp', 169: 'copy', 171: 'laquo', 174: 'reg',
  187: 'raquo', 8211: 'ndash', 8212: 'mdash', 8216: 'lsquo', 8217: 'rsquo', 8218: 'sbquo', 8220: 'ldquo',
  8221: 'rdquo', 8222: 'bdquo', 8230: 'hellip', 8482: 'trade', 8617: 'larrhk',
};
const BY_NAME: Record<string, number> = Object.fromEntries(Object.entries(NAMES).map(([k, v]) => [v, Number(k)]));

export function codePointOf(nameOrNumber: string): number | undefined {
  if (/^\d+$/.test(nameOrNumber)) return Number(nameOrNumber);
  return BY_NAME[nameOrNumber];
}

export function entityToString(cp: number, mode: EntityOutput, original?: string): string {
  const ch = String.fromCodePoint(cp);
  const special = ch === '<' || ch === '>' || ch === '&';
  // as_char writes a character only where the source's encoding has it: a US-ASCII source
  // ('as_char_ascii') has no smart quotes or dashes, which fall back to as_input's spelling.
  if ((mode === 'as_char' || (mode === 'as_char_ascii' && cp < 0x80)) && !special) return ch;
  if ((mode === 'as_input' || mode === 'as_char' || mode === 'as_char_ascii') && original) return original;
  const name = NAMES[cp];
  if ((mode === 'symbolic' || special || ch === '"') && name) return `&${name};`;
  return `&#${cp};`;
}
