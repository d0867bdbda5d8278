// The JavaScript twin of this site's _plugins/stubs.rb (the corpus stubs for plugins Debian's
// Jekyll lacks, see ../NOTES.md in the corpus): build-site does not run Ruby plugins.
// Same behaviour: tags `cite` and `bibliography` (jekyll-scholar) write nothing, filter `emojify`
// (jemoji) returns its input.
export default {
  name: "corpus-stubs",
  liquidTags: () => ({ cite: () => "", bibliography: () => "" }),
  liquidFilters: () => ({ emojify: (input) => input }),
};
