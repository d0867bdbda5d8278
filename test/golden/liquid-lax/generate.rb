# Generates expected.json: malformed Liquid markup that Ruby Liquid 5.4 accepts, with what real
# Jekyll 4.3.1 renders for it in each `liquid.error_mode`.
#
#   ruby test/golden/liquid-lax/generate.rb
#
# (LAX_GOLDEN_ROUNDS, LAX_GOLDEN_PER_SEED, LAX_GOLDEN_SEED, LAX_GOLDEN_THEMES, LAX_GOLDEN_ACADEMIC and LAX_GOLDEN_OUT
# make a bigger or different set elsewhere, to hunt for differences; the committed file uses the
# defaults.)
#
# Each case is one of the SEEDS below (valid templates) with one of its `{{ }}`/`{% %}` markups
# mutated: a lexical piece dropped, doubled, swapped with the next one, or replaced, or a stray
# piece (pipe, colon, comma, quote, bracket, paren, dot, dash, operator word...) inserted. The
# random generator is seeded, so the output is the same on every run. A mutant is kept when
# - Ruby accepts it in `warn` and `lax` mode and its strict parse fails (a warning in `warn`):
#   "malformed" cases, the ones this golden is about; or
# - its mutated markup belongs to a tag Ruby reads with one regex in every mode (assign, capture,
#   case/when, cycle, tablerow), so there is no warning to tell, and Ruby accepts it; or
# - Ruby rejects it in every mode (a few, to pin that those stay errors).
# For every kept case the file records, per mode (warn, lax, strict), the output or the error, and
# in warn mode the warnings (Liquid::SyntaxError#message, as Jekyll prints after "Liquid Warning:").
# Templates render like test/golden/liquid/generate.rb's: Jekyll's site.liquid_renderer, the
# site and page in the registers, the "basic" context of test/golden/liquid/cases.json plus EXTRA.
require "jekyll"
require "json"
require "jekyll-include-cache" if ENV["LAX_GOLDEN_ACADEMIC"]
require "date"
require "time"
require "tmpdir"

NOW_EPOCH = 1_796_083_200
Time.singleton_class.prepend(Module.new { def now; Time.at(NOW_EPOCH); end })

DIR = __dir__
GOLDEN = File.join(DIR, "..", "liquid")
SPEC = JSON.parse(File.read(File.join(GOLDEN, "cases.json")))

# Values the seeds use besides the golden "basic" context (the lines of minimal-mistakes'
# includes quoted in the issue among them).
EXTRA = {
  "page_tags" => "b,a,c,a",
  "platform" => "twitter",
  "words_per_minute" => 200,
  "words" => 1234,
  "site" => {
    "locale" => "en",
    "data" => {
      "ui-text" => { "en" => { "undefined_wpm" => nil, "less_than" => "less than", "minute_read" => "minute read" } },
      "social" => { "twitter" => { "user" => "jekyllrb" } },
      "nav" => [{ "title" => "Home", "url" => "/" }, { "title" => "Blog", "url" => "/blog/" }],
    },
  },
}.freeze

