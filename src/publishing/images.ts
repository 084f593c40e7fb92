/**
 * Makes the files of the images pages show (`src/model/images.ts` says which) with sharp, and keeps them:
 * each processed file is stored under its content-hash name in a cache folder outside the output
 * (`.cache/images/`; a production build writes into a fresh folder each time, `src/build.ts`), and, in a
 * process that builds again (the live preview), remembered in memory; so an unchanged image is processed
 * once, and its files are copied from the cache in every later build, the same bytes each time.
 */
import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { MAX_PIXELS } from "../content/images.ts";
import type { ImageVariant, ResponsiveImage } from "../model/images.ts";

/** Where processed images are kept between builds (git-ignored, as all of `.cache/`). */
export const IMAGE_CACHE_DIR = ".cache/images";

export interface ImageCache {
  dir: string;
  /** The cache names already made or being made by this process. */
  made: Map<string, Promise<void>>;
}

export function imageCache(dir = IMAGE_CACHE_DIR): ImageCache {
  return { dir: path.resolve(dir), made: new Map() };
}

export interface PublishedImages {
  /** Files written into the output. */
  files: number;
  /** Files made by sharp in this call: 0 when every image was processed before. */
  processed: number;
}

/**
 * Writes every file of `images` into `outputDir` (at each file's site path), making in the cache those not
 * there yet. An SVG is copied as it is, under its content-hashed name (its checks are in `src/content/images.ts`).
 */
export async function publishImages(
  images: readonly ResponsiveImage[],
  outputDir: string,
  cache: ImageCache = imageCache(),
): Promise<PublishedImages> {
  await mkdir(cache.dir, { recursive: true });
  let processed = 0;
  let files = 0;
  const unique = [...new Map(images.map((image) => [image.source.url, image])).values()];
  // One image at a time: sharp already spreads each resize over the machine's cores.
  for (const image of unique) {
    const missing: ImageVariant[] = [];
    for (const variant of image.variants) {
      if (!cache.made.has(variant.cacheName) && !(await exists(path.join(cache.dir, variant.cacheName))))
        missing.push(variant);
    }
    if (missing.length) {
      const making = make(image, missing, cache.dir);
      for (const variant of missing) cache.made.set(variant.cacheName, making);
      // A failure is not remembered: the next build tries again.
      making.catch(() => missing.forEach((variant) => cache.made.delete(variant.cacheName)));
      processed += missing.length;
    }
    await Promise.all(image.variants.map((variant) => cache.made.get(variant.cacheName)));
    const copies = image.variants.length
      ? image.variants.map((variant) => ({ from: path.join(cache.dir, variant.cacheName), to: variant.url }))
      : [{ from: image.source.file, to: image.img.url }];
    await Promise.all(
      copies.map(async ({ from, to }) => {
        const target = path.join(outputDir, ...to.split("/"));
        // The live preview writes into the same folder each time: a file there, named by its content, is
        // already right.
        if (await exists(target)) return;
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(from, target);
      }),
    );
    files += copies.length;
  }
  return { files, processed };
}

/** Makes `variants` of one image from one decode, each written whole or not at all. */
async function make(image: ResponsiveImage, variants: readonly ImageVariant[], dir: string): Promise<void> {
  // Turned as its EXIF orientation says (the model's sizes are as shown); metadata such as a photo's GPS
  // position is dropped, as sharp does unless told otherwise.
  const decoded = sharp(image.source.file, { limitInputPixels: MAX_PIXELS }).autoOrient();
  await Promise.all(
    variants.map(async (variant) => {
      const target = path.join(dir, variant.cacheName);
      const partial = `${target}.${process.pid}.partial`;
      try {
        await decoded
          .clone()
          .resize({ width: variant.width, height: variant.height, fit: "fill" })
          .toFormat(variant.encoding.format, variant.encoding.options)
          .toFile(partial);
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    }),
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
