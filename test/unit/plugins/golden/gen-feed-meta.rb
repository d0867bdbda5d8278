# Regenerates feed-meta.json: `{% feed_meta %}` from the real jekyll-feed 0.17 for several site
# configurations. Run from the repository root:  ruby test/unit/plugins/golden/gen-feed-meta.rb
require "jekyll"
require "jekyll-feed"
require "json"
require "tmpdir"

dir = File.dirname(__FILE__)
configs = [
  {}, { "title" => "Jane's \"Blog\" & <Notes>" }, { "name" => "By name", "url" => "https://example.com", "baseurl" => "/b" },
  { "title" => "T", "name" => "N", "feed" => { "path" => "atom.xml" } }, { "feed" => { "path" => "/feeds/all.xml" }, "url" => "http://x.example/" },
  { "title" => false }, { "title" => "", "url" => "https://example.com" }, { "title" => 42 },
]
source = Dir.mktmpdir
out = configs.map do |c|
  # An empty source folder, so no _config.yml from the working directory is read.
  site = Jekyll::Site.new(Jekyll.configuration(c.merge("quiet" => true, "source" => source)))
  html = Liquid::Template.parse("{% feed_meta %}").render!({}, registers: { site: site })
  { "config" => c, "expected" => html }
end
File.write(File.join(dir, "feed-meta.json"), JSON.pretty_generate(out) + "\n")