SEEDS = [
  # Outputs and filters
  "{{ site.data.ui-text[site.locale].undefined_wpm | default: 'wpm' }}",
  "{{ page.title | upcase | append: '!' }}",
  "{{ page.title | truncate: 8, '..' }}",
  "{{ str | split: ' ' | join: '-' }}",
  "{{ nums | sort | reverse | first }}",
  "{{ page.tags | join: ', ' }}",
  "{{ items | where: 'cat', 'x' | map: 'name' | join: ',' }}",
  "{{ items | sort: 'name' | map: 'name' | join }}",
  "{{ int | plus: 5 | times: 2 }}",
  "{{ float | divided_by: 4 }}",
  "{{ pi | round: 2 }}",
  "{{ page.hash.b | capitalize | prepend: 'x' }}",
  "{{ page.hash['c'][1] }}",
  "{{ page.tags[0] | upcase }}",
  "{{ page.missing | default: 'none' }}",
  "{{ str | replace: 'world', 'there' | remove: 'h' }}",
  "{{ str | slice: 0, 5 }}",
  "{{ page.date | date: '%Y-%m-%d' }}",
  "{{ html | escape }}",
  "{{ html | strip_html | size }}",
  "{{ strs | sort_natural | last }}",
  "{{ people | group_by: 'team' | size }}",
  "{{ page.url | relative_url }}",
  "{{ page.url | absolute_url }}",
  "{{ site.data.nav | jsonify }}",
  "{{ three | join: '/' | url_encode }}",
  "{{ 'a,b,c' | split: ',' | size }}",
  "{{ (1..4) | join: '+' }}",
  "{{ words | divided_by: words_per_minute | plus: 1 }}",
  "{{ numstr | plus: 1 }}{{ floatstr | minus: 1 }}",
  "{{ page.title | slugify }}",
  "{{ nested | flatten | join: '' }}",
  "{{ withnil | compact | join: ':' }}",
  "a {{- page.title -}} b",
  # assign / capture
  "{% assign tag_hashes = page_tags | split: ',' | sort %}{{ tag_hashes | join: ' ' }}",
  "{% assign data_social = site.data.social[platform] | default: site.data_social[platform] %}{{ data_social.user }}",
  "{% assign x = page.n | plus: 1 %}{{ x }}",
  "{% assign names = items | map: 'name' %}{{ names | join: '' }}",
  "{% capture greeting %}Hi {{ page.title }}{% endcapture %}{{ greeting }}",
  "{% assign t = 'a-b-c' | split: '-' %}{{ t[1] }}{{ t.size }}",
  # conditions
  "{% if page.n > 2 %}big{% else %}small{% endif %}",
  "{% if page.title == 'Hello World' and page.yes %}yes{% endif %}",
  "{% if page.no or page.nil %}a{% elsif page.tags contains 'a' %}b{% else %}c{% endif %}",
  "{% unless page.tags contains 'z' %}no z{% endunless %}",
  "{% if page.empty == empty %}e{% endif %}{% if page.list == blank %}b{% endif %}",
  "{% if int >= 10 and neg < 0 %}ok{% endif %}",
  "{% if str != 'x' %}{{ str }}{% endif %}",
  "{% if page.hash.e.x %}deep{% endif %}",
  "{% if items.size == 4 %}four{% endif %}",
  # loops
  "{% for t in page.tags %}{{ t }}{% unless forloop.last %},{% endunless %}{% endfor %}",
  "{% for n in nums limit: 2 offset: 1 %}{{ n }}{% endfor %}",
  "{% for n in nums reversed %}{{ forloop.index }}{{ n }}{% endfor %}",
  "{% for i in (1..3) %}{{ i }}{% else %}none{% endfor %}",
  "{% for p in people %}{% if p.age > 26 %}{{ p.name }}{% endif %}{% endfor %}",
  "{% for item in site.data.nav %}<a href=\"{{ item.url }}\">{{ item.title }}</a>{% endfor %}",
  "{% for x in page.list %}x{% else %}empty{% endfor %}",
  "{% for i in (1..5) %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}",
  "{% tablerow n in nums cols: 2 %}{{ n }}{% endtablerow %}",
  "{% for n in nums %}{% cycle 'odd', 'even' %}{% endfor %}",
  "{% for n in three %}{% cycle 'g': 'a', 'b' %}{% endfor %}",
  # case
  "{% case page.n %}{% when 1 %}one{% when 3 %}three{% else %}other{% endcase %}",
  "{% case page.title %}{% when 'x', 'Hello World' %}hit{% endcase %}",
  # whitespace control, nesting, loops' state
  "a  {%- if page.yes -%}  b  {%- endif -%}  c",
  "x {{- page.n -}} y {%- assign z = 1 %} {{ z -}} w",
  "{% for t in page.tags %}{% for n in nums limit: 1 %}{{ t }}{{ n }}{{ forloop.parentloop.index }}{% endfor %}{% endfor %}",
  "{% for n in nums limit: 2 %}{{ n }}{% endfor %}|{% for n in nums offset: continue %}{{ n }}{% endfor %}",
  "{% if page.n %}\n  {% assign q = 1 %}\n{% endif %}[{{ q }}]",
  "{% case page.tags.size %}{% when 2 or 3 %}two or three{% when 4 %}four{% endcase %}",
  "{% tablerow n in nums cols: 3 limit: 3 offset: 1 %}{{ tablerowloop.col }}{{ n }}{% endtablerow %}",
  "{% cycle 1, 2, 3 %}{% cycle 1, 2, 3 %}{% cycle page.n, 'b' %}",
  "{% liquid\nassign a = page.title | upcase\nif a\necho a\nendif\n%}",
  "{% capture c %}{% for t in page.tags %}{{ t }}{% endfor %}{% endcapture %}{{ c | size }}",
  "{% comment %} {% if %} {{ | }} {% endcomment %}ok",
  "{% raw %}{% if %}{{ x | | }}{% endraw %}",
  "{% # a comment %}{{ page.title }}",
  # other tags
  "{% increment c %}{% increment c %}{% decrement c %}",
  "{% include hello.html %}",
  "{% include params.html a='1' b=page.title %}",
  "{% comment %}{{ page.title }}{% endcomment %}done",
  "{% raw %}{{ page.title }}{% endraw %}",
  "{% echo page.title | downcase %}",
  "{% if page.no %}{% render 'hello.html' %}{% endif %}ok",
].freeze

