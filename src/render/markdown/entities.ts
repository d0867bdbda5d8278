// kramdown's entity table (Kramdown::Utils::Entities) and entity_to_str: how an entity (from the
// source, a smart quote or a typographic symbol) is written for each `entity_output` setting.
// as_char writes the character, except `<`, `>`, `&`, which fall back to the source spelling (or
// the symbolic name when there is none); symbolic writes the name kramdown's table has for the
// code point, numeric (and symbolic without a name) `&#N;`.
import { kernelInteger } from '../../ruby/number.js';
import type { EntityOutput } from './options.js';

// The names kramdown knows, with their code points: HTML 4's 253 and `apos`. Where they differ from
// HTML5 (lceil/rceil and lang/rang are swapped pairs, the angle brackets U+2329/U+232A rather than
// U+27E8/U+27E9), kramdown's values are kept: `&lceil;x&rceil;` is ⌉x⌈ in Jekyll.
const TABLE = `
  quot 34 amp 38 apos 39 lt 60 gt 62 nbsp 160 iexcl 161 cent 162 pound 163 curren 164 yen 165
  brvbar 166 sect 167 uml 168 copy 169 ordf 170 laquo 171 not 172 shy 173 reg 174 macr 175 deg 176
  plusmn 177 sup2 178 sup3 179 acute 180 micro 181 para 182 middot 183 cedil 184 sup1 185 ordm 186
  raquo 187 frac14 188 frac12 189 frac34 190 iquest 191 Agrave 192 Aacute 193 Acirc 194 Atilde 195
  Auml 196 Aring 197 AElig 198 Ccedil 199 Egrave 200 Eacute 201 Ecirc 202 Euml 203 Igrave 204
  Iacute 205 Icirc 206 Iuml 207 ETH 208 Ntilde 209 Ograve 210 Oacute 211 Ocirc 212 Otilde 213
  Ouml 214 times 215 Oslash 216 Ugrave 217 Uacute 218 Ucirc 219 Uuml 220 Yacute 221 THORN 222
  szlig 223 agrave 224 aacute 225 acirc 226 atilde 227 auml 228 aring 229 aelig 230 ccedil 231
  egrave 232 eacute 233 ecirc 234 euml 235 igrave 236 iacute 237 icirc 238 iuml 239 eth 240
  ntilde 241 ograve 242 oacute 243 ocirc 244 otilde 245 ouml 246 divide 247 oslash 248 ugrave 249
  uacute 250 ucirc 251 uuml 252 yacute 253 thorn 254 yuml 255 OElig 338 oelig 339 Scaron 352
  scaron 353 Yuml 376 fnof 402 circ 710 tilde 732 Alpha 913 Beta 914 Gamma 915 Delta 916
  Epsilon 917 Zeta 918 Eta 919 Theta 920 Iota 921 Kappa 922 Lambda 923 Mu 924 Nu 925 Xi 926
  Omicron 927 Pi 928 Rho 929 Sigma 931 Tau 932 Upsilon 933 Phi 934 Chi 935 Psi 936 Omega 937
  alpha 945 beta 946 gamma 947 delta 948 epsilon 949 zeta 950 eta 951 theta 952 iota 953 kappa 954
  lambda 955 mu 956 nu 957 xi 958 omicron 959 pi 960 rho 961 sigmaf 962 sigma 963 tau 964
  upsilon 965 phi 966 chi 967 psi 968 omega 969 thetasym 977 upsih 978 piv 982 ensp 8194 emsp 8195
  thinsp 8201 zwnj 8204 zwj 8205 lrm 8206 rlm 8207 ndash 8211 mdash 8212 lsquo 8216 rsquo 8217
  sbquo 8218 ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 Dagger 8225 bull 8226 hellip 8230
  permil 8240 prime 8242 Prime 8243 lsaquo 8249 rsaquo 8250 oline 8254 frasl 8260 euro 8364
  image 8465 weierp 8472 real 8476 trade 8482 alefsym 8501 larr 8592 uarr 8593 rarr 8594 darr 8595
  harr 8596 crarr 8629 lArr 8656 uArr 8657 rArr 8658 dArr 8659 hArr 8660 forall 8704 part 8706
  exist 8707 empty 8709 nabla 8711 isin 8712 notin 8713 ni 8715 prod 8719 sum 8721 minus 8722
  lowast 8727 radic 8730 prop 8733 infin 8734 ang 8736 and 8743 or 8744 cap 8745 cup 8746 int 8747
  there4 8756 sim 8764 cong 8773 asymp 8776 ne 8800 equiv 8801 le 8804 ge 8805 sub 8834 sup 8835
  nsub 8836 sube 8838 supe 8839 oplus 8853 otimes 8855 perp 8869 sdot 8901 vellip 8942 rceil 8968
  lceil 8969 lfloor 8970 rfloor 8971 rang 9001 lang 9002 loz 9674 spades 9824 clubs 9827
  hearts 9829 diams 9830
`;

