// Whether Psych reads a YAML text at all, decided by libyaml's own rules (libyaml-scanner.ts,
// libyaml-parser.ts) before js-yaml reads the values: a text Psych refuses stops the build with
// Psych's words at Psych's place ("could not find expected ':' while scanning a simple key" at
// line 3 column 3), and one it reads is known to end where its first document ends (Psych.safe_load
// reads nothing after that).
import { BuildError } from "../errors.js";
import { LibyamlSyntaxError, LibyamlUnsupported, parseFirstDocument, type FirstDocument } from "./libyaml-parser.js";

export type { FirstDocument };

/** What to do about each libyaml problem, in one sentence (the generic advice otherwise). */
const HINTS: Array<[RegExp, string]> = [
  [/^control characters are not allowed$/, "The text holds a control character (below U+0020 other than a tab or a line break, or U+007F-U+009F but U+0085): YAML takes none, even inside quotes; remove it (write \\x01-style escapes in double quotes)."],
  [/^could not find expected ':'$/, "A line at a mapping's indentation is read as a key, and has no ': ' after it on its line: add the colon, indent the line under the key above it, or quote the text."],
  [/^mapping values are not allowed in this context$/, "A ': ' after a value on the same line starts no key there: quote the value if the colon belongs to it (title: \"Foo: bar\")."],
  [/^(?:block sequence entries|mapping keys) are not allowed in this context$/, "A '- ' or '? ' after other text on its line starts nothing there: put it on a line of its own, or quote the value."],
  [/^found character that cannot start any token$/, "A value cannot start with '@', a backquote or a tab, nor a line with a tab: quote the value, or indent with spaces."],
  [/^did not find expected alphabetic or numeric character$/, "An anchor (&name) or alias (*name) is named with letters, digits, '_' and '-' only, then a space: quote a value that starts with '&' or '*'."],
  [/^did not find expected whitespace or line break$|^did not find the expected '>'$|^did not find expected tag URI$|^found undefined tag handle$/, "A tag (!name) is followed by a space: put a space between the tag and what follows it, or quote a value that starts with '!'."],
  [/^did not find expected comment or line break$/, "After '|' or '>' (a block scalar) only chomping and indentation indicators and a comment may follow on the line: put the text on the next lines, indented, or quote it."],
  [/^found a tab character/, "YAML indents with spaces only: replace the tab with spaces."],
  [/escape|hexdecimal/, "In double quotes a backslash starts an escape (\\n, \\t, \\u00e9…): write \\\\ for a backslash, or put the value in single quotes."],
  [/^found unexpected end of stream$/, "A quoted value is never closed: add its closing quote."],
  [/^found unexpected document indicator$/, "A line starting with '---' or '...' ends a YAML document, even inside quotes: indent that line of the quoted text."],
  [/directive|YAML document|<document start>/, "A line starting with '%' at column 0 is a YAML directive: quote or indent it, or follow the directives with a '---' line."],
];

/** The advice where no sentence of HINTS (nor of yaml.ts's own checks) names the problem. */
export const GENERIC_HINT = "Fix the YAML syntax (indent with spaces, quote values that contain ': ' or start with '{', '[', '*', '&' or '@').";

/**
 * The first document as libyaml reads `text`; throws a BuildError where Psych raises a syntax
 * error. null where libyaml's rules give no answer here (a character its reader refuses: js-yaml
 * reports it).
 */
export function libyamlFirstDocument(text: string, where: { file: string; lineOffset?: number }): FirstDocument | null {
  try {
    return parseFirstDocument(text);
  } catch (e) {
    if (e instanceof LibyamlUnsupported) return null;
    if (!(e instanceof LibyamlSyntaxError)) throw e;
    throw new BuildError(`invalid YAML: ${e.message}`, {
      file: where.file,
      line: e.mark.line + 1 + (where.lineOffset ?? 0),
      column: e.mark.column + 1,
      hint: HINTS.find(([re]) => re.test(e.problem))?.[1] ?? GENERIC_HINT,
    });
  }
}
