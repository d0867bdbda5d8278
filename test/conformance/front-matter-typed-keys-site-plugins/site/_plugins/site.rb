# The Ruby plugin real Jekyll runs for this fixture; site.js beside it is build-site's twin. It does
# nothing but make the site one with plugins of its own.
module TypedKeysFixture
  def noop(input) = input
end
Liquid::Template.register_filter(TypedKeysFixture)
