/**
 * Publishing: feeds, sitemap, robots.txt, `_headers` and `_redirects`. The templates (`layouts/feeds/`,
 * `layouts/sitemap.njk`, `layouts/robots.njk`, `layouts/_headers.njk`, `layouts/_redirects.njk`) only
 * present what the pure functions in this folder and `src/feeds.ts` return.
 */
import { feedsPlugin } from "../feeds.ts";
import type { Settings } from "../settings.ts";
import { headersFile } from "./headers.ts";
import { redirectsFile, type Redirect } from "./redirects.ts";
import { robotsTxt, sitemapEntries, type SitemapSite, type StaticPage } from "./sitemap.ts";

export function publishingPlugin(eleventyConfig: any, { settings }: { settings: Settings }): void {
  eleventyConfig.addPlugin(feedsPlugin, { settings });
  eleventyConfig.addFilter("sitemapEntries", (site: SitemapSite, pages: StaticPage[]) => sitemapEntries(site, pages, settings));
  eleventyConfig.addFilter("robotsTxt", () => robotsTxt(settings));
  eleventyConfig.addFilter("headersFile", () => headersFile(settings));
  eleventyConfig.addFilter("redirectsFile", (redirects: Redirect[]) => redirectsFile(redirects, settings));
}
