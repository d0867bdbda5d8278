// kramdown inline attribute lists: `{: .cls #id key="value" ref}` — classes accumulate, the last id
// wins, other names are attributes; a bare word is a reference to an ALD (`{:ref: …}`) or a marker
// such as `toc`.
import type { Attrs } from './html.js';

export interface Ial { attrs: Attrs; refs: string[]; }

const TOKEN = /\s*(?:\.([^\s"'.#}=]+)|#([^\s"'.#}=]+)|([^\s"'=}]+)=(?:"((?:\\"|[^"])*)"|'((?:\\'|[^'])*)')|([^\s"'.#}=]+))/gy;

export function parseIal(text: string, alds: Map<string, string>, depth = 0): Ial {
  const attrs: Attrs = new Map();
  const refs: string[] = [];
  TOKEN.lastIndex = 0;
  const src = text;
  let m: RegExpExecArray | null;
  const re = new RegExp(TOKEN.source, 'g');
  while ((m = re.exec(src))) {
    if (m[1] !== undefined) attrs.set('class', attrs.has('class') ? `${attrs.get('class')} ${m[1]}` : m[1]);
    else if (m[2] !== undefined) attrs.set('id', m[2]);
    else if (m[3] !== undefined) attrs.set(m[3], (m[4] ?? m[5] ?? '').replace(/\\(["'])/g, '$1'));
    else if (m[6] !== undefined) {
      refs.push(m[6]);
      const ald = alds.get(m[6]);
      if (ald !== undefined && depth < 5) {
        const sub = parseIal(ald, alds, depth + 1);
        applyIal(attrs, sub);
      }
    }
  }
  return { attrs, refs };
}

/** Adds an IAL to existing attributes: classes are appended, everything else replaced. */
export function applyIal(target: Attrs, ial: Ial): void {
  for (const [k, v] of ial.attrs) {
    if (k === 'class' && target.has('class')) target.set('class', `${target.get('class')} ${v}`);
    else target.set(k, v);
  }
}
