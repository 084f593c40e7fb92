/**
 * The purpose-made fixture sites, each built once per test run (one build per distinct input: content and
 * settings) by tests/global-setup.ts before any test file starts, and handed to the test files with
 * `inject("fixtures")`. The test files only read these folders; a test that changes content or output
 * works on its own copy.
 *
 * Several builds in one process need `buildSiteAfresh`, not `buildSite`: see there.
 */
import { load } from "cheerio";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuildOptions, BuildResult } from "../../src/build.ts";
import { readSettings, type Settings } from "../../src/core/settings.ts";
import { absoluteUrl } from "../../src/core/urls.ts";

/** "Today" for every fixture build: after all the fixtures' published articles, before their scheduled one. */
export const FIXTURE_BUILD_DATE = new Date("2026-06-01T12:00:00Z");

/**
 * tests/fixtures/site: a small site of three blog posts, a regional update and a draft, for the pages a
 * reader sees and the search index.
 */
export const SITE_CONTENT = "tests/fixtures/site/content";

/**
 * tests/publishing/fixture: month-only, undated and migrated articles, a title with `&` and `<`, relative
 * links, a draft and a scheduled post, for feeds, sitemap, `_headers`, `_redirects` and the preview server.
 */
export const PUBLISHING_CONTENT = "tests/publishing/fixture/content";

/** The publishing fixture's settings: example.org, the fixed build date, and anything in `env`. */
export function publishingSettings(env: NodeJS.ProcessEnv = {}): Settings {
  return { ...readSettings({ SITE_URL: "https://example.org", ...env }), buildDate: FIXTURE_BUILD_DATE };
}

/** The fixture site's settings: the default origin, the fixed build date, and anything in `env`. */
export function siteSettings(env: NodeJS.ProcessEnv = {}): Settings {
  return { ...readSettings(env), buildDate: FIXTURE_BUILD_DATE };
}

/** Blog posts added to the fixture site to paginate its blog listing: 25 + 3 published = 28, so 20 + 8 a page. */
export const FILLER_POSTS = 25;

interface FixtureBuild {
  /** The content folder as committed. */
  content: string;
  settings: Settings;
  /** Adds to a copy of `content` before the build (the copy is kept beside the output). */
  extend?(contentDir: string): Promise<void>;
}

/** Every fixture build the tests use, by name: its folder under the run's fixtures folder (tests/global-setup.ts). */
export const FIXTURE_BUILDS = {
  /**
   * The publishing fixture under /archive/ on example.org (feeds, files, preview, prefix checks), with three
   * entries a feed so that its feeds have archive pages: 9 articles make 3 in `/feed.xml` and two full pages.
   */
  "publishing-prefixed": {
    content: PUBLISHING_CONTENT,
    settings: publishingSettings({ PATH_PREFIX: "/archive/", FEED_ENTRIES: "3" }),
  },
  /** The publishing fixture at the root of example.org. */
  publishing: { content: PUBLISHING_CONTENT, settings: publishingSettings() },
  /** The fixture site at the root (search index tests). */
  site: { content: SITE_CONTENT, settings: siteSettings() },
  /** The fixture site with enough filler posts to paginate the blog listing (tests/build.test.ts). */
  "site-paginated": { content: SITE_CONTENT, settings: siteSettings(), extend: addFillerPosts },
  /** The fixture site under a path prefix (search results in the browser). */
  "site-prefixed": { content: SITE_CONTENT, settings: siteSettings({ PATH_PREFIX: "/archive-prefix/" }) },
} satisfies Record<string, FixtureBuild>;

export type FixtureName = keyof typeof FIXTURE_BUILDS;

/** A fixture build as the tests get it: its absolute output folder and what `buildSite` reported. */
export interface FixtureSite {
  dir: string;
  built: BuildResult;
}

export type FixtureSites = Record<FixtureName, FixtureSite>;

/**
 * Empties `root`, then builds every fixture into `root/<name>/site` (content that a fixture adds to goes to
 * `root/<name>/content`), one after another.
 */
export async function buildFixtures(root: string): Promise<FixtureSites> {
  await rm(root, { recursive: true, force: true });
  const sites: Partial<FixtureSites> = {};
  for (const [name, fixture] of Object.entries(FIXTURE_BUILDS) as [FixtureName, FixtureBuild][]) {
    const folder = path.resolve(root, name);
    let contentDir = fixture.content;
    if (fixture.extend) {
      contentDir = path.join(folder, "content");
      await cp(fixture.content, contentDir, { recursive: true });
      await fixture.extend(contentDir);
    }
    const dir = path.join(folder, "site");
    sites[name] = { dir, built: await buildSiteAfresh({ outputDir: dir, contentDir, settings: fixture.settings }) };
  }
  return sites as FixtureSites;
}

let previous: Promise<unknown> = Promise.resolve();

/**
 * `buildSite`, for a process that builds more than once (the global setup, a test file).
 *
 * Eleventy 3.1 keeps layouts in a module-level cache that `buildSite` empties before each build (see
 * `forgetEarlierBuilds` in src/build.ts); builds in one process wait for each other, as they share it; and
 * each build's home page is checked for its own settings, so that if a later Eleventy moves the cache this
 * fails here rather than in the tests.
 */
export function buildSiteAfresh(options: BuildOptions): Promise<BuildResult> {
  const build = previous.then(async () => {
    // Imported when first needed: test files import this file for the fixtures' settings and need no Eleventy.
    const { buildSite } = await import("../../src/build.ts");
    const result = await buildSite(options);
    await checkHead(options);
    return result;
  });
  previous = build.catch(() => undefined);
  return build;
}

async function checkHead({ outputDir, settings }: BuildOptions): Promise<void> {
  const $ = load(await readFile(path.join(outputDir, "index.html"), "utf8"));
  const canonical = $('link[rel="canonical"]').attr("href");
  const stylesheet = $('link[rel="stylesheet"]').attr("href") ?? "";
  if (canonical !== absoluteUrl("/", settings) || !stylesheet.startsWith(settings.pathPrefix)) {
    throw new Error(
      `${outputDir}/index.html was rendered with another build's settings (canonical ${canonical}, stylesheet ${stylesheet}; ` +
        `expected ${absoluteUrl("/", settings)} and ${settings.pathPrefix}…): Eleventy's layout cache was not emptied (src/build.ts)`,
    );
  }
}

async function addFillerPosts(contentDir: string): Promise<void> {
  await mkdir(path.join(contentDir, "blog", "2024"), { recursive: true });
  for (let day = 1; day <= FILLER_POSTS; day++) {
    const date = `2024-01-${String(day).padStart(2, "0")}`;
    await writeFile(
      path.join(contentDir, "blog", "2024", `filler-${day}.md`),
      `---\ntitle: Filler post ${day}\ndate: ${date}\nauthor: jane-doe\n---\nFiller text ${day}.\n`,
    );
  }
}
