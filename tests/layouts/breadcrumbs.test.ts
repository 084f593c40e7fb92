import { describe, expect, it } from "vitest";
import type { Crumb } from "../../src/model/links.ts";
import { PREFIX, render, textsOf } from "./render.ts";

interface BreadcrumbsParams {
  items?: Crumb[];
  landmarkLabel?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

const trail: Crumb[] = [
  { text: "Home", href: "/" },
  { text: "Tags", href: "/tags/" },
];
const examples = {
  default: { items: trail },
  "landmark label": { items: trail, landmarkLabel: "You are here" },
  classes: { items: trail, classes: "breadcrumbs--inverse" },
  attributes: { items: trail, attributes: { "data-nosnippet": "" } },
  "no items": { items: [] },
  "no items given": {},
} satisfies Record<string, BreadcrumbsParams>;

describe("breadcrumbs", () => {
  it("is a navigation landmark named Breadcrumb with the trail in order, under the path prefix", () => {
    const $ = render("breadcrumbs", examples.default);
    expect($("nav.breadcrumbs").attr("aria-label")).toBe("Breadcrumb");
    expect(textsOf($, "nav > ol > li > a")).toEqual(["Home", "Tags"]);
    expect($("a").toArray().map((a) => $(a).attr("href"))).toEqual([`${PREFIX}/`, `${PREFIX}/tags/`]);
  });

  it("landmarkLabel names the landmark", () => {
    expect(render("breadcrumbs", examples["landmark label"])("nav").attr("aria-label")).toBe("You are here");
  });

  it("classes and attributes go on the landmark", () => {
    expect(render("breadcrumbs", examples.classes)("nav").attr("class")).toBe("breadcrumbs breadcrumbs--inverse");
    expect(render("breadcrumbs", examples.attributes)("nav").attr("data-nosnippet")).toBe("");
  });

  it("renders nothing without a trail", () => {
    expect(render("breadcrumbs", examples["no items"]).html()).toBe("");
    expect(render("breadcrumbs", examples["no items given"]).html()).toBe("");
  });
});
