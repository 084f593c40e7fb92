/**
 * Fingerprinted assets: each file under `assets/` is published as `name.<hash>.ext`, so a CDN may cache it
 * for a year; templates find the current name in the `assets` global data.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ASSETS_URL } from "../core/urls.ts";

/** The source folder; published under `ASSETS_URL`. */
export const ASSETS_DIR = "assets";

export function fingerprint(file: string, contents: Buffer): string {
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  const { name, ext } = path.parse(file);
  return `${name}.${hash}${ext}`;
}

/** Maps each asset's plain name (`site.css`) to its published path (`/assets/site.1a2b3c4d5e.css`). */
export function fingerprintAssets(dir = ASSETS_DIR): Record<string, string> {
  const names: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    names[file] = `${ASSETS_URL}${fingerprint(file, readFileSync(path.join(dir, file)))}`;
  }
  return names;
}

export function assetsPlugin(eleventyConfig: any): void {
  const published = fingerprintAssets();
  eleventyConfig.addGlobalData("assets", published);
  eleventyConfig.addPassthroughCopy(
    Object.fromEntries(Object.entries(published).map(([file, url]) => [path.join(ASSETS_DIR, file), url.slice(1)])),
  );
  eleventyConfig.addWatchTarget(`${ASSETS_DIR}/`);
}
