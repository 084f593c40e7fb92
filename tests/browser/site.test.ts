/**
 * The real-site quality suite: runs every gate on the built site (the real archive built once for the run by
 * tests/global-setup.ts, or the folder given as SITE_DIR).
 *
 *   SITE_DIR     built folder to test (default: the real archive, built for the run)
 *   PATH_PREFIX  path prefix the site was built for (default `/`), e.g. `/archive-prefix/`
 *   SITE_URL     the site's public URL as given to the build; absolute links to it are link-checked too
 * PATH_PREFIX and SITE_URL are read through the build's own `readSettings`, so the suite always
 * agrees with how `npm run build` interpreted the same environment.
 *
 * Whole-site gates (links, HTML validity) need no browser. Page gates run on one page of each
 * type; for types with many pages (region, tag, author, year, article) the first link found on
 * the matching listing page is used.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatViolations, runAxe } from "../support/quality/a11y.ts";
import { formatHtmlProblems, validateSite } from "../support/quality/html.ts";
import { checkKeyboard, formatKeyboardProblems } from "../support/quality/keyboard.ts";
import { checkLayout, formatLayoutProblems } from "../support/quality/layout.ts";
import { checkLinks, formatLinkProblems, scanHtml } from "../support/quality/links.ts";
import { formatPageIssues, watchPage, type PageIssue, type PageWatcher } from "../support/quality/page-errors.ts";
import { fileToUrlPath } from "../support/quality/site-files.ts";
import { readSettings } from "../../src/core/settings.ts";
import { browserAvailable, launchBrowser, type BrowserSession } from "../support/browser.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";

const SITE_DIR = inject("siteDir");
const SETTINGS = readSettings();
const PATH_PREFIX = SETTINGS.pathPrefix;
const SITE_ORIGIN = new URL(SETTINGS.siteUrl).origin;

interface PageType {
  name: string;
  /** Site path without the prefix, for pages whose address is fixed. */
  path?: string;
  /** For "one of many" pages: the listing page to take the first matching link from. */
  from?: string;
  pattern?: RegExp;
  /** Expected HTTP status (the 404 page is requested at a missing address, as real visitors get it). */
  status?: number;
  /** Exercise the page after load (so lazily loaded code, e.g. the search index, is tested too). */
  interact?: (page: Page) => Promise<void>;
}

const PAGE_TYPES: PageType[] = [
  { name: "home", path: "" },
  { name: "blog listing", path: "blog/" },
  { name: "blog listing, page 2", path: "blog/page/2/" },
  { name: "regional updates", path: "regional-updates/" },
  { name: "regions index", path: "regions/" },
  { name: "region", from: "regions/", pattern: /^regions\/[^/]+\/$/ },
  { name: "subjects index", path: "subjects/" },
  { name: "subject", from: "subjects/", pattern: /^subjects\/[^/]+\/$/ },
  { name: "tags index", path: "tags/" },
  { name: "tag", from: "tags/", pattern: /^tags\/[^/]+\/$/ },
  { name: "authors index", path: "authors/" },
  { name: "author", from: "authors/", pattern: /^authors\/[^/]+\/$/ },
  { name: "archive index", path: "archive/" },
  { name: "archive year", from: "archive/", pattern: /^archive\/\d{4}\/$/ },
  { name: "article", from: "blog/", pattern: /^blog\/\d{4}\/[^/]+\/$/ },
  { name: "search", path: "search/", interact: searchForSomething },
  { name: "subscribe", path: "subscribe/" },
  { name: "accessibility statement", path: "accessibility/" },
  { name: "404", path: "this-page-does-not-exist/", status: 404 },
];

/** Site path (no prefix) of the first link on `from` whose path matches `pattern`. */
function firstLinkOn(from: string, pattern: RegExp): string {
  const file = path.join(SITE_DIR, from, "index.html");
  if (!existsSync(file)) throw new Error(`listing page ${from} not found in ${SITE_DIR}`);
  const pageUrl = new URL(fileToUrlPath(`${from}index.html`, PATH_PREFIX), "http://site.invalid");
  for (const { url } of scanHtml(readFileSync(file, "utf8")).refs) {
    const resolved = new URL(url, pageUrl);
    if (resolved.origin !== pageUrl.origin || !resolved.pathname.startsWith(PATH_PREFIX)) continue;
    const sitePath = decodeURIComponent(resolved.pathname.slice(PATH_PREFIX.length));
    if (pattern.test(sitePath)) return sitePath;
  }
  throw new Error(`no link matching ${pattern} on ${from}`);
}

