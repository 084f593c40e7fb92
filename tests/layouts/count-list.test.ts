import { describe, expect, it } from "vitest";
import type { CountItem } from "../../src/model/links.ts";
import { PREFIX, render, textOf, textsOf } from "./render.ts";

interface CountListParams {
  items: CountItem[];
  classes?: string;
  attributes?: Record<string, string>;
}

const regions: CountItem[] = [
  { text: "North West", href: "/regions/north-west/", countText: "1 article" },
  { text: "Greater London", href: "/regions/greater-london/", countText: "1,103 articles" },
];
const authors: CountItem[] = [{ text: "Jane Doe", href: "/authors/jane-doe/", countText: "2 articles", hint: "Director of Children's Services" }];
const examples = {
  default: { items: regions },
  "with a hint": { items: authors },
  classes: { items: authors, classes: "card-list--wide" },
  attributes: { items: regions, attributes: { "aria-label": "Regions" } },
} satisfies Record<string, CountListParams>;

describe("countList", () => {
  it("is a list of cards, each a link under the path prefix and the count as the model words it", () => {
    const $ = render("count-list", examples.default);
    expect($("ul.card-list").attr("role")).toBe("list");
    expect(textsOf($, "li")).toEqual(["North West 1 article", "Greater London 1,103 articles"]);
    expect(textsOf($, "li > a")).toEqual(["North West", "Greater London"]);
    expect($("li > a").first().attr("href")).toBe(`${PREFIX}/regions/north-west/`);
    expect(textsOf($, ".card-list__count")).toEqual(["1 article", "1,103 articles"]);
    expect($(".card-list__role")).toHaveLength(0);
  });

  it("puts a hint between the link and the count", () => {
    const $ = render("count-list", examples["with a hint"]);
    expect(textOf($("li"))).toBe("Jane Doe Director of Children's Services 2 articles");
    expect(textOf($("li > a + .card-list__role + .card-list__count"))).toBe("2 articles");
  });

  it("classes and attributes go on the list", () => {
    expect(render("count-list", examples.classes)("ul").attr("class")).toBe("card-list card-list--wide");
    expect(render("count-list", examples.attributes)("ul").attr("aria-label")).toBe("Regions");
  });
});
