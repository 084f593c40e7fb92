/**
 * Which pages a build must render: every page paginated over the model (articles, listings, feed documents)
 * gets a digest of the data it is rendered from, and only pages whose digest differs from the last build's
 * are rendered again; pages the last build wrote that no longer exist are removed.
 *
 * A page's data is its own entry plus the frame every page shares (navigation, footer, names, settings,
 * templates, asset names): a change to the frame renders every page, a change to one article only the pages
 * that show it. What the frame leaves out is listed in `PER_PAGE_PARTS`: those parts of the model are read
 * by single pages (home, indexes), which are rendered in every build, and by the paginated pages only through
 * their own entry. A paginated template that read one of them directly would go stale; the test that an
 * incremental build equals a cold one (tests/publishing/incremental-build.test.ts) is what catches it.
 */
import { Digester } from "../core/digest.ts";
import type { ArticlePage } from "../model/article-pages.ts";
import type { ListingPage } from "../model/listings.ts";
import type { Site } from "../model/site.ts";
import type { FeedDocument } from "./feeds.ts";
import type { Publication } from "./publication.ts";

/** The pages a build renders, as the paginated templates read them (`pages.articlePages`…). */
export interface PageSet {
  articlePages: ArticlePage[];
  listings: ListingPage[];
  feedDocuments: FeedDocument[];
}

/** By output URL, the digest of what each page was rendered from. */
export type PageManifest = Record<string, string>;

export interface RenderPlan {
  /** The pages to render in this build. */
  render: PageSet;
  /** Every page of this build with its digest: the next build's `previous`. */
  manifest: PageManifest;
  /** URLs of the pages rendered in this build (a feed's Atom and JSON apart). */
  renderedUrls: string[];
  /** URLs the previous build wrote that this build has no page for, sorted. */
  removed: string[];
  /** A digest of every article page: the search index indexes them and nothing else. */
  searchDigest: string;
  /** How many paginated pages the site has (rendered or not), counting a feed's Atom and JSON apart. */
  total: number;
}

/**
 * Parts of `Site` that are not the shared frame: per-page data that reaches a paginated page only through
 * its entry (or `searchTerms`, below), and what single pages alone read. Anything else in `Site` counts as
 * frame, so a part added later makes every page depend on it until it is listed here: slower, never stale.
 */
const PER_PAGE_PARTS = [
  "articles",
  "articlePages",
  "listings",
  "searchTerms",
  "indexes",
  "regions",
  "subjects",
  "subjectsCountText",
  "tags",
  "tagsCountText",
  "authors",
  "years",
  "undated",
  "sections",
] as const satisfies readonly (keyof Site)[];

export interface PlanOptions {
  /** What every page depends on besides the model: templates, asset names, settings (see the adapter). */
  frame: unknown;
  /** The last build's manifest; without one, every page is rendered. */
  previous?: PageManifest;
  /** One kept across builds (the dev server's) remembers the digests of model objects that did not change. */
  digester?: Digester;
  /**
   * False for a build that keeps nothing for the next one (a cold build without a cache): every page is
   * rendered and no digest is worked out (a second of CPU at 4,000 articles). Defaults to true.
   */
  track?: boolean;
}

export function planRender(site: Site, publication: Publication, options: PlanOptions): RenderPlan {
  if (options.track === false) return renderEverything(site, publication);
  const { previous, digester = new Digester() } = options;
  // Articles are shared by their pages, listings, feeds and neighbours: each is digested once.
  digester.remember(site.articles);
  const shared = Object.fromEntries(
    Object.entries(site).filter(([key]) => !(PER_PAGE_PARTS as readonly string[]).includes(key)),
  );
  const frame = digester.of([options.frame, shared]);
  const manifest: PageManifest = {};
  const renderedUrls: string[] = [];
  const changed = (urls: string[], data: unknown, base = frame): boolean => {
    const digest = digester.of([base, data]);
    let stale = false;
    for (const url of urls) {
      manifest[url] = digest;
      if (previous?.[url] !== digest) stale = true;
    }
    if (stale) renderedUrls.push(...urls);
    return stale;
  };
  const render: PageSet = {
    articlePages: site.articlePages.filter((entry) =>
      changed([entry.article.url], [entry, site.searchTerms[entry.article.url]]),
    ),
    listings: site.listings.filter((entry) => changed([entry.url], entry)),
    // Feeds have no page frame: their writers read only the settings, which are in `options.frame`.
    feedDocuments: publication.feedDocuments.filter((doc) =>
      changed([doc.url, doc.jsonUrl], doc, digester.of(options.frame)),
    ),
  };
  const removed = previous ? Object.keys(previous).filter((url) => !(url in manifest)) : [];
  const searchDigest = digester.of(site.articlePages.map((entry) => manifest[entry.article.url]));
  return { render, manifest, renderedUrls, removed: removed.sort(), searchDigest, total: Object.keys(manifest).length };
}

/** The plan of a build that renders every page and keeps no manifest. */
function renderEverything(site: Site, publication: Publication): RenderPlan {
  const renderedUrls = [
    ...site.articlePages.map((entry) => entry.article.url),
    ...site.listings.map((entry) => entry.url),
    ...publication.feedDocuments.flatMap((doc) => [doc.url, doc.jsonUrl]),
  ];
  const render = {
    articlePages: site.articlePages,
    listings: site.listings,
    feedDocuments: publication.feedDocuments,
  };
  return { render, manifest: {}, renderedUrls, removed: [], searchDigest: "", total: renderedUrls.length };
}
