/**
 * Search in the live preview (`npm start`): the preview's own Pagefind index, drafts included as the preview
 * shows them, made from the article pages the dev server has rendered (kept in memory, never read back from
 * disk) and made again after each rebuild without holding up the page's reload. Pagefind cannot take a page
 * out of an index or replace one, so each refresh indexes every article again (about 2 s at 1,000 articles);
 * a rebuild during a refresh queues one more, and the newest pages win.
 */
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { isIndexable, openSearchIndex, SEARCH_INDEX_DIR } from "../publishing/search-index.ts";

export interface PreviewSearch {
  /** A page as the dev server renders it. */
  offer(url: string, html: string): void;
  /** Pages the last rebuild removed. */
  remove(urls: readonly string[]): void;
  /** Starts making the index again in `outputDir` (or queues it behind the one being made); never waits. */
  refresh(outputDir: string): void;
  /** Resolves when no refresh is running or queued (for tests and the benchmark). */
  settled(): Promise<void>;
}

export function previewSearch(log: (line: string) => void = console.log): PreviewSearch {
  const pages = new Map<string, string>();
  let running: Promise<void> | undefined;
  let queued: string | undefined;

  const index = async (outputDir: string) => {
    const started = performance.now();
    const feed = await openSearchIndex("the preview");
    const next = path.join(outputDir, `${SEARCH_INDEX_DIR}.next`);
    try {
      // In one order, so that the same pages always make the same files.
      for (const url of [...pages.keys()].sort()) void feed.add(url, pages.get(url)!);
      const { pages: count } = await feed.write(next);
      const live = path.join(outputDir, SEARCH_INDEX_DIR);
      const old = `${live}.old`;
      await rm(old, { recursive: true, force: true });
      await rename(live, old).catch(() => undefined);
      await rename(next, live);
      await rm(old, { recursive: true, force: true });
      log(`Search index updated in ${Math.round(performance.now() - started)} ms (${count} articles)`);
    } finally {
      await feed.close();
      await rm(next, { recursive: true, force: true });
    }
  };

  const run = (outputDir: string): Promise<void> =>
    index(outputDir)
      .catch((error: unknown) => log(`The preview's search index was not updated: ${(error as Error).message}`))
      .then(() => {
        const again = queued;
        queued = undefined;
        running = again === undefined ? undefined : run(again);
        return running;
      });

  return {
    offer(url, html) {
      if (isIndexable(html)) pages.set(url, html);
      else pages.delete(url);
    },
    remove(urls) {
      for (const url of urls) pages.delete(url);
    },
    refresh(outputDir) {
      if (pages.size === 0) return;
      if (running) queued = outputDir;
      else running = run(outputDir);
    },
    async settled() {
      while (running) await running;
    },
  };
}
