import { describe, expect, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { datedPost, draftPost, undatedUpdate } from "./articles.ts";
import { PREFIX, render, textOf, textsOf } from "./render.ts";

interface ArticleListParams {
  items: Article[];
  headingLevel?: number;
  draftText?: string;
  show?: { kind: boolean; author: boolean; region: boolean };
  classes?: string;
  attributes?: Record<string, string>;
}

const examples = {
  default: { items: [datedPost, undatedUpdate] },
  "heading level 3": { items: [datedPost], headingLevel: 3 },
  "with a draft": { items: [draftPost, datedPost] },
  "draft text": { items: [draftPost], draftText: "Not yet published" },
  classes: { items: [datedPost], classes: "article-list--compact" },
  attributes: { items: [datedPost], attributes: { id: "latest", "data-module": "list" } },
  "no items": { items: [] },
  "on a region's page": { items: [datedPost], show: { kind: true, author: true, region: false } },
  "on a kind's page": { items: [datedPost], show: { kind: false, author: true, region: true } },
  "text that looks like markup": { items: [{ ...datedPost, title: "Fees & <charges>" }] },
} satisfies Record<string, ArticleListParams>;

describe("articleList", () => {
  it("default: one item per article, in order, titles as h2 links under the path prefix", () => {
    const $ = render("article-list", examples.default);
    expect($("ol.article-list > li.article-list__item")).toHaveLength(2);
    expect(textsOf($, "h2.article-list__title")).toEqual(["School funding pressures", "An update from the old site"]);
    expect($("h2.article-list__title a").first().attr("href")).toBe(`${PREFIX}/blog/2026/school-funding-pressures/`);
    expect($("ol").attr("role")).toBe("list");
  });

  it("default: a dated article has its kind, date as <time>, author, region and summary", () => {
    const $ = render("article-list", examples.default);
    const item = $("li").first();
    expect(textOf(item.find(".article-list__kind"))).toBe("Blog post");
    expect(item.find("time").attr("datetime")).toBe("2026-03-12");
    expect(textOf(item.find("time"))).toBe("12 March 2026");
    expect(textOf(item.find(".article-list__meta"))).toBe("Blog post 12 March 2026 Jane Doe North West");
    expect(textOf(item.find(".article-list__summary"))).toBe(datedPost.summary);
  });

  it("default: an article whose date is not recorded says so without a <time>, and has no empty summary", () => {
    const $ = render("article-list", examples.default);
    const item = $("li").last();
    expect(item.find("time")).toHaveLength(0);
    expect(textOf(item.find(".article-list__meta"))).toBe("Regional update Between June and July 2019 (estimated)");
    expect(textOf(item.find(".article-date__qualifier"))).toBe("(estimated)");
    expect(item.find("details")).toHaveLength(0);
    expect(item.find(".article-list__summary")).toHaveLength(0);
  });

  it("headingLevel: titles at the level asked for", () => {
    const $ = render("article-list", examples["heading level 3"]);
    expect($("h3.article-list__title")).toHaveLength(1);
    expect($("h2")).toHaveLength(0);
  });

  it("marks drafts only, as 'Draft' unless draftText says otherwise", () => {
    const $ = render("article-list", examples["with a draft"]);
    expect(textsOf($, "li .tag-draft")).toEqual(["Draft"]);
    expect($("li").first().find(".tag-draft")).toHaveLength(1);
    expect(textsOf(render("article-list", examples["draft text"]), ".tag-draft")).toEqual(["Not yet published"]);
  });

  it("classes and attributes go on the list", () => {
    expect(render("article-list", examples.classes)("ol").attr("class")).toBe("article-list article-list--compact");
    const $ = render("article-list", examples.attributes);
    expect($("ol").attr("id")).toBe("latest");
    expect($("ol").attr("data-module")).toBe("list");
  });

  it("an empty list has no items", () => {
    expect(render("article-list", examples["no items"])("li")).toHaveLength(0);
  });

  it("escapes text", () => {
    const $ = render("article-list", examples["text that looks like markup"]);
    expect(textOf($("h2 a"))).toBe("Fees & <charges>");
    expect($("charges")).toHaveLength(0);
  });

  it("show: leaves out the fact every item of a listing shares (the region on a region's page, the kind on a kind's)", () => {
    expect(textOf(render("article-list", examples["on a region's page"])(".article-list__meta"))).toBe("Blog post 12 March 2026 Jane Doe");
    expect(textOf(render("article-list", examples["on a kind's page"])(".article-list__meta"))).toBe("12 March 2026 Jane Doe North West");
  });
});
