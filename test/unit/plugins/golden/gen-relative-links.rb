# Regenerates relative-links.json: Markdown sources rewritten by the real jekyll-relative-links
# 0.7 inside a throwaway Jekyll site, with the URL of every page and static file it could link to.
# Run from the repository root:  ruby test/unit/plugins/golden/gen-relative-links.rb
require "jekyll"
require "jekyll-relative-links"
require "json"
require "tmpdir"

dir = File.dirname(__FILE__)
files = {
  "index.md" => <<~MD,
    ---
    ---
    [guide](docs/guide.md) [frag](docs/guide.md#install) [title](docs/guide.md "The Guide")
    [single](docs/guide.md 'single') [both](other.html#x "t") [pdf](assets/paper%20one.pdf)
    [abs](/docs/guide.md) [http](https://example.com/docs/guide.md) [mail](mailto:x@y.z)
    [frag only](#top) [nothing](nothing.md) [](docs/guide.md) [img ![alt](a.png)](docs/guide.md)
    ![image](assets/pic.png) [up](../outside.md) [dot](./docs/guide.md) [q](docs/guide.md?x=1)

    [ref]: docs/guide.md
    [ref2]: docs/guide.md#sec "Title"
      [indented]: other.html
    [refnone]: missing.md
  MD
  "docs/guide.md" => <<~MD,
    ---
    ---
    [back](../index.md) [sib](sub/deep.md) [root](/other.html) [self](guide.md#a)
    Text [ref] here.

    [ref]: ../index.md
  MD
  "docs/sub/deep.md" => "---\n---\n[up two](../../index.md) [up one](../guide.md)\n",
  "other.html" => "---\n---\n<p>other</p>\n",
  "assets/paper one.pdf" => "pdf",
  "assets/pic.png" => "png",
}
out = nil
Dir.mktmpdir do |tmp|
  files.each do |path, content|
    full = File.join(tmp, path)
    FileUtils.mkdir_p(File.dirname(full))
    File.write(full, content)
  end
  config = Jekyll.configuration("source" => tmp, "destination" => File.join(tmp, "_site"), "quiet" => true, "baseurl" => "/base")
  site = Jekyll::Site.new(config)
  site.read
  before = site.pages.map { |p| [p.relative_path, p.content.dup] }.to_h
  JekyllRelativeLinks::Generator.new(site.config).generate(site)
  targets = (site.pages + site.static_files).map { |t| [t.relative_path.sub(%r!\A/!, ""), t.url] }.to_h
  docs = site.pages.select { |p| p.relative_path.end_with?(".md") }.map do |p|
    { "relative_path" => p.relative_path, "input" => before[p.relative_path], "expected" => p.content }
  end
  out = { "config" => { "baseurl" => "/base" }, "targets" => targets, "docs" => docs }
end
File.write(File.join(dir, "relative-links.json"), JSON.pretty_generate(out) + "\n")