/** Entity name → code point, as kramdown's parser and smart_quotes look names up. */
export const ENTITY_CODE_POINTS: ReadonlyMap<string, number> = (() => {
  const words = TABLE.trim().split(/\s+/);
  const map = new Map<string, number>();
  for (let i = 0; i + 1 < words.length; i += 2) map.set(words[i], Number(words[i + 1]));
  return map;
})();
const NAMES = new Map<number, string>([...ENTITY_CODE_POINTS].map(([n, cp]) => [cp, n]));

// kramdown's table also maps the numeric references 128–159 (C1 controls, which HTML pages in
// Windows-1252 used for its printable characters) to the Windows-1252 character's entity: `&#150;`
// is an en dash, written `–` (as_char), `&ndash;` (symbolic) or `&#8211;` (numeric). 129, 141, 143,
// 144 and 157 have no Windows-1252 character and stay what they are.
const WINDOWS_1252 = [8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0,
  0, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 0, 382, 376];

/** The code point kramdown's entity for the numeric reference `&#n;` has. */
export function numericEntityCodePoint(n: number): number {
  return n >= 128 && n <= 159 ? WINDOWS_1252[n - 128] || n : n;
}

/**
 * The code point of a smart_quotes entry (kramdown keeps `Integer(v) rescue v`, then looks the
 * entity up): a number (`8216`, `0x2018`; 128–159 as for numeric references), or an entity name,
 * taken as written (` rsquo` with its space is no name). undefined: kramdown has no such entity
 * and raises "Can't handle generic non-integer character reference".
 */
export function codePointOf(spec: string): number | undefined {
  // (kramdown tries Ruby's Integer() first: `0x2018`, `0o20030`, `8_216`.)
  const n = kernelInteger(spec);
  if (n !== null) return numericEntityCodePoint(Number(n));
  return ENTITY_CODE_POINTS.get(spec);
}

export function entityToString(cp: number, mode: EntityOutput, original?: string): string {
  // (A surrogate is no character either: Ruby's pack('U') writes its three bytes, no UTF-8.)
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  const ch = valid ? String.fromCodePoint(cp) : '';
  const special = ch === '<' || ch === '>' || ch === '&';
  // as_char writes a character only where the source's encoding has it: a US-ASCII source
  // ('as_char_ascii') has no smart quotes or dashes, which fall back to as_input's spelling.
  if (valid && (mode === 'as_char' || (mode === 'as_char_ascii' && cp < 0x80)) && !special) return ch;
  if ((mode === 'as_input' || mode === 'as_char' || mode === 'as_char_ascii') && original) return original;
  const name = NAMES.get(cp);
  // (`"` is written as itself by as_char, but by name where kramdown's escape map has it.)
  if ((mode === 'symbolic' || special || ch === '"') && name) return `&${name};`;
  return `&#${cp};`;
}
