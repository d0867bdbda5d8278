# frozen_string_literal: true

Gem::Specification.new do |spec|
  spec.name          = "mini-theme"
  spec.version       = "1.0.0"
  spec.authors       = ["build-site tests"]
  spec.summary       = "A small theme for build-site's remote_theme test."
  spec.license       = "MIT"
  spec.files         = `git ls-files -z`.split("\x0").select { |f| f.match(%r!^(assets|_data|_layouts|_includes|_sass|LICENSE|README)!i) }

  spec.add_runtime_dependency "jekyll-seo-tag", "~> 2.8"
  spec.add_development_dependency "bundler"
end
