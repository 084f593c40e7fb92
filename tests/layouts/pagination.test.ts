import { describe, expect, it } from "vitest";
import { paginate, type PageGap, type PageLink, type Pagination } from "../../src/model/collections.ts";
import { PREFIX, render, textsOf, visibleTextOf } from "./render.ts";
import type { CheerioAPI } from "cheerio";

interface PaginationParams {
  items?: (PageLink | PageGap)[];
  previous?: { href?: string; text?: string; visuallyHiddenText?: string };
  next?: { href?: string; text?: string; visuallyHiddenText?: string };
  landmarkLabel?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

/** Page `number` of a listing of `total` pages, as the model paginates `/blog/`. */
function page(number: number, total: number): Pagination {
  return paginate("/blog/", Array.from({ length: total * 20 }, (_, i) => i))[number - 1]!.pagination!;
}
/** The params a listing passes (layouts/_includes/pages/listing.njk). */
const fromListing = (pagination: Pagination) => ({ items: pagination.links, previous: { href: pagination.previous }, next: { href: pagination.next } });

const examples = {
  "first of 3": fromListing(page(1, 3)),
  "5 of 10": fromListing(page(5, 10)),
  "last of 3": fromListing(page(3, 3)),
  "previous and next words": { ...fromListing(page(2, 3)), previous: { href: "/blog/", text: "Newer", visuallyHiddenText: "articles" }, next: { href: "/blog/page/3/", text: "Older", visuallyHiddenText: "articles" } },
  "landmark label": { ...fromListing(page(2, 3)), landmarkLabel: "Pages of blog posts" },
  classes: { ...fromListing(page(2, 3)), classes: "pagination--centred" },
  attributes: { ...fromListing(page(2, 3)), attributes: { "data-module": "pagination" } },
  "no items": {},
} satisfies Record<string, PaginationParams>;

/** The list as a reader sees it: numbers, with "…" for a gap and the current page in brackets. */
const numbers = ($: CheerioAPI) =>
  $(".pagination__list > li")
    .toArray()
    .map((li) => ($(li).is(".pagination__gap") ? "…" : $(li).find("a").attr("aria-current") === "page" ? `[${$(li).text()}]` : $(li).text()));

describe("pagination", () => {
  it("items: numbered links under the path prefix, each named Page n, the current one marked", () => {
    const $ = render("pagination", examples["first of 3"]);
    expect($("nav.pagination").attr("aria-label")).toBe("Pages");
    expect(numbers($)).toEqual(["[1]", "2", "3"]);
    expect($(".pagination__list a").toArray().map((a) => [$(a).attr("href"), $(a).attr("aria-label")])).toEqual([
      [`${PREFIX}/blog/`, "Page 1"],
      [`${PREFIX}/blog/page/2/`, "Page 2"],
      [`${PREFIX}/blog/page/3/`, "Page 3"],
    ]);
  });

  it("items: a gap is '…', hidden from screen readers", () => {
    const $ = render("pagination", examples["5 of 10"]);
    expect(numbers($)).toEqual(["1", "…", "4", "[5]", "6", "…", "10"]);
    expect($(".pagination__gap").first().attr("aria-hidden")).toBe("true");
  });

  it("previous and next: links with rel, shown as Previous and Next and read with 'page', only where there is one", () => {
    const first = render("pagination", examples["first of 3"]);
    expect(first(".pagination__prev")).toHaveLength(0);
    expect(first(".pagination__next").attr("href")).toBe(`${PREFIX}/blog/page/2/`);
    expect(first(".pagination__next").attr("rel")).toBe("next");
    expect(first(".pagination__next").text()).toBe("Next page");
    expect(visibleTextOf(first(".pagination__next"))).toBe("Next");

    const last = render("pagination", examples["last of 3"]);
    expect(last(".pagination__next")).toHaveLength(0);
    expect(last(".pagination__prev").attr("href")).toBe(`${PREFIX}/blog/page/2/`);
    expect(last(".pagination__prev").attr("rel")).toBe("prev");
    expect(last(".pagination__prev").text()).toBe("Previous page");
  });

  it("previous and next: text and visuallyHiddenText change their words", () => {
    const $ = render("pagination", examples["previous and next words"]);
    expect(textsOf($, ".pagination__prev, .pagination__next")).toEqual(["Newer articles", "Older articles"]);
  });

  it("landmarkLabel, classes and attributes go on the landmark", () => {
    expect(render("pagination", examples["landmark label"])("nav").attr("aria-label")).toBe("Pages of blog posts");
    expect(render("pagination", examples.classes)("nav").attr("class")).toBe("pagination pagination--centred");
    expect(render("pagination", examples.attributes)("nav").attr("data-module")).toBe("pagination");
  });

  it("renders nothing without items (a listing of one page)", () => {
    expect(render("pagination", examples["no items"]).html()).toBe("");
    expect(paginate("/blog/", [1, 2])[0]!.pagination).toBeUndefined();
  });
});
