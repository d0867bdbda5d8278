#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Jekyll 4.3.1's own Markdown converter (kramdown 2.4 + GFM parser + Rouge, configured as Jekyll
# configures them) as a line protocol, for scripts/markdown-fuzz.mjs: each line on stdin is a JSON
# string of Markdown; each line on stdout is a JSON object {"html": …} or {"raise": "Class: message"}
# for it. An optional first argument is a JSON object merged into the site configuration
# (e.g. '{"kramdown":{"input":"kramdown"}}'). Run by hand where Ruby and Jekyll are installed;
# the tests never run it.
require 'jekyll'
require 'json'
require 'timeout'
require 'tmpdir'

extra = ARGV[0] ? JSON.parse(ARGV[0]) : {}
src = Dir.mktmpdir('kramdown-oracle')
conf = Jekyll.configuration(extra.merge('source' => src, 'destination' => File.join(src, '_site'), 'quiet' => true))
converter = Jekyll::Site.new(conf).find_converter_instance(Jekyll::Converters::Markdown)
$stdout.sync = true
$stdin.each_line do |line|
  markdown = JSON.parse(line)
  reply = begin
    # kramdown is super-linear on some inputs; a bound keeps a fuzz run moving
    { 'html' => Timeout.timeout(10) { converter.convert(markdown) } }
  rescue StandardError, Timeout::Error => e
    { 'raise' => "#{e.class}: #{e.message.lines.first&.chomp}" }
  end
  puts JSON.generate(reply)
end
