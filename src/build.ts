/**
 * One production build: content check, Eleventy, search index, then an atomic swap into place.
 * Eleventy never empties its output folder, so building into a fresh one also keeps deleted or
 * draft articles from surviving in `_site/` (eleventy#19).
 */
import Eleventy from "@11ty/eleventy";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createConfig } from "./eleventy/config.ts";
import { loadSite, siteOptions } from "./model/site.ts";
import { buildSearchIndex } from "./publishing/search-index.ts";
import type { Settings } from "./core/settings.ts";

export interface BuildOptions {
  outputDir: string;
  contentDir: string;
  settings: Settings;
}

export interface BuildResult {
  pages: number;
  /** Pages in the search index (the published articles). */
  indexedPages: number;
  milliseconds: number;
}

/** Builds the site. Builds in one process run one after another: they share Eleventy's module-level caches. */
export async function buildSite({ outputDir, contentDir, settings }: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  await forgetEarlierBuilds();
  // Every content problem surfaces here, before Eleventy starts writing anything.
  const site = await loadSite(siteOptions(contentDir, settings));

  const target = path.resolve(outputDir);
  await mkdir(path.dirname(target), { recursive: true });
  const staging = await mkdtemp(`${target}.building-`);
  try {
    const eleventy = new Eleventy("layouts", staging, {
      quietMode: true,
      // false skips looking for .eleventy.js (which would add the default config again); the types only allow a path.
      configPath: false as unknown as string,
      config: createConfig({ contentDir, settings, site }),
      // Eleventy's constructor sets the path prefix from this option (default "/"), overriding the config's.
      pathPrefix: settings.pathPrefix,
    });
    const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
    const pages = written[1]?.length ?? 0;
    const { pages: indexedPages } = await buildSearchIndex(staging);
    await replaceFolder(staging, target);
    return { pages, indexedPages, milliseconds: performance.now() - started };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
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
