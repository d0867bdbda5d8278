// One error type for everything a user can get wrong. The CLI prints it as
//   <file>:<line>:<column>: <message>
//     <hint>
// and `--trace` adds the stack. Anything that is not a BuildError is a bug in build-site.

export interface SourceLocation {
  /** Path as the user should see it: relative to the site source when inside it. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
}

export class BuildError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** What to do about it, in one sentence. */
  readonly hint?: string;
  /**
   * The problem is in a file a template read on demand (a .bib file behind site.data), not in the
   * template: the Liquid engine reports it as it is instead of at the tag that read the data.
   */
  readonly ownLocation: boolean;

  constructor(message: string, where: SourceLocation & { hint?: string; cause?: unknown; ownLocation?: boolean } = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = "BuildError";
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.hint = where.hint;
    this.ownLocation = where.ownLocation ?? false;
  }

  /** `file:line:column` as far as it is known. */
  get location(): string {
    if (!this.file) return "";
    let s = this.file;
    if (this.line !== undefined) s += `:${this.line}`;
    if (this.line !== undefined && this.column !== undefined) s += `:${this.column}`;
    return s;
  }

  /** The message a user reads. */
  format(): string {
    const head = this.location ? `${this.location}: ${this.message}` : this.message;
    return this.hint ? `${head}\n  ${this.hint}` : head;
  }
}
