# Regenerates expected/: jekyll-paginate-v2 AutoPages whose layout is missing (only
# autopage_tags.html exists, categories and collections are on by default). BaseAutoPage reads the
# missing layout as its front matter, warns "Error reading file …" and makes the page anyway, with
# no data and no content: Jekyll 4.3.1 with Debian's jekyll-paginate-v2 3.0 writes it empty.
# Run from the repository root:
#   ruby test/unit/plugins/golden/paginate-v2-autopages-missing-layout/gen.rb
require "fileutils"
dir = File.dirname(File.expand_path(__FILE__))
FileUtils.rm_rf(File.join(dir, "expected"))
system({ "TZ" => "UTC" }, "jekyll", "build", "--quiet", "--disable-disk-cache", "-s", File.join(dir, "site"), "-d", File.join(dir, "expected"), exception: true)
