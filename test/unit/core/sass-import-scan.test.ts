// When Dart Sass may load a compile's files itself (src/render/sass-import-scan.ts): only where
// no load can leave the folders it starts from. Every doubt sends the compile through the checking
// importer (whose refusals test/security/safe-symlinks.test.ts pins), so each case below that can
// lead out must say false.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { importsStayInside, loadsStayInside } from "../../../src/render/sass-import-scan.js";

test("a URL is safe only as a plain relative path that resolves inside the scanned folders", () => {
  // One base (no load paths; the folder test below covers them): nothing here exists on disk.
  const bases = ["/s/_sass/vendor/grid"];
  const roots = ["/s/_sass", "/s/assets/css"];
  const stays = (text: string) => importsStayInside(text, bases, roots);
  assert.equal(stays('@import "grid", "mixins/x";'), true);
  assert.equal(stays('@use "sass:math";\n@import url("https://fonts.example/x.css");\n@import "https://cdn.example/y.css";'), true);
  assert.equal(stays('@import "../../../assets/css/x";'), true, "`..` into another scanned folder");
  assert.equal(stays('@import "../../../../etc/x";'), false, "`..` past the folders");
  assert.equal(stays('@import "a", "../../../../b";'), false, "the second URL of a list");
  assert.equal(stays('@import "/etc/x";'), false);
  assert.equal(stays('@use "file:///etc/x";'), false);
  assert.equal(stays('@use "pkg:x";'), false);
  assert.equal(stays('@use "x%2e%2e/y";'), false, "percent-encoded");
  assert.equal(stays('@import "a\\/b";'), false, "an escape");
  assert.equal(stays('@import "x#{$v}";'), false, "interpolation");
  assert.equal(stays('@IMPORT "/etc/x";'), false, "at-rule names are case-blind");
  assert.equal(stays('@\\69mport "/etc/x";'), false, "an escaped at-rule name");
  assert.equal(stays('@use "sass:meta";\n@include meta.load-css("x");'), false, "load-css takes a run-time URL");
  assert.equal(stays('// @import "{{ site.theme }}";'), true, "a directive in a comment Sass surely skips (theme-cayman's)");
  assert.equal(stays('/* @import "/etc/x"; */\n@import "grid";'), true);
  assert.equal(stays("a { b: c; }"), true);
});

test("a site's folders: a symlink, an indented-syntax file or a folder outside the read roots sends the compile through the importer", (t) => {
  const site = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sass-scan-")));
  const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sass-scan-out-")));
  t.after(() => {
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
  const sass = path.join(site, "_sass");
  const css = path.join(site, "css");
  fs.mkdirSync(path.join(sass, "lib", "part"), { recursive: true });
  fs.mkdirSync(css);
  fs.writeFileSync(path.join(sass, "_base.scss"), '@import "lib/part/grid";\n');
  // Found from its own folder, so never tried against the load path (where `_sass/../../` would
  // leave the site), as Dart Sass tries them.
  fs.writeFileSync(path.join(sass, "lib", "part", "_grid.scss"), '@import "../../base-colors";\n');
  fs.writeFileSync(path.join(sass, "_base-colors.scss"), "$a: 1;\n");
  const entry = '@import "base";';
  const scan = (loadPaths = [sass]) => loadsStayInside(entry, "scss", css, loadPaths, [site]);
  assert.equal(scan(), true);
  assert.equal(loadsStayInside(entry, "indented", css, [sass], [site]), false, "an indented entry");
  assert.equal(loadsStayInside(entry, "scss", undefined, [sass], [site]), false, "an entry without a file");
  assert.equal(scan([sass, outside]), false, "a load path outside the site");

  fs.writeFileSync(path.join(sass, "lib", "_old.sass"), "@import x\n");
  assert.equal(scan(), false, "an indented-syntax file below");
  fs.rmSync(path.join(sass, "lib", "_old.sass"));

  fs.writeFileSync(path.join(outside, "_x.scss"), "a { b: c; }\n");
  fs.symlinkSync(path.join(outside, "_x.scss"), path.join(sass, "lib", "_x.scss"));
  assert.equal(scan(), false, "a symlink below");
  fs.rmSync(path.join(sass, "lib", "_x.scss"));
  assert.equal(scan(), true);

  // From `_sass/lib`, `../../x` is the site's root: inside the site, outside the scanned folders.
  fs.writeFileSync(path.join(sass, "lib", "_y.scss"), '@import "../../x";\n');
  assert.equal(scan(), false);
});

test("comments: blanked only where Sass surely skips them; a comment between an @import's URLs hides no URL", () => {
  const stays = (text: string, plainCss = false) => importsStayInside(text, ["/s/_sass"], ["/s/_sass"], plainCss);
  // Each of these had Dart Sass 1.105 ask for "../../../../evil" (the comment is whitespace in
  // the URL list, or `//` is text there and the value ends on the line): never the fast path.
  for (const text of [
    '@import "good" /* ; */, "../../../../evil";',
    '@import "good" // ;\n, "../../../../evil";',
    '--x: a // ; @import "../../../../evil";',
    '.a { --y: // b; @import "../../../../evil"; }',
    'a { b: expression(1 // ); @import "../../../../evil"; }',
    'a { b: url( //x ); } @import "../../../../evil";',
  ]) assert.equal(stays(text), false, text);
  // Unsure: an unquoted url( that is no URL token, a vendor url(, a string with interpolation or
  // an unclosed one, an unclosed /*, `//` in an interpolation in a custom property.
  for (const text of ["a { b: url(a b) }", "a { b: -moz-url(//x) }", 'a { b: "#{1}//" }', "a { b: 'x }", "/* open", "a { --z: #{1 // }\n}; }"]) {
    assert.equal(stays(text), false, text);
  }
  // Comments Sass skips: between statements, in blocks (an apostrophe in one is no string).
  for (const text of ['// note ; @import "../../../../evil";\n@import "good";', ".a { // don't\n b: c; }", 'a { b: url(//x); } // @import "/etc/x";', '/* @import "/etc/x"; */']) {
    assert.equal(stays(text), true, text);
  }
  // `//` is text in a plain CSS file (Sass refuses it there): not a comment.
  assert.equal(stays('// @import "/etc/x";', true), false);
});
