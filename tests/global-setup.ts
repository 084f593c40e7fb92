/**
 * Builds every site the tests read once for the whole test run, each into a folder of its own that the test
 * files (parallel forks) only read, so nothing is built twice or raced over:
 * - the real archive, into a fresh folder, before any test file starts, so the end-to-end, search and
 *   browser suites all test the site exactly as `npm run build` makes it. Set SITE_DIR to test a site that
 *   is already built instead. It is the one build in this process (see tests/support/fixtures.ts on why
 *   there must not be two);
 * - each purpose-made fixture site, once per distinct content and settings, into tmp/test-fixtures/<name>/,
 *   in processes of their own, in the background: a test file waits for the one it reads with
 *   `fixtureSite(name)` (tests/support/fixtures.ts), and the others start at once.
 * Test files get the folders with `inject("siteDir")` and `inject("fixtures")`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../src/build.ts";
import { readSettings } from "../src/core/settings.ts";
import { startFixtureBuilds, type FixtureFolders } from "./support/fixtures.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The real archive, built with the settings in the environment (or SITE_DIR as given). */
    siteDir: string;
    /** Each fixture's folder; `fixtureSite(name)` waits for its build. */
    fixtures: FixtureFolders;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fixtures = await startFixtureBuilds("tmp/test-fixtures");
  const started = performance.now();
  void fixtures.finished.then(() => console.log(`Built the fixture sites for the tests in ${seconds(started)}: ${path.resolve("tmp/test-fixtures")}/`));
  project.provide("fixtures", fixtures.folders);

  let siteDir = process.env.SITE_DIR;
  if (siteDir) {
    if (!existsSync(siteDir)) throw new Error(`SITE_DIR ${path.resolve(siteDir)} does not exist: build it first, or leave SITE_DIR unset`);
  } else {
    siteDir = path.resolve("tmp/test-site");
    await buildSite({ outputDir: siteDir, contentDir: "content", settings: readSettings() });
    console.log(`Built the real archive for the tests in ${seconds(started)}: ${siteDir}`);
  }
  project.provide("siteDir", path.resolve(siteDir));

  // When every test file is done, builds no test file waited for are of no use.
  return async () => {
    fixtures.stop();
    await fixtures.finished;
  };
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
