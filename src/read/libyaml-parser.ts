// libyaml 0.2.5's parser (the grammar Psych reads YAML with) over libyaml-scanner.ts's tokens, as
// far as Psych reads: Psych.safe_load takes the stream's first document and stops once the parser
// has ended it, so nothing after the token that follows the document's root node is ever scanned.
// What it tells: whether Psych reads the document at all (a LibyamlSyntaxError, in libyaml's words
// and at Psych's place: the context's mark where the error names one, else line 1 column 1, as
// Psych's exception is built from the context mark alone), and where the first document ends.
import { LibyamlScanner, LibyamlSyntaxError, LibyamlUnsupported, type Mark, type ScalarStyle, type Token, type TokenType } from "./libyaml-scanner.js";

export { LibyamlSyntaxError, LibyamlUnsupported };

export type LibyamlEvent =
  | { type: "SCALAR"; anchor?: string; tag?: string; value: string; style: ScalarStyle; start: Mark; end: Mark }
  | { type: "ALIAS"; anchor: string; start: Mark; end: Mark }
  | { type: "SEQUENCE_START" | "MAPPING_START"; anchor?: string; tag?: string; flow: boolean; start: Mark; end: Mark }
  | { type: "SEQUENCE_END" | "MAPPING_END"; start: Mark; end: Mark };

type State =
  | "IMPLICIT_DOCUMENT_START" | "DOCUMENT_START" | "DOCUMENT_CONTENT" | "DOCUMENT_END" | "BLOCK_NODE"
  | "BLOCK_SEQUENCE_FIRST_ENTRY" | "BLOCK_SEQUENCE_ENTRY" | "INDENTLESS_SEQUENCE_ENTRY" | "BLOCK_MAPPING_FIRST_KEY"
  | "BLOCK_MAPPING_KEY" | "BLOCK_MAPPING_VALUE" | "FLOW_SEQUENCE_FIRST_ENTRY" | "FLOW_SEQUENCE_ENTRY"
  | "FLOW_SEQUENCE_ENTRY_MAPPING_KEY" | "FLOW_SEQUENCE_ENTRY_MAPPING_VALUE" | "FLOW_SEQUENCE_ENTRY_MAPPING_END"
  | "FLOW_MAPPING_FIRST_KEY" | "FLOW_MAPPING_KEY" | "FLOW_MAPPING_VALUE" | "FLOW_MAPPING_EMPTY_VALUE";

/** The stream's first document as Psych reads it. */
export interface FirstDocument {
  /** The document's events (its root node's), or null for a stream with no document (Psych: nil). */
  events: LibyamlEvent[] | null;
  /** Text offset where the document ends: the start of the token after it (the text's length at the stream's end). */
  end: number;
}

const DEFAULT_TAG_HANDLES: Record<string, string> = { "!": "!", "!!": "tag:yaml.org,2002:" };

/** Events past this many: no opinion (the document is read by js-yaml's own bounded reader). */
const MAX_EVENTS = 1_000_000;

/**
 * Parses `text` as libyaml does, up to the end of its first document. Throws LibyamlSyntaxError
 * where Psych raises a syntax error, LibyamlUnsupported where this gives no opinion.
 */
