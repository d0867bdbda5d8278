# Regenerates github-metadata.json: what jekyll-github-metadata 2.15 computes offline for a
# repository under several environments (Pages env, host names, SSL). Run from the repository
# root:  NO_NETRC=1 ruby test/unit/plugins/golden/gen-github-metadata.rb
require "jekyll"
require "jekyll-github-metadata"
require "json"

dir = File.dirname(__FILE__)
KEYS = %w(PAGES_ENV JEKYLL_ENV PAGES_GITHUB_HOSTNAME GITHUB_HOSTNAME PAGES_PAGES_HOSTNAME PAGES_HOSTNAME SSL SUBDOMAIN_ISOLATION PAGES_API_URL API_URL PAGES_HELP_URL)
envs = [
  {}, { "JEKYLL_ENV" => "production" }, { "PAGES_ENV" => "dotcom" }, { "PAGES_ENV" => "test" },
  { "PAGES_ENV" => "enterprise", "PAGES_GITHUB_HOSTNAME" => "ghe.example.com", "PAGES_PAGES_HOSTNAME" => "pages.ghe.example.com" },
  { "PAGES_ENV" => "enterprise", "PAGES_GITHUB_HOSTNAME" => "ghe.example.com", "PAGES_PAGES_HOSTNAME" => "pages.ghe.example.com", "SUBDOMAIN_ISOLATION" => "true", "SSL" => "true" },
  { "JEKYLL_ENV" => "production", "GITHUB_HOSTNAME" => "gh.example/", "PAGES_API_URL" => "https://api.example/", "API_URL" => "x" },
  { "PAGES_HOSTNAME" => "pages.example" },
]
repos = ["octo/project", "octo/octo.github.io", "octo/Octo.GitHub.com", "github/github.github.com", "octo/octo.localhost:4000"]
out = []
envs.each do |env|
  repos.each do |nwo|
    KEYS.each { |k| ENV.delete(k) }
    env.each { |k, v| ENV[k] = v }
    r = Jekyll::GitHubMetadata::Repository.new(nwo)
    p = Jekyll::GitHubMetadata::Pages
    # A combination Ruby's URI cannot handle is left out (the gem raises there too).
    url_without_path = begin
      r.url_without_path
    rescue URI::InvalidURIError
      next
    end
    out << {
      "env" => env, "nwo" => nwo,
      "expected" => {
        "environment" => p.env, "hostname" => p.github_hostname, "pages_hostname" => p.pages_hostname,
        "api_url" => p.api_url, "help_url" => p.help_url, "owner_url" => r.owner_url,
        "repository_url" => r.repository_url, "is_user_page" => r.user_page?, "source" => r.source,
        "url" => r.html_url, "baseurl" => r.baseurl, "url_without_path" => url_without_path,
      },
    }
  end
end
File.write(File.join(dir, "github-metadata.json"), JSON.pretty_generate(out) + "\n")
