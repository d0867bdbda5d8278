# Regenerates expected.json: how Ruby 3.1 (date 3.2, Psych 4) and Liquid 5.4, as Jekyll 4.3.1 uses
# them, read every string of cases.json.
#
#   ruby test/golden/dates/generate.rb
#
# For each of cases.json's "strings", and each zone of "zones" (ENV["TZ"]):
#   parse   Date._parse(s): the fields Ruby's date parser finds (Rationals as [numerator, denominator])
#   time    Time.parse(s): what Jekyll::Utils.parse_date starts from
#   jekyll  Time.parse(s).localtime: Jekyll::Utils.parse_date (front matter, file names, `time:`)
#   liquid  Liquid::Utils.to_date(s): what the `date` filter formats (null: not a date)
# For each of "yaml", the plain (unquoted) scalar as the value of `v:` read by Psych.safe_load the
# way Jekyll reads front matter, and, as `date:` of a document, the Time Jekyll's merge_date! makes
# of it (Utils.parse_date(value.to_s), written out here: Jekyll's own caches its answers per string,
# which would carry one zone's answer into the next).
# For each of "zone_names", the offset Date._parse gives the name after a time of day.
# "Now" is pinned to NOW_EPOCH (2026-12-01 00:00:00 UTC) as in test/golden/liquid/generate.rb.
require "date"
require "time"
require "json"
require "psych"
require "liquid"

NOW_EPOCH = 1_796_083_200
Time.singleton_class.prepend(Module.new { def now; Time.at(NOW_EPOCH); end })

dir = __dir__
spec = JSON.parse(File.read(File.join(dir, "cases.json")))

def enc(value)
  case value
  when Rational then [value.numerator, value.denominator]
  when Hash then value.to_h { |k, v| [k.to_s, enc(v)] }
  else value
  end
end

def time_repr(t)
  return nil if t.nil?
  { "t" => t.strftime("%Y-%m-%d %H:%M:%S.%L"), "off" => t.utc_offset, "zone" => t.zone, "s" => t.to_s }
end

def attempt
  yield
rescue StandardError => e
  { "error" => "#{e.class}: #{e.message}" }
end

strings = spec["strings"].map do |s|
  entry = { "input" => s, "parse" => attempt { enc(Date._parse(s)) } }
  %w[time jekyll liquid].each { |k| entry[k] = {} }
  spec["zones"].each do |zone|
    ENV["TZ"] = zone
    entry["time"][zone] = attempt { time_repr(Time.parse(s)) }
    entry["jekyll"][zone] = attempt { time_repr(Time.parse(s).localtime) }
    entry["liquid"][zone] = attempt { d = Liquid::Utils.to_date(s); d.respond_to?(:utc_offset) ? time_repr(d) : d }
  end
  entry
end

yaml = spec["yaml"].map do |s|
  entry = { "input" => s, "value" => {}, "date" => {} }
  spec["zones"].each do |zone|
    ENV["TZ"] = zone
    v = attempt { Psych.safe_load("v: #{s}\n", permitted_classes: [Date, Time], aliases: true)["v"] }
    entry["value"][zone] =
      case v
      when Time then { "class" => "Time" }.merge(time_repr(v))
      when Date then { "class" => "Date", "s" => v.to_s }
      when Hash then v
      else { "class" => v.class.name, "s" => v.to_s }
      end
    entry["date"][zone] = v.is_a?(Hash) ? v : attempt { time_repr(Time.parse(v.to_s).localtime) }
  end
  entry
end

# Each zone name Ruby's date library knows, after a time, alone and with the suffixes it strips
# (" standard time"; " daylight time" and " dst" add an hour): the offset Date._parse gives.
zone_names = spec["zone_names"].map do |name|
  { "name" => name }.merge(
    ["", " standard time", " daylight time", " dst"].to_h { |suffix| [suffix, enc(Date._parse("10:00 #{name}#{suffix}")[:offset])] }
  )
end

File.write(File.join(dir, "expected.json"), JSON.pretty_generate({
  "generator" => "test/golden/dates/generate.rb (Ruby #{RUBY_VERSION}, date #{Date::VERSION}, Psych #{Psych::VERSION}, Liquid #{Liquid::VERSION})",
  "now_epoch" => NOW_EPOCH,
  "strings" => strings,
  "yaml" => yaml,
  "zone_names" => zone_names,
}) + "\n")
puts "#{strings.size} strings x #{spec["zones"].size} zones, #{yaml.size} YAML scalars, #{zone_names.size} zone names"
