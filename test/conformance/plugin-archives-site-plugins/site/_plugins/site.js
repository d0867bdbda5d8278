// build-site's twin of site.rb (which real Jekyll ran to write expected/): a filter, and a pages
// pre_render hook that sets a key in some pages' data (archives and a plain page).
module.exports = {
  name: "archives-site-plugin-fixture",
  liquidFilters: () => ({ shout_twice: (input) => `${String(input ?? "").toUpperCase()}!!` }),
  hooks: [
    {
      owner: "pages",
      event: "pre_render",
      run: (page) => {
        if (["/blog/tag/", "/2023/", "/about"].some((p) => page.url.startsWith(p))) page.data.hooked = "yes";
      },
    },
  ],
};
