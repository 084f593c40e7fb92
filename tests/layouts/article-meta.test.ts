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
  "month only": {
    article: { ...datedPost, date: { precision: "month", iso: "2019-07" }, dateWords: { text: "July 2019", datetime: "2019-07" }, dateText: "July 2019" },
  },
  "month estimated from the text": {
    article: {
      ...datedPost,
      date: { precision: "month", iso: "2018-07", estimate: "text" },
      dateText: "July 2018 (estimated)",
      dateWords: { text: "July 2018", datetime: "2018-07", qualifier: "estimated", note: "Worked out from the text." },
    },
  },
  "nothing known of the date": {
    article: { ...undatedUpdate, date: { precision: "unknown" }, dateText: "Date not recorded", dateWords: { text: "Date not recorded" } },
  },
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

  it("marks up an estimated month as the month, says it is estimated apart from the date, and how, one click away", () => {
    const $ = render("article-meta", examples["month estimated from the text"]);
    expect(textOf($("time"))).toBe("July 2018");
    expect($("time").attr("datetime")).toBe("2018-07");
    expect(textOf($(".article-date"))).toBe("July 2018 (estimated)");
    expect(textOf($(".article-date__qualifier"))).toBe("(estimated)");
    expect(textOf($("details.article-date__note summary"))).toBe("How was this date worked out?");
    expect(textOf($("details.article-date__note p"))).toBe("Worked out from the text.");
  });

  it("says what is not recorded in plain words, keeps the author's role as context, and links nothing", () => {
    const $ = render("article-meta", examples["date and author's name not recorded"]);
    expect(textOf($(".article-date"))).toBe("Between June and July 2019 (estimated)");
    expect(facts(examples["date and author's name not recorded"])).toMatchObject({
      Author: "Not recorded",
      "About the author": "Regional chair",
    });
    expect($("time")).toHaveLength(0);
    expect($("a")).toHaveLength(0);
  });

  it("never repeats 'Date' after its label: a date nothing is known of is 'Not recorded'", () => {
    expect(facts(examples["nothing known of the date"]).Date).toBe("Not recorded");
    expect(render("article-meta", examples["nothing known of the date"])("details")).toHaveLength(0);
  });

  it("says an author who is not there is not recorded, and leaves out a region that is not there", () => {
    expect(facts(examples["no author, no region"])).toEqual({ Date: "12 March 2026", Author: "Not recorded" });
    expect(facts(examples["author without a role"]).Author).toBe("Sam Smith");
  });

  it("classes and attributes go on the list", () => {
    expect(render("article-meta", examples.classes)("dl").attr("class")).toBe("article-meta article-meta--inline");
    expect(render("article-meta", examples.attributes)("dl").attr("data-pagefind-ignore")).toBe("");
  });
});
