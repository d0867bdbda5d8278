// The Markdown converter and the Liquid engine, made when a page first needs them, as Jekyll's
// Markdown converter runs its `setup` on the first `convert`. A site with nothing to render (or no
// Markdown) then never initialises markdown-it, the highlighters or liquidjs: in the bundle their
// modules are loaded on first use too (build.ts imports them `// bundle: lazy`, scripts/bundle.mjs),
// so start-up pays only for what the site uses (bench/PROFILE.md, "Start-up").
import type { JekyllLiquid, Template } from "./liquid/index.js";
import type { MarkdownConverter } from "./markdown/index.js";

export function lazyMarkdown(make: () => MarkdownConverter): MarkdownConverter {
  let made: MarkdownConverter | null = null;
  // (asciiSource passed on: markdownify of a US-ASCII String writes smart quotes as entities)
  return { convert: (markdown, asciiSource) => (made ??= make()).convert(markdown, asciiSource) };
}

export function lazyLiquid(make: () => JekyllLiquid): JekyllLiquid {
  let made: JekyllLiquid | null = null;
  const engine = () => (made ??= make());
  return {
    parse: (source: string, file: string, lineOffset?: number) => engine().parse(source, file, lineOffset),
    render: (template: Template, scope: Record<string, unknown>) => engine().render(template, scope),
    // Nothing is cached before the engine exists.
    invalidate: (absolutePath?: string) => made?.invalidate(absolutePath),
  };
}
