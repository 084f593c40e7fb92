/**
 * A local preview of the built site as the static hosts serve it (`npm run preview`): under the path
 * prefix, folder URLs serve `index.html` (and redirect to the slash), `_redirects` and `_headers` are
 * honoured the way Netlify and Cloudflare Pages read them, misses get `404.html` with status 404, and
 * every file has the right content type (`application/wasm` for Pagefind).
 *
 * Where the two hosts differ, the preview takes the stricter reading: a header set by several matching
 * rules is joined with commas, as Cloudflare Pages does, so a conflict shows up here first. Files the
 * headers leave without `Cache-Control` get both hosts' default, `public, max-age=0, must-revalidate`.
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PathPrefixer } from "../core/urls.ts";

export const DEFAULT_CACHE_CONTROL = "public, max-age=0, must-revalidate";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
};

/** The content type a host sends for a file; Pagefind's own index files are binary. */
export function contentTypeOf(file: string): string {
  const base = path.basename(file);
  if (base === "feed.xml") return "application/atom+xml; charset=utf-8";
  if (base === "feed.json") return "application/feed+json; charset=utf-8";
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

export interface HeadersRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/** Parses `_redirects` lines `from to [status]`; comments and blank lines are skipped. */
export function parseRedirects(text: string): RedirectRule[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [from = "", to = "", status = "301"] = line.split(/\s+/);
      return { from, to, status: Number.parseInt(status, 10) || 301 };
    });
}

/** Parses `_headers`: a path pattern on its own line, then its indented `Name: value` lines. */
export function parseHeaders(text: string): HeadersRule[] {
  const rules: HeadersRule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const match = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (match && rule) rule.headers.push([match[1]!, match[2]!]);
  }
  return rules;
}

/** Whether a `_headers` or `_redirects` pattern (with `*` splats) matches a path. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(pathname);
}

/** The headers every matching rule gives a path; a header from several rules is joined with ", ". */
export function headersFor(rules: readonly HeadersRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** The redirect for a path, matching with or without a trailing slash as both hosts do. */
export function redirectFor(rules: readonly RedirectRule[], pathname: string): RedirectRule | undefined {
  const bare = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return rules.find((rule) => {
    const from = rule.from.length > 1 ? rule.from.replace(/\/+$/, "") : rule.from;
    return matchesPattern(from, bare) || matchesPattern(rule.from, pathname);
  });
}

/** Longer request paths than any page of the site are refused rather than looked up. */
const MAX_PATH_LENGTH = 2048;

/**
 * The URL and decoded path of a request, or undefined for a path no page can have: bad percent-encoding,
 * a NUL or other control character (which the file system calls refuse with an exception), over-long, or
 * with a `.` or `..` step in any spelling (`%2e%2e`, `..%2f`, a backslash).
 */
export function readPath(requestUrl: string): { url: URL; pathname: string } | undefined {
  if (requestUrl.length > MAX_PATH_LENGTH || !requestUrl.startsWith("/")) return undefined;
  try {
    const url = new URL(requestUrl, "http://preview.invalid");
    const pathname = decodeURIComponent(url.pathname);
    if (/[\u0000-\u001f\u007f\\]/.test(pathname)) return undefined;
    if (pathname.split("/").some((segment) => segment === "." || segment === "..")) return undefined;
    return { url, pathname };
  } catch {
    return undefined;
  }
}

export interface PreviewOptions {
  root: string;
  pathPrefix: string;
  port?: number;
  host?: string;
}

export interface Preview {
  /** The site's home page, e.g. `http://localhost:8080/archive/`. */
  url: string;
  close(): Promise<void>;
}

export async function startPreview({
  root,
  pathPrefix,
  port = 0,
  host = "127.0.0.1",
}: PreviewOptions): Promise<Preview> {
  const base = path.resolve(root);
  const prefixer = new PathPrefixer(pathPrefix);
  const read = (name: string) => {
    try {
      return readFileSync(path.join(base, name), "utf8");
    } catch {
      return "";
    }
  };
  const redirects = parseRedirects(read("_redirects"));
  const headerRules = parseHeaders(read("_headers"));
  const server = createServer((req, res) => {
    // One bad request must never stop the server that the browser tests and editors rely on.
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;

  function send(req: IncomingMessage, res: ServerResponse, status: number, file: string, pathname: string): void {
    const headers = headersFor(headerRules, pathname);
    res.writeHead(status, {
      "Cache-Control": DEFAULT_CACHE_CONTROL,
      ...headers,
      "Content-Type": contentTypeOf(file),
      "Content-Length": statSync(file).size,
    });
    if (req.method === "HEAD") res.end();
    // A file removed between stat and read (a rebuild's swap) ends the response, not the process.
    else
      createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
  }

  function notFound(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const page = path.join(base, "404.html");
    if (statSync(page, { throwIfNoEntry: false })?.isFile()) return send(req, res, 404, page, pathname);
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const request = readPath(req.url ?? "/");
    if (!request) return void res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request\n");
    const { url, pathname } = request;
    // Both hosts apply _redirects before looking for a file (Cloudflare always; Netlify unless a file exists,
    // which for the old site's paths it never does).
    const redirect = redirectFor(redirects, pathname);
    if (redirect) {
      res.writeHead(redirect.status, { Location: redirect.to + url.search }).end();
      return;
    }
    if (prefixer.base && pathname === prefixer.base)
      return void res.writeHead(301, { Location: prefixer.prefix }).end();
    const sitePath = prefixer.withoutPrefix(pathname);
    if (sitePath === undefined) return notFound(req, res, pathname);
    const rel = sitePath.slice(1);
    // The hosts read these two files; they never serve them.
    if (rel === "_headers" || rel === "_redirects") return notFound(req, res, pathname);
    let file = path.join(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) return notFound(req, res, pathname);
    let stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      if (!pathname.endsWith("/")) return void res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      file = path.join(file, "index.html");
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) return notFound(req, res, pathname);
    send(req, res, 200, file, pathname);
  }

  return {
    url: `http://${shownHost}:${address.port}${prefixer.prefix}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