# LAX_GOLDEN_THEMES=1 (hunts only; the committed file leaves it unset): markups of researchers'
# themes (al-folio, academicpages, minimal-mistakes, Chirpy) added to SEEDS.
THEME_SEEDS = [
  "{{ items | where_exp: 'i', 'i.cat == \"x\" and i.name contains \"a\"' | map: 'name' | join: ',' }}",
  "{{ people | group_by_exp: 'p', 'p.age | divided_by: 10' | map: 'name' | join: ' ' }}",
  "{{ items | sort: 'name', 'last' | map: 'name' | join }}",
  "{% assign pubs = items | where: 'cat', 'x' | sort: 'name' | reverse %}{% for p in pubs limit: 2 %}{{ p.name }}{% endfor %}",
  "{% for t in page.tags %}{% capture n %}{{ forloop.index }}/{{ forloop.length }}{% endcapture %}{{ n | strip }}{% endfor %}",
  "{% assign year = page.date | date: '%Y' | plus: 0 %}{% if year > 2000 %}{{ year }}{% endif %}",
  "{{ page.title | slugify: 'pretty' | truncatewords: 3, '' }}",
  "{{ str | number_of_words: 'auto' }}{{ html | strip_html | normalize_whitespace | xml_escape }}",
  "{%- if page.tags.size > 0 -%}{{ page.tags | array_to_sentence_string: 'and' }}{%- endif -%}",
  "{{ site.data.nav | map: 'title' | join: ' | ' | prepend: '[' | append: ']' }}",
  "{% for p in people %}{% unless forloop.first %},{% endunless %}{{ p.name | default: 'anon' }}{% endfor %}",
  "{{ page.date | date_to_xmlschema }}{{ page.date | date: '%b %-d, %Y' }}",
].freeze
# LAX_GOLDEN_ACADEMIC=1 (hunts only, too): what academic sites' templates do beyond THEME_SEEDS —
# includes nesting includes with parameters, every tablerowloop and forloop property, {% liquid %}
# with case, for and comments, include_cached, where_exp/find_exp with or chains, offset: continue,
# whitespace control on raw, comment, case and when, break and continue in tablerow and includes.
ACADEMIC_SEEDS = [
  "{% for it in items limit: 2 %}{%- include card.html item=it label=forloop.index show=true -%}{% endfor %}",
  "{% include list.html entries=people max=2 show=page.yes label='x' %}|{{ it.name }}",
  "{% include nested.html who=page.title %}{% include loop.html list=page.tags %}",
  "{% tablerow x in nums cols: 2 limit: 3 %}{{ tablerowloop.col }}/{{ tablerowloop.row }}/{{ tablerowloop.col_last }}/{{ tablerowloop.rindex }}:{{ x }}{% endtablerow %}",
  "{% for x in three %}{{ forloop.name }}{{ forloop.rindex0 }}{% if forloop.first %}^{% endif %}{% endfor %}",
  "{% liquid
# note
for x in nums limit: 3
  case x
    when 1, 2
      echo 'lo'
    else
      echo x | append: ';'
  endcase
endfor
%}",
  "{% include_cached cached.html x=page.title %}{% include_cached cached.html x=page.title %}",
  "{{ people | where_exp: 'p', 'p.age > 26 or p.team == \"blue\"' | map: 'name' | join: ',' }}",
  "{{ items | find_exp: 'i', 'i.tags contains \"ai\" and i.year != nil' | inspect }}",
  "{% for n in nums limit: 2 %}{{ n }}{% endfor %}{% for n in nums offset: continue limit: 1 %}{{ n }}{% endfor %}",
  "a {%- raw -%} {{ x }} {%- endraw -%} b {%- comment -%} c {%- endcomment -%} d",
  "{%- case page.n -%} {%- when 3 -%} three {%- else -%} other {%- endcase -%}",
  "{% assign acc = '' %}{% for t in page.tags %}{% capture acc %}{{ acc }}{{ t | upcase }},{% endcapture %}{% endfor %}{{ acc }}",
  "{{ '2024-02-29' | date: '%b %-d, %Y' }}{{ 'May 3, 2021' | date_to_long_string: 'ordinal', 'US' }}",
  "{{ withnil | sort_natural | join: ',' }}{{ nilnames | sort: 'name', 'last' | map: 'id' | join }}",
  "{% for i in (1..3) %}{% tablerow j in (1..2) %}{% break %}{{ j }}{% endtablerow %}{{ i }}{% endfor %}]",
  "{% for i in (1..3) %}{% include interrupt.html skip=true %}{% if i == 2 %}{% break %}{% endif %}{{ i }}{% endfor %}",
].freeze
# (LAX_GOLDEN_ACADEMIC=only: these alone, for a hunt that spends its rounds on them.)
HUNTED_SEEDS = if ENV["LAX_GOLDEN_ACADEMIC"] == "only" then ACADEMIC_SEEDS
               else SEEDS + (ENV["LAX_GOLDEN_THEMES"] ? THEME_SEEDS : []) + (ENV["LAX_GOLDEN_ACADEMIC"] ? ACADEMIC_SEEDS : [])
               end.freeze

