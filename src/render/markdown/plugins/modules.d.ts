// The markdown-it plugins ship no type declarations; each is a plain `(md) => void` plugin.
declare module 'markdown-it-footnote' { const plugin: (md: any) => void; export default plugin; }
declare module 'markdown-it-deflist' { const plugin: (md: any) => void; export default plugin; }
declare module 'markdown-it-abbr' { const plugin: (md: any) => void; export default plugin; }
