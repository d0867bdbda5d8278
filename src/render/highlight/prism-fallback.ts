/**
 * Approximate Rouge output for languages Rouge knows but ./lexers/ does not implement: Prism's
 * tokens, mapped onto Rouge's short classes. The text is always exactly the input (escaped as
 * Rouge escapes); only the classes are approximate.
 *
 * Prism is a browser-global library; in Node its `components/index.js` loader attaches grammars
 * to the shared instance. Each grammar is loaded once, on first use, and kept.
 *
 * Prism itself is required on first use too, not imported: it is a CommonJS package, and loading
 * it (parsing prism.js and its ~300-entry component table) cost every build ~20 ms of start-up,
 * although most sites never highlight a language outside ./lexers/. An `import` cannot be
 * deferred from synchronous code, so this uses a lazily called `require`, as ../sass.ts does.
 */
import { createRequire } from 'node:module';
import type * as PrismApi from 'prismjs';
import type { LexerDef, TokenList } from './engine.js';

/** Rouge lexer tag → Prism grammar id, where the names differ or Prism has an equivalent. */
const PRISM_ID: Record<string, string> = {
  plaintext: 'none',
  shell: 'bash',
  objective_c: 'objectivec',
  common_lisp: 'lisp',
  viml: 'vim',
  jsx: 'jsx',
  tsx: 'tsx',
  tex: 'latex',
  make: 'makefile',
  docker: 'docker',
  erb: 'erb',
  html: 'markup',
  xml: 'markup',
  fsharp: 'fsharp',
  batchfile: 'batch',
  powershell: 'powershell',
  ocaml: 'ocaml',
  liquid: 'liquid',
  properties: 'properties',
  ini: 'ini',
  toml: 'toml',
  nginx: 'nginx',
  protobuf: 'protobuf',
  graphql: 'graphql',
  kotlin: 'kotlin',
  scala: 'scala',
  swift: 'swift',
  php: 'php',
  perl: 'perl',
  lua: 'lua',
  r: 'r',
  julia: 'julia',
  matlab: 'matlab',
  haskell: 'haskell',
  elixir: 'elixir',
  erlang: 'erlang',
  dart: 'dart',
  csharp: 'csharp',
  java: 'java',
  go: 'go',
  rust: 'rust',
  sql: 'sql',
  c: 'c',
  cpp: 'cpp',
  cuda: 'cpp',
  glsl: 'glsl',
  fortran: 'fortran',
  groovy: 'groovy',
  clojure: 'clojure',
  coffeescript: 'coffeescript',
  nim: 'nim',
  zig: 'zig',
  verilog: 'verilog',
  vhdl: 'vhdl',
  prolog: 'prolog',
  racket: 'racket',
  scheme: 'scheme',
  elm: 'elm',
  crystal: 'crystal',
  d: 'd',
  apache: 'apacheconf',
  http: 'http',
  cmake: 'cmake',
  mathematica: 'wolfram',
  sass: 'sass',
  less: 'less',
  stylus: 'stylus',
  handlebars: 'handlebars',
  twig: 'twig',
  haml: 'haml',
  pug: 'pug',
  wollok: 'wollok',
  hcl: 'hcl',
  terraform: 'hcl',
  vb: 'vbnet',
  plsql: 'plsql',
  awk: 'awk',
  tcl: 'tcl',
  pascal: 'pascal',
  armasm: 'armasm',
  nasm: 'nasm',
  solidity: 'solidity',
  sparql: 'sparql',
  turtle: 'turtle',
  diff: 'diff',
  json: 'json',
  yaml: 'yaml',
  javascript: 'javascript',
  typescript: 'typescript',
  css: 'css',
  scss: 'scss',
  ruby: 'ruby',
  markdown: 'markdown',
  bibtex: 'bibtex',
};

/** Prism, its language loader and the ids of the grammars it ships, required on first use. */
interface PrismRuntime {
  prism: typeof PrismApi;
  loadLanguages: (ids: string[]) => void;
  available: Set<string>;
}
let runtime: PrismRuntime | undefined;

