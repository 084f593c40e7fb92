/**
 * Feeds: unit tests of what each feed holds and how entries are dated, then every feed of a fixture build
 * under a path prefix, parsed with a real feed parser (Atom) and as JSON Feed 1.1.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { load } from "cheerio";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import {
  dayToDate,
  describeFeedDate,
  feedContent,
  feedDays,
  siteFeeds,
  type FeedEntry,
  type JsonFeed,
} from "../../src/publishing/feeds.ts";
import { loadSite, siteOptions, type Site } from "../../src/model/site.ts";
import { FIXTURE_BUILDS } from "../support/fixtures.ts";
import { listFiles } from "./helpers.ts";

/** The fixture under /archive/: what it was built from, and its shared build (tests/global-setup.ts). */
const { content, settings } = FIXTURE_BUILDS["publishing-prefixed"];
const out = inject("fixtures")["publishing-prefixed"].dir;
const ORIGIN = "https://example.org/archive/";
let site: Site;
const read = (file: string) => readFile(path.join(out, file), "utf8");
const byTitle = (title: string) => site.articles.find((article) => article.title === title)!;

beforeAll(async () => {
  site = await loadSite(siteOptions(content, settings));
});

describe("feed dates", () => {
  it("dates an article known to the day to that day, at 00:00 UTC", () => {
    expect(feedDays(site.articles).get(byTitle("Grow your own"))).toBe("2019-07-12");
    expect(dayToDate("2019-07-12").toISOString()).toBe("2019-07-12T00:00:00.000Z");
  });

  it("dates a month-only article to the earliest day it can be: never before an article the archive lists as older", () => {
    // July 2019, listed in the old archive as newer than "Grow your own" (12 July 2019).
    expect(feedDays(site.articles).get(byTitle("Making our voices heard"))).toBe("2019-07-12");
  });

  it("dates an undated article to the lower end of its bounds", () => {
    expect(feedDays(site.articles).get(byTitle("Our plea to the next Prime Minister"))).toBe("2019-06-21");
  });

  it("says what is really known when the day is not", () => {
    expect(describeFeedDate(byTitle("Grow your own"))).toBeUndefined();
    expect(describeFeedDate(byTitle("Making our voices heard"))).toBe("Published July 2019; the day is not recorded.");
    expect(describeFeedDate(byTitle("Our plea to the next Prime Minister"))).toBe(
      "Date not recorded (between June and July 2019).",
    );
  });

  it("gives an undated article with no bounds the day of the nearest older article of its kind", () => {
    const plea = byTitle("Our plea to the next Prime Minister");
    const unbounded: Article = { ...plea, date: { precision: "unknown" } };
    const articles = site.articles.map((article) => (article === plea ? unbounded : article));
    expect(feedDays(articles).get(unbounded)).toBe("2019-06-21");
  });

  it("never dates a feed by the build: a feed's updated is its newest entry's date", () => {
    const [all] = siteFeeds(site.articles, site.regions, "2099-01-01");
    expect(all!.updated.toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });
});

describe("feed contents", () => {
  it("has one feed for everything, one per kind and one per region, each newest first", () => {
    const feeds = siteFeeds(site.articles, site.regions);
    expect(feeds.map((feed) => feed.url)).toEqual([
      "/feed.xml",
      "/blog/feed.xml",
      "/regional-updates/feed.xml",
      ...site.regions.map((region) => `${region.url}feed.xml`),
    ]);
    expect(feeds[0]!.entries.map((entry) => entry.article)).toEqual(site.articles);
    for (const feed of feeds) {
      const times = feed.entries.map((entry) => entry.date.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it("makes relative links in an entry's content absolute, with the path prefix", async () => {
    const entry: FeedEntry = {
      article: byTitle("School funding pressures"),
      day: "2026-03-12",
      date: dayToDate("2026-03-12"),
    };
    const $ = load(await feedContent(entry, settings));
    const hrefs = $("a")
      .map((_, a) => a.attribs.href)
      .get();
    expect(hrefs).toContain(`${ORIGIN}blog/2026/youth-justice-reform/`);
    expect(hrefs).toContain(`${ORIGIN}blog/2026/school-funding-pressures/#what-we-found`);
  });
});

describe("the built feeds", () => {
  const atomFiles = () => listFiles(out).filter((file) => file.endsWith("feed.xml"));

  it("publishes an Atom and a JSON feed for everything, each kind and each region", () => {
    const feeds = listFiles(out).filter((file) => /(^|\/)feed\.(xml|json)$/.test(file));
    expect(feeds).toEqual(
      expect.arrayContaining([
        "feed.xml",
        "feed.json",
        "blog/feed.xml",
        "blog/feed.json",
        "regional-updates/feed.xml",
        "regions/north-west/feed.xml",
        "regions/eastern/feed.json",
      ]),
    );
    expect(feeds).toHaveLength(2 * (3 + site.regions.length));
  });

  it("parses every Atom feed with a real parser: entries newest first, dated, absolute links with the prefix", async () => {
    const files = atomFiles();
    expect(files).toContain("feed.xml");
    let links = 0;
    for (const file of files) {
      const feed = parseFeed(await read(file));
      expect(feed.meta.type, file).toBe("atom");
      expect(feed.self, file).toBe(`${ORIGIN}${file}`);
      expect(feed.updated, file).toBeInstanceOf(Date);
      const dates = feed.items.map((item) => item.updated!.getTime());
      expect(dates, file).toEqual([...dates].sort((a, b) => b - a));
      if (dates.length) expect(feed.updated!.getTime(), file).toBe(dates[0]);
      for (const item of feed.items) {
        expect(item.url, file).toMatch(new RegExp(`^${ORIGIN}(blog|regional-updates)/\\d{4}/[a-z0-9-]+/$`));
        expect(item.published, file).toEqual(item.updated);
        const $ = load(item.content ?? "");
        for (const element of $("[href], [src]").get()) {
          expect(element.attribs.href ?? element.attribs.src, file).toMatch(/^(https?:|mailto:)/);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(0); // the fixture's articles have relative links: each was checked
  });

  it("holds every published article in the main feed, in the site's order, and no draft or scheduled one", async () => {
    const feed = parseFeed(await read("feed.xml"));
    expect(feed.items.map((item) => item.title)).toEqual(site.articles.map((article) => article.title));
    expect(feed.items.map((item) => item.title)).not.toContain("A draft post");
    expect(feed.items.map((item) => item.title)).not.toContain("A scheduled post");
    const grow = feed.items.find((item) => item.title === "Grow your own")!;
    expect(grow.updated!.toISOString()).toBe("2019-07-12T00:00:00.000Z");
    const plea = feed.items.find((item) => item.title === "Our plea to the next Prime Minister")!;
    expect(plea.content).toContain("Date not recorded (between June and July 2019).");
  });

  it("escapes titles and summaries with & and < (autoescaping, no hand-written escaping)", async () => {
    const xml = await read("feed.xml");
    expect(xml).toContain("<title>Costs &amp; &lt;benefits&gt; of &quot;care&quot;</title>");
    const item = parseFeed(xml).items.find((i) => i.url === `${ORIGIN}blog/2026/costs-and-benefits/`)!;
    expect(item.title).toBe('Costs & <benefits> of "care"');
    expect(item.description).toBe("What care costs & what it buys <in short>.");
    // The body is HTML escaped once more for XML; this parser decodes entities leniently, so check the bytes.
    expect(item.content).toContain("Care costs money & changes lives.");
    expect(xml).toContain("&lt;p&gt;Care costs money &amp;amp; changes lives.");
  });

  it("keeps each kind's and region's feed to its own articles; an empty region's feed is valid and dated by the archive", async () => {
    const blog = parseFeed(await read("blog/feed.xml"));
    expect(blog.items.map((item) => item.title)).toEqual(
      site.articles.filter((a) => a.kind === "blog").map((a) => a.title),
    );
    const london = parseFeed(await read("regions/greater-london/feed.xml"));
    expect(london.items.map((item) => item.title)).toEqual(["London update, January 2026"]);
    expect(london.url).toBe(`${ORIGIN}regions/greater-london/`);
    const eastern = parseFeed(await read("regions/eastern/feed.xml"));
    expect(eastern.items).toHaveLength(0);
    expect(eastern.updated!.toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });

  it("publishes JSON Feed 1.1 with the same items as the Atom feed", async () => {
    const files = atomFiles();
    expect(files).toContain("feed.xml");
    for (const file of files) {
      const json = JSON.parse(await read(file.replace(/\.xml$/, ".json"))) as JsonFeed;
      const atom = parseFeed(await read(file));
      expect(json.version).toBe("https://jsonfeed.org/version/1.1");
      expect(json.feed_url).toBe(`${ORIGIN}${file.replace(/\.xml$/, ".json")}`);
      expect(json.home_page_url).toBe(atom.url);
      expect(json.items.map((item) => [item.url, item.title, item.date_published])).toEqual(
        atom.items.map((item) => [item.url, item.title, item.published!.toISOString().replace(".000Z", "Z")]),
      );
    }
    const json = JSON.parse(await read("feed.json")) as JsonFeed;
    const costs = json.items.find((item) => item.url.endsWith("/costs-and-benefits/"))!;
    expect(costs.title).toBe('Costs & <benefits> of "care"');
    expect(costs.authors).toEqual([{ name: "Sam Smith", url: `${ORIGIN}authors/sam-smith/` }]);
  });

  it("links every page to the main Atom feed, absolute to the prefix", async () => {
    const pages = listFiles(out).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));
    expect(pages).toContain("index.html");
    for (const file of pages) {
      const $ = load(await read(file));
      const feed = $('head link[rel="alternate"][type="application/atom+xml"][title="All articles (Atom)"]');
      expect(feed.map((_, link) => link.attribs.href).get(), file).toEqual(["/archive/feed.xml"]);
    }
  });
});
