/**
 * Every URL the site serves, and the path prefix, in one place (the map in DESIGN.md). Site paths here are
 * root-relative and unprefixed (`/blog/2019/grow-your-own/`); `PathPrefixer` puts them under the prefix the
 * site is served from, as Eleventy's own `Util/PathPrefixer.js` does for its `url` filter.
 */
import { KIND_INFO, type Kind } from "./kinds.ts";

export const HOME_URL = "/";
export const REGIONS_URL = "/regions/";
export const TAGS_URL = "/tags/";
export const AUTHORS_URL = "/authors/";
export const ARCHIVE_URL = "/archive/";
/** Articles whose year is not known: the old site did not record it. */
export const UNDATED_URL = "/archive/undated/";
export const SEARCH_URL = "/search/";
export const ACCESSIBILITY_URL = "/accessibility/";
export const SITEMAP_URL = "/sitemap.xml";
/** Every feed, explained for the public: the one page that "follow" and "subscribe" links lead to. */
export const SUBSCRIBE_URL = "/subscribe/";
/** Where the search index is written and loaded from. */
export const SEARCH_INDEX_URL = "/pagefind/";
/** Editors' images, published from `content/images/`. */
export const IMAGES_URL = "/images/";
/** The stylesheets and scripts, each with a content hash in its name. */
export const ASSETS_URL = "/assets/";
/** Subjects to browse (content/_data/subjects.yaml), each with its own listing. */
export const SUBJECTS_URL = "/subjects/";
/** Files the site publishes at its root for crawlers and hosts. */
export const ROOT_FILES = ["/robots.txt", "/404.html", "/_headers", "/_redirects"] as const;

/** An article: `/<kind folder>/<year folder>/<slug>/`. */
export function articleUrl(kind: Kind, yearFolder: string, slug: string): string {
  return `/${KIND_INFO[kind].folder}/${yearFolder}/${slug}/`;
}

/** A kind's listing: `/blog/`, `/regional-updates/`. */
export function kindUrl(kind: Kind): string {
  return `/${KIND_INFO[kind].folder}/`;
}

export function regionUrl(key: string): string {
  return `${REGIONS_URL}${key}/`;
}

export function tagUrl(slug: string): string {
  return `${TAGS_URL}${slug}/`;
}

export function subjectUrl(key: string): string {
  return `${SUBJECTS_URL}${key}/`;
}

export function authorUrl(key: string): string {
  return `${AUTHORS_URL}${key}/`;
}

export function yearUrl(year: number): string {
  return `${ARCHIVE_URL}${year}/`;
}

/** Page `number` of a listing: the listing itself for page 1, then `<listing>page/2/`… */
export function listingPageUrl(listingUrl: string, number: number): string {
  return number === 1 ? listingUrl : `${listingUrl}page/${number}/`;
}

/** The Atom and JSON feeds that follow a listing (`/` for everything). */
export function feedUrls(listingUrl: string): { atom: string; json: string } {
  return { atom: `${listingUrl}feed.xml`, json: `${listingUrl}feed.json` };
}

/**
 * Archive page `number` of a listing's feeds (RFC 5005): numbered from the oldest, so page 1 always holds
 * the oldest entries and a full page's address and contents never change. `/feed/archive/1.xml` for
 * everything, `/blog/feed/archive/1.xml` for the blog.
 */
export function feedArchiveUrls(listingUrl: string, number: number): { atom: string; json: string } {
  const base = `${listingUrl}feed/archive/${number}`;
  return { atom: `${base}.xml`, json: `${base}.json` };
}

/** The id of a listing's feed on the subscribe page: `feed-all` for everything, `feed-regions-north-west`. */
export function feedAnchor(listingUrl: string): string {
  const parts = listingUrl.split("/").filter(Boolean);
  return `feed-${parts.length ? parts.join("-") : "all"}`;
}

/** Where a listing's "follow" link leads: its feed's section of the subscribe page. */
export function subscribeUrl(listingUrl: string): string {
  return `${SUBSCRIBE_URL}#${feedAnchor(listingUrl)}`;
}

/**
 * Pages inside a kind's section that are not articles: its listing, the listing's later pages, its
 * feeds and their archive pages. Links to these are not links to articles.
 */
export function isSectionPage(sitePath: string): boolean {
  return /^\/[a-z-]+\/(?:page\/\d+\/|feed\.(?:xml|json)|feed\/archive\/\d+\.(?:xml|json))?$/.test(sitePath);
}

/** `PATH_PREFIX` as the site uses it: `/` at the root, else `/name/` with one slash at each end. */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** Puts site paths under the path prefix the site is served from. */
export class PathPrefixer {
  /** `/archive/` or `/`. */
  readonly prefix: string;
  /** The prefix without its trailing slash, for joining to a site path: `/archive`, or `` at the root. */
  readonly base: string;

  constructor(prefix: string) {
    this.prefix = normalisePrefix(prefix);
    this.base = this.prefix.slice(0, -1);
  }

  /** `/blog/` → `/archive/blog/`. Leaves anything that is not a root-relative path as it is. */
  withPrefix(sitePath: string): string {
    return sitePath.startsWith("/") && !sitePath.startsWith("//") ? `${this.base}${sitePath}` : sitePath;
  }

  /** `/archive/blog/` → `/blog/`; undefined for a path outside the prefix. */
  withoutPrefix(servedPath: string): string | undefined {
    if (servedPath === this.base) return "/";
    return servedPath.startsWith(this.prefix) ? servedPath.slice(this.base.length) : undefined;
  }
}

/** The absolute URL of a site path, for canonical links, feeds, the sitemap and social cards. */
export function absoluteUrl(sitePath: string, where: { siteUrl: string; pathPrefix: string }): string {
  return `${where.siteUrl}${new PathPrefixer(where.pathPrefix).withPrefix(sitePath)}`;
}
