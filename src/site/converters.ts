// Which converter a file's extension selects, and the output extension that follows from it
// (Jekyll's Renderer#output_ext: the matching converter's output extension, or the file's own).
import { rubySplit } from "../ruby/strings.js";

/** Jekyll::Converter from a plugin: converts files whose extension it matches (before the built-in converters are asked). */
export interface PluginConverter {
  /** Whether this converter handles a file with extension `ext` (".typ"). */
  matches(ext: string): boolean;
  /** The output extension for `ext` (".html"). */
  outputExt(ext: string): string;
  convert(content: string): string;
  /** Among plugin converters matching one extension, the highest priority converts. Default normal (0). */
  priority?: number;
}

export type ConverterKind = "markdown" | "sass" | "scss" | "identity" | "plugin";

export class ConverterTable {
  private readonly markdownExts: Set<string>;
  /** Plugins' converters, highest priority first; one that matches an extension converts it instead of the built-in converter. */
  private plugins: PluginConverter[] = [];

  constructor(markdownExt: unknown) {
    // Converters::Markdown#extname_list: `markdown_ext.split(",")`, each downcased behind a dot and
    // not trimmed, so `markdown_ext: "md, txt"` makes `.md` and `. txt` Markdown and a `.txt` page
    // stays as written. Ruby's split drops only trailing empty fields ("md," is ["md"]); an empty
    // field elsewhere is the extension "." (a file named `x.`).
    this.markdownExts = new Set(rubySplit(String(markdownExt ?? ""), ",").map((e) => `.${e.toLowerCase()}`));
  }

  addPluginConverters(converters: PluginConverter[]): void {
    this.plugins = [...this.plugins, ...converters].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  }

  /** The plugin converter for `extname`, if one matches it. */
  pluginFor(extname: string): PluginConverter | undefined {
    if (this.plugins.length === 0) return undefined;
    return this.plugins.find((c) => c.matches(extname));
  }

  kindFor(extname: string): ConverterKind {
    if (this.plugins.length && this.pluginFor(extname)) return "plugin";
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
    if (kind === "plugin") return this.pluginFor(extname)!.outputExt(extname);
    if (kind === "markdown") return ".html";
    if (kind === "sass" || kind === "scss") return ".css";
    return extname;
  }
}
