/**
 * How an image is published and shown (issue 19): its widths and formats, and the `<picture>`, `<figure>`
 * and alt text a body's Markdown becomes.
 */
import { load } from "cheerio";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ImageFile } from "../../src/content/images.ts";
import { COLUMN_WIDTH, responsiveImage, socialImage } from "../../src/model/images.ts";
import { createMarkdown, renderMarkdown } from "../../src/model/markdown.ts";
import { loadSite, siteOptions, type Site } from "../../src/model/site.ts";
import { ContentCache } from "../../src/content/cache.ts";
import { siteSettings } from "../support/fixtures.ts";
import { chart, IMAGES_FIXTURE, photo, writeFiles } from "../support/images.ts";

const PHOTO: ImageFile = {
  url: "/images/forum.jpg",
  file: "/c/images/forum.jpg",
  format: "jpeg",
  width: 4000,
  height: 3000,
  alpha: false,
  hash: "a".repeat(64),
};
const CHART: ImageFile = {
  url: "/images/charts/spending.png",
  file: "/c/images/charts/spending.png",
  format: "png",
  width: 700,
  height: 350,
  alpha: true,
  hash: "b".repeat(64),
};
const ICON: ImageFile = {
  url: "/images/icon.png",
  file: "/c/images/icon.png",
  format: "png",
  width: 200,
  height: 100,
  alpha: false,
  hash: "c".repeat(64),
};
const SVG: ImageFile = {
  url: "/images/placements.svg",
  file: "/c/images/placements.svg",
  format: "svg",
  width: 800,
  height: 400,
  alpha: true,
  hash: "d".repeat(64),
};
const images = new Map([PHOTO, CHART, ICON, SVG].map((image) => [image.url, image]));

const widths = (image: ImageFile) =>
  responsiveImage(image).formats.map((format) => [format.type, format.variants.map((variant) => variant.width)]);

describe("responsiveImage", () => {
  it("makes a photo in WebP and JPEG, from a phone's width to twice the column, never wider than the source", () => {
    const all = [320, 480, COLUMN_WIDTH, 960, COLUMN_WIDTH * 2];
    expect(widths(PHOTO)).toEqual([
      ["image/webp", all],
      ["image/jpeg", all],
    ]);
    expect(widths(CHART)).toEqual([
      ["image/webp", [320, 480, 646, 700]],
      ["image/png", [320, 480, 646, 700]],
    ]);
    expect(widths(ICON)).toEqual([
      ["image/webp", [200]],
      ["image/png", [200]],
    ]);
  });

  it("shows the column's width where srcset is not understood, at the source's proportions", () => {
    expect(responsiveImage(PHOTO).img).toEqual({
      url: expect.stringMatching(/^\/images\/forum-[0-9a-f]{10}-646\.jpg$/),
      width: 646,
      height: 485,
    });
    expect(responsiveImage(ICON).img).toMatchObject({ width: 200, height: 100 });
  });

  it("names the files by the source's content: the same bytes the same names, other bytes other names", () => {
    const names = (image: ImageFile) => responsiveImage(image).variants.map((variant) => variant.url);
    expect(names(PHOTO)).toEqual(names({ ...PHOTO }));
    expect(names({ ...PHOTO, hash: "e".repeat(64) })).not.toEqual(names(PHOTO));
    expect(names(CHART)[0]).toMatch(/^\/images\/charts\/spending-[0-9a-f]{10}-320\.webp$/);
  });

  it("publishes an SVG as it is", () => {
    expect(responsiveImage(SVG)).toMatchObject({
      variants: [],
      img: { url: expect.stringMatching(/^\/images\/placements-[0-9a-f]{10}\.svg$/), width: 800, height: 400 },
    });
  });
});

