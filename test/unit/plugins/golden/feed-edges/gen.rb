# Regenerates expected/: jekyll-feed edge cases (data-file and array authors, category vs
# categories, string tags, tag feeds with `only` and a custom path, collection feeds, undated
# documents, excerpt_only per post, image without path, time zone, posts_limit) built by real
# Jekyll 4.3.1 with jekyll-feed 0.17. Run from the repository root:
#   ruby test/unit/plugins/golden/feed-edges/gen.rb
require "fileutils"
dir = File.dirname(File.expand_path(__FILE__))
FileUtils.rm_rf(File.join(dir, "expected"))
system({ "TZ" => "UTC" }, "jekyll", "build", "--quiet", "--disable-disk-cache", "-s", File.join(dir, "site"), "-d", File.join(dir, "expected"), exception: true)
