/**
 * The image pipeline's cache (issue 19): the first build makes each file once; a later build, in this
 * process or a new one, makes none and writes the same bytes; a changed image gets new files.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkImages } from "../../src/content/images.ts";
import { responsiveImage, type ResponsiveImage } from "../../src/model/images.ts";
import { imageCache, publishImages } from "../../src/publishing/images.ts";
import { chart, photo, writeFiles } from "../support/images.ts";

let work: string;
let images: ResponsiveImage[];

async function catalogue(dir: string): Promise<ResponsiveImage[]> {
  const files = (await readdir(path.join(dir, "images"))).map((name) => path.join(dir, "images", name)).sort();
  const { images: checked, problems } = await checkImages(dir, files, (file) => file);
  expect(problems).toEqual([]);
  return [...checked.values()].map(responsiveImage);
}

/** Every file under `dir`, by path relative to it, with the SHA-256 of its bytes. */
async function tree(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const files = await Promise.all(
    names.map(
      async (entry) =>
        [
          path.relative(dir, path.join(entry.parentPath, entry.name)),
          createHash("sha256")
            .update(await readFile(path.join(entry.parentPath, entry.name)))
            .digest("hex"),
        ] as const,
    ),
  );
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "adcs-image-cache-"));
  await writeFiles(path.join(work, "content/images"), {
    "photo.jpg": await photo(1600, 1200),
    "chart.png": await chart(800, 500),
    "line.svg":
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><path d="M0 20 L40 0" stroke="#000"/></svg>',
  });
  images = await catalogue(path.join(work, "content"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("publishImages", () => {
  it("writes each format and width at its site path, at the size the page reserves", async () => {
    const output = path.join(work, "site-a");
    await publishImages(images, output, imageCache(path.join(work, "cache-sizes")));
    const photoImage = images.find((image) => image.source.url === "/images/photo.jpg")!;
    expect(photoImage.formats.map((format) => format.type)).toEqual(["image/webp", "image/jpeg"]);
    for (const variant of photoImage.variants) {
      const made = await sharp(path.join(output, variant.url)).metadata();
      expect({ width: made.width, height: made.height, format: made.format }).toEqual({
        width: variant.width,
        height: variant.height,
        format: variant.encoding.format,
      });
    }
    // An SVG is published as it is, under a name holding its content's hash.
    const svg = images.find((image) => image.source.url === "/images/line.svg")!.img.url;
    expect(svg).toMatch(/^\/images\/line-[0-9a-f]{10}\.svg$/);
    expect(await readFile(path.join(output, svg), "utf8")).toMatch(/^<svg/);
  });

  it("processes an unchanged image once: a second build, in this process or another, makes nothing and writes the same bytes", async () => {
    const cacheDir = path.join(work, "cache");
    const cache = imageCache(cacheDir);
    const first = await publishImages(images, path.join(work, "first"), cache);
    expect(first.processed).toBe(images.flatMap((image) => image.variants).length);

    const again = await publishImages(images, path.join(work, "again"), cache);
    const nextProcess = await publishImages(images, path.join(work, "next-process"), imageCache(cacheDir));
    expect([again.processed, nextProcess.processed]).toEqual([0, 0]);
    expect(again.files).toBe(first.files);
    const firstFiles = await tree(path.join(work, "first"));
    expect(await tree(path.join(work, "again"))).toEqual(firstFiles);
    expect(await tree(path.join(work, "next-process"))).toEqual(firstFiles);
  });

  it("makes the same bytes from the same image with an empty cache (another machine, a clean clone)", async () => {
    await publishImages(images, path.join(work, "one"), imageCache(path.join(work, "cache-one")));
    await publishImages(images, path.join(work, "two"), imageCache(path.join(work, "cache-two")));
    expect(await tree(path.join(work, "two"))).toEqual(await tree(path.join(work, "one")));
  });

  it("gives a changed image new files, and makes only those", async () => {
    const cacheDir = path.join(work, "cache-changed");
    await publishImages(images, path.join(work, "before"), imageCache(cacheDir));
    await writeFile(path.join(work, "content/images/chart.png"), await chart(800, 400));
    const changed = await catalogue(path.join(work, "content"));
    const chartImage = changed.find((image) => image.source.url === "/images/chart.png")!;
    expect(chartImage.img.url).not.toBe(images.find((image) => image.source.url === "/images/chart.png")!.img.url);
    const result = await publishImages(changed, path.join(work, "after"), imageCache(cacheDir));
    expect(result.processed).toBe(chartImage.variants.length);
  });
});