function prismRuntime(): PrismRuntime {
  if (!runtime) {
    const require = createRequire(import.meta.url);
    const components = require('prismjs/components.js') as { languages: Record<string, unknown> };
    runtime = {
      prism: require('prismjs') as typeof PrismApi,
      loadLanguages: require('prismjs/components/index.js') as (ids: string[]) => void,
      available: new Set<string>(Object.keys(components.languages).filter((k) => k !== 'meta')),
    };
  }
  return runtime;
}

const loaded = new Set<string>();

function grammarFor(tag: string): PrismApi.Grammar | null {
  const id = PRISM_ID[tag] ?? tag;
  const { prism, loadLanguages, available } = prismRuntime();
  if (!available.has(id)) return null;
  if (!loaded.has(id)) {
    loadLanguages([id]);
    loaded.add(id);
  }
  return prism.languages[id] ?? null;
}

/** Prism token type (and aliases) → Rouge short class. First match in this order wins. */
const CLASS_OF: Array<[string, string]> = [
  ['comment', 'c'],
  ['prolog', 'cp'],
  ['doctype', 'cp'],
  ['directive', 'cp'],
  ['macro', 'cp'],
  ['regex', 'sr'],
  ['char', 'sc'],
  ['template-string', 's2'],
  ['string', 's2'],
  ['attr-value', 's'],
  ['url', 's'],
  ['number', 'm'],
  ['boolean', 'kc'],
  ['constant', 'no'],
  ['keyword', 'k'],
  ['builtin', 'nb'],
  ['class-name', 'nc'],
  ['function', 'nf'],
  ['tag', 'nt'],
  ['attr-name', 'na'],
  ['property', 'py'],
  ['selector', 'nt'],
  ['variable', 'nv'],
  ['annotation', 'nd'],
  ['decorator', 'nd'],
  ['namespace', 'nn'],
  ['entity', 'ni'],
  ['important', 'k'],
  ['atrule', 'k'],
  ['operator', 'o'],
  ['punctuation', 'p'],
  ['deleted', 'gd'],
  ['inserted', 'gi'],
  ['title', 'gh'],
  ['bold', 'gs'],
  ['italic', 'ge'],
];

function classOf(types: string[]): string {
  for (const [prism, rouge] of CLASS_OF) if (types.includes(prism)) return rouge;
  return '';
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*|[^A-Za-z_]+/g;

function flatten(stream: PrismApi.TokenStream, outer: string[], out: TokenList): void {
  const push = (tok: string, val: string) => {
    if (!val) return;
    const last = out[out.length - 1];
    if (last && last[0] === tok) last[1] += val;
    else out.push([tok, val]);
  };
  const items = Array.isArray(stream) ? stream : [stream];
  for (const item of items) {
    if (typeof item === 'string') {
      const cls = classOf(outer);
      if (cls) push(cls, item);
      else {
        // Prism leaves identifiers untyped; Rouge's lexers almost always call them Name (`n`).
        for (const part of item.match(WORD) ?? []) push(/^[A-Za-z_]/.test(part) ? 'n' : '', part);
      }
    } else {
      const alias = item.alias ? (Array.isArray(item.alias) ? item.alias : [item.alias]) : [];
      const types = [item.type, ...alias, ...outer];
      flatten(item.content, types, out);
    }
  }
}

const lexers = new Map<string, LexerDef | null>();

/** A lexer for Rouge's `tag` made of Prism's grammar mapped to Rouge classes; null without one. */
export function prismLexer(tag: string): LexerDef | null {
  let def = lexers.get(tag);
  if (def === undefined) {
    const grammar = grammarFor(tag);
    def = grammar
      ? {
          name: `prism:${tag}`,
          states: { root: [] },
          external: (text) => {
            const out: TokenList = [];
            flatten(prismRuntime().prism.tokenize(text, grammar), [], out);
            return out;
          },
        }
      : null;
    lexers.set(tag, def);
  }
  return def;
}
