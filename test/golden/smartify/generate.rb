# Regenerates expected.json: each string of cases.json through Jekyll 4.3.1's SmartyPants converter
# (what the `smartify` filter calls: kramdown 2.4's SmartyPants parser, output chomped), with
# Jekyll's default kramdown settings. test/unit/markdown/smartify-golden.test.ts compares.
#
#   ruby test/golden/smartify/generate.rb
require "jekyll"
require "json"
require "tmpdir"

dir = __dir__
# An empty source: no _config.yml is read (this repository's own names plugins).
site = Jekyll::Site.new(Jekyll.configuration("quiet" => true, "source" => Dir.mktmpdir, "destination" => Dir.mktmpdir))
converter = site.find_converter_instance(Jekyll::Converters::SmartyPants)
cases = JSON.parse(File.read(File.join(dir, "cases.json")))
results = cases.map { |input| { "input" => input, "output" => converter.convert(input) } }
File.write(File.join(dir, "expected.json"),
           "{\"generator\": #{JSON.generate("test/golden/smartify/generate.rb (Jekyll #{Jekyll::VERSION}, kramdown #{Kramdown::VERSION})")},\n" \
           "\"results\": [\n#{results.map { |r| JSON.generate(r) }.join(",\n")}\n]}\n")
puts "#{results.size} cases"
