/**
 * `npm run preview`'s server over a fixture build under a path prefix: pages, redirects from old addresses,
 * headers from `_headers`, 404s and content types, as the static hosts would serve them.
 */
import { load } from "cheerio";
import { mkdir, writeFile } from "node:fs/promises";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  headersFor,
  matchesPattern,
  parseHeaders,
  parseRedirects,
  readPath,
  redirectFor,
  startPreview,
  type Preview,
} from "../../src/publishing/preview.ts";
import { copyInto } from "./helpers.ts";

const PREFIX = "/archive/";
let preview: Preview;
const get = (pathname: string, method = "GET") => fetch(new URL(pathname, preview.url), { method, redirect: "manual" });

beforeAll(async () => {
  // A copy of the shared build (tests/global-setup.ts), as files are added to it.
  const out = await copyInto(inject("fixtures")["publishing-prefixed"].dir);
  // Stand-ins for Pagefind's files, whatever the search build does.
  await mkdir(path.join(out, "pagefind", "fragment"), { recursive: true });
  await writeFile(path.join(out, "pagefind", "wasm.en.pagefind"), "");
  await writeFile(path.join(out, "pagefind", "fragment", "en_abc123.pf_fragment"), "");
  await writeFile(path.join(out, "pagefind", "test.wasm"), "");
  preview = await startPreview({ root: out, pathPrefix: PREFIX });
});
afterAll(() => preview?.close());

