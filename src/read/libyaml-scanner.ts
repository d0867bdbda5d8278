// The token rules of libyaml 0.2.5's scanner (what Psych, and so Jekyll, reads YAML with),
// re-told in TypeScript so that build-site stops where Psych stops, with its words and place.
// js-yaml follows the YAML spec; libyaml differs from it in rules of its own, and these decide
// whether a document reads at all:
//  - a "simple key" (a key without `?`) is possible only where a token starts after a line break,
//    a `-`, `?`, `[`, `{` or `,` (after any other token on its line it is not), is limited to one
//    line and 1024 characters, and is *required* at the block's own column in the block context: a
//    token there that turns out to be no key fails with "could not find expected ':'", at it;
//  - `-`, `?` and `:` (the last without a simple key before it) are refused where no simple key
//    may start ("... are not allowed in this context");
//  - a tab may separate tokens only where no simple key may start, or inside a flow collection;
//  - anchors, aliases and tags end only at whitespace or a few indicators, and a tag takes URI
//    characters only;
//  - a block scalar's header, a directive or a quoted scalar is checked as it is read.
// The scanner is lazy as libyaml's is: the parser asks for the next token, and the scanner reads
// on only as far as a pending simple key needs (so Psych, which stops after the first document,
// never sees what lies beyond the token after it).
//
// Errors carry libyaml's problem, context and the context's mark (where Psych says the error is:
// "<problem> <context> at line L column C").

export interface Mark { index: number; line: number; column: number }

export type TokenType =
  | "STREAM_START" | "STREAM_END" | "VERSION_DIRECTIVE" | "TAG_DIRECTIVE" | "DOCUMENT_START" | "DOCUMENT_END"
  | "BLOCK_SEQUENCE_START" | "BLOCK_MAPPING_START" | "BLOCK_END" | "FLOW_SEQUENCE_START" | "FLOW_SEQUENCE_END"
  | "FLOW_MAPPING_START" | "FLOW_MAPPING_END" | "BLOCK_ENTRY" | "FLOW_ENTRY" | "KEY" | "VALUE" | "ALIAS" | "ANCHOR"
  | "TAG" | "SCALAR";

export type ScalarStyle = "plain" | "single" | "double" | "literal" | "folded";

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Anchor or alias name, scalar value, tag suffix, %TAG prefix. */
  value?: string;
  /** Tag handle (`!`, `!!`, `!x!`; "" for a verbatim tag), %TAG handle. */
  handle?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

/** A libyaml scanner or parser error: Psych prints `${problem} ${context} at line ${mark.line + 1} column ${mark.column + 1}`. */
export class LibyamlSyntaxError extends Error {
  constructor(readonly problem: string, readonly context: string | null, readonly mark: Mark) {
    super(context ? `${problem} ${context}` : problem);
  }
}

/** Input the scanner gives no opinion on (a character libyaml's reader refuses, nesting past the bound). */
export class LibyamlUnsupported extends Error {}

interface SimpleKey { possible: boolean; required: boolean; tokenNumber: number; mark: Mark }

