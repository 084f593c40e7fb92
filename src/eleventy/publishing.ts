/**
 * Publishing's filters: feeds, sitemap, robots.txt, `_headers` and `_redirects`. The templates
 * (`layouts/feeds/`, `layouts/sitemap.njk`, `layouts/robots.njk`, `layouts/_headers.njk`,
 * `layouts/_redirects.njk`) only present what the pure functions in `src/publishing/` return.
 */
import type { Settings } from "../core/settings.ts";
import { atomFeed, jsonFeedText, type FeedDocument } from "../publishing/feeds.ts";
import { headersFile } from "../publishing/headers.ts";
import { redirectsFile, type Redirect } from "../publishing/redirects.ts";
import { robotsTxt, sitemapEntries, type SitemapSite, type StaticPage } from "../publishing/sitemap.ts";

export function publishingPlugin(eleventyConfig: any, { settings }: { settings: Settings }): void {
  eleventyConfig.addAsyncFilter("atomFeed", (doc: FeedDocument) => atomFeed(doc, settings));
  eleventyConfig.addAsyncFilter("jsonFeed", (doc: FeedDocument) => jsonFeedText(doc, settings));
  eleventyConfig.addFilter("sitemapEntries", (site: SitemapSite, pages: StaticPage[]) =>
    sitemapEntries(site, pages, settings),
  );
  eleventyConfig.addFilter("robotsTxt", () => robotsTxt(settings));
  eleventyConfig.addFilter("headersFile", () => headersFile(settings));
  eleventyConfig.addFilter("redirectsFile", (redirects: Redirect[]) => redirectsFile(redirects, settings));
}
