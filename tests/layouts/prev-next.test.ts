import { describe, expect, it } from "vitest";
import type { Link } from "../../src/model/links.ts";
import { PREFIX, render, textOf, visibleTextOf } from "./render.ts";

interface PrevNextParams {
  previous?: Partial<Link> & { labelText?: string };
  next?: Partial<Link> & { labelText?: string };
  landmarkLabel?: string;
  classes?: string;
  attributes?: Record<string, string>;
}

const older: Link = { text: "A year in review", href: "/blog/2025/a-year-in-review/" };
const newer: Link = { text: "Youth justice reform", href: "/blog/2026/youth-justice-reform/" };
const landmarkLabel = "Previous and next blog posts";
const examples = {
  both: { previous: older, next: newer, landmarkLabel },
  "the oldest": { next: newer, landmarkLabel },
  "the newest": { previous: older, landmarkLabel },
  "label text": { previous: { ...older, labelText: "Earlier" }, next: { ...newer, labelText: "Later" }, landmarkLabel },
  classes: { previous: older, landmarkLabel, classes: "prev-next--stacked" },
  attributes: { previous: older, landmarkLabel, attributes: { "data-pagefind-ignore": "" } },
  "neither (an article alone of its kind)": { previous: {}, next: {}, landmarkLabel },
} satisfies Record<string, PrevNextParams>;

describe("prevNext", () => {
  it("is a landmark named by landmarkLabel, with the older and newer article linked under the path prefix", () => {
    const $ = render("prev-next", examples.both);
    expect($("nav.prev-next").attr("aria-label")).toBe("Previous and next blog posts");
    expect($(".prev-next__prev").attr("href")).toBe(`${PREFIX}/blog/2025/a-year-in-review/`);
    expect($(".prev-next__prev").attr("rel")).toBe("prev");
    expect($(".prev-next__next").attr("href")).toBe(`${PREFIX}/blog/2026/youth-justice-reform/`);
    expect($(".prev-next__next").attr("rel")).toBe("next");
  });

  it("shows Older and Newer before the titles, read with a colon", () => {
    const $ = render("prev-next", examples.both);
    expect(textOf($(".prev-next__prev"))).toBe("Older: A year in review");
    expect(visibleTextOf($(".prev-next__prev"))).toBe("Older A year in review");
    expect(textOf($(".prev-next__next .prev-next__title"))).toBe("Youth justice reform");
    expect(textOf($(".prev-next__next .prev-next__label"))).toBe("Newer:");
  });

  it("links only the neighbours there are", () => {
    const oldest = render("prev-next", examples["the oldest"]);
    expect(oldest(".prev-next__prev")).toHaveLength(0);
    expect(oldest(".prev-next__next")).toHaveLength(1);
    const newest = render("prev-next", examples["the newest"]);
    expect(newest(".prev-next__prev")).toHaveLength(1);
    expect(newest(".prev-next__next")).toHaveLength(0);
  });

  it("labelText changes Older and Newer", () => {
    const $ = render("prev-next", examples["label text"]);
    expect([textOf($(".prev-next__prev .prev-next__label")), textOf($(".prev-next__next .prev-next__label"))]).toEqual(["Earlier:", "Later:"]);
  });

  it("classes and attributes go on the landmark", () => {
    expect(render("prev-next", examples.classes)("nav").attr("class")).toBe("prev-next prev-next--stacked");
    expect(render("prev-next", examples.attributes)("nav").attr("data-pagefind-ignore")).toBe("");
  });

  it("renders nothing without a neighbour", () => {
    expect(render("prev-next", examples["neither (an article alone of its kind)"]).html()).toBe("");
  });
});
