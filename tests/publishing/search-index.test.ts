/**
 * The search index, without a browser: takes the fixture site's shared build (tests/global-setup.ts), then
 * loads the Pagefind bundle it wrote (the same pagefind.js the search page loads) in Node and queries it. The
 * real archive, built once for the run (tests/global-setup.ts), gets the same checks with its own words.
 */
import { load } from "cheerio";
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ARTICLE_LABELS,
  buildSearchIndex,
  indexedPageCount,
  SearchIndexError,
} from "../../src/publishing/search-index.ts";

interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, "asc" | "desc"> },
  ): Promise<{ results: { data(): Promise<ResultData> }[]; filters: Record<string, Record<string, number>> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Pagefind's browser bundle runs in Node once `fetch` can read `file:` URLs (it fetches its wasm and index
 * chunks next to pagefind.js). Each bundle is its own module, so the fixture and the real archive don't mix.
 */
async function loadPagefind(siteDir: string): Promise<Pagefind> {
  const pagefind = (await import(
    /* @vite-ignore */ pathToFileURL(path.join(siteDir, "pagefind", "pagefind.js")).href
  )) as Pagefind;
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  return pagefind;
}

const realFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.startsWith("file:")) return realFetch(input, init);
    const body = await readFile(fileURLToPath(url.split("?")[0]!));
    return new Response(body, {
      headers: { "Content-Type": url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream" },
    });
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

async function urls(found: { results: { data(): Promise<ResultData> }[] }): Promise<string[]> {
  return Promise.all(found.results.map(async (result) => (await result.data()).url));
}

/** Site paths of every page carrying `data-pagefind-body`, i.e. the article pages. */
async function articleUrls(siteDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(siteDir, { recursive: true, withFileTypes: true })) {
    if (entry.name !== "index.html") continue;
    const file = path.join(entry.parentPath, entry.name);
    if (load(await readFile(file, "utf8"))("[data-pagefind-body]").length > 0) {
      found.push(`/${path.relative(siteDir, path.dirname(file)).split(path.sep).join("/")}/`);
    }
  }
  return found.sort();
}

