/**
 * Builds the real archive once for the whole test run, into a fresh folder, so the end-to-end, search and
 * browser suites all test the site exactly as `npm run build` makes it. Set SITE_DIR to test a site
 * that is already built instead.
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../src/build.ts";
import { readSettings } from "../src/core/settings.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  let siteDir = process.env.SITE_DIR;
  if (!siteDir) {
    siteDir = path.resolve("tmp/test-site");
    const started = performance.now();
    await buildSite({ outputDir: siteDir, contentDir: "content", settings: readSettings() });
    console.log(`Built the real archive for the tests in ${((performance.now() - started) / 1000).toFixed(1)} s: ${siteDir}`);
    process.env.SITE_DIR = siteDir;
  }
  project.provide("siteDir", path.resolve(siteDir));
}
