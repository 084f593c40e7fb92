/**
 * `/sitemap.xml` and `/robots.txt` (https://www.sitemaps.org/protocol.html).
 *
 * `lastmod` says only what is known, in the W3C date formats the protocol allows: an article's own day,
 * or its month (`2019-07`) when only the month is known, and nothing when its date is not recorded.
 * A listing page gets the known date of its newest dated item (newest by the site's one order). Other pages (home, the indexes, search, the
 * accessibility statement) are rebuilt from the same articles and get the newest article's date: the
 * build has no other clock, which keeps its output byte-identical for the same content.
 */
import type { Settings } from "../core/settings.ts";
import { absoluteUrl, SITEMAP_URL } from "../core/urls.ts";
import type { Article } from "../model/article.ts";

export interface SitemapEntry {
  /** Absolute URL, with the path prefix. */
  loc: string;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  lastmod?: string;
}

/** What the sitemap needs of the site model. */
export interface SitemapSite {
  articles: readonly Article[];
  listings: readonly { url: string; items: readonly Article[]; undated?: readonly Article[] }[];
}

/** A page Eleventy built from a template of its own (not one of the model's paginated pages). */
export interface StaticPage {
  url: string | false;
  data?: { pagination?: unknown; sitemap?: boolean };
}

/** An article's date as far as it is known, for `lastmod`; undefined when not recorded. */
export function knownDate(article: Article): string | undefined {
  return article.date.precision === "unknown" ? undefined : article.date.iso;
}

/** The known date of the newest article whose date is known, newest by `sortDay`. */
export function newestDate(articles: readonly Article[]): string | undefined {
  let newest: Article | undefined;
  for (const article of articles) {
    if (knownDate(article) !== undefined && (newest === undefined || article.sortDay > newest.sortDay))
      newest = article;
  }
  return newest && knownDate(newest);
}

/**
 * Every public page, sorted by URL. Static pages are the HTML pages in Eleventy's `collections.all`
 * that are not paginated over the model (those come from `site`) and are folders (`404.html` is not a
 * page to index). A page can leave the sitemap with `sitemap: false` in its front-matter.
 */
export function sitemapEntries(
  site: SitemapSite,
  staticPages: readonly StaticPage[],
  settings: Settings,
): SitemapEntry[] {
  const newest = newestDate(site.articles);
  const byUrl = new Map<string, string | undefined>();
  for (const page of staticPages) {
    if (
      typeof page.url !== "string" ||
      !page.url.endsWith("/") ||
      page.data?.pagination ||
      page.data?.sitemap === false
    )
      continue;
    byUrl.set(page.url, newest);
  }
  for (const listing of site.listings)
    byUrl.set(listing.url, newestDate([...listing.items, ...(listing.undated ?? [])]));
  for (const article of site.articles) byUrl.set(article.url, knownDate(article));
  return [...byUrl]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([url, lastmod]) => ({ loc: absoluteUrl(url, settings), ...(lastmod && { lastmod }) }));
}

/**
 * `robots.txt`: everything may be crawled; the sitemap is named by absolute URL, as the protocol requires.
 * Crawlers read it only at the root of a host: under a path prefix, submit the sitemap to search engines
 * (or name it in the host's own robots.txt) instead.
 */
export function robotsTxt(settings: Settings): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_URL, settings)}\n`;
}
