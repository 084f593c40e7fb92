/**
 * Rendering only what changed (src/publishing/render-plan.ts decides which pages): what the plan needs from
 * Eleventy's side (the templates' and assets' digest, where a URL is written) and what it does to the output
 * folder (removing pages that no longer exist). The dev server and the cached production build share it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { rm, rmdir } from "node:fs/promises";
import path from "node:path";

/**
 * A digest of every file under a folder (the templates, the assets): a changed template, include, component
 * or stylesheet renders every page again. Read on each build (a few dozen small files), so the dev server
 * sees such an edit at once.
 */
export function folderDigest(dir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("base64url");
}

/** The file Eleventy writes a permalink to: a folder URL is written as its `index.html`. */
export function outputFileOf(outputDir: string, url: string): string {
  const relative = decodeURI(url).replace(/^\/+/, "");
  return path.join(outputDir, relative.endsWith("/") || relative === "" ? path.join(relative, "index.html") : relative);
}

/** Removes the pages of `urls` from `outputDir`, and the folders that leaves empty. */
export async function removePages(outputDir: string, urls: readonly string[]): Promise<void> {
  const root = path.resolve(outputDir);
  for (const url of urls) {
    const file = outputFileOf(root, url);
    // A URL is the model's, never a reader's, but a page is only ever removed from inside the output folder.
    if (!file.startsWith(root + path.sep)) continue;
    await rm(file, { force: true });
    for (let folder = path.dirname(file); folder !== root; folder = path.dirname(folder)) {
      // rmdir refuses a folder that still holds anything: only emptied folders go.
      const emptied = await rmdir(folder).then(
        () => true,
        () => false,
      );
      if (!emptied) break;
    }
  }
}
