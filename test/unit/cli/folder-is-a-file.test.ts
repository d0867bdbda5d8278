// A file where the site must have a folder. Measured with Debian's Jekyll 4.3.1 (ERRORS.md,
// case 101): `_posts` (at the root or in a subfolder, `blog/_posts`), `_drafts` (when drafts are
// shown) and the layouts folder stop the build with `Not a directory @ dir_chdir - …/_posts
// (Errno::ENOTDIR)` and a Ruby backtrace (Reader#get_entries and LayoutReader Dir.chdir into
// them once File.exist? says yes); `_data`, `_includes`, a collection's folder and `_drafts`
// without drafts are passed over. build-site had built on silently (`_layouts`: every page
// without its layout). A file `_sass` is Sass's "Can't find stylesheet to import." (Jekyll:
// "File to import not found or unreadable"); build-site had printed an ENOTDIR from its importer.
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const PAGE = { "index.md": "---\nlayout: default\n---\nhi\n" };

test("a file named _posts, _drafts (with drafts shown) or _layouts stops the build, naming it and what to do", () => {
  const cases: Array<[Record<string, string>, string | null]> = [
    [{ _posts: "x\n" }, "_posts: this is a file, not a folder: the site's posts are read from a folder named _posts"],
    [{ "blog/_posts": "x\n" }, "blog/_posts: this is a file, not a folder: the site's posts are read from a folder named _posts"],
    [{ _drafts: "x\n", "_config.yml": "show_drafts: true\n" }, "_drafts: this is a file, not a folder: the site's drafts are read from a folder named _drafts"],
    [{ _layouts: "x\n" }, "_layouts: this is a file, not a folder: the site's layouts are read from a folder named _layouts"],
    [{ "_config.yml": "layouts_dir: looks\n", looks: "x\n" }, "looks: this is a file, not a folder: the site's layouts are read from a folder named looks"],
    // Jekyll passes over these.
    [{ _drafts: "x\n" }, null],
    [{ _data: "x\n" }, null],
    [{ "_config.yml": "collections: [things]\n", _things: "x\n" }, null],
  ];
  for (const [files, error] of cases) {
    buildSiteCase("bs-folder-file-", { ...PAGE, ...files }, (b) => {
      assertOutcome(b, error);
      if (error) assertOutcome(b, "Rename or remove the file");
    });
  }
});

test("a file named _sass is Sass's 'Can't find stylesheet to import.', not a file-system error", () => {
  buildSiteCase("bs-folder-file-", { ...PAGE, _sass: "x\n", "css/m.scss": "---\n---\n@import \"a\";\n" }, (b) => {
    assertOutcome(b, "css/m.scss:3:9: Sass error: Can't find stylesheet to import.");
  });
});
