/**
 * The Eleventy configuration: a table of contents of the site's concerns.
 * `.eleventy.js` loads this; the data it renders is shaped in `src/model/site.ts`.
 *
 * Articles are not Eleventy templates: `src/content/` reads and checks them first (so bad content
 * stops the build before anything is written, and no date ever falls back to a file's creation time),
 * then one paginated template per page type in `layouts/` renders the model.
 */
import path from "node:path";
import { loadSite, siteOptions, type Site } from "../model/site.ts";
import { readSettings, type Settings } from "../core/settings.ts";
import { assetsPlugin } from "./assets.ts";
import { filtersPlugin } from "./filters.ts";
import { publishingPlugin } from "./publishing.ts";

export interface ConfigOptions {
  /** The content folder (a fixture site in tests); defaults to `content/`. */
  contentDir?: string;
  settings?: Settings;
  /**
   * The site model, already computed by a one-shot build (`buildSite`) so that every content problem is
   * found before Eleventy writes a file. Never for watching: the dev server must read the folder on every change.
   */
  site?: Site;
}

// Eleventy's config type is loose JS; the handful of calls used here are typed by use.
type EleventyConfig = any;

export function createConfig({ contentDir = "content", settings = readSettings(), site }: ConfigOptions = {}) {
  return function config(eleventyConfig: EleventyConfig) {
    eleventyConfig.setQuietMode(true);
    eleventyConfig.addGlobalData("settings", settings);
    eleventyConfig.addGlobalData("site", site ?? (() => loadSite(siteOptions(contentDir, settings))));
    eleventyConfig.addWatchTarget(`${contentDir}/**/*.{md,yaml}`);
    // Editors' images live beside the articles and are published as they are, at /images/.
    eleventyConfig.addPassthroughCopy({ [path.join(contentDir, "images")]: "images" });
    eleventyConfig.addPlugin(filtersPlugin, { settings });
    eleventyConfig.addPlugin(assetsPlugin);
    eleventyConfig.addPlugin(publishingPlugin, { settings });

    return {
      dir: { input: "layouts", includes: "_includes", data: "_data", output: "_site" },
      pathPrefix: settings.pathPrefix,
      templateFormats: ["njk"],
      htmlTemplateEngine: "njk",
    };
  };
}

export default createConfig();