describe("the search index of the fixture site", () => {
  const { dir: out, built } = inject("fixtures").site;
  let pagefind: Pagefind;

  beforeAll(async () => {
    pagefind = await loadPagefind(out);
  });

  it("is written into the site, with one page per published article and nothing else", async () => {
    const articles = await articleUrls(out);
    expect(articles).toEqual([
      "/blog/2025/a-year-in-review/",
      "/blog/2026/school-funding-pressures/",
      "/blog/2026/youth-justice-reform/",
      "/regional-updates/2026/london-update-january-2026/",
    ]);
    expect(await indexedPageCount(path.join(out, "pagefind"))).toBe(articles.length);
    expect(built.indexedPages).toBe(articles.length);
    expect(built.pages).toBeGreaterThan(articles.length); // listings, tags, search… were built but not indexed
    // Every page of the index, found through a filter every article has:
    const everything = await pagefind.search(null, { filters: { kind: { any: ["Blog post", "Regional update"] } } });
    expect((await urls(everything)).sort()).toEqual(articles);
  });

  it("finds the right article for a word in its text", async () => {
    expect(await urls(await pagefind.search("UASC"))).toEqual(["/regional-updates/2026/london-update-january-2026/"]);
  });

  it("leaves out listings, navigation, drafts and the labels around an article", async () => {
    // "Search" and "feed" are in the navigation and footer of every page, "Secret" only in a draft, "minute"
    // and "tags" only in the reading time and the tag list's heading, labels ARTICLE_LABELS excludes.
    for (const word of ["search", "feed", "secret", "minute", "tags"]) {
      expect(await urls(await pagefind.search(word)), word).toEqual([]);
    }
    expect(ARTICLE_LABELS.length).toBeGreaterThan(0);
  });

  it("has a result's title, date, author and summary as metadata, and the matched words marked", async () => {
    const [result] = (await pagefind.search("pressures")).results;
    const data = await result!.data();
    expect(data.url).toBe("/blog/2026/school-funding-pressures/");
    expect(data.meta).toMatchObject({ title: "School funding pressures", date: "12 March 2026", kind: "Blog post" });
    expect(data.meta.author).toMatch(/^Jane Doe, /);
    expect(data.meta.summary).toBeTruthy();
    expect(load(data.excerpt)("mark").length).toBeGreaterThan(0);
    // The hidden metadata block is not part of the text, so it never shows up in an excerpt.
    expect(data.content).not.toContain(data.meta.summary!.repeat(2));
  });

  it("filters by subject, region, kind, year, author and each tag separately", async () => {
    const all = await pagefind.filters();
    expect(Object.keys(all).sort()).toEqual(["author", "kind", "region", "subject", "tag", "year"]);
    // "Secrets" is chosen only by a draft.
    expect(all.subject).toEqual({ "Funding and finance": 1, "Youth justice": 1 });
    const youthJustice = await pagefind.search(null, { filters: { subject: "Youth justice" } });
    expect(await urls(youthJustice)).toEqual(["/blog/2026/youth-justice-reform/"]);
    expect(all.kind).toEqual({ "Blog post": 3, "Regional update": 1 });
    expect(all.year).toEqual({ "2025": 1, "2026": 3 });
    expect(all.region).toMatchObject({ "Greater London": 1, "North West": 1 });
    expect(Object.keys(all.tag!)).toEqual(expect.arrayContaining(["SEND", "UASC", "Youth justice"]));
    expect(Object.keys(all.tag!)).not.toContain("Secret tag"); // only in a draft

    const inLondon = await pagefind.search(null, { filters: { region: "Greater London" } });
    expect(await urls(inLondon)).toEqual(["/regional-updates/2026/london-update-january-2026/"]);
    const send = await pagefind.search(null, { filters: { tag: "SEND" } });
    expect(await urls(send)).toEqual(["/blog/2026/school-funding-pressures/"]);
  });

  it("sorts by date, newest first, the same order as the listings", async () => {
    const newest = await pagefind.search(null, { filters: { kind: "Blog post" }, sort: { date: "desc" } });
    expect(await urls(newest)).toEqual([
      "/blog/2026/school-funding-pressures/",
      "/blog/2026/youth-justice-reform/",
      "/blog/2025/a-year-in-review/",
    ]);
  });

  it("has a search page that works without inline code and explains itself without JavaScript", async () => {
    // Parsed as a browser without JavaScript would, so that what <noscript> holds is markup.
    const $ = load(await readFile(path.join(out, "search", "index.html"), "utf8"), { scriptingEnabled: false });
    const noscript = $("noscript");
    expect(noscript).toHaveLength(1);
    expect(noscript.text()).toContain("Search needs JavaScript");
    expect(
      noscript
        .find("a")
        .map((_, a) => a.attribs.href)
        .get(),
    ).toEqual(expect.arrayContaining(["/subjects/", "/archive/", "/regions/"]));
    const form = $("form.search-form");
    expect([form.attr("role"), form.attr("action"), form.attr("method")]).toEqual(["search", "/search/", "get"]);
    const scripts = $("script")
      .map((_, script) => ({ type: script.attribs.type, src: script.attribs.src }))
      .get();
    expect(scripts).toContainEqual({
      type: "module",
      src: expect.stringMatching(/^\/assets\/search\.[0-9a-f]{10}\.js$/),
    });
    // The Content-Security-Policy allows neither inline scripts nor inline styles.
    expect(scripts.filter((script) => !script.src)).toEqual([]);
    expect($("script").text()).toBe("");
    expect($("style, [style]")).toHaveLength(0);
  });

  it("stops with an error rather than writing an empty index", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "adcs-search-empty-"));
    try {
      await expect(buildSearchIndex(empty)).rejects.toThrow(SearchIndexError);
      await expect(buildSearchIndex(empty)).rejects.toThrow(/no page carries/);
      await expect(buildSearchIndex(path.join(empty, "missing"))).rejects.toThrow(/not a folder/);
      // HTML files, but none marked as an article:
      await cp(path.join(out, "tags"), path.join(empty, "tags"), { recursive: true });
      // (Pagefind itself would then index every page whole, navigation and all.)
      await expect(buildSearchIndex(empty)).rejects.toThrow(/no page carries data-pagefind-body/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe("the search index of the real archive", () => {
  const siteDir = inject("siteDir");
  let pagefind: Pagefind;
  beforeAll(async () => {
    pagefind = await loadPagefind(siteDir);
  });

  it("has every article: 100 blog posts and 3 regional updates", async () => {
    expect(await indexedPageCount(path.join(siteDir, "pagefind"))).toBe(103);
    expect(await pagefind.filters()).toMatchObject({ kind: { "Blog post": 100, "Regional update": 3 } });
  });

  it("finds the Brexit post for “brexit”", async () => {
    const found = await pagefind.search("brexit");
    const titles = await Promise.all(found.results.map(async (result) => (await result.data()).meta.title));
    expect(titles).toContain("Do we know what Brexit means for children?");
  });

  it("finds the Greater London regional updates for “UASC”", async () => {
    const found = await pagefind.search("UASC", { filters: { kind: "Regional update" } });
    const data = await Promise.all(found.results.map((result) => result.data()));
    expect(data.length).toBeGreaterThan(0);
    for (const page of data) expect(page.filters.region).toEqual(["Greater London"]);
  });

  it("gives every article a date to sort by, so none drops out of “newest first”", async () => {
    const all = await pagefind.search(null, {
      filters: { kind: { any: ["Blog post", "Regional update"] } },
      sort: { date: "desc" },
    });
    expect(all.results).toHaveLength(103);
  });
});
