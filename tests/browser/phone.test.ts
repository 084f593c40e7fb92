/**
 * The reader on a phone (320 × 568), on the real archive built for the run: an article's title and first
 * words on the first screen, and the header's "Menu" working by keyboard, announcing its state, and, without
 * JavaScript, leaving every navigation link reachable.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readSettings } from "../../src/core/settings.ts";
import { browserAvailable, launchBrowser, type BrowserSession } from "../support/browser.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";

const SITE_DIR = inject("siteDir");
const PHONE = { width: 320, height: 568 };
const ARTICLE = "blog/2019/making-our-voices-heard/";
const runnable = browserAvailable("phone");

describe.skipIf(!runnable)("on a phone", () => {
  let server: StaticServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await serveSite(SITE_DIR, { pathPrefix: readSettings().pathPrefix });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phonePage(sitePath: string, javaScriptEnabled = true): Promise<Page> {
    const context = await browser.context.browser()!.newContext({ viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(server.url(sitePath));
    return page;
  }

  const navLinks = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link");

  it("shows an article's title within the first 200 px and its first paragraph on the first screen", async () => {
    const page = await phonePage(ARTICLE);
    const title = (await page.locator("main h1").boundingBox())!;
    const first = (await page.locator(".article__body p").first().boundingBox())!;
    expect(title.y).toBeLessThanOrEqual(200);
    expect(first.y).toBeLessThan(PHONE.height);
    await page.context().close();
  });

  it("folds the navigation behind a Menu button that opens and closes by keyboard and says whether it is open", async () => {
    const page = await phonePage(ARTICLE);
    const menu = page.getByRole("button", { name: "Menu" });
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    expect(await navLinks(page).first().isVisible()).toBe(false);

    await page.keyboard.press("Tab"); // the skip link
    await page.keyboard.press("Tab"); // the site's name
    await page.keyboard.press("Tab");
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    for (const link of await navLinks(page).all()) expect(await link.isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    expect(
      await navLinks(page)
        .first()
        .evaluate((link) => link === document.activeElement),
    ).toBe(true);

    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press("Space");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Space");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await page.context().close();
  });

  it("without JavaScript, has no Menu button and every navigation link is there to reach", async () => {
    const page = await phonePage(ARTICLE, false);
    expect(await page.getByRole("button", { name: "Menu" }).count()).toBe(0);
    const links = await navLinks(page).all();
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) expect(await link.isVisible()).toBe(true);
    await page.context().close();
  });

  it("on a wide screen shows the navigation and search with no Menu button", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url(ARTICLE));
    expect(await page.getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
    for (const link of await navLinks(page).all()) expect(await link.isVisible()).toBe(true);
    expect(await page.getByRole("search").isVisible()).toBe(true);
    await page.close();
  });

  it("takes a reader at the end of a long year page back to its top with 'Back to top', by keyboard", async () => {
    const page = await phonePage("archive/2019/");
    const back = page.getByRole("link", { name: "Back to top" });
    await back.focus();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(5 * PHONE.height);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    // The next Tab starts from the top of the page again: the skip link.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.context().close();
  });
});
