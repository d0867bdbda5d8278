// Named character references as kramdown knows them (Kramdown::Utils::Entities, the HTML 4 set):
// markdown-it decodes every HTML5 name, but for kramdown `&AMP;` or `&check;` is no entity and
// stays text (`&amp;AMP;`). Numeric references are read here too (numericReference).
import type { MarkdownIt, StateInline } from 'markdown-it';

const KRAMDOWN_NAMES = new Set(`
  Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau
  Upsilon Phi Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi
  omicron pi rho sigma tau upsilon phi chi psi omega sigmaf thetasym upsih piv zwnj zwj lrm rlm
  hellip prime Prime oline frasl weierp image real alefsym bull trade larr rarr uarr darr harr crarr
  uArr dArr lArr rArr hArr forall part exist empty nabla isin ni notin sum prod minus lowast radic
  prop infin ang and or cap cup int there4 sim asymp cong ne equiv le ge sub sup sube supe nsub oplus
  otimes perp sdot vellip rceil lceil lfloor rfloor rang lang loz spades clubs hearts diams amp quot
  apos copy lt gt OElig oelig Scaron scaron Yuml circ tilde ndash mdash lsquo rsquo ldquo rdquo
  dagger Dagger permil euro lsaquo rsaquo nbsp iexcl pound curren yen brvbar sect uml laquo raquo reg
  ordf not shy macr deg plusmn acute micro para middot cedil ordm cent sup1 sup2 sup3 frac12 frac14
  frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave
  Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml
  Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml
  igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute
  ucirc uuml yacute thorn yuml sbquo fnof bdquo 8364 8218 402 8222 8230 8224 8225 710 8240 352 8249
  338 381 8216 8217 8220 8221 8226 8211 8212 732 8482 353 8250 339 382 376 ensp emsp thinsp
`.split(/\s+/).filter(Boolean));

const NAMED = /^&([\w:][\-\w.:]*);/;

// kramdown's table swaps two pairs against HTML (its `[8968, 'rceil']`, `[9001, 'rang']`…), and its
// angle brackets are the old U+2329/U+232A, not HTML5's U+27E8/U+27E9: `&lceil;x&rceil;` comes out
// as ⌉x⌈ in Jekyll, so it does here too.
const KRAMDOWN_CODE_POINTS: Record<string, number> = { lceil: 0x2309, rceil: 0x2308, lang: 0x232a, rang: 0x2329 };

// kramdown's numeric references (HTML_ENTITY_RE): `&#` and any number of decimal digits, or `&#x`
// (lower-case x only: `&#X41;` is text) and any number of hex digits. CommonMark (markdown-it) takes
// 1–7 and 1–6 digits, either x, and writes U+FFFD for what HTML would not have.
const DECIMAL = /^&#(\d+);/;
const HEX = /^&#x([0-9a-fA-F]+);/;

// Kramdown::Utils::Entities' table maps the C1 code points that Windows-1252 uses to the characters
// it puts there (`&#150;` is the entity ndash, `&#128;` euro): the HTML-copied text of old posts.
const WINDOWS_1252: Record<number, number> = {
  128: 8364, 130: 8218, 131: 402, 132: 8222, 133: 8230, 134: 8224, 135: 8225, 136: 710, 137: 8240,
  138: 352, 139: 8249, 140: 338, 142: 381, 145: 8216, 146: 8217, 147: 8220, 148: 8221, 149: 8226,
  150: 8211, 151: 8212, 152: 732, 153: 8482, 154: 353, 155: 8250, 156: 339, 158: 382, 159: 376,
};

/**
 * A numeric reference at the start of `text` as kramdown reads it: the character's code point, or
 * null when there is none there. `original` is the reference as written (kramdown writes it back
 * when it cannot make a character of it: a number past what Ruby's pack('U') takes).
 */
function numericReference(text: string): { cp: number | null; original: string } | null {
  const m = DECIMAL.exec(text) ?? HEX.exec(text);
  if (!m) return null;
  const digits = m[1]!.replace(/^0+(?=.)/, '');
  const hex = m[0][2] === 'x';
  // Ruby's pack('U') takes code points up to 0x7FFFFFFF; past that kramdown keeps the text.
  if (digits.length > (hex ? 8 : 10)) return { cp: null, original: m[0] };
  const n = parseInt(digits, hex ? 16 : 10);
  if (n > 0x7fffffff) return { cp: null, original: m[0] };
  // Past U+10FFFF, and lone surrogates, Ruby writes bytes no JavaScript string holds: U+FFFD stands
  // for them (the one place this output is not Jekyll's).
  const cp = WINDOWS_1252[n] ?? (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? 0xfffd : n);
  return { cp, original: m[0] };
}

export function entityPlugin(md: MarkdownIt): void {
  const rules = (md.inline.ruler as any).__rules__ as Array<{ name: string; fn: (s: StateInline, silent: boolean) => boolean }>;
  const entity = rules.find((r) => r.name === 'entity')!.fn;
  md.inline.ruler.at('entity', (state: StateInline, silent: boolean) => {
    if (state.src[state.pos] !== '&') return false;
    if (state.src[state.pos + 1] === '#') {
      const ref = numericReference(state.src.slice(state.pos, Math.min(state.posMax, state.pos + 48)));
      if (!ref || state.pos + ref.original.length > state.posMax) return false;
      if (!silent) {
        if (ref.cp === null) {
          // kramdown's entity_to_str: no character, so the reference as written (not escaped).
          const t = state.push('html_inline', '', 0);
          t.content = ref.original;
        } else {
          const t = state.push('text_special', '', 0);
          t.content = String.fromCodePoint(ref.cp);
          t.markup = ref.original;
          t.info = 'entity';
        }
      }
      state.pos += ref.original.length;
      return true;
    }
    const m = NAMED.exec(state.src.slice(state.pos, Math.min(state.posMax, state.pos + 40)));
    if (m && !KRAMDOWN_NAMES.has(m[1])) return false;
    const before = state.tokens.length;
    if (!entity(state, silent)) return false;
    const cp = m && KRAMDOWN_CODE_POINTS[m[1]];
    if (cp && !silent && state.tokens.length > before) state.tokens[state.tokens.length - 1].content = String.fromCodePoint(cp);
    return true;
  });
}
