import { describe, expect, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { datedPost, undatedUpdate } from "./articles.ts";
import { PREFIX, render, textOf } from "./render.ts";

interface ArticleMetaParams {
  article: Article;
  classes?: string;
  attributes?: Record<string, string>;
}

const { author: _author, region: _region, ...anonymous } = datedPost;
const examples = {
  "dated, with a named author and a region": { article: datedPost },
  "month only": { article: { ...datedPost, date: { precision: "month", iso: "2019-07" }, datetime: "2019-07", dateText: "July 2019" } },
  "date and author's name not recorded": { article: undatedUpdate },
  "no author, no region": { article: anonymous },
  "author without a role": { article: { ...datedPost, author: { key: "sam", name: "Sam Smith", url: "/authors/sam/" } } },
  classes: { article: datedPost, classes: "article-meta--inline" },
  attributes: { article: datedPost, attributes: { "data-pagefind-ignore": "" } },
} satisfies Record<string, ArticleMetaParams>;

/** The list as { term: description }. */
function facts(params: ArticleMetaParams): Record<string, string> {
  const $ = render("article-meta", params);
  return Object.fromEntries($("dl > div").toArray().map((row) => [textOf($(row).find("dt")), textOf($(row).find("dd"))]));
}

describe("articleMeta", () => {
  it("gives the date as <time>, the author with role and the region, both linked under the path prefix", () => {
    expect(facts(examples["dated, with a named author and a region"])).toEqual({
      Date: "12 March 2026",
      Author: "Jane Doe, Director of Children's Services, Anyshire",
      Region: "North West",
    });
    const $ = render("article-meta", examples["dated, with a named author and a region"]);
    expect($("dl.article-meta time").attr("datetime")).toBe("2026-03-12");
    expect($("dd a").toArray().map((a) => $(a).attr("href"))).toEqual([`${PREFIX}/authors/jane-doe/`, `${PREFIX}/regions/north-west/`]);
  });

  it("marks up a month-only date with the month", () => {
    const $ = render("article-meta", examples["month only"]);
    expect($("time").attr("datetime")).toBe("2019-07");
    expect(textOf($("time"))).toBe("July 2019");
  });

  it("says what is not recorded, with the role when only the role is known, and links nothing", () => {
    expect(facts(examples["date and author's name not recorded"])).toEqual({
      Date: "Date not recorded (between June and July 2019)",
      Author: "Name not recorded (Regional chair)",
    });
    const $ = render("article-meta", examples["date and author's name not recorded"]);
    expect($("time")).toHaveLength(0);
    expect($("a")).toHaveLength(0);
  });

  it("leaves out an author and region that are not there", () => {
    expect(facts(examples["no author, no region"])).toEqual({ Date: "12 March 2026" });
    expect(facts(examples["author without a role"]).Author).toBe("Sam Smith");
  });

  it("classes and attributes go on the list", () => {
    expect(render("article-meta", examples.classes)("dl").attr("class")).toBe("article-meta article-meta--inline");
    expect(render("article-meta", examples.attributes)("dl").attr("data-pagefind-ignore")).toBe("");
  });
});
