/**
 * The publishing files: sitemap and robots.txt, `_headers`, `_redirects`. Pure functions first, then the
 * files of a fixture build under a path prefix.
 */
import { XMLParser } from "fast-xml-parser";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Article } from "../../src/model/article.ts";
import { CONTENT_SECURITY_POLICY, headerRules, headersFile, IMMUTABLE } from "../../src/publishing/headers.ts";
import { redirectsFile, redirectsFor } from "../../src/publishing/redirects.ts";
import { newestDate, robotsTxt, sitemapEntries } from "../../src/publishing/sitemap.ts";
import { loadSite, siteOptions, type Site } from "../../src/model/site.ts";
import { FIXTURE_BUILDS } from "../support/fixtures.ts";
import { listFiles } from "./helpers.ts";

/** The fixture under /archive/: what it was built from, and its shared build (tests/global-setup.ts). */
const { content, settings } = FIXTURE_BUILDS["publishing-prefixed"];
const out = inject("fixtures")["publishing-prefixed"].dir;
const ORIGIN = "https://example.org/archive";
let site: Site;
const read = (file: string) => readFile(path.join(out, file), "utf8");
const byTitle = (title: string) => site.articles.find((article) => article.title === title)!;

beforeAll(async () => {
  site = await loadSite(siteOptions(content, settings));
});

