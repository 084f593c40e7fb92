/**
 * Editors' images as readers get them (issue 19), on the images fixture (a 4,000 × 3,000 photo, a chart, an
 * SVG chart and a decorative divider) built for this file: what a phone and a desktop download for the
 * photo, and that the page does not move as the images arrive (the Layout Instability API).
 */
import { load } from "cheerio";
import { existsSync, mkdtempSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, siteInBrowser } from "../support/browser.ts";
import { buildSiteAfresh, siteSettings } from "../support/fixtures.ts";
import { imagesFixture } from "../support/images.ts";
import { formatViolations, runAxe } from "../support/quality/a11y.ts";
import { formatHtmlProblems, validateSite } from "../support/quality/html.ts";
import { checkLayout, formatLayoutProblems } from "../support/quality/layout.ts";
import { checkLinks } from "../support/quality/links.ts";

const ARTICLE = "blog/2026/photos-and-charts/";
const runnable = browserAvailable("images");

const work = mkdtempSync(path.join(tmpdir(), "adcs-images-site-"));
const siteDir = path.join(work, "site");

beforeAll(async () => {
  await imagesFixture(path.join(work, "content"));
  await buildSiteAfresh({ outputDir: siteDir, contentDir: path.join(work, "content"), settings: siteSettings() });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("the built article", () => {
  it("publishes the photo only resized, never the 4,000-pixel original", async () => {
    const $ = load(await readFile(path.join(siteDir, ARTICLE, "index.html"), "utf8"));
    const widest = Math.max(
      ...$("source, img")
        .toArray()
        .flatMap((element) => ($(element).attr("srcset") ?? "").match(/\d+(?=w)/g) ?? [])
        .map(Number),
    );
    expect(widest).toBe(1292);
    expect(existsSync(path.join(siteDir, "images/forum.jpg"))).toBe(false);
    // Every published image's name holds its content's hash (so /images/ may be cached for good).
    const published = await readdir(path.join(siteDir, "images"));
    expect(published.filter((name) => !/-[0-9a-f]{10}(-\d+)?\.(webp|jpg|png|svg)$/.test(name))).toEqual([]);
    for (const src of $("img")
      .toArray()
      .map((img) => $(img).attr("src")!))
      expect(existsSync(path.join(siteDir, src))).toBe(true);
  });

  it("is valid HTML, and every link and image address on the site leads to a file", async () => {
    expect(formatHtmlProblems(await validateSite(siteDir))).toBe("");
    expect(checkLinks(siteDir, { siteOrigin: siteSettings().siteUrl })).toEqual([]);
  });

  it("feeds carry the picture with absolute addresses", async () => {
    const feed = await readFile(path.join(siteDir, "feed.xml"), "utf8");
    expect(feed).toMatch(
      /srcset=(?:"|&quot;)http:\/\/localhost:8080\/images\/forum-[0-9a-f]{10}-320\.webp 320w, http:\/\/localhost:8080\/images\/forum-/,
    );
  });

  it("shares the photo as its social card", async () => {
    const $ = load(await readFile(path.join(siteDir, ARTICLE, "index.html"), "utf8"));
    const card = $('meta[property="og:image"]').attr("content")!;
    expect(card).toMatch(/\/images\/forum-[0-9a-f]{10}-1292\.jpg$/);
    expect(existsSync(path.join(siteDir, new URL(card).pathname))).toBe(true);
    expect($('meta[property="og:image:alt"]').attr("content")).toBe(
      "Young people at a council youth forum, talking in a circle",
    );
    const home = load(await readFile(path.join(siteDir, "index.html"), "utf8"));
    expect(home('meta[property="og:image"]').attr("content")).toMatch(/\/assets\/social-card\.[0-9a-f]{10}\.png$/);
  });
});

describe.skipIf(!runnable)("images in the browser", () => {
  const session = siteInBrowser(siteDir);

  /**
   * Opens the article at `width`, scrolls to its end so that every lazy image loads, and returns the bytes
   * of each image response and the layout shift the images caused. No image is answered until the text is
   * laid out and painted (as on a slow line): a missing size would then move the page. Shifts before that
   * are not the images' (on a phone, the Menu button folding the navigation when its script runs).
   */
  async function visit(
    width: number,
    changeHtml?: (html: string) => string,
  ): Promise<{ bytes: Map<string, number>; shift: number }> {
    const context = await session.browser.context.browser()!.newContext({ viewport: { width, height: 800 } });
    const page: Page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: { value: number; startTime: number }[] = [];
      (window as unknown as { shifts: typeof shifts }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          startTime: number;
          hadRecentInput: boolean;
        }[])
          if (!entry.hadRecentInput) shifts.push({ value: entry.value, startTime: entry.startTime });
      }).observe({ type: "layout-shift", buffered: true });
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/images/**", async (route) => {
      await released;
      await route.continue();
    });
    if (changeHtml) {
      await page.route(`**/${ARTICLE}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: changeHtml(await response.text()) });
      });
    }
    const bytes = new Map<string, number>();
    page.on("response", async (response) => {
      const url = new URL(response.url()).pathname;
      if (url.includes("/images/")) bytes.set(url, (await response.body()).length);
    });
    // Module scripts (the menu) have run by DOMContentLoaded; two frames later the text is painted.
    await page.goto(session.server.url(ARTICLE), { waitUntil: "domcontentloaded" });
    const imagesFrom = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
        ),
    );
    release();
    await page.waitForLoadState("networkidle");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 400) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.waitForLoadState("networkidle");
    const complete = await page.evaluate(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    expect(complete).toBe(true);
    const shift = await page.evaluate(
      (from) =>
        (window as unknown as { shifts: { value: number; startTime: number }[] }).shifts
          .filter((entry) => entry.startTime >= from)
          .reduce((sum, entry) => sum + entry.value, 0),
      imagesFrom,
    );
    await context.close();
    return { bytes, shift };
  }

  const photoBytes = (bytes: Map<string, number>) =>
    [...bytes].filter(([url]) => url.includes("/images/forum-")).reduce((sum, [, size]) => sum + size, 0);

  it("a phone (320 px) downloads at most 60 KB for the 4,000 × 3,000 photo, a desktop (1280 px) at most 200 KB", async () => {
    const phone = await visit(320);
    const desktop = await visit(1280);
    console.log(
      `Photo bytes: ${photoBytes(phone.bytes)} at 320 px, ${photoBytes(desktop.bytes)} at 1280 px; all images: ` +
        `${[...phone.bytes.values()].reduce((a, b) => a + b, 0)} and ${[...desktop.bytes.values()].reduce((a, b) => a + b, 0)}`,
    );
    expect(photoBytes(phone.bytes)).toBeGreaterThan(0);
    expect(photoBytes(phone.bytes)).toBeLessThanOrEqual(60_000);
    expect(photoBytes(desktop.bytes)).toBeLessThanOrEqual(200_000);
    // One file of the photo each: the browser chose from srcset rather than fetching the fallback too.
    expect([...phone.bytes.keys()].filter((url) => url.includes("/images/forum-"))).toHaveLength(1);
  });

  it("passes axe and keeps to the screen's width at 320, 768 and 1280 px", async () => {
    const page = await session.browser.newPage();
    await page.goto(session.server.url(ARTICLE));
    expect(formatViolations(await runAxe(page))).toBe("");
    expect(formatLayoutProblems(await checkLayout(page))).toBe("");
    await page.close();
  });

  it("the page does not move as its images load (layout shift 0), and would without their sizes", async () => {
    for (const width of [320, 1280]) expect((await visit(width)).shift).toBe(0);
    const unsized = await visit(320, (html) => html.replace(/ (width|height)="\d+"/g, ""));
    console.log(
      `Layout shift as the images load: 0 at 320 and 1280 px; ${unsized.shift.toFixed(3)} at 320 px without their sizes`,
    );
    expect(unsized.shift).toBeGreaterThan(0);
  });
});
