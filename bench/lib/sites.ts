// The sites the benchmark builds, prepared in a scratch folder outside the repository so that no
// engine writes caches or outputs into the working tree other engineers are using.
//
// - empty: start-up cost; a configuration file and nothing else.
// - homepage: this repository's academic homepage (Jekyll only; there is no Hugo version).
// - homepage-warm: the same, built a second time with the engine's cache folder left in place
//   (the output is deleted): what a CI runner that restores its cache sees.
// - synthetic-N: the shared synthetic blog (bench/gen-synthetic.mjs), the same posts as a Jekyll,
//   a Hugo and an Eleventy site.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface BenchSite {
  id: string;
  kind: "empty" | "homepage" | "synthetic";
  /** Number of posts for synthetic sites. */
  posts?: number;
  /** Source folder for Jekyll and build-site (the same tree). */
  jekyllDir: string;
  /** Source folder for Hugo, or null when the site has no Hugo version. */
  hugoDir: string | null;
  /** Source folder for Eleventy, or null when the site has no Eleventy version. */
  eleventyDir: string | null;
  /** Measure the second build: caches from an unmeasured first build stay, the output goes. */
  warm?: boolean;
  /** Files to edit for the incremental measurement, relative to jekyllDir / hugoDir. */
  editFile?: { jekyll: string; hugo: string | null };
}

/**
 * Configuration files a site is built with when it needs more than `_config.yml`, by source
 * folder: the engines' build and watch commands look them up here (they are given the folder only).
 */
const configs = new Map<string, string[]>();

/** The `--config` list for a source folder, or undefined for the default `_config.yml`. */
export function configsFor(src: string): string[] | undefined {
  return configs.get(src);
}

/**
 * Top-level entries of the repository that are not part of the homepage: `_config.yml` excludes
 * them all, so leaving them out of the copy changes no output, and keeps the copy small.
 */
const NOT_HOMEPAGE = new Set([".git", "node_modules", "dist", "test", "src", "bench", "docs", "scripts", "bin", "_site", ".jekyll-cache", ".build-site-cache", ".sass-cache"]);

export function prepareEmpty(root: string): BenchSite {
  const jekyllDir = path.join(root, "empty-jekyll");
  const hugoDir = path.join(root, "empty-hugo");
  for (const d of [jekyllDir, hugoDir]) {
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
  }
  fs.writeFileSync(path.join(jekyllDir, "_config.yml"), "title: Empty\n");
  // Every page kind off, so Hugo renders nothing and does not warn about missing layouts: what
  // remains is its start-up, as for the other two.
  fs.writeFileSync(path.join(hugoDir, "hugo.toml"), 'baseURL = "http://example.org/"\ntitle = "Empty"\ndisableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n');
  return { id: "empty", kind: "empty", jekyllDir, hugoDir, eleventyDir: null };
}

export function prepareHomepage(root: string, repoRoot: string): BenchSite {
  const dir = path.join(root, "homepage");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of fs.readdirSync(repoRoot)) {
    if (NOT_HOMEPAGE.has(entry)) continue;
    fs.cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  // Debian's Jekyll has no kramdown-math-katex: both engines build the homepage the way
  // _config.no-extras.yml describes (MathJax markup, no build-site additions), the same output.
  const noExtras = path.join(dir, "_config.no-extras.yml");
  if (fs.existsSync(noExtras)) configs.set(dir, [path.join(dir, "_config.yml"), noExtras]);
  const posts = path.join(dir, "_posts");
  const first = fs.existsSync(posts) ? fs.readdirSync(posts).filter((f) => /\.(md|markdown|html)$/.test(f)).sort()[0] : undefined;
  return { id: "homepage", kind: "homepage", jekyllDir: dir, hugoDir: null, eleventyDir: null, editFile: first ? { jekyll: `_posts/${first}`, hugo: null } : undefined };
}

/** The homepage built warm: same folder, measured on its second build (see BenchSite.warm). */
export function warmVariant(site: BenchSite): BenchSite {
  return { ...site, id: `${site.id}-warm`, warm: true, editFile: undefined };
}

export function prepareSynthetic(root: string, posts: number, generator: string): BenchSite {
  const r = spawnSync(process.execPath, [generator, String(posts), root], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`synthetic site generator failed for N=${posts}:\n${r.stderr}`);
  const jekyllDir = path.join(root, `jekyll-${posts}`);
  const hugoDir = path.join(root, `hugo-${posts}`);
  // The middle post: not the newest (on the home page) nor the oldest, a typical edit.
  const files = fs.readdirSync(path.join(jekyllDir, "_posts")).sort();
  const file = files[files.length >> 1]!;
  return {
    id: `synthetic-${posts}`,
    kind: "synthetic",
    posts,
    jekyllDir,
    hugoDir,
    eleventyDir: path.join(root, `eleventy-${posts}`),
    editFile: { jekyll: `_posts/${file}`, hugo: `content/posts/${file}` },
  };
}

/** Counts the HTML files under `dir`: the pages a build wrote. */
export function countPages(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith(".html")) n++;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return n;
}

/** Compares two output trees file by file: how many of `a`'s files are byte-identical in `b`. */
export function compareTrees(a: string, b: string): { files: number; identical: number; differing: string[]; onlyInA: string[]; onlyInB: string[] } {
  const list = (root: string) => {
    const out = new Set<string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.add(path.relative(root, p));
      }
    };
    if (fs.existsSync(root)) walk(root);
    return out;
  };
  const fa = list(a);
  const fb = list(b);
  const differing: string[] = [];
  let identical = 0;
  for (const f of fa) {
    if (!fb.has(f)) continue;
    if (fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)))) identical++;
    else differing.push(f);
  }
  return { files: fa.size, identical, differing: differing.sort(), onlyInA: [...fa].filter((f) => !fb.has(f)).sort(), onlyInB: [...fb].filter((f) => !fa.has(f)).sort() };
}
