// The blank line a list moves out after itself (kramdown's parse_list and parse_definition_list),
// for the converter (where the blank goes) and the block rules (a block IAL after such a list
// waits for the next block: a boundary).
import type { Token } from 'markdown-it';

/**
 * parse_list and parse_definition_list keep the trailing blank of the last item that has children
 * and move it out after the list, skipping items with none (`next if it_children.empty?` leaves the
 * blank found before): in `* a\n\n* {:.x}` and `r\n: \n\n: ` the blank line between the items
 * goes after the list. Whether the list `open` … `close` (tokens i and j) ends in such empty items;
 * `blank`: whether a line is blank (the converter's line model, or the block state's while parsing).
 */
export function emptyLastItems(tokens: Token[], i: number, j: number, blank: (line: number) => boolean): boolean {
  const items: Array<{ open: Token; empty: boolean; quoteEnd: number }> = [];
  let depth = 0;
  for (let k = i + 1; k < j; k++) {
    const tk = tokens[k];
    // A further term starts a definition list of its own that kramdown merges into this one,
    // dropping the blank the one before moved out (`m\n: \n\nm\n: ` has none after it): only
    // the definitions after the last term count.
    if (depth === 0 && tk.type === 'dt_open') items.length = 0;
    if (depth === 0 && (tk.type === 'list_item_open' || tk.type === 'dd_open')) {
      // (An item's own IAL on its marker line is no child: LIST_ITEM_IAL.)
      let c = k + 1;
      if (tokens[c]?.type === 'kd_ial' && tokens[c].map?.[0] === tk.map?.[0]) c++;
      items.push({ open: tk, empty: tokens[c]?.nesting === -1, quoteEnd: -1 });
    }
    // (A quote's last `>` lines are its own, no blank of the item: `e\n: \n>\n: `.)
    if (tk.type === 'blockquote_open' && tk.map && items.length) items[items.length - 1].quoteEnd = Math.max(items[items.length - 1].quoteEnd, tk.map[1]);
    depth += tk.nesting;
  }
  const endsBlank = (it: { open: Token; quoteEnd: number }) => !!it.open.map && it.open.map[1] - 1 > it.open.map[0] && blank(it.open.map[1] - 1) && it.quoteEnd < it.open.map[1];
  let k = items.length - 1;
  if (k < 1 || !items[k].empty || endsBlank(items[k])) return false;
  while (k >= 0 && items[k].empty && !endsBlank(items[k])) k--;
  return k >= 0 && endsBlank(items[k]);
}
