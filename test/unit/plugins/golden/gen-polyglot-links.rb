# Regenerates polyglot-links.json: what jekyll-polyglot's Site#process_documents (the link
# rewriting after rendering) makes of links, for each config of polyglot-links-inputs.json and
# each language, with the gem's own patterns. Run from the repository root:
#   ruby test/unit/plugins/golden/gen-polyglot-links.rb
require "jekyll"
require "jekyll-polyglot"
require "json"

dir = File.dirname(__FILE__)
inputs = JSON.parse(File.read(File.join(dir, "polyglot-links-inputs.json")))
Doc = Struct.new(:output)
html = inputs["templates"].product(inputs["hrefs"]).map { |t, h| t.gsub("HREF", h) }.join("\n")
out = inputs["configs"].map do |config|
  site = Jekyll::Site.new(Jekyll.configuration(config.merge("quiet" => true, "source" => dir, "destination" => "/tmp/polyglot-links-out")))
  site.prepare
  results = ((site.languages + [site.default_lang]).uniq).map do |lang|
    site.active_lang = lang
    old = site.exclude
    # process_active_language adds exclude_from_localization to the excludes.
    site.exclude = old + site.exclude_from_localization unless lang == site.default_lang
    doc = Doc.new(html.dup)
    site.process_documents([doc])
    site.exclude = old
    { "lang" => lang, "output" => doc.output }
  end
  { "config" => config, "exclude" => site.exclude, "exclude_from_localization" => site.exclude_from_localization, "results" => results }
end
File.write(File.join(dir, "polyglot-links.json"), JSON.pretty_generate("input" => html, "cases" => out) + "\n")
