# Must NOT run: safe mode ignores _plugins.
module Extra
  class Gen < Jekyll::Generator
    def generate(site)
      site.pages << Jekyll::PageWithoutAFile.new(site, site.source, "", "from-plugin.html").tap { |p| p.content = "plugin ran" }
    end
  end
end
