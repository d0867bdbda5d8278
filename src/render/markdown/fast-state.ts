// Cheaper token and parser-state construction for markdown-it, with identical results.
//
// Why: markdown-it 15's published build initialises every class field through a shared helper
// (`_defineProperty(this, "map", null)`, emitted by its bundler): an `in` test and a keyed store
// with a variable key, per field. The helper sees many classes and field names, so V8 cannot
// specialise those stores and each one takes the slow path. A Token has 13 fields, a StateInline
// 12 and a StateBlock 13; a 1,000-post build makes ~95,000 tokens and ~15,000 inline states, and
// the helper was the largest self-time entry of the Markdown profile (~20 % of a warm conversion).
//
// What: constructors that build the very same objects — the same own properties, in the same
// order, with the same prototype (so `instanceof`, `attrGet` and friends are markdown-it's own) —
// with plain `this.x = …` stores, installed on one MarkdownIt instance only (`md.block.State`,
// `md.inline.State`, markdown-it's documented hooks for its state classes). The states' `push` /
// `pushPending`, which construct tokens with markdown-it's module-private Token class, are
// re-stated with the fast one; their bodies follow markdown-it 15.0.3 line for line.
//
// Safety: `installFastState` first builds one token and one state of each kind both ways and
// compares their fields (names, order, values); if markdown-it ever changes them, it installs
// nothing and markdown-it's own classes are used (correct, only slower). The unit test
// (test/unit/markdown/fast-state.test.ts) fails in that case, and compares whole token streams.
import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it';

type TokenCtor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/** markdown-it's Token class (module-private; every state carries it as `state.Token`). */
function tokenClassOf(md: MarkdownIt): TokenCtor {
  return new md.core.State('', md, {}).Token as unknown as TokenCtor;
}

function makeFastToken(TokenClass: TokenCtor): TokenCtor {
  // Same fields in the same order as markdown-it's Token constructor.
  function FastToken(this: any, type: string, tag: string, nesting: number) {
    this.map = null;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.block = false;
    this.hidden = false;
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.nesting = nesting;
    this.meta = null;
  }
  FastToken.prototype = TokenClass.prototype;
  return FastToken as unknown as TokenCtor;
}

function makeFastStateBlock(Base: any, FastToken: TokenCtor): any {
  function FastStateBlock(this: any, src: string, md: MarkdownIt, env: any, tokens: Token[]) {
    this.bMarks = [];
    this.eMarks = [];
    this.tShift = [];
    this.sCount = [];
    this.bsCount = [];
    this.blkIndent = 0;
    this.line = 0;
    this.lineMax = 0;
    this.tight = false;
    this.listIndent = -1;
    this.parentType = 'root';
    this.level = 0;
    this.Token = FastToken;
    this.src = src;
    this.md = md;
    this.env = env;
    this.tokens = tokens;
    // Line marks as markdown-it's StateBlock computes them, but with indexOf for the line ends
    // instead of a test per character (the same arrays; this runs over every document's text).
    // markdown-it's loop never records a last line that is only spaces/tabs without a newline.
    const s = src;
    const len = s.length;
    let start = 0;
    while (start < len) {
      let pos = start;
      let indent = 0;
      let offset = 0;
      for (; pos < len; pos++) {
        const ch = s.charCodeAt(pos);
        if (ch === 0x20) offset++;
        else if (ch === 0x09) offset += 4 - (offset % 4);
        else break;
        indent++;
      }
      if (pos >= len) break;
      const nl = s.indexOf('\n', pos);
      const end = nl < 0 ? len : nl;
      this.bMarks.push(start);
      this.eMarks.push(end);
      this.tShift.push(indent);
      this.sCount.push(offset);
      this.bsCount.push(0);
      start = end + 1;
    }
    this.bMarks.push(s.length);
    this.eMarks.push(s.length);
    this.tShift.push(0);
    this.sCount.push(0);
    this.bsCount.push(0);
    this.lineMax = this.bMarks.length - 1;
  }
  const proto = Object.create(Base.prototype);
  proto.push = function push(this: StateBlock, type: string, tag: string, nesting: -1 | 0 | 1): Token {
    const token = new FastToken(type, tag, nesting);
    token.block = true;
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  };
  FastStateBlock.prototype = proto;
  return FastStateBlock;
}

