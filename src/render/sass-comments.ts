// The comments Dart Sass certainly skips in an SCSS (or plain CSS) text, blanked, so the import
// scan (sass-import-scan.ts) does not take `// @import "{{ site.theme }}";` for a load. Sound
// before complete: a part is blanked only where Sass reads it as a comment whatever the context
// turns out to be, and anything this reader is unsure of makes the whole text "unsure" (null),
// which sends the compile through the checking importer. Sass's rules (Dart Sass 1.x parser):
// - `/* … */` is a comment everywhere but inside a string or an unquoted `url(…)`.
// - `//` to the end of the line is a comment in SCSS code, but text in a string, in an unquoted
//   `url(…)` (`url(//cdn.example/x.png)`), in a custom property's value (`--x: a // b;`, which ends
//   at a `;` or `}` outside brackets), in `expression(…)`/`element(…)`/`progid:…(…)`, and in a plain
//   CSS file (where Sass refuses it). So `//` is blanked only outside parentheses and square
//   brackets (where a special function or an `@supports (--x: …)` may hold it) and outside every
//   custom property value, where it is always Sass's comment (between statements, in a block or
//   an interpolation), and never in a `.css` file.
// - Strings end at their quote, on their line; a backslash escapes the next character. A string
//   with interpolation (`"a#{…}"`), an escaped line break, or no closing quote on its line, an
//   unclosed `/*`, and an unquoted `url(` whose contents are not a URL token are "unsure".

const IDENT_CHAR = /[A-Za-z0-9_\-\u0080-\uffff\\]/;
/** The contents of an unquoted url(…) token up to its `)` (Dart Sass's _tryUrlContents, without escapes or interpolation). */
const URL_TOKEN = /[ \t\r\n\f]*[!#%&*-[\]-~\u0080-\uffff]*[ \t\r\n\f]*\)/y;

/** `text` with the comments Sass surely skips replaced by spaces (line breaks kept), or null when unsure. */
export function blankSassComments(text: string, plainCss = false): string | null {
  const out = text.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  /** Open parentheses and square brackets. */
  let parens = 0;
  /** Open braces: blocks and `#{` interpolations. */
  let braces = 0;
  /** Inside a custom property's value: the depths it started at; null when not. */
  let custom: { parens: number; braces: number } | null = null;
  const atCustomLevel = () => custom !== null && parens === custom.parens && braces === custom.braces;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "\\") {
      i += 2; // an escaped character is never a quote, bracket or comment
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < n && text[j] !== c; j++) {
        const d = text[j]!;
        if (d === "\n" || d === "\r" || d === "\f") return null;
        if (d === "#" && text[j + 1] === "{") return null;
        if (d === "\\") {
          if (j + 1 >= n || /[\n\r\f]/.test(text[j + 1]!)) return null;
          j++;
        }
      }
      if (j >= n) return null;
      i = j + 1;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return null;
      blank(i, end + 2);
      i = end + 2;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      if (plainCss || parens > 0 || custom !== null) {
        // Text in Sass's eyes, or unsure: left as it is (the scan then reads it as code). Inside
        // an interpolation in a custom property `//` is a comment to Sass, whose brackets it
        // does not count: the depths here could drift from Sass's.
        if (custom !== null && !atCustomLevel()) return null;
        i += 2;
        continue;
      }
      let end = text.indexOf("\n", i);
      if (end < 0) end = n;
      blank(i, end);
      i = end;
      continue;
    }
    if ((c === "u" || c === "U") && /^url\(/i.test(text.slice(i, i + 4)) && !IDENT_CHAR.test(text[i - 1] ?? " ")) {
      URL_TOKEN.lastIndex = i + 4;
      const m = URL_TOKEN.exec(text);
      if (m) {
        i = URL_TOKEN.lastIndex; // a URL token: its text is no comment, its parentheses no brackets
        continue;
      }
      // A quoted URL is a function call with a string: read on as code. Anything else: unsure.
      if (!/^[ \t\r\n\f]*["']/.test(text.slice(i + 4, i + 4 + 64))) return null;
    }
    if (c === "u" || c === "U") {
      // `xurl(` (a vendor prefix, `-moz-url(`) is Sass's url() too: unsure.
      if (/^url\(/i.test(text.slice(i, i + 4)) && IDENT_CHAR.test(text[i - 1] ?? " ")) return null;
    }
    if (c === "-" && text[i + 1] === "-" && custom === null && !IDENT_CHAR.test(text[i - 1] ?? " ")) {
      custom = { parens, braces }; // a custom property (or something like one): its value keeps `//`
      i += 2;
      continue;
    }
    if (c === "(" || c === "[") parens++;
    else if (c === ")" || c === "]") parens = Math.max(0, parens - 1);
    else if (c === "{") braces++;
    else if (c === "}") {
      if (atCustomLevel()) custom = null; // the block holding the value ends
      braces = Math.max(0, braces - 1);
    } else if (c === ";" && atCustomLevel()) custom = null;
    i++;
  }
  return out.join("");
}
