/**
 * Everything published beside the pages, made from the site model: feeds and redirects (the sitemap,
 * `robots.txt` and `_headers` need nothing but the model and the settings, so templates ask for them by
 * filter). Computed once per build.
 */
import type { Site } from "../model/site.ts";
import { siteFeeds, type Feed } from "./feeds.ts";
import { redirectsFor, type Redirect } from "./redirects.ts";

export interface Publication {
  /** Every feed the site publishes. */
  feeds: Feed[];
  /** Old site addresses of migrated articles to their pages. */
  redirects: Redirect[];
}

export function publicationOf(site: Site, fallbackDay?: string): Publication {
  return { feeds: siteFeeds(site.articles, site.regions, fallbackDay), redirects: redirectsFor(site.articles) };
}
