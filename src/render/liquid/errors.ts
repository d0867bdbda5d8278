// liquidjs errors as BuildErrors naming the file and line the user must fix. A failure inside
// an include keeps the include's own token (liquidjs passes inner Liquid errors through), so it
// names the include file and its line, and, as Jekyll does ("Liquid error (_includes/x.html
// line 2): divided by 0 included in about.md"), the page or layout that included it.
//
// The location (file:line:column) counts lines from the top of the file, front matter included:
// the line an editor shows. Jekyll counts a page's, a document's and a layout's lines from the end
// of the front matter ("Liquid syntax error (line 3)" for the 9th line of a file with 5 lines of
// front matter) and an include's from its top; the message says the line as Jekyll's does
// (jekyllPrefix), so both numbers are there.
import path from "node:path";
import { LiquidError } from "liquidjs";
import { BuildError } from "../../errors.js";
import type { SyntaxProblem } from "./ruby-syntax/error-mode.js";
import { LiquidArgumentError } from "./filters/standard.js";

/** Strips the ", line:1, col:2" liquidjs appends to messages. */
function cleanMessage(e: any): string {
  const original = e.originalError;
  if (original && typeof original.message === "string" && !LiquidError.is(original)) return original.message;
  return String(e.message).replace(/(, file:[^,]*)?, line:\d+, col:\d+$/, "");
}

/** A file under the site source as a path relative to it; other paths as they are. */
export function displayPath(source: string, file: string): string {
  if (path.isAbsolute(file) && source && (file + "/").startsWith(source.endsWith("/") ? source : source + "/")) return path.relative(source, file);
  return file;
}

/**
 * A `warn`-mode warning as Jekyll prints it after "Liquid Warning:" (Liquid::SyntaxError#message,
 * then "in <path>"). Its line counts in the template Liquid parsed, which is the text after the
 * front matter (and after the blank lines Jekyll's front matter pattern takes with it): a tag on
 * the first line after `---` is line 1, as Jekyll 4.3.1 prints it (test/golden/build-warnings/
 * liquid-warning-lines). Jekyll names a document or layout by its absolute path; build-site keeps
 * the site-relative one, as for pages.
 */
export function formatWarning(w: SyntaxProblem, file: string): string {
  return `Liquid syntax error (line ${w.line}): ${w.message} in ${file}`;
}

/**
 * `fallbackFile`: the template being parsed or rendered (a page, document or layout), named when
 * the error is located in an include it pulled in.
 */