function sitePathOf(type: PageType): string {
  if (type.path !== undefined) return type.path;
  return firstLinkOn(type.from!, type.pattern!);
}

/**
 * Searches like a visitor: type a query and press Enter. Works for a live-search UI (which reacts
 * to typing) and for a plain GET form (Enter submits it to `?q=`), and makes the search code load
 * its index and WebAssembly, so any failure there shows up in the runtime gate.
 */
async function searchForSomething(page: Page): Promise<void> {
  const box = page.locator('main input[type="search"], main input[type="text"]').first();
  if ((await box.count()) === 0) throw new Error("the search page has no search box in <main>");
  await box.fill("region");
  await page.waitForTimeout(500); // live-search UIs debounce input before fetching
  await box.press("Enter");
  // Settled: the page marks its results busy until a search (and any spelling correction) has rendered, and
  // a keyboard walk over a list still growing would see focused links pushed off screen.
  await page.waitForFunction(() => {
    const results = document.querySelector("[data-search-results]");
    const status = document.querySelector("[data-search-status]");
    return results?.getAttribute("aria-busy") === "false" && !!status?.textContent?.trim();
  });
  await page.waitForLoadState("networkidle");
}

describe("built site: whole-site gates", () => {
  it("every internal link, asset and #anchor resolves", () => {
    const problems = checkLinks(SITE_DIR, { pathPrefix: PATH_PREFIX, siteOrigin: SITE_ORIGIN });
    expect(problems, formatLinkProblems(problems)).toEqual([]);
  }, 600_000);

  it("every page is valid HTML (html-validate, .htmlvalidate.mjs)", async () => {
    const problems = await validateSite(SITE_DIR);
    expect(problems, formatHtmlProblems(problems)).toEqual([]);
  }, 600_000); // ~150 ms per page: generous for large archives
});

const runnable = browserAvailable("real-site page gates (tests/browser/site.test.ts)");

describe.skipIf(!runnable)("built site: page gates", () => {
  let browser: BrowserSession;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveSite(SITE_DIR, { pathPrefix: PATH_PREFIX });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(type: PageType): Promise<{ page: Page; watcher: PageWatcher; url: string }> {
    const url = server.url(sitePathOf(type));
    const page = await browser.newPage();
    // The 404 page is *meant* to answer 404; only its own document status is expected.
    const expectedMissing = (issue: PageIssue): boolean =>
      type.status === 404 && issue.url === url && (issue.kind === "http" || /status of 404/.test(issue.message));
    const watcher = watchPage(page, { ignore: expectedMissing });
    // The search page lays itself out after load, as Pagefind and its filters arrive: a gate that ran
    // meanwhile would measure a page still moving (CI once saw the footer's link focused mid-move).
    const response = await page.goto(url, { waitUntil: type.name === "search" ? "networkidle" : "load" });
    if (type.name === "search") {
      await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: "attached" });
    }
    expect(response?.status(), `HTTP status of ${url}`).toBe(type.status ?? 200);
    return { page, watcher, url };
  }

  describe.each(PAGE_TYPES)("$name page", (type) => {
    it("has no axe WCAG 2.2 A/AA violations", async () => {
      const { page } = await open(type);
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await page.close();
    });

    it("works by keyboard: skip link, focus into main, visible focus everywhere", async () => {
      const { page } = await open(type);
      const result = await checkKeyboard(page);
      expect(result.problems, formatKeyboardProblems(result)).toEqual([]);
      await page.close();
    });

    it("lays out at 320, 768 and 1280 px without sideways scroll or overlaps", async () => {
      const { page } = await open(type);
      const problems = await checkLayout(page);
      expect(problems, formatLayoutProblems(problems)).toEqual([]);
      await page.close();
    });

    it("loads and runs without console errors or failed requests", async () => {
      const { page, watcher } = await open(type);
      await page.waitForLoadState("networkidle");
      await type.interact?.(page);
      expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
      await page.close();
    });
  });
});
