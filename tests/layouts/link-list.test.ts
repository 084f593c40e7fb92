import { describe, expect, it } from "vitest";
import type { LinkItem } from "../../src/model/links.ts";
import { PREFIX, render, textsOf } from "./render.ts";

interface LinkListParams {
  items: LinkItem[];
  classes?: string;
  attributes?: Record<string, string>;
}

const related: LinkItem[] = [
  { text: "School funding pressures", href: "/blog/2026/school-funding-pressures/", hint: "Blog post, 12 March 2026" },
  { text: "London update", href: "/regional-updates/2026/london-update/", hint: "Regional update, 5 January 2026" },
];
const examples = {
  "with hints": { items: related },
  "without hints": { items: [{ text: "Accessibility statement", href: "/accessibility/" }] },
  classes: { items: related, classes: "link-list--columns" },
  attributes: { items: related, attributes: { "aria-labelledby": "related-heading" } },
} satisfies Record<string, LinkListParams>;

describe("linkList", () => {
  it("lists links under the path prefix, each followed by its hint", () => {
    const $ = render("link-list", examples["with hints"]);
    expect(textsOf($, "ul.link-list > li")).toEqual(["School funding pressures Blog post, 12 March 2026", "London update Regional update, 5 January 2026"]);
    expect($("li > a").first().attr("href")).toBe(`${PREFIX}/blog/2026/school-funding-pressures/`);
    expect(textsOf($, "li > a + .link-list__meta")).toEqual(["Blog post, 12 March 2026", "Regional update, 5 January 2026"]);
  });

  it("writes no hint where there is none", () => {
    const $ = render("link-list", examples["without hints"]);
    expect(textsOf($, "li")).toEqual(["Accessibility statement"]);
    expect($(".link-list__meta")).toHaveLength(0);
  });

  it("classes and attributes go on the list", () => {
    expect(render("link-list", examples.classes)("ul").attr("class")).toBe("link-list link-list--columns");
    expect(render("link-list", examples.attributes)("ul").attr("aria-labelledby")).toBe("related-heading");
  });
});
