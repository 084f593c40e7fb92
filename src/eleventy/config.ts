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
import { countText } from "../core/words.ts";
import { readSettings, type Settings } from "../core/settings.ts";
import { ContentCache } from "../content/cache.ts";
import { Digester } from "../core/digest.ts";
import { loadSite, siteOptions, type Site } from "../model/site.ts";
import { publicationOf, type Publication } from "../publishing/publication.ts";
import { planRender, type PageManifest, type RenderPlan } from "../publishing/render-plan.ts";
import { ASSETS_DIR, assetsPlugin } from "./assets.ts";
import { filtersPlugin } from "./filters.ts";
import { imagesPlugin } from "./images.ts";
import { folderDigest, removePages } from "./incremental.ts";
import { previewSearch, type PreviewSearch } from "./preview-search.ts";
import { emptyContent, problemsPanel } from "./problems-panel.ts";
import { publishingPlugin } from "./publishing.ts";

export interface ConfigOptions {
  /** The content folder (a fixture site in tests); defaults to `content/`. */
  contentDir?: string;
  /** The templates folder (Eleventy's input); defaults to `layouts/`. */
  layoutsDir?: string;
  /** Read from the environment when the configuration is applied (not when this module is imported). */
  settings?: Settings;
  /**
   * The build, already prepared by a one-shot build (`buildSite`): the model, so that every content problem
   * is found before Eleventy writes a file, and the pages to render. Never for watching: the dev server must
   * read the folder on every change.
   */
  prepared?: PreparedBuild;
  /** Told each HTML page as it is rendered (the build feeds the search index while Eleventy renders). */
  onPage?: (url: string, html: string) => void;
  /**
   * The live preview (`npm start`, or a test watching): a line in the terminal after each rebuild, content
   * problems shown in the page, and the preview's own search index (`search`, made here unless given).
   * Defaults to whether Eleventy is serving or watching.
   */
  live?: boolean;
  search?: PreviewSearch;
  /** Where the live preview's line after each rebuild goes; the terminal by default. */
  log?: (line: string) => void;
}

/** What one build renders: the model, what is published from it, and which of its pages to render. */
export interface PreparedBuild {
  site: Site;
  publication: Publication;
  plan: RenderPlan;
}

export interface PrepareOptions {
  settings: Settings;
  layoutsDir?: string;
  /** The manifest of the build whose pages are already in the output folder; without it, every page renders. */
  previous?: PageManifest;
  digester?: Digester;
  /** False when nothing is kept for a next build: every page is rendered, and no digest worked out. */
  track?: boolean;
}

/** The model's publication and render plan for one build (the dev server's and `buildSite`'s alike). */
export function prepareBuild(
  site: Site,
  { settings, layoutsDir = LAYOUTS_DIR, previous, digester, track }: PrepareOptions,
) {
  const publication = publicationOf(site, {
    feedEntries: settings.feedEntries,
    fallbackDay: londonDay(settings.buildDate),
  });
  // Every page depends on the templates, the assets' published names and the settings.
  const frame = { settings, templates: folderDigest(layoutsDir), assets: folderDigest(ASSETS_DIR) };
  return {
    site,
    publication,
    plan: planRender(site, publication, { frame, previous, digester, ...(track !== undefined && { track }) }),
  };
}

/** The templates folder (Eleventy's input). */
export const LAYOUTS_DIR = "layouts";

/** What Eleventy's transforms are told of the page (`this.page`). */
interface RenderedPage {
  url: string;
  outputPath: string | false;
}

// Eleventy's config type is loose JS; the handful of calls used here are typed by use.
type EleventyConfig = any;

export function createConfig({
  contentDir = "content",
  layoutsDir = LAYOUTS_DIR,
  settings: given,
  prepared,
  onPage,
  live = ["serve", "watch"].includes(process.env.ELEVENTY_RUN_MODE ?? ""),
  log = console.log,
  search = live ? previewSearch(log) : undefined,
}: ConfigOptions = {}) {
  return function config(eleventyConfig: EleventyConfig) {
    const settings = given ?? readSettings();
    // The dev server renders only the pages whose data changed since its last build (render-plan.ts), so it
    // remembers that build's manifest, and the digests of the model objects it has seen.
    let previous: PageManifest | undefined;
    const digester = new Digester();
    // The model, what is published from it and the pages to render, made once per build: every global reads
    // the same promise, and the dev server starts a new one before each rebuild.
    let current: Promise<PreparedBuild> | undefined;
    // ...and keeps each unchanged article's checks and rendering (src/content/cache.ts), in memory.
    const cache = ContentCache.open();
    const build = async (dir: string) =>
      prepared ??
      prepareBuild(await loadSite({ ...siteOptions(dir, settings), cache: await cache }), {
        settings,
        layoutsDir,
        previous,
        digester,
      });
    const model = () => (current ??= build(contentDir));
    let started = 0;
    eleventyConfig.on("eleventy.before", () => {
      current = undefined;
      started = performance.now();
    });
    eleventyConfig.on(
      "eleventy.after",
      async ({ directories, results }: { directories: { output: string }; results: unknown[] }) => {
        // With content problems, the last good build (rendered again, unchanged) or an empty one.
        const { plan } = await loaded();
        await removePages(directories.output, plan.removed);
        previous = plan.manifest;
        if (live) log(rebuildSummary(plan, results.length, performance.now() - started));
        search?.remove(plan.removed);
        search?.refresh(directories.output);
      },
    );
    // In the live preview, content problems replace every page with a panel listing them, instead of a
    // stack in the terminal and a stale page in the browser (see problems-panel.ts).
    const panel = live ? problemsPanel() : undefined;
    const loaded = panel ? panel.guard(model, async () => build(await emptyContent())) : model;
    if (panel) eleventyConfig.setServerOptions({ middleware: [panel.middleware] });

    eleventyConfig.setQuietMode(true);
    eleventyConfig.addGlobalData("settings", settings);
    eleventyConfig.addGlobalData("site", async () => (await loaded()).site);
    eleventyConfig.addGlobalData("publication", async () => (await loaded()).publication);
    eleventyConfig.addGlobalData("pages", async () => (await loaded()).plan.render);
    eleventyConfig.addWatchTarget(`${contentDir}/**/*.{md,yaml}`);
    // Editors' images live beside the articles and are published processed, as the articles show them.
    eleventyConfig.addPlugin(imagesPlugin, { contentDir, site: async () => (await loaded()).site });
    eleventyConfig.addPlugin(filtersPlugin, { settings });
    eleventyConfig.addPlugin(assetsPlugin);
    eleventyConfig.addPlugin(publishingPlugin, { settings });

    // Last, so that it sees each page as written.
    if (onPage || search) {
      eleventyConfig.addTransform("on-page", function (this: { page: RenderedPage }, html: string) {
        if (typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".html")) {
          onPage?.(this.page.url, html);
          search?.offer(this.page.url, html);
        }
        return html;
      });
    }

    return {
      dir: { input: layoutsDir, includes: "_includes", data: "_data", output: "_site" },
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

/** The dev server's line after each rebuild: "Rebuilt in 212 ms: 17 pages rendered, 7,789 unchanged, 1 removed". */
function rebuildSummary(plan: RenderPlan, rendered: number, milliseconds: number): string {
  const unchanged = plan.total - plan.renderedUrls.length;
  const removed = plan.removed.length ? `, ${plan.removed.length.toLocaleString("en-GB")} removed` : "";
  return `Rebuilt in ${Math.round(milliseconds)} ms: ${countText(rendered, "page")} rendered, ${unchanged.toLocaleString("en-GB")} unchanged${removed}`;
}
