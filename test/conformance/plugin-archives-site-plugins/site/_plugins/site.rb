# The Ruby plugin real Jekyll runs for this fixture; site.js beside it is build-site's twin.
module ArchivesSitePluginFixture
  module Filters
    def shout_twice(input) = "#{input.to_s.upcase}!!"
  end
end
Liquid::Template.register_filter(ArchivesSitePluginFixture::Filters)

# A pages pre_render hook: the page's Hash was made before it ran (Renderer#assign_pages!), so the
# key it adds to the data is not seen in this render, neither by an archive nor by a plain page.
Jekyll::Hooks.register :pages, :pre_render do |page|
  page.data["hooked"] = "yes" if page.url.start_with?("/blog/tag/", "/2023/", "/about")
end
