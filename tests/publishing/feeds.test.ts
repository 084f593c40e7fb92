/**
 * Feeds: unit tests of what each feed holds, how it is paged into RFC 5005 archive pages and how entries are
 * dated, then every feed document of a fixture build under a path prefix (three entries a document), parsed
 * with a strict XML parser and a real feed parser (Atom) and checked against JSON Feed 1.1's fields.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { load } from "cheerio";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import type { Article } from "../../src/model/article.ts";
import {
  atomFeed,
  dayToDate,
  describeFeedDate,
  feedContent,
  feedDays,
  jsonFeedText,
  pageFeed,
  siteFeeds,
  type FeedDocument,
  type FeedEntry,
  type JsonFeed,
} from "../../src/publishing/feeds.ts";
import { publicationOf, type Publication } from "../../src/publishing/publication.ts";
import { loadSite, siteOptions, type Site } from "../../src/model/site.ts";
import { FIXTURE_BUILDS } from "../support/fixtures.ts";
import { listFiles } from "./helpers.ts";
import { childrenNamed, linkHref, parseXml } from "./xml.ts";

/** The fixture under /archive/: what it was built from, and its shared build (tests/global-setup.ts). */
const { content, settings } = FIXTURE_BUILDS["publishing-prefixed"];
const out = inject("fixtures")["publishing-prefixed"].dir;
const ORIGIN = "https://example.org/archive/";
let site: Site;
const read = (file: string) => readFile(path.join(out, file), "utf8");
const byTitle = (title: string) => site.articles.find((article) => article.title === title)!;
const feedsOf = (articles: readonly Article[], entriesPerDocument = 100) =>
  siteFeeds(articles, site, { entriesPerDocument });
/** The fixture's build has three entries a feed document (tests/support/fixtures.ts). */
const SIZE = settings.feedEntries;

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
    expect(describeFeedDate(byTitle("Making our voices heard"))).toBe(
      "July 2019 (estimated). The old site did not record this article’s date; it was worked out from the article’s text.",
    );
    expect(describeFeedDate(byTitle("Our plea to the next Prime Minister"))).toBe(
      "Between June and July 2019 (estimated). The old site did not record this article’s date; it comes between articles the old archive dates 21 June 2019 and 12 July 2019.",
    );
    const recordedMonth = {
      ...byTitle("Making our voices heard"),
      dateText: "July 2019",
      dateWords: { text: "July 2019", datetime: "2019-07" },
    };
    expect(describeFeedDate(recordedMonth)).toBe("Published July 2019; the day is not recorded.");
  });

  it("gives an undated article with no bounds the day of the nearest older article of its kind", () => {
    const plea = byTitle("Our plea to the next Prime Minister");
    const unbounded: Article = { ...plea, date: { precision: "unknown" } };
    const articles = site.articles.map((article) => (article === plea ? unbounded : article));
    expect(feedDays(articles).get(unbounded)).toBe("2019-06-21");
  });

  it("never dates a feed by the build: a feed's updated is its newest entry's date", () => {
    const [all] = siteFeeds(site.articles, site, { entriesPerDocument: 20, fallbackDay: "2099-01-01" });
    expect(all!.updated.toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });
});

