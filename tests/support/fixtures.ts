/**
 * The purpose-made fixture sites, each built once per test run (one build per distinct input: content and
 * settings). tests/global-setup.ts starts the builds and gives each fixture's folder to the test files
 * (`inject("fixtures")`); a test file waits for the one it reads with `fixtureSite(name)`, so the test files
 * that need none start at once. The test files run in parallel forks and only read these folders; a test
 * that changes content or output works on its own copy.
 *
 * Every build here runs in a process of its own (`buildApart`). Eleventy 3.1 keeps layouts in a
 * module-level cache keyed by path (its `LayoutCache.js`), so a second `buildSite` in one process renders
 * `base.njk` with the first build's filters: the first build's SITE_URL and path prefix in every page's
 * head and navigation. A process per build also lets two builds run at once on two cores.
 */
import { type ChildProcess, fork } from "node:child_process";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildSite, type BuildOptions, type BuildResult } from "../../src/build.ts";
import { readSettings, type Settings } from "../../src/core/settings.ts";

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

/** Every fixture build the tests use, by name; the name is its folder under tmp/test-fixtures/. */
export const FIXTURE_BUILDS = {
  /** The fixture site at the root (search index tests). */
  site: { content: SITE_CONTENT, settings: siteSettings() },
  /** The fixture site with enough filler posts to paginate the blog listing (tests/build.test.ts). */
  "site-paginated": { content: SITE_CONTENT, settings: siteSettings(), extend: addFillerPosts },
  /** The fixture site under a path prefix (search results in the browser). */
  "site-prefixed": { content: SITE_CONTENT, settings: siteSettings({ PATH_PREFIX: "/archive-prefix/" }) },
  /** The publishing fixture at the root of example.org. */
  publishing: { content: PUBLISHING_CONTENT, settings: publishingSettings() },
  /** The publishing fixture under /archive/ on example.org (feeds, files, preview, prefix checks). */
  "publishing-prefixed": { content: PUBLISHING_CONTENT, settings: publishingSettings({ PATH_PREFIX: "/archive/" }) },
} satisfies Record<string, FixtureBuild>;

export type FixtureName = keyof typeof FIXTURE_BUILDS;

/** A fixture build as the tests get it: its absolute output folder and what `buildSite` reported. */
export interface FixtureSite {
  dir: string;
  built: BuildResult;
}

/** Each fixture's folder: `site/` (the output), `built.json` once it is built or `failed.txt` if it failed. */
export type FixtureFolders = Record<FixtureName, string>;

export interface FixtureBuilds {
  folders: FixtureFolders;
  /** Settles when every build has ended (the failures are in their `failed.txt`). */
  finished: Promise<void>;
  /** Ends the builds still running (their processes) and forgets the rest. */
  stop(): void;
}

/**
 * Empties `root`, then builds every fixture into `root/<name>/site` (content that a fixture adds to goes to
 * `root/<name>/content`) in the background, each in its own process, as many at once as there are cores.
 */
export async function startFixtureBuilds(root: string): Promise<FixtureBuilds> {
  await rm(root, { recursive: true, force: true });
  const entries = Object.entries(FIXTURE_BUILDS) as [FixtureName, FixtureBuild][];
  const folders = Object.fromEntries(entries.map(([name]) => [name, path.resolve(root, name)])) as FixtureFolders;
  const children = new Set<ChildProcess>();
  let stopped = false;
  const queue = entries.map(([name, fixture]) => () => buildFixture(folders[name], fixture, children));
  const worker = async () => {
    for (let job = queue.shift(); job && !stopped; job = queue.shift()) await job();
  };
  const finished = Promise.all(Array.from({ length: Math.min(availableParallelism(), queue.length) }, worker)).then(() => undefined);
  return {
    folders,
    finished,
    stop() {
      stopped = true;
      for (const child of children) child.kill();
    },
  };
}

