// The registry of built-in Jekyll plugins, by gem name, and the plugins themselves: each module
// below registers one plugin when it is loaded.
export { PLUGINS, registerPlugin } from "./registry.js";
import "./jekyll-feed.js";
import "./jekyll-sitemap.js";
import "./jekyll-seo-tag.js";
import "./jekyll-paginate.js";
import "./jekyll-redirect-from.js";
import "./jekyll-avatar.js";
import "./jekyll-gist.js";
import "./jekyll-optional-front-matter.js";
import "./jekyll-readme-index.js";
import "./jekyll-default-layout.js";
import "./jekyll-titles-from-headings.js";
import "./jekyll-relative-links.js";
import "./jekyll-github-metadata.js";
import "./jekyll-mentions.js";
import "./jemoji.js";
import "./jekyll-include-cache.js";
import "./jekyll-paginate-v2.js";
import "./jekyll-toc.js";
import "./jekyll-archives.js";
import "./jekyll-last-modified-at.js";
import "./jekyll-multiple-languages-plugin.js";
import "./jekyll-polyglot.js";
import "./built-in.js";
import "./jekyll-scholar/index.js";
