/**
 * `npm run build`: checks the content, builds the site into a fresh folder, indexes it for search, and only
 * then replaces `_site/`. A failed build leaves the previous `_site/` exactly as it was.
 */
import { buildSite } from "../src/build.ts";
import { ContentError } from "../src/content/problems.ts";
import { readSettings } from "../src/core/settings.ts";

try {
  const result = await buildSite({ outputDir: "_site", contentDir: "content", settings: readSettings() });
  console.log(`Built ${result.pages} pages into _site/ in ${(result.milliseconds / 1000).toFixed(1)} s.`);
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  console.error("\nThe build failed; _site/ was left as it was.");
  process.exitCode = 1;
}
