// Which converter a file's extension selects, and the output extension that follows from it
// (Jekyll's Renderer#output_ext: the matching converter's output extension, or the file's own).

export type ConverterKind = "markdown" | "sass" | "scss" | "identity";

export class ConverterTable {
  private readonly markdownExts: Set<string>;

  constructor(markdownExt: unknown) {
    this.markdownExts = new Set(
      String(markdownExt ?? "").split(",").map((e) => `.${e.trim().toLowerCase()}`).filter((e) => e !== "."),
    );
  }

  kindFor(extname: string): ConverterKind {
    const ext = extname.toLowerCase();
    if (this.markdownExts.has(ext)) return "markdown";
    if (extname === ".sass") return "sass";
    if (extname === ".scss") return "scss";
    return "identity";
  }

  /** Renderer#output_ext: a permalink's own extension (`/feed.xml`) wins over the converter's. */
  outputExtFor(extname: string, permalink: unknown): string {
    if (typeof permalink === "string" && permalink !== "" && !permalink.endsWith("/")) {
      const dot = permalink.lastIndexOf(".");
      const ext = dot > permalink.lastIndexOf("/") + 1 ? permalink.slice(dot) : "";
      if (ext) return ext;
    }
    return this.outputExt(extname);
  }

  outputExt(extname: string): string {
    const kind = this.kindFor(extname);
    if (kind === "markdown") return ".html";
    if (kind === "sass" || kind === "scss") return ".css";
    return extname;
  }
}