describe("the preview server", () => {
  it("serves the site under the prefix, with the security headers and short caching on pages", async () => {
    expect(preview.url).toMatch(/^http:\/\/localhost:\d+\/archive\/$/);
    const response = await get("/archive/blog/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  });

  it("redirects a folder without its slash, and the bare prefix", async () => {
    expect((await get("/archive/blog")).headers.get("location")).toBe("/archive/blog/");
    expect((await get("/archive")).headers.get("location")).toBe("/archive/");
  });

  it("honours _redirects: an old address goes to the article's page, with or without a slash", async () => {
    for (const old of ["/blog/article/grow-your-own", "/blog/article/grow-your-own/"]) {
      const response = await get(old);
      expect(response.status).toBe(301);
      expect(response.headers.get("location")).toBe("/archive/blog/2019/grow-your-own/");
    }
  });

  it("caches fingerprinted assets and hashed Pagefind files for a year, and nothing else", async () => {
    const home = load(await (await get("/archive/")).text());
    const css = home('link[rel="stylesheet"]').attr("href");
    expect(css).toMatch(/^\/archive\/assets\/site\.[0-9a-f]+\.css$/);
    const asset = await get(css!);
    expect(asset.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await get("/archive/pagefind/fragment/en_abc123.pf_fragment")).headers.get("cache-control")).toBe(
      "public, max-age=31536000, immutable",
    );
    expect((await get("/archive/pagefind/wasm.en.pagefind")).headers.get("cache-control")).toBe(
      "public, max-age=0, must-revalidate",
    );
  });

  it("sends the right content types for feeds, WebAssembly and text files", async () => {
    expect((await get("/archive/feed.xml")).headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect((await get("/archive/feed.json")).headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    expect((await get("/archive/pagefind/test.wasm")).headers.get("content-type")).toBe("application/wasm");
    expect((await get("/archive/robots.txt")).headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("answers misses, paths outside the prefix and the hosts' own files with 404.html", async () => {
    for (const miss of ["/archive/no-such-page/", "/blog/", "/archive/_headers", "/archive/_redirects"]) {
      const response = await get(miss);
      expect(response.status, miss).toBe(404);
      expect(load(await response.text())("h1").text(), miss).toBe("Page not found");
    }
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await get("/archive/", "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await get("/archive/", "POST")).status).toBe(405);
  });
});

/** The status of a GET for a request target sent exactly as written (fetch would tidy it first). */
function rawStatus(target: string, agent?: Agent): Promise<number> {
  const { port } = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: target, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    // A server that stopped answering fails the test in seconds rather than at the test timeout.
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${target.slice(0, 80)}`)));
    req.end();
  });
}

/** The status line for bytes the HTTP client would refuse to send (a literal NUL, a raw backslash). */
function socketStatus(target: string): Promise<string> {
  const { port } = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
    );
    let reply = "";
    socket.on("data", (chunk) => (reply += chunk.toString("latin1")));
    socket.on("end", () => resolve(reply.split("\r\n")[0]!));
    socket.on("error", reject);
  });
}

/** Request paths no page has; each must get 400 or 404 and leave the server serving. */
const MALFORMED = [
  "/%00",
  "/archive/%00",
  "/archive/blog/%00/",
  "/archive/%E0%A4%A",
  "/archive/%",
  "/archive/%ZZ",
  "/archive/%C0%AF",
  "/archive/%0a",
  "/archive/%2e%2e/%2e%2e/etc/passwd",
  "/archive/..%2f..%2f..%2fetc/passwd",
  "/archive/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
  "/archive/blog/..%252f..%252fetc/passwd",
  "/archive/%5c..%5c..%5c",
  `/archive/${"a".repeat(5000)}`,
  `/archive/${"%2e%2e/".repeat(300)}`,
];

describe("the preview server with malformed requests", () => {
  it("answers each malformed path with 400 or 404 and keeps serving", async () => {
    for (const target of MALFORMED) {
      expect([400, 404], target).toContain(await rawStatus(target));
      expect(await rawStatus("/archive/blog/"), `after ${target}`).toBe(200);
    }
  });

  it("answers bytes the client would not send, such as a raw backslash or control character, without stopping", async () => {
    for (const target of ["/archive/..\\..\\etc\\passwd", "/archive/\u0001", "/archive/\u00ff"]) {
      expect(await socketStatus(target), JSON.stringify(target)).toMatch(/^HTTP\/1\.1 40[04] /);
    }
    expect(await rawStatus("/archive/blog/")).toBe(200);
  });

  it("serves thousands of ordinary requests with malformed ones mixed in, on loopback, without one failure", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const ordinary = [
      "/archive/",
      "/archive/blog/",
      "/archive/feed.xml",
      "/archive/sitemap.xml",
      "/archive/blog/2019/grow-your-own/",
    ];
    const targets = Array.from({ length: 3000 }, (_, index) =>
      index % 10 === 9 ? MALFORMED[Math.floor(index / 10) % MALFORMED.length]! : ordinary[index % ordinary.length]!,
    );
    const statuses = new Map<string, number[]>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < targets.length) {
          const target = targets[next++]!;
          const status = await rawStatus(target, agent);
          statuses.set(target, [...new Set([...(statuses.get(target) ?? []), status])]);
        }
      }),
    );
    agent.destroy();
    for (const target of ordinary) expect(statuses.get(target), target).toEqual([200]);
    for (const target of MALFORMED) expect([[400], [404]], target).toContainEqual(statuses.get(target));
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it("reads only paths a page can have", () => {
    expect(readPath("/archive/blog/")?.pathname).toBe("/archive/blog/");
    expect(readPath("/archive/caf%C3%A9/")?.pathname).toBe("/archive/café/");
    for (const target of [
      "/%00",
      "/%",
      "/%E0%A4%A",
      "/..%2fetc",
      "/a%5cb",
      `/${"a".repeat(3000)}`,
      "http://elsewhere/",
    ])
      expect(readPath(target), target).toBeUndefined();
  });
});

describe("reading _headers and _redirects", () => {
  it("parses rules and joins a header set by two matching rules, as Cloudflare Pages does", () => {
    const rules = parseHeaders("# c\n/*\n  X-A: 1\n\n/assets/*\n  X-A: 2\n  X-B: 3\n");
    expect(rules).toEqual([
      { pattern: "/*", headers: [["X-A", "1"]] },
      {
        pattern: "/assets/*",
        headers: [
          ["X-A", "2"],
          ["X-B", "3"],
        ],
      },
    ]);
    expect(headersFor(rules, "/assets/a.css")).toEqual({ "X-A": "1, 2", "X-B": "3" });
    expect(headersFor(rules, "/")).toEqual({ "X-A": "1" });
  });

  it("matches splats and exact paths only", () => {
    expect(matchesPattern("/a/*", "/a/b/c")).toBe(true);
    expect(matchesPattern("/a/*", "/ab")).toBe(false);
    expect(matchesPattern("/a.b", "/axb")).toBe(false);
    const redirects = parseRedirects("# c\n/old  /archive/new/  301\n/gone /archive/ 302\n");
    expect(redirects).toEqual([
      { from: "/old", to: "/archive/new/", status: 301 },
      { from: "/gone", to: "/archive/", status: 302 },
    ]);
    expect(redirectFor(redirects, "/old/")?.to).toBe("/archive/new/");
    expect(redirectFor(redirects, "/older")).toBeUndefined();
  });
});
