/**
 * The search page in a real browser, on the real archive (built once for the run by tests/global-setup.ts),
 * served by the preview server with the headers of the site's `_headers` (its Content-Security-Policy included): typing finds articles,
 * filters narrow them, the URL round-trips (direct load and Back), an empty search says so, nothing logs an
 * error. Also measures what a first one-word search downloads (within 120 KB as served), ranks the
 * judged queries (below) as a reader would, and checks result links under a path prefix on the fixture site.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { formatViolations, runAxe } from "../support/quality/a11y.ts";
import { formatPageIssues, watchPage, type PageWatcher } from "../support/quality/page-errors.ts";
import { browserAvailable, launchBrowser, type BrowserSession } from "../support/browser.ts";
import { FIXTURE_BUILDS } from "../support/fixtures.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";

const runnable = browserAvailable("search page (tests/browser/search.test.ts)");
const siteDir = inject("siteDir");

/** Waits as long as a first load of the index may take (expect.poll's own default is one second). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

const watch = (page: Page) => watchPage(page);

/** Waits until the search in progress has rendered its results (the list is aria-busy meanwhile). */
const settled = (page: Page) => page.locator('[data-search-results][aria-busy="false"]').waitFor();

const status = (page: Page) => page.locator("[data-search-status]");
const resultTitles = (page: Page) => page.locator(".search-result__title a").allTextContents();

