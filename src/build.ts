/**
 * One production build: content check, Eleventy, search index, then an atomic swap into place.
 * Eleventy never empties its output folder, so building into a fresh one also keeps deleted or
 * draft articles from surviving in `_site/` (eleventy#19).
 *
 * With a cache (`.cache/` for `npm run build`), an unchanged article is not read, checked or rendered again
 * (`.cache/content/`, src/content/cache.ts), only the pages whose data changed since the cached build are
 * rendered, the others are taken from the cache (`.cache/build/`, src/build-cache.ts), and the search index
 * is reused when no article page changed: the output is the cold build's, byte for byte.
 */
import Eleventy from "@11ty/eleventy";
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ContentCache } from "./content/cache.ts";
import { readBuildCache, reuseCachedPages, reuseSearchIndex, saveBuildCache } from "./build-cache.ts";
import { createConfig, LAYOUTS_DIR, prepareBuild } from "./eleventy/config.ts";
import { loadSite, siteOptions, type Site } from "./model/site.ts";
import {
  buildSearchIndex,
  openSearchIndex,
  orderedFeed,
  SEARCH_INDEX_DIR,
  type OrderedFeed,
  type SearchIndexFeed,
} from "./publishing/search-index.ts";
import { outputFileOf } from "./eleventy/incremental.ts";
import { UserError } from "./core/errors.ts";
import type { Settings } from "./core/settings.ts";

export interface BuildOptions {
  outputDir: string;
  contentDir: string;
  settings: Settings;
  /** The templates folder; defaults to `layouts/`. */
  layoutsDir?: string;
  /** Where the last build is remembered (`.cache`); without it the build is cold. */
  cacheDir?: string;
}

export interface BuildResult {
  /** Files Eleventy wrote in this build (every page in a cold build; the changed ones with a cache). */
  pages: number;
  /** Pages taken unchanged from the cache. */
  reused: number;
  /** Pages in the search index (the published articles). */
  indexedPages: number;
  milliseconds: number;
}

/** Folders of the cache (`BuildOptions.cacheDir`): the content's, and the last build's pages. */
const CONTENT_CACHE = "content";
const BUILD_CACHE = "build";

/** Builds the site. Builds in one process run one after another: they share Eleventy's module-level caches. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const { outputDir, contentDir, settings, layoutsDir = LAYOUTS_DIR, cacheDir } = options;
  const started = performance.now();
  await forgetEarlierBuilds();
  // Every content problem surfaces here, before Eleventy starts writing anything.
  const contentCache = cacheDir ? await ContentCache.open(path.join(cacheDir, CONTENT_CACHE)) : undefined;
  const site = await loadSite({ ...siteOptions(contentDir, settings), ...(contentCache && { cache: contentCache }) });
  const buildCacheDir = cacheDir && path.join(cacheDir, BUILD_CACHE);
  const cache = buildCacheDir ? await readBuildCache(buildCacheDir) : undefined;
  // Without a cache, nothing is kept for the next build: no page's digest need be worked out.
  let prepared = prepareBuild(site, { settings, layoutsDir, previous: cache?.manifest, track: Boolean(cacheDir) });

  const target = path.resolve(outputDir);
  await mkdir(path.dirname(target), { recursive: true });
  await removeStaleFolders(target);
  // The process id in the name tells a later build whether this folder's build is still running.
  const staging = await mkdtemp(`${target}.building-${process.pid}-`);
  let feed: SearchIndexFeed | undefined;
  try {
    let reused = 0;
    if (cache && buildCacheDir) {
      if (await reuseCachedPages(buildCacheDir, prepared.plan, staging))
        reused = prepared.plan.total - prepared.plan.renderedUrls.length;
      else prepared = prepareBuild(site, { settings, layoutsDir });
    }
    const siteName = path.relative(process.cwd(), target) || ".";
    // The search index is made while Eleventy renders (Pagefind indexes in its own process), unless the
    // cached one was made from the very same article pages.
    const { plan } = prepared;
    const reuseIndex = cache?.searchDigest === plan.searchDigest;
    feed = reuseIndex ? undefined : await openSearchIndex(siteName);
    const rendered = new Set(plan.renderedUrls);
    const read = (url: string) => readFile(outputFileOf(staging, url), "utf8");
    const articleUrls = prepared.site.articlePages.map((entry) => entry.article.url);
    const ordered = feed && orderedFeed(feed, articleUrls, rendered, read);
    const eleventy = new Eleventy(layoutsDir, staging, {
      quietMode: true,
      // false skips looking for .eleventy.js (which would add the default config again); the types only allow a path.
      configPath: false as unknown as string,
      config: createConfig({ contentDir, layoutsDir, settings, prepared, ...(ordered && { onPage: ordered.offer }) }),
      // Eleventy's constructor sets the path prefix from this option (default "/"), overriding the config's.
      pathPrefix: settings.pathPrefix,
    });
    // Eleventy would print its own account of a failure, stack and absolute paths included, before ours.
    eleventy.disableLogger();
    const written = (await eleventy.write().catch((error: unknown) => {
      throw templateFailure(error) ?? error;
    })) as unknown as [unknown[], unknown[]];
    const pages = written[1]?.length ?? 0;
    const indexedPages = await searchIndex(
      staging,
      siteName,
      prepared.site,
      feed && ordered && { feed, ordered },
      buildCacheDir,
    );
    // mkdtemp makes a folder only its owner can read: a web server running as another user could not serve it.
    await chmod(staging, 0o755);
    if (buildCacheDir) await saveBuildCache(buildCacheDir, staging, plan);
    await contentCache?.save();
    await replaceFolder(staging, target);
    return { pages, reused, indexedPages, milliseconds: performance.now() - started };
  } catch (error) {
    await feed?.close();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Finishes the search index: the feed was given every article page (rendered, or read from the cache) in
 * the site's order. Without a feed, the cached index is reused (or, failing that, made from the staging
 * folder).
 */
