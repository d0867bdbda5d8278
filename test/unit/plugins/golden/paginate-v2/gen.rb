# Regenerates expected/: the golden site built by real Jekyll 4.3.1 with jekyll-paginate-v2 3.0
# (Debian's ruby-jekyll-paginate-v2). Run from the repository root:
#   ruby test/unit/plugins/golden/paginate-v2/gen.rb
require "fileutils"
dir = File.dirname(File.expand_path(__FILE__))
FileUtils.rm_rf(File.join(dir, "expected"))
ENV["TZ"] = "UTC"
system("jekyll", "build", "--quiet", "--disable-disk-cache", "-s", File.join(dir, "site"), "-d", File.join(dir, "expected"), exception: true)
