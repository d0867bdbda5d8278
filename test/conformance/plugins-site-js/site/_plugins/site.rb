# The Ruby plugin real Jekyll runs for this fixture; site.js beside it is build-site's twin.
module SitePluginsFixture
  class Greet < Liquid::Tag
    def initialize(name, markup, tokens)
      super
      @who = markup.strip
    end

    def render(_context) = "Hello, #{@who}!"
  end

  class PageTitle < Liquid::Tag
    def render(context) = context["page"]["title"].to_s
  end

  class Shout < Liquid::Block
    def render(context) = super.upcase
  end

  module Filters
    def double(input) = input.to_s * 2
    def wrap(input, left, right) = "#{left}#{input}#{right}"
  end

  class High < Jekyll::Generator
    priority :high
    def generate(site)
      site.config["order"] << "high"
      page = Jekyll::PageWithoutAFile.new(site, site.source, "generated", "index.html")
      page.content = "Made by a generator: {{ site.order | size }} generators ran before rendering."
      page.data["layout"] = "default"
      page.data["title"] = "Generated"
      site.pages << page
    end
  end

  class Low < Jekyll::Generator
    priority :low
    def generate(site)
      site.config["order"] << "low"
    end
  end

  class Upcase < Jekyll::Converter
    priority :normal
    def matches(ext) = ext.casecmp?(".upcase")
    def output_ext(_ext) = ".html"
    def convert(content) = content.upcase
  end
end

Liquid::Template.register_tag("greet", SitePluginsFixture::Greet)
Liquid::Template.register_tag("page_title", SitePluginsFixture::PageTitle)
Liquid::Template.register_tag("shout", SitePluginsFixture::Shout)
Liquid::Template.register_filter(SitePluginsFixture::Filters)

Jekyll::Hooks.register :site, :post_read do |site|
  site.data["from_hook"] = "#{site.posts.docs.size} post(s) read"
end

Jekyll::Hooks.register :posts, :pre_render do |post, _payload|
  post.data["hook_note"] = "set before rendering #{post.data["title"]}"
end

Jekyll::Hooks.register :documents, :post_convert do |doc|
  doc.content = doc.content.sub("<p>", "<p class=\"converted\">")
end

Jekyll::Hooks.register :pages, :post_render do |page|
  page.output = page.output + "<!-- page post_render: #{page.url} -->\n" if page.output_ext == ".html"
end

Jekyll::Hooks.register :posts, :post_render, priority: :low do |post|
  post.output += "<!-- low -->\n"
end

Jekyll::Hooks.register :posts, :post_render, priority: :high do |post|
  post.output += "<!-- high -->\n"
end

Jekyll::Hooks.register :site, :post_write do |site|
  File.write(File.join(site.dest, "post-write.txt"), "#{site.posts.docs.map(&:url).join(",")}\n")
end
