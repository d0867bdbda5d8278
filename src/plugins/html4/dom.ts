// A minimal DOM for HTML that plugins rewrite after rendering (jekyll-mentions, jemoji): what
// html-pipeline gets from Nokogiri's HTML 4 parser and writes back.
export interface HElement {
  type: "element";
  name: string;
  /** Attributes in source order; a null value is a bare attribute (`<input disabled>`). */
  attrs: Array<[string, string | null]>;
  children: HNode[];
  parent: HElement | null;
}

export interface HText {
  type: "text";
  value: string;
  parent: HElement | null;
}

export interface HComment {
  type: "comment";
  value: string;
  parent: HElement | null;
}

export type HNode = HElement | HText | HComment;

export function element(name: string, attrs: Array<[string, string | null]> = [], parent: HElement | null = null): HElement {
  return { type: "element", name, attrs, children: [], parent };
}

/** Every text node below `root`, in document order (XPath `.//text()`). */
export function textNodes(root: HElement): HText[] {
  const out: HText[] = [];
  const walk = (n: HNode) => {
    if (n.type === "text") out.push(n);
    else if (n.type === "element") n.children.forEach(walk);
  };
  root.children.forEach(walk);
  return out;
}

/** Whether an element named in `names` encloses the node. */
export function hasAncestor(node: HNode, names: Set<string>): boolean {
  for (let p = node.parent; p; p = p.parent) if (names.has(p.name)) return true;
  return false;
}

/** Replaces `node` in its parent by `nodes`. */
export function replaceNode(node: HNode, nodes: HNode[]): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node);
  if (i < 0) return;
  for (const n of nodes) n.parent = parent;
  parent.children.splice(i, 1, ...nodes);
}
