# Regenerates jemoji.json: html-pipeline 2.14's EmojiFilter (with jemoji's options: asset root,
# no `align`) run through Nokogiri on HTML inputs. Debian packages neither jemoji nor gemoji, so
# a stand-in `Emoji` module with five emoji (file names as gemoji gives them) replaces gemoji,
# and jemoji's own few lines (the pattern check on the whole output, the <body> split) are
# written out here from its source. Run from the repository root:
#   ruby test/unit/plugins/golden/gen-jemoji.rb
require "json"
require "tmpdir"

Dir.mktmpdir do |lib|
  File.write(File.join(lib, "gemoji.rb"), "")
  $LOAD_PATH.unshift(lib)
  module Emoji
    Char = Struct.new(:aliases, :image_filename)
    ALL = [
      Char.new(["smile"], "unicode/1f604.png"), Char.new(["heart"], "unicode/2764.png"),
      Char.new(["+1", "thumbsup"], "unicode/1f44d.png"), Char.new(["tada"], "unicode/1f389.png"),
      Char.new(["octocat"], "octocat.png"),
    ].freeze
    def self.all = ALL
    def self.find_by_alias(name) = ALL.find { |c| c.aliases.include?(name) }
  end
  require "html/pipeline"
  require "html/pipeline/emoji_filter"
end

def emojify(output, src)
  return output unless output.match?(HTML::Pipeline::EmojiFilter.emoji_pattern)
  pipeline = HTML::Pipeline.new([HTML::Pipeline::EmojiFilter], :asset_root => src, :img_attrs => { :align => nil })
  if output.include?("<body")
    head, opener, tail = output.partition(%r!<body(.*?)>\s*!m)
    body_content, *rest = tail.partition("</body>")
    String.new(head) << opener << pipeline.call(body_content)[:output].to_s << rest.join
  else
    pipeline.call(output)[:output].to_s
  end
end

dir = File.dirname(__FILE__)
inputs = [
  ["<p>Hi :smile: and :heart::+1: :thumbsup: :octocat: :nope: :tada</p>", "https://github.githubassets.com/images/icons/"],
  ["<p>:smile:</p><pre>:smile:</pre><code>:heart:</code><tt>:tada:</tt><a href=\"#\">:+1:</a>", "https://github.githubassets.com/images/icons/"],
  ["<html><head><title>:smile:</title></head><body class=\"x\">\n\n<p>:tada: &lt;b&gt;bold&lt;/b&gt; &amp; more</p>\n</body></html>\n", "/assets/"],
  ["<p>:foo:smile: ::smile:: :smile:heart:</p>", "https://cdn.example/icons"],
  ["<div><p>a</p><p>:smile:</p></div>", "https://cdn.example/icons/"],
  ["<p>no emoji :here:</p><div   class='x'>kept</div>", "/e/"],
  ["<p title=\":smile:\">x</p>", "/e/"],
]
out = inputs.map { |html, src| { "input" => html, "src" => src, "expected" => emojify(html, src) } }
File.write(File.join(dir, "jemoji.json"), JSON.pretty_generate(out) + "\n")
