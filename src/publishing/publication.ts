/**
 * Everything published beside the pages, made from the site model: feeds and redirects (the sitemap,
 * `robots.txt` and `_headers` need nothing but the model and the settings, so templates ask for them by
 * filter). Computed once per build.
 */
import type { Site } from "../model/site.ts";
import { siteFeeds, type Feed, type FeedDocument, type FeedGroup } from "./feeds.ts";
import { redirectsFor, type Redirect } from "./redirects.ts";

export interface Publication {
  /** Every feed readers can subscribe to, as the subscribe page lists them. */
  feeds: Feed[];
  /** The same feeds by what they follow, for the subscribe page's sections. */
  feedGroups: Record<FeedGroup, Feed[]>;
  /** Every feed document to write: each feed's subscription document, then its archive pages. */
  feedDocuments: FeedDocument[];
  /** Old site addresses of migrated articles to their pages. */
  redirects: Redirect[];
}

export interface PublicationOptions {
  /** Entries per subscription feed and per archive page (`Settings.feedEntries`). */
  feedEntries: number;
  /** The date of an empty feed when the archive has no articles at all: the build's day. */
  fallbackDay?: string;
}

export function publicationOf(site: Site, { feedEntries, fallbackDay }: PublicationOptions): Publication {
  const feeds = siteFeeds(site.articles, site, {
    entriesPerDocument: feedEntries,
    ...(fallbackDay && { fallbackDay }),
  });
  const feedGroups: Record<FeedGroup, Feed[]> = { all: [], kind: [], region: [], subject: [], tag: [], author: [] };
  for (const feed of feeds) feedGroups[feed.group].push(feed);
  return {
    feeds,
    feedGroups,
    feedDocuments: feeds.flatMap((feed) => [feed, ...feed.archives]),
    redirects: redirectsFor(site.articles),
  };
}