export function toBuildError(e: unknown, source: string, lineOffsets: Map<string, number>, fallbackFile?: string): BuildError {
  if (e instanceof BuildError) return e;
  // A located error from below the template (a data file read on first use such as a .bib file,
  // an include that is not UTF-8 or too large) is reported as it is, not as a Liquid error of the
  // tag that read it.
  const original = (e as { originalError?: unknown } | null)?.originalError;
  if (original instanceof BuildError && (original.ownLocation || original.file)) return original;
  if (LiquidError.is(e)) {
    let err: any = e;
    // LiquidErrors (catchAllErrors) carry a list; report the first.
    if (Array.isArray(err.errors) && err.errors.length) err = err.errors[0];
    const token = err.token;
    let file: string | undefined = token?.file ?? fallbackFile;
    let line: number | undefined;
    let column: number | undefined;
    if (token && typeof token.getPosition === "function") {
      [line, column] = token.getPosition() as [number, number];
      line = line! + (lineOffsets.get(token.file ?? fallbackFile ?? "") ?? 0);
    }
    const isIncluded = file !== undefined && fallbackFile !== undefined && file !== fallbackFile;
    const included = isIncluded ? ` included in ${displayPath(source, fallbackFile!)}` : "";
    if (file) file = displayPath(source, file);
    const message = cleanMessage(err);
    const templateLine = token && typeof token.getPosition === "function" ? jekyllLine(token, message) : undefined;
    const shown = templateLine === undefined ? message : jekyllPrefix(err, message, `${isIncluded ? `${file} ` : ""}line ${templateLine}`);
    return new BuildError(`Liquid Exception: ${shown}${included}`, { file, line, column, cause: e, hint: hintFor(err.originalError, message) });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new BuildError(`Liquid Exception: ${message}`, { file: fallbackFile, cause: e, hint: hintFor(e, message) });
}

/**
 * The line Jekyll's message names: Liquid's own count in the template it parsed (a page's,
 * document's or layout's text after the front matter, an include's whole file). A block never
 * closed is reported where the parser stopped, past the template's last line break, not at the
 * opening tag.
 */
function jekyllLine(token: any, message: string): number {
  const [line] = token.getPosition() as [number, number];
  if (/ was never closed$/.test(message) && typeof token.input === "string") {
    let n = 1;
    for (let i = token.input.indexOf("\n"); i >= 0; i = token.input.indexOf("\n", i + 1)) n++;
    return n;
  }
  return line;
}

/**
 * The message as Liquid::Error#to_s writes it, with the line (`at`: "line 3", or an include's
 * "_includes/x.html line 2"): "Liquid syntax error (line 3): Unknown tag 'x'" for a parse error,
 * "Liquid error (line 2): divided by 0" for a Liquid::ArgumentError (a filter's ArgumentError,
 * which Liquid's strainer re-raises as one, and a comparison that fails in a condition) and the
 * strict modes' Liquid::UndefinedFilter and UndefinedVariable. Other
 * errors (a NoMethodError, Jekyll's own) reach Jekyll's message as they are, without a line.
 */
function jekyllPrefix(err: any, message: string, at: string): string {
  const syntax = /^Liquid syntax error: /.exec(message);
  if (syntax) return `Liquid syntax error (${at}): ${message.slice(syntax[0].length)}`;
  const original = err.originalError;
  // liquidjs names the whole path ("undefined variable: page.nope"); Liquid::UndefinedVariable
  // names the key it stopped at ("undefined variable nope").
  const undefinedVariable = /^undefined variable: (?:.*\.)?([^.]*)$/.exec(message);
  if (undefinedVariable) return `Liquid error (${at}): undefined variable ${undefinedVariable[1]}`;
  if (original instanceof LiquidArgumentError || /^comparison of .+ failed$|^undefined filter /.test(message)) return `Liquid error (${at}): ${message}`;
  return message;
}

/** The "what to do" line of a Liquid error: the bound's own (budget.ts), else one per kind. */
function hintFor(original: unknown, message: string): string {
  const own = (original as { hint?: unknown } | undefined)?.hint;
  if (typeof own === "string") return own;
  const stray = /Unknown tag '(end(\w+)|else|elsif|when)'/.exec(message);
  if (stray) {
    const [, tag, opener] = stray;
    return opener
      ? `This {% ${tag} %} closes nothing: no {% ${opener} %} is open at that point. Remove it, or add the {% ${opener} %} it was meant to close (an earlier {% ${tag} %} may have closed that one already).`
      : `This {% ${tag} %} is outside the block it belongs to (${tag === "when" ? "{% case %}" : "{% if %}, {% unless %}, {% case %} or {% for %}"}): an earlier {% end… %} may have closed that block already.`;
  }
  // Liquid's tokenizer: a `{%` (or `{{`) with no `%}` (`}}`) of its own before the next tag, as
  // online-cv forks' `{% comment }` … `{% endcomment }`.
  const unterminated = /(Tag|Variable) '(\{%|\{\{)[^']*' was not properly terminated/.exec(message);
  if (unterminated) {
    const [open, close] = unterminated[2] === "{%" ? ["{%", "%}"] : ["{{", "}}"];
    return `A ${open} at that line has no ${close} of its own before the next tag: close it (\`{% comment %}\`, not \`{% comment }\`), or wrap braces meant as text in {% raw %}…{% endraw %}.`;
  }
  if (/^tag "?[\w-]+"? not found|Unknown tag '/.test(message)) {
    return "That tag is neither Liquid's nor Jekyll's: it may come from a Jekyll plugin build-site does not run. Remove it, or wrap literal braces in {% raw %}…{% endraw %}.";
  }
  // Jekyll's date filters (date_to_string, date_to_xmlschema…) stop the build on a value Ruby cannot
  // read as a time, such as a résumé's "2018-01" or "Present"; the message is no syntax error.
  if (/^Invalid Date: /.test(message)) {
    return "A date filter (date_to_string, date_to_long_string, date_to_xmlschema, date_to_rfc822) got a value that is not a date: give a full date such as 2018-01-31, test the value before filtering it, or use Liquid's date filter, which leaves such strings as they are.";
  }
  // Ruby's ArgumentError from <, >, <=, >= between a number and a string (or a date), which Jekyll
  // stops on: jekyll-anchor-headings called with h_min="2" compares an Integer with that String.
  const compared = /comparison of (\w+) with (\w+) failed/.exec(message);
  // Two Arrays: `sort` over a hash's [key, value] pairs whose keys are of different classes, as
  // `site.categories | sort` when a post has `categories: [blog, 2020]` (site.categories then
  // holds both 2020 and "2020", see Site#post_attr_hash).
  if (compared && compared[1] === "Array" && compared[2] === "Array") {
    return "A sort compared two [key, value] pairs whose keys are of different classes, which Ruby refuses: `site.categories | sort` or `site.tags | sort` fails when a post's categories or tags hold a number (`categories: [blog, 2020]` gives both 2020 and \"2020\"). Quote such values in the front matter (\"2020\").";
  }
  // Array#sort names the other value by its inspect, not its class ("comparison of String with 3
  // failed"): a sort over a list that mixes numbers and strings.
  if (compared && !/^[A-Z]/.test(compared[2]!)) {
    return `A sort met a ${compared[1]} and ${compared[2]} in one list, which Ruby cannot order: sort lists whose items are all numbers or all strings (quote the numbers in the data, or sort by a field with sort: "name").`;
  }
  if (compared) {
    const an = (w: string) => (/^[AEIOU]/.test(w) ? `an ${w}` : `a ${w}`);
    return `A <, >, <= or >= compares ${an(compared[1])} with ${an(compared[2])}, which Ruby refuses: make both sides numbers (an include parameter in quotes, such as h_min="2", is a string: write h_min=2, or convert with | plus: 0) or both strings.`;
  }
  // post_url's InvalidPostNameError ("does not contain valid date") is no syntax error: the name is.
  if (/in tag 'post_url'/.test(message)) {
    return "Give the post's file name without its extension, as it is in _posts: {% post_url 2024-01-31-my-post %} (in a subfolder of _posts: {% post_url sub/2024-01-31-my-post %}).";
  }
  if (/in tag 'link'/.test(message)) {
    return "Give the path of a page, post, document or file as it is in the site's source, with its extension: {% link _posts/2024-01-31-my-post.md %}, {% link about.md %}.";
  }
  if (/syntax error|never closed|not closed|unexpected|invalid|illegal|expected|Unknown/i.test(message) && !/include/.test(message)) {
    return "Check the Liquid syntax at that line: every {% if %}, {% for %}, {% capture %} and {% raw %} needs its {% end… %}, and {{ }} holds one expression with its filters.";
  }
  if (/memory alloc limit exceeded/.test(message)) {
    return "A range such as (1..n) was too large to build. Use a smaller range; for loops may run up to build_site.limits.loop_iterations.";
  }
  if (/undefined (filter|variable)/i.test(message)) {
    return "Fix the name, or turn off liquid: strict_filters / strict_variables in _config.yml.";
  }
  // Ruby's NoMethodError on nil from a filter (`number_of_words`, `split`, `strip`… given an unset
  // variable), which Jekyll stops on too.
  const onNil = /undefined method [`']([^'`]+)' for nil:NilClass/.exec(message);
  if (onNil) {
    return `A filter got nil (an unset variable, or a key the data does not have) where it calls '${onNil[1]}': give the value before this point, or a fallback such as | default: "".`;
  }
  // (Before the include test: a site's key list names includes_dir.)
  if (/undefined method `to_liquid' for #<Enumerator:/.test(message)) {
    return "each_key gives a Ruby Enumerator, which Liquid cannot use: write `keys` instead (post.keys, site.keys).";
  }
  if (/include/.test(message)) return "Fix the include tag's file name or parameters as the message says.";
  // Jekyll's sort/where/group_by read `item[property]`; an item that is an Array (each entry of
  // site.tags or site.categories is a [name, posts] pair, as `sort: 'last.size'` on a tag page
  // meets) takes only a number there, so Ruby raises this TypeError.
  if (/^no implicit conversion of String into Integer$/.test(message)) {
    return "A filter asked a list for a named property (sort, where, group_by or map by \"name\" on items that are lists: site.tags and site.categories give [name, posts] pairs): loop over the pairs and read tag[0] and tag[1].size, or sort the pairs with | sort and no property.";
  }
  return "Fix the Liquid at that line as the message says; run with --trace for the full stack.";
}
