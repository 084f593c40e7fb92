/**
 * `npm run preview`: serves the built `_site/` as it will be published: under PATH_PREFIX, with `_redirects`,
 * `_headers`, `404.html` and the hosts' content types (see src/publishing/preview.ts). Build first with the
 * same PATH_PREFIX (`npm run build`). PORT chooses the port (default 8080, the default SITE_URL); HOST the interface (default
 * 127.0.0.1).
 */
import { existsSync, readFileSync } from "node:fs";
import { runEntryPoint, UserError } from "../src/core/errors.ts";
import { readSettings } from "../src/core/settings.ts";
import { startPreview } from "../src/publishing/preview.ts";

const root = "_site";
await runEntryPoint(async () => {
  const { pathPrefix } = readSettings();
  if (!existsSync(`${root}/index.html`)) {
    throw new UserError({ where: root, problem: "there is no built site here", fix: "run `npm run build` first" });
  }
  // _headers starts with the site's own prefix: warn when the site was built for another one.
  const builtFor = /^(\/\S*)\*$/m.exec(
    existsSync(`${root}/_headers`) ? readFileSync(`${root}/_headers`, "utf8") : "",
  )?.[1];
  if (builtFor && builtFor !== pathPrefix) {
    console.warn(
      `Warning: ${root}/ was built for the path prefix ${builtFor}, but PATH_PREFIX is ${pathPrefix}: links will not work. Build and preview with the same PATH_PREFIX.`,
    );
  }

  const preview = await startPreview({
    root,
    pathPrefix,
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? "127.0.0.1",
  });
  console.log(`Previewing ${root}/ as published at ${preview.url} (Ctrl+C to stop)`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
});
