/**
 * The search index: Pagefind reads the built HTML and writes `pagefind/` next to it, which the search page
 * (`layouts/search.njk`, `assets/search.js`) loads in the browser.
 *
 * What is indexed is decided in the markup: only articles carry `data-pagefind-body` (layouts/article.njk),
 * so listings, navigation and the search page itself stay out; each article's filters, sort key and result
 * metadata come from `layouts/_includes/components/search-meta.njk`.
 * https://pagefind.app/docs/node-api/
 */
import * as pagefind from "pagefind";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../core/errors.ts";
import { KIND_INFO, KINDS } from "../core/kinds.ts";
import { SEARCH_INDEX_URL } from "../core/urls.ts";
import { writeVocabulary } from "./search-vocabulary.ts";

/** The folder, inside the built site, that the index is written to (and the search page loads from). */
export const SEARCH_INDEX_DIR = SEARCH_INDEX_URL.slice(1, -1);

/**
 * Parts of an article page inside `data-pagefind-body` that label the article rather than say anything:
 * everything in its header but the title (kind label, date/author/region line, the tag list with its
 * heading and counts, reading time). Indexed, they would open every excerpt ("Date12 July 2019.
 * RegionGreater London. Tags. UASC (3 articles). 2 minute read.") and make "minute" or "tags" match every
 * page; the search page shows them from metadata instead, and filters cover region, author and tags.
 * The title `h1` and the body stay indexed.
 */
export const ARTICLE_LABELS = [".article__header > :not(h1)"];

const BODY_MARKER = "data-pagefind-body";
/** The attribute on an element (not the words in an article about search). */
const BODY_ATTRIBUTE = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/i;

export interface SearchIndexResult {
  /** Pages in the written index: the published articles (pages with `data-pagefind-body`). */
  pages: number;
  /** Where the bundle was written. */
  outputPath: string;
}

/**
 * Pagefind reported problems, or could not run; the build stops rather than publishing a partial or empty
 * index. The message names the site as people know it (`_site`), not the staging folder's absolute path.
 */
export class SearchIndexError extends UserError {
  constructor(step: string, siteName: string, errors: readonly string[]) {
    super(
      { where: siteName, problem: `building the search index: ${step} failed`, fix: errors.join("; ") },
      `Search index of ${siteName}: ${step} failed:\n${errors.map((error) => `  - ${error}`).join("\n")}`,
    );
  }
}

/**
 * An index being fed page by page: the build hands it each page as Eleventy renders it (Pagefind's own
 * process indexes while Node renders the next pages), the dev server the article pages it keeps in memory.
 * Pages without `data-pagefind-body` are not sent: Pagefind would ignore them, and would index whole pages,
 * navigation and all, if no page had it, so `write` refuses an index of none.
 */
export interface SearchIndexFeed {
  /** Adds one page (its site path and HTML), unless it has nothing to index. Calls need not be awaited one by one. */
  add(url: string, html: string): Promise<void>;
  /** Writes the index and its vocabulary to `outputPath` once every page added has been indexed. */
  write(outputPath: string): Promise<SearchIndexResult>;
  /** Frees the index in Pagefind's process (after `write`, or instead of it). */
  close(): Promise<void>;
}

/**
 * A new, empty index; problems name the site `siteName`. Result URLs are site paths ("/blog/2019/x/"); the
 * search page hands Pagefind the path prefix as its `baseUrl` (the Node API has no such option, and
 * Eleventy's HTML base plugin never sees URLs that JavaScript builds).
 */
export async function openSearchIndex(siteName: string): Promise<SearchIndexFeed> {
  const { errors: createErrors, index } = await pagefind
    .createIndex({
      // The archive is British English throughout; one language keeps one index (and one set of stems)
      // even if a page's lang attribute were ever missing.
      forceLanguage: "en",
      excludeSelectors: ARTICLE_LABELS,
    })
    .catch((error: unknown) => ({ errors: [pagefindFailure(error)], index: undefined }));
  if (createErrors.length || !index) throw new SearchIndexError("creating the index", siteName, createErrors);
  let marked = 0;
  const pending: Promise<string[]>[] = [];
  return {
    add(url, html) {
      if (!isIndexable(html)) return Promise.resolve();
      marked += 1;
      const added = index.addHTMLFile({ url, content: html }).then(
        ({ errors }) => errors.map((error) => `${url}: ${error}`),
        (error: unknown) => [`${url}: ${pagefindFailure(error)}`],
      );
      pending.push(added);
      return added.then(() => undefined);
    },
    async write(outputPath) {
      const errors = (await Promise.all(pending)).flat();
      if (errors.length) throw new SearchIndexError("adding the site", siteName, errors);
      if (marked === 0) {
        throw new SearchIndexError("reading the site", siteName, [
          `no page carries ${BODY_MARKER} (it belongs on the article template)`,
        ]);
      }
      // Pagefind's binary killed or missing while writing: a message naming the site, not a stack naming the
      // staging folder.
      const staging = path.dirname(path.resolve(outputPath));
      const written = await index.writeFiles({ outputPath }).catch((error: unknown) => {
        throw new SearchIndexError("running Pagefind", siteName, [
          pagefindFailure(error).replaceAll(staging, siteName),
        ]);
      });
      const named = written.errors.map((error) => error.replaceAll(staging, siteName));
      if (named.length) throw new SearchIndexError("writing the index", siteName, named);
      const pages = await indexedPageCount(outputPath);
      if (pages !== marked) {
        throw new SearchIndexError("indexing the site", siteName, [
          `${marked} pages carry ${BODY_MARKER} but the index has ${pages}`,
        ]);
      }
      // The words for "did you mean", beside the index they come from (src/publishing/search-vocabulary.ts).
      await writeVocabulary(outputPath);
      return { pages, outputPath };
    },
    async close() {
      await index.deleteIndex().catch(() => undefined);
    },
  };
}

