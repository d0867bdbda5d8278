// build-site's twin of site.rb: a filter that changes nothing, so that the site has a plugin of its own.
module.exports = { name: "typed-keys-fixture", liquidFilters: () => ({ noop: (input) => input }) };
