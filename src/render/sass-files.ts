// Which files are Sass's: one pattern for the import scan (sass-import-scan.ts: the files whose
// loads it reads) and the CSS cache's key (sass-cache.ts: the files whose change recompiles).
// Any case, as a file system that ignores case lets Dart Sass load `_x.SCSS` for `@import "x"`.

/** A file Sass may load: `.scss`, `.sass` or `.css`. */
export const SASS_FILE = /\.(s[ac]ss|css)$/i;
