// The JavaScript twin of this site's _plugins/stubs.rb (the corpus stubs for plugins Debian's
// Jekyll lacks, see ../NOTES.md in the corpus): build-site does not run Ruby plugins.
// Same behaviour: tag `bibliography` (jekyll-scholar) writes nothing, block tag `katexmm`
// (jekyll-katex) writes its body unchanged, filters `emojify` (jemoji) and `encode_email`
// (jekyll-email-protect) return their input.
export default {
  name: "corpus-stubs",
  liquidTags: () => ({ bibliography: () => "" }),
  liquidBlocks: () => ({ katexmm: (body) => body }),
  liquidFilters: () => ({ emojify: (input) => input, encode_email: (input) => input }),
};
