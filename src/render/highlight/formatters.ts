/**
 * Rouge 3.30's HTMLTable formatter (lib/rouge/formatters/html_table.rb): line numbers in a gutter
 * cell beside the highlighted code, for `{% highlight … linenos %}` and kramdown's
 * `line_numbers` option. Kept apart from the lexers, so that the Markdown converter can use it
 * without loading them.
 */
export interface TableOptions {
  startLine?: number;
  /** Ruby sprintf format of each line number (only `%d`/`%i`/`%s` with flags and width). */
  lineFormat?: string;
  tableClass?: string;
  gutterClass?: string;
  codeClass?: string;
}

function formatNumber(format: string, n: number): string {
  return format.replace(/%([-0 +]*)(\d*)([dis%])/g, (all, flags: string, width: string, conv: string) => {
    if (conv === '%') return '%';
    let s = String(n);
    if (conv !== 's' && flags.includes('+') && n >= 0) s = '+' + s;
    const w = Number(width || 0);
    if (s.length >= w) return s;
    if (flags.includes('-')) return s.padEnd(w);
    return flags.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
  });
}

/**
 * The table around `inner` (the HTML formatter's output for `code`). Rouge counts the newlines
 * in the token values, plus one when the last token does not end with a newline — in which case
 * a newline is also appended to the formatted code.
 */
export function htmlTable(inner: string, code: string, options: TableOptions = {}): string {
  const start = options.startLine ?? 1;
  let lines = 0;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lines++;
  let formatted = inner;
  if (!code.endsWith('\n')) {
    lines++;
    formatted += '\n';
  }
  const format = options.lineFormat ?? '%i';
  let numbers = '';
  for (let i = start; i < start + lines; i++) numbers += formatNumber(format, i) + '\n';
  return (
    `<table class="${options.tableClass ?? 'rouge-table'}"><tbody><tr>` +
    `<td class="${options.gutterClass ?? 'rouge-gutter'} gl"><pre class="lineno">${numbers}</pre></td>` +
    `<td class="${options.codeClass ?? 'rouge-code'}"><pre>${formatted}</pre></td>` +
    '</tr></tbody></table>'
  );
}