/** Every result's title, after showing them all ("Show more results" until it goes). */
async function everyResultTitle(page: Page): Promise<string[]> {
  await settled(page);
  const more = page.locator("[data-search-more]");
  while (await more.isVisible()) {
    const shown = await page.locator(".search-result").count();
    await more.click();
    await poll(() => page.locator(".search-result").count()).toBeGreaterThan(shown);
  }
  return resultTitles(page);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The day a result's date stands for, from its "kind · date · author" line: "12 March 2026", or the first of
 * the month for a month-only date ("September 2017", or "September 2017 (estimated)" where the month was worked
 * out, as the regional updates' are); NaN if there is none.
 */
function dayOf(meta: string): number {
  const match = /(?:^| · )(?:(\d{1,2}) )?([A-Z][a-z]+) (\d{4})(?: \(estimated\))?(?: · |$)/.exec(meta);
  const month = match ? MONTHS.indexOf(match[2]!) : -1;
  return match && month >= 0 ? Date.UTC(Number(match[3]), month, Number(match[1] ?? 1)) : Number.NaN;
}

/** Types like a person (so the debounce and the input events run) and waits for the announcement. */
async function typeQuery(page: Page, text: string): Promise<void> {
  const box = page.getByRole("searchbox", { name: "Search the archive" });
  await box.fill("");
  await box.pressSequentially(text, { delay: 20 });
  await poll(() => status(page).textContent()).toContain(`“${text}”`);
}

/**
 * Ranking a reader agrees with (issue 17): queries a reader would type, each with the articles a careful
 * editor would expect among the first five results, judged by reading the archive (judged-queries.yaml).
 * Two measures over the set, on the first page of results the search page shows: the mean reciprocal rank
 * of the first expected article (1 when it comes first, 1/2 second… 0 when none is shown), and recall at 5
 * (the share of the expected articles, five at most, shown). Measured on 2 December 2026 (Pagefind 1.6):
 * 0.964 and 0.818 before the ranking options in assets/search.js, 0.964 and 0.842 after. The thresholds sit
 * a little below.
 */
const JUDGED = parse(readFileSync("tests/browser/judged-queries.yaml", "utf8")) as {
  query: string;
  expect: string[];
}[];
const MIN_RECIPROCAL_RANK = 0.93;
const MIN_RECALL_AT_5 = 0.82;
const FIRST_PAGE = 5;

/** The site paths of the results a search shows first, opened from its URL, best first. */
async function firstResults(page: Page, url: string, query: string): Promise<string[]> {
  await page.goto(url);
  await poll(() => status(page).textContent()).toContain(`“${query}”`);
  await settled(page);
  const links = page.locator(".search-result__title a");
  const paths = await links.evaluateAll((all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return paths.slice(0, FIRST_PAGE);
}

describe.skipIf(!runnable)("the search page on the real archive", () => {
  let browser: BrowserSession;
  let server: StaticServer;
  let watcher: PageWatcher;
  let page: Page;

  beforeAll(async () => {
    server = await serveSite(siteDir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query = ""): Promise<Page> {
    page = await browser.newPage();
    watcher = watch(page);
    const response = await page.goto(server.url(`search/${query}`));
    // Search must work under the policy hosts will send, so it is tested under it.
    expect(response?.headers()["content-security-policy"]).toContain("'wasm-unsafe-eval'");
    await page.locator("[data-search-body]").waitFor({ state: "visible" });
    return page;
  }

  it("finds articles as you type, with the words marked, and puts the query in the URL", async () => {
    await open();
    await typeQuery(page, "brexit");
    expect(await resultTitles(page)).toContain("Do we know what Brexit means for children?");
    expect(await status(page).textContent()).toMatch(/^\d+ results? for “brexit”$/);
    expect(await page.locator(".search-result__excerpt mark").count()).toBeGreaterThan(0);
    expect(new URL(page.url()).search).toBe("?q=brexit");
    const first = page.locator(".search-result").first();
    expect(await first.locator(".search-result__meta").textContent()).toMatch(/Blog post|Regional update/);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("narrows results with a filter, shows counts, and can sort newest first", async () => {
    await open();
    await typeQuery(page, "UASC");
    const before = await resultTitles(page);
    const london = page
      .getByRole("group", { name: "Region" })
      .getByRole("checkbox", { name: /^Greater London \(\d+\)$/ });
    const type = page.getByRole("group", { name: "Type" }).getByRole("checkbox", { name: /^Regional update/ });
    await london.check();
    await type.check();
    await poll(() => status(page).textContent()).toMatch(/for “UASC” with 2 filters$/);
    const after = await resultTitles(page);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(before.length);
    for (const title of after) expect(title).toMatch(/Greater London|GL Region/);
    expect(new URL(page.url()).search).toBe("?q=UASC&region=Greater+London&kind=Regional+update");

    await page.getByLabel("Sort by").selectOption("newest");
    await poll(() => new URL(page.url()).searchParams.get("sort")).toBe("newest");
    await settled(page);
    const times = (await page.locator(".search-result__meta").allTextContents()).map(dayOf);
    expect(times.length).toBeGreaterThan(1);
    expect(times.filter((time) => Number.isNaN(time))).toEqual([]); // every result's date was read
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("counts the other values of a filter as alternatives once one is ticked", async () => {
    await open();
    await typeQuery(page, "funding");
    const regions = page.getByRole("group", { name: "Region" }).getByRole("checkbox");
    const before = await regions.evaluateAll((boxes) =>
      boxes.map((box) => (box as HTMLInputElement).labels![0]!.textContent!.trim()),
    );
    expect(before.filter((label) => !label.endsWith("(0)")).length).toBeGreaterThan(1);
    await regions.first().check();
    await poll(() => status(page).textContent()).toMatch(/with 1 filter$/);
    await settled(page);
    const after = await regions.evaluateAll((boxes) =>
      boxes.map((box) => (box as HTMLInputElement).labels![0]!.textContent!.trim()),
    );
    expect(after).toEqual(before); // ticking one region widens, it doesn't zero the others
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("restores a search from its URL, and Back undoes the next one", async () => {
    await open("?q=UASC&region=Greater+London");
    const box = page.getByRole("searchbox", { name: "Search the archive" });
    await poll(() => status(page).textContent()).toMatch(/for “UASC” with 1 filter$/);
    expect(await box.inputValue()).toBe("UASC");
    // "Greater London" is a tag as well as a region.
    const london = page.getByRole("group", { name: "Region" }).getByRole("checkbox", { name: /^Greater London/ });
    expect(await london.isChecked()).toBe(true);
    const restored = await resultTitles(page);

    await typeQuery(page, "brexit");
    await london.uncheck();
    await poll(() => new URL(page.url()).search).toBe("?q=brexit");
    await page.goBack(); // the filter change
    await poll(() => new URL(page.url()).search).toBe("?q=brexit&region=Greater+London");
    expect(await london.isChecked()).toBe(true);
    await page.goBack(); // the typing
    await poll(() => new URL(page.url()).search).toBe("?q=UASC&region=Greater+London");
    await poll(() => box.inputValue()).toBe("UASC");
    await poll(() => resultTitles(page)).toEqual(restored);
    expect(await london.isChecked()).toBe(true);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("says so when nothing matches, but still finds a half-typed word", async () => {
    await open();
    // Pagefind alone would answer with every page containing "X" (see matchesQuery in assets/search.js).
    await typeQuery(page, "xylophonezz");
    expect(await status(page).textContent()).toMatch(/^No results for “xylophonezz”/);
    expect(await page.locator(".search-result").count()).toBe(0);
    await typeQuery(page, "safeguardin");
    expect(await status(page).textContent()).toMatch(/^\d+ results? for “safeguardin”$/);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("corrects a misspelt word: shows the results for the closest word the archive uses, and says so", async () => {
    await open();
    await typeQuery(page, "safegaurding");
    expect(await status(page).textContent()).toMatch(
      /^No results for “safegaurding”\. Showing \d+ results for “safeguarding”\.$/,
    );
    const titles = await resultTitles(page);
    expect(titles.length).toBeGreaterThan(1);
    // What the search for the right spelling finds, in the same order.
    await typeQuery(page, "safeguarding");
    expect(await resultTitles(page)).toEqual(titles);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("corrects the misspelt word of several, keeping the others", async () => {
    await open();
    await typeQuery(page, "youth jsutice");
    expect(await status(page).textContent()).toMatch(/Showing \d+ results? for “youth justice”\.$/);
    expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-search-browse]").isHidden()).toBe(true);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("with no results at all and nothing close, says so and points to the listings", async () => {
    await open();
    await typeQuery(page, "qqzzxxv");
    expect(await status(page).textContent()).toMatch(/^No results for “qqzzxxv”\. Check the spelling/);
    const browse = page.locator("[data-search-browse]");
    await poll(() => browse.isVisible()).toBe(true);
    expect(await browse.getByRole("link").allTextContents()).toEqual(["subject", "year", "region"]);
    expect(await page.locator("[data-search-suggestion]").isHidden()).toBe(true);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("finds an acronym's articles that only spell it out, and the reverse (content/_data/glossary.yaml)", async () => {
    await open();
    // Spells out "unaccompanied asylum-seeking children" and never writes "UASC".
    const speltOut = "On the frontline of looking after vulnerable children";
    // Writes "UASC" and never "unaccompanied".
    const acronymOnly =
      "Working together has been a bit of a theme over the last few... (title shortened in the old archive)";
    await typeQuery(page, "UASC");
    expect(await everyResultTitle(page)).toEqual(expect.arrayContaining([speltOut, acronymOnly]));
    await typeQuery(page, "unaccompanied");
    expect(await everyResultTitle(page)).toEqual(expect.arrayContaining([speltOut, acronymOnly]));
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("reads a query in capitals as the acronym: “SEND” is not the verb “send”", async () => {
    await open();
    // Writes "send" (the verb) and never "SEND" or special educational needs and disabilities.
    const verbOnly = "Invisible to education";
    await typeQuery(page, "send");
    expect(await everyResultTitle(page)).toContain(verbOnly);
    await typeQuery(page, "SEND");
    const titles = await everyResultTitle(page);
    expect(titles.length).toBeGreaterThan(5);
    expect(titles).not.toContain(verbOnly);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it("can be used from the keyboard: type, Enter, Tab to a filter and tick it with Space", async () => {
    await open();
    const box = page.getByRole("searchbox", { name: "Search the archive" });
    await box.focus();
    await page.keyboard.type("funding");
    await page.keyboard.press("Enter");
    await poll(() => status(page).textContent()).toContain("“funding”");
    await page.keyboard.press("Tab"); // the Search button
    await page.keyboard.press("Tab"); // the first filter: the first subject
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("checkbox");
    await page.keyboard.press("Space");
    await poll(() => new URL(page.url()).search).toMatch(/^\?q=funding&subject=/);
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });

  it(`ranks the judged queries' articles first (reciprocal rank ≥ ${MIN_RECIPROCAL_RANK}, recall at 5 ≥ ${MIN_RECALL_AT_5})`, async () => {
    expect(JUDGED.length).toBeGreaterThanOrEqual(20);
    const judgedPaths = JUDGED.flatMap((judged) => judged.expect);
    const missing = judgedPaths.filter((article) => !isIndexedArticle(path.join(siteDir, article, "index.html")));
    expect(missing, "judged articles that are not in the archive").toEqual([]);
    page = await browser.newPage();
    let reciprocal = 0;
    let recall = 0;
    const report: string[] = [];
    for (const { query, expect: expected } of JUDGED) {
      const shown = await firstResults(page, server.url(`search/?q=${encodeURIComponent(query)}`), query);
      const ranks = expected.map((article) => shown.indexOf(article) + 1);
      const best = Math.min(...ranks.filter((rank) => rank > 0));
      reciprocal += Number.isFinite(best) ? 1 / best : 0;
      recall += ranks.filter((rank) => rank > 0).length / Math.min(FIRST_PAGE, expected.length);
      report.push(`${query}: expected at ${ranks.map((rank) => rank || "-").join(", ")}; shown ${shown.join(" ")}`);
    }
    const [meanReciprocal, meanRecall] = [reciprocal / JUDGED.length, recall / JUDGED.length];
    console.log(
      `${JUDGED.length} judged queries: reciprocal rank ${meanReciprocal.toFixed(3)}, recall at 5 ${meanRecall.toFixed(3)}`,
    );
    expect(meanReciprocal, report.join("\n")).toBeGreaterThanOrEqual(MIN_RECIPROCAL_RANK);
    expect(meanRecall, report.join("\n")).toBeGreaterThanOrEqual(MIN_RECALL_AT_5);
  });

  it("measures what a first one-word search downloads", async () => {
    const fresh = await launchBrowser(); // an empty cache
    try {
      const measured = await fresh.newPage();
      const bytes = new Map<string, number>();
      const reading: Promise<void>[] = [];
      // The context, not the page, so that requests made by Pagefind's web worker count too.
      fresh.context.on("response", (response) => {
        const url = new URL(response.url());
        if (!url.pathname.includes("/pagefind/")) return;
        // As hosts serve it: Pagefind's index files are gzipped on disk, its JavaScript is gzipped in transit.
        const served = (body: Buffer) => (url.pathname.endsWith(".js") ? gzipSync(body).length : body.length);
        reading.push(response.body().then((body) => void bytes.set(url.pathname, served(body))));
      });
      await measured.goto(server.url("search/"));
      await measured.locator("[data-search-body]").waitFor({ state: "visible" });
      const box = measured.getByRole("searchbox", { name: "Search the archive" });
      await box.pressSequentially("funding", { delay: 20 });
      await poll(() => measured.locator("[data-search-status]").textContent()).toContain("“funding”");
      await measured.waitForLoadState("networkidle");
      await Promise.all(reading);
      const byKind: Record<string, number> = {};
      for (const [file, size] of bytes) {
        const kind =
          /\/(index|fragment|filter)\//.exec(file)?.[1] ??
          path.basename(file).replace(/^(pagefind)\.en_\w+\.pf_meta$/, "$1 meta");
        byKind[kind] = (byKind[kind] ?? 0) + size;
      }
      const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
      console.log(`First search for “funding”: ${bytes.size} Pagefind files, ${total} bytes as served`, byKind);
      expect(bytes.size).toBeGreaterThan(0);
      // The spelling vocabulary is for searches that find nothing or little, not for this one.
      expect([...bytes.keys()].filter((file) => file.endsWith("/vocabulary.json"))).toEqual([]);
      // Fragments only for the results shown first (assets/search.js, FIRST_PAGE_SIZE).
      expect([...bytes.keys()].filter((file) => file.includes("/fragment/")).length).toBe(5);
      expect(total).toBeLessThanOrEqual(120_000); // issue 17's budget; 115 KB on 2 December 2026
    } finally {
      await fresh.close();
    }
  });
});

describe.skipIf(!runnable)("the search page under a path prefix", () => {
  let browser: BrowserSession;
  let server: StaticServer;

  beforeAll(async () => {
    // The fixture site built under /archive-prefix/ once for the run (tests/support/fixtures.ts).
    const { dir } = inject("fixtures")["site-prefixed"];
    server = await serveSite(dir, { pathPrefix: FIXTURE_BUILDS["site-prefixed"].settings.pathPrefix });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("links results under the prefix, and they open", async () => {
    const page = await browser.newPage();
    const watcher = watch(page);
    await page.goto(server.url("search/?q=UASC"));
    await poll(() => page.locator("[data-search-status]").textContent()).toBe("1 result for “UASC”");
    const link = page.locator(".search-result__title a").first();
    expect(await link.getAttribute("href")).toBe("/archive-prefix/regional-updates/2026/london-update-january-2026/");
    await link.click();
    await page.waitForURL(/london-update-january-2026/);
    expect(await page.locator("h1").textContent()).toBe("London update, January 2026");
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });
});

function isIndexedArticle(file: string): boolean {
  try {
    return readFileSync(file, "utf8").includes("data-pagefind-body");
  } catch {
    return false;
  }
}
