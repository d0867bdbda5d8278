# Regenerates expected.json: every case of cases.json rendered by real Jekyll 4.3.1
# (Ruby Liquid 5.4 with Jekyll's filters and tags, jekyll-include-cache), the way
# Jekyll::Renderer#render_liquid does it: parse with site.liquid_renderer, render! with the
# site and page in the registers and the site's liquid options.
#
#   ruby test/golden/liquid/generate.rb
#
# LIQUID_GOLDEN_CASES and LIQUID_GOLDEN_OUT render another cases file elsewhere, to hunt for
# differences (scripts/liquid-matrix.mjs writes one; the test reads the same two variables).
#
# Context values are JSON with tagged scalars for what JSON cannot carry:
#   {"$time": "2025-05-30 14:05:09 -0500"}  a Time with its own UTC offset (front matter with offset)
#   {"$localtime": "2025-05-30 14:05:09"}   a Time in the site's timezone (Time.local under TZ)
#   {"$date": "2025-05-30"}                 a Date (YAML date without time)
#   {"$float": 3}                           a Float (3.0); "Infinity", "-Infinity" and "NaN" too
# "now" is pinned to NOW_EPOCH (2026-12-01 00:00:00 UTC), the time the tests give host.now().
require "jekyll"
require "jekyll-include-cache"
require "json"
require "date"
require "time"
require "tmpdir"

NOW_EPOCH = 1_796_083_200
Time.singleton_class.prepend(Module.new { def now; Time.at(NOW_EPOCH); end })

dir = __dir__
spec = JSON.parse(File.read(ENV.fetch("LIQUID_GOLDEN_CASES", File.join(dir, "cases.json"))))
source = File.join(dir, "site")

def decode(value)
  case value
  when Array then value.map { |v| decode(v) }
  when Hash
    if value.size == 1 && value.keys.first.start_with?("$")
      tag, raw = value.first
      case tag
      when "$time" then Time.strptime(raw, "%Y-%m-%d %H:%M:%S %z")
      when "$localtime" then Time.local(*raw.scan(/\d+/).map(&:to_i))
      when "$date" then Date.parse(raw)
      when "$float" then raw.is_a?(String) ? { "Infinity" => Float::INFINITY, "-Infinity" => -Float::INFINITY, "NaN" => Float::NAN }.fetch(raw) : raw.to_f
      else raise "unknown tag #{tag}"
      end
    else
      value.transform_values { |v| decode(v) }
    end
  else value
  end
end

def utf8(text)
  text = text.dup.force_encoding(Encoding::UTF_8)
  text.valid_encoding? ? text : text.scrub("\uFFFD")
end

sites = {}
spec["sites"].each do |name, overrides|
  config = Jekyll.configuration(overrides.merge("source" => source, "destination" => File.join(Dir.tmpdir, "liquid-golden-#{name}"), "quiet" => true))
  site = Jekyll::Site.new(config)
  site.reset
  site.read
  sites[name] = site
end

results = []
n = 0
spec["groups"].each do |group|
  site = sites.fetch(group["site"] || "ny")
  group["templates"].each_with_index do |template, i|
    n += 1
    ENV["TZ"] = site.config["timezone"]
    assigns = decode(spec["contexts"].fetch(group["context"] || "basic"))
    assigns["site"] = (assigns["site"] || {}).merge("baseurl" => site.config["baseurl"], "url" => site.config["url"])
    liquid = site.config["liquid"]
    info = {
      :registers        => { :site => site, :page => assigns["page"] },
      :strict_filters   => liquid["strict_filters"],
      :strict_variables => liquid["strict_variables"],
    }
    entry = { "group" => group["name"], "index" => i, "template" => template }
    begin
      tpl = site.liquid_renderer.file("case-#{n}.html").parse(template)
      output = tpl.render!(assigns, info)
      # Bytes that are no UTF-8 (base64_decode of anything; url_decode raises on them instead) cannot go into JSON: they
      # are recorded as U+FFFD, which is what build-site writes for them too.
      entry["output"] = utf8(output)
    # (SystemStackError is no StandardError; Jekyll's render_liquid rescues every Exception.)
    rescue StandardError, SyntaxError, SystemStackError => e
      # The goldens name no machine's folders: the repository's path becomes <repo>.
      entry["error"] = utf8("#{e.class}: #{e.message}").gsub(File.expand_path("../../..", __dir__), "<repo>")
    end
    results << entry
  end
end

File.write(ENV.fetch("LIQUID_GOLDEN_OUT", File.join(dir, "expected.json")), JSON.pretty_generate({
  "generator" => "test/golden/liquid/generate.rb (Jekyll #{Jekyll::VERSION}, Liquid #{Liquid::VERSION}, Ruby #{RUBY_VERSION})",
  "now_epoch" => NOW_EPOCH,
  "results"   => results,
}) + "\n")
puts "#{results.size} cases, #{results.count { |r| r["error"] }} errors"
