// import() from a module Node loads itself. The bundled CLI runs through vm.Script with V8's code
// cache (src/cli/code-cache.ts), and a script made from cached data has no dynamic import callback
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): `serve` reloads ES module plugins through this file,
// which scripts/bundle.mjs writes beside the bundle and site-plugins.ts requires.
export function importFresh(url: string): Promise<unknown> {
  return import(url);
}
