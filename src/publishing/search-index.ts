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
 * Indexes the built site in `siteDir` and writes `siteDir/pagefind/`; problems name it `siteName`.
 *
 * The Node API returns `{ errors }` instead of throwing, and a wrong folder gives no error but
 * `page_count: 0`: both are checked. Result URLs are site-relative ("/blog/2019/x/"); the search page
 * hands Pagefind the path prefix as its `baseUrl` (the Node API has no such option, and Eleventy's
 * HTML base plugin never sees URLs that JavaScript builds).
 *
 * @example await buildSearchIndex("_site.building-1234-x1y2z3", "_site") // { pages: 103, outputPath: ".../pagefind" }
 */
export async function buildSearchIndex(siteDir: string, siteName = siteDir): Promise<SearchIndexResult> {
  try {
    return await indexSite(path.resolve(siteDir), siteName);
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    // Pagefind itself failed (its binary missing or killed, a file unreadable): a message, not a stack.
    const reason = error instanceof Error ? error.message.replaceAll(path.resolve(siteDir), siteName) : String(error);
    throw new SearchIndexError("running Pagefind", siteName, [reason]);
  }
}

async function indexSite(root: string, siteName: string): Promise<SearchIndexResult> {
  const folder = await stat(root).catch(() => undefined);
  if (!folder?.isDirectory()) throw new SearchIndexError("reading the site", siteName, ["not a folder"]);

  // Pagefind indexes whole pages, navigation and all, when no page has data-pagefind-body: so an article
  // template that lost the attribute would put every listing into search. Count the marked pages first.
  const marked = await countMarkedPages(root);
  if (marked === 0) {
    throw new SearchIndexError("reading the site", siteName, [
      `no page carries ${BODY_MARKER} (it belongs on the article template)`,
    ]);
  }

  const { errors: createErrors, index } = await pagefind.createIndex({
    // The archive is British English throughout; one language keeps one index (and one set of stems)
    // even if a page's lang attribute were ever missing.
    forceLanguage: "en",
    excludeSelectors: ARTICLE_LABELS,
  });
  if (createErrors.length || !index) throw new SearchIndexError("creating the index", siteName, createErrors);
  try {
    // Only article folders hold indexable pages; reading the listings too only costs time and memory.
    const added = await index.addDirectory({
      path: root,
      glob: `{${KINDS.map((kind) => KIND_INFO[kind].folder).join(",")}}/**/*.html`,
    });
    if (added.errors.length) throw new SearchIndexError("adding the site", siteName, added.errors);
    // page_count counts every HTML file read, indexed or not: 0 means a wrong or empty folder.
    if (added.page_count === 0) throw new SearchIndexError("adding the site", siteName, ["no HTML files found"]);
    const outputPath = path.join(root, SEARCH_INDEX_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new SearchIndexError("writing the index", siteName, written.errors);
    const pages = await indexedPageCount(outputPath);
    if (pages !== marked) {
      throw new SearchIndexError("indexing the site", siteName, [
        `${marked} pages carry ${BODY_MARKER} but the index has ${pages}`,
      ]);
    }
    // The words for "did you mean", beside the index they come from (src/publishing/search-vocabulary.ts).
    await writeVocabulary(outputPath);
    return { pages, outputPath: written.outputPath };
  } finally {
    await index.deleteIndex();
  }
}

/** How many HTML files under `root` mark their indexable part with `data-pagefind-body`. */
async function countMarkedPages(root: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    if ((await readFile(path.join(entry.parentPath, entry.name), "utf8")).match(BODY_ATTRIBUTE)) count += 1;
  }
  return count;
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
