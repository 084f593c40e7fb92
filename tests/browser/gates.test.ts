/**
 * Proves each browser gate can fail: every purpose-made bad page (tests/fixtures/quality/) breaks
 * exactly one gate, and the good page passes all of them. If a gate stops catching its defect,
 * this file fails — so a green real-site run means something.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatViolations, runAxe } from "../support/quality/a11y.ts";
import { checkKeyboard, formatKeyboardProblems } from "../support/quality/keyboard.ts";
import { checkLayout, formatLayoutProblems } from "../support/quality/layout.ts";
import { formatPageIssues, watchPage, type PageWatcher } from "../support/quality/page-errors.ts";
import { browserAvailable, launchBrowser, type BrowserSession } from "../support/browser.ts";
import { serveSite, type StaticServer } from "../support/serve.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/quality/", import.meta.url));
const runnable = browserAvailable("browser gates (tests/browser/gates.test.ts)");

describe.skipIf(!runnable)("browser gates on purpose-made pages", () => {
  let browser: BrowserSession;
  let server: StaticServer;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await serveSite(path.resolve(FIXTURES));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a fixture with the runtime watcher attached before navigation. */
  async function open(fixture: string, base: StaticServer = server): Promise<{ page: Page; watcher: PageWatcher }> {
    const page = await browser.newPage();
    pages.push(page);
    const watcher = watchPage(page);
    const response = await page.goto(base.url(`${fixture}/`), { waitUntil: "load" });
    expect(response?.status(), `fixture ${fixture} should be served`).toBe(200);
    return { page, watcher };
  }

  describe("the good page passes every gate", () => {
    it("axe: no WCAG A/AA violations", async () => {
      const { page } = await open("good");
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    });

    it("keyboard: skip link first, focus moves into main, every stop has a focus indicator", async () => {
      const { page } = await open("good");
      const result = await checkKeyboard(page);
      expect(result.problems, formatKeyboardProblems(result)).toEqual([]);
      expect(result.focusOrder).toHaveLength(5); // skip link, Home, About, button, in-page link
    });

    it("layout: no sideways scroll or overlap at 320, 768, 1280", async () => {
      const { page } = await open("good");
      const problems = await checkLayout(page);
      expect(problems, formatLayoutProblems(problems)).toEqual([]);
    });

    it("runtime: no console errors or failed requests, also when served under a path prefix", async () => {
      const prefixed = await serveSite(path.resolve(FIXTURES), { pathPrefix: "/archive-prefix/" });
      try {
        for (const base of [server, prefixed]) {
          const { page, watcher } = await open("good", base);
          await page.waitForLoadState("networkidle");
          expect(watcher.issues, formatPageIssues(watcher.issues)).toEqual([]);
        }
      } finally {
        await prefixed.close();
      }
    });
  });

  describe("each bad page fails its gate", () => {
    it("axe reports an image without alt text", async () => {
      const { page } = await open("missing-alt");
      const violations = await runAxe(page);
      expect(violations.map((v) => v.id)).toContain("image-alt");
      expect(formatViolations(violations)).toContain("pixel.svg");
    });

    it("keyboard check fails without a skip link", async () => {
      const { page } = await open("no-skip-link");
      const { problems } = await checkKeyboard(page);
      expect(problems).toEqual([
        expect.stringMatching(/^the first Tab focused <a href="\.\.\/good\/">Home: expected a skip link/),
      ]);
    });

    it("keyboard check fails when links lose their focus outline", async () => {
      const { page } = await open("no-focus-style");
      const { problems } = await checkKeyboard(page);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems).toContainEqual(
        expect.stringMatching(/^<a href="\.\.\/good\/">Home shows no visible focus indicator/),
      );
      expect(problems.join("\n")).not.toMatch(/<button/); // the button keeps its outline
    });

    it("layout check fails for a too-wide element at 320px only", async () => {
      const { page } = await open("too-wide");
      const problems = await checkLayout(page);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.width === 320)).toBe(true);
      expect(problems.map((p) => p.kind)).toContain("horizontal-scroll");
      expect(formatLayoutProblems(problems)).toContain("A fixed 600px box");
    });

    it("layout check fails for overlapping text blocks", async () => {
      const { page } = await open("overlap");
      const problems = await checkLayout(page);
      expect(problems).toContainEqual(
        expect.objectContaining({ kind: "overlap", detail: expect.stringContaining("Second paragraph") }),
      );
    });

    it("runtime watcher catches console.error and failed requests", async () => {
      const { page, watcher } = await open("console-error");
      await page.waitForLoadState("networkidle");
      expect(watcher.issues).toContainEqual({
        kind: "console",
        message: "fixture: deliberate console error",
        url: expect.stringContaining("console-error"),
      });
      expect(watcher.issues).toContainEqual({
        kind: "http",
        message: "HTTP 404",
        url: server.url("does-not-exist.png"),
      });
    });
  });
});
