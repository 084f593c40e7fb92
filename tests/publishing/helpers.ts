/**
 * Builds the publishing fixture (tests/publishing/fixture: month-only, undated and migrated articles,
 * a title with `&` and `<`, relative links, a draft and a scheduled post) into temporary folders.
 */
import { readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build.ts";
import { readSettings, type Settings } from "../../src/core/settings.ts";

export const FIXTURE = "tests/publishing/fixture/content";
export const BUILD_DATE = new Date("2026-06-01T12:00:00Z");

export function fixtureSettings(env: NodeJS.ProcessEnv = {}): Settings {
  return { ...readSettings({ SITE_URL: "https://example.org", ...env }), buildDate: BUILD_DATE };
}

/** Builds `contentDir` into a new temporary folder and returns the folder. */
export async function buildInto(settings: Settings, contentDir = FIXTURE): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), "adcs-publishing-"));
  const out = path.join(work, "_site");
  await buildSite({ outputDir: out, contentDir, settings });
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
