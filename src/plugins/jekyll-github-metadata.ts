// jekyll-github-metadata 2.15 without network: `site.github.*`, the title/description and
// url/baseurl fallbacks, and `{% github_edit_link %}`. Spec: test/conformance/PLUGINS.md §15.
//
// build-site never calls the GitHub API. Every value the gem computes from the repository name
// and the environment is reproduced; the values that need the API are what the gem gives
// offline: `false` for contributors, releases, latest_release, nil for the repository's details.
// Two keys are left out: `public_repositories` (offline the gem crashes evaluating it) and
// `owner` (the owner's API record).
import { createRequire } from "node:module";
import { BuildError } from "../errors.js";
import type { PluginLiquidContext } from "./api.js";
import { deepMerge, isPlainObject } from "../config/merge.js";
import { normalizeUri } from "../ruby/uri.js";
import type { Site } from "../site/site.js";
import { prop, toS } from "./shared/liquid.js";
import { PRIORITY, registerPlugin } from "./registry.js";

/** node:child_process (and the net and stream modules it loads) only for a site that asks git. */
const childProcess = () => createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");

type Env = Record<string, string | undefined>;

/** Pages: the environment-derived settings (the gem's Pages class). */
export class PagesEnv {
  constructor(private readonly env: Env) {}
  private v(key: string, fallback?: string | null): string | null {
    const value = this.env[key];
    if (value !== undefined && value !== "") return value;
    const defaults: Record<string, string> = {
      PAGES_ENV: "development", PAGES_API_URL: "https://api.github.com", PAGES_HELP_URL: "https://help.github.com",
      PAGES_GITHUB_HOSTNAME: "github.com", PAGES_PAGES_HOSTNAME: "github.io", SSL: "false", SUBDOMAIN_ISOLATION: "false",
    };
    return fallback ?? defaults[key] ?? null;
  }
  private trim(s: string | null): string { const t = s ?? ""; return t.endsWith("/") ? t.slice(0, -1) : t; }
  get name(): string { return this.v("PAGES_ENV", this.env.JEKYLL_ENV || null)!; }
  get test(): boolean { return this.name === "test"; }
  get dotcom(): boolean { return this.name === "dotcom"; }
  get enterprise(): boolean { return this.name === "enterprise"; }
  get development(): boolean { return this.name === "development"; }
  get ssl(): boolean { return this.v("SSL") === "true" || this.test; }
  get scheme(): string { return this.ssl ? "https" : "http"; }
  get subdomainIsolation(): boolean { return this.v("SUBDOMAIN_ISOLATION") === "true"; }
  get customDomainsEnabled(): boolean { return this.dotcom || this.test; }
  get githubHostname(): string { return this.trim(this.v("PAGES_GITHUB_HOSTNAME", this.env.GITHUB_HOSTNAME || null)); }
  get githubUrl(): string { return this.dotcom || this.githubHostname === "github.com" ? "https://github.com" : `${this.scheme}://${this.githubHostname}`; }
  get apiUrl(): string { return this.trim(this.v("PAGES_API_URL", this.env.API_URL || null)); }
  get helpUrl(): string { return this.trim(this.v("PAGES_HELP_URL", this.env.HELP_URL || null)); }
  get pagesHostname(): string {
    const intermediate = this.env.PAGES_HOSTNAME || (this.development ? "localhost:4000" : null);
    return this.trim(this.v("PAGES_PAGES_HOSTNAME", intermediate));
  }
  get pageBuild(): boolean { return !!this.env.PAGE_BUILD_ID; }
}

