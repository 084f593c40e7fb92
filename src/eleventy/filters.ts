/**
 * The few filters templates need; each is a plain function of its input.
 */
import type { Settings } from "../settings.ts";

/** The absolute URL of a site path, for canonical links, feeds and social cards. */
export function absoluteUrl(pathname: string, settings: Settings): string {
  const prefix = settings.pathPrefix.replace(/\/$/, "");
  return `${settings.siteUrl}${prefix}${pathname}`;
}

/** `<title>` text: "Page · ADCS archive", with "(page 2 of 5)" on later pages of a listing. */
export function pageTitle(title: string, pagination?: { current: number; total: number }): string {
  const page = pagination && pagination.total > 1 ? ` (page ${pagination.current} of ${pagination.total})` : "";
  return `${title}${page} · ADCS blog and regional updates`;
}

export function filtersPlugin(eleventyConfig: any, { settings }: { settings: Settings }): void {
  eleventyConfig.addFilter("absoluteUrl", (pathname: string) => absoluteUrl(pathname, settings));
  eleventyConfig.addFilter("pageTitle", pageTitle);
}
