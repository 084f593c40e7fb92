/**
 * The purpose-made fixture site (tests/fixtures/site, with filler posts enough to paginate the blog listing),
 * built once for the run by tests/global-setup.ts, read page by page the way a reader would find them.
 */
import { load, type CheerioAPI } from "cheerio";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const out = inject("fixtures")["site-paginated"].dir;
const page = async (url: string) =>
  load(await readFile(path.join(out, url, url.endsWith(".html") ? "" : "index.html"), "utf8"));
const exists = (url: string) =>
  access(path.join(out, url, "index.html")).then(
    () => true,
    () => false,
  );
/** The titles of a listing's articles, in order. */
const titlesIn = ($: CheerioAPI) =>
  $(".article-list__title > a")
    .map((_, a) => $(a).text())
    .get();
/** A listing's count, e.g. "28 articles". */
const countOn = ($: CheerioAPI) => $("main .lead .count").text();
/** An index page's cards (tags, years…): each link's text and the count beside it. */
const cardsOn = ($: CheerioAPI) =>
  Object.fromEntries(
    $(".card-list > li")
      .map((_, li) => [[$(li).children("a").text(), $(li).children(".card-list__count").text()]])
      .get(),
  );
/** The value beside a label in an article's metadata ("Date", "Author", "Region"). */
const metaOf = ($: CheerioAPI, label: string) =>
  $(".article-meta dt")
    .filter((_, dt) => $(dt).text() === label)
    .next("dd");

describe("the built fixture site", () => {
  it("has an article page with its title, date, author with role, region, tags and body", async () => {
    const $ = await page("/blog/2026/school-funding-pressures/");
    expect(
      $("h1")
        .map((_, h1) => $(h1).attr("class"))
        .get(),
    ).toEqual(["article__title"]);
    expect($("h1").text()).toBe("School funding pressures");
    expect(metaOf($, "Date").find("time").attr("datetime")).toBe("2026-03-12");
    expect(metaOf($, "Date").text()).toBe("12 March 2026");
    expect(metaOf($, "Author").text()).toBe("Jane Doe, Director of Children's Services");
    expect(metaOf($, "Author").find("a").attr("href")).toBe("/authors/jane-doe/");
    expect(metaOf($, "Region").find("a").attr("href")).toBe("/regions/north-west/");
    expect(metaOf($, "Region").text()).toBe("North West");
    const funding = $('.tag-list a[href="/tags/funding/"]');
    expect(funding.contents().first().text().trim()).toBe("Funding");
    expect(funding.find(".tag-list__count").text()).toBe("(2 articles)");
    expect($(".article__body h2#what-we-found").text()).toBe("What we found");
    expect($("title").text()).toBe("School funding pressures · ADCS blog and regional updates");
  });

  it("lists blog posts newest first, 20 a page, with numbered pagination", async () => {
    const first = await page("/blog/");
    const second = await page("/blog/page/2/");
    expect(titlesIn(first).slice(0, 3)).toEqual([
      "School funding pressures",
      "Youth justice reform",
      "A year in review",
    ]);
    expect(titlesIn(first)).toHaveLength(20);
    expect(titlesIn(second)).toHaveLength(8);
    expect(titlesIn(second).at(-1)).toBe("Filler post 1");
    expect(countOn(first)).toBe("28 articles");
    expect(second("title").text()).toBe("Blog (page 2 of 2) · ADCS blog and regional updates");
    expect(second('a[rel="prev"]').attr("href")).toBe("/blog/");
    expect(await exists("/blog/page/3/")).toBe(false);
  });

  it("has a page for every region, tag, author and year", async () => {
    expect(titlesIn(await page("/regions/greater-london/"))).toEqual(["London update, January 2026"]);
    const eastern = await page("/regions/eastern/");
    expect(titlesIn(eastern)).toEqual([]);
    expect(countOn(eastern)).toBe("0 articles");
    expect(titlesIn(await page("/tags/uasc/"))).toEqual(["London update, January 2026"]);
    expect(titlesIn(await page("/tags/funding/"))).toEqual(["School funding pressures", "A year in review"]);
    const author = await page("/authors/sam-smith/");
    expect(author("main .lead").text()).toContain("ADCS President");
    expect(titlesIn(author)).toEqual(["Youth justice reform", "A year in review"]);
    expect(titlesIn(await page("/archive/2025/"))).toEqual(["A year in review"]);
    expect(cardsOn(await page("/tags/"))).toMatchObject({ Funding: "2 articles" });
    expect(cardsOn(await page("/archive/"))).toMatchObject({ "2026": "3 articles" });
  });

  it("leaves drafts, and tags only drafts use, out of the production site", async () => {
    expect(await exists("/blog/2026/a-draft-post/")).toBe(false);
    expect(await exists("/tags/secret-tag/")).toBe(false);
    expect((await page("/tags/"))("body").text()).not.toContain("Secret tag");
    expect((await page("/blog/"))("body").text()).not.toContain("A draft post");
  });

  it("has a home page, a 404 page and a way back up from every page", async () => {
    const home = await page("/");
    expect(titlesIn(home)).toContain("London update, January 2026");
    expect(home('a[href="/regions/yorkshire-and-the-humber/"]').text()).toBe("Yorkshire and the Humber");
    expect((await page("/404.html"))("h1").text()).toBe("Page not found");
    const breadcrumbs = (await page("/tags/uasc/"))('nav.breadcrumbs[aria-label="Breadcrumb"]');
    expect(
      breadcrumbs
        .find("a")
        .map((_, a) => a.attribs.href)
        .get(),
    ).toEqual(["/", "/tags/"]);
  });
});
