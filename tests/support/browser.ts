/**
 * Launching the system Chromium for browser gates, and the single decision about what to do
 * when it is missing: skip loudly on a developer machine, fail in CI (so a broken CI image can
 * never turn the gates silently green).
 *
 * We never download browsers through Playwright; Debian's `chromium` package provides the binary.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { serveSite, type ServeOptions, type StaticServer } from "./serve.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Flags chosen for a quiet, deterministic headless run in containers: no sandbox (we usually run as
 * root), no GPU, and no background traffic (updates, sync, QUIC probes) that could show up as
 * stray requests or slow startup.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Call at the top of a browser test file; returns whether the suite can run.
 * Missing browser: throws when `CI` is set (the file fails), otherwise prints one clear line and
 * returns false so the caller can `describe.skipIf(!ok)`.
 */
export function browserAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const why = `Chromium not found at ${CHROMIUM_PATH} (install the Debian "chromium" package or set CHROMIUM_PATH)`;
  if (isCI()) throw new Error(`Browser suite "${suite}" cannot run in CI: ${why}`);
  console.warn(`\n*** SKIPPING browser suite "${suite}": ${why}. In CI this is a failure. ***\n`);
  return false;
}

/** `CI=1`/`CI=true` (as set by GitHub Actions, GitLab…) count; `CI=0`/`CI=false` do not. */
function isCI(): boolean {
  const ci = process.env.CI?.trim() ?? "";
  return ci !== "" && !/^(0|false|no)$/i.test(ci);
}

export interface BrowserSession {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh, throwaway profile directory (removed on close). */
export async function launchBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "chromium-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    // Reduced motion keeps transitions from making focus-style and layout measurements flaky.
    reducedMotion: "reduce",
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser and the built site at `siteDir` served as hosts serve it, for the suite that calls this: opened
 * before its tests, closed after them. Read `browser` and `server` inside the tests, once the suite has started.
 */
export function siteInBrowser(
  siteDir: string,
  options?: ServeOptions,
): { browser: BrowserSession; server: StaticServer } {
  const session = {} as { browser: BrowserSession; server: StaticServer };
  beforeAll(async () => {
    session.server = await serveSite(siteDir, options);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
