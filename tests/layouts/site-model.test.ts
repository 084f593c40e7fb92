/**
 * The site model (src/model/site.ts) as the components take it: the publishing fixture's model, with drafts
 * and scheduled articles shown as the preview does, rendered through the components the pages call. And
 * the templates' own rule: they write no site path by hand.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { readSettings } from "../../src/core/settings.ts";
import { loadSite, siteOptions, type Site } from "../../src/model/site.ts";
import { PREFIX, render, textsOf, visibleTextOf } from "./render.ts";

let site: Site;
const entry = (title: string) => site.articlePages.find((page) => page.title === title)!;

beforeAll(async () => {
  const settings = { ...readSettings({}), includeUnpublished: true, buildDate: new Date("2026-06-01T12:00:00Z") };
  site = await loadSite(siteOptions("tests/publishing/fixture/content", settings));
});

describe("the site model through the components", () => {
  it("navigation: each kind's listing and the indexes, subjects first, from the URL and kind tables (search is the header's box)", () => {
    const $ = render("navigation", { items: site.navigation, currentUrl: "/blog/" });
    expect(textsOf($, "a")).toEqual(["Blog", "Regional updates", "Subjects", "Regions", "Archive"]);
    expect($("a").toArray().map((a) => $(a).attr("href"))).toEqual(
      ["/blog/", "/regional-updates/", "/subjects/", "/regions/", "/archive/"].map((href) => `${PREFIX}${href}`),
    );
    expect(site.searchForm).toEqual({ href: "/search/", labelText: "Search the archive", buttonText: "Search" });
    expect($('a[aria-current="page"]').text()).toBe("Blog");
  });

  it("footer links and the feed: the subscribe page (never a feed file: browsers show raw XML), authors, the old site's tags and accessibility statement", () => {
    expect(site.footerLinks).toEqual([
      { text: "Subscribe with a feed reader", href: "/subscribe/" },
      { text: "Authors", href: "/authors/" },
      { text: "Tags", href: "/tags/" },
      { text: "Accessibility statement", href: "/accessibility/" },
    ]);
    expect(site.feed).toEqual({ href: "/feed.xml", title: "All articles (Atom)" });
  });

  it("countList: years, then the articles whose year is not known (the real archive has some), each counted in words", async () => {
    const archive = await loadSite(siteOptions("content", { ...readSettings({}), buildDate: new Date("2026-11-30T12:00:00Z") }));
    const $ = render("count-list", { items: archive.indexes.years });
    expect(textsOf($, "li > a")).toEqual([...archive.years.map((year) => String(year.year)), "Date not recorded"]);
    expect(textsOf($, ".card-list__count")).toEqual([...archive.years, archive.undated!].map((counted) => counted.countText));
    expect(textsOf($, ".card-list__count").every((count) => /^\d+ articles?$/.test(count))).toBe(true);
    expect($("li > a").last().attr("href")).toBe(`${PREFIX}/archive/undated/`);
  });

  it("countList: a tag with one article says '1 article'", () => {
    const $ = render("count-list", { items: site.indexes.tags });
    const once = site.tags.find((tag) => tag.count === 1)!;
    expect(textsOf($, "li")).toContain(`${once.name} 1 article`);
  });

  it("tagList: an article's tags are read with '1 article' or 'N articles'", () => {
    const page = site.articlePages.find((candidate) => candidate.tags.some((tag) => tag.count === "1"))!;
    const $ = render("tag-list", { items: page.tags });
    const one = page.tags.find((tag) => tag.count === "1")!;
    expect(textsOf($, "a")).toContain(`${one.text} (1 article)`);
    expect($("a").toArray().map((a) => visibleTextOf($(a)))).toContain(`${one.text} (1)`);
  });

  it("linkList: related articles with their kind and date; more from a region with the date alone", () => {
    const page = site.articlePages.find((candidate) => candidate.related.length && candidate.more.length)!;
    const related = render("link-list", { items: page.related });
    expect(textsOf(related, ".link-list__meta").every((hint) => /^(Blog post|Regional update), /.test(hint))).toBe(true);
    const section = page.more[0]!;
    expect(section.heading).toMatch(/^More (from|by) /);
    expect(section.link.text).toMatch(/^All articles (from|by) /);
    expect(textsOf(render("link-list", { items: section.items }), ".link-list__meta")).toEqual(section.items.map((item) => item.hint));
  });

  it("prevNext: named with the kind's plural, linking the next older and newer article of the kind", () => {
    const page = site.articlePages.find((candidate) => candidate.previous && candidate.next && candidate.article.kind === "blog")!;
    const $ = render("prev-next", { previous: page.previous, next: page.next, landmarkLabel: `Previous and next ${page.kind.plural}` });
    expect($("nav").attr("aria-label")).toBe("Previous and next blog posts");
    expect($(".prev-next__prev .prev-next__title").text()).toBe(page.previous!.text);
  });

  it("notices: a draft and a scheduled article say which they are; a published one has none", () => {
    expect(entry("A draft post").notice?.label).toBe("Draft");
    expect(entry("A scheduled post").notice?.label).toBe("Scheduled");
    expect(entry("Youth justice reform").notice).toBeUndefined();
    expect(entry("Youth justice reform").readingTimeText).toMatch(/^\d+ minute read$/);
  });

  it("breadcrumbs: a listing's trail leads home", () => {
    const $ = render("breadcrumbs", { items: site.listings.find((listing) => listing.url.startsWith("/tags/"))!.crumbs });
    expect(textsOf($, "a")).toEqual(["Home", "Tags"]);
  });
});

describe("the templates", () => {
  const layouts = fileURLToPath(new URL("../../layouts", import.meta.url));
  const templates = readdirSync(layouts, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".njk"));

  it("write no site path by hand: links come from the model (src/core/urls.ts)", () => {
    const byHand = /(?:href|src|action)="\/|["']\/[^"']*["']\s*\|\s*url/;
    const offenders = templates.filter((file) => byHand.test(readFileSync(path.join(layouts, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("name only pages the model has, where front-matter links to one (`page: archive`)", () => {
    const named = templates.flatMap((file) => {
      const { data } = matter(readFileSync(path.join(layouts, file), "utf8"));
      return JSON.stringify(data).match(/"page":"[^"]+"/g) ?? [];
    });
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(Object.keys(site.urls)).toContain(name.slice(8, -1));
  });
});
