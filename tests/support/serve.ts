/**
 * Serves a built folder for browser tests through the same server as `npm run preview`, so the tests see
 * the site as it will be published: `_headers` (the Content-Security-Policy included), `_redirects`,
 * folder URLs, `404.html` for misses, and the path prefix.
 */
import { startPreview } from "../../src/publishing/preview.ts";
import { normalisePrefix } from "../../src/core/urls.ts";

export interface StaticServer {
  /** Origin only, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Origin plus path prefix, always ending in `/`: the site's home page. */
  baseUrl: string;
  /** Absolute URL for a site path given without the prefix: `url("blog/")`. */
  url(sitePath: string): string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Serve the folder under this prefix (e.g. `/archive-prefix/`); requests outside it get 404. */
  pathPrefix?: string;
}

export async function serveSite(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = normalisePrefix(options.pathPrefix ?? "/");
  const preview = await startPreview({ root, pathPrefix: prefix, host: "127.0.0.1" });
  const origin = new URL(preview.url).origin.replace("localhost", "127.0.0.1");
  return {
    origin,
    baseUrl: origin + prefix,
    url: (sitePath) => origin + prefix + sitePath.replace(/^\/+/, ""),
    close: () => preview.close(),
  };
}
