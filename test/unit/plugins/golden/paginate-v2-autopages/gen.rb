# Regenerates expected/: jekyll-paginate-v2 AutoPages (tag, category and collection pages from
# layouts, their pagination, slugify modes, display names) built by real Jekyll 4.3.1 with
# Debian's jekyll-paginate-v2 3.0. Run from the repository root:
#   ruby test/unit/plugins/golden/paginate-v2-autopages/gen.rb
require "fileutils"
dir = File.dirname(File.expand_path(__FILE__))
FileUtils.rm_rf(File.join(dir, "expected"))
system({ "TZ" => "UTC" }, "jekyll", "build", "--quiet", "--disable-disk-cache", "-s", File.join(dir, "site"), "-d", File.join(dir, "expected"), exception: true)