/** Repository: what follows from `owner/name` and the environment, with no API record. */
export class Repo {
  readonly owner: string;
  readonly name: string;
  constructor(readonly nwo: string, private readonly pages: PagesEnv) {
    const parts = nwo.split("/");
    this.owner = parts[0]!;
    this.name = parts[parts.length - 1]!;
  }
  get ownerUrl(): string { return `${this.pages.githubUrl}/${this.owner}`; }
  get repositoryUrl(): string { return `${this.ownerUrl}/${this.name}`; }
  get defaultUserDomain(): string {
    if (!this.pages.enterprise && this.owner === "github") return `${this.owner}.${this.pages.githubHostname}`.toLowerCase();
    if (this.pages.enterprise) return this.pages.pagesHostname.toLowerCase();
    return `${this.owner}.${this.pages.pagesHostname}`.toLowerCase();
  }
  /** primary?: the repository is named like the owner's Pages domain (in development that domain is owner.localhost:4000). */
  get userPage(): boolean {
    if (this.pages.enterprise) return this.name.toLowerCase() === `${this.owner.toLowerCase()}.${this.pages.githubHostname}`;
    const domains = [this.defaultUserDomain];
    if (!this.pages.enterprise) domains.push(`${this.owner}.github.com`.toLowerCase());
    return domains.includes(this.name.toLowerCase());
  }
  get source(): { branch: string; path: string } { return { branch: this.userPage ? "master" : "gh-pages", path: "/" }; }
  /** RepositoryCompat#pages_url (no CNAME is known offline). */
  get htmlUrl(): string {
    let url: string;
    if (!this.pages.customDomainsEnabled) {
      const p = this.userPage ? this.owner : this.nwo;
      url = this.pages.subdomainIsolation ? `${this.pages.scheme}://${this.pages.pagesHostname}/${p}` : `${this.pages.githubUrl}/pages/${p}`;
    } else {
      // A project page's domain is its owner's user-page repository's, which needs the API to
      // find; offline (as here) the gem falls back to the default user domain for both.
      const domain = this.defaultUserDomain;
      const scheme = this.pages.enterprise ? this.pages.scheme : this.owner === "github" && domain.endsWith(".github.com") ? "https" : "http";
      url = this.userPage ? `${scheme}://${domain}` : `${scheme}://${domain}/${this.name}`;
    }
    return url.replace(/\/$/, "");
  }
  get urlWithoutPath(): string { const u = new URL(this.htmlUrl); return `${u.protocol}//${u.host}`; }
  get baseurl(): string { return new URL(this.htmlUrl).pathname.replace(/^\/$/, ""); }
}

