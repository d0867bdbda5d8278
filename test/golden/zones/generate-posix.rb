# Regenerates posix.json: how Ruby (glibc) reads `timezone:` values that name no zone file but are
# POSIX TZ strings with daylight-saving parts, as Jekyll sets them (ENV["TZ"] assigned after the
# process has read its own zone; glibc's reading of a string without rules depends on that):
#
#   ruby test/golden/zones/generate-posix.rb
#
# Each zone gets its own Ruby process. For each, the UTC offset, `%Z` and isdst at instants around
# the transitions of a few years (1960: before 1970, glibc counts rule days from 1970-01-01;
# 1990, 2005, 2023; 2040: past posixrules' last transition) and at spread instants.
require "json"
require "open3"

dir = __dir__
zones = [
  "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST", "CET-1CEST,M3.5.0,M10.5.0/3", "AAA3BBB,J60/1,J300",
  "<+03>-3<+04>,60/2,300/-1", "NZST-12NZDT,M9.5.0,M4.1.0/3", "AEST-10AEDT,M10.1.0,M4.1.0/3",
  "XXX+3YYY+1,M3.5.0/-2,M10.5.0/26", "ABC5DEF", "AAA-10BBB-9:30", "FOO-2BAR-3:30,J1/0,J365/25",
  # Malformed rules, which glibc reads as far as they go (time.ts, glibcRule): rules it could not
  # read, a missing end rule, text after a rule, a daylight name it could not read, a sign alone.
  "CET-1CEST,foo", "CET-1CEST,", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.0,M10.5.0x", "CET-1CEST-2x",
  "CET-1,M3.5.0,M10.5.0", "CET-1 CEST", "CET-1CEST,M3.6.0,M10.5.7", "CET-1CEST,J0,J365", "CET-1CEST,400,300",
  "EST5EDT,M3.2.0/x,M11.1.0/1:x", "EST5EDT-,M3.2.0,M11.1.0", "AEST-10AEDT,M10.1.0,M4.1",
  # Names in <> shorter than three characters are no names to glibc.
  "<+3>-3", "<AB>-3", "<+03>-3<+4>,M3.5.0,M10.5.0",
  # Offsets as parse_offset reads them: any number of digits, hours past 24 and minutes or
  # seconds past 59 taken as 24 and 59.
  "ABC-100", "ABC+167", "ABC-1:70", "ABC-1:30:99", "ABC-0001", "ABC+1DEF+25",
]
probe = <<~'RUBY'
  Time.now.localtime
  ENV["TZ"] = ARGV[0]
  instants = []
  [1960, 1990, 2005, 2023, 2040].each do |y|
    [[3, 8], [3, 12], [3, 26], [4, 1], [4, 3], [9, 24], [10, 1], [10, 28], [11, 1], [11, 5]].each do |m, d|
      [0, 2, 5, 7, 9, 13, 15].each { |h| instants << Time.utc(y, m, d, h, 30).to_i }
    end
  end
  srand(11)
  40.times { instants << rand(-1_000_000_000..2_500_000_000) }
  puts instants.map { |t| x = Time.at(t); [t, x.utc_offset, x.zone, x.isdst] }.to_json
RUBY
out = zones.to_h do |zone|
  json, status = Open3.capture2({ "TZ" => "UTC" }, "ruby", "-rjson", "-e", probe, zone)
  raise "probe failed for #{zone}" unless status.success?
  [zone, JSON.parse(json)]
end
File.write(File.join(dir, "posix.json"), JSON.generate(out) + "\n")
puts "posix.json: #{out.values.sum(&:size)} readings of #{zones.size} zones"
