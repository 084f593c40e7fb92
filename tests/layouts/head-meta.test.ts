import { describe, expect, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { datedPost, undatedUpdate } from "./articles.ts";
import { render } from "./render.ts";
import type { CheerioAPI } from "cheerio";

interface HeadMetaParams {
  siteName: string;
  title: string;
  description: string;
  url: string;
  image?: { url: string; type: string; width: number; height: number; alt: string };
  article?: Article;
}

const page = { siteName: "ADCS blog and regional updates", title: "Tags", description: "Every tag.", url: "https://example.org/tags/" };
const examples = {
  "a page": page,
  "an article dated to the day": { ...page, title: datedPost.title, article: datedPost },
  "an article whose day is not known": { ...page, article: { ...datedPost, date: { precision: "month", iso: "2019-07" } } },
  "an article without tags": { ...page, article: undatedUpdate },
  "a page with a social card": {
    ...page,
    image: { url: "https://example.org/assets/social-card.0123456789.png", type: "image/png", width: 1200, height: 630, alt: "ADCS blog and regional updates" },
  },
  "an article with a photo": {
    ...page,
    article: datedPost,
    image: { url: "https://example.org/images/visit-0123456789-1292.jpg", type: "image/jpeg", width: 1292, height: 969, alt: "Young people at a council youth forum" },
  },
} satisfies Record<string, HeadMetaParams>;

/** Each `property` or `name` with its content, in order. */
function metaOf($: CheerioAPI): [string, string][] {
  return $("meta")
    .toArray()
    .map((meta) => [$(meta).attr("property") ?? $(meta).attr("name") ?? "", $(meta).attr("content") ?? ""]);
}

describe("headMeta", () => {
  it("describes a page as a website, with its name, title, description and absolute URL", () => {
    expect(metaOf(render("head-meta", examples["a page"]))).toEqual([
      ["og:site_name", "ADCS blog and regional updates"],
      ["og:locale", "en_GB"],
      ["og:type", "website"],
      ["og:title", "Tags"],
      ["og:description", "Every tag."],
      ["og:url", "https://example.org/tags/"],
      ["twitter:card", "summary"],
      ["twitter:title", "Tags"],
      ["twitter:description", "Every tag."],
    ]);
  });

  it("article: an article, with its published day, section and each tag", () => {
    const meta = metaOf(render("head-meta", examples["an article dated to the day"]));
    expect(meta).toContainEqual(["og:type", "article"]);
    expect(meta).toContainEqual(["og:title", "School funding pressures"]);
    expect(meta.filter(([name]) => name.startsWith("article:"))).toEqual([
      ["article:published_time", "2026-03-12"],
      ["article:section", "Blog post"],
      ["article:tag", "Funding"],
      ["article:tag", "SEND, early years"],
    ]);
  });

  it("article: gives no published time when the day is not known, and no tags when there are none", () => {
    const monthOnly = metaOf(render("head-meta", examples["an article whose day is not known"]));
    expect(monthOnly.map(([name]) => name)).not.toContain("article:published_time");
    const untagged = metaOf(render("head-meta", examples["an article without tags"]));
    expect(untagged.filter(([name]) => name.startsWith("article:"))).toEqual([["article:section", "Regional update"]]);
  });

  it("image: shared links show the card, at its absolute URL with its size and words, as a large card", () => {
    const meta = metaOf(render("head-meta", examples["a page with a social card"]));
    const url = "https://example.org/assets/social-card.0123456789.png";
    expect(meta.filter(([name]) => name.startsWith("og:image") || name.startsWith("twitter:"))).toEqual([
      ["og:image", url],
      ["og:image:type", "image/png"],
      ["og:image:width", "1200"],
      ["og:image:height", "630"],
      ["og:image:alt", "ADCS blog and regional updates"],
      ["twitter:card", "summary_large_image"],
      ["twitter:title", "Tags"],
      ["twitter:description", "Every tag."],
      ["twitter:image", url],
      ["twitter:image:alt", "ADCS blog and regional updates"],
    ]);
  });

  it("image: an article's own photo is shared with its type, size and alt text", () => {
    const meta = metaOf(render("head-meta", examples["an article with a photo"]));
    expect(meta.filter(([name]) => name.startsWith("og:image"))).toEqual([
      ["og:image", "https://example.org/images/visit-0123456789-1292.jpg"],
      ["og:image:type", "image/jpeg"],
      ["og:image:width", "1292"],
      ["og:image:height", "969"],
      ["og:image:alt", "Young people at a council youth forum"],
    ]);
  });
});
