/**
 * The Content-Security-Policy in `_headers` against the real archive in Chromium: served by the preview
 * server (which sends the `_headers` rules), the home page, an article and a working search report no
 * policy violation. Proves the policy is not only strict but also lets the site, Pagefind's WebAssembly
 * included, work.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startPreview, type Preview } from "../../src/publishing/preview.ts";
import { readSettings } from "../../src/core/settings.ts";
import { browserAvailable, launchBrowser, type BrowserSession } from "../support/browser.ts";

const runnable = browserAvailable("Content-Security-Policy (tests/publishing/csp.test.ts)");

describe.skipIf(!runnable)("the site under its Content-Security-Policy", () => {
  let preview: Preview;
  let browser: BrowserSession;

  beforeAll(async () => {
    preview = await startPreview({ root: inject("siteDir"), pathPrefix: readSettings().pathPrefix });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  /** Opens a page, runs `act`, and returns every CSP violation and console error seen. */
  async function visit(
    sitePath: string,
    act?: (page: Awaited<ReturnType<BrowserSession["newPage"]>>) => Promise<void>,
  ) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      // Failed requests are reported below with their URL.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        problems.push(`console: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(new URL(sitePath, preview.url).href, { waitUntil: "networkidle" });
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await act?.(page);
    await page.close();
    return problems;
  }

  it("shows the home page and an article without a violation", async () => {
    expect(await visit("")).toEqual([]);
    expect(await visit("blog/2019/grow-your-own/")).toEqual([]);
    expect(await visit("feed.xml")).toEqual([]);
  });

  it("searches (Pagefind and its WebAssembly) without a violation", async () => {
    let results = 0;
    const problems = await visit("search/", async (page) => {
      await page.locator("#search-q").fill("children");
      await page.locator("[data-search-results] li").first().waitFor({ timeout: 15_000 });
      results = await page.locator("[data-search-results] li").count();
    });
    expect(problems).toEqual([]);
    expect(results).toBeGreaterThan(0);
  });
});