# Pieces inserted or substituted.
STRAYS = ["|", ":", ",", "'", "\"", "(", ")", "[", "]", ".", "..", "-", "=", "==", "!=", "<", ">",
          " and ", " or ", " contains ", "x", "0", "1.5", " ", "?", "!", "'q'", "\"q r\"", "{", "}",
          "%", "#", "upcase", "nil", "empty", "in", "reversed", "limit:", "with", "\n"].freeze

# A markup's lexical pieces: quoted strings, words, numbers, runs of spaces, single characters.
def pieces(markup)
  markup.scan(/"[^"]*"|'[^']*'|[A-Za-z_][\w-]*\??|\d+(?:\.\d+)?|\s+|\.\.|==|!=|<=|>=|./m)
end

def mutate(markup, rng)
  p = pieces(markup)
  return markup if p.empty?
  i = rng.rand(p.size)
  case rng.rand(6)
  when 0 then p.delete_at(i)
  when 1 then p.insert(i, p[i])
  when 2 then p[i], p[i + 1] = p[i + 1], p[i] if i + 1 < p.size
  when 3 then p[i] = STRAYS[rng.rand(STRAYS.size)]
  else p.insert(i, STRAYS[rng.rand(STRAYS.size)])
  end
  p.join
end

MARKUP = /\{%-?\s*(\w+)(.*?)-?%\}|\{\{-?(.*?)-?\}\}/m
REGEX_TAGS = %w(assign capture case when cycle tablerow increment decrement include).freeze

