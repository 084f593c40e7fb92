/**
 * Subjects in the search page, in a real browser on the real archive (built once for the run by
 * tests/global-setup.ts): the Subject filter lists the subjects, and ticking one (or opening its URL) shows
 * exactly the articles the subject's own page lists.
 */
import { load } from "cheerio";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { readSettings } from "../../src/core/settings.ts";
import { PathPrefixer } from "../../src/core/urls.ts";
import { browserAvailable, siteInBrowser } from "../support/browser.ts";
import { formatPageIssues, watchPage } from "../support/quality/page-errors.ts";

const runnable = browserAvailable("subjects in search (tests/browser/subjects.test.ts)");
const siteDir = inject("siteDir");
const prefixer = new PathPrefixer(readSettings().pathPrefix);

/** Every article a subject's listing shows, following its pages, as linked (under the path prefix). */
async function listed(sitePath: string): Promise<string[]> {
  const $ = load(await readFile(path.join(siteDir, sitePath, "index.html"), "utf8"));
  const next = $(".pagination__next a").attr("href");
  const here = $(".article-list__title > a")
    .map((_, a) => $(a).attr("href")!)
    .get();
  return [...here, ...(next ? await listed(prefixer.withoutPrefix(next)!) : [])];
}

describe.skipIf(!runnable)("subjects in search on the real archive", () => {
  const site = siteInBrowser(siteDir);

  /** Every result's site path, after showing them all. */
  async function allResults(page: Page): Promise<string[]> {
    await page.locator('[data-search-results][aria-busy="false"]').waitFor();
    const more = page.locator("[data-search-more]");
    while (await more.isVisible()) {
      const shown = await page.locator(".search-result").count();
      await more.click();
      await expect.poll(() => page.locator(".search-result").count(), { timeout: 15_000 }).toBeGreaterThan(shown);
    }
    return page
      .locator(".search-result__title a")
      .evaluateAll((all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it("filters by subject: opened from its URL, it shows the articles of the subject's page", async () => {
    const page = await site.browser.newPage();
    const watcher = watchPage(page);
    await page.goto(site.server.url("search/?subject=Youth+justice"));
    const subjects = page.getByRole("group", { name: "Subject" });
    await subjects.waitFor({ state: "visible" });
    expect(await subjects.getByRole("checkbox", { name: /^Youth justice/ }).isChecked()).toBe(true);
    expect(await subjects.getByRole("checkbox").count()).toBeGreaterThan(10);
    expect((await allResults(page)).sort()).toEqual((await listed("/subjects/youth-justice/")).sort());
    expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
  });
});
