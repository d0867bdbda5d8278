#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Regenerates test/golden/markdown/golden.json from the case files in cases/*.md with real Jekyll 4.3.1
# (kramdown 2.4 + kramdown-parser-gfm + Rouge, configured exactly as Jekyll configures them: we call
# Jekyll's own Markdown converter, so `syntax_highlighter_opts`, `default_lang: plaintext`,
# `guess_lang` and Jekyll's Kramdown converter subclass are all in play).
# It also writes rouge-languages.json: every lexer tag and alias Rouge 3.30 knows, which the golden
# test uses to decide whether a fenced block gets Rouge's wrapper when the real highlighter is absent.
#
# Case file format: a line `@@@ name` starts a case; an optional JSON object after the name
# (`@@@ name {"kramdown":{"hard_wrap":true},"highlighter":"none"}`) is merged into _config.yml.
# Everything up to the next `@@@` line is the Markdown source (verbatim, including its final newline).
#
# It also writes combos.json: 300 combinations of the default-config cases (see below).
#
# Caution: converters for several kramdown configurations in one process can leak options into one
# another (seen with `hard_wrap`: a default-config converter used after a hard_wrap one wrote
# hard_wrap's output). Cases with a non-default configuration must agree with a real site build
# (scripts/differential.mjs --cases FILE --config JSON); where they do not, pin them as a
# conformance fixture instead (test/conformance/kramdown-hard-wrap).
#
# Usage: ruby test/golden/markdown/generate.rb [--new-combos]   (the tests never run this; CI has no Ruby)
require 'jekyll'
require 'json'
require 'tmpdir'

here = __dir__
cases = []
Dir[File.join(here, 'cases', '*.md')].sort.each do |file|
  current = nil
  File.read(file, encoding: 'UTF-8').each_line do |line|
    if line.start_with?('@@@ ')
      cases << current if current
      head = line[4..].strip
      name, json = head.split(/\s+/, 2)
      current = { 'name' => "#{File.basename(file, '.md')}/#{name}", 'config' => json ? JSON.parse(json) : {}, 'markdown' => +'' }
    elsif current
      current['markdown'] << line
    end
  end
  cases << current if current
end

names = cases.map { |c| c['name'] }
dups = names.select { |n| names.count(n) > 1 }.uniq
abort "duplicate case names: #{dups.join(', ')}" unless dups.empty?

converters = {}
src = Dir.mktmpdir('md-golden')
cases.each do |c|
  key = JSON.generate(c['config'])
  conv = converters[key] ||= begin
    conf = Jekyll.configuration(c['config'].merge('source' => src, 'destination' => File.join(src, '_site'), 'quiet' => true))
    Jekyll::Site.new(conf).find_converter_instance(Jekyll::Converters::Markdown)
  end
  c['expected'] = conv.convert(c['markdown'])
end

# Combinations: cases placed next to each other and inside containers (list items, blockquotes),
# where kramdown's block boundaries, lazy lines and container text matter. Deterministic (a fixed
# linear congruential generator), so regenerating gives the same inputs.
default_cases = cases.select { |c| c['config'].empty? }
seed = 20_251_129
rnd = lambda do
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  seed.to_f / 2_147_483_648
end
pick = -> { default_cases[(rnd.call * default_cases.size).floor]['markdown'] }
indent = ->(md, n) { md.gsub(/\n(?=.)/, "\n" + ' ' * n) }
conv = converters[JSON.generate({})] ||= begin
  conf = Jekyll.configuration('source' => src, 'destination' => File.join(src, '_site'), 'quiet' => true)
  Jekyll::Site.new(conf).find_converter_instance(Jekyll::Converters::Markdown)
end
combos_file = File.join(here, 'combos.json')
# The inputs are kept once made (adding a case would otherwise reshuffle every combination);
# `--new-combos` draws them afresh.
old_inputs = if File.exist?(combos_file) && !ARGV.include?('--new-combos')
               JSON.parse(File.read(combos_file))['cases'].map { |c| [c['name'], c['markdown']] }
             end
combos = (0...300).map do |i|
  kind = (rnd.call * 5).floor
  md = case kind
       when 0 then pick.call + pick.call
       when 1 then pick.call + "\n" + pick.call
       when 2 then '* ' + indent.call(pick.call, 2) + "* item\n"
       when 3 then pick.call.lines.map { |l| '> ' + l }.join + "> \n"
       else '1. ' + indent.call(pick.call, 3) + "\n" + pick.call
       end
  name = "combo-#{i}-#{%w[adjacent blank-between list-item blockquote ordered-then-next][kind]}"
  name, md = old_inputs[i] if old_inputs && old_inputs[i]
  { 'name' => name, 'markdown' => md, 'expected' => conv.convert(md) }
end
File.write(combos_file, JSON.pretty_generate({
  'generator' => "Jekyll #{Jekyll::VERSION}, kramdown #{Kramdown::VERSION}, Rouge #{Rouge.version}",
  'cases' => combos
}) + "\n")

File.write(File.join(here, 'golden.json'), JSON.pretty_generate({
  'generator' => "Jekyll #{Jekyll::VERSION}, kramdown #{Kramdown::VERSION}, Rouge #{Rouge.version}",
  'cases' => cases
}) + "\n")

langs = Rouge::Lexer.all.flat_map { |l| [l.tag] + l.aliases }.map(&:downcase).uniq.sort
File.write(File.join(here, 'rouge-languages.json'), JSON.generate(langs) + "\n")
puts "#{cases.size} cases, #{combos.size} combinations, #{langs.size} Rouge language names"