describe("images in a body", () => {
  const body = [
    "Words.",
    "",
    '![Young people at a *youth forum*](/images/forum.jpg "The forum in March. [More](/blog/2026/forum/)")',
    "",
    "A chart: ![Bar chart: spending rose](/images/charts/spending.png) inline.",
    "",
    "![decorative](/images/placements.svg)",
  ].join("\n");
  const rendered = renderMarkdown(createMarkdown({ images, pathPrefix: "/archive/" }), body);
  const $ = load(rendered.html);

  it("a photo is a <picture> of its formats with srcset and sizes, its size reserved and its alt text as words", () => {
    const picture = $("figure > picture").first();
    expect(picture.find("source").attr("type")).toBe("image/webp");
    expect(picture.find("source").attr("srcset")).toMatch(
      /^\/archive\/images\/forum-[0-9a-f]{10}-320\.webp 320w, .* \/archive\/images\/forum-[0-9a-f]{10}-1292\.webp 1292w$/,
    );
    const img = picture.find("img");
    expect(img.attr("src")).toMatch(/^\/archive\/images\/forum-[0-9a-f]{10}-646\.jpg$/);
    expect(img.attr("sizes")).toBe("(min-width: 40.0625em) min(646px, calc(100vw - 3.75rem)), calc(100vw - 2rem)");
    expect([img.attr("width"), img.attr("height"), img.attr("alt"), img.attr("decoding")]).toEqual([
      "646",
      "485",
      "Young people at a youth forum",
      "async",
    ]);
  });

  it("the first image loads at once, the later ones lazily", () => {
    expect(
      $("img")
        .toArray()
        .map((img) => $(img).attr("loading") ?? "eager"),
    ).toEqual(["eager", "lazy", "lazy"]);
  });

  it("an image alone in its paragraph is a figure, its title the caption, in Markdown, its link under the prefix once", () => {
    expect($("figure").length).toBe(2);
    const caption = $("figure figcaption");
    expect(caption.text()).toBe("The forum in March. More");
    expect(caption.find("a").attr("href")).toBe("/archive/blog/2026/forum/");
    expect($("p picture img").attr("alt")).toBe("Bar chart: spending rose");
  });

  it("`decorative` is published as an empty alt, and is not in the text", () => {
    expect($('img[src^="/archive/images/placements-"]').attr("alt")).toBe("");
    expect(rendered.text).not.toMatch(/decorative/);
  });

  it("the article's social card is its first photo or chart, at about 1,300 px, with its alt text", () => {
    expect(rendered.images.map((used) => used.image.source.url)).toEqual([
      "/images/forum.jpg",
      "/images/charts/spending.png",
      "/images/placements.svg",
    ]);
    expect(socialImage(rendered.images)).toEqual({
      url: expect.stringMatching(/^\/images\/forum-[0-9a-f]{10}-1292\.jpg$/),
      type: "image/jpeg",
      width: 1292,
      height: 969,
      alt: "Young people at a youth forum",
    });
    expect(
      socialImage(renderMarkdown(createMarkdown({ images }), "![A line chart](/images/placements.svg)").images),
    ).toBeUndefined();
  });
});

describe("with the content cache", () => {
  it("an unchanged article shows its changed image's new files", async () => {
    const work = await mkdtemp(path.join(tmpdir(), "adcs-images-cache-"));
    try {
      const dir = path.join(work, "content");
      await cp(IMAGES_FIXTURE, dir, { recursive: true });
      await writeFiles(path.join(dir, "images"), {
        "forum.jpg": await photo(800, 600),
        "spending.png": await chart(600, 400),
        "divider.png": await chart(300, 8),
      });
      const options = { ...siteOptions(dir, siteSettings()), cache: await ContentCache.open() };
      const forum = async (site: Promise<Site>) =>
        /forum-[0-9a-f]{10}-646\.jpg/.exec((await site).articles[0]!.html)?.[0];
      const before = await forum(loadSite(options));
      await writeFile(path.join(dir, "images/forum.jpg"), await photo(800, 600, 2));
      const after = await forum(loadSite(options));
      expect(after).toBeDefined();
      expect(after).not.toBe(before);
      expect(after).toBe(await forum(loadSite(siteOptions(dir, siteSettings()))));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
