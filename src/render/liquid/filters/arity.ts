// How many arguments each filter's Ruby method takes, the input included ([required, maximum]):
// Liquid 5.4's StandardFilters and Jekyll 4.3.1's filter modules, as Ruby's
// Method#parameters reports them for the strainer Jekyll renders with. Ruby raises
// "wrong number of arguments (given 3, expected 1)" for a call outside the range, which the
// lax parser makes easy to write (`{{ x | upcase truncate: 8 }}` calls upcase with 2).
export const FILTER_ARITY: Record<string, readonly [number, number]> = {
  abs: [1, 1], absolute_url: [1, 1], append: [2, 2], array_to_sentence_string: [1, 2], at_least: [2, 2],
  at_most: [2, 2], base64_decode: [1, 1], base64_encode: [1, 1], base64_url_safe_decode: [1, 1],
  base64_url_safe_encode: [1, 1], capitalize: [1, 1], ceil: [1, 1], cgi_escape: [1, 1], compact: [1, 2],
  concat: [2, 2], date: [2, 2], date_to_long_string: [1, 3], date_to_rfc822: [1, 1], date_to_string: [1, 3],
  date_to_xmlschema: [1, 1], default: [1, 3], divided_by: [2, 2], downcase: [1, 1], escape: [1, 1],
  escape_once: [1, 1], find: [3, 3], find_exp: [3, 3], first: [1, 1], floor: [1, 1], group_by: [2, 2],
  group_by_exp: [3, 3], h: [1, 1], inspect: [1, 1], join: [1, 2], jsonify: [1, 1], last: [1, 1], lstrip: [1, 1],
  map: [2, 2], markdownify: [1, 1], minus: [2, 2], modulo: [2, 2], newline_to_br: [1, 1],
  normalize_whitespace: [1, 1], number_of_words: [1, 2], plus: [2, 2], pop: [1, 2], prepend: [2, 2], push: [2, 2],
  relative_url: [1, 1], remove: [2, 2], remove_first: [2, 2], remove_last: [2, 2], replace: [2, 3],
  replace_first: [2, 3], replace_last: [3, 3], reverse: [1, 1], round: [1, 2], rstrip: [1, 1], sample: [1, 2],
  sassify: [1, 1], scssify: [1, 1], shift: [1, 2], size: [1, 1], slice: [2, 3], slugify: [1, 2], smartify: [1, 1],
  sort: [1, 3], sort_natural: [1, 2], split: [2, 2], strip: [1, 1], strip_html: [1, 1], strip_index: [1, 1],
  strip_newlines: [1, 1], times: [2, 2], to_integer: [1, 1], truncate: [1, 3], truncatewords: [1, 3], uniq: [1, 2],
  unshift: [2, 2], upcase: [1, 1], uri_escape: [1, 1], url_decode: [1, 1], url_encode: [1, 1], where: [3, 3],
  where_exp: [3, 3], xml_escape: [1, 1],
};

/** Ruby's ArgumentError message for a call with `given` arguments. */
export function arityMessage(given: number, [min, max]: readonly [number, number]): string {
  const expected = min === max ? `${min}` : max === Infinity ? `${min}+` : `${min}..${max}`;
  return `wrong number of arguments (given ${given}, expected ${expected})`;
}
