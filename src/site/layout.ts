// A layout from `_layouts/`: its front matter (`layout.*` in Liquid, and `layout:` naming its
// parent) and its template body.
export class Layout {
  constructor(
    /** Name used in `layout:` — the file name without its last extension (`post` for post.html). */
    readonly name: string,
    /** Absolute path. */
    readonly path: string,
    /** Path relative to the site source, for messages. */
    readonly relativePath: string,
    readonly data: Record<string, any>,
    readonly content: string,
    /** Lines of front matter before `content`. */
    readonly lineOffset: number,
  ) {}
}
