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
# Usage: ruby test/golden/markdown/generate.rb   (the tests never run this; CI has no Ruby)
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

File.write(File.join(here, 'golden.json'), JSON.pretty_generate({
  'generator' => "Jekyll #{Jekyll::VERSION}, kramdown #{Kramdown::VERSION}, Rouge #{Rouge.version}",
  'cases' => cases
}) + "\n")

langs = Rouge::Lexer.all.flat_map { |l| [l.tag] + l.aliases }.map(&:downcase).uniq.sort
File.write(File.join(here, 'rouge-languages.json'), JSON.generate(langs) + "\n")
puts "#{cases.size} cases, #{langs.size} Rouge language names"
