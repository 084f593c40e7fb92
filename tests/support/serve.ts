/**
 * A tiny static file server for browser tests: behaves like the static hosts the site is deployed
 * to (folder URLs serve `index.html`, folders without a slash redirect, unknown paths get the
 * site's `404.html` with status 404), optionally under a path prefix.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { normalizePrefix } from "../../src/quality/site-files.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm", // required for WebAssembly.instantiateStreaming (Pagefind)
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

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
  const prefix = normalizePrefix(options.pathPrefix);
  const server = createServer((req, res) => handle(root, prefix, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + prefix,
    url: (sitePath) => origin + prefix + sitePath.replace(/^\/+/, ""),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function handle(root: string, prefix: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (pathname === prefix.slice(0, -1)) return redirect(res, prefix);
  if (!pathname.startsWith(prefix)) return notFound(root, req, res);

  // path.posix.normalize collapses "..", and the startsWith check keeps us inside root.
  const rel = path.posix.normalize(pathname.slice(prefix.length)).replace(/^(\.\.\/?)+/, "");
  const base = path.resolve(root);
  let file = path.join(base, rel);
  if (file !== base && !file.startsWith(base + path.sep)) return notFound(root, req, res);
  let stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    if (!pathname.endsWith("/")) return redirect(res, `${pathname}/`);
    file = path.join(file, "index.html");
    stat = statSync(file, { throwIfNoEntry: false });
  }
  if (!stat?.isFile()) return notFound(root, req, res);
  sendFile(req, res, 200, file, stat.size);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { Location: encodeURI(location) }).end();
}

function notFound(root: string, req: IncomingMessage, res: ServerResponse): void {
  const page = path.join(path.resolve(root), "404.html");
  const stat = statSync(page, { throwIfNoEntry: false });
  if (stat?.isFile()) return sendFile(req, res, 404, page, stat.size);
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
}

function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string, size: number): void {
  res.writeHead(status, {
    "Content-Type": contentTypeFor(file),
    "Content-Length": size,
    "Cache-Control": "no-store", // each test sees the files as they are now
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