/** Builds one fixture into `folder/site` and writes `built.json` (or `failed.txt`) beside it. */
async function buildFixture(folder: string, fixture: FixtureBuild, children: Set<ChildProcess>): Promise<void> {
  try {
    let contentDir = fixture.content;
    if (fixture.extend) {
      contentDir = path.join(folder, "content");
      await cp(fixture.content, contentDir, { recursive: true });
      await fixture.extend(contentDir);
    }
    const built = await buildApart({ outputDir: path.join(folder, "site"), contentDir, settings: fixture.settings }, children);
    await writeAtomically(path.join(folder, BUILT), JSON.stringify(built));
  } catch (error) {
    await mkdir(folder, { recursive: true });
    await writeAtomically(path.join(folder, FAILED), error instanceof Error ? error.message : String(error));
  }
}

const BUILT = "built.json";
const FAILED = "failed.txt";

/** Writes beside, then renames: a reader never sees half a file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.part`, text);
  await rename(`${file}.part`, file);
}

/**
 * In a test file: waits for the shared build of fixture `name` (started by tests/global-setup.ts) and returns
 * it; throws the build's error if it failed. Call it in `beforeAll` (hooks may wait for minutes).
 */
export async function fixtureSite(name: FixtureName, timeoutMs = 240_000): Promise<FixtureSite> {
  // Imported here, not at the top: the build processes run this file too, outside vitest.
  const { inject } = await import("vitest");
  const folder = inject("fixtures")[name];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const built = await readFile(path.join(folder, BUILT), "utf8").catch(() => undefined);
    if (built !== undefined) return { dir: path.join(folder, "site"), built: JSON.parse(built) as BuildResult };
    const failed = await readFile(path.join(folder, FAILED), "utf8").catch(() => undefined);
    if (failed !== undefined) throw new Error(`The shared build of the ${name} fixture failed: ${failed}`);
    if (Date.now() > deadline) throw new Error(`The shared build of the ${name} fixture did not finish in ${timeoutMs / 1000} s (${folder})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const THIS_FILE = fileURLToPath(import.meta.url);
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** What a child process is sent: `BuildOptions` with the build date as text. */
interface BuildRequest {
  outputDir: string;
  contentDir: string;
  settings: Omit<Settings, "buildDate"> & { buildDate: string };
}

type BuildReply = { ok: true; result: BuildResult } | { ok: false; message: string };

/**
 * `buildSite` in a new Node process (this file run by tsx), so that no Eleventy state is shared with
 * another build: see the top of this file. Rejects with the build's error message if it fails. The process
 * is in `running` while it runs.
 */
export function buildApart({ outputDir, contentDir, settings }: BuildOptions, running?: Set<ChildProcess>): Promise<BuildResult> {
  const request: BuildRequest = { outputDir, contentDir, settings: { ...settings, buildDate: settings.buildDate.toISOString() } };
  return new Promise((resolve, reject) => {
    const child = fork(THIS_FILE, [JSON.stringify(request)], { execArgv: ["--import", TSX], stdio: ["ignore", "ignore", "inherit", "ipc"] });
    running?.add(child);
    let reply: BuildReply | undefined;
    child.on("message", (message) => {
      reply = message as BuildReply;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      running?.delete(child);
      if (reply?.ok) resolve(reply.result);
      else reject(new Error(`building ${contentDir} into ${outputDir} failed: ${reply?.message ?? `the process ended with ${signal ?? `exit code ${code}`}`}`));
    });
  });
}

/** The child's side of `buildApart`. */
async function serveBuildRequest(json: string): Promise<void> {
  const { settings, ...request } = JSON.parse(json) as BuildRequest;
  let reply: BuildReply;
  try {
    reply = { ok: true, result: await buildSite({ ...request, settings: { ...settings, buildDate: new Date(settings.buildDate) } }) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  process.send!(reply, () => process.disconnect());
}

if (process.argv[1] === THIS_FILE && process.send) await serveBuildRequest(process.argv[2]!);

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
