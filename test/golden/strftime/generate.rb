# Regenerates expected.json: Ruby 3.1's Time#strftime and Date#strftime (what Liquid's `date`
# filter calls in Jekyll 4.3.1) for every format of cases.json, at every time of cases.json
# (an instant in milliseconds seen in a zone, as Jekyll's times are, or a Date).
#
#   ruby test/golden/strftime/generate.rb
#
# An ArgumentError (a format that ends inside a directive) or Errno::ERANGE (a width past a C
# int) is written as {"error": message}.
require "date"
require "json"

dir = __dir__
spec = JSON.parse(File.read(File.join(dir, "cases.json")))

def value_at(spec)
  if spec["date"]
    Date.parse(spec["date"])
  else
    ENV["TZ"] = spec["zone"]
    Time.at(Rational(spec["ms"], 1000)).localtime
  end
end

results = spec["formats"].map do |format|
  outputs = spec["times"].map do |t|
    value = value_at(t)
    begin
      value.strftime(format)
    rescue ArgumentError, Errno::ERANGE => e
      { "error" => e.message }
    end
  end
  { "format" => format, "outputs" => outputs }
end

File.write(File.join(dir, "expected.json"), JSON.pretty_generate({
  "generator" => "test/golden/strftime/generate.rb (Ruby #{RUBY_VERSION}, date #{Date::VERSION})",
  "times" => spec["times"],
  "results" => results,
}) + "\n")
puts "#{results.size} formats x #{spec["times"].size} times"