describe("sitemap", () => {
  it("gives an article its date as far as it is known, a listing its newest item's date", () => {
    const entries = new Map(sitemapEntries(site, [], settings).map((entry) => [entry.loc, entry.lastmod]));
    expect(entries.get(`${ORIGIN}/blog/2019/grow-your-own/`)).toBe("2019-07-12");
    expect(entries.get(`${ORIGIN}/blog/2019/making-our-voices-heard/`)).toBe("2019-07");
    expect(entries.has(`${ORIGIN}/blog/2019/our-plea-to-the-next-prime-minister/`)).toBe(true);
    expect(entries.get(`${ORIGIN}/blog/2019/our-plea-to-the-next-prime-minister/`)).toBeUndefined();
    expect(entries.get(`${ORIGIN}/blog/`)).toBe("2026-04-02");
    expect(entries.get(`${ORIGIN}/regions/north-east/`)).toBe("2019-07");
    expect(entries.has(`${ORIGIN}/regions/eastern/`)).toBe(true);
    expect(entries.get(`${ORIGIN}/regions/eastern/`)).toBeUndefined();
  });

  it("takes the known date of the newest article in the site's one order, a month as a month", () => {
    // The old archive lists "Making our voices heard" (July 2019) as newer than "Grow your own" (12 July 2019).
    const month = byTitle("Making our voices heard");
    const day = byTitle("Grow your own");
    expect(month.sortDay >= day.sortDay).toBe(true);
    expect(newestDate([month, day])).toBe("2019-07");
    const later = { ...day, date: { precision: "day", iso: "2019-08-01" }, sortDay: "2019-08-01" } as Article;
    expect(newestDate([month, later])).toBe("2019-08-01");
  });

  it("lists static pages (not paginated, not 404.html, not opted out) with the newest article's date", () => {
    const pages = [
      { url: "/", data: {} },
      { url: "/404.html", data: {} },
      { url: "/blog/", data: { pagination: {} } },
      { url: "/hidden/", data: { sitemap: false } },
      { url: false as const, data: {} },
    ];
    const entries = sitemapEntries({ articles: site.articles, listings: [] }, pages, settings);
    expect(entries.filter((entry) => !entry.loc.includes("/20"))).toEqual([
      { loc: `${ORIGIN}/`, lastmod: "2026-04-02" },
    ]);
  });

  it("lists every HTML page of the build exactly once, sorted, absolute with the prefix, and nothing else", async () => {
    const xml = await read("sitemap.xml");
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      urlset: { "@_xmlns": string; url: { loc: string; lastmod?: string }[] };
    };
    const locs = parsed.urlset.url.map((url) => url.loc);
    const pages = listFiles(out)
      .filter((file) => file.endsWith("index.html") && !file.startsWith("pagefind/"))
      .map((file) => `${ORIGIN}/${file.replace(/index\.html$/, "")}`)
      .sort();
    expect(locs).toEqual(pages);
    expect(parsed.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const lastmods = parsed.urlset.url.flatMap(({ lastmod }) => (lastmod === undefined ? [] : [String(lastmod)]));
    expect(lastmods.length).toBeGreaterThan(0);
    for (const lastmod of lastmods) expect(lastmod).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
  });

  it("is named in robots.txt by absolute URL", async () => {
    expect(robotsTxt(settings)).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`);
    expect(await read("robots.txt")).toBe(robotsTxt(settings));
  });
});

describe("_headers", () => {
  it("puts the security headers on every path under the prefix", () => {
    const [all] = headerRules(settings);
    expect(all!.path).toBe("/archive/*");
    expect(all!.headers).toMatchObject({
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(all!.headers["Permissions-Policy"]).toContain("camera=()");
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it("caches only content-hashed files for a year, and never sets one header in two rules that can match one path", () => {
    const rules = headerRules(settings);
    expect(rules.filter((rule) => rule.headers["Cache-Control"] === IMMUTABLE).map((rule) => rule.path)).toEqual([
      "/archive/assets/*",
      "/archive/images/*",
      "/archive/pagefind/fragment/*",
      "/archive/pagefind/index/*",
      "/archive/pagefind/filter/*",
    ]);
    // Cloudflare Pages joins the values of a header set by several matching rules; Netlify keeps one.
    // Every pair of rules that set one header; Cache-Control alone is set by five rules, so there are pairs.
    const pairs = rules.flatMap((rule, index) =>
      rules.slice(index + 1).flatMap((other) =>
        Object.keys(rule.headers)
          .filter((name) => name in other.headers)
          .map((name) => ({ name, a: rule.path, b: other.path })),
      ),
    );
    expect(pairs.length).toBeGreaterThan(0);
    for (const { name, a, b } of pairs) expect(overlaps(a, b), `${name} on ${a} and ${b}`).toBe(false);
  });

  it("uses root paths without a prefix", () => {
    expect(headerRules({ pathPrefix: "/" }).map((rule) => rule.path)).toEqual([
      "/*",
      "/assets/*",
      "/images/*",
      "/pagefind/fragment/*",
      "/pagefind/index/*",
      "/pagefind/filter/*",
    ]);
  });

  it("is published as /_headers, in the hosts' format", async () => {
    const text = await read("_headers");
    expect(text).toBe(headersFile(settings));
    expect(text).toMatch(/^\/archive\/\*\n  Content-Security-Policy: default-src 'self';/m);
    expect(text).toMatch(/^\/archive\/assets\/\*\n  Cache-Control: public, max-age=31536000, immutable$/m);
    for (const line of text.split("\n")) expect(line).toMatch(/^(#.*|\/\S*|  [A-Za-z-]+: \S.*|)$/);
  });
});

describe("_redirects", () => {
  it("sends every migrated article's old path to its page, with the prefix, 301, sorted", async () => {
    const redirects = redirectsFor(site.articles);
    expect(redirects.map((r) => [r.from, r.to])).toEqual([
      ["/blog/article/grow-your-own", "/blog/2019/grow-your-own/"],
      [
        "/blog/article/local-authority-childrens-services-does-something-good-for-local-family",
        "/blog/2019/local-authority-childrens-services/",
      ],
      ["/blog/article/making-our-voices-heard", "/blog/2019/making-our-voices-heard/"],
      ["/blog/article/our-plea-to-the-next-prime-minister", "/blog/2019/our-plea-to-the-next-prime-minister/"],
    ]);
    const lines = (await read("_redirects")).split("\n").filter((line) => line && !line.startsWith("#"));
    expect(lines.map((line) => line.split(/\s+/))).toEqual(redirects.map((r) => [r.from, `/archive${r.to}`, "301"]));
  });

  it("writes an empty list (comments only) for a site with no migrated articles", () => {
    expect(
      redirectsFile([], settings)
        .split("\n")
        .filter((line) => line && !line.startsWith("#")),
    ).toEqual([]);
  });
});

/** Whether two `_headers` patterns (a trailing `*` at most) can match one path. */
function overlaps(a: string, b: string): boolean {
  const stem = (pattern: string) => pattern.replace(/\*$/, "");
  const covers = (wide: string, narrow: string) => wide.endsWith("*") && stem(narrow).startsWith(stem(wide));
  return a === b || covers(a, b) || covers(b, a);
}
