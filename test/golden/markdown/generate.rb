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
# Every case and combination is converted by a converter of its own, made in a process of its own
# (a fork of this one, which loads Jekyll but makes no converter): converters for several kramdown
# configurations in one process leak options into one another (a default-config converter used
# after a hard_wrap one wrote hard_wrap's output; GFM's header ids reached an `input: kramdown`
# converter), which a site build never sees.
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

src = Dir.mktmpdir('md-golden')
# What every converter loads, loaded once here (each child then starts with it), and the versions
# written below: kramdown, its GFM parser and Rouge, as Jekyll's converter requires them.
Jekyll::Site.new(Jekyll.configuration('source' => src, 'destination' => File.join(src, '_site'), 'quiet' => true))
require 'kramdown'
require 'kramdown-parser-gfm'
require 'rouge'
# Jekyll's Markdown converter for `config`, made afresh in a child process, on `markdown`.
convert = lambda do |config, markdown|
  reader, writer = IO.pipe
  pid = fork do
    reader.close
    result = begin
      conf = Jekyll.configuration(config.merge('source' => src, 'destination' => File.join(src, '_site'), 'quiet' => true))
      { 'html' => Jekyll::Site.new(conf).find_converter_instance(Jekyll::Converters::Markdown).convert(markdown) }
    rescue StandardError => e
      { 'error' => "#{e.class}: #{e.message}" }
    end
    writer.write(JSON.generate(result))
    writer.close
    exit!(0)
  end
  writer.close
  result = JSON.parse(reader.read)
  reader.close
  Process.wait(pid)
  abort "conversion failed: #{result['error']}\n#{markdown}" unless result.key?('html')
  result['html']
end
cases.each { |c| c['expected'] = convert.call(c['config'], c['markdown']) }

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
  { 'name' => name, 'markdown' => md, 'expected' => convert.call({}, md) }
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
