# Regenerates toc.json: what jekyll-toc 0.18.0's parser (Nokogiri 1.13 / libxml2) writes for each
# input of toc-inputs.json, for its three outputs: `toc` (list + HTML with anchors), `toc_only`
# (the list) and `inject_anchors` (the HTML with anchors). A call that raises records the error
# class. Run from the repository root:  ruby test/unit/plugins/golden/gen-toc.rb
require "jekyll"
require "jekyll-toc"
require "json"

dir = File.dirname(__FILE__)
cases = JSON.parse(File.read(File.join(dir, "toc-inputs.json")))
methods = { "toc" => :toc, "toc_only" => :build_toc, "inject_anchors" => :inject_anchors_into_html }
out = cases.map do |c|
  expected = {}
  (c["only"] || methods.keys).each do |name|
    expected[name] = begin
      Jekyll::TableOfContents::Parser.new(c["html"], c.key?("config") ? c["config"] : {}).public_send(methods[name])
    rescue StandardError => e
      { "error" => e.class.name }
    end
  end
  c.merge("expected" => expected)
end
File.write(File.join(dir, "toc.json"), JSON.pretty_generate(out) + "\n")
