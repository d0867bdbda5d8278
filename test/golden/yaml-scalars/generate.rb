# Regenerates expected.json: each plain (unquoted) scalar of cases.json as the value of `v:`, read
# by Psych.safe_load the way Jekyll 4.3.1 (Debian) reads front matter, `_config.yml` and `_data`.
#
#   ruby test/golden/yaml-scalars/generate.rb
#
# Each value is recorded as its Ruby class and `to_s` (Float#to_s for floats: `1000.0`, `6.57e-06`,
# `-0.0`, `Infinity`, `NaN`); where Psych raises (Integer("0b") for `0b_`, Float("-e+5") for
# `-.e+5`), the error's class. The tests compare src/read/yaml.ts's loadYaml with these.
#
# cases.json's "documents" are whole YAML texts (tags, text after a complete root node, several
# documents): each is recorded as the `inspect` of what Psych.safe_load returns (TZ=UTC), or the
# class and message of what it raises.
require "date"
require "json"
require "psych"

dir = __dir__
spec = JSON.parse(File.read(File.join(dir, "cases.json")))
values = spec["scalars"].map do |s|
  v = Psych.safe_load("v: #{s}\n", permitted_classes: [Date, Time], aliases: true)["v"]
  { "input" => s, "class" => v.class.name, "s" => v.to_s }
rescue StandardError => e
  { "input" => s, "error" => e.class.name }
end
ENV["TZ"] = "UTC"
documents = (spec["documents"] || []).map do |text|
  { "input" => text, "inspect" => Psych.safe_load(text, permitted_classes: [Date, Time], aliases: true).inspect }
rescue StandardError, Psych::Exception => e
  { "input" => text, "error" => e.class.name, "message" => e.message }
end
generator = "test/golden/yaml-scalars/generate.rb (Ruby #{RUBY_VERSION}, Psych #{Psych::VERSION})"
# One value a line: small, and a regeneration's diff names the scalars that changed.
File.write(File.join(dir, "expected.json"),
           "{\"generator\": #{JSON.generate(generator)},\n\"values\": [\n#{values.map { |v| JSON.generate(v) }.join(",\n")}\n],\n\"documents\": [\n#{documents.map { |v| JSON.generate(v) }.join(",\n")}\n]}\n")
puts "#{values.size} scalars, #{documents.size} documents"
