# Regenerates expected/: a site of jekyll-seo-tag edge cases (data-file authors, author arrays
# and hashes, invalid author types, image hashes, empty values, seo: overrides, locales, time
# zones, baseurl) built by real Jekyll 4.3.1 with jekyll-seo-tag 2.8. Run from the repository
# root:  ruby test/unit/plugins/golden/seo-edges/gen.rb
require "fileutils"
dir = File.dirname(File.expand_path(__FILE__))
FileUtils.rm_rf(File.join(dir, "expected"))
system({ "TZ" => "UTC" }, "jekyll", "build", "--quiet", "--disable-disk-cache", "-s", File.join(dir, "site"), "-d", File.join(dir, "expected"), exception: true)
