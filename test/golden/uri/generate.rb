# Regenerates expected.json: Addressable 2.8.1 (as Jekyll 4.3.1 uses it) on every string of
# cases.json: "uris" through Addressable::URI.parse(s).normalize.to_s (relative_url and
# absolute_url end with it), "components" through Addressable::URI.normalize_component(s)
# (the uri_escape filter). An exception is written as {"error": class}.
#
#   ruby test/golden/uri/generate.rb
require "json"
require "addressable/uri"

dir = __dir__
spec = JSON.parse(File.read(File.join(dir, "cases.json")))
attempt = lambda do |&block|
  block.call
rescue StandardError => e
  { "error" => e.class.name }
end
File.write(File.join(dir, "expected.json"), JSON.pretty_generate({
  "generator" => "test/golden/uri/generate.rb (Addressable #{Addressable::VERSION::STRING})",
  "uris" => spec["uris"].map { |s| { "input" => s, "normalized" => attempt.call { Addressable::URI.parse(s).normalize.to_s } } },
  "components" => spec["components"].map { |s| { "input" => s, "normalized" => attempt.call { Addressable::URI.normalize_component(s) } } },
}) + "\n")
puts "#{spec["uris"].size} URIs, #{spec["components"].size} components"
