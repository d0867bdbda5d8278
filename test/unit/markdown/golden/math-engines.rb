# Regenerates math-engines.json: what kramdown 2.4 (GFM parser, as Jekyll 4.3 sets it up) writes for
# $$…$$ with math_engine mathjax (the default) and nil (no engine: kramdown's kdmath fallback).
# Run: ruby test/unit/markdown/golden/math-engines.rb > test/unit/markdown/golden/math-engines.json
# (Debian's ruby-kramdown and ruby-kramdown-parser-gfm). KaTeX has no golden: Debian has no
# kramdown-math-katex; test/unit/markdown/math.test.ts checks its output's shape instead.
require 'json'
require 'kramdown'
require 'kramdown-parser-gfm'

CASES = [
  "Inline $$a < b$$ and $$x^2$$.\n",
  "$$\n\\frac{a}{b} & c\n$$\n",
  "{: #eq1 .wide}\n$$\nE = mc^2\n$$\n",
  "* item\n\n  $$\n  y = x\n  $$\n",
  "> $$\n> a<b\n> $$\n",
]

out = CASES.map do |src|
  row = { 'source' => src }
  { 'mathjax' => :mathjax, 'none' => nil }.each do |name, engine|
    row[name] = Kramdown::Document.new(src, input: 'GFM', math_engine: engine, hard_wrap: false).to_html
  end
  row
end
puts JSON.pretty_generate(out)
