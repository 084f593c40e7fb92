/**
 * The Eleventy configuration: a table of contents of the site's concerns.
 * `.eleventy.js` loads this; the data it renders is shaped in `src/model/site.ts` (the `site` global) and
 * `src/publishing/publication.ts` (the `publication` global: feeds and redirects).
 *
 * Articles are not Eleventy templates: `src/content/` reads and checks them first (so bad content
 * stops the build before anything is written, and no date ever falls back to a file's creation time),
 * then one paginated template per page type in `layouts/` renders the model.
 */
import { londonDay } from "../core/calendar.ts";
import { describeFailure, isUserError } from "../core/errors.ts";
import { readSettings, type Settings } from "../core/settings.ts";
import { loadSite, siteOptions, type Site } from "../model/site.ts";
import { publicationOf, type Publication } from "../publishing/publication.ts";
import { assetsPlugin } from "./assets.ts";
import { filtersPlugin } from "./filters.ts";
import { imagesPlugin } from "./images.ts";
import { emptyContent, problemsPanel } from "./problems-panel.ts";
import { publishingPlugin } from "./publishing.ts";

export interface ConfigOptions {
  /** The content folder (a fixture site in tests); defaults to `content/`. */
  contentDir?: string;
  /** Read from the environment when the configuration is applied (not when this module is imported). */
  settings?: Settings;
  /**
   * The site model, already computed by a one-shot build (`buildSite`) so that every content problem is
   * found before Eleventy writes a file. Never for watching: the dev server must read the folder on every change.
   */
  site?: Site;
}

// Eleventy's config type is loose JS; the handful of calls used here are typed by use.
type EleventyConfig = any;

export function createConfig({ contentDir = "content", settings: given, site: computed }: ConfigOptions = {}) {
  return function config(eleventyConfig: EleventyConfig) {
    const settings = given ?? readSettings();
    // The model and what is published from it, made once per build: both globals read the same promise,
    // and the dev server starts a new one before each rebuild.
    let current: Promise<{ site: Site; publication: Publication }> | undefined;
    const build = async (dir: string) => {
      const site = computed ?? (await loadSite(siteOptions(dir, settings)));
      return {
        site,
        publication: publicationOf(site, {
          feedEntries: settings.feedEntries,
          fallbackDay: londonDay(settings.buildDate),
        }),
      };
    };
    const model = () => (current ??= build(contentDir));
    eleventyConfig.on("eleventy.before", () => {
      current = undefined;
    });
    // In the live preview, content problems replace every page with a panel listing them, instead of a
    // stack in the terminal and a stale page in the browser (see problems-panel.ts).
    const panel = process.env.ELEVENTY_RUN_MODE === "serve" ? problemsPanel() : undefined;
    const loaded = panel ? panel.guard(model, async () => build(await emptyContent())) : model;
    if (panel) eleventyConfig.setServerOptions({ middleware: [panel.middleware] });

    eleventyConfig.setQuietMode(true);
    eleventyConfig.addGlobalData("settings", settings);
    eleventyConfig.addGlobalData("site", async () => (await loaded()).site);
    eleventyConfig.addGlobalData("publication", async () => (await loaded()).publication);
    eleventyConfig.addWatchTarget(`${contentDir}/**/*.{md,yaml}`);
    // Editors' images live beside the articles and are published processed, as the articles show them.
    eleventyConfig.addPlugin(imagesPlugin, { contentDir, site: async () => (await loaded()).site });
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

/**
 * For the Eleventy command line (`npm start`): a person's error, such as a bad SITE_URL, is printed as
 * its message and the command stops; anything else is Eleventy's to report, with its stack.
 */
export default function config(eleventyConfig: EleventyConfig) {
  try {
    return createConfig()(eleventyConfig);
  } catch (error) {
    if (!isUserError(error)) throw error;
    console.error(describeFailure(error).text);
    process.exit(1);
  }
}
