/** The site's URLs and the path prefix: src/core/urls.ts. */
import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  articleUrl,
  feedAnchor,
  feedArchiveUrls,
  feedUrls,
  isSectionPage,
  kindUrl,
  listingPageUrl,
  normalisePrefix,
  PathPrefixer,
  regionUrl,
  subscribeUrl,
  tagUrl,
} from "../../src/core/urls.ts";

describe("URLs", () => {
  it("follow the URL map: an article sits in its kind's folder and its year folder", () => {
    expect(articleUrl("blog", "2019", "grow-your-own")).toBe("/blog/2019/grow-your-own/");
    expect(articleUrl("regional-update", "undated", "london")).toBe("/regional-updates/undated/london/");
    expect(kindUrl("regional-update")).toBe("/regional-updates/");
    expect([regionUrl("north-west"), tagUrl("send")]).toEqual(["/regions/north-west/", "/tags/send/"]);
    expect([listingPageUrl("/blog/", 1), listingPageUrl("/blog/", 3)]).toEqual(["/blog/", "/blog/page/3/"]);
    expect(feedUrls("/regions/north-west/")).toEqual({
      atom: "/regions/north-west/feed.xml",
      json: "/regions/north-west/feed.json",
    });
  });

  it("put a feed's archive pages beside it, numbered from the oldest, and its subscribe section on one page", () => {
    expect(feedArchiveUrls("/", 1)).toEqual({ atom: "/feed/archive/1.xml", json: "/feed/archive/1.json" });
    expect(feedArchiveUrls("/tags/send/", 12).atom).toBe("/tags/send/feed/archive/12.xml");
    expect([feedAnchor("/"), feedAnchor("/blog/"), feedAnchor("/regions/north-west/")]).toEqual([
      "feed-all",
      "feed-blog",
      "feed-regions-north-west",
    ]);
    expect(subscribeUrl("/authors/sam-smith/")).toBe("/subscribe/#feed-authors-sam-smith");
  });

  it("tell a section's own pages from its articles", () => {
    for (const page of [
      "/blog/",
      "/blog/page/2/",
      "/blog/feed.xml",
      "/regional-updates/feed.json",
      "/blog/feed/archive/3.xml",
    ])
      expect(isSectionPage(page), page).toBe(true);
    for (const page of ["/blog/2019/grow-your-own/", "/blog/page/", "/blog/feed.html"])
      expect(isSectionPage(page), page).toBe(false);
  });
});

describe("the path prefix", () => {
  it("is normalised to one slash at each end", () => {
    expect(["/", "", "archive", "/archive", "archive/", "//archive//"].map(normalisePrefix)).toEqual([
      "/",
      "/",
      "/archive/",
      "/archive/",
      "/archive/",
      "/archive/",
    ]);
  });

  it("goes before site paths, and only before them", () => {
    const prefixer = new PathPrefixer("archive");
    expect(prefixer.withPrefix("/blog/")).toBe("/archive/blog/");
    expect(prefixer.withPrefix("https://example.org/")).toBe("https://example.org/");
    expect(prefixer.withPrefix("//cdn.example.org/x")).toBe("//cdn.example.org/x");
    expect(prefixer.withPrefix("#top")).toBe("#top");
    expect(new PathPrefixer("/").withPrefix("/blog/")).toBe("/blog/");
  });

  it("comes off served paths, which are undefined outside it", () => {
    const prefixer = new PathPrefixer("/archive/");
    expect(prefixer.withoutPrefix("/archive/blog/")).toBe("/blog/");
    expect(prefixer.withoutPrefix("/archive")).toBe("/");
    expect(prefixer.withoutPrefix("/archived/")).toBeUndefined();
    expect(new PathPrefixer("/").withoutPrefix("/blog/")).toBe("/blog/");
  });

  it("is part of every absolute URL", () => {
    expect(absoluteUrl("/feed.xml", { siteUrl: "https://example.org", pathPrefix: "/archive/" })).toBe(
      "https://example.org/archive/feed.xml",
    );
    expect(absoluteUrl("/", { siteUrl: "https://example.org", pathPrefix: "/" })).toBe("https://example.org/");
  });
});
