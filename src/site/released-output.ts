// A page's or document's rendered output, which a large build's write stage lets go of once it is
// written (write/writer.ts), so that a site's rendered pages are not all held at once. Reading it
// again (a later page's `post.output`, a hook) loads it back from the written file.

export class ReleasableOutput {
  private value: string | null = null;
  /** Set once the write stage has written the output and let go of it. */
  private reload: (() => string) | null = null;

  get(): string | null {
    if (this.reload) {
      const load = this.reload;
      this.reload = null;
      this.value = load();
    }
    return this.value;
  }

  set(value: string | null): void {
    this.reload = null;
    this.value = value;
  }

  /** The write stage wrote the output: drop it; `reload` gives it back if it is read again. */
  release(reload: () => string): void {
    this.value = null;
    this.reload = reload;
  }

  /** Written and released, and not set again since. */
  get released(): boolean {
    return this.reload !== null;
  }
}