describe("feed contents", () => {
  it("has one feed for everything, one per kind, per region, per tag and per author, each newest first", () => {
    const feeds = feedsOf(site.articles);
    expect(feeds.map((feed) => feed.url)).toEqual([
      "/feed.xml",
      "/blog/feed.xml",
      "/regional-updates/feed.xml",
      ...site.regions.map((region) => `${region.url}feed.xml`),
      ...site.tags.map((tag) => `${tag.url}feed.xml`),
      ...site.authors.map((author) => `${author.url}feed.xml`),
    ]);
    expect(feeds.find((feed) => feed.url === "/tags/funding/feed.xml")!.entries.map((e) => e.article.title)).toEqual(
      site.articles.filter((a) => a.tags.some((tag) => tag.slug === "funding")).map((a) => a.title),
    );
    expect(feeds.find((feed) => feed.url === "/authors/sam-smith/feed.xml")!.entries.length).toBe(
      site.articles.filter((a) => a.author?.key === "sam-smith").length,
    );
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

describe("feed paging (RFC 5005 archives)", () => {
  const entries = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ day: String(count - i) }) as unknown as FeedEntry);
  const days = (list: FeedEntry[]) => list.map((entry) => entry.day);

  it("keeps the newest entries in the subscription document and pages the rest from the oldest", () => {
    const { subscription, archives } = pageFeed(entries(8), 3);
    expect(days(subscription)).toEqual(["8", "7", "6"]);
    expect(archives.map(days)).toEqual([
      ["3", "2", "1"],
      ["5", "4"],
    ]);
  });

  it("has no archive while the subscription document holds everything", () => {
    expect(pageFeed(entries(3), 3).archives).toEqual([]);
    expect(pageFeed([], 3)).toEqual({ subscription: [], archives: [] });
  });

  it("starts the next, empty page when the newest page is full, so a full page's links never change", () => {
    expect(pageFeed(entries(9), 3).archives.map(days)).toEqual([["3", "2", "1"], ["6", "5", "4"], []]);
  });

  it("links each feed's documents so that following prev-archive from the feed reaches every entry once, newest first", () => {
    for (const size of [1, 2, 3, 20]) {
      for (const feed of feedsOf(site.articles, size)) {
        const byUrl = new Map<string, FeedDocument>(feed.archives.map((page) => [page.url, page]));
        const seen: Article[] = [];
        let doc: FeedDocument | undefined = feed;
        while (doc) {
          expect(doc.entries.length, doc.url).toBeLessThanOrEqual(size);
          expect(doc.current.atom).toBe(feed.url);
          seen.push(...doc.entries.map((entry) => entry.article));
          const older: FeedDocument | undefined = doc.prevArchive && byUrl.get(doc.prevArchive.atom);
          if (doc.prevArchive) expect(older, `${doc.url} → ${doc.prevArchive.atom}`).toBeDefined();
          if (older) expect(older.nextArchive?.atom ?? feed.url).toBe(doc === feed ? feed.url : doc.url);
          doc = older;
        }
        const expected = feedsOf(site.articles)
          .find((f) => f.url === feed.url)!
          .entries.map((entry) => entry.article);
        expect(seen, `${feed.url}, ${size} a page`).toEqual(expected);
      }
    }
  });
});

describe("full archive pages never change", () => {
  let before: Publication;
  let after: Publication;

  beforeAll(async () => {
    // The same content and settings, then once more with one new article published.
    const work = await mkdtemp(path.join(tmpdir(), "adcs-feed-archive-"));
    const grown = path.join(work, "content");
    await cp(content, grown, { recursive: true });
    await writeFile(
      path.join(grown, "blog/2026/a-new-article.md"),
      "---\ntitle: A new article\ndate: 2026-05-01\nauthor: sam-smith\ntags: [Funding, SEND]\n---\nNews.\n",
    );
    const publish = async (dir: string) =>
      publicationOf(await loadSite(siteOptions(dir, settings)), { feedEntries: settings.feedEntries });
    before = await publish(content);
    after = await publish(grown);
  });

  it("writes the same bytes for every full archive page after a new article is published", async () => {
    const afterByUrl = new Map(after.feedDocuments.map((doc) => [doc.url, doc]));
    let full = 0;
    for (const doc of before.feedDocuments.filter((d) => d.archivePage && d.entries.length === SIZE)) {
      const next = afterByUrl.get(doc.url)!;
      expect(await atomFeed(next, settings), doc.url).toBe(await atomFeed(doc, settings));
      expect(await jsonFeedText(next, settings), doc.jsonUrl).toBe(await jsonFeedText(doc, settings));
      full++;
    }
    // The main feed's two full pages, the blog's, and those of the new article's tags and author.
    expect(full).toBeGreaterThanOrEqual(3);
    const main = (publication: Publication) => publication.feedDocuments.find((d) => d.url === "/feed.xml")!;
    expect(await atomFeed(main(after), settings)).not.toBe(await atomFeed(main(before), settings));
    expect(main(after).entries[0]!.article.title).toBe("A new article");
  });
});

describe("characters XML forbids", () => {
  it("never writes them: a feed with NUL and control characters in its article is well-formed", async () => {
    const grow = byTitle("Grow your own");
    const hostile: Article = {
      ...grow,
      title: "Grow\u0000 your\u0008 own\uFFFE",
      summary: "Summary\u001F with\u000B controls",
      html: "<p>Body\u0001 text\u0007</p>\n<p>Tab\tand newline stay.</p>",
      tags: [{ name: "Fund\u0002ing", slug: "funding", url: "/tags/funding/" }],
    };
    const entry: FeedEntry = { article: hostile, day: "2019-07-12", date: dayToDate("2019-07-12") };
    const [all] = feedsOf([hostile]);
    const doc: FeedDocument = { ...all!, title: "All\u0003 articles", entries: [entry] };
    const feed = parseXml(await atomFeed(doc, settings));
    const [item] = childrenNamed(feed, "entry");
    expect(childrenNamed(item!, "title")[0]!.text).toBe("Grow your own");
    expect(childrenNamed(item!, "summary")[0]!.text).toBe("Summary with controls");
    expect(childrenNamed(item!, "content")[0]!.text).toBe("<p>Body text</p>\n<p>Tab\tand newline stay.</p>");
    expect(childrenNamed(feed, "title")[0]!.text).toBe("All articles");
    const json = await jsonFeedText(doc, settings);
    expect(json).not.toMatch(/\\u000[0-8bcef]|\\u001[0-9a-f]/i);
    expect((JSON.parse(json) as JsonFeed).items[0]!.title).toBe("Grow your own");
  });
});

/** JSON Feed 1.1's fields (https://www.jsonfeed.org/version/1.1/), no others: what the site's documents use. */
const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const author = z.strictObject({ name: z.string().min(1), url: z.url().optional(), avatar: z.url().optional() });
const jsonFeedSchema = z.strictObject({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  next_url: z.url().optional(),
  language: z.string().optional(),
  authors: z.array(author).optional(),
  items: z.array(
    z
      .strictObject({
        id: z.string().min(1),
        url: z.url().optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        summary: z.string().optional(),
        date_published: rfc3339.optional(),
        date_modified: rfc3339.optional(),
        authors: z.array(author).optional(),
        tags: z.array(z.string()).optional(),
      })
      .refine((item) => item.content_html !== undefined || item.content_text !== undefined, "an item needs content"),
  ),
});

describe("the built feeds", () => {
  const atomFiles = () => listFiles(out).filter((file) => /(^|\/)feed(\/archive\/\d+)?\.xml$/.test(file));
  const fileOf = (url: string) => {
    expect(url.startsWith(ORIGIN), url).toBe(true);
    return url.slice(ORIGIN.length);
  };

  /** The articles of a feed's whole chain from its subscription document, following prev-archive. */
  async function followAtom(file: string): Promise<{ titles: string[]; documents: string[] }> {
    const titles: string[] = [];
    const documents: string[] = [];
    for (let next: string | undefined = file; next;) {
      expect(documents, `a loop at ${next}`).not.toContain(next);
      documents.push(next);
      const feed = parseXml(await read(next), next);
      expect(childrenNamed(feed, "entry").length, next).toBeLessThanOrEqual(SIZE);
      titles.push(...childrenNamed(feed, "entry").map((entry) => childrenNamed(entry, "title")[0]!.text));
      const older = linkHref(feed, "prev-archive");
      next = older && fileOf(older);
    }
    return { titles, documents };
  }

  it("publishes an Atom and a JSON feed for everything, each kind, region, tag and author, with archive pages beside", () => {
    const files = listFiles(out).filter((file) => /(^|\/)feed(\/archive\/\d+)?\.(xml|json)$/.test(file));
    expect(files).toEqual(
      expect.arrayContaining([
        "feed.xml",
        "feed.json",
        "feed/archive/1.xml",
        "feed/archive/1.json",
        "blog/feed.xml",
        "blog/feed/archive/1.xml",
        "regional-updates/feed.xml",
        "regions/north-west/feed.xml",
        "regions/eastern/feed.json",
        "tags/funding/feed.xml",
        "tags/funding/feed.json",
        "authors/sam-smith/feed.xml",
        "authors/sam-smith/feed.json",
      ]),
    );
    const subscriptions = files.filter((file) => /(^|\/)feed\.(xml|json)$/.test(file));
    expect(subscriptions).toHaveLength(2 * (3 + site.regions.length + site.tags.length + site.authors.length));
  });

  it("parses every Atom document with a strict XML parser and a feed parser: dated, newest first, absolute links with the prefix", async () => {
    const files = atomFiles();
    expect(files).toContain("feed/archive/1.xml");
    let links = 0;
    for (const file of files) {
      parseXml(await read(file), file); // throws on anything not well-formed
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

  it("marks archive pages as archives (fh:archive) linked to their feed; subscription documents are not", async () => {
    for (const file of atomFiles()) {
      const feed = parseXml(await read(file), file);
      const archive = file.includes("/archive/") || file.startsWith("feed/archive/");
      expect(childrenNamed(feed, "fh:archive"), file).toHaveLength(archive ? 1 : 0);
      const subscription = archive ? file.replace(/feed\/archive\/\d+\.xml$/, "feed.xml") : file;
      expect(childrenNamed(feed, "id")[0]!.text, file).toBe(`${ORIGIN}${subscription}`);
      if (archive) expect(linkHref(feed, "current"), file).toBe(`${ORIGIN}${subscription}`);
    }
  });

  it("reaches every published article exactly once, newest first, by following prev-archive from /feed.xml; no draft", async () => {
    const { titles, documents } = await followAtom("feed.xml");
    expect(titles).toEqual(site.articles.map((article) => article.title));
    expect(titles).not.toContain("A draft post");
    expect(titles).not.toContain("A scheduled post");
    // 9 articles: 3 in the feed, two full pages, and the empty page the next article will start.
    expect(documents).toEqual(["feed.xml", "feed/archive/3.xml", "feed/archive/2.xml", "feed/archive/1.xml"]);
    const newest = parseXml(await read("feed/archive/1.xml"));
    expect(linkHref(newest, "next-archive")).toBe(`${ORIGIN}feed/archive/2.xml`);
    expect(linkHref(newest, "prev-archive")).toBeUndefined();
  });

  it("reaches every article of each kind, region, tag and author feed the same way", async () => {
    for (const file of atomFiles().filter((f) => f.endsWith("/feed.xml"))) {
      const pageUrl = `/${file.replace(/feed\.xml$/, "")}`;
      const expected = site.articles.filter(
        (a) =>
          a.url.startsWith(pageUrl) ||
          a.region?.url === pageUrl ||
          a.author?.url === pageUrl ||
          a.tags.some((tag) => tag.url === pageUrl),
      );
      expect((await followAtom(file)).titles, file).toEqual(expected.map((a) => a.title));
    }
  });

  it("dates and describes entries as the site does", async () => {
    const { titles } = await followAtom("feed.xml");
    expect(titles).toContain("Grow your own");
    const items = [];
    for (const file of atomFiles().filter((f) => f === "feed.xml" || f.startsWith("feed/archive/")))
      items.push(...parseFeed(await read(file)).items);
    const grow = items.find((item) => item.title === "Grow your own")!;
    expect(grow.updated!.toISOString()).toBe("2019-07-12T00:00:00.000Z");
    const plea = items.find((item) => item.title === "Our plea to the next Prime Minister")!;
    expect(plea.content).toContain("Between June and July 2019 (estimated).");
  });

  it("escapes titles and summaries with & and < (one escaping, never by hand in a template)", async () => {
    const xml = await read("feed.xml");
    expect(xml).toContain("<title>Costs &amp; &lt;benefits&gt; of &quot;care&quot;</title>");
    const item = parseFeed(xml).items.find((i) => i.url === `${ORIGIN}blog/2026/costs-and-benefits/`)!;
    expect(item.title).toBe('Costs & <benefits> of "care"');
    expect(item.description).toBe("What care costs & what it buys <in short>.");
    // The body is HTML escaped once more for XML; this parser decodes entities leniently, so check the bytes.
    expect(item.content).toContain("Care costs money & changes lives.");
    expect(xml).toContain("&lt;p&gt;Care costs money &amp;amp; changes lives.");
  });

  it("keeps an empty region's feed valid and dated by the archive", async () => {
    const london = parseFeed(await read("regions/greater-london/feed.xml"));
    expect(london.items.map((item) => item.title)).toEqual(["London update, January 2026"]);
    expect(london.url).toBe(`${ORIGIN}regions/greater-london/`);
    const eastern = parseFeed(await read("regions/eastern/feed.xml"));
    expect(eastern.items).toHaveLength(0);
    expect(eastern.updated!.toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });

  it("publishes JSON Feed 1.1 beside each Atom document, with the same items, its pages linked by next_url", async () => {
    for (const file of atomFiles()) {
      const jsonFile = file.replace(/\.xml$/, ".json");
      const json = jsonFeedSchema.parse(JSON.parse(await read(jsonFile)));
      const atom = parseFeed(await read(file));
      const subscription = jsonFile.replace(/feed\/archive\/\d+\.json$/, "feed.json");
      expect(json.feed_url, jsonFile).toBe(`${ORIGIN}${subscription}`);
      expect(json.home_page_url, jsonFile).toBe(atom.url);
      expect(json.items.map((item) => [item.url, item.title, item.date_published])).toEqual(
        atom.items.map((item) => [item.url, item.title, item.published!.toISOString().replace(".000Z", "Z")]),
      );
      const older = linkHref(parseXml(await read(file)), "prev-archive");
      expect(json.next_url, jsonFile).toBe(older?.replace(/\.xml$/, ".json"));
    }
    const titles: string[] = [];
    for (let next: string | undefined = "feed.json"; next;) {
      const json = JSON.parse(await read(next)) as JsonFeed;
      titles.push(...json.items.map((item) => item.title));
      next = json.next_url && fileOf(json.next_url);
    }
    expect(titles).toEqual(site.articles.map((article) => article.title));
    const json = JSON.parse(await read("feed.json")) as JsonFeed;
    const costs = json.items.find((item) => item.url.endsWith("/costs-and-benefits/"))!;
    expect(costs.title).toBe('Costs & <benefits> of "care"');
    expect(costs.authors).toEqual([{ name: "Sam Smith", url: `${ORIGIN}authors/sam-smith/` }]);
  });

  it("links every page's head to the main Atom feed, and each listing's to its own, absolute to the prefix", async () => {
    const pages = listFiles(out).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));
    expect(pages).toContain("index.html");
    for (const file of pages) {
      const $ = load(await read(file));
      const feed = $('head link[rel="alternate"][type="application/atom+xml"][title="All articles (Atom)"]');
      expect(feed.map((_, link) => link.attribs.href).get(), file).toEqual(["/archive/feed.xml"]);
    }
    for (const listing of ["tags/funding/", "authors/sam-smith/", "regions/north-west/", "blog/"]) {
      const $ = load(await read(`${listing}index.html`));
      const own = $('head link[rel="alternate"][type="application/atom+xml"]').not('[title="All articles (Atom)"]');
      expect(own.attr("href"), listing).toBe(`/archive/${listing}feed.xml`);
    }
  });
});

describe("people are sent to the subscribe page, never to a feed file", () => {
  const pages = () => listFiles(out).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));
  const isFeedFile = (href: string) => /(^|\/)feed(\/archive\/\d+)?\.(xml|json)([?#].*)?$/.test(href);

  it("has no link to a feed file outside the subscribe page, and there only feed: links that hand it to a reader app", async () => {
    let checked = 0;
    for (const file of pages()) {
      const $ = load(await read(file));
      const hrefs = $("a[href]")
        .map((_, a) => a.attribs.href)
        .get();
      const toFeeds = hrefs.filter(isFeedFile);
      if (file === "subscribe/index.html") {
        expect(toFeeds.length).toBe(siteFeeds(site.articles, site, { entriesPerDocument: SIZE }).length);
        expect(
          toFeeds.filter((href) => !href.startsWith("feed:https://")),
          file,
        ).toEqual([]);
      } else expect(toFeeds, file).toEqual([]);
      checked += hrefs.length;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("leads every listing's follow link and the footer to the subscribe page, to the listing's own feed", async () => {
    const subscribe = load(await read("subscribe/index.html"));
    for (const listing of ["blog/", "regions/north-west/", "tags/funding/", "authors/sam-smith/"]) {
      const $ = load(await read(`${listing}index.html`));
      const follow = $("main a.feed-link");
      expect(follow.text(), listing).toBe("Follow with a feed reader");
      const [where, id] = follow.attr("href")!.split("#");
      expect(where, listing).toBe("/archive/subscribe/");
      const section = subscribe(`[id="${id}"]`);
      expect(section.find("code").text(), listing).toBe(`${ORIGIN}${listing}feed.xml`);
      const footer = $("footer a").filter((_, a) => $(a).attr("href") === "/archive/subscribe/");
      expect(footer.text(), listing).toBe("Subscribe with a feed reader");
    }
  });

  it("lists every feed on the subscribe page with its address to copy and a feed: link", async () => {
    const $ = load(await read("subscribe/index.html"));
    const feeds = siteFeeds(site.articles, site, { entriesPerDocument: SIZE });
    expect(
      $(".feed-list__item")
        .map((_, item) => $(item).find("code").text())
        .get(),
    ).toEqual(feeds.map((feed) => `${ORIGIN}${feed.url.slice(1)}`));
    expect($(".feed-list__item a").first().attr("href")).toBe(`feed:${ORIGIN}feed.xml`);
    expect($("h1").text()).toBe("Follow the archive with a feed reader");
  });
});
