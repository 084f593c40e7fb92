/**
 * Builds every site the tests read, once for the whole test run and before any test file starts, each into
 * a folder of its own that the test files (forks) only read, so nothing is built twice or raced over:
 * - the real archive, into a fresh folder, so the end-to-end, search and browser suites all test the site
 *   exactly as `npm run build` makes it. Set SITE_DIR to test a site that is already built instead;
 * - each purpose-made fixture site, once per distinct content and settings, into <run>/fixtures/<name>/
 *   (tests/support/fixtures.ts).
 * Each run builds under its own folder, tmp/test-runs/<process id>/, removed when the run ends, so two runs
 * in one checkout never overwrite each other's sites. Test files get them with `inject("siteDir")` and
 * `inject("fixtures")`.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { readSettings } from "../src/core/settings.ts";
import { buildFixtures, buildSiteAfresh, type FixtureSites } from "./support/fixtures.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The real archive, built with the settings in the environment (or SITE_DIR as given). */
    siteDir: string;
    /** Each fixture build: its output folder and what the build reported. */
    fixtures: FixtureSites;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = path.resolve("tmp/test-runs", String(process.pid));
  let started = performance.now();
  let siteDir = process.env.SITE_DIR;
  if (siteDir) {
    if (!existsSync(siteDir))
      throw new Error(`SITE_DIR ${path.resolve(siteDir)} does not exist: build it first, or leave SITE_DIR unset`);
  } else {
    siteDir = path.join(run, "site");
    // This process builds more than once: see buildSiteAfresh.
    await buildSiteAfresh({ outputDir: siteDir, contentDir: "content", settings: readSettings() });
    console.log(`Built the real archive for the tests in ${seconds(started)}: ${siteDir}`);
  }
  project.provide("siteDir", path.resolve(siteDir));

  started = performance.now();
  const fixtures = await buildFixtures(path.join(run, "fixtures"));
  console.log(
    `Built ${Object.keys(fixtures).length} fixture sites for the tests in ${seconds(started)}: ${run}/fixtures/`,
  );
  project.provide("fixtures", fixtures);
  return () => rm(run, { recursive: true, force: true });
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