/** Whether a page has a part to index (only article pages do). */
export function isIndexable(html: string): boolean {
  // A plain search first: most pages (listings) have no marker, and the pattern would scan all of them.
  return html.includes(BODY_MARKER) && BODY_ATTRIBUTE.test(html);
}

/** Pages for a feed in a fixed order (see `orderedFeed`). */
export interface OrderedFeed {
  /** A page as it is rendered, in whatever order they come. */
  offer(url: string, html: string): void;
  /** Resolves once every page of the order has been handed on; rejects if one never came. */
  finish(): Promise<void>;
}

/**
 * Hands `feed` the pages of `order` in that order, whatever order they are offered in: Pagefind's files
 * depend on the order pages are added (the same pages added in another order make other chunk names), and
 * Eleventy renders pages concurrently, so adding each as it comes would make two builds of the same site
 * differ. A page that arrives early waits for the ones before it; in practice Eleventy renders a pagination
 * nearly in order, so few wait. Pages the build does not render (taken from a cache) are read with `read`.
 * Pages not in `order` are handed on at once (a page with nothing to index is ignored by the feed).
 */
export function orderedFeed(
  feed: SearchIndexFeed,
  order: readonly string[],
  rendered: ReadonlySet<string>,
  read: (url: string) => Promise<string>,
): OrderedFeed {
  const inOrder = new Set(order);
  const waiting = new Map<string, string>();
  let next = 0;
  let failure: unknown;
  let pumping = Promise.resolve();
  const pump = () => {
    pumping = pumping
      .then(async () => {
        while (next < order.length) {
          const url = order[next]!;
          const html = waiting.get(url) ?? (rendered.has(url) ? undefined : await read(url));
          if (html === undefined) return;
          waiting.delete(url);
          next += 1;
          void feed.add(url, html);
        }
      })
      .catch((error: unknown) => {
        failure ??= error;
      });
  };
  pump();
  return {
    offer(url, html) {
      if (!inOrder.has(url)) return void feed.add(url, html);
      waiting.set(url, html);
      pump();
    },
    async finish() {
      pump();
      await pumping;
      if (failure) throw failure;
      if (next < order.length) throw new Error(`the page ${order[next]} was to be indexed but was never rendered`);
    },
  };
}

/**
 * Indexes the article pages of the built site in `siteDir` and writes `siteDir/pagefind/`; problems name it
 * `siteName` (the staging folder's absolute path is no name a person knows).
 *
 * @example await buildSearchIndex("_site.building-1234-x1y2z3", "_site") // { pages: 103, outputPath: ".../pagefind" }
 */
export async function buildSearchIndex(siteDir: string, siteName = siteDir): Promise<SearchIndexResult> {
  const root = path.resolve(siteDir);
  const folder = await stat(root).catch(() => undefined);
  if (!folder?.isDirectory()) throw new SearchIndexError("reading the site", siteName, ["not a folder"]);
  const feed = await openSearchIndex(siteName);
  try {
    // Only article folders hold indexable pages; reading the listings too would only cost time.
    for (const file of await articleFiles(root)) {
      const url = `/${path.relative(root, path.dirname(file)).split(path.sep).join("/")}/`;
      await feed.add(url, await readFile(file, "utf8"));
    }
    return await feed.write(path.join(root, SEARCH_INDEX_DIR));
  } finally {
    await feed.close();
  }
}

/** The article pages (`index.html` under the kinds' folders) of a built site, sorted. */
async function articleFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const kind of KINDS) {
    const dir = path.join(root, KIND_INFO[kind].folder);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries)
      if (entry.isFile() && entry.name === "index.html") files.push(path.join(entry.parentPath, entry.name));
  }
  return files.sort();
}

/** Pagefind itself failed (its binary missing or killed): a message, not a stack. */
function pagefindFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The number of pages in a written index, from its `pagefind-entry.json` (summed over languages): the pages
 * a search can return, unlike `addDirectory`'s `page_count`, which counts every HTML file it read.
 */
export async function indexedPageCount(indexDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(indexDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
