/**
 * `npm run build`: checks the content, builds the site into a fresh folder, indexes it for search, and only
 * then replaces `_site/`. A failed build leaves the previous `_site/` exactly as it was.
 */
import { buildSite } from "../src/build.ts";
import { runEntryPoint } from "../src/core/errors.ts";
import { readSettings } from "../src/core/settings.ts";

await runEntryPoint(async () => {
  const result = await buildSite({ outputDir: "_site", contentDir: "content", settings: readSettings() });
  console.log(`Built ${result.pages} pages into _site/ in ${(result.milliseconds / 1000).toFixed(1)} s.`);
});
if (process.exitCode) console.error("\nThe build failed; _site/ was left as it was.");
