# Regenerates archives.json: what jekyll-archives 2.2.1 makes of permalink templates and titles
# (Archive#url, #relative_path, #name, #title, #date) and which kinds `enabled` switches on
# (Archives#enabled?). Run from the repository root:  ruby test/unit/plugins/golden/gen-archives.rb
require "jekyll"
require "jekyll-archives"
require "json"

dir = File.dirname(__FILE__)
SiteStub = Struct.new(:config)
pages = [
  ["/tag/:name/", "tag", "Hello World"], ["/tag/:name/", "tag", "Ünïcode ✓"], ["/tag/:name/", "tag", 2024],
  ["/tag/:name/", "tag", "C#/.NET"], ["/:type/:name.html", "category", "Tech"], ["/t/:name", "tag", "x y"],
  ["/:name/", "tag", 7], ["/:year/:month/:day/", "day", { :year => "2024", :month => "01", :day => "05" }],
  ["/archive/:year", "year", { :year => "1999" }], ["/:type/:year-:month/", "month", { :year => "2020", :month => "12" }],
  ["/tag/:name/:name/", "tag", "twice"], ["/tag/../:name/", "tag", "dots"], ["/tag/:name/", "tag", "  --Trim-- "],
]
urls = pages.map do |template, type, title|
  site = SiteStub.new({ "jekyll-archives" => { "permalinks" => { type => template }, "layout" => "archive" } })
  a = Jekyll::Archives::Archive.new(site, title, type, [])
  { "template" => template, "type" => type, "title" => title.is_a?(Hash) ? title.transform_keys(&:to_s) : title,
    "url" => a.url, "relative_path" => a.relative_path, "name" => a.name, "liquid_title" => a.title, "date" => a.date&.to_s }
end
enabled = [true, "all", "tags", ["tags", "year"], [], nil, false, "year"].map do |value|
  gen = Jekyll::Archives::Archives.new("jekyll-archives" => { "enabled" => value })
  { "enabled" => value, "on" => %w(tags categories year month day).select { |k| gen.enabled?(k) } }
end
File.write(File.join(dir, "archives.json"), JSON.pretty_generate("urls" => urls, "enabled" => enabled) + "\n")
