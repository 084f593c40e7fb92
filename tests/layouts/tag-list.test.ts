import { describe, expect, it } from "vitest";
import type { TagItem } from "../../src/model/links.ts";
import { PREFIX, render, textsOf, visibleTextOf } from "./render.ts";

interface TagListParams {
  items: TagItem[];
  classes?: string;
  attributes?: Record<string, string>;
}

const tags: TagItem[] = [
  { text: "Funding", href: "/tags/funding/", count: "2", visuallyHiddenText: "articles" },
  { text: "RIIAS", href: "/tags/riias/", count: "1", visuallyHiddenText: "article" },
];
const examples = {
  default: { items: tags },
  classes: { items: tags, classes: "tag-list--inline" },
  attributes: { items: tags, attributes: { "aria-label": "Tags" } },
} satisfies Record<string, TagListParams>;

describe("tagList", () => {
  it("links each tag under the path prefix, read with its count and noun", () => {
    const $ = render("tag-list", examples.default);
    expect(textsOf($, "ul.tag-list > li > a")).toEqual(["Funding (2 articles)", "RIIAS (1 article)"]);
    expect($("a").first().attr("href")).toBe(`${PREFIX}/tags/funding/`);
  });

  it("shows the count alone in brackets", () => {
    const $ = render("tag-list", examples.default);
    expect($("a").toArray().map((a) => visibleTextOf($(a)))).toEqual(["Funding (2)", "RIIAS (1)"]);
    expect(textsOf($, ".tag-list__count")).toEqual(["(2 articles)", "(1 article)"]);
  });

  it("classes and attributes go on the list", () => {
    expect(render("tag-list", examples.classes)("ul").attr("class")).toBe("tag-list tag-list--inline");
    expect(render("tag-list", examples.attributes)("ul").attr("aria-label")).toBe("Tags");
  });
});
