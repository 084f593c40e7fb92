/**
 * Shared helpers for the quality gates: finding a built site's pages and mapping between
 * site files and the URLs they are served at (with an optional path prefix).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { normalisePrefix } from "../../../src/core/urls.ts";

/** Every `.html` file under `siteDir`, as POSIX paths relative to it, sorted for stable reports. */
export function listHtmlFiles(siteDir: string): string[] {
  const found: string[] = [];
  const walk = (relDir: string): void => {
    for (const entry of readdirSync(path.join(siteDir, relDir), { withFileTypes: true })) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && entry.name.endsWith(".html")) found.push(rel);
    }
  };
  walk("");
  return found.sort();
}

/** The URL path a site file is served at: `blog/index.html` → `/prefix/blog/`. */
export function fileToUrlPath(relFile: string, prefix: string): string {
  const p = normalisePrefix(prefix);
  if (relFile === "index.html") return p;
  if (relFile.endsWith("/index.html")) return p + relFile.slice(0, -"index.html".length);
  return p + relFile;
}
