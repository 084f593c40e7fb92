/**
 * The purpose-made fixture site (tests/fixtures/site, with filler posts enough to paginate the blog listing),
 * built once for the run by tests/global-setup.ts, read page by page the way a reader would find them.
 */
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureSite } from "./support/fixtures.ts";

let out: string;
beforeAll(async () => {
  out = (await fixtureSite("site-paginated")).dir;
});
const page = (url: string) => readFile(path.join(out, url, url.endsWith(".html") ? "" : "index.html"), "utf8");
const exists = (url: string) => access(path.join(out, url, "index.html")).then(() => true, () => false);
const titlesIn = (html: string) => [...html.matchAll(/class="article-list__title"><a href="[^"]+">([^<]+)</g)].map((m) => m[1]);

describe("the built fixture site", () => {
  it("has an article page with its title, date, author with role, region, tags and body", async () => {
    const html = await page("/blog/2026/school-funding-pressures/");
    expect(html).toContain("<h1 class=\"article__title\">School funding pressures</h1>");
    expect(html).toContain('<time datetime="2026-03-12">12 March 2026</time>');
    expect(html).toContain('<a href="/authors/jane-doe/">Jane Doe</a>, Director of Children&#39;s Services');
    expect(html).toContain('<a href="/regions/north-west/">North West</a>');
    expect(html).toMatch(/<a href="\/tags\/funding\/">Funding <span class="tag-list__count">\(2/);
    expect(html).toContain('<h2 id="what-we-found">What we found</h2>');
    expect(html).toContain("<title>School funding pressures · ADCS blog and regional updates</title>");
  });

  it("lists blog posts newest first, 20 a page, with numbered pagination", async () => {
    const first = await page("/blog/");
    const second = await page("/blog/page/2/");
    expect(titlesIn(first).slice(0, 3)).toEqual(["School funding pressures", "Youth justice reform", "A year in review"]);
    expect(titlesIn(first)).toHaveLength(20);
    expect(titlesIn(second)).toHaveLength(8);
    expect(titlesIn(second).at(-1)).toBe("Filler post 1");
    expect(first).toContain("28 articles");
    expect(second).toContain("(page 2 of 2)");
    expect(second).toContain('href="/blog/" rel="prev"');
    expect(await exists("/blog/page/3/")).toBe(false);
  });

  it("has a page for every region, tag, author and year", async () => {
    expect(titlesIn(await page("/regions/greater-london/"))).toEqual(["London update, January 2026"]);
    expect(titlesIn(await page("/regions/eastern/"))).toEqual([]);
    expect(titlesIn(await page("/tags/uasc/"))).toEqual(["London update, January 2026"]);
    expect(titlesIn(await page("/tags/funding/"))).toEqual(["School funding pressures", "A year in review"]);
    expect(await page("/authors/sam-smith/")).toContain("ADCS President");
    expect(titlesIn(await page("/authors/sam-smith/"))).toEqual(["Youth justice reform", "A year in review"]);
    expect(titlesIn(await page("/archive/2025/"))).toEqual(["A year in review"]);
    expect(await page("/tags/")).toMatch(/Funding<\/a> <span class="card-list__count">2 articles/);
    expect(await page("/archive/")).toMatch(/2026<\/a> <span class="card-list__count">3 articles/);
  });

  it("leaves drafts, and tags only drafts use, out of the production site", async () => {
    expect(await exists("/blog/2026/a-draft-post/")).toBe(false);
    expect(await exists("/tags/secret-tag/")).toBe(false);
    expect(await page("/tags/")).not.toContain("Secret tag");
    expect(await page("/blog/")).not.toContain("A draft post");
  });

  it("has a home page, a 404 page and a way back up from every page", async () => {
    const home = await page("/");
    expect(titlesIn(home)).toContain("London update, January 2026");
    expect(home).toContain('href="/regions/yorkshire-and-the-humber/"');
    expect(await page("/404.html")).toContain("<h1>Page not found</h1>");
    expect(await page("/tags/uasc/")).toContain('<nav class="breadcrumbs" aria-label="Breadcrumb">');
  });
});
