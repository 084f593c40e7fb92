/**
 * `npm run build`: checks the content, builds the site into a fresh folder, indexes it for search, and only
 * then replaces `_site/`. A failed build leaves the previous `_site/` exactly as it was.
 *
 * With `.cache/` from an earlier build (CI restores it), unchanged articles are not checked or rendered
 * again and only pages whose data changed are rendered; the output is the same as a cold build's. `npm run build -- --no-cache` builds cold and ignores it.
 */
import { buildSite } from "../src/build.ts";
import { runEntryPoint, UserError } from "../src/core/errors.ts";
import { readSettings } from "../src/core/settings.ts";

const CACHE_DIR = ".cache";

await runEntryPoint(async () => {
  const unknown = process.argv.slice(2).filter((arg) => arg !== "--no-cache");
  if (unknown.length)
    throw new UserError({
      where: "npm run build",
      problem: `unknown option ${unknown.join(" ")}`,
      fix: "run `npm run build`, or `npm run build -- --no-cache` to build without the cache",
    });
  const cached = !process.argv.includes("--no-cache");
  const result = await buildSite({
    outputDir: "_site",
    contentDir: "content",
    settings: readSettings(),
    ...(cached && { cacheDir: CACHE_DIR }),
  });
  const reused = result.reused ? `, ${result.reused} unchanged pages from ${CACHE_DIR}/` : "";
  console.log(
    `Built ${result.pages + result.reused} pages into _site/ in ${(result.milliseconds / 1000).toFixed(1)} s (${result.pages} rendered${reused}).`,
  );
});
if (process.exitCode) console.error("\nThe build failed; _site/ was left as it was.");