export function parseFirstDocument(text: string): FirstDocument {
  const scanner = new LibyamlScanner(text);
  const states: State[] = [];
  const marks: Mark[] = [];
  let tagDirectives: Record<string, string> = {};
  const events: LibyamlEvent[] = [];
  let state: State = "IMPLICIT_DOCUMENT_START";
  let started = false;

  const parserError = (problem: string): never => {
    throw new LibyamlSyntaxError(problem, null, { index: 0, line: 0, column: 0 });
  };
  const contextError = (context: string, mark: Mark, problem: string): never => {
    throw new LibyamlSyntaxError(problem, context, mark);
  };
  const peek = () => scanner.peek();
  const is = (token: Token, a: TokenType, b: TokenType, c?: TokenType, d?: TokenType, e?: TokenType) => {
    const t = token.type;
    return t === a || t === b || t === c || t === d || t === e;
  };
  const emptyScalar = (mark: Mark) => events.push({ type: "SCALAR", value: "", style: "plain", start: mark, end: mark });

  // STREAM-START.
  scanner.peek();
  scanner.skip();

  const processDirectives = (): void => {
    let version = false;
    tagDirectives = {};
    for (let token = peek(); is(token, "VERSION_DIRECTIVE", "TAG_DIRECTIVE"); token = peek()) {
      if (token.type === "VERSION_DIRECTIVE") {
        if (version) parserError("found duplicate %YAML directive");
        if (token.major !== 1 || (token.minor !== 1 && token.minor !== 2)) parserError("found incompatible YAML document");
        version = true;
      } else {
        if (token.handle! in tagDirectives) parserError("found duplicate %TAG directive");
        tagDirectives[token.handle!] = token.value!;
      }
      scanner.skip();
    }
    for (const [handle, prefix] of Object.entries(DEFAULT_TAG_HANDLES)) if (!(handle in tagDirectives)) tagDirectives[handle] = prefix;
  };

  const parseNode = (block: boolean, indentlessSequence: boolean): void => {
    let token = peek();
    if (token.type === "ALIAS") {
      state = states.pop()!;
      events.push({ type: "ALIAS", anchor: token.value!, start: token.start, end: token.end });
      scanner.skip();
      return;
    }
    let start = token.start;
    let end = token.start;
    let anchor: string | undefined;
    let tagHandle: string | undefined;
    let tagSuffix = "";
    let tagMark = token.start;
    if (token.type === "ANCHOR") {
      anchor = token.value!;
      start = token.start;
      end = token.end;
      scanner.skip();
      token = peek();
      if (token.type === "TAG") {
        tagHandle = token.handle!;
        tagSuffix = token.value!;
        tagMark = token.start;
        end = token.end;
        scanner.skip();
        token = peek();
      }
    } else if (token.type === "TAG") {
      tagHandle = token.handle!;
      tagSuffix = token.value!;
      start = tagMark = token.start;
      end = token.end;
      scanner.skip();
      token = peek();
      if (token.type === "ANCHOR") {
        anchor = token.value!;
        end = token.end;
        scanner.skip();
        token = peek();
      }
    }
    let tag: string | undefined;
    if (tagHandle !== undefined) {
      if (tagHandle === "") tag = tagSuffix;
      else if (tagHandle in tagDirectives) tag = tagDirectives[tagHandle] + tagSuffix;
      else contextError("while parsing a node", start, "found undefined tag handle");
    }
    void tagMark;
    if (indentlessSequence && token.type === "BLOCK_ENTRY") {
      state = "INDENTLESS_SEQUENCE_ENTRY";
      events.push({ type: "SEQUENCE_START", anchor, tag, flow: false, start, end: token.end });
      return;
    }
    if (token.type === "SCALAR") {
      state = states.pop()!;
      events.push({ type: "SCALAR", anchor, tag, value: token.value!, style: token.style!, start, end: token.end });
      scanner.skip();
    } else if (token.type === "FLOW_SEQUENCE_START") {
      state = "FLOW_SEQUENCE_FIRST_ENTRY";
      events.push({ type: "SEQUENCE_START", anchor, tag, flow: true, start, end: token.end });
    } else if (token.type === "FLOW_MAPPING_START") {
      state = "FLOW_MAPPING_FIRST_KEY";
      events.push({ type: "MAPPING_START", anchor, tag, flow: true, start, end: token.end });
    } else if (block && token.type === "BLOCK_SEQUENCE_START") {
      state = "BLOCK_SEQUENCE_FIRST_ENTRY";
      events.push({ type: "SEQUENCE_START", anchor, tag, flow: false, start, end: token.end });
    } else if (block && token.type === "BLOCK_MAPPING_START") {
      state = "BLOCK_MAPPING_FIRST_KEY";
      events.push({ type: "MAPPING_START", anchor, tag, flow: false, start, end: token.end });
    } else if (anchor !== undefined || tag !== undefined) {
      // Properties with nothing after them: an empty plain scalar.
      state = states.pop()!;
      events.push({ type: "SCALAR", anchor, tag, value: "", style: "plain", start, end });
    } else {
      contextError(block ? "while parsing a block node" : "while parsing a flow node", start, "did not find expected node content");
    }
  };

  for (let steps = 0; ; steps++) {
    if (events.length > MAX_EVENTS || steps > 4 * MAX_EVENTS) throw new LibyamlUnsupported("too many events");
    const token = peek();
    switch (state) {
      case "IMPLICIT_DOCUMENT_START":
      case "DOCUMENT_START": {
        let t = token;
        if (state === "DOCUMENT_START") {
          while (t.type === "DOCUMENT_END") {
            scanner.skip();
            t = peek();
          }
        }
        if (state === "IMPLICIT_DOCUMENT_START" && !is(t, "VERSION_DIRECTIVE", "TAG_DIRECTIVE", "DOCUMENT_START", "STREAM_END")) {
          processDirectives();
          states.push("DOCUMENT_END");
          state = "BLOCK_NODE";
        } else if (t.type !== "STREAM_END") {
          processDirectives();
          const start = peek();
          if (start.type !== "DOCUMENT_START") parserError("did not find expected <document start>");
          states.push("DOCUMENT_END");
          state = "DOCUMENT_CONTENT";
          scanner.skip();
        } else {
          return { events: null, end: scanner.offsetOf(t.start) };
        }
        started = true;
        break;
      }
      case "DOCUMENT_CONTENT":
        if (is(token, "VERSION_DIRECTIVE", "TAG_DIRECTIVE", "DOCUMENT_START", "DOCUMENT_END", "STREAM_END")) {
          state = states.pop()!;
          emptyScalar(token.start);
        } else {
          parseNode(true, false);
        }
        break;
      case "DOCUMENT_END":
        // Psych's handler takes the document here and stops the parse.
        void started;
        return { events, end: scanner.offsetOf(token.start) };
      case "BLOCK_NODE":
        parseNode(true, false);
        break;
      case "BLOCK_SEQUENCE_FIRST_ENTRY":
      case "BLOCK_SEQUENCE_ENTRY": {
        let t = token;
        if (state === "BLOCK_SEQUENCE_FIRST_ENTRY") {
          marks.push(t.start);
          scanner.skip();
          t = peek();
        }
        if (t.type === "BLOCK_ENTRY") {
          const mark = t.end;
          scanner.skip();
          t = peek();
          if (!is(t, "BLOCK_ENTRY", "BLOCK_END")) {
            states.push("BLOCK_SEQUENCE_ENTRY");
            parseNode(true, false);
          } else {
            state = "BLOCK_SEQUENCE_ENTRY";
            emptyScalar(mark);
          }
        } else if (t.type === "BLOCK_END") {
          state = states.pop()!;
          marks.pop();
          events.push({ type: "SEQUENCE_END", start: t.start, end: t.end });
          scanner.skip();
        } else {
          contextError("while parsing a block collection", marks.pop()!, "did not find expected '-' indicator");
        }
        break;
      }
      case "INDENTLESS_SEQUENCE_ENTRY": {
        if (token.type === "BLOCK_ENTRY") {
          const mark = token.end;
          scanner.skip();
          const t = peek();
          if (!is(t, "BLOCK_ENTRY", "KEY", "VALUE", "BLOCK_END")) {
            states.push("INDENTLESS_SEQUENCE_ENTRY");
            parseNode(true, false);
          } else {
            emptyScalar(mark);
          }
        } else {
          state = states.pop()!;
          events.push({ type: "SEQUENCE_END", start: token.start, end: token.start });
        }
        break;
      }
      case "BLOCK_MAPPING_FIRST_KEY":
      case "BLOCK_MAPPING_KEY": {
        let t = token;
        if (state === "BLOCK_MAPPING_FIRST_KEY") {
          marks.push(t.start);
          scanner.skip();
          t = peek();
        }
        if (t.type === "KEY") {
          const mark = t.end;
          scanner.skip();
          t = peek();
          if (!is(t, "KEY", "VALUE", "BLOCK_END")) {
            states.push("BLOCK_MAPPING_VALUE");
            parseNode(true, true);
          } else {
            state = "BLOCK_MAPPING_VALUE";
            emptyScalar(mark);
          }
        } else if (t.type === "BLOCK_END") {
          state = states.pop()!;
          marks.pop();
          events.push({ type: "MAPPING_END", start: t.start, end: t.end });
          scanner.skip();
        } else {
          contextError("while parsing a block mapping", marks.pop()!, "did not find expected key");
        }
        break;
      }
      case "BLOCK_MAPPING_VALUE": {
        if (token.type === "VALUE") {
          const mark = token.end;
          scanner.skip();
          const t = peek();
          if (!is(t, "KEY", "VALUE", "BLOCK_END")) {
            states.push("BLOCK_MAPPING_KEY");
            parseNode(true, true);
          } else {
            state = "BLOCK_MAPPING_KEY";
            emptyScalar(mark);
          }
        } else {
          state = "BLOCK_MAPPING_KEY";
          emptyScalar(token.start);
        }
        break;
      }
      case "FLOW_SEQUENCE_FIRST_ENTRY":
      case "FLOW_SEQUENCE_ENTRY": {
        const first = state === "FLOW_SEQUENCE_FIRST_ENTRY";
        let t = token;
        if (first) {
          marks.push(t.start);
          scanner.skip();
          t = peek();
        }
        if (t.type !== "FLOW_SEQUENCE_END") {
          if (!first) {
            if (t.type === "FLOW_ENTRY") {
              scanner.skip();
              t = peek();
            } else {
              contextError("while parsing a flow sequence", marks.pop()!, "did not find expected ',' or ']'");
            }
          }
          if (t.type === "KEY") {
            state = "FLOW_SEQUENCE_ENTRY_MAPPING_KEY";
            events.push({ type: "MAPPING_START", flow: true, start: t.start, end: t.end });
            scanner.skip();
            break;
          } else if (t.type !== "FLOW_SEQUENCE_END") {
            states.push("FLOW_SEQUENCE_ENTRY");
            parseNode(false, false);
            break;
          }
        }
        state = states.pop()!;
        marks.pop();
        events.push({ type: "SEQUENCE_END", start: t.start, end: t.end });
        scanner.skip();
        break;
      }
      case "FLOW_SEQUENCE_ENTRY_MAPPING_KEY":
        if (!is(token, "VALUE", "FLOW_ENTRY", "FLOW_SEQUENCE_END")) {
          states.push("FLOW_SEQUENCE_ENTRY_MAPPING_VALUE");
          parseNode(false, false);
        } else {
          state = "FLOW_SEQUENCE_ENTRY_MAPPING_VALUE";
          emptyScalar(token.start);
        }
        break;
      case "FLOW_SEQUENCE_ENTRY_MAPPING_VALUE": {
        if (token.type === "VALUE") {
          scanner.skip();
          const t = peek();
          if (!is(t, "FLOW_ENTRY", "FLOW_SEQUENCE_END")) {
            states.push("FLOW_SEQUENCE_ENTRY_MAPPING_END");
            parseNode(false, false);
            break;
          }
        }
        state = "FLOW_SEQUENCE_ENTRY_MAPPING_END";
        emptyScalar(peek().start);
        break;
      }
      case "FLOW_SEQUENCE_ENTRY_MAPPING_END":
        state = "FLOW_SEQUENCE_ENTRY";
        events.push({ type: "MAPPING_END", start: token.start, end: token.start });
        break;
      case "FLOW_MAPPING_FIRST_KEY":
      case "FLOW_MAPPING_KEY": {
        const first = state === "FLOW_MAPPING_FIRST_KEY";
        let t = token;
        if (first) {
          marks.push(t.start);
          scanner.skip();
          t = peek();
        }
        if (t.type !== "FLOW_MAPPING_END") {
          if (!first) {
            if (t.type === "FLOW_ENTRY") {
              scanner.skip();
              t = peek();
            } else {
              contextError("while parsing a flow mapping", marks.pop()!, "did not find expected ',' or '}'");
            }
          }
          if (t.type === "KEY") {
            scanner.skip();
            t = peek();
            if (!is(t, "VALUE", "FLOW_ENTRY", "FLOW_MAPPING_END")) {
              states.push("FLOW_MAPPING_VALUE");
              parseNode(false, false);
            } else {
              state = "FLOW_MAPPING_VALUE";
              emptyScalar(t.start);
            }
            break;
          } else if (t.type !== "FLOW_MAPPING_END") {
            states.push("FLOW_MAPPING_EMPTY_VALUE");
            parseNode(false, false);
            break;
          }
        }
        state = states.pop()!;
        marks.pop();
        events.push({ type: "MAPPING_END", start: t.start, end: t.end });
        scanner.skip();
        break;
      }
      case "FLOW_MAPPING_VALUE":
      case "FLOW_MAPPING_EMPTY_VALUE": {
        if (state === "FLOW_MAPPING_EMPTY_VALUE") {
          state = "FLOW_MAPPING_KEY";
          emptyScalar(token.start);
          break;
        }
        if (token.type === "VALUE") {
          scanner.skip();
          const t = peek();
          if (!is(t, "FLOW_ENTRY", "FLOW_MAPPING_END")) {
            states.push("FLOW_MAPPING_KEY");
            parseNode(false, false);
            break;
          }
        }
        state = "FLOW_MAPPING_KEY";
        emptyScalar(peek().start);
        break;
      }
    }
  }
}
