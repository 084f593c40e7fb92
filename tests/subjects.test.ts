/**
 * Subjects on the built fixture site (tests/fixtures/site: content/_data/subjects.yaml, a draft that chooses
 * its own subjects), read page by page as a reader finds them: the index and one page per subject, their
 * counts against what the pages list, no draft anywhere, and each article saying who gave its subjects.
 */
import { load, type CheerioAPI } from "cheerio";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { loadSite, siteOptions } from "../src/model/site.ts";
import { SITE_CONTENT, siteSettings } from "./support/fixtures.ts";

const out = inject("fixtures")["site-paginated"].dir;
const page = async (url: string) =>
  load(await readFile(path.join(out, url, url.endsWith("/") ? "index.html" : ""), "utf8"));
const titlesIn = ($: CheerioAPI) =>
  $(".article-list__title > a")
    .map((_, a) => $(a).text())
    .get();
/** The index's cards: each subject's name, its description and its count. */
const cardsOn = ($: CheerioAPI) =>
  $(".card-list > li")
    .map((_, li) => [
      [
        $(li).children("a").text(),
        $(li).children(".card-list__role").text(),
        $(li).children(".card-list__count").text(),
      ],
    ])
    .get() as [string, string, string][];
/** Every page of a subject's listing, following its pagination. */
async function allTitles(url: string): Promise<string[]> {
  const $ = await page(url);
  const next = $(".pagination__next a").attr("href");
  return [...titlesIn($), ...(next ? await allTitles(next) : [])];
}

describe("subjects on the built site", () => {
  it("lists every subject on /subjects/ with its description and a count true to its page", async () => {
    const $ = await page("/subjects/");
    expect($("h1").text()).toBe("Subjects");
    expect($("main .lead").text()).toBe("5 subjects, with the number of articles about each.");
    const cards = cardsOn($);
    expect(cards).toEqual([
      ["Adoption", "Finding children families.", "0 articles"],
      ["Funding and finance", "How children’s services are paid for.", "1 article"],
      ["Secrets", "What is not ready yet.", "0 articles"],
      ["SEND and high needs", "Special educational needs and disabilities.", "0 articles"],
      ["Youth justice", "Children in trouble with the law.", "1 article"],
    ]);
    for (const [name, , count] of cards) {
      const href = $(".card-list a")
        .filter((_, a) => $(a).text() === name)
        .attr("href")!;
      const listed = await allTitles(href);
      expect(`${listed.length} article${listed.length === 1 ? "" : "s"}`, name).toBe(count);
      expect((await page(href))("main .lead .count").text(), name).toBe(count);
    }
  });

  it("gives a subject by its title or by words found often enough, and not by a passing mention", async () => {
    expect(titlesIn(await page("/subjects/funding/"))).toEqual(["School funding pressures"]);
    expect(titlesIn(await page("/subjects/youth-justice/"))).toEqual(["Youth justice reform"]);
    // "special educational needs" and "high needs" once each in "School funding pressures": in passing.
    expect(titlesIn(await page("/subjects/send/"))).toEqual([]);
  });

  it("never lists a draft: not on a subject page, not even on the page of a subject only a draft chose", async () => {
    const subjects = (await readdir(path.join(out, "subjects"), { withFileTypes: true })).filter((entry) =>
      entry.isDirectory(),
    );
    expect(subjects.map((entry) => entry.name).sort()).toEqual([
      "adoption",
      "funding",
      "secrets",
      "send",
      "youth-justice",
    ]);
    for (const { name } of subjects)
      expect((await page(`/subjects/${name}/`))("main").text()).not.toContain("A draft post");
    expect((await page("/subjects/secrets/"))("main .lead .count").text()).toBe("0 articles");
  });

  it("says on each article who gave its subjects, linking each with its count", async () => {
    const $ = await page("/blog/2026/school-funding-pressures/");
    expect($(".article-subjects .article__subjects-heading").text()).toBe("Subjects (assigned by the site)");
    const link = $(".article-subjects .article__subjects-heading + .tag-list a");
    expect(link.attr("href")).toBe("/subjects/funding/");
    expect(link.text().replace(/\s+/g, " ")).toBe("Funding and finance (1 article)");
    expect((await page("/blog/2025/a-year-in-review/"))(".article__subjects-heading").length).toBe(0);
  });

  it("puts Subjects in the main navigation and the old site's tags in the footer", async () => {
    const $ = await page("/");
    const nav = $(".site-nav a")
      .map((_, a) => $(a).text())
      .get();
    expect(nav).toContain("Subjects");
    expect(nav).not.toContain("Tags");
    expect($(".site-footer a[href='/tags/']").text()).toBe("Tags");
    expect((await page("/subjects/"))("main a[href='/tags/']").text()).toBe("Tags");
  });

  it("gives each subject a feed, in the subscribe page and the sitemap beside its page", async () => {
    const feed = await readFile(path.join(out, "subjects/funding/feed.xml"), "utf8");
    expect(feed).toContain("<title>ADCS: Funding and finance</title>");
    expect(feed).toContain("School funding pressures");
    expect((await page("/subscribe/"))("#by-subject").text()).toBe("Subjects");
    const sitemap = await readFile(path.join(out, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("/subjects/</loc>");
    expect(sitemap).toContain("/subjects/youth-justice/</loc>");
  });

  it("tags the search index's articles with their subjects as a filter", async () => {
    const $ = await page("/blog/2026/youth-justice-reform/");
    expect(
      $('[data-pagefind-filter="subject"]')
        .map((_, span) => $(span).text())
        .get(),
    ).toEqual(["Youth justice"]);
  });
});

describe("subjects in the preview", () => {
  it("shows a draft under the subjects its editor chose, and says they are the editor's", async () => {
    const settings = { ...siteSettings(), includeUnpublished: true };
    const site = await loadSite(siteOptions(SITE_CONTENT, settings));
    const draft = site.articlePages.find((entry) => entry.title === "A draft post")!;
    expect(draft.subjects).toEqual({
      heading: "Subjects (chosen by the editor)",
      items: [
        { text: "Youth justice", href: "/subjects/youth-justice/", count: "2", visuallyHiddenText: "articles" },
        { text: "Secrets", href: "/subjects/secrets/", count: "1", visuallyHiddenText: "article" },
      ],
    });
    expect(site.subjects.find((subject) => subject.key === "youth-justice")?.count).toBe(2);
  });
});
