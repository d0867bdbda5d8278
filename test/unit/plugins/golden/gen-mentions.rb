# Regenerates mentions.json: inputs for jekyll-mentions' rewrite (Jekyll::Mentions.mentionify,
# html-pipeline 2.14 + Nokogiri/libxml2) and the output real Ruby gives. Run from the repository root:
#   ruby test/unit/plugins/golden/gen-mentions.rb
require "jekyll"
require "jekyll-mentions"
require "json"

dir = File.dirname(__FILE__)
cases = JSON.parse(File.read(File.join(dir, "mentions-inputs.json")))
Doc = Struct.new(:output, :data, :site)
SiteStub = Struct.new(:config)
out = cases.map do |c|
  doc = Doc.new(c["input"].dup, c["data"] || {}, SiteStub.new(c["config"] || {}))
  Jekyll::Mentions.mentionify(doc)
  c.merge("expected" => doc.output)
end
File.write(File.join(dir, "mentions.json"), JSON.pretty_generate(out) + "\n")
