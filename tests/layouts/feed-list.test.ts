import { describe, expect, it } from "vitest";
import { render, textsOf, visibleTextOf } from "./render.ts";

interface FeedListParams {
  items: { text: string; id: string; address: string }[];
  addressText: string;
  openText: string;
  headingLevel?: number;
  classes?: string;
  attributes?: Record<string, string>;
}

const feeds = [
  { text: "All articles", id: "feed-all", address: "https://example.org/feed.xml" },
  { text: "North West", id: "feed-regions-north-west", address: "https://example.org/regions/north-west/feed.xml" },
];
const words = { addressText: "Feed address", openText: "Open in your feed reader" };
const examples = {
  default: { items: feeds, ...words },
  "heading level": { items: feeds, ...words, headingLevel: 2 },
  attributes: { items: feeds, ...words, classes: "feed-list--compact", attributes: { "aria-label": "Regions" } },
} satisfies Record<string, FeedListParams>;

describe("feedList", () => {
  it("names each feed under the id its follow links point to, with its address as text to copy", () => {
    const $ = render("feed-list", examples.default);
    expect(textsOf($, "li > h3")).toEqual(["All articles", "North West"]);
    expect($("li").toArray().map((li) => $(li).attr("id"))).toEqual(["feed-all", "feed-regions-north-west"]);
    expect(textsOf($, ".feed-list__address")).toEqual(feeds.map((feed) => `Feed address: ${feed.address}`));
    expect(textsOf($, ".feed-list__address code")).toEqual(feeds.map((feed) => feed.address));
  });

  it("never links to the feed file (a browser shows raw XML): its link hands the address to a feed reader app", () => {
    const $ = render("feed-list", examples.default);
    expect($("a").toArray().map((a) => $(a).attr("href"))).toEqual(feeds.map((feed) => `feed:${feed.address}`));
    expect(visibleTextOf($("a").first())).toBe("Open in your feed reader");
    expect(textsOf($, "a")).toEqual(["Open in your feed reader: All articles", "Open in your feed reader: North West"]);
  });

  it("takes a heading level, classes and attributes", () => {
    expect(render("feed-list", examples["heading level"])("h2")).toHaveLength(2);
    const $ = render("feed-list", examples.attributes);
    expect($("ul").attr("class")).toBe("feed-list feed-list--compact");
    expect($("ul").attr("aria-label")).toBe("Regions");
  });
});
