import { describe, expect, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { datedPost, undatedUpdate } from "./articles.ts";
import { render } from "./render.ts";
import type { CheerioAPI } from "cheerio";

interface SearchMetaParams {
  article: Article;
}

const { author: _author, authorRole: _role, region: _region, year: _year, ...unknown } = undatedUpdate;
const examples = {
  "a named author, region, year and tags": { article: datedPost },
  "only the author's role known": { article: undatedUpdate },
  "no author, region or year": { article: unknown },
} satisfies Record<string, SearchMetaParams>;

/** Pagefind's `data-pagefind-meta` or `-filter` values, as [key, value] in order. */
const values = ($: CheerioAPI, kind: "meta" | "filter") =>
  $(`[data-pagefind-${kind}]`)
    .toArray()
    .map((span) => [$(span).attr(`data-pagefind-${kind}`), $(span).text()]);

describe("searchMeta", () => {
  it("is hidden and kept out of the indexed text, with the day the article sorts by", () => {
    const $ = render("search-meta", examples["a named author, region, year and tags"]);
    const box = $("div.search-meta");
    expect(box.attr("hidden")).toBeDefined();
    expect(box.attr("data-pagefind-ignore")).toBeDefined();
    expect(box.attr("data-pagefind-sort")).toBe("date:2026-03-12");
  });

  it("gives the result's metadata and every filter, one value per tag, commas kept", () => {
    const $ = render("search-meta", examples["a named author, region, year and tags"]);
    expect(values($, "meta")).toEqual([
      ["title", "School funding pressures"],
      ["date", "12 March 2026"],
      ["author", "Jane Doe, Director of Children's Services, Anyshire"],
      ["kind", "Blog post"],
      ["summary", datedPost.summary],
    ]);
    expect(values($, "filter")).toEqual([
      ["kind", "Blog post"],
      ["region", "North West"],
      ["author", "Jane Doe"],
      ["year", "2026"],
      ["tag", "Funding"],
      ["tag", "SEND, early years"],
      ["subject", "Funding and finance"],
    ]);
  });

  it("puts no role where the author's name goes when the name is not recorded, and no author filter", () => {
    const $ = render("search-meta", examples["only the author's role known"]);
    expect(values($, "meta").map(([key]) => key)).not.toContain("author");
    expect(values($, "meta")).toContainEqual(["date", "Between June and July 2019 (estimated)"]);
    expect(values($, "filter")).toEqual([
      ["kind", "Regional update"],
      ["year", "2019"],
    ]);
    expect($(".search-meta").attr("data-pagefind-sort")).toBe("date:2019-06-30");
  });

  it("leaves out what is not known", () => {
    const $ = render("search-meta", examples["no author, region or year"]);
    expect(values($, "meta").map(([key]) => key)).toEqual(["title", "date", "kind", "summary"]);
    expect(values($, "filter")).toEqual([["kind", "Regional update"]]);
  });
});
