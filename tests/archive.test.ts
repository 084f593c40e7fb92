/**
 * The end-to-end test: the real migrated archive, built as `npm run build` builds it (tests/global-setup.ts),
 * read page by page as a reader would.
 */
import { load, type CheerioAPI } from "cheerio";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const siteDir = inject("siteDir");
const page = async (url: string) => load(await readFile(path.join(siteDir, url, "index.html"), "utf8"));
/** A listing's count, e.g. "100 articles". */
const countOn = ($: CheerioAPI) => $("main .lead .count").text();
/** The value beside a label in an article's metadata ("Date", "Author", "Region"). */
const metaOf = ($: CheerioAPI, label: string) =>
  $(".article-meta dt")
    .filter((_, dt) => $(dt).text() === label)
    .next("dd");
const metaLabels = ($: CheerioAPI) =>
  $(".article-meta dt")
    .map((_, dt) => $(dt).text())
    .get();

async function articlePages(kindFolder: string): Promise<string[]> {
  const found: string[] = [];
  for (const year of await readdir(path.join(siteDir, kindFolder), { withFileTypes: true })) {
    if (!year.isDirectory() || year.name === "page" || year.name === "feed") continue;
    for (const slug of await readdir(path.join(siteDir, kindFolder, year.name)))
      found.push(`/${kindFolder}/${year.name}/${slug}/`);
  }
  return found;
}

describe("the real archive, built", () => {
  it("has a page for each of the 100 blog posts and 3 regional updates", async () => {
    expect(await articlePages("blog")).toHaveLength(100);
    expect(await articlePages("regional-updates")).toHaveLength(3);
    expect(countOn(await page("/blog/"))).toBe("100 articles");
    expect(countOn(await page("/regional-updates/"))).toBe("3 articles");
  });

  it("shows a confirmed date and author as recorded", async () => {
    const $ = await page("/blog/2019/grow-your-own/");
    expect($("main h1.article__title").text()).toBe("Grow your own");
    expect(metaOf($, "Date").find("time").attr("datetime")).toBe("2019-07-12");
    expect(metaOf($, "Date").text()).toBe("12 July 2019");
    expect(metaOf($, "Author").find("a").text()).toBe("Helen Blackman");
    expect(metaOf($, "Region").text()).toBe("East Midlands");
  });

  it("says what is known of a date that was not recorded, as an estimate, and invents no author", async () => {
    const $ = await page("/blog/2019/our-plea-to-the-next-prime-minister/");
    expect(metaOf($, "Date").find(".article-date").text()).toBe("Between June and July 2019 (estimated)");
    expect($(".article-date__note p").text()).toMatch(
      /^The old site did not record this article’s date; it comes between articles the old archive dates/,
    );
    expect(metaOf($, "Author").text()).toBe("Not recorded");
    expect(metaLabels($)).not.toContain("About the author");
  });

  it("shows a month worked out from the text as an estimated month", async () => {
    const date = metaOf(await page("/blog/2019/making-our-voices-heard/"), "Date");
    expect(date.find("time").attr("datetime")).toBe("2019-07");
    expect(date.find(".article-date").text()).toBe("July 2019 (estimated)");
  });

  it("keeps a regional update's region, month, tags, headings and body", async () => {
    const $ = await page("/regional-updates/2017/greater-london-region-update-september-2017/");
    expect(metaOf($, "Date").find("time").attr("datetime")).toBe("2017-09");
    expect(metaOf($, "Date").find(".article-date").text()).toBe("September 2017 (estimated)");
    expect(metaOf($, "Region").find("a").attr("href")).toBe("/regions/greater-london/");
    expect($('.tag-list a[href="/tags/sli/"]').contents().first().text().trim()).toBe("SLI");
    const heading = $(".article__body h2").filter(
      (_, h2) => $(h2).text() === "Unaccompanied Asylum-Seeking Children (UASC) Costs",
    );
    expect(heading).toHaveLength(1);
    expect(heading.attr("id")).toBeTruthy();
    expect($(".article__body").text()).toContain("overspend of £94 million on the high needs block");
  });

  it("keeps lists as lists", async () => {
    const $ = await page("/blog/2019/grow-your-own/");
    const item = $(".article__body li").filter((_, li) => $(li).text().startsWith("a. was part time"));
    expect(item).toHaveLength(1);
    expect(item.parent().is("ul")).toBe(true);
    expect(item.index()).toBe(0);
  });

  it("lists the blog newest first in the old archive's order", async () => {
    const $ = await page("/blog/");
    const titles = $("main .article-list__title > a")
      .map((_, a) => $(a).text())
      .get();
    expect(titles.slice(0, 4)).toEqual([
      "Making our voices heard",
      "Grow your own",
      "Our plea to the next Prime Minister",
      "Local authority children’s services does something good for local family",
    ]);
  });
});

