// build-site's twin of site.rb (which real Jekyll ran to write expected/): the same tags, block,
// filters, generators, converter and hooks, through build-site's plugin API.
module.exports = [
  {
    name: "fixture-tags",
    liquidTags: () => ({
      greet: (markup) => `Hello, ${markup.trim()}!`,
      page_title: (_markup, lookup) => String(lookup(["page", "title"]) ?? ""),
    }),
    liquidBlocks: () => ({ shout: (body) => body.toUpperCase() }),
    liquidFilters: () => ({
      double: (input) => String(input ?? "").repeat(2),
      wrap: (input, left, right) => `${left}${input}${right}`,
    }),
  },
  {
    name: "fixture-high",
    priority: "high",
    generate(site, ctx) {
      site.config.order.push("high");
      site.pages.push(ctx.pageWithoutAFile("/generated/index.html", { layout: "default", title: "Generated" },
        "Made by a generator: {{ site.order | size }} generators ran before rendering."));
    },
  },
  {
    name: "fixture-low",
    priority: "low",
    generate(site) {
      site.config.order.push("low");
    },
  },
  {
    name: "fixture-converter",
    converters: [{ matches: (ext) => ext.toLowerCase() === ".upcase", outputExt: () => ".html", convert: (content) => content.toUpperCase() }],
  },
  {
    name: "fixture-hooks",
    hooks: [
      { owner: "site", event: "post_read", run: (site) => { site.data.from_hook = `${site.posts.docs.length} post(s) read`; } },
      { owner: "posts", event: "pre_render", run: (post) => { post.data.hook_note = `set before rendering ${post.data.title}`; } },
      { owner: "documents", event: "post_convert", run: (doc) => { doc.content = doc.content.replace("<p>", '<p class="converted">'); } },
      { owner: "pages", event: "post_render", run: (page) => { if (page.outputExt === ".html") page.output += `<!-- page post_render: ${page.url} -->\n`; } },
      { owner: "posts", event: "post_render", priority: "low", run: (post) => { post.output += "<!-- low -->\n"; } },
      { owner: "posts", event: "post_render", priority: "high", run: (post) => { post.output += "<!-- high -->\n"; } },
      {
        owner: "site",
        event: "post_write",
        run: (site) => {
          require("node:fs").writeFileSync(require("node:path").join(site.dest, "post-write.txt"), `${site.posts.docs.map((d) => d.url).join(",")}\n`);
        },
      },
    ],
  },
];
