# Regenerates titles.json: the title jekyll-titles-from-headings 0.5.3's TITLE_REGEX finds (the
# raw heading text, before markdownify) and the content strip_title leaves. Run from the
# repository root:  ruby test/unit/plugins/golden/gen-titles.rb
require "jekyll"
require "jekyll-titles-from-headings"
require "json"

dir = File.dirname(__FILE__)
re = JekyllTitlesFromHeadings::Generator::TITLE_REGEX
inputs = [
  "# Title\n\nBody", "## Two\nx", "### Three ###\n", "#### Four\n", "#No space\n", "  \n\n# After blank lines\nx",
  "Setext\n======\n\nBody", "Setext two\n---\nx", "Para\n\n# Late", "# Closing #\n", "#\tTab title\n",
  "# Trailing spaces   \nx", "Line one\nLine two\n===\n", "\r\n# CRLF\r\nbody", "# A\n# B\n", "", "plain text",
  "Setext with trailing\n===   \n\nz", "#  Many  spaces  #  \n", "# Title [^1]\n",
]
out = inputs.map do |s|
  m = s.match(re)
  { "input" => s, "title" => m && (m[1] || m[2]), "stripped" => s.gsub(re, "").strip }
end
File.write(File.join(dir, "titles.json"), JSON.pretty_generate(out) + "\n")
