/**
 * The cached production build's memory of the last build: its output folder (hard links to the files it
 * published) and the manifest of what each page was rendered from. A build with a cache renders only the
 * pages whose data changed (src/publishing/render-plan.ts) and takes the others from here, so its output is
 * the cold build's, byte for byte (tests/build-cache.test.ts proves it for a sequence of edits).
 *
 * Anything unexpected (a missing file, another format, a manifest that does not parse) makes the cache
 * worthless, never half-trusted: the build is then cold.
 */
import { copyFile, link, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PageManifest, RenderPlan } from "./publishing/render-plan.ts";
import { outputFileOf } from "./eleventy/incremental.ts";
import { SEARCH_INDEX_DIR } from "./publishing/search-index.ts";

/** Bumped when what is stored changes meaning; a cache of another format is not read. */
const FORMAT = 1;
const MANIFEST_FILE = "manifest.json";
const SITE_DIR = "site";

export interface BuildCache {
  /** What each page of the cached build was rendered from. */
  manifest: PageManifest;
  /** The digest of the pages the cached search index was made from. */
  searchDigest: string;
}

/** The cached build in `cacheDir`, or undefined when there is none or it cannot be trusted. */
export async function readBuildCache(cacheDir: string): Promise<BuildCache | undefined> {
  try {
    const stored = JSON.parse(await readFile(path.join(cacheDir, MANIFEST_FILE), "utf8")) as Partial<
      BuildCache & { format: number }
    >;
    if (stored.format !== FORMAT || typeof stored.manifest !== "object" || typeof stored.searchDigest !== "string")
      return undefined;
    return { manifest: stored.manifest!, searchDigest: stored.searchDigest };
  } catch {
    return undefined;
  }
}

/**
 * Puts the cached build's pages that this build does not render into `staging`, as hard links (the
 * published files are never written to in place: every build writes into a fresh folder). Returns false,
 * having linked nothing that stays, if any page is missing from the cache.
 */
export async function reuseCachedPages(cacheDir: string, plan: RenderPlan, staging: string): Promise<boolean> {
  const rendered = new Set(plan.renderedUrls);
  const cachedSite = path.join(cacheDir, SITE_DIR);
  try {
    for (const url of Object.keys(plan.manifest)) {
      if (rendered.has(url)) continue;
      const source = outputFileOf(cachedSite, url);
      // Only a regular file is taken: a link planted in the cache would publish whatever it points to.
      if (!(await lstat(source)).isFile()) throw new Error(`${source} is not a regular file`);
      const target = outputFileOf(staging, url);
      await mkdir(path.dirname(target), { recursive: true });
      await link(source, target);
    }
    return true;
  } catch {
    await emptyFolder(staging);
    return false;
  }
}

/** Copies the cached search index into `staging` (the caller knows it was made from the same pages). */
export async function reuseSearchIndex(cacheDir: string, staging: string): Promise<boolean> {
  const from = path.join(cacheDir, SITE_DIR, SEARCH_INDEX_DIR);
  try {
    await copyTree(from, path.join(staging, SEARCH_INDEX_DIR), copyFile);
    return true;
  } catch {
    await rm(path.join(staging, SEARCH_INDEX_DIR), { recursive: true, force: true });
    return false;
  }
}

/** Remembers the finished build in `staging` as the cache for the next one, replacing the old cache. */
export async function saveBuildCache(cacheDir: string, staging: string, plan: RenderPlan) {
  const next = `${cacheDir}.next-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  await copyTree(staging, path.join(next, SITE_DIR), link);
  const stored = { format: FORMAT, manifest: plan.manifest, searchDigest: plan.searchDigest };
  await writeFile(path.join(next, MANIFEST_FILE), JSON.stringify(stored));
  const old = `${cacheDir}.old-${process.pid}`;
  await rename(cacheDir, old).catch(() => undefined);
  await rename(next, cacheDir);
  await rm(old, { recursive: true, force: true });
}

async function copyTree(from: string, to: string, put: (source: string, target: string) => Promise<void>) {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) await mkdir(target, { recursive: true });
    else if (entry.isFile()) {
      await mkdir(path.dirname(target), { recursive: true });
      await put(source, target);
    }
  }
}

async function emptyFolder(folder: string) {
  for (const name of await readdir(folder)) await rm(path.join(folder, name), { recursive: true, force: true });
}