async function searchIndex(
  staging: string,
  siteName: string,
  site: Site,
  feeding: { feed: SearchIndexFeed; ordered: OrderedFeed } | undefined,
  cacheDir: string | undefined,
): Promise<number> {
  if (!feeding) {
    if (cacheDir && (await reuseSearchIndex(cacheDir, staging))) return site.articlePages.length;
    return (await buildSearchIndex(staging, siteName)).pages;
  }
  try {
    await feeding.ordered.finish();
    return (await feeding.feed.write(path.join(staging, SEARCH_INDEX_DIR))).pages;
  } finally {
    await feeding.feed.close();
  }
}

/**
 * Removes what killed builds left beside `target`: staging folders (`_site.building-<pid>-…`, or
 * `_site.building-XXXXXX` from builds before the process id was in the name) and replaced folders not yet
 * deleted (`_site.old-<pid>`), unless the build that made them is still running.
 */
async function removeStaleFolders(target: string): Promise<void> {
  const prefix = `${path.basename(target)}.`;
  for (const name of await readdir(path.dirname(target))) {
    if (!name.startsWith(prefix)) continue;
    const leftover = /^(?:building-(\d+)-\w{6}|building-\w{6}|old-(\d+))$/.exec(name.slice(prefix.length));
    const pid = leftover?.[1] ?? leftover?.[2];
    if (leftover && !(pid && isRunning(Number(pid))))
      await rm(path.join(path.dirname(target), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A template could not be rendered: the template and line, and what Nunjucks said, without a stack. */
export class TemplateError extends UserError {}

/**
 * Eleventy wraps a Nunjucks error in its own errors; the Nunjucks message names each template it passed
 * through, innermost last: `(layouts/article.njk)\n (/abs/layouts/_includes/x.njk) [Line 3, Column 7]\n
 * unexpected token: %}`. Returns a `TemplateError` naming the innermost template (relative to the project)
 * and line, or undefined when the error did not come from a template.
 */
export function templateFailure(error: unknown, cwd = process.cwd()): TemplateError | undefined {
  const chain: { name?: string; message?: string; lineno?: number; colno?: number; originalError?: unknown }[] = [];
  for (
    let link = error as (typeof chain)[number] | undefined;
    link && chain.length < 20;
    link = link.originalError as typeof link
  )
    chain.push(link);
  const nunjucks = chain.find(
    (link) => link.name === "Template render error" || /^\(.+\)( \[Line \d+, Column \d+\])?$/m.test(link.message ?? ""),
  );
  if (!nunjucks?.message) return undefined;
  const lines = nunjucks.message.split("\n");
  const places = lines
    .map((line) => /^\s*\((.+?)\)(?: \[Line (\d+), Column (\d+)\])?$/.exec(line))
    .filter((match) => match !== null);
  const place = places.at(-1);
  if (!place) return undefined;
  const file = path.relative(cwd, path.resolve(cwd, place[1]!)).split(path.sep).join("/");
  const line = place[2] ? Number(place[2]) : undefined;
  const column = place[3] ? Number(place[3]) : undefined;
  const said = lines
    .filter((line) => !/^\s*\(.+\)/.test(line))
    .join(" ")
    .trim()
    .replace(/^Error: /, "");
  const problem = `this template could not be rendered: ${said || "Nunjucks gave no reason"}`;
  return new TemplateError({
    where: { file, ...(line && { line }), ...(column && { column }) },
    problem,
    fix: "correct the template (see the Nunjucks documentation for its syntax)",
  });
}

/** Puts `fresh` where `target` is with the shortest possible window in which neither exists. */
async function replaceFolder(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await rename(target, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(fresh, target);
  await rm(old, { recursive: true, force: true });
}

/**
 * Eleventy 3.1 keeps layouts in a module-level cache keyed by path (`src/LayoutCache.js`) that a new
 * `Eleventy` does not clear: a second build in one process (the tests, a script building twice) would
 * render `base.njk` with the first build's filters, so every page's head and navigation would carry the
 * first build's SITE_URL and path prefix. Empty it first, as Eleventy itself does when a file changes under
 * `--serve`. The module is Eleventy's own instance, reached by path: the package's exports do not list it.
 */
async function forgetEarlierBuilds(): Promise<void> {
  const eleventySource = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
  const { default: layouts } = (await import(pathToFileURL(path.join(eleventySource, "LayoutCache.js")).href)) as {
    default: { removeAll(): void };
  };
  layouts.removeAll();
}
