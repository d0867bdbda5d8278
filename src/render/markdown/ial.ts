// kramdown inline attribute lists: `{: .cls #id key="value" ref}` — classes accumulate, the last id
// wins, other names are attributes; a bare word is a reference to an ALD (`{:ref: …}`) or a marker
// such as `toc`.
import type { Attrs } from './html.js';

/**
 * `attrs`: what the IAL gives (its ALDs' attributes, then its own). Both parts are kept apart too, for
 * merging: kramdown collects every block IAL of an element into one list (its options[:ial]) and
 * resolves the references only once the document is parsed (update_attr_with_ial), so the ALDs of
 * all of them come before the own attributes of any (`{:.c}\na\n{:r}` with `{:r:#d}` is
 * `id="d" class="c"`).
 */
export interface Ial { attrs: Attrs; refs: string[]; fromRefs: Attrs; own: Attrs; }

/**
 * What an IAL or ALD holds between `{:` and `}` (ALD_ANY_CHARS): anything up to the first `}` not
 * escaped as `\}`, quotes included — a `}` inside a quoted value ends the list as well.
 */
export const IAL_BODY = String.raw`(?:\\\}|[^}])+`;

/**
 * kramdown's LIST_ITEM_IAL_CHECK: a list item's or definition's first line (after its marker)
 * holding nothing but an IAL, or nothing at all. Its content is then indented by 4, whatever
 * the spaces after the marker.
 */
export const ITEM_IAL_ONLY = new RegExp(String.raw`^\s*(?:\{:(?![\w-]*:|\/)${IAL_BODY}\})?\s*$`);

// kramdown's ALD_TYPE_ANY (parser/kramdown/extensions.rb): each attribute starts the list or
// follows whitespace and is followed by whitespace or the end; anything else is skipped without a
// word (`ig.nored`, `as_is#this`, a lone `-`). A quoted value runs to the first matching quote
// that is followed by whitespace or the end, and `\}` and a backslash before its own quote are
// its only escapes.
const NAME = String.raw`\w[\w-]*`;
const ID_OR_CLASS = String.raw`#([A-Za-z][\w:-]*)|\.([^\s.#]+)`;
const ATTRIBUTE = new RegExp(
  String.raw`(?:^|\s)(?:(${NAME})=(["'])((?:\\\}|\\\2|[^}])*?)\2|(${NAME})|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)`,
  'g',
);

/**
 * The attributes an IAL gives: those of the ALDs it names first, in order (each resolved the same
 * way), then its own — kramdown's update_attr_with_ial, so `{: .own ref}` puts the ALD's class
 * before `own` and the ALD's attributes first.
 */
export function parseIal(text: string, alds: Map<string, string>, depth = 0): Ial {
  const own: Attrs = new Map();
  const refs: string[] = [];
  const re = new RegExp(ATTRIBUTE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] !== undefined) {
      const quote = m[2]!;
      own.set(m[1], m[3]!.replace(quote === '"' ? /\\(\}|")/g : /\\(\}|')/g, '$1'));
    } else if (m[4] !== undefined) refs.push(m[4]);
    else if (m[5] !== undefined) {
      const parts = new RegExp(ID_OR_CLASS, 'g');
      let p: RegExpExecArray | null;
      while ((p = parts.exec(m[5]))) {
        if (p[2] !== undefined) own.set('class', own.has('class') ? `${own.get('class')} ${p[2]}` : p[2]);
        else own.set('id', p[1]!);
      }
    }
  }
  const fromRefs: Attrs = new Map();
  for (const ref of refs) {
    const ald = alds.get(ref);
    if (ald !== undefined && depth < 5) applyAttrs(fromRefs, parseIal(ald, alds, depth + 1).attrs);
  }
  const attrs = new Map(fromRefs);
  applyAttrs(attrs, own);
  return { attrs, refs, fromRefs, own };
}

/** Two block IALs of one element as one (see Ial): ALDs' attributes first, then the own ones. */
export function mergeIal(a: Ial | undefined, b: Ial): Ial {
  if (!a) return b;
  const fromRefs = new Map(a.fromRefs);
  applyAttrs(fromRefs, b.fromRefs);
  const own = new Map(a.own);
  applyAttrs(own, b.own);
  const attrs = new Map(fromRefs);
  applyAttrs(attrs, own);
  return { attrs, refs: [...a.refs, ...b.refs], fromRefs, own };
}

/** Adds an IAL to existing attributes: classes are appended, everything else replaced. */
export function applyIal(target: Attrs, ial: Ial): void {
  applyAttrs(target, ial.attrs);
}

function applyAttrs(target: Attrs, attrs: Attrs): void {
  for (const [k, v] of attrs) {
    if (k === 'class' && target.has('class')) target.set('class', `${target.get('class')} ${v}`);
    else target.set(k, v);
  }
}
