/**
 * The live preview as an editor uses it: Eleventy watching a copy of the fixture content with the preview's
 * configuration (as `npm start` runs it), then an article added while it runs. Its page is written with
 * only the pages it touches, and the preview's own search finds it, in a real browser.
 */
import Eleventy from "@11ty/eleventy";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfig } from "../../src/eleventy/config.ts";
import { previewSearch } from "../../src/eleventy/preview-search.ts";
import { browserAvailable, launchBrowser, type BrowserSession } from "../support/browser.ts";
import { PUBLISHING_CONTENT, publishingSettings } from "../support/fixtures.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";

const runnable = browserAvailable("live preview (tests/browser/preview.test.ts)");

describe.skipIf(!runnable)("the live preview", () => {
  let work: string;
  let content: string;
  let output: string;
  let eleventy: Eleventy;
  let server: StaticServer;
  let browser: BrowserSession;
  const lines: string[] = [];
  const search = previewSearch((line) => lines.push(line));

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "adcs-preview-"));
    content = path.join(work, "content");
    output = path.join(work, "preview");
    await cp(PUBLISHING_CONTENT, content, { recursive: true });
    const settings = { ...publishingSettings(), includeUnpublished: true };
    eleventy = new Eleventy("layouts", output, {
      quietMode: true,
      configPath: false as unknown as string,
      config: createConfig({ contentDir: content, settings, live: true, search }),
    });
    await eleventy.init();
    await eleventy.watch();
    await search.settled();
    server = await serveSite(output);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await eleventy?.stopWatch();
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  /** The titles of the results the preview's search page shows for `query`. */
  async function searchFor(query: string): Promise<string[]> {
    const page = await browser.newPage();
    await page.goto(server.url(`search/?q=${encodeURIComponent(query)}`));
    await page.locator('[data-search-results][aria-busy="false"]').waitFor();
    const titles = await page.locator(".search-result__title a").allTextContents();
    await page.close();
    return titles;
  }

  it("searches the articles it started with, drafts included", async () => {
    expect(lines.at(-1)).toMatch(/^Search index updated in \d+ ms \(\d+ articles\)$/);
    expect(await searchFor("draft")).toContain("A draft post");
  });

  it("finds an article added after it started", async () => {
    const file = path.join(content, "blog/2026/a-walrus-in-the-preview.md");
    await writeFile(
      file,
      "---\ntitle: A walrus in the preview\ndate: 2026-04-01\nauthor: jane-doe\n---\nZanzibar walrus.\n",
    );
    const page = path.join(output, "blog/2026/a-walrus-in-the-preview/index.html");
    await expect.poll(() => readFile(page, "utf8").catch(() => ""), { timeout: 30_000 }).toContain("Zanzibar walrus");
    await expect
      .poll(() => search.settled().then(() => searchFor("walrus")), { timeout: 30_000 })
      .toEqual(["A walrus in the preview"]);
  }, 90_000);
});