function makeFastStateInline(Base: any, FastToken: TokenCtor): any {
  function FastStateInline(this: any, src: string, md: MarkdownIt, env: any, outTokens: Token[]) {
    this.pos = 0;
    this.level = 0;
    this.pending = '';
    this.pendingLevel = 0;
    this.cache = {};
    this.backticks = {};
    this.backticksScanned = false;
    this.skipHtmlSpecial = false;
    this.linkLevel = 0;
    this.delimiters = [];
    this._prev_delimiters = [];
    this.Token = FastToken;
    this.src = src;
    this.env = env;
    this.md = md;
    this.tokens = outTokens;
    this.tokens_meta = Array(outTokens.length);
    this.posMax = src.length;
  }
  const proto = Object.create(Base.prototype);
  proto.pushPending = function pushPending(this: StateInline): Token {
    const token = new FastToken('text', '', 0);
    token.content = this.pending;
    token.level = this.pendingLevel;
    this.tokens.push(token);
    this.pending = '';
    return token;
  };
  proto.push = function push(this: any, type: string, tag: string, nesting: -1 | 0 | 1): Token {
    if (this.pending) this.pushPending();
    const token = new FastToken(type, tag, nesting);
    let tokenMeta;
    if (nesting < 0) {
      this.level--;
      this.delimiters = this._prev_delimiters.pop();
    }
    token.level = this.level;
    if (nesting > 0) {
      this.level++;
      this._prev_delimiters.push(this.delimiters);
      this.delimiters = [];
      tokenMeta = { delimiters: this.delimiters };
    }
    this.pendingLevel = this.level;
    this.tokens.push(token);
    this.tokens_meta.push(tokenMeta);
    return token;
  };
  FastStateInline.prototype = proto;
  return FastStateInline;
}

/** Own fields as [name, value] pairs; `Token` (the class, which differs by design) by presence only. */
function shape(o: any): string {
  return JSON.stringify(Object.keys(o).map((k) => [k, k === 'Token' ? 'Token' : o[k]]), (k, v) => (k === 'md' || k === 'env' ? undefined : v));
}

/** The three constructors, built both ways on a sample, agree field for field. */
function sameShapes(md: MarkdownIt, FastToken: TokenCtor, FastBlock: any, FastInline: any): boolean {
  const TokenClass = tokenClassOf(md);
  const src = 'a\n \tb\n\n  c';
  const B = md.block.State as any;
  const I = md.inline.State as any;
  return shape(new TokenClass('x', 'p', 1)) === shape(new FastToken('x', 'p', 1)) &&
    shape(new B(src, md, {}, [])) === shape(new FastBlock(src, md, {}, [])) &&
    shape(new I(src, md, {}, [])) === shape(new FastInline(src, md, {}, [])) &&
    Object.getPrototypeOf(new B(src, md, {}, [])) === B.prototype &&
    Object.getPrototypeOf(new I(src, md, {}, [])) === I.prototype;
}

/**
 * Installs the fast constructors on `md` (this instance only). Returns false, changing nothing,
 * when markdown-it's classes are not the ones this module mirrors.
 */
export function installFastState(md: MarkdownIt): boolean {
  const FastToken = makeFastToken(tokenClassOf(md));
  const FastBlock = makeFastStateBlock(md.block.State, FastToken);
  const FastInline = makeFastStateInline(md.inline.State, FastToken);
  if (!sameShapes(md, FastToken, FastBlock, FastInline)) return false;
  (md.block as any).State = FastBlock;
  (md.inline as any).State = FastInline;
  return true;
}
