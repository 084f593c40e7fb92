/**
 * The image row of `npm run bench` (issue 19): 50 editors' images (40 photos of 1,600 × 1,200, the most
 * EDITING.md asks for, and 10 charts) through the image pipeline as a build runs it, first with an empty
 * cache and then as the next build does (a new process: an empty memory, the cache folder kept). The
 * target: the rebuild's image work at most 5% of the first build's. The content check's reading of the
 * same images (headers, and a small decode that finds damaged files), which every build does, is timed too.
 *
 *   npm run bench -- --images-only     this row alone
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checkImages } from "../src/content/images.ts";
import { responsiveImage } from "../src/model/images.ts";
import { imageCache, publishImages } from "../src/publishing/images.ts";
import { chart, photo, writeFiles } from "../tests/support/images.ts";

export interface ImagesResult {
  images: number;
  files: number;
  checkMilliseconds: number;
  first: { milliseconds: number; processed: number };
  rebuild: { milliseconds: number; processed: number };
}

export async function benchImages(
  photos = 40,
  charts = 10,
  log: (line: string) => void = () => {},
): Promise<ImagesResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), "adcs-bench-images-"));
  try {
    const content = path.join(work, "content");
    log(`Images: generating ${photos} photos and ${charts} charts…`);
    const files: Record<string, Buffer> = {};
    for (let index = 1; index <= photos; index++) files[`photo-${index}.jpg`] = await photo(1600, 1200, index);
    for (let index = 1; index <= charts; index++) files[`chart-${index}.png`] = await chart(1000 + index * 20, 600);
    await writeFiles(path.join(content, "images"), files);

    const started = performance.now();
    const paths = (await readdir(path.join(content, "images")))
      .map((name) => path.join(content, "images", name))
      .sort();
    const checked = await checkImages(content, paths, (file) => file);
    const checkMilliseconds = performance.now() - started;
    if (checked.problems.length)
      throw new Error(`the generated images have problems: ${JSON.stringify(checked.problems)}`);
    const images = [...checked.images.values()].map(responsiveImage);

    const cacheDir = path.join(work, "cache");
    const timed = async (output: string) => {
      const start = performance.now();
      const result = await publishImages(images, path.join(work, output), imageCache(cacheDir));
      return { ...result, milliseconds: performance.now() - start };
    };
    log("Images: first build (empty cache)…");
    const first = await timed("first");
    log("Images: rebuild (cache kept, a new process's empty memory)…");
    const rebuild = await timed("rebuild");
    return {
      images: images.length,
      files: first.files,
      checkMilliseconds,
      first: { milliseconds: first.milliseconds, processed: first.processed },
      rebuild: { milliseconds: rebuild.milliseconds, processed: rebuild.processed },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The row as bench/results.md shows it. */
export function imagesReport(result: ImagesResult, load: number): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ratio = result.rebuild.milliseconds / result.first.milliseconds;
  return [
    `Run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, load average ${load.toFixed(1)} at the start.`,
    "",
    "| images | files published | first build: processing (files made) | rebuild: processing (files made) | rebuild / first | content check of the images (every build) |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${result.images} | ${result.files} | ${seconds(result.first.milliseconds)} (${result.first.processed}) | ${seconds(result.rebuild.milliseconds)} (${result.rebuild.processed}) | **${(ratio * 100).toFixed(1)}%** (target ≤ 5%) | ${seconds(result.checkMilliseconds)} |`,
    "",
  ].join("\n");
}

/** Puts the row in `results` between its own markers (added at the end the first time). */
export async function writeImagesSection(results: string, row: string): Promise<void> {
  const start = "<!-- bench:images:start (written by npm run bench) -->";
  const end = "<!-- bench:images:end -->";
  const section = `${start}\n## Images (issue 19)\n\n${row}${end}`;
  const existing = await readFile(results, "utf8");
  const next = existing.includes(start)
    ? existing.slice(0, existing.indexOf(start)) + section + existing.slice(existing.indexOf(end) + end.length)
    : `${existing.trimEnd()}\n\n${section}\n`;
  await writeFile(results, next);
}
