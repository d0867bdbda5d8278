# Regenerates gist.json: `{% gist %}` markups rendered by the real jekyll-gist 1.5 with
# `gist.noscript: false` (no network needed), and the markups it rejects. Run from the
# repository root:  ruby test/unit/plugins/golden/gen-gist.rb
require "jekyll"
require "jekyll-gist"
require "json"

dir = File.dirname(__FILE__)
site = Jekyll::Site.new(Jekyll.configuration("quiet" => true, "gist" => { "noscript" => false }))
vars = { "page" => { "gist_var" => "mattr-/24081a1d93d2898ecf0f", "file" => "x.rb" }, "parkr" => nil }
markups = [
  "parkr/931c1c8d465a04042403", "parkr/931c1c8d465a04042403 jekyll-private-gist.markdown", "28949e1d5ee2273f9fd3",
  "page.gist_var", "page.gist_var page.file", "  spaced/123   file.md  ", "28949e1d5ee2273f9fd3 best file.md",
  "user/with space/123 f.md", "a/b/c", "page.missing",
]
out = markups.map do |m|
  begin
    html = Liquid::Template.parse("{% gist #{m} %}").render!(vars, registers: { site: site })
    { "markup" => m, "expected" => html }
  rescue ArgumentError, Liquid::Error => e
    { "markup" => m, "error" => e.message.lines.first.strip }
  end
end
File.write(File.join(dir, "gist.json"), JSON.pretty_generate(out) + "\n")
