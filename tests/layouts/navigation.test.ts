import { describe, expect, it } from "vitest";
import type { Link } from "../../src/model/links.ts";
import { PREFIX, render, textsOf } from "./render.ts";
import type { CheerioAPI } from "cheerio";

interface NavigationParams {
  items: Link[];
  currentUrl?: string;
  landmarkLabel?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

const items: Link[] = [
  { text: "Blog", href: "/blog/" },
  { text: "Regions", href: "/regions/" },
  { text: "Search", href: "/search/" },
];
const examples = {
  "on the home page": { items, currentUrl: "/" },
  "on a listed page": { items, currentUrl: "/regions/" },
  "within a section": { items, currentUrl: "/blog/2026/school-funding-pressures/" },
  "no current URL": { items },
  "landmark label": { items, landmarkLabel: "Sections" },
  classes: { items, classes: "site-nav--compact" },
  attributes: { items, attributes: { id: "navigation" } },
} satisfies Record<string, NavigationParams>;

/** Each link's text with its aria-current, if any. */
const current = ($: CheerioAPI) => $("a").toArray().map((a) => [$(a).text(), $(a).attr("aria-current")]);

describe("navigation", () => {
  it("is a landmark named Main with every item linked under the path prefix", () => {
    const $ = render("navigation", examples["on the home page"]);
    expect($("nav.site-nav").attr("aria-label")).toBe("Main");
    expect(textsOf($, "nav > ul > li > a")).toEqual(["Blog", "Regions", "Search"]);
    expect($("a").toArray().map((a) => $(a).attr("href"))).toEqual([`${PREFIX}/blog/`, `${PREFIX}/regions/`, `${PREFIX}/search/`]);
  });

  it("currentUrl: marks the page itself with aria-current=page, its section with aria-current=true, nothing elsewhere", () => {
    expect(current(render("navigation", examples["on a listed page"]))).toEqual([["Blog", undefined], ["Regions", "page"], ["Search", undefined]]);
    expect(current(render("navigation", examples["within a section"]))).toEqual([["Blog", "true"], ["Regions", undefined], ["Search", undefined]]);
    expect(current(render("navigation", examples["on the home page"])).map(([, mark]) => mark)).toEqual([undefined, undefined, undefined]);
    expect(current(render("navigation", examples["no current URL"])).map(([, mark]) => mark)).toEqual([undefined, undefined, undefined]);
  });

  it("landmarkLabel, classes and attributes go on the landmark", () => {
    expect(render("navigation", examples["landmark label"])("nav").attr("aria-label")).toBe("Sections");
    expect(render("navigation", examples.classes)("nav").attr("class")).toBe("site-nav site-nav--compact");
    expect(render("navigation", examples.attributes)("nav").attr("id")).toBe("navigation");
  });
});
