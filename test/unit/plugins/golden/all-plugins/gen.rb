# Regenerates expected/: the golden site (15 GitHub Pages plugins together: feed, sitemap,
# seo-tag, redirect-from, paginate, include-cache, gist, mentions, avatar, relative-links,
# optional-front-matter, titles-from-headings, default-layout, readme-index, github-metadata)
# built by real Jekyll 4.3.1 offline. Run from the repository root:
#   ruby test/unit/plugins/golden/all-plugins/gen.rb
require "fileutils"
dir = File.dirname(File.expand_path(__FILE__))
FileUtils.rm_rf(File.join(dir, "expected"))
env = { "TZ" => "UTC", "JEKYLL_ENV" => "development", "PAGES_REPO_NWO" => "octo/project", "JEKYLL_BUILD_REVISION" => "abc", "NO_NETRC" => "1" }
system(env, "jekyll", "build", "--quiet", "--disable-disk-cache", "-s", File.join(dir, "site"), "-d", File.join(dir, "expected"), exception: true)