const isBreakChar = (c: string) => c === "\n" || c === "\r" || c === "\u0085" || c === "\u2028" || c === "\u2029";
const isBlankChar = (c: string) => c === " " || c === "\t";
/** libyaml's IS_ALPHA: the characters of anchor names, directive names and tag handles. */
const isAlphaChar = (c: string) => /^[0-9A-Za-z_-]$/.test(c);
const isHexChar = (c: string) => /^[0-9A-Fa-f]$/.test(c);
/** The characters of a tag's URI (a verbatim tag `!<…>` also takes `,`, `[` and `]`). */
const URI_CHARS = /^[0-9A-Za-z_\-;/?:@&=+$.%!~*'()]$/;
const VERBATIM_URI_CHARS = /^[0-9A-Za-z_\-;/?:@&=+$.%!~*'(),[\]]$/;

/** Characters libyaml's reader refuses (it stops before any token: no opinion is given here). */
const REFUSED_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** The characters a quoted scalar's run of ordinary characters ends at (besides blanks and breaks). */
const FLOW_SCALAR_SPECIAL = /['"\\]/;

/** The bytes libyaml's reader takes from a string input at a time. */
const READER_CHUNK = 16384;

/** Flow collections nested deeper than this: no opinion (libyaml has no bound; the checks are per level). */
const MAX_FLOW_LEVEL = 10000;

export class LibyamlScanner {
  private pos = 0;
  private mark: Mark = { index: 0, line: 0, column: 0 };
  private readonly tokens: Token[] = [];
  private head = 0;
  private tokensParsed = 0;
  private streamStartProduced = false;
  private streamEndProduced = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private flowLevel = 0;

  constructor(private readonly text: string) {
    const refused = text.search(REFUSED_CHARS);
    if (refused >= 0) {
      // libyaml's reader decodes the input 16 KB at a time and refuses a control character as it
      // decodes it (a reader error names no place: Psych says line 1 column 1). In the first 16 KB
      // that is before any token; further on it depends on how far the parser reads: no opinion.
      if (Buffer.byteLength(text.slice(0, refused), "utf8") < READER_CHUNK) throw new LibyamlSyntaxError("control characters are not allowed", null, { index: 0, line: 0, column: 0 });
      throw new LibyamlUnsupported("a character libyaml's reader refuses, past its first read");
    }
    // (A byte order mark stays in the input: Psych names the input's encoding, so libyaml's reader
    // never looks for one. The scanner skips it at a line's start as it skips a space: it counts
    // as a column, and a key after it is at column 1.)
  }

  /** The next token, without taking it. */
  peek(): Token {
    this.fetchMoreTokens();
    return this.tokens[this.head]!;
  }

  /** Takes the token peek() returned. */
  skip(): void {
    this.head++;
    this.tokensParsed++;
    if (this.head > 256 && this.head * 2 > this.tokens.length) {
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
  }

  /** The text offset of a mark. */
  offsetOf(mark: Mark): number {
    return mark.index;
  }

  // --- characters -------------------------------------------------------------------------

  private ch(k = 0): string {
    return this.text[this.pos + k] ?? "\0";
  }
  private isZ(k = 0): boolean { return this.pos + k >= this.text.length; }
  private isBreak(k = 0): boolean { return isBreakChar(this.ch(k)); }
  private isBlank(k = 0): boolean { return isBlankChar(this.ch(k)); }
  private isBreakz(k = 0): boolean { return this.isBreak(k) || this.isZ(k); }
  private isBlankz(k = 0): boolean { return this.isBlank(k) || this.isBreakz(k); }

  private copyMark(): Mark { return { index: this.mark.index, line: this.mark.line, column: this.mark.column }; }

  private skipChar(): void {
    this.pos++;
    this.mark.index++;
    this.mark.column++;
  }

  private skipLine(): void {
    if (this.ch() === "\r" && this.ch(1) === "\n") {
      this.pos += 2;
      this.mark.index += 2;
    } else if (this.isBreak()) {
      this.pos++;
      this.mark.index++;
    } else return;
    this.mark.column = 0;
    this.mark.line++;
  }

  private read(): string {
    const c = this.ch();
    this.skipChar();
    return c;
  }

  /** A line break, normalised as libyaml does (CR LF, CR, LF and NEL are "\n"; LS and PS stay). */
  private readLine(): string {
    if (!this.isBreak()) return "";
    const c = this.ch();
    this.skipLine();
    return c === "\u2028" || c === "\u2029" ? c : "\n";
  }

  private error(context: string | null, mark: Mark, problem: string): never {
    throw new LibyamlSyntaxError(problem, context, { ...mark });
  }

  // --- the token queue --------------------------------------------------------------------

  private fetchMoreTokens(): void {
    for (;;) {
      let need = this.head === this.tokens.length;
      if (!need) {
        this.staleSimpleKeys();
        need = this.simpleKeys.some((k) => k.possible && k.tokenNumber === this.tokensParsed);
      }
      if (!need) return;
      this.fetchNextToken();
    }
  }

  private enqueue(token: Token): void {
    this.tokens.push(token);
  }

  private insertAt(number: number, token: Token): void {
    this.tokens.splice(this.head + number - this.tokensParsed, 0, token);
  }

  private fetchNextToken(): void {
    if (this.streamEndProduced) {
      // The parser never asks past STREAM-END; answer it again rather than loop.
      this.enqueue({ type: "STREAM_END", start: this.copyMark(), end: this.copyMark() });
      return;
    }
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.staleSimpleKeys();
    this.unrollIndent(this.mark.column);
    const c = this.ch();
    if (this.isZ()) return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === "%") return this.fetchDirective();
    if (this.mark.column === 0 && this.isBlankz(3)) {
      const three = this.text.slice(this.pos, this.pos + 3);
      if (three === "---") return this.fetchDocumentIndicator("DOCUMENT_START");
      if (three === "...") return this.fetchDocumentIndicator("DOCUMENT_END");
    }
    if (c === "[") return this.fetchFlowCollectionStart("FLOW_SEQUENCE_START");
    if (c === "{") return this.fetchFlowCollectionStart("FLOW_MAPPING_START");
    if (c === "]") return this.fetchFlowCollectionEnd("FLOW_SEQUENCE_END");
    if (c === "}") return this.fetchFlowCollectionEnd("FLOW_MAPPING_END");
    if (c === ",") return this.fetchFlowEntry();
    if (c === "-" && this.isBlankz(1)) return this.fetchBlockEntry();
    if (c === "?" && (this.flowLevel > 0 || this.isBlankz(1))) return this.fetchKey();
    if (c === ":" && (this.flowLevel > 0 || this.isBlankz(1))) return this.fetchValue();
    if (c === "*") return this.fetchAnchor("ALIAS");
    if (c === "&") return this.fetchAnchor("ANCHOR");
    if (c === "!") return this.fetchTag();
    if (c === "|" && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === ">" && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    // A plain scalar starts with any other non-blank character, and with `-` before a
    // non-blank, or (in the block context) `?` or `:` before a non-blank.
    if (!(this.isBlankz() || "-?:,[]{}#&*!|>'\"%@`".includes(c))
      || (c === "-" && !this.isBlank(1))
      || (this.flowLevel === 0 && (c === "?" || c === ":") && !this.isBlankz(1))) {
      return this.fetchPlainScalar();
    }
    this.error("while scanning for the next token", this.mark, "found character that cannot start any token");
  }

  private scanToNextToken(): void {
    for (;;) {
      if (this.mark.column === 0 && this.ch() === "\uFEFF") this.skipChar();
      // A tab separates tokens only where no simple key may start (or in a flow collection).
      while (this.ch() === " " || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === "\t")) this.skipChar();
      if (this.ch() === "#") while (!this.isBreakz()) this.skipChar();
      if (!this.isBreak()) return;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  // --- simple keys and indentation --------------------------------------------------------

  /** A possible simple key stops being one past its line or 1024 characters; a required one is then an error. */
  private staleSimpleKeys(): void {
    for (const key of this.simpleKeys) {
      if (key.possible && (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index)) {
        if (key.required) this.error("while scanning a simple key", key.mark, "could not find expected ':'");
        key.possible = false;
      }
    }
  }

  private saveSimpleKey(): void {
    // Required where the block context's indentation equals the token's column.
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (!this.simpleKeyAllowed) return;
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = {
      possible: true,
      required,
      tokenNumber: this.tokensParsed + this.tokens.length - this.head,
      mark: this.copyMark(),
    };
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible && key.required) this.error("while scanning a simple key", key.mark, "could not find expected ':'");
    key.possible = false;
  }

  private increaseFlowLevel(): void {
    if (this.flowLevel >= MAX_FLOW_LEVEL) throw new LibyamlUnsupported("flow collections nested too deep");
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.flowLevel++;
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      this.simpleKeys.pop();
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    const token: Token = { type, start: { ...mark }, end: { ...mark } };
    if (number === -1) this.enqueue(token);
    else this.insertAt(number, token);
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.enqueue({ type: "BLOCK_END", start: this.copyMark(), end: this.copyMark() });
      this.indent = this.indents.pop()!;
    }
  }

  // --- fetchers ---------------------------------------------------------------------------

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.enqueue({ type: "STREAM_START", start: this.copyMark(), end: this.copyMark() });
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.streamEndProduced = true;
    this.enqueue({ type: "STREAM_END", start: this.copyMark(), end: this.copyMark() });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.enqueue(this.scanDirective());
  }

  /** An indicator of `length` characters at the mark becomes a token of `type`. */
  private takeIndicator(type: TokenType, length = 1): void {
    const start = this.copyMark();
    for (let i = 0; i < length; i++) this.skipChar();
    this.enqueue({ type, start, end: this.copyMark() });
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.takeIndicator(type, 3);
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.takeIndicator(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.takeIndicator(type);
  }

  /**
   * A `-`, `?` or `:` in the block context: refused where no simple key may start (`problem`),
   * else it may open a collection of `type` at its column. (In a flow collection nothing is done.)
   */
  private blockIndicator(problem: string, type: TokenType): void {
    if (this.flowLevel !== 0) return;
    if (!this.simpleKeyAllowed) this.error(null, this.mark, problem);
    this.rollIndent(this.mark.column, -1, type, this.mark);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.takeIndicator("FLOW_ENTRY");
  }

  private fetchBlockEntry(): void {
    this.blockIndicator("block sequence entries are not allowed in this context", "BLOCK_SEQUENCE_START");
    // (In a flow collection the parser reports the `-`, where it can name the collection.)
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.takeIndicator("BLOCK_ENTRY");
  }

  private fetchKey(): void {
    this.blockIndicator("mapping keys are not allowed in this context", "BLOCK_MAPPING_START");
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.takeIndicator("KEY");
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible) {
      // The saved simple key becomes a KEY token (and, at a new column, a mapping's start) before it.
      this.insertAt(key.tokenNumber, { type: "KEY", start: { ...key.mark }, end: { ...key.mark } });
      this.rollIndent(key.mark.column, key.tokenNumber, "BLOCK_MAPPING_START", key.mark);
      key.possible = false;
      this.simpleKeyAllowed = false;
    } else {
      this.blockIndicator("mapping values are not allowed in this context", "BLOCK_MAPPING_START");
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.takeIndicator("VALUE");
  }

  private fetchAnchor(type: "ANCHOR" | "ALIAS"): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    this.skipChar();
    let name = "";
    while (isAlphaChar(this.ch()) && !this.isZ()) name += this.read();
    // A name ends only at whitespace or `?`, `:`, `,`, `]`, `}`, `%`, `@`, a backquote.
    if (!name || !(this.isBlankz() || "?:,]}%@`".includes(this.ch()))) {
      this.error(type === "ANCHOR" ? "while scanning an anchor" : "while scanning an alias", start, "did not find expected alphabetic or numeric character");
    }
    this.enqueue({ type, start, end: this.copyMark(), value: name });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.copyMark();
    let handle: string;
    let suffix: string;
    if (this.ch(1) === "<") {
      handle = "";
      this.skipChar();
      this.skipChar();
      suffix = this.scanTagUri(true, false, null, start);
      if (this.ch() !== ">") this.error("while scanning a tag", start, "did not find the expected '>'");
      this.skipChar();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.startsWith("!") && handle.endsWith("!")) {
        suffix = this.scanTagUri(false, false, null, start);
      } else {
        // `!t`: the handle `!`, the suffix `t`; `!` alone: no handle, the suffix `!`.
        suffix = this.scanTagUri(false, false, handle, start);
        handle = "!";
        if (suffix === "") {
          handle = "";
          suffix = "!";
        }
      }
    }
    // A tag ends at whitespace (or, in a flow collection, at `,`).
    if (!this.isBlankz() && !(this.flowLevel > 0 && this.ch() === ",")) {
      this.error("while scanning a tag", start, "did not find expected whitespace or line break");
    }
    this.enqueue({ type: "TAG", start, end: this.copyMark(), handle, value: suffix });
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    if (this.ch() !== "!") {
      this.error(directive ? "while scanning a tag directive" : "while scanning a tag", start, "did not find expected '!'");
    }
    let handle = this.read();
    while (isAlphaChar(this.ch()) && !this.isZ()) handle += this.read();
    if (this.ch() === "!") handle += this.read();
    else if (directive && handle !== "!") this.error("while parsing a tag directive", start, "did not find expected '!'");
    return handle;
  }

  private scanTagUri(verbatim: boolean, directive: boolean, head: string | null, start: Mark): string {
    // The head (a tag handle read before: `!t` is read as the handle `!t`, then no more) minus its `!`.
    let uri = head && head.length > 1 ? head.slice(1) : "";
    let length = head ? head.length : 0;
    const chars = verbatim ? VERBATIM_URI_CHARS : URI_CHARS;
    while (!this.isZ() && chars.test(this.ch())) {
      if (this.ch() === "%") uri += this.scanUriEscapes(directive, start);
      else uri += this.read();
      length++;
    }
    if (length === 0) this.error(directive ? "while parsing a %TAG directive" : "while parsing a tag", start, "did not find expected tag URI");
    return uri;
  }

  private scanUriEscapes(directive: boolean, start: Mark): string {
    const context = directive ? "while parsing a %TAG directive" : "while parsing a tag";
    const bytes: number[] = [];
    let width = 0;
    do {
      if (!(this.ch() === "%" && isHexChar(this.ch(1)) && isHexChar(this.ch(2)))) this.error(context, start, "did not find URI escaped octet");
      const octet = parseInt(this.ch(1) + this.ch(2), 16);
      if (!width) {
        width = (octet & 0x80) === 0 ? 1 : (octet & 0xE0) === 0xC0 ? 2 : (octet & 0xF0) === 0xE0 ? 3 : (octet & 0xF8) === 0xF0 ? 4 : 0;
        if (!width) this.error(context, start, "found an incorrect leading UTF-8 octet");
      } else if ((octet & 0xC0) !== 0x80) {
        this.error(context, start, "found an incorrect trailing UTF-8 octet");
      }
      bytes.push(octet);
      this.skipChar();
      this.skipChar();
      this.skipChar();
    } while (--width);
    return Buffer.from(bytes).toString("utf8");
  }

  private scanDirective(): Token {
    const start = this.copyMark();
    this.skipChar();
    let name = "";
    while (isAlphaChar(this.ch()) && !this.isZ()) name += this.read();
    if (!name) this.error("while scanning a directive", start, "could not find expected directive name");
    if (!this.isBlankz()) this.error("while scanning a directive", start, "found unexpected non-alphabetical character");
    let token: Token;
    if (name === "YAML") {
      while (this.isBlank()) this.skipChar();
      const major = this.scanVersionNumber(start);
      if (this.ch() !== ".") this.error("while scanning a %YAML directive", start, "did not find expected digit or '.' character");
      this.skipChar();
      const minor = this.scanVersionNumber(start);
      token = { type: "VERSION_DIRECTIVE", start, end: this.copyMark(), major, minor };
    } else if (name === "TAG") {
      while (this.isBlank()) this.skipChar();
      const handle = this.scanTagHandle(true, start);
      if (!this.isBlank()) this.error("while scanning a %TAG directive", start, "did not find expected whitespace");
      while (this.isBlank()) this.skipChar();
      const prefix = this.scanTagUri(true, true, null, start);
      if (!this.isBlankz()) this.error("while scanning a %TAG directive", start, "did not find expected whitespace or line break");
      token = { type: "TAG_DIRECTIVE", start, end: this.copyMark(), handle, value: prefix };
    } else {
      this.error("while scanning a directive", start, "found unknown directive name");
    }
    while (this.isBlank()) this.skipChar();
    if (this.ch() === "#") while (!this.isBreakz()) this.skipChar();
    if (!this.isBreakz()) this.error("while scanning a directive", start, "did not find expected comment or line break");
    this.skipLine();
    return token;
  }

  private scanVersionNumber(start: Mark): number {
    let digits = "";
    while (/^[0-9]$/.test(this.ch())) {
      if (digits.length >= 9) this.error("while scanning a %YAML directive", start, "found extremely long version number");
      digits += this.read();
    }
    if (!digits) this.error("while scanning a %YAML directive", start, "did not find expected version number");
    return Number(digits);
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.enqueue(this.scanBlockScalar(literal));
  }

  private scanBlockScalar(literal: boolean): Token {
    const context = "while scanning a block scalar";
    const start = this.copyMark();
    this.skipChar();
    let chomping = 0;
    let increment = 0;
    const c = this.ch();
    if (c === "+" || c === "-") {
      chomping = c === "+" ? 1 : -1;
      this.skipChar();
      if (/^[0-9]$/.test(this.ch())) {
        if (this.ch() === "0") this.error(context, start, "found an indentation indicator equal to 0");
        increment = Number(this.ch());
        this.skipChar();
      }
    } else if (/^[0-9]$/.test(c)) {
      if (c === "0") this.error(context, start, "found an indentation indicator equal to 0");
      increment = Number(c);
      this.skipChar();
      if (this.ch() === "+" || this.ch() === "-") {
        chomping = this.ch() === "+" ? 1 : -1;
        this.skipChar();
      }
    }
    while (this.isBlank()) this.skipChar();
    if (this.ch() === "#") while (!this.isBreakz()) this.skipChar();
    if (!this.isBreakz()) this.error(context, start, "did not find expected comment or line break");
    if (this.isBreak()) this.skipLine();
    let end = this.copyMark();
    // An indentation indicator counts from the block's indentation (at the root, -1: from 0).
    let indent = increment ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    let value = "";
    let leadingBreak = "";
    let trailingBreaks = "";
    let leadingBlank = false;
    const breaks = (): void => {
      let maxIndent = 0;
      end = this.copyMark();
      for (;;) {
        while ((!indent || this.mark.column < indent) && this.ch() === " ") this.skipChar();
        if (this.mark.column > maxIndent) maxIndent = this.mark.column;
        if ((!indent || this.mark.column < indent) && this.ch() === "\t") {
          this.error(context, start, "found a tab character where an indentation space is expected");
        }
        if (!this.isBreak()) break;
        trailingBreaks += this.readLine();
        end = this.copyMark();
      }
      if (!indent) indent = Math.max(maxIndent, this.indent + 1, 1);
    };
    breaks();
    while (this.mark.column === indent && !this.isZ()) {
      const trailingBlank = this.isBlank();
      if (!literal && leadingBreak.startsWith("\n") && !leadingBlank && !trailingBlank) {
        if (!trailingBreaks) value += " ";
        leadingBreak = "";
      } else {
        value += leadingBreak;
        leadingBreak = "";
      }
      value += trailingBreaks;
      trailingBreaks = "";
      leadingBlank = this.isBlank();
      const from = this.pos;
      while (!this.isBreakz()) this.skipChar();
      value += this.text.slice(from, this.pos);
      leadingBreak = this.readLine();
      breaks();
    }
    if (chomping !== -1) value += leadingBreak;
    if (chomping === 1) value += trailingBreaks;
    return { type: "SCALAR", start, end, value, style: literal ? "literal" : "folded" };
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.enqueue(this.scanFlowScalar(single));
  }

  private documentIndicatorHere(): boolean {
    if (this.mark.column !== 0 || !this.isBlankz(3)) return false;
    const three = this.text.slice(this.pos, this.pos + 3);
    return three === "---" || three === "...";
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.copyMark();
    this.skipChar();
    let value = "";
    let leadingBreak = "";
    let trailingBreaks = "";
    let whitespaces = "";
    for (;;) {
      if (this.documentIndicatorHere()) this.error("while scanning a quoted scalar", start, "found unexpected document indicator");
      if (this.isZ()) this.error("while scanning a quoted scalar", start, "found unexpected end of stream");
      let leadingBlanks = false;
      while (!this.isBlankz()) {
        const c = this.ch();
        if (single && c === "'" && this.ch(1) === "'") {
          value += "'";
          this.skipChar();
          this.skipChar();
        } else if (c === (single ? "'" : '"')) {
          break;
        } else if (!single && c === "\\" && this.isBreak(1)) {
          this.skipChar();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === "\\") {
          value += this.scanEscape(start);
        } else {
          // (A run of ordinary characters is taken in one piece.)
          const from = this.pos;
          do this.skipChar();
          while (!this.isBlankz() && !FLOW_SCALAR_SPECIAL.test(this.ch()));
          value += this.text.slice(from, this.pos);
        }
      }
      if (this.ch() === (single ? "'" : '"')) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (!leadingBlanks) whitespaces += this.read();
          else this.skipChar();
        } else if (!leadingBlanks) {
          whitespaces = "";
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readLine();
        }
      }
      if (leadingBlanks) {
        if (leadingBreak.startsWith("\n")) {
          value += trailingBreaks ? trailingBreaks : " ";
        } else {
          value += leadingBreak + trailingBreaks;
        }
        leadingBreak = "";
        trailingBreaks = "";
      } else {
        value += whitespaces;
        whitespaces = "";
      }
    }
    this.skipChar();
    return { type: "SCALAR", start, end: this.copyMark(), value, style: single ? "single" : "double" };
  }

  private scanEscape(start: Mark): string {
    const context = "while parsing a quoted scalar";
    const SIMPLE: Record<string, string> = {
      "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
      " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
    };
    const c = this.ch(1);
    const width = c === "x" ? 2 : c === "u" ? 4 : c === "U" ? 8 : 0;
    if (!width && !(c in SIMPLE)) this.error(context, start, "found unknown escape character");
    this.skipChar();
    this.skipChar();
    if (!width) return SIMPLE[c]!;
    let code = 0;
    for (let k = 0; k < width; k++) {
      if (!isHexChar(this.ch(k))) this.error(context, start, "did not find expected hexdecimal number");
      code = code * 16 + parseInt(this.ch(k), 16);
    }
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) this.error(context, start, "found invalid Unicode character escape code");
    for (let k = 0; k < width; k++) this.skipChar();
    return String.fromCodePoint(code);
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.enqueue(this.scanPlainScalar());
  }

  private scanPlainScalar(): Token {
    const start = this.copyMark();
    let end = this.copyMark();
    const indent = this.indent + 1;
    let value = "";
    let leadingBreak = "";
    let trailingBreaks = "";
    let whitespaces = "";
    let leadingBlanks = false;
    for (;;) {
      if (this.documentIndicatorHere()) break;
      if (this.ch() === "#") break;
      let read = false;
      let runStart = this.pos;
      while (!this.isBlankz()) {
        const c = this.ch();
        // In a flow collection `:` before `,`, `?`, a bracket or a brace is refused.
        if (this.flowLevel > 0 && c === ":" && ",?[]{}".includes(this.ch(1)) && !this.isZ(1)) {
          this.error("while scanning a plain scalar", start, "found unexpected ':'");
        }
        if ((c === ":" && this.isBlankz(1)) || (this.flowLevel > 0 && ",[]{}".includes(c))) break;
        if (leadingBlanks || whitespaces) {
          if (leadingBlanks) {
            if (leadingBreak.startsWith("\n")) value += trailingBreaks ? trailingBreaks : " ";
            else value += leadingBreak + trailingBreaks;
            leadingBreak = "";
            trailingBreaks = "";
            leadingBlanks = false;
          } else {
            value += whitespaces;
            whitespaces = "";
          }
        }
        if (!read) runStart = this.pos;
        this.skipChar();
        read = true;
      }
      if (read) {
        value += this.text.slice(runStart, this.pos);
        end = this.copyMark();
      }
      if (!(this.isBlank() || this.isBreak())) break;
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          // A tab left of the block's indentation, on a line the scalar continues on.
          if (leadingBlanks && this.mark.column < indent && this.ch() === "\t") {
            this.error("while scanning a plain scalar", start, "found a tab character that violates indentation");
          }
          if (!leadingBlanks) whitespaces += this.read();
          else this.skipChar();
        } else if (!leadingBlanks) {
          whitespaces = "";
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readLine();
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    // A plain scalar that ran over a line break leaves a simple key possible after it.
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: "SCALAR", start, end, value, style: "plain" };
  }
}
