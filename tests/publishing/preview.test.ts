/**
 * `npm run preview`'s server over a fixture build under a path prefix: pages, redirects from old addresses,
 * headers from `_headers`, 404s and content types, as the static hosts would serve them.
 */
import { load } from "cheerio";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  headersFor,
  matchesPattern,
  parseHeaders,
  parseRedirects,
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
