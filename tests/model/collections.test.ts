import { describe, expect, it } from "vitest";
import { paginate, tagSummaries } from "../../src/model/collections.ts";
import { tagRef, type Article } from "../../src/model/article.ts";

describe("paginate", () => {
  it("splits 45 items into pages of 20, 20 and 5 with stable URLs", () => {
    const pages = paginate(
      "/blog/",
      Array.from({ length: 45 }, (_, i) => i),
    );
    expect(pages.map((p) => [p.url, p.items.length])).toEqual([
      ["/blog/", 20],
      ["/blog/page/2/", 20],
      ["/blog/page/3/", 5],
    ]);
    expect(pages[1]!.pagination).toMatchObject({ current: 2, total: 3, previous: "/blog/", next: "/blog/page/3/" });
    expect(pages[0]!.pagination?.previous).toBeUndefined();
  });

  it("shows first, last and neighbouring page numbers with gaps", () => {
    const pages = paginate(
      "/t/",
      Array.from({ length: 200 }, (_, i) => i),
    );
    const numbers = pages[4]!.pagination!.links.map((link) => link?.number ?? "…");
    expect(numbers).toEqual([1, "…", 4, 5, 6, "…", 10]);
    expect(pages[4]!.pagination!.links.find((link) => link?.current)?.number).toBe(5);
  });

  it("keeps one page without pagination for short or empty lists", () => {
    expect(paginate("/x/", [])).toEqual([{ url: "/x/", items: [] }]);
    expect(paginate("/x/", [1, 2])[0]!.pagination).toBeUndefined();
  });
});

describe("tagSummaries", () => {
  it("counts each tag once per article under one slug, with the most used casing", () => {
    const withTags = (...names: string[]) => ({ tags: names.map(tagRef) }) as unknown as Article;
    const tags = tagSummaries([withTags("SLI", "Greater London"), withTags("SLI"), withTags("sli")]);
    expect(tags).toEqual([
      {
        name: "Greater London",
        slug: "greater-london",
        url: "/tags/greater-london/",
        count: 1,
        countText: "1 article",
      },
      { name: "SLI", slug: "sli", url: "/tags/sli/", count: 3, countText: "3 articles" },
    ]);
  });
});