/** RepositoryFinder#nwo: PAGES_REPO_NWO, `repository:` with a slash, or (development/test) the `origin` remote. */
export function findNwo(site: Site, env: Env, pages: PagesEnv): string {
  if (env.PAGES_REPO_NWO) return env.PAGES_REPO_NWO;
  const repo = site.config.repository;
  if (typeof repo === "string" && repo.includes("/")) return repo;
  const jekyllEnv = env.JEKYLL_ENV || "development";
  if (jekyllEnv === "development" || jekyllEnv === "test") {
    let remotes = "";
    try {
      remotes = childProcess().execFileSync("git", ["remote", "--verbose"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      remotes = "";
    }
    const origin = remotes.trim().split("\n").filter((l) => l.startsWith("origin\t")).map((l) => l.replace(/^origin\t(.*) \([a-z]+\)/, "$1"))[0] ?? "";
    const host = pages.githubHostname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const m = new RegExp(`${host}(:|/)([\\w-]+)/([\\w.-]+)`).exec(origin.replace(/\.git$/, ""));
    if (m) return `${m[2]}/${m[3]}`;
  }
  throw new BuildError("No repo name found. Specify using PAGES_REPO_NWO environment variables, 'repository' in your configuration, or set up an 'origin' git remote pointing to your github.com repository.", {
    hint: "Set PAGES_REPO_NWO=owner/repo or `repository: owner/repo` in _config.yml.",
  });
}

function buildRevision(env: Env): string {
  if (env.JEKYLL_BUILD_REVISION) return env.JEKYLL_BUILD_REVISION;
  try {
    return childProcess().execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

/** `site.github` as the gem's MetadataDrop gives it offline (keys sorted, as the drop's). */
export function metadata(repo: Repo, pages: PagesEnv, env: Env): Record<string, unknown> {
  const values: Record<string, unknown> = {
    api_url: pages.apiUrl,
    archived: null,
    baseurl: repo.baseurl,
    clone_url: `${repo.repositoryUrl}.git`,
    contributors: false,
    disabled: null,
    environment: pages.name,
    help_url: pages.helpUrl,
    hostname: pages.githubHostname,
    is_project_page: !repo.userPage,
    is_user_page: repo.userPage,
    issues_url: null,
    language: null,
    latest_release: false,
    license: null,
    organization_members: null,
    owner_display_name: null,
    owner_gravatar_url: `${repo.ownerUrl}.png`,
    owner_name: repo.owner,
    owner_url: repo.ownerUrl,
    pages_env: pages.name,
    pages_hostname: pages.pagesHostname,
    private: null,
    project_tagline: null,
    project_title: repo.name,
    releases: false,
    releases_url: `${repo.repositoryUrl}/releases`,
    repository_name: repo.name,
    repository_nwo: repo.nwo,
    repository_url: repo.repositoryUrl,
    show_downloads: null,
    source: repo.source,
    tar_url: `${repo.repositoryUrl}/tarball/${repo.source.branch}`,
    url: repo.htmlUrl,
    versions: {},
    wiki_url: null,
    zip_url: `${repo.repositoryUrl}/zipball/${repo.source.branch}`,
  };
  // build_revision runs git only when a template reads it.
  let revision: string | undefined;
  Object.defineProperty(values, "build_revision", { get: () => (revision ??= buildRevision(env)), enumerable: true, configurable: true });
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(values).sort()) Object.defineProperty(sorted, k, Object.getOwnPropertyDescriptor(values, k)!);
  return sorted;
}

/**
 * Without a repository name Jekyll does not fail at once: the gem's fallbacks are lazy Values
 * (`site.title ||= Value.new(…)`, `site.description`, and in production `site.url`/`baseurl`) and
 * `site.github` is a MetadataDrop that finds the name when a key is read. The build fails ("No repo
 * name found…") only when a template reads one of them; a `github:` hash in the config is
 * deep-merged into the drop before rendering, which reads every key, so it fails then. Getters that
 * throw stand for those Values (the site drop keeps them lazy).
 */
function deferMissingNwo(site: Site, error: BuildError, env: Env, pages: PagesEnv): void {
  const config = site.config;
  if (isPlainObject(config.github)) throw error;
  const fail = (key: string) => Object.defineProperty(config, key, { get: () => { throw error; }, enumerable: true, configurable: true });
  const unset = (v: unknown) => v === undefined || v === null || v === false;
  if (config.name && !config.title) {
    site.logger.warn("GitHub Metadata:", "site.name is set in _config.yml, but many plugins and themes expect site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata will not set site.title to the repository's name.");
  } else if (unset(config.title)) fail("title");
  if (unset(config.description)) fail("description");
  if ((env.JEKYLL_ENV || "development") === "production" || pages.pageBuild) {
    if (unset(config.url)) fail("url");
    if (config.baseurl === undefined || config.baseurl === null || config.baseurl === "/") fail("baseurl");
  }
  if (config.github === undefined || config.github === null) fail("github");
}

function generate(site: Site): void {
  const env = process.env as Env;
  const pages = new PagesEnv(env);
  let nwo: string;
  try {
    nwo = findNwo(site, env, pages);
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    deferMissingNwo(site, e, env, pages);
    return;
  }
  const repo = new Repo(nwo, pages);
  const config = site.config;
  // The gem's after_init fallbacks (build-site's generators run before anything reads them).
  if (config.name && !config.title) {
    site.logger.warn("GitHub Metadata:", "site.name is set in _config.yml, but many plugins and themes expect site.title to be used instead. To avoid potential inconsistency, Jekyll GitHub Metadata will not set site.title to the repository's name.");
  } else if (config.title === undefined || config.title === null || config.title === false) {
    // A user page would take the owner's display name, which needs the API: the login it is.
    config.title = repo.userPage ? repo.owner : repo.name;
  }
  const jekyllEnv = env.JEKYLL_ENV || "development";
  if (jekyllEnv === "production" || pages.pageBuild) {
    if (config.url === undefined || config.url === null || config.url === false) config.url = repo.urlWithoutPath;
    if (config.baseurl === undefined || config.baseurl === null || config.baseurl === "/") config.baseurl = repo.baseurl;
  }
  // pre_render: site.github is the metadata, deep-merged with a `github:` hash from the config,
  // or replaced by any other `github:` value.
  const own = config.github;
  const data = metadata(repo, pages, env);
  if (own === undefined || own === null) config.github = data;
  else if (isPlainObject(own)) config.github = deepMerge(data, own);
  site.logger.warn("GitHub Metadata:", "build-site does not call the GitHub API: contributors, releases and the repository's details are false or empty, as Jekyll gives them offline.");
}

/** `{% github_edit_link %}` / `{% github_edit_link "text" %}`. */
export function editLink(markup: string, lookup: (path: string[]) => unknown, warn: (m: string) => void): string {
  const github = lookup(["site", "github"]);
  const page = lookup(["page"]);
  const parts = [prop(github, "repository_url"), "edit/", prop(github, "source", "branch"), prop(github, "source", "path"), prop(page, "path")];
  let url = "";
  if (parts.some((p) => p === null || p === undefined || p === false)) warn("Cannot generate edit URLs due to missing site.github data");
  else {
    url = normalizeUri(parts.map((p, i) => {
      let s = toS(p);
      if (s.startsWith("/")) s = s.slice(1);
      if (i !== parts.length - 1 && !s.endsWith("/")) s += "/";
      return s === "/" ? "" : s;
    }).join(""));
  }
  const m = /(?:"(.*)"|'(.*)')/.exec(markup);
  const text = m ? (m[1] ?? m[2]) : undefined;
  return text !== undefined ? `<a href="${url}">${text}</a>` : url;
}

registerPlugin({
  name: "jekyll-github-metadata",
  priority: PRIORITY.highest,
  generate,
  liquidTags(ctx: PluginLiquidContext) {
    return { github_edit_link: (markup, lookup) => editLink(markup, lookup, (m) => ctx.site().logger.warn("JekyllEditLink: ", m)) };
  },
});
