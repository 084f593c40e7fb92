/**
 * Editors' images in Eleventy: after each build (and each rebuild of the live preview) the images that the
 * published articles show are written into the output folder, processed once and then taken from the cache
 * (`src/publishing/images.ts`); files in `content/images/` that no article shows are not published.
 */
import type { Site } from "../model/site.ts";
import { imageCache, publishImages } from "../publishing/images.ts";

export interface ImagesPluginOptions {
  contentDir: string;
  /** The site model of the build being written. */
  site: () => Promise<Site>;
}

export function imagesPlugin(eleventyConfig: any, { contentDir, site }: ImagesPluginOptions): void {
  // One cache for the life of the configuration: the live preview reprocesses nothing it has made.
  const cache = imageCache();
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const { articles } = await site();
    await publishImages(
      articles.flatMap((article) => article.images.map((used) => used.image)),
      directories.output,
      cache,
    );
  });
  eleventyConfig.addWatchTarget(`${contentDir}/images/`);
}