describe("dates and authors in words, on every page of the real archive", () => {
  it("never says 'Date: Date not recorded', never puts a month in brackets after 'not recorded', never a role for a name", async () => {
    const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(103);
    const found: string[] = [];
    for (const file of pages) {
      const $ = load(await readFile(path.join(siteDir, file), "utf8"));
      const text = $("body").text().replace(/\s+/g, " ");
      if (/Date:? ?Date not recorded/.test(text)) found.push(`${file}: "Date: Date not recorded"`);
      if (/not recorded \(/.test(text)) found.push(`${file}: something in brackets after "not recorded"`);
      if (/Name not recorded/.test(text)) found.push(`${file}: "Name not recorded"`);
      for (const row of $(".article-meta > div").toArray()) {
        if ($(row).find("dt").text() === "Date" && $(row).find("dd").text().startsWith("Date"))
          found.push(`${file}: the Date label repeated`);
      }
    }
    expect(found).toEqual([]);
  });

  it("marks every estimate as estimated, with how it was made on the article, and every recorded date as <time>", async () => {
    const $ = await page("/archive/undated/");
    const items = $(".article-list__item").toArray();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items)
      expect($(item).find(".article-date").text()).toMatch(/^(Date not recorded|.+ \(estimated\))$/);
    const month = await page("/blog/2019/making-our-voices-heard/");
    expect(month(".article-meta .article-date__qualifier").text()).toBe("(estimated)");
    expect(month(".article-date__note summary").text()).toBe("How was this date worked out?");
    const day = await page("/blog/2019/grow-your-own/");
    expect(day(".article-meta .article-date__qualifier")).toHaveLength(0);
    expect(day(".article-date__note")).toHaveLength(0);
  });
});

describe("whose site this is, and the small things, on the real archive", () => {
  it("every page's footer links to the ADCS website and gives the copyright line; no placeholder reaches a reader", async () => {
    for (const url of ["/", "/blog/2019/grow-your-own/", "/accessibility/"]) {
      const $ = await page(url);
      expect($("footer a[href='https://adcs.org.uk/']").text()).toBe("ADCS website");
      expect($("footer .site-footer__copyright").text()).toBe(
        "© The Association of Directors of Children’s Services Ltd",
      );
      expect($("body").text()).not.toContain("TODO");
    }
  });

  it("the accessibility statement says how to report a problem and gives the enforcement procedure", async () => {
    const $ = await page("/accessibility/");
    expect(
      $("main h2")
        .map((_, h2) => $(h2).text())
        .get(),
    ).toEqual([
      "Known limits",
      "Reporting accessibility problems with this website",
      "Enforcement procedure",
      "Preparation of this statement",
    ]);
    expect($("main a[href='https://www.equalityadvisoryservice.com/']")).toHaveLength(1);
  });

  it("shared links show the social card: an absolute URL to a published 1200×630 PNG, with its size and words", async () => {
    for (const url of ["/", "/blog/2019/grow-your-own/", "/archive/2019/"]) {
      const $ = await page(url);
      const content = (name: string) => $(`meta[property="${name}"], meta[name="${name}"]`).attr("content");
      const image = new URL(content("og:image")!);
      expect(image.protocol).toMatch(/^https?:$/);
      expect(content("twitter:image")).toBe(image.href);
      expect([content("og:image:width"), content("og:image:height")]).toEqual(["1200", "630"]);
      expect(content("og:image:alt")).toBe("ADCS blog and regional updates, in white on the site’s dark blue");
      expect(content("twitter:card")).toBe("summary_large_image");
      const png = await readFile(path.join(siteDir, image.pathname));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  it("long pages (listings, articles) end with a way back to the top; the page's top is its target", async () => {
    for (const url of ["/archive/2019/", "/blog/", "/blog/2019/grow-your-own/"]) {
      const $ = await page(url);
      expect($(".back-to-top a").text()).toBe("Back to top");
      expect($(".back-to-top a").attr("href")).toBe("#top");
      expect($("body").attr("id")).toBe("top");
    }
  });
});
