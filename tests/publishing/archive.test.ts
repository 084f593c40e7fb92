/**
 * The real archive as `npm run build` makes it (built once by tests/global-setup.ts): every article is in
 * the feeds and the sitemap, and every migrated article's old address redirects to it.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { load } from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { oldPath } from "../../src/content/old-addresses.ts";
import { readSettings } from "../../src/core/settings.ts";
import { absoluteUrl } from "../../src/core/urls.ts";
import { loadSite, siteOptions, type Site } from "../../src/model/site.ts";

const siteDir = inject("siteDir");
const read = (file: string) => readFile(path.join(siteDir, file), "utf8");
let site: Site;

/** The settings the real archive was built with (tests/global-setup.ts): the environment's. */
const settings = readSettings();

beforeAll(async () => {
  site = await loadSite(siteOptions("content", settings));
});

describe("the real archive's publishing files", () => {
  it("has every article in the main feeds and their archive pages, newest first, each with a date", async () => {
    const atom = parseFeed(await read("feed.xml"));
    expect(atom.items).toHaveLength(settings.feedEntries);
    const titles: string[] = [];
    const times: number[] = [];
    for (let file: string | undefined = "feed.xml"; file;) {
      const xml = await read(file);
      const feed = parseFeed(xml);
      titles.push(...feed.items.map((item) => item.title!));
      times.push(...feed.items.map((item) => item.updated!.getTime()));
      const older = load(xml, { xml: true })('feed > link[rel="prev-archive"]').attr("href");
      file = older && new URL(older).pathname.slice(settings.pathPrefix.length);
    }
    expect(titles).toEqual(site.articles.map((article) => article.title));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    let items = 0;
    for (let file: string | undefined = "feed.json"; file;) {
      const json = JSON.parse(await read(file)) as { items: unknown[]; next_url?: string };
      items += json.items.length;
      file = json.next_url && new URL(json.next_url).pathname.slice(settings.pathPrefix.length);
    }
    expect(items).toBe(site.articles.length);
  });

  it("redirects every migrated article's old address, once, sorted", async () => {
    const lines = (await read("_redirects")).split("\n").filter((line) => line && !line.startsWith("#"));
    const expected = site.articles
      .filter((article) => article.legacy?.oldUrl)
      .map((article) => `${oldPath(article.legacy!.oldUrl!)} ${article.url.replace(/^\//, settings.pathPrefix)} 301`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(lines.map((line) => line.split(/\s+/).join(" "))).toEqual(expected);
  });

  it("lists every article in the sitemap", async () => {
    const sitemap = new XMLParser().parse(await read("sitemap.xml")) as { urlset: { url: { loc: string }[] } };
    const locs = new Set(sitemap.urlset.url.map((url) => url.loc));
    for (const article of site.articles) expect(locs, article.url).toContain(absoluteUrl(article.url, settings));
  });
});
