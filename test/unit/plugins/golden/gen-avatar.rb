# Regenerates avatar.json: `{% avatar %}` markups rendered by the real jekyll-avatar 0.8 (with
# and without PAGES_AVATARS_URL). Run from the repository root:
#   ruby test/unit/plugins/golden/gen-avatar.rb
require "jekyll"
require "jekyll-avatar"
require "json"

dir = File.dirname(__FILE__)
vars = { "page" => { "who" => "hubot", "nested" => { "name" => "mona" }, "num" => 42 }, "site" => { "owner" => "benbalter" } }
markups = [
  "hubot", "@octocat size=48", "user=page.who", "user=site.owner size=100 lazy=true",
  "{{ page.nested.name }} size=20", "user=page.missing", "jekyll SIZE=47", "  spaced   size=12  ",
  "user=page.num", "a.b-c_d size=0", "x size=9999", "lazy=true hubot", "@@twice", "hubot size=47 size=80",
]
hosts = [nil, "https://avatars.example.com/base", "https://cdn.example/"]
out = []
hosts.each do |host|
  markups.each do |m|
    ENV["PAGES_AVATARS_URL"] = host
    html = Liquid::Template.parse("{% avatar #{m} %}").render(vars)
    out << { "markup" => m, "host" => host || "", "vars" => vars, "expected" => html }
  end
end
File.write(File.join(dir, "avatar.json"), JSON.pretty_generate(out) + "\n")
