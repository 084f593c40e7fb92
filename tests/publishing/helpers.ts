/**
 * The publishing fixture (tests/publishing/fixture: month-only, undated and migrated articles, a title with
 * `&` and `<`, relative links, a draft and a scheduled post). Its shared builds are made once per run by
 * tests/global-setup.ts (tests/support/fixtures.ts); the helpers here are for tests that need a build or
 * an output folder of their own.
 */
import { readdirSync } from "node:fs";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Settings } from "../../src/core/settings.ts";
import { buildSiteAfresh, PUBLISHING_CONTENT, publishingSettings } from "../support/fixtures.ts";

export const FIXTURE = PUBLISHING_CONTENT;
export const fixtureSettings = publishingSettings;

/** Builds `contentDir` into a new temporary folder and returns the folder. */
export async function buildInto(settings: Settings, contentDir = FIXTURE): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), "adcs-publishing-"));
  const out = path.join(work, "_site");
  await buildSiteAfresh({ outputDir: out, contentDir, settings });
  return out;
}

/** A copy of a built folder (a shared fixture build) in a new temporary folder, for a test that changes it. */
export async function copyInto(builtDir: string): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), "adcs-publishing-copy-"));
  const out = path.join(work, "_site");
  await cp(builtDir, out, { recursive: true });
  return out;
}

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function listFiles(dir: string, under = ""): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = under ? `${under}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}