# A mutation of the template text itself, delimiters and tag names included.
TEMPLATE_STRAYS = ["{", "}", "%", "-", "{{", "}}", "{%", "%}", "{%-", "-%}", " ", "\n", "endif", "else", "end"].freeze
def template_mutant(seed, rng)
  p = seed.scan(/\{%-?|-?%\}|\{\{-?|-?\}\}|[A-Za-z_]\w*|\s+|./m)
  i = rng.rand(p.size)
  case rng.rand(3)
  when 0 then p.delete_at(i)
  when 1 then p.insert(i, TEMPLATE_STRAYS[rng.rand(TEMPLATE_STRAYS.size)])
  else p[i] = TEMPLATE_STRAYS[rng.rand(TEMPLATE_STRAYS.size)]
  end
  [p.join, false]
end

# One mutant of a seed: a markup picked at random, one or two mutations (or, one time in five,
# a mutation of the template text). Returns the template and whether the mutated markup is a
# tag Ruby reads with one regex.
def mutant(seed, rng)
  return template_mutant(seed, rng) if rng.rand(5).zero?

  spans = []
  seed.scan(MARKUP) { spans << [Regexp.last_match.begin(0), Regexp.last_match.end(0), Regexp.last_match(1)] }
  b, e, tag = spans[rng.rand(spans.size)]
  text = seed[b...e]
  open_len = text.start_with?("{%") ? (text =~ /\{%-?\s*\w+/ && Regexp.last_match(0).length) : (text.start_with?("{{-") ? 3 : 2)
  close_len = text.end_with?("-%}", "-}}") ? 3 : 2
  inner = text[open_len...-close_len]
  inner = mutate(inner, rng)
  inner = mutate(inner, rng) if rng.rand(3).zero?
  [seed[0...b] + text[0...open_len] + inner + text[-close_len..] + seed[e..], tag && REGEX_TAGS.include?(tag)]
end

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
      when "$float" then raw.to_f
      else raise "unknown tag #{tag}"
      end
    else
      value.transform_values { |v| decode(v) }
    end
  else value
  end
end

def deep_merge(a, b)
  a.merge(b) { |_k, x, y| x.is_a?(Hash) && y.is_a?(Hash) ? deep_merge(x, y) : y }
end

SITE_CONFIG = SPEC["sites"].fetch("ny")
CONTEXT = deep_merge(SPEC["contexts"].fetch("basic"), EXTRA)

site = Jekyll::Site.new(Jekyll.configuration(SITE_CONFIG.merge(
  "source" => File.join(GOLDEN, "site"), "destination" => File.join(Dir.tmpdir, "liquid-lax-golden"), "quiet" => true,
)))
site.reset
site.read
ENV["TZ"] = site.config["timezone"]

$n = 0
def run(site, template, mode)
  Liquid::Template.error_mode = mode.to_sym
  $n += 1
  assigns = decode(CONTEXT)
  assigns["site"] = assigns["site"].merge("baseurl" => site.config["baseurl"], "url" => site.config["url"])
  info = { :registers => { :site => site, :page => assigns["page"] }, :strict_filters => false, :strict_variables => false }
  result = {}
  begin
    file = site.liquid_renderer.file("case-#{$n}.html").parse(template)
    result["warnings"] = file.warnings.map(&:message) if mode == "warn"
    result["output"] = file.render!(assigns, info)
  rescue StandardError, SyntaxError => e
    # The goldens name no machine's folders: the repository's path becomes <repo>.
    result["error"] = "#{e.class}: #{e.message}".gsub(File.expand_path("../../..", __dir__), "<repo>")
    result["line"] = e.line_number if e.respond_to?(:line_number)
  end
  result
end

ROUNDS = Integer(ENV.fetch("LAX_GOLDEN_ROUNDS", "40"))
PER_SEED = Integer(ENV.fetch("LAX_GOLDEN_PER_SEED", "12"))
OUT = ENV.fetch("LAX_GOLDEN_OUT", File.join(DIR, "expected.json"))
rng = Random.new(Integer(ENV.fetch("LAX_GOLDEN_SEED", "20261201")))
cases = []
seen = {}
per_seed = Hash.new(0)
rejected = 0
HUNTED_SEEDS.each { |s| seen[s] = true }
ROUNDS.times do
  HUNTED_SEEDS.each_with_index do |seed, index|
    next if per_seed[index] >= PER_SEED
    template, regex_tag = mutant(seed, rng)
    next if seen[template]
    seen[template] = true
    modes = %w(warn lax strict).to_h { |m| [m, run(site, template, m)] }
    warn = modes["warn"]
    accepted = !warn.key?("error") || !warn["error"].start_with?("Liquid::SyntaxError")
    accepted &&= !modes["lax"].key?("error") || !modes["lax"]["error"].start_with?("Liquid::SyntaxError")
    kind = if accepted && !(warn["warnings"] || []).empty? then "malformed"
           elsif accepted && regex_tag then "regex-tag"
           elsif !accepted && rejected < ROUNDS * 3 / 2 && modes.values.all? { |r| r.key?("error") } then "rejected"
           end
    next unless kind
    rejected += 1 if kind == "rejected"
    per_seed[index] += 1
    cases << { "seed" => index, "kind" => kind, "template" => template, "modes" => modes }
  end
end

# Cases found by hunts with other seeds (LAX_GOLDEN_SEED=…), kept whatever the random part draws;
# after it, so that they do not change its draws.
PINNED = [
  # An elsif's strict-parse warning has the if tag's line (strict_parse_with_error_context sets
  # the Tag's line_number), wherever the elsif is and whatever newlines its markup has.
  "{% if page.no or page.nil %}a{% elsif \n.tags contains 'a' %}b{% else %}c{% endif %}",
  "{% if page.no %}\n\na{% elsif .tags contains 'a' %}b{% endif %}",
  "{% unless page.yes %}\na{% elsif page.n ==\n= 3 %}b{% endunless %}",
  "\n{% if\npage.no %}a{% elsif page.tags[0 %}b{% endif %}",
  # A for loop's limit/offset that the failed strict parse read stays for the lax one (For's
  # instance variables), unless the lax scan sets it again.
  "{% for n in nums limit:  2offset: 1..%}{{ n }}{% endfor %}",
  "{% for n in nums offset: 1 limit: 2 x %}{{ n }}{% endfor %}",
  "{% for n in nums limit: 1 offset: 2 | %}{{ n }}{% endfor %}",
  "{% for n in nums offset:2 limit: 1, %}{{ n }}{% endfor %}",
]
PINNED.each do |template|
  next if seen[template]
  seen[template] = true
  modes = %w(warn lax strict).to_h { |m| [m, run(site, template, m)] }
  accepted = !modes["warn"].key?("error") && !modes["lax"].key?("error")
  kind = accepted && !(modes["warn"]["warnings"] || []).empty? ? "malformed" : accepted ? "regex-tag" : "rejected"
  cases << { "seed" => -1, "kind" => kind, "template" => template, "modes" => modes }
end

File.write(OUT, JSON.pretty_generate({
  "generator" => "test/golden/liquid-lax/generate.rb (Jekyll #{Jekyll::VERSION}, Liquid #{Liquid::VERSION}, Ruby #{RUBY_VERSION})",
  "now_epoch" => NOW_EPOCH,
  "site" => SITE_CONFIG,
  "context" => CONTEXT,
  "cases" => cases,
}) + "\n")
counts = cases.group_by { |c| c["kind"] }.transform_values(&:size)
puts "#{cases.size} cases: #{counts}"
